/**
 * Writes a SheetPlan with a fixed number of Apps Script calls, whatever the map's size:
 * one setValues for the grid, one call per format kind over the whole grid, one 2-D
 * setDataValidations, one setConditionalFormatRules. Never a call per cell.
 */
import { a1Range, SIDE_COL } from '../core/map/layout';
import { refreshWrites } from '../core/map/refresh';
import { writeCells } from './cells';
import type { CellStyle, ConditionalRule, SheetPlan, ValidationSpec } from '../core/map/plan';
import { planValue } from './values';

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

/** The sheet's conditional rules that are not the template's (ours start on the rows the plan's rules cover). */
function theirRules(sheet: Sheet, plan: SheetPlan): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  const ourRows = new Set(plan.conditionalRules.map((r) => Number(/\d+/.exec(r.range)?.[0])));
  return sheet.getConditionalFormatRules().filter((rule) => !ourRows.has(rule.getRanges()[0]?.getRow() ?? 0));
}

/** The grid's formats, in one call per kind (values are written apart: all of them on creation, only changes on a refresh). */
function applyFormats(grid: Range, plan: SheetPlan): void {
  const l = layers(plan);
  grid.setNumberFormats(l.numberFormats);
  grid.setBackgrounds(l.backgrounds);
  grid.setTextStyles(l.textStyles);
  grid.setWraps(l.wraps);
  grid.setDataValidations(l.validations);
}

function planRanges(sheet: Sheet, plan: SheetPlan) {
  // Every range the write needs, fetched in one call.
  const a1s = [a1Range(1, 1, plan.rows, plan.cols), plan.protectedRange, ...plan.namedRanges.map((n) => n.range), ...plan.conditionalRules.map((r) => r.range)];
  const [grid, protect, ...rest] = sheet.getRangeList(a1s).getRanges() as [Range, Range, ...Range[]];
  return { grid, protect, named: rest.slice(0, plan.namedRanges.length), rules: rest.slice(plan.namedRanges.length) };
}

const ourRules = (plan: SheetPlan, ranges: Range[]) => plan.conditionalRules.map((r, i) => conditionalRule(r, ranges[i] as Range));

/** Writes the plan onto a new, empty sheet: every cell, format, rule, name and protection. */
export function applyPlan(sheet: Sheet, plan: SheetPlan, spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet = sheet.getParent()): Range {
  const { grid, protect, named, rules } = planRanges(sheet, plan);
  applyFormats(grid, plan);
  grid.setValues(plan.cells.map((row) => row.map(planValue)));
  grid.setNotes(layers(plan).notes);
  sheet.setConditionalFormatRules(ourRules(plan, rules));
  sheet.setFrozenRows(plan.frozen.rows);
  sheet.setFrozenColumns(plan.frozen.cols);
  sheet.setColumnWidths(1, plan.cols, plan.columnWidth);
  plan.namedRanges.forEach((n, i) => spreadsheet.setNamedRange(n.name, named[i] as Range));
  protect.protect().setWarningOnly(true);
  return grid;
}

/**
 * Brings a map whose columns Sheets just inserted, deleted or moved up to the new plan:
 * formats over the grid, and values only where the template's content changes and the cell
 * holds no user content (core/map/refresh). Notes and named ranges moved with their cells.
 */
export function refreshPlan(sheet: Sheet, plan: SheetPlan, current: GridSnapshot, previous: SheetPlan): void {
  const { grid, protect, rules } = planRanges(sheet, plan);
  applyFormats(grid, plan);
  writeCells(sheet, refreshWrites(plan, current, previous).map((w) => ({ row: w.row, col: w.col, value: planValue(w.cell) })));
  sheet.setConditionalFormatRules([...theirRules(sheet, plan), ...ourRules(plan, rules)]);
  sheet.setColumnWidths(SIDE_COL + 1, plan.cols - SIDE_COL, plan.columnWidth);
  // Sheets stretches a protected range when columns are inserted inside it, not at its edge: replace ours.
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    const r = p.getRange();
    if (p.isWarningOnly() && r.getRow() === protect.getRow() && r.getColumn() === protect.getColumn()) p.remove();
  }
  protect.protect().setWarningOnly(true);
}
