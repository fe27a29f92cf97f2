/** Lists the maps of the workbook and writes the Portfolio sheet. */
import { FORMAT, moneyFormat } from '../core/map/formats';
import { CATALOGUE, t, type Lang } from '../core/words/i18n';
import { a1Range, LABEL_COL, parseFooter, ROW } from '../core/map/layout';
import { PLAN_MARKER, PLAN_TOTAL_MARKER, planTotalRangeName } from './map-lookup';
import {
  isLegacyPortfolio,
  MAP_MARKER,
  planPortfolio,
  portfolioColumnWidths,
  PORTFOLIO_COLS,
  PORTFOLIO_HEADER_ROW,
  PORTFOLIO_MARKER,
  portfolioKeep,
  skippedMaps,
  type MapEntry,
  type SkippedMap,
} from '../core/map/portfolio';
import type { GridSnapshot } from './apply';
import { snapshot } from './read';
import { insertUniqueSheet } from './sheet-names';
import { writeValue } from './values';
import { setWidths } from './cells';
import { laidOut, refuseProtected } from './protections';
import { writeInDialect } from './formula-dialect';
import type { FormulaDialect } from '../core/map/formula-syntax';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The maps of the workbook, and the ones its named ranges still name but that cannot be listed. */
export interface MapSurvey {
  maps: MapEntry[];
  skipped: SkippedMap[];
}

/**
 * Rows ROW.revenue..ROW.footer of columns A:B: the revenue (B) and the footer marker (A) in one
 * read.
 */
const BLOCK_ROWS = ROW.footer - ROW.revenue + 1;

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
 * Column A..B of rows ROW.revenue..ROW.footer, or null when the sheet is too small to hold a map.
 */
function mapBlock(sheet: Sheet): unknown[][] | null {
  try {
    return sheet.getRange(ROW.revenue, LABEL_COL, BLOCK_ROWS, 2).getValues();
  } catch {
    return null;
  }
}

/**
 * Every map, found by the one named range each has, and checked against the sheet it points
 * at: that sheet's footer marker (A at ROW.footer) must name the same map, so a name left
 * dangling by a deleted sheet or pointing at another sheet never lists a map that is not
 * there. One small read a map (its revenue and marker), whatever the map's size; the rest is
 * metadata (names, sheets, ids), and the name of each map's plan sheet, found by the plan's
 * named header cell. Without `withRevenue`, metadata only (no read at all, no plan sheets).
 */
export function surveyMaps(ss: Spreadsheet, { withRevenue = true } = {}): MapSurvey {
  const maps: MapEntry[] = [];
  const skipped: SkippedMap[] = [];
  const plans = new Map<string, GoogleAppsScript.Spreadsheet.NamedRange>();
  const totals = new Set<string>();
  const found: { id: string; sheet: Sheet }[] = [];
  for (const named of ss.getNamedRanges()) {
    const name = named.getName();
    const plan = withRevenue ? PLAN_MARKER.exec(name)?.[1] : undefined;
    if (plan) plans.set(plan, named);
    const total = withRevenue ? PLAN_TOTAL_MARKER.exec(name)?.[1] : undefined;
    if (total) totals.add(total);
    const id = MAP_MARKER.exec(name)?.[1];
    if (!id) continue;
    const sheet = sheetOf(named);
    if (!sheet) skipped.push({ id, reason: 'deleted' });
    else found.push({ id, sheet });
  }
  for (const { id, sheet } of found) {
    // A list of names (the wizard's) needs no read: a wrong map is refused when it is opened.
    if (!withRevenue) {
      maps.push({ id, sheetName: sheet.getName(), revenue: null });
      continue;
    }
    const block = mapBlock(sheet);
    if (!block || parseFooter(block[BLOCK_ROWS - 1]?.[0])?.id !== id) {
      skipped.push({ id, reason: 'notMap' });
      continue;
    }
    const revenue = block[0]?.[1];
    const planNamed = plans.get(id);
    const planSheet = planNamed ? (sheetOf(planNamed)?.getName() ?? null) : null;
    maps.push({
      id,
      sheetName: sheet.getName(),
      revenue: typeof revenue === 'number' ? revenue : null,
      sheetId: sheet.getSheetId(),
      planSheet,
      planTotal: planSheet && totals.has(id) ? planTotalRangeName(id) : null,
    });
  }
  return { maps, skipped };
}

/**
 * Every map of the workbook (see surveyMaps); maps that cannot be listed are left out, never thrown
 * about.
 */
