/**
 * The hostile world's state: the spreadsheet and the add-on in it, what the user typed and made
 * (texts, numbers, formulas, maps, portfolios, the wizard's client per map), the violations seen
 * and the log; and what the steps and the invariants ask of it (sheets and maps by number, the
 * stages of a sheet, the cells a step may take).
 */
import type { ActionRow, FieldView, Seen, StepView } from '../../../src/contract';
import type { CellData } from '../../../src/core/map/journey';
import { FIRST_STAGE_COL, LABEL_COL, ROW, SIDE_COL } from '../../../src/core/map/layout';
import { COL } from '../../../src/core/portfolio/columns';
import { IMPACT_COL } from '../../../src/core/wizard/action-plan';
import type { StepId } from '../../../src/core/wizard/steps';
import { languageOf, type Lang } from '../../../src/core/words/i18n';
import {
  BLOCK_FIRST_ROW,
  BLOCK_KEYS,
  BLOCK_ROW,
  isBlockMarker,
} from '../../../src/core/review/block';
import type { FormulaSeparators } from '../../../emulator/index';
import { isDateFormat } from '../../../emulator/index';
import type { Session } from '../addon';
import { mapSheetIdOf, shapesOf } from './boundaries';
import { takeSession } from './session';
import { planSheets } from './structure';
import { FormulaTracker, HistoryTracker, type HistoryViolation } from './history';
import { cellAt, health, readGrid, stageColumns, type Grid, type Health } from './scan';
import type { AreaPick, CellPick } from './steps';
import { bareText, tokenText, type TextPick } from './texts';
import { UserFormulas } from './user-formulas';
import { ValueTracker, type ValueViolation } from './values';

export type ViolationKind =
  | 'raw-error'
  | 'lost'
  | 'wrong-stage'
  | 'formula'
  | 'language'
  | 'refusal-wrote'
  | 'read-only-wrote'
  | 'damaged-accepted'
  | 'damaged-vague'
  | 'damaged-written'
  | 'stages-changed'
  | 'outside-write'
  | 'selection'
  | ValueViolation
  | 'user-formula-broken'
  // history.ts: a history's periods and pasted cells, a user's formulas under a map
  | HistoryViolation
  /** a map holds more than five custom-function cells */
  | 'custom-functions'
  // boundaries.ts
  | 'other-map-write'
  | 'refusal-changed'
  | 'refusal-vague'
  | 'refusal-raw'
  | 'formula-unparsed';

export interface Violation {
  kind: ViolationKind;
  /** the action it was seen after, e.g. "#12.3" */
  at: string;
  /** that action, e.g. "menu addStage on 'Map'!C5 (stage ab12cd34), answer YES" */
  action: string;
  message: string;
}

export class HostileFailure extends Error {
  constructor(
    readonly violation: Violation,
    readonly log: readonly string[],
  ) {
    super(
      `${violation.kind} after ${violation.at}: ${violation.message}\n\nWhat happened (resolved):\n${log.map((l) => `  ${l}`).join('\n')}`,
    );
    this.name = 'HostileFailure';
  }
}

/**
 * The emulator's formula engine lost track of a range (HyperFormula's "Range does not exist":
 * an array formula over columns a move shifted, then its sheet deleted or the cell edited). No
 * call of Sheets' API reaches that state in Sheets, and the engine stays broken: the sequence
 * ends there, without a verdict on the add-on.
 */
export class EmulatorLimit extends Error {
  override name = 'EmulatorLimit';
}

export interface Tracked {
  text: string;
  sheetId: number;
  stage: string | null;
  origin: string;
  /**
   * typed into a cell the add-on rebuilds by design (its own portfolio's columns, the plan's header
   * and computed cells)
   */
  volatile: boolean;
}

export interface Entitled {
  sheetId: number;
  /** '*' = any text */
  text: string;
  /** '*' = any stage */
  stage: string | null;
  /** `text` is a formula of the user's the call may take (the cells a removal asked about) */
  formula?: true;
}

