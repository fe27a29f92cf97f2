/**
 * Writes a SheetPlan with a fixed number of Apps Script calls, whatever the map's size:
 * one setValues for the grid, one call per format kind over the whole grid, one 2-D
 * setDataValidations, one setConditionalFormatRules. Never a call per cell.
 */
import { editColumn, type StageEdit } from '../core/map/edits';
import { a1Range, colNumber, FIRST_STAGE_COL, ROW } from '../core/map/layout';
import { inDialect, type FormulaDialect } from '../core/map/formula-syntax';
import { PARSE_ERROR, writeInDialect } from './formula-dialect';
import { refreshWrites } from '../core/map/refresh';
import { fillRanges, rectangles } from './cells';
import type { CellStyle, ConditionalRule, SheetPlan, ValidationSpec } from '../core/map/plan';
import { planValue } from './values';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/**
 * The cells currently in the grid, read before a refresh so user content is written back as it is.
 */
export interface GridSnapshot {
  values: unknown[][];
  formulas: string[][];
}

function textStyle(s: CellStyle): GoogleAppsScript.Spreadsheet.TextStyle {
  return SpreadsheetApp.newTextStyle()
    .setBold(s.bold)
    .setItalic(s.italic)
    .setFontSize(s.size)
    .setForegroundColor(s.color)
    .build();
}

function validation(v: ValidationSpec): GoogleAppsScript.Spreadsheet.DataValidation {
  // A formula without separators or decimals reads the same in either syntax.
  if (v.kind === 'maxLength')
    return SpreadsheetApp.newDataValidation()
      .setAllowInvalid(true)
      .setHelpText(v.help)
      .requireFormulaSatisfied(`=LEN(${v.cell})<=${v.max}`)
      .build();
  const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(false).setHelpText(v.help);
  return (
    v.kind === 'list'
      ? builder.requireValueInList([...v.values], true)
      : builder.requireNumberBetween(v.min, v.max)
  ).build();
}

function conditionalRule(
  r: ConditionalRule,
  range: Range,
  dialect: FormulaDialect,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  const b = SpreadsheetApp.newConditionalFormatRule()
    .setBackground(r.background)
    .setFontColor(r.color)
    .setRanges([range]);
  if (r.kind === 'formula') return b.whenFormulaSatisfied(inDialect(r.formula, dialect)).build();
  if (r.kind === 'numberAtMost') return b.whenNumberLessThanOrEqualTo(r.value).build();
  if (r.kind === 'textContains') return b.whenTextContains(r.text).build();
  return b.whenNumberBetween(r.min, r.max).build();
}

/**
 * Builds each distinct style/validation once and lays it out as the grid-shaped arrays the batch
 * setters take.
 */
function layers(plan: SheetPlan) {
  const styles = new Map(
    Object.entries(plan.styles).map(([k, s]) => [
      k,
      { text: textStyle(s), wrap: s.wrap, background: s.background },
    ]),
  );
  const rules = new Map(Object.entries(plan.validations).map(([k, v]) => [k, validation(v)]));
  const map = <T>(f: (c: SheetPlan['cells'][number][number]) => T): T[][] =>
    plan.cells.map((row) => row.map(f));
  return {
    backgrounds: map((c) =>
      c.tint && c.style !== 'input' ? c.tint : (styles.get(c.style)?.background ?? null),
    ) as string[][],
    textStyles: map(
      (c) => styles.get(c.style)?.text ?? null,
    ) as GoogleAppsScript.Spreadsheet.TextStyle[][],
    wraps: map((c) => styles.get(c.style)?.wrap ?? false),
    numberFormats: map((c) => c.numberFormat),
    validations: map((c) =>
      c.validation ? (rules.get(c.validation) ?? null) : null,
    ) as GoogleAppsScript.Spreadsheet.DataValidation[][],
    notes: map((c) => c.note ?? ''),
  };
}

/**
 * The grid's formats, in one call per kind (values are written apart: all of them on creation, only
 * changes on a refresh).
 */
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
  const a1s = [
    a1Range(1, 1, plan.rows, plan.cols),
    plan.protectedRange,
    ...plan.namedRanges.map((n) => n.range),
    ...plan.conditionalRules.map((r) => r.range),
  ];
  const [grid, protect, ...rest] = sheet.getRangeList(a1s).getRanges() as [
    Range,
    Range,
    ...Range[],
  ];
  return {
    grid,
    protect,
    named: rest.slice(0, plan.namedRanges.length),
    rules: rest.slice(plan.namedRanges.length),
  };
}

const ourRules = (plan: SheetPlan, ranges: Range[], dialect: FormulaDialect) =>
  plan.conditionalRules.map((r, i) => conditionalRule(r, ranges[i] as Range, dialect));

/**
 * The cells and rules that hold formulas, written in a syntax: on creation, and again if the first
 * syntax did not parse.
 */
function writeFormulaParts(
  sheet: Sheet,
  plan: SheetPlan,
  grid: Range,
  rules: Range[],
  dialect: FormulaDialect,
): void {
  grid.setValues(plan.cells.map((row) => row.map((c) => planValue(c, dialect))));
  sheet.setConditionalFormatRules(ourRules(plan, rules, dialect));
}

/**
 * Writes the plan onto a new, empty sheet: every cell, format, rule, name and protection.
 * `dialect` is the spreadsheet's formula syntax, or null when nobody knows it yet: then the
 * locale's syntax is tried, and if Sheets cannot parse it the formulas are written again in
 * English syntax. Returns the syntax that held.
 */
