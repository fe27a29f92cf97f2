/**
 * Writes a SheetPlan with a fixed number of Apps Script calls, whatever the map's size:
 * one setValues for the grid, one call per format kind over the whole grid, one 2-D
 * setDataValidations, one setConditionalFormatRules. Never a call per cell.
 */
import { a1Range } from '../core/map/layout';
import type { CellStyle, ConditionalRule, SheetPlan, ValidationSpec } from '../core/map/plan';
import { keptValue, planValue, type SheetValue } from './values';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** The cells currently in the grid, read before a refresh so user content is written back as it is. */
export interface GridSnapshot {
  values: unknown[][];
  formulas: string[][];
}

function textStyle(s: CellStyle): GoogleAppsScript.Spreadsheet.TextStyle {
  return SpreadsheetApp.newTextStyle().setBold(s.bold).setItalic(s.italic).setFontSize(s.size).setForegroundColor(s.color).build();
}

function validation(v: ValidationSpec): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(false).setHelpText(v.help);
  return (v.kind === 'list' ? builder.requireValueInList([...v.values], true) : builder.requireNumberBetween(v.min, v.max)).build();
}

function conditionalRule(r: ConditionalRule, range: Range): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  const b = SpreadsheetApp.newConditionalFormatRule().setBackground(r.background).setFontColor(r.color).setRanges([range]);
  if (r.kind === 'formula') return b.whenFormulaSatisfied(r.formula).build();
  if (r.kind === 'numberAtMost') return b.whenNumberLessThanOrEqualTo(r.value).build();
  return b.whenNumberBetween(r.min, r.max).build();
}

/** Builds each distinct style/validation once and lays it out as the grid-shaped arrays the batch setters take. */
function layers(plan: SheetPlan) {
  const styles = new Map(Object.entries(plan.styles).map(([k, s]) => [k, { text: textStyle(s), wrap: s.wrap, background: s.background }]));
  const rules = new Map(Object.entries(plan.validations).map(([k, v]) => [k, validation(v)]));
  const map = <T>(f: (c: SheetPlan['cells'][number][number]) => T): T[][] => plan.cells.map((row) => row.map(f));
  return {
    backgrounds: map((c) => c.tint && c.style !== 'input' ? c.tint : (styles.get(c.style)?.background ?? null)) as string[][],
    textStyles: map((c) => styles.get(c.style)?.text ?? null) as GoogleAppsScript.Spreadsheet.TextStyle[][],
    wraps: map((c) => styles.get(c.style)?.wrap ?? false),
    numberFormats: map((c) => c.numberFormat),
    validations: map((c) => (c.validation ? (rules.get(c.validation) ?? null) : null)) as GoogleAppsScript.Spreadsheet.DataValidation[][],
    notes: map((c) => c.note ?? ''),
  };
}

/** On a refresh, a note the user put on one of their cells stays; the template's cells get the plan's. */
function keptNotes(plan: SheetPlan, planned: string[][], current: string[][]): string[][] {
  return plan.cells.map((row, r) => row.map((cell, c) => (cell.owner === 'user' ? (current[r]?.[c] ?? '') : (planned[r]?.[c] ?? ''))));
}

/** The sheet's conditional rules that are not the template's (ours start on the rows the plan's rules cover). */
function theirRules(sheet: Sheet, plan: SheetPlan): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  const ourRows = new Set(plan.conditionalRules.map((r) => Number(/\d+/.exec(r.range)?.[0])));
  return sheet.getConditionalFormatRules().filter((rule) => !ourRows.has(rule.getRanges()[0]?.getRow() ?? 0));
}

function gridValues(plan: SheetPlan, keep?: GridSnapshot): SheetValue[][] {
  return plan.cells.map((row, r) =>
    row.map((cell, c) => {
      if (!keep || cell.owner === 'template') return planValue(cell);
      const kept = keptValue(keep.values[r]?.[c], keep.formulas[r]?.[c] ?? '', cell.numberFormat);
      // A blank user cell takes the plan's value: that is how a new stage gets its name and role.
      return kept === '' ? planValue(cell) : kept;
    }),
  );
}

export interface ApplyOptions {
  /** a refresh (after a stage edit or an upgrade): user cells are written back from this snapshot */
  keep?: GridSnapshot;
  /** the sheet's spreadsheet, when the caller has it (saves a call) */
  spreadsheet?: GoogleAppsScript.Spreadsheet.Spreadsheet;
}

/**
 * Writes the plan onto `sheet`. With `keep`, user-owned cells are written back as they
 * are, formulas included, and only the template's cells come from the plan; named
 * ranges, which never move, are set on creation only. Returns the grid range.
 */
export function applyPlan(sheet: Sheet, plan: SheetPlan, { keep, spreadsheet }: ApplyOptions = {}): Range {
  // Every range the write needs, fetched in one call.
  const a1s = [a1Range(1, 1, plan.rows, plan.cols), plan.protectedRange, ...plan.namedRanges.map((n) => n.range), ...plan.conditionalRules.map((r) => r.range)];
  const [grid, protect, ...rest] = sheet.getRangeList(a1s).getRanges() as [Range, Range, ...Range[]];
  const named = rest.slice(0, plan.namedRanges.length);
  const ruleRanges = rest.slice(plan.namedRanges.length);
  const l = layers(plan);
  // Formats first: a plain-text cell must be plain text before its text arrives (see values.ts).
  grid.setNumberFormats(l.numberFormats);
  grid.setValues(gridValues(plan, keep));
  grid.setBackgrounds(l.backgrounds);
  grid.setTextStyles(l.textStyles);
  grid.setWraps(l.wraps);
  grid.setDataValidations(l.validations);
  grid.setNotes(keep ? keptNotes(plan, l.notes, grid.getNotes()) : l.notes);
  const ours = plan.conditionalRules.map((r, i) => conditionalRule(r, ruleRanges[i] as Range));
  sheet.setConditionalFormatRules(keep ? [...theirRules(sheet, plan), ...ours] : ours);
  sheet.setFrozenRows(plan.frozen.rows);
  sheet.setFrozenColumns(plan.frozen.cols);
  sheet.setColumnWidths(1, plan.cols, plan.columnWidth);
  if (!keep) {
    const ss = spreadsheet ?? sheet.getParent();
    plan.namedRanges.forEach((n, i) => ss.setNamedRange(n.name, named[i] as Range));
  } else {
    // Sheets stretches a protected range when columns are inserted inside it, not at its edge: replace ours.
    for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
      const r = p.getRange();
      if (p.isWarningOnly() && r.getRow() === protect.getRow() && r.getColumn() === protect.getColumn()) p.remove();
    }
  }
  protect.protect().setWarningOnly(true);
  return grid;
}
