/** Lists the maps of the workbook and writes the Portfolio sheet. */
import { DATE_FORMAT } from '../core/map/dates';
import { FORMAT, moneyFormat } from '../core/map/formats';
import { CATALOGUE, t, type Lang } from '../core/words/i18n';
import { a1Range } from '../core/map/layout';
import { PLAN_MARKER, PLAN_TOTAL_MARKER, planTotalRangeName } from './map-lookup';
import {
  MAP_MARKER,
  planPortfolio,
  portfolioColumnWidths,
  PORTFOLIO_HEADER_ROW,
  PORTFOLIO_MARKER,
  portfolioKeep,
  skippedMaps,
  type MapEntry,
  type SkippedMap,
} from '../core/portfolio/portfolio';
import { COL, isLegacyPortfolio, PORTFOLIO_COLS } from '../core/portfolio/columns';
import { planSurvey, readSurvey, SURVEY, SYNTAX_PROBE } from '../core/portfolio/survey';
import type { GridSnapshot } from './apply';
import { sheetCells } from './read';
import { insertUniqueSheet } from './sheet-names';
import { writeValue } from './values';
import { setWidths } from './cells';
import { laidOut, refuseProtected } from './protections';
import { PARSE_ERROR } from './formula-dialect';
import type { FormulaDialect } from '../core/map/formula-syntax';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The maps of the workbook, and the ones its named ranges still name but that cannot be listed. */
export interface MapSurvey {
  maps: MapEntry[];
  skipped: SkippedMap[];
}

/**
 * The sheet a named range points at, or null when it points nowhere: the sheet was deleted
 * (the emulator throws "Range not found" then; Google drops such names from the list or
 * gives no range).
 */
function sheetOf(named: GoogleAppsScript.Spreadsheet.NamedRange): Sheet | null {
  try {
    return named.getRange()?.getSheet() ?? null;
  } catch {
    return null;
  }
}

/**
 * Every map the workbook names, found by the one named range each has, with its sheet, that
 * sheet's id and the name of its plan sheet (found by the plan's named header cell): metadata only,
 * not one read. A name left dangling by a deleted sheet lists the map as left out. Whether each
 * sheet really holds its map is the portfolio's survey to tell (its footer marker), read with the
 * portfolio's own cells; a map opened from this list is checked when it is read.
 */
export function surveyMaps(ss: Spreadsheet): MapSurvey {
  const maps: MapEntry[] = [];
  const skipped: SkippedMap[] = [];
  const plans = new Map<string, GoogleAppsScript.Spreadsheet.NamedRange>();
  const totals = new Set<string>();
  const found: { id: string; sheet: Sheet }[] = [];
  for (const named of ss.getNamedRanges()) {
    const name = named.getName();
    const plan = PLAN_MARKER.exec(name)?.[1];
    if (plan) plans.set(plan, named);
    const total = PLAN_TOTAL_MARKER.exec(name)?.[1];
    if (total) totals.add(total);
    const id = MAP_MARKER.exec(name)?.[1];
    if (!id) continue;
    const sheet = sheetOf(named);
    if (!sheet) skipped.push({ id, reason: 'deleted' });
    else found.push({ id, sheet });
  }
  for (const { id, sheet } of found) {
    const planNamed = plans.get(id);
    const planSheet = planNamed ? (sheetOf(planNamed)?.getName() ?? null) : null;
    maps.push({
      id,
      sheetName: sheet.getName(),
      revenue: null,
      sheetId: sheet.getSheetId(),
      planSheet,
      planTotal: planSheet && totals.has(id) ? planTotalRangeName(id) : null,
    });
  }
  return { maps, skipped };
}

/**
 * Every map of the workbook, by metadata alone (see surveyMaps): the wizard lists them on every
 * open without a read. `withRevenue: false` is what the wizard has always asked for; revenues are
 * the portfolio's survey's to read.
 */
export function listMaps(ss: Spreadsheet, _options?: { withRevenue?: false }): MapEntry[] {
  return surveyMaps(ss).maps;
}

/** The sheet our marker points at, or null (no marker yet, or its sheet was deleted). */
function markedPortfolio(ss: Spreadsheet): Sheet | null {
  try {
    return ss.getRangeByName(PORTFOLIO_MARKER)?.getSheet() ?? null;
  } catch {
    return null;
  }
}