export function applyPlan(
  sheet: Sheet,
  plan: SheetPlan,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  dialect: FormulaDialect | null,
): FormulaDialect {
  const { grid, protect, named, rules } = planRanges(sheet, plan);
  applyFormats(grid, plan);
  const held = writeInDialect(
    dialect,
    (d) => writeFormulaParts(sheet, plan, grid, rules, d),
    () => grid.getCell(ROW.dropOff, FIRST_STAGE_COL).getValue(),
  );
  grid.setNotes(layers(plan).notes);
  sheet.setFrozenRows(plan.frozen.rows);
  sheet.setFrozenColumns(plan.frozen.cols);
  sheet.setColumnWidths(1, plan.cols, plan.columnWidth);
  plan.namedRanges.forEach((n, i) => {
    spreadsheet.setNamedRange(n.name, named[i] as Range);
  });
  protect.protect().setWarningOnly(true);
  return held ?? 'comma';
}

/**
 * Brings a map whose columns Sheets just inserted, deleted or moved up to the new plan:
 * formats over the grid, and values only where the template's content changes and the cell
 * holds no user content (core/map/refresh). Notes, named ranges, conditional rules and the
 * protection moved or stretched with their cells; only a stage added after the last one is
 * outside them, so it gets its own.
 */
/**
 * The syntax the spreadsheet takes formulas in, learnt by writing one formula of the refresh (one
 * of built-in functions only: the add-on's own show #ERROR! for other reasons) in the locale's
 * syntax and reading it back; the refresh then writes that cell again. Null when the refresh
 * writes no such formula. For a stage edit on a map with no formula left to show the syntax.
 */
export function probeDialect(
  sheet: Sheet,
  plan: SheetPlan,
  current: GridSnapshot,
  previous: SheetPlan,
  edit: StageEdit,
): FormulaDialect | null {
  const added = edit.kind === 'add' ? editColumn(edit) : null;
  const probe = refreshWrites(plan, current, previous, added).find(
    (w) => w.cell.formula && !/\bCJM_/.test(w.cell.formula),
  );
  if (!probe?.cell.formula) return null;
  const cell = sheet.getRange(probe.row, probe.col);
  cell.setFormula(inDialect(probe.cell.formula, 'locale'));
  return cell.getValue() === PARSE_ERROR ? 'comma' : 'locale';
}

export function refreshPlan(
  sheet: Sheet,
  plan: SheetPlan,
  current: GridSnapshot,
  previous: SheetPlan,
  edit: StageEdit,
  dialect: FormulaDialect,
): void {
  const added = edit.kind === 'add' ? editColumn(edit) : null;
  const atEnd = added !== null && added === plan.cols;
  const writes = refreshWrites(plan, current, previous, added);
  // A stage added after the last one: our protection and rules, cut to its column.
  const rules = atEnd
    ? plan.conditionalRules.flatMap((r) => {
        const range = columnPart(r.range, added);
        return range ? [{ ...r, range }] : [];
      })
    : [];
  const protectedPart = atEnd ? columnPart(plan.protectedRange, added) : null;
  const extra = [...(protectedPart ? [protectedPart] : []), ...rules.map((r) => r.range)];
  const rects = rectangles(
    writes.map((w) => ({ row: w.row, col: w.col, value: planValue(w.cell, dialect) })),
  );
  // Every range of the refresh in one call: the grid, the new column's protection and rules, the
  // cells to write.
  const [grid, ...rest] = sheet
    .getRangeList([a1Range(1, 1, plan.rows, plan.cols), ...rects.map((r) => r.a1), ...extra])
    .getRanges() as [Range, ...Range[]];
  applyFormats(grid, plan);
  fillRanges(rest.slice(0, rects.length), rects);
  rest.splice(0, rects.length);
  if (added !== null) sheet.setColumnWidth(added, plan.columnWidth);
  const ruleCells = protectedPart ? rest.slice(1) : rest;
  if (protectedPart) rest[0]?.protect().setWarningOnly(true);
  if (rules.length)
    sheet.setConditionalFormatRules([
      ...sheet.getConditionalFormatRules(),
      ...rules.map((r, i) => conditionalRule(r, ruleCells[i] as Range, dialect)),
    ]);
}

/**
 * The part of an A1 range that lies in one column ("C20:H20", col 8 → "H20"), or null when it does
 * not reach it.
 */
function columnPart(range: string, col: number): string | null {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(range);
  if (!m) return null;
  const [first, last] = [colNumber(m[1] ?? ''), colNumber(m[3] ?? m[1] ?? '')];
  if (col < first || col > last) return null;
  const top = Number(m[2]);
  const bottom = Number(m[4] ?? m[2]);
  return a1Range(top, col, bottom - top + 1, 1);
}

/**
 * Gives a copied map its own identity from `plan` (the copy's journey under a new id and stage
 * ids): the markers row's cells and the named cells, on its own sheet only.
 */
export function writeIdentity(
  sheet: Sheet,
  plan: SheetPlan,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): void {
  const markers = plan.cells[ROW.footer - 1] ?? [];
  sheet.getRange(ROW.footer, 1, 1, markers.length).setValues([markers.map((c) => planValue(c))]);
  const named = sheet.getRangeList(plan.namedRanges.map((n) => n.range)).getRanges();
  plan.namedRanges.forEach((n, i) => {
    spreadsheet.setNamedRange(n.name, named[i] as Range);
  });
}
