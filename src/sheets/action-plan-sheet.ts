/**
 * Reads and writes a map's action plan sheet. The plan is found by its named header cell, which
 * moves with the rows a user inserts or deletes above it: the actions are read under the header
 * wherever it is now, and a sheet whose shape no longer tells which cells are actions is reported,
 * never written over.
 */
import {
  DEADLINE_COL,
  IMPACT_COL,
  PLAN_COLS,
  PLAN_HEADER_ROW,
  PLAN_TOTAL_ROWS,
  START_COL,
  columnOf,
  isPlanTitle,
  planHeaderLabels,
  planLayoutOf,
  planLeverChoices,
  planRows,
  planSheetGrid,
  planColumnWidths,
  planStatuses,
  readActions,
  type ActionInput,
  type PlanLayout,
  type PlanMap,
} from '../core/wizard/action-plan';
import { FORMAT, moneyFormat, STYLES } from '../core/map/formats';
import { DATE_FORMAT } from '../core/map/dates';
import { t, type Lang } from '../core/words/i18n';
import { a1Range, stageCol } from '../core/map/layout';
import { SHEET_NAME_MAX } from '../core/map/names';
import { planRangeName, planTotalRangeName } from './map-lookup';
import { plainLines, setWidths } from './cells';
import { roomAcross } from '../core/words/text-width';
import { insertUniqueSheet, renameUnique } from './sheet-names';
import { asText, writeValue } from './values';
import { writeInDialect } from './formula-dialect';
import { laidOut, refuseProtected, type Changes } from './protections';
import type { FormulaDialect } from '../core/map/formula-syntax';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Where a plan is on its sheet now, as read: its header row, the sheet's last row with content, and
 * the columns to insert right of the plan before it is written (see growth).
 */
export interface PlanPlace {
  sheet: Sheet;
  header: number;
  lastRow: number;
  grow: number;
}

/** Why a plan sheet cannot be read safely: its header row was deleted, or its columns changed. */
export type PlanDamage =
  | { kind: 'headerGone'; sheet: string }
  | { kind: 'columns'; sheet: string; row: number };

export type PlanRead =
  | { kind: 'none' }
  | { kind: 'found'; place: PlanPlace; actions: ReturnType<typeof readActions> }
  | { kind: 'damaged'; damage: PlanDamage };

/**
 * The map's plan as its sheet holds it. `planSheetName`: the name the plan sheet was given, which
 * tells a plan whose header row was deleted (its name no longer points to cells) from no plan.
 */
export function readPlan(ss: Spreadsheet, mapId: string, planSheetName: string): PlanRead {
  const named = ss.getRangeByName(planRangeName(mapId));
  if (!named) return headerGone(ss, mapId, planSheetName);
  const sheet = named.getSheet();
  const header = named.getRow();
  // One read: the data range's values (its extent is the last row a rewrite must blank).
  const values = sheet.getDataRange().getValues();
  const layout = named.getColumn() === 1 ? planLayoutOf(values[header - 1]) : null;
  if (!layout)
    return { kind: 'damaged', damage: { kind: 'columns', sheet: sheet.getName(), row: header } };
  return {
    kind: 'found',
    place: { sheet, header, lastRow: values.length, grow: growth(values, layout) },
    actions: readActions(values, header, () => ss.getSpreadsheetTimeZone(), layout),
  };
}

/**
 * A plan laid out before a column was added (PLAN_LAYOUTS) grows to the right when next written:
 * its own columns are rewritten in the current layout, which needs as many more columns. Where
 * those hold nothing, nothing moves; where they hold anything of the user's (a column of notes
 * beside the plan), as many columns are inserted there first, so the user's cells move right
 * with their columns, whole, and none is written over.
 */
function growth(values: readonly (readonly unknown[])[], layout: PlanLayout): number {
  const more = PLAN_COLS - layout.length;
  const taken = values.some((row) =>
    row.slice(layout.length, PLAN_COLS).some((v) => v !== '' && v !== null),
  );
  return more > 0 && taken ? more : 0;
}

/**
 * No range behind the plan's name: no plan yet, or its header row was deleted (the name is left
 * pointing at #REF!). Only a sheet still named as the plan makes the second worth looking up
 * among the spreadsheet's names.
 */
function headerGone(ss: Spreadsheet, mapId: string, planSheetName: string): PlanRead {
  const sheet = ss.getSheetByName(planSheetName);
  if (!sheet) return { kind: 'none' };
  const name = planRangeName(mapId);
  const dangling = ss.getNamedRanges().some((n) => n.getName() === name);
  return dangling
    ? { kind: 'damaged', damage: { kind: 'headerGone', sheet: sheet.getName() } }
    : { kind: 'none' };
}

/** The damage in words, in the map's language, saying how to repair it. */
export function planDamageMessage(lang: Lang, damage: PlanDamage): string {
  if (damage.kind === 'headerGone') return t(lang, 'err.planHeaderGone', { sheet: damage.sheet });
  return t(lang, 'err.planColumns', {
    sheet: damage.sheet,
    row: damage.row,
    columns: planHeaderLabels(lang).join(' · '),
  });
}