function mark(ss: Spreadsheet, sheet: Sheet): void {
  // A name left dangling by a deleted portfolio is replaced, not added a second time.
  try {
    ss.removeNamedRange(PORTFOLIO_MARKER);
  } catch {
    // there was none
  }
  ss.setNamedRange(PORTFOLIO_MARKER, sheet.getRange(1, 1));
}

/** A sheet's header row, or none when it is too short to have one. */
function headerRow(sheet: Sheet): unknown[] {
  if (sheet.getMaxRows() < PORTFOLIO_HEADER_ROW) return [];
  return sheet.getRange(PORTFOLIO_HEADER_ROW, 1, 1, sheet.getMaxColumns()).getValues()[0] ?? [];
}

/**
 * The portfolio: the sheet our marker points at (renaming it keeps it ours). Without a marker,
 * a sheet under the portfolio's name is adopted only if it is one an older version wrote (its
 * header row is exactly ours, one read, once); any other sheet of that name is the user's and is
 * left alone, and a new portfolio takes the next free name (`fresh`: nothing in it to keep).
 */
function portfolioSheet(ss: Spreadsheet, lang: Lang): { sheet: Sheet; fresh: boolean } {
  const marked = markedPortfolio(ss);
  if (marked) return { sheet: marked, fresh: false };
  for (const l of [lang, lang === 'ru' ? 'en' : 'ru'] as const) {
    const sheet = ss.getSheetByName(CATALOGUE[l]['portfolio.sheet']);
    if (!sheet || !isLegacyPortfolio(headerRow(sheet))) continue;
    mark(ss, sheet);
    return { sheet, fresh: false };
  }
  const { sheet } = insertUniqueSheet(ss, t(lang, 'portfolio.sheet'), PORTFOLIO_COLS, 0);
  mark(ss, sheet);
  return { sheet, fresh: true };
}