export interface Observation {
  grids: Map<number, Grid>;
  health: Map<number, Health>;
  /** what a sheet is besides its cells (boundaries.ts) */
  shapes: Map<number, string>;
}

export type StageExpectation =
  | { op: 'add'; after: string | null }
  | { op: 'remove'; id: string }
  | { op: 'move'; id: string; by: number };

export interface CallInfo {
  name: string;
  readOnly: boolean;
  /** sheet id of the map the call edits or reads, if any */
  target: number | null;
  /** refusing is not required even if the target is damaged (showWizard shows a notice) */
  mayProceedOnDamage?: boolean;
  /** a malformed payload: refusing it for that, before looking at the map, is fine */
  hostilePayload?: boolean;
  /**
   * the language its messages must be in; 'any' for the wizard's own notices (the interface is the
   * spreadsheet's, a map's refusal the map's)
   */
  lang: Lang | 'any';
  /** how the call may change the stages of its target; 'skip' when the stage cannot be named */
  expect?: StageExpectation | 'skip' | null;
}

export interface Ctx {
  label: string;
  call?: CallInfo;
  entitled: Entitled[];
  /**
   * the workbook after a colleague acted inside the call (in a dialog): the base for the call's own
   * writes
   */
  mid?: Observation;
  /** the sheet shown and the selection on it when the call started (set by act) */
  shown?: Shown;
}

/** The sheet the user is looking at and their selection there (0-based, as the emulator keeps it). */
export interface Shown {
  sheetId: number;
  rect: { row: number; col: number; rows: number; cols: number } | null;
}

export interface Outcome {
  result: 'ok' | 'refused' | 'cancelled' | 'raw';
  messages: string[];
  detail: string;
}

export interface Client {
  mapId: string;
  step: StepId;
  sheetId: number;
  base: Record<string, CellData>;
  /** the stages shown, as the view names them (ids when the product sends them) */
  viewStages: { id?: string; name: string }[];
  /**
   * the stage ids of the map's columns when the step was loaded (read from the footer; null: a
   * stage without a marker)
   */
  markers: (string | null)[];
  fields: Map<string, FieldView>;
  /** the plan's actions as the view showed them, without their computed impact */
  actions: Omit<ActionRow, 'impact'>[];
  statuses: string[];
  /** every step's page of the view the client was made from: steps shown without a call */
  view: StepView;
  /**
   * texts in the plan sheet's action rows when the plan was shown: the rows the user edits as a
   * whole
   */
  planTexts: string[];
}

export interface WorldOptions {
  lang: Lang;
  /** throw at the first violation (the property) or count them all (the bench) */
  stopAtFirst: boolean;
  /** only these violations count (to shrink one kind of failure at a time); all by default */
  only?: (v: Violation) => boolean;
  /** how Sheets takes a script's formulas in a decimal-comma locale (formula-syntax.ts) */
  syntax?: FormulaSeparators;
}

export class WorldState {
  /** the spreadsheet and the add-on in it (another after File → Make a copy) */
  s: Session;
  readonly locale: string;
  readonly violations: Violation[] = [];
  readonly log: string[] = [];
  steps = 0;
  readonly stopAtFirst: boolean;
  readonly only: ((v: Violation) => boolean) | undefined;
  tracked: Tracked[] = [];
  /** the numbers typed, by sheet, row and stage */
  readonly values = new ValueTracker();
  readonly userFormulas = new UserFormulas();
  /** the periods recorded and the cells pasted into history sheets */
  readonly history = new HistoryTracker();
  /** the user's formulas under maps' footers, where the review block goes */
  readonly formulasUnder = new FormulaTracker();
  readonly maps: { id: string; lang: Lang }[] = [];
  readonly portfolioSheets = new Set<number>();
  readonly clients = new Map<string, Client>();
  /** where the sidebar went without a call: sent with its next save or poll */
  seen: Seen | null = null;
  readonly userTokens = new Map<string, string>();
  readonly reportedFormulas = new Set<string>();
  readonly userTexts: string[] = [];
  tokenCount = 0;
  stepNo = 0;
  subNo = 0;
  answer: {
    confirm: 'YES' | 'NO' | 'CANCEL';
    prompt: { button: 'OK' | 'CANCEL'; text: string } | null;
    inDialog: (() => void) | null;
  } = { confirm: 'NO', prompt: null, inDialog: null };
  /** The last observation, valid until the next action starts changing the workbook. */
  cache: Observation | null = null;

