/**
 * A SheetPlan is everything a map sheet should look like, as plain data: values,
 * formulas, styles, validations, rules, names and protections. `core/template` makes
 * one from a Journey; `sheets/apply` writes it with a fixed number of Apps Script calls;
 * the xlsx export writes the same plan with ExcelJS.
 */

/** Who owns a cell: the template rewrites its cells on refresh, user cells are only ever moved. */
export type Owner = 'template' | 'user';

export type StyleKey =
  | 'title'
  | 'titleValue'
  | 'label'
  | 'section'
  | 'sectionLabel'
  | 'header'
  | 'hint'
  | 'text'
  | 'input'
  | 'formula'
  | 'computed'
  | 'result'
  | 'footer'
  | 'plain';

export interface CellStyle {
  background: string | null;
  color: string;
  bold: boolean;
  italic: boolean;
  size: number;
  wrap: boolean;
}

export type ValidationSpec =
  | { kind: 'list'; values: readonly string[]; help: string }
  | { kind: 'number'; min: number; max: number; help: string }
  /** a warning only (what is typed stays): `cell` holds more than `max` characters */
  | { kind: 'maxLength'; cell: string; max: number; help: string };

export interface PlanCell {
  /** a value, or "" for blank; text is always written as text, never as a formula */
  value: string | number;
  /** set for template formulas (English syntax, as Apps Script's setFormula takes it) */
  formula?: string;
  owner: Owner;
  style: StyleKey;
  /** stage tint for stage columns, overriding the style's background on non-input cells */
  tint?: string;
  numberFormat: string;
  validation?: string;
  note?: string;
  /**
   * filled by the spilling formula of a cell to its left: never written, and its value is the
   * formula's
   */
  spill?: boolean;
}

export type ConditionalRule =
  | { kind: 'formula'; range: string; formula: string; background: string; color: string }
  | { kind: 'numberAtMost'; range: string; value: number; background: string; color: string }
  | {
      kind: 'numberBetween';
      range: string;
      min: number;
      max: number;
      background: string;
      color: string;
    }
  | { kind: 'textContains'; range: string; text: string; background: string; color: string };

export interface SheetPlan {
  sheetName: string;
  rows: number;
  cols: number;
  cells: PlanCell[][];
  styles: Record<StyleKey, CellStyle>;
  validations: Record<string, ValidationSpec>;
  conditionalRules: ConditionalRule[];
  namedRanges: { name: string; range: string }[];
  /** warning-only protection of formula cells (one range, so one protect call) */
  protectedRange: string;
  frozen: { rows: number; cols: number };
  columnWidth: number;
  /**
   * Formulas earlier versions of the template wrote in a row (1-based), which maps made then still
   * hold: the template's, to be replaced, never the user's.
   */
  formerFormulas?: readonly { row: number; formula: string }[];
}

/**
 * A cell of a simpler sheet (portfolio, action plan): our formula, our text or number, or the
 * user's content kept as it was.
 */
export type WriteCell =
  | { formula: string }
  | { text: string }
  | { number: number }
  | { kept: unknown; formula?: string };