/**
 * Room for the plan where `place` found it. A plan of a former layout first gets the columns it
 * grows into, where the user's cells were beside it (growth). A header a user moved up (rows above
 * it deleted) leaves no room for the title and the note: as many rows are inserted at the top, so
 * every cell moves down with the plan and none is written over. A header moved down stays where it
 * is: the rows above it may hold what the user typed.
 */
function makeRoom(place: PlanPlace): PlanPlace {
  if (place.grow > 0) place.sheet.insertColumnsAfter(PLAN_COLS - place.grow, place.grow);
  const missing = PLAN_HEADER_ROW - place.header;
  if (missing <= 0) return place;
  place.sheet.insertRowsBefore(1, missing);
  // (they would look like the header, the row they went above; the title and the note are plain)
  plainLines(place.sheet, 'rows', 1, missing);
  return { ...place, header: PLAN_HEADER_ROW, lastRow: place.lastRow + missing };
}

/**
 * The map sheet's column after its last stage, the edge of the rows the plan's formula reads (see
 * action-plan.ts mapRows): a map whose last stage is its sheet's last column gets one more column
 * (at the sheet's edge: nothing moves), since a reference past a sheet's last column is #REF!.
 * `seen`: how many of the sheet's columns the caller read (its size is asked only when they do not
 * reach the edge).
 */
function edgeColumn(lang: Lang, mapSheet: Sheet, stages: number, seen: number): void {
  const edge = stageCol(stages - 1) + 1;
  if (seen >= edge) return;
  const have = mapSheet.getMaxColumns();
  if (have >= edge) return;
  refuseProtected(lang, [{ sheet: mapSheet, columns: { kind: 'insert', after: have } }]);
  mapSheet.insertColumnsAfter(have, edge - have);
  // (it would look like the last stage, its tint and dropdowns: a stage that is none)
  plainLines(mapSheet, 'columns', have + 1, edge - have);
}

/**
 * Writes the plan sheet where `place` found it (null: a new sheet); formulas in `dialect` (null:
 * not known yet, see formula-dialect). Returns the syntax that held. A new plan sheet does not
 * take the user away: the sheet they were on stays the active one.
 */
export function writePlan(
  ss: Spreadsheet,
  lang: Lang,
  locale: string,
  map: Omit<PlanMap, 'sheetId'> & { sheet: Sheet; columnsRead: number },
  actions: readonly ActionInput[],
  dialect: FormulaDialect | null,
  place: PlanPlace | null,
): FormulaDialect | null {
  if (place)
    refuseProtected(lang, [
      {
        ...laidOut(place.sheet, PLAN_COLS),
        ...(place.grow > 0
          ? { columns: { kind: 'insert', after: PLAN_COLS - place.grow } as const }
          : {}),
      },
    ]);
  edgeColumn(lang, map.sheet, map.stages, map.columnsRead);
  const { sheet, header, lastRow } = place ? makeRoom(place) : newPlanSheet(ss, lang, map);
  const grid = planSheetGrid(
    lang,
    { ...map, sheetId: map.sheet.getSheetId() },
    actions,
    lastRow,
    header,
  );
  const end = grid.top + grid.rows.length - 1;
  const { first, last, total } = planRows(actions.length, header);
  const span = (row: number, col: number, toRow: number, cols = 1) =>
    a1Range(row, col, Math.max(1, toRow - row + 1), cols);
  const totalsEnd = total + PLAN_TOTAL_ROWS - 1;
  const [lever, status] = [columnOf('lever'), columnOf('status')];
  const ranges = sheet
    .getRangeList([
      a1Range(grid.top, 1, grid.rows.length, PLAN_COLS),
      span(first, 2, end, IMPACT_COL - 2),
      span(first, IMPACT_COL, end),
      span(first, lever, last),
      span(first, status, last),
      span(total, lever, end, status - lever + 1),
      span(first, 1, end, PLAN_COLS),
      span(total, 1, totalsEnd, PLAN_COLS),
      span(first, DEADLINE_COL, last),
      span(first, START_COL, last),
      span(total, IMPACT_COL, total),
    ])
    .getRanges() as GoogleAppsScript.Spreadsheet.Range[];
  const [all, text, impact, levers, statuses, below, body, totals, deadlines, starts, together] =
    ranges;
  // Plain text, so what a user types later by hand ("+10%") stays as typed too.
  text?.setNumberFormat(FORMAT.text).setWrap(true);
  // Dates are real dates, shown in the map's language ("15.06.2026"); one typed by hand in that
  // form becomes a date too, other text stays text.
  for (const dates of [deadlines, starts]) dates?.setNumberFormat(DATE_FORMAT[lang]);
  impact?.setNumberFormat(moneyFormat(locale));
  // "Revenue after the plan" holds commas in either syntax, and a number, "" or a parse error.
  const held = writeInDialect(
    dialect,
    (d) => all?.setValues(grid.rows.map((row) => row.map((c) => writeValue(c, d)))),
    () => sheet.getRange(total + 2, IMPACT_COL).getValue(),
  );
  if (together) nameTotal(ss, sheet, map.id, together);
  const list = (values: readonly string[]) =>
    SpreadsheetApp.newDataValidation()
      .requireValueInList([...values], true)
      .setAllowInvalid(true)
      .build();
  levers?.setDataValidation(list(planLeverChoices(lang)));
  statuses?.setDataValidation(list(planStatuses(lang)));
  // The dropdowns of a longer previous plan leave the rows under the actions.
  below?.clearDataValidations();
  // Rows that were the totals of a shorter plan are actions now: plain again; the totals stand out.
  body?.setFontWeight('normal').setBackground(null).setVerticalAlignment('top');
  totals?.setFontWeight('bold').setBackground(STYLES.label.background);
  sheet
    .getRange(header, 1, 1, PLAN_COLS)
    .setFontWeight('bold')
    .setBackground(STYLES.label.background)
    .setWrap(true)
    .setVerticalAlignment('top');
  // The header stays in view; under a header a user moved down, how many rows stay is theirs to
  // choose.
  if (header === PLAN_HEADER_ROW) sheet.setFrozenRows(PLAN_HEADER_ROW);
  setWidths(sheet, planColumnWidths(lang, map.sheetName, actions, locale));
  return held;
}