  constructor(opts: WorldOptions) {
    this.locale = opts.lang === 'ru' ? 'ru_RU' : 'en_US';
    this.stopAtFirst = opts.stopAtFirst;
    this.only = opts.only;
    this.s = takeSession(this.locale);
    if (opts.syntax) this.s.wb.model.formulaSeparators = opts.syntax;
    this.s.wb.ui.responder = (req) => {
      if (req.kind === 'prompt') return this.answer.prompt ?? 'CANCEL';
      if (req.buttons === 'YES_NO' || req.buttons === 'YES_NO_CANCEL') {
        const colleague = this.answer.inDialog;
        this.answer.inDialog = null;
        colleague?.();
        return this.answer.confirm;
      }
      return 'OK';
    };
  }

  get wb() {
    return this.s.wb;
  }

  /** The spreadsheet's language: its locale's, which a user may change between steps. */
  get lang(): Lang {
    return languageOf(this.wb.model.locale);
  }

  text(pick: TextPick): string {
    let t: string;
    if (pick.kind === 'token') {
      const token = `Tq${++this.tokenCount}x`;
      t = tokenText(pick.shape, token);
      this.userTokens.set(token, `#${this.stepNo}`);
    } else t = bareText(pick.index);
    this.userTexts.push(t);
    return t;
  }

  observe(): Observation {
    this.cache ??= this.observeFresh();
    return this.cache;
  }

  /**
   * Reads every sheet: an edit on one sheet changes formulas and values on others that refer to it.
   */
  observeFresh(): Observation {
    const grids = new Map<number, Grid>();
    const hs = new Map<number, Health>();
    for (const sheet of this.wb.model.sheets) {
      const g = readGrid(this.wb, sheet.name);
      grids.set(g.sheetId, g);
      hs.set(g.sheetId, health(g));
    }
    return { grids, health: hs, shapes: shapesOf(this.wb) };
  }

  sheetName(sheetId: number): string | null {
    return this.wb.model.sheets.find((s) => s.sheetId === sheetId)?.name ?? null;
  }

  /**
   * A sheet by number: mostly an intact map, now and then any map (damaged ones too) or any
   * sheet at all.
   */
  sheetByRef(ref: number): { name: string; sheetId: number } {
    const sheets = this.wb.model.sheets;
    const obs = this.observe();
    const maps = sheets.filter((s) => (obs.health.get(s.sheetId)?.kind ?? 'notMap') !== 'notMap');
    const intact = maps.filter((s) => obs.health.get(s.sheetId)?.kind === 'healthy');
    const pick = ref % 8;
    const pool =
      pick < 5 && intact.length > 0 ? intact : pick < 7 && maps.length > 0 ? maps : sheets;
    const s = pool[Math.floor(ref / 8) % pool.length]!;
    return { name: s.name, sheetId: s.sheetId };
  }

  /**
   * Mostly a sheet that is not a map (so that sessions go on with their maps), now and then any.
   */
  sheetToDelete(ref: number): { name: string; sheetId: number } {
    const obs = this.observe();
    const others = this.wb.model.sheets.filter((s) => obs.health.get(s.sheetId)?.kind === 'notMap');
    const pool = others.length > 0 && ref % 3 !== 0 ? others : this.wb.model.sheets;
    const s = pool[Math.floor(ref / 3) % pool.length]!;
    return { name: s.name, sheetId: s.sheetId };
  }

  mapSheetId(mapId: string): number | null {
    return mapSheetIdOf(this.wb, mapId, this.observe());
  }

