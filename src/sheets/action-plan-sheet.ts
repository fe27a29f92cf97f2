/** Reads and writes a map's action plan sheet. */
import { IMPACT_COL, PLAN_COLS, PLAN_HEADER_ROW, PLAN_LEVERS, PLAN_TOTAL_ROWS, planRows, planSheetGrid, planStatuses, readActions, type ActionInput } from '../core/wizard/action-plan';
import { FORMAT, moneyFormat, STYLES } from '../core/map/formats';
import { t, type Lang } from '../core/words/i18n';
import { a1Range } from '../core/map/layout';
import { findMapSheet, findPlanSheet, planRangeName } from './map-lookup';
import { snapshot } from './read';
import { insertUniqueSheet } from './sheet-names';
import { writeValue } from './values';
import { writeInDialect } from './formula-dialect';
import type { FormulaDialect } from '../core/map/formula-syntax';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function readPlan(ss: Spreadsheet, mapId: string): ReturnType<typeof readActions> {
  const sheet = findPlanSheet(ss, mapId);
  return sheet ? readActions(snapshot(sheet).values) : [];
}

/** Column widths of the plan sheet, A..I: rank, action, stage, lever, change, owner, deadline, status, impact. */
const PLAN_WIDTHS: readonly (readonly [first: number, count: number, width: number])[] = [[1, 1, 60], [2, 1, 260], [3, 1, 140], [4, 1, 70], [5, 4, 110], [9, 1, 140]];

/**
 * Writes the plan sheet; formulas in `dialect` (null: not known yet, see formula-dialect). Returns
 * the syntax that held. A new plan sheet does not take the user away: the sheet they were on
 * stays the active one.
 */
export function writePlan(
  ss: Spreadsheet, lang: Lang, locale: string, map: { id: string; sheetName: string; sheetId?: number }, actions: readonly ActionInput[], dialect: FormulaDialect | null,
): FormulaDialect | null {
  let sheet = findPlanSheet(ss, map.id);
  const oldRows = sheet ? sheet.getLastRow() : 0;
  if (!sheet) {
    const active = ss.getActiveSheet();
    sheet = insertUniqueSheet(ss, t(lang, 'plan.sheet', { name: map.sheetName }), PLAN_COLS).sheet;
    ss.setNamedRange(planRangeName(map.id), sheet.getRange(PLAN_HEADER_ROW, 1));
    // insertSheet activates the new sheet; the user stays where they were (they open it from the link or its tab).
    ss.setActiveSheet(active);
  }
  const mapSheetId = map.sheetId ?? findMapSheet(ss, map.id)?.getSheetId() ?? null;
  const grid = planSheetGrid(lang, map.id, map.sheetName, actions, oldRows, mapSheetId);
  const rows = grid.length;
  const { first, last, total } = planRows(actions.length);
  const span = (row: number, col: number, toRow: number, cols = 1) => a1Range(row, col, Math.max(1, toRow - row + 1), cols);
  const totalsEnd = total + PLAN_TOTAL_ROWS - 1;
  const [all, text, impact, levers, statuses, below, body, totals] = sheet
    .getRangeList([
      a1Range(1, 1, rows, PLAN_COLS), span(first, 2, rows, 7), span(first, IMPACT_COL, rows), span(first, 4, last), span(first, 8, last),
      span(total, 4, rows, 5), span(first, 1, rows, PLAN_COLS), span(total, 1, totalsEnd, PLAN_COLS),
    ])
    .getRanges() as GoogleAppsScript.Spreadsheet.Range[];
  // Plain text, so what a user types later by hand ("+10%", a date) stays as typed too.
  text?.setNumberFormat(FORMAT.text).setWrap(true);
  impact?.setNumberFormat(moneyFormat(locale));
  // "Revenue after the plan" holds commas in either syntax, and a number, "" or a parse error.
  const held = writeInDialect(dialect, (d) => all?.setValues(grid.map((row) => row.map((c) => writeValue(c, d)))), () => sheet.getRange(total + 2, IMPACT_COL).getValue());
  const list = (values: readonly string[]) => SpreadsheetApp.newDataValidation().requireValueInList([...values], true).setAllowInvalid(true).build();
  levers?.setDataValidation(list(PLAN_LEVERS));
  statuses?.setDataValidation(list(planStatuses(lang)));
  // The dropdowns of a longer previous plan leave the rows under the actions.
  below?.clearDataValidations();
  // Rows that were the totals of a shorter plan are actions now: plain again; the totals stand out.
  body?.setFontWeight('normal').setBackground(null).setVerticalAlignment('top');
  totals?.setFontWeight('bold').setBackground(STYLES.label.background);
  sheet.getRange(PLAN_HEADER_ROW, 1, 1, PLAN_COLS).setFontWeight('bold').setBackground(STYLES.label.background).setWrap(true).setVerticalAlignment('top');
  sheet.setFrozenRows(PLAN_HEADER_ROW);
  for (const [col, count, width] of PLAN_WIDTHS) sheet.setColumnWidths(col, count, width);
  return held;
}