export function listMaps(ss: Spreadsheet, options: { withRevenue?: boolean } = {}): MapEntry[] {
  return surveyMaps(ss, options).maps;
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

/**
 * The portfolio: the sheet our marker points at (renaming it keeps it ours). Without a marker,
 * a sheet under the portfolio's name is adopted only if it is one an older version wrote (its
 * header row is exactly ours); any other sheet of that name is the user's and is left alone,
 * and a new portfolio takes the next free name.
 */
function portfolioSheet(ss: Spreadsheet, lang: Lang): { sheet: Sheet; current: GridSnapshot } {
  const marked = markedPortfolio(ss);
  if (marked) return { sheet: marked, current: snapshot(marked) };
  for (const l of [lang, lang === 'ru' ? 'en' : 'ru'] as const) {
    const sheet = ss.getSheetByName(CATALOGUE[l]['portfolio.sheet']);
    if (!sheet) continue;
    const current = snapshot(sheet);
    if (!isLegacyPortfolio(current.values)) continue;
    mark(ss, sheet);
    return { sheet, current };
  }
  const { sheet } = insertUniqueSheet(ss, t(lang, 'portfolio.sheet'), PORTFOLIO_COLS, 0);
  mark(ss, sheet);
  return { sheet, current: { values: [], formulas: [] } };
}

export interface PortfolioResult {
  sheet: Sheet;
  /** maps left out of this rebuild, for the notice */
  skipped: SkippedMap[];
  /** the formula syntax that held (null: no formula was written to tell) */
  dialect: FormulaDialect | null;
}

export function writePortfolio(
  ss: Spreadsheet,
  lang: Lang,
  locale: string,
  known: FormulaDialect | null,
): PortfolioResult {
  const survey = surveyMaps(ss);
  const { sheet, current } = portfolioSheet(ss, lang);
  const keep = portfolioKeep(current.values, current.formulas);
  const skipped = skippedMaps(survey.maps, survey.skipped, keep);
  const planned = planPortfolio(lang, survey.maps, keep, skipped);
  const rows = planned.length;
  const cols = planned[0]?.length ?? PORTFOLIO_COLS;
  refuseProtected(lang, [laidOut(sheet, Math.max(cols, PORTFOLIO_COLS))]);
  const all = sheet.getRange(1, 1, rows, cols);
  // A map's row starts with its rank formula: one cell that tells whether the formulas parsed.
  const probe = survey.maps.length
    ? () => sheet.getRange(PORTFOLIO_HEADER_ROW + 1, 1).getValue()
    : null;
  const dialect = writeInDialect(
    known,
    (d) => all.setValues(planned.map((row) => row.map((c) => writeValue(c, d)))),
    probe,
  );
  const body = (col: number, cols = 1) =>
    a1Range(PORTFOLIO_HEADER_ROW + 1, col, Math.max(1, rows - PORTFOLIO_HEADER_ROW), cols);
  sheet.getRange(body(5)).setNumberFormat(FORMAT.count);
  sheet.getRange(body(8)).setNumberFormat(FORMAT.factor);
  sheet.getRangeList([body(7), body(9, 2)]).setNumberFormat(moneyFormat(locale));
  sheet.getRange(body(6)).setNumberFormat(FORMAT.share);
  const header = a1Range(PORTFOLIO_HEADER_ROW, 1, 1, PORTFOLIO_COLS);
  const totals = a1Range(rows, 1, 1, PORTFOLIO_COLS);
  // The rows of maps (a former totals row among them) plain; the header and the totals stand out.
  sheet
    .getRange(
      a1Range(
        PORTFOLIO_HEADER_ROW + 1,
        1,
        Math.max(1, rows - PORTFOLIO_HEADER_ROW),
        PORTFOLIO_COLS,
      ),
    )
    .setFontWeight('normal')
    .setBackground(null)
    .setVerticalAlignment('top');
  sheet
    .getRangeList(['A1', a1Range(PORTFOLIO_HEADER_ROW, 1, 1, cols), totals])
    .setFontWeight('bold');
  sheet.getRangeList([header, totals]).setBackground('#e8f0fe');
  // Names, segments, products and headers wrap in their columns rather than run under the next.
  sheet.getRangeList([header, body(2, 3)]).setWrap(true);
  sheet.setFrozenRows(PORTFOLIO_HEADER_ROW);
  setWidths(sheet, portfolioColumnWidths(lang, survey.maps, skipped, locale));
  sheet.activate();
  return { sheet, skipped, dialect };
}