  planSheetId(mapId: string): number | null {
    const target = this.wb.model.engine.namedRangeTarget(`CJM_${mapId}_PLAN`);
    return target ? (this.wb.model.sheet(target.sheet)?.sheetId ?? null) : null;
  }

  /**
   * A map by number: mostly an intact one, now and then one that is damaged or whose sheet is gone.
   */
  mapRef(ref: number): string {
    if (this.maps.length === 0) return 'ZZZZ99';
    const obs = this.observe();
    const alive = this.maps.filter((m) => this.mapSheetId(m.id) !== null);
    const intact = alive.filter((m) => obs.health.get(this.mapSheetId(m.id)!)?.kind === 'healthy');
    const pick = ref % 8;
    const pool =
      pick < 5 && intact.length > 0 ? intact : pick < 7 && alive.length > 0 ? alive : this.maps;
    return pool[Math.floor(ref / 8) % pool.length]!.id;
  }

  langOfSheet(obs: Observation, sheetId: number | null): Lang {
    if (sheetId === null) return this.lang;
    const h = obs.health.get(sheetId);
    if (h?.kind === 'healthy') return h.lang;
    if (h?.kind === 'damaged' && h.lang) return h.lang;
    return this.lang;
  }

  /** The stages of a map-like sheet, in column order from C (null: a stage without a marker). */
  stagesOf(g: Grid | undefined, h: Health | undefined): (string | null)[] {
    if (!g) return [];
    if (h?.kind === 'healthy') return h.stages;
    const cols = stageColumns(g);
    const out: string[] = [];
    while (cols.has(FIRST_STAGE_COL + out.length))
      out.push(cols.get(FIRST_STAGE_COL + out.length)!);
    return out;
  }

  stageCount(g: Grid): number {
    return this.stagesOf(g, health(g)).length;
  }

  resolveCell(g: Grid, h: Health, pick: CellPick): { row: number; col: number } {
    if (h.kind === 'notMap') return { row: 1 + (pick.row % 12), col: 1 + (pick.i % 8) };
    const n = Math.max(1, this.stageCount(g));
    const row = 1 + (pick.row % (ROW.footer - 1));
    switch (pick.zone) {
      case 'stage':
      case 'same':
        return { row, col: FIRST_STAGE_COL + (pick.i % n) };
      case 'side':
        return { row, col: SIDE_COL };
      case 'label':
        return { row, col: 1 };
      case 'right':
        return { row, col: FIRST_STAGE_COL + n + (pick.i % 2) };
      case 'footer':
        return { row: ROW.footer, col: 1 + (pick.i % (n + 2)) };
    }
  }

  isVolatile(sheetId: number, row: number, col: number): boolean {
    // the portfolio's own columns but its map id, which keeps what is typed there
    if (this.portfolioSheets.has(sheetId) && col < COL.id) return true;
    // a history's titles and column names: the add-on names its columns on every review
    if (this.isHistory(sheetId) && row <= 2) return true;
    const g = this.observe().grids.get(sheetId);
    if (g && this.blockOwned(g, row, col)) return true;
    const planSheets = new Set(this.maps.map((m) => this.planSheetId(m.id)));
    return planSheets.has(sheetId) && (row <= 3 || col === 1 || col === IMPACT_COL);
  }

  /**
   * A cell a review writes in a map's review block, where the block is: its labels, its computed
   * cells in B, the stages' cells of its trend rows (the goal, its date, the cadence and the
   * cells beside them are the user's).
   */
  blockOwned(g: Grid, row: number, col: number): boolean {
    const key = BLOCK_KEYS[row - BLOCK_FIRST_ROW];
    if (!key || !isBlockMarker(cellAt(g, BLOCK_ROW.reviewSection, SIDE_COL).value)) return false;
    if (col === LABEL_COL) return true;
    if (col === SIDE_COL) return !['revenueGoal', 'goalDate', 'cadence'].includes(key);
    const trend = ['trend', 'trendChange', 'trendAlert'].includes(key);
    return trend && col > FIRST_STAGE_COL && col < FIRST_STAGE_COL + this.stageCount(g);
  }