/** Rows and columns added at the end of the sheet where a write needs them (a structural call). */
function makeRoom(sheet: Sheet, rows: number, cols: number): void {
  const [maxRows, maxCols] = [sheet.getMaxRows(), sheet.getMaxColumns()];
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (cols > maxCols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
}

interface Surveyed {
  /** the portfolio's cells before this rebuild (the survey's among ours) */
  current: GridSnapshot;
  maps: MapEntry[];
  skipped: SkippedMap[];
  dialect: FormulaDialect | null;
}

/**
 * Writes the survey (core/portfolio/survey.ts) and, while the formula syntax is unknown, its probe,
 * then reads the portfolio once: its cells to keep and what the survey found. One flush and two
 * reads (one for a new portfolio, none without maps), however many maps there are.
 */
function runSurvey(
  sheet: Sheet,
  maps: readonly MapEntry[],
  fresh: boolean,
  known: FormulaDialect | null,
  timeZone: () => string,
): Surveyed {
  const cells = planSurvey(maps);
  if (cells.length === 0) {
    const current = fresh ? { values: [], formulas: [] } : sheetCells(sheet);
    return { current, maps: [], skipped: [], dialect: known };
  }
  makeRoom(sheet, SURVEY.row + cells.length - 1, SURVEY.col + SURVEY.cols - 1);
  sheet
    .getRange(SURVEY.row, SURVEY.col, cells.length, SURVEY.cols)
    .setValues(cells.map((row) => row.map((c) => writeValue(c))));
  const probe = known ? null : sheet.getRange(SYNTAX_PROBE.row, SYNTAX_PROBE.col);
  probe?.setValue(writeValue({ formula: SYNTAX_PROBE.formula }, 'locale'));
  const current = fresh ? null : sheetCells(sheet);
  const values =
    current?.values ??
    sheet.getRange(1, 1, SURVEY.row + cells.length - 1, SURVEY.col + SURVEY.cols - 1).getValues();
  const probed = values[SYNTAX_PROBE.row - 1]?.[SYNTAX_PROBE.col - 1];
  return {
    current: current ?? { values: [], formulas: [] },
    ...readSurvey(maps, values, timeZone),
    dialect: known ?? (probed === PARSE_ERROR ? 'comma' : 'locale'),
  };
}

export interface PortfolioResult {
  sheet: Sheet;
  /** the maps listed, with their next review days */
  maps: MapEntry[];
  /** maps left out of this rebuild, for the notice */
  skipped: SkippedMap[];
  /** the formula syntax that held (null: no formula was written to tell) */
  dialect: FormulaDialect | null;
  /** the user's formulas moved with their map but written as typed (A1), for the notice */
  unmoved: string[];
}

/**
 * Builds the portfolio in at most five round trips whatever the number of maps: the protection
 * check (not for a sheet just made), the survey's flush, the portfolio's values and formulas, and
 * the grid's flush at the end. A sheet that must grow, or an older portfolio adopted by its name,
 * adds one.
 */
export function writePortfolio(
  ss: Spreadsheet,
  { lang, locale, timeZone }: { lang: Lang; locale: string; timeZone: () => string },
  known: FormulaDialect | null,
): PortfolioResult {
  const named = surveyMaps(ss);
  const { sheet, fresh } = portfolioSheet(ss, lang);
  if (!fresh) refuseProtected(lang, [laidOut(sheet, sheet.getMaxColumns())]);
  const survey = runSurvey(sheet, named.maps, fresh, known, timeZone);
  const { current, maps, dialect } = survey;
  const keep = portfolioKeep(current.values, current.formulas);
  const skipped = skippedMaps(maps, [...named.skipped, ...survey.skipped], keep);
  const { grid, unmoved } = planPortfolio(lang, maps, keep, skipped, sheet.getName());
  const rows = grid.length;
  const cols = grid[0]?.length ?? PORTFOLIO_COLS;
  makeRoom(sheet, rows, cols);
  sheet
    .getRange(1, 1, rows, cols)
    .setValues(grid.map((row) => row.map((c) => writeValue(c, dialect ?? 'comma'))));
  // The survey's rows under a shorter grid (maps left out without a row of their own) are cleared.
  const surveyEnd = SURVEY.row + named.maps.length - 1;
  if (surveyEnd > rows)
    sheet.getRange(rows + 1, SURVEY.col, surveyEnd - rows, SURVEY.cols).clearContent();
  formatPortfolio(sheet, lang, locale, rows, cols);
  setWidths(sheet, portfolioColumnWidths(lang, maps, skipped, locale));
  sheet.activate();
  return { sheet, maps, skipped, dialect, unmoved };
}

/** Number formats, weights, fills and wrapping of the grid of `rows` × `cols`. */
function formatPortfolio(sheet: Sheet, lang: Lang, locale: string, rows: number, cols: number) {
  const body = (col: number, n = 1) =>
    a1Range(PORTFOLIO_HEADER_ROW + 1, col, Math.max(1, rows - PORTFOLIO_HEADER_ROW), n);
  sheet.getRange(body(COL.L)).setNumberFormat(FORMAT.count);
  sheet.getRange(body(COL.Q)).setNumberFormat(FORMAT.factor);
  sheet
    .getRangeList([body(COL.P), body(COL.revenue, 2), body(COL.change)])
    .setNumberFormat(moneyFormat(locale));
  sheet.getRangeList([body(COL.C), body(COL.progress)]).setNumberFormat(FORMAT.share);
  sheet.getRange(body(COL.reviewed, 2)).setNumberFormat(DATE_FORMAT[lang]);
  const header = a1Range(PORTFOLIO_HEADER_ROW, 1, 1, PORTFOLIO_COLS);
  const totals = a1Range(rows, 1, 1, PORTFOLIO_COLS);
  // The rows of maps (a former totals row among them) plain; the header and the totals stand out.
  sheet
    .getRange(body(1, PORTFOLIO_COLS))
    .setFontWeight('normal')
    .setBackground(null)
    .setVerticalAlignment('top');
  sheet
    .getRangeList(['A1', a1Range(PORTFOLIO_HEADER_ROW, 1, 1, cols), totals])
    .setFontWeight('bold');
  sheet.getRangeList([header, totals]).setBackground('#e8f0fe');
  // Names, segments, products and headers wrap in their columns rather than run under the next.
  sheet.getRangeList([header, body(COL.map, 3)]).setWrap(true);
  sheet.setFrozenRows(PORTFOLIO_HEADER_ROW);
}
