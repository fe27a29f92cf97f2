/** Reads and writes a map's action plan sheet. */
import { PLAN_COLS, PLAN_HEADER_ROW, PLAN_LEVERS, planSheetGrid, planStatuses, readActions, type ActionInput } from '../core/wizard/action-plan';
import { FORMAT, moneyFormat, STYLES } from '../core/map/formats';
import { t, type Lang } from '../core/words/i18n';
import { a1Range } from '../core/map/layout';
import { findPlanSheet, planRangeName } from './map-lookup';
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

/** Writes the plan sheet; formulas in `dialect` (null: not known yet, see formula-dialect). Returns the syntax that held. */
export function writePlan(
  ss: Spreadsheet, lang: Lang, locale: string, map: { id: string; sheetName: string }, actions: readonly ActionInput[], dialect: FormulaDialect | null,
): FormulaDialect | null {
  let sheet = findPlanSheet(ss, map.id);
  const oldRows = sheet ? sheet.getLastRow() : 0;
  if (!sheet) {
    sheet = insertUniqueSheet(ss, t(lang, 'plan.sheet', { name: map.sheetName }), PLAN_COLS).sheet;
    ss.setNamedRange(planRangeName(map.id), sheet.getRange(PLAN_HEADER_ROW, 1));
  }
  const grid = planSheetGrid(lang, map.id, map.sheetName, actions, oldRows);
  const rows = grid.length;
  const body = (col: number, cols = 1) => a1Range(PLAN_HEADER_ROW + 1, col, Math.max(1, rows - PLAN_HEADER_ROW), cols);
  const [all, text, impact, levers, statuses] = sheet.getRangeList([a1Range(1, 1, rows, PLAN_COLS), body(2, 7), body(9), body(4), body(8)]).getRanges() as GoogleAppsScript.Spreadsheet.Range[];
  // Plain text, so what a user types later by hand ("+10%", a date) stays as typed too.
  text?.setNumberFormat(FORMAT.text);
  impact?.setNumberFormat(moneyFormat(locale));
  const held = writeInDialect(dialect, (d) => all?.setValues(grid.map((row) => row.map((c) => writeValue(c, d)))), actions.length ? () => sheet.getRange(PLAN_HEADER_ROW + 1, 1).getValue() : null);
  const list = (values: readonly string[]) => SpreadsheetApp.newDataValidation().requireValueInList([...values], true).setAllowInvalid(true).build();
  levers?.setDataValidation(list(PLAN_LEVERS));
  statuses?.setDataValidation(list(planStatuses(lang)));
  sheet.getRange(PLAN_HEADER_ROW, 1, 1, PLAN_COLS).setFontWeight('bold').setBackground(STYLES.label.background);
  sheet.setFrozenRows(PLAN_HEADER_ROW);
  sheet.setColumnWidths(2, 1, 260);
  return held;
}