  /** Whether a sheet is a map's history (its named cell is there). */
  isHistory(sheetId: number): boolean {
    return [...planSheets(this.wb, 'HISTORY').values()].includes(sheetId);
  }

  textAt(g: Grid, row: number, col: number): string {
    const c = cellAt(g, row, col);
    return c.formula || g.spilled.has(`${row - 1},${col - 1}`) ? '' : String(c.value ?? '');
  }

  /** Every non-empty text in a block of a sheet, with the stage of its column. */
  entitledIn(g: Grid, rows: [number, number], cols: [number, number]): Entitled[] {
    const stageOf = stageColumns(g);
    const out: Entitled[] = [];
    for (let r = rows[0]; r <= Math.min(rows[1], g.values.length); r++) {
      for (let c = cols[0]; c <= Math.min(cols[1], g.values[r - 1]?.length ?? 0); c++) {
        const t = this.textAt(g, r, c);
        if (t !== '') out.push({ sheetId: g.sheetId, text: t, stage: stageOf.get(c) ?? null });
      }
    }
    return out;
  }

  label(text: string): string {
    const id = `#${this.stepNo}${this.subNo ? `.${this.subNo}` : ''}`;
    this.subNo++;
    return `${id} ${text}`;
  }

  shown(): Shown {
    const m = this.wb.model;
    return { sheetId: m.active.sheetId, rect: m.activeRange ? { ...m.activeRange } : null };
  }

  violate(ctx: Ctx, kind: ViolationKind, message: string): void {
    const v: Violation = {
      kind,
      at: ctx.label.split(' ')[0] ?? '',
      action: ctx.label.replace(/^\S+ /, ''),
      message,
    };
    if (this.only && !this.only(v)) return;
    this.violations.push(v);
    if (this.stopAtFirst) throw new HostileFailure(v, this.log);
  }

  /** The day a cell shows as a date (a serial under a date format), or null. */
  dayAt(g: Grid, row: number, col: number): string | null {
    const v = cellAt(g, row, col).value;
    const format = this.wb.model.sheet(g.name)?.attr(row - 1, col - 1)?.numberFormat;
    if (typeof v !== 'number' || !isDateFormat(format)) return null;
    return new Date(Date.UTC(1899, 11, 30) + Math.floor(v) * 86_400_000).toISOString().slice(0, 10);
  }

  refOf(sheetId: number): number {
    return Math.max(
      0,
      this.wb.model.sheets.findIndex((s) => s.sheetId === sheetId),
    );
  }

  track(text: string, sheetId: number, stage: string | null, how: string, volatile = false): void {
    this.tracked.push({ text, sheetId, stage, origin: `at #${this.stepNo} ${how}`, volatile });
  }

  area(
    g: Grid,
    h: Health,
    pick: AreaPick | 'whole',
  ): { r1: number; c1: number; r2: number; c2: number } {
    const maxR = Math.max(1, g.values.length);
    const maxC = Math.max(1, ...g.values.map((l) => l.length));
    if (pick === 'whole') return { r1: 1, c1: 1, r2: maxR, c2: maxC };
    const at = this.resolveCell(g, h, pick.at);
    return {
      r1: at.row,
      c1: at.col,
      r2: Math.max(at.row, Math.min(at.row + pick.rows - 1, maxR)),
      c2: Math.max(at.col, Math.min(at.col + pick.cols - 1, maxC)),
    };
  }

  /** Every violation kind counted, for the bench. */
  counts(): Record<ViolationKind, number> {
    const out = {} as Record<ViolationKind, number>;
    for (const v of this.violations) out[v.kind] = (out[v.kind] ?? 0) + 1;
    return out;
  }
}

export function emptyGrid(): Grid {
  return { name: '', sheetId: -1, values: [], formulas: [], spilled: new Set() };
}

export function short(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 160 ? `${s.slice(0, 160)}…` : s;
}