/**
 * Points the plan's named total at its row now (a plan's length moves it). The name is moved, not
 * removed and added again, so formulas that read it (the portfolio's) keep reading it.
 */
function nameTotal(
  ss: Spreadsheet,
  sheet: Sheet,
  mapId: string,
  cell: GoogleAppsScript.Spreadsheet.Range,
): void {
  const name = planTotalRangeName(mapId);
  const own = sheet.getNamedRanges().find((n) => n.getName() === name);
  if (own) {
    own.setRange(cell);
    return;
  }
  pointName(ss, name, cell);
}

/**
 * Names `cell`: a name left dangling (its cell deleted with its row or sheet) is replaced, not
 * added a second time, which Sheets may refuse.
 */
function pointName(ss: Spreadsheet, name: string, cell: GoogleAppsScript.Spreadsheet.Range): void {
  try {
    ss.removeNamedRange(name);
  } catch {
    // there was none
  }
  ss.setNamedRange(name, cell);
}

/**
 * The plan sheet's name for its map's sheet: what Sheets takes from a script whatever the user
 * named the map's tab (no control character; with the " (99)" a taken name gets, within Sheets'
 * 100 characters).
 */
export function planSheetName(lang: Lang, mapSheetName: string): string {
  const base = mapSheetName.replace(/[\p{Cc}\u2028\u2029]/gu, ' ');
  const room = SHEET_NAME_MAX - ' (99)'.length - t(lang, 'plan.sheet', { name: '' }).length;
  return t(lang, 'plan.sheet', { name: base.slice(0, room) });
}

function newPlanSheet(
  ss: Spreadsheet,
  lang: Lang,
  map: { id: string; sheetName: string },
): PlanPlace {
  const active = ss.getActiveSheet();
  const { sheet } = insertUniqueSheet(ss, planSheetName(lang, map.sheetName), PLAN_COLS);
  pointName(ss, planRangeName(map.id), sheet.getRange(PLAN_HEADER_ROW, 1));
  // insertSheet activates the new sheet; the user stays where they were (they open it from the link
  // or its tab).
  ss.setActiveSheet(active);
  return { sheet, header: PLAN_HEADER_ROW, lastRow: 0, grow: 0 };
}

/** What renaming a map changes on its plan's sheet, if it has one: the sheet, laid out anew. */
export function retitleChanges(ss: Spreadsheet, mapId: string): Changes[] {
  const sheet = ss.getRangeByName(planRangeName(mapId))?.getSheet();
  return sheet ? [laidOut(sheet, PLAN_COLS)] : [];
}

/**
 * A renamed map's plan follows it: its sheet's name, and its title two rows above the header
 * when that cell still holds a title of ours (rows a user inserted above the header may have
 * put their own text there).
 */
export function retitlePlan(
  ss: Spreadsheet,
  mapId: string,
  lang: Lang,
  mapSheetName: string,
): void {
  const named = ss.getRangeByName(planRangeName(mapId));
  if (!named) return;
  const sheet = named.getSheet();
  renameUnique(ss, sheet, planSheetName(lang, mapSheetName));
  const titleRow = named.getRow() - (PLAN_HEADER_ROW - 1);
  if (titleRow < 1) return;
  const title = sheet.getRange(titleRow, 1);
  if (!isPlanTitle(title.getValue())) return;
  const text = t(lang, 'plan.title', { name: mapSheetName });
  title.setValue(asText(text));
  // a longer name still runs on whole over B..H: the action column takes what is missing
  const widths = Array.from({ length: IMPACT_COL - 1 }, (_, i) => sheet.getColumnWidth(i + 1));
  const before = widths[1];
  roomAcross(widths, { text }, 0, IMPACT_COL - 2, 1);
  if (widths[1] !== before) sheet.setColumnWidth(2, widths[1] ?? 0);
}
