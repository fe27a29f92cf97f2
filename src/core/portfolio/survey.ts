/**
 * The portfolio's survey of the maps: before the grid is written, one row of live formulas per map
 * the workbook names, showing its sheet's footer marker, its revenue and its next review day. The
 * same read that takes in the portfolio's current cells then tells which maps are really there (the
 * marker names the map), how to rank them and which are due for a review, whatever their number:
 * no map sheet is read. The formulas are references only, with no argument separator, so they
 * parse in either formula syntax; one more formula, written only while the syntax is unknown,
 * tells it.
 */
import { dateToIso, isDate, serialToIso } from '../map/dates';
import { absA1, LABEL_COL, namedRangeName, parseFooter, ROW, SIDE_COL } from '../map/layout';
import { quoteSheet } from '../map/links';
import type { WriteCell } from '../map/plan';
import { isDue } from '../review/cadence';
import { quoted, t, type Lang } from '../words/i18n';
import { COL } from './columns';
import { firstFew, PORTFOLIO_HEADER_ROW, type MapEntry, type SkippedMap } from './portfolio';

/**
 * Where the survey goes: the rows of the maps, in our map, segment and product columns. They are
 * ours in every layout (the portfolio's note gives the user the columns to the right of ours) and
 * the grid is written over them; the map id, the totals label in A and the header, which the
 * rebuild reads, stay where they were.
 */
export const SURVEY = { row: PORTFOLIO_HEADER_ROW + 1, col: COL.map, cols: 3 } as const;

/** One built-in formula with separators, in the title row (ours), to tell the formula syntax by. */
export const SYNTAX_PROBE = { row: 1, col: COL.map, formula: '=IF(1>0,1,0)' } as const;

/** The survey's cells: a row per map, in the maps' order. */
export function planSurvey(maps: readonly MapEntry[]): WriteCell[][] {
  return maps.map((m) => {
    const cell = (row: number, col: number) => `=${quoteSheet(m.sheetName)}!${absA1(row, col)}`;
    return [
      { formula: cell(ROW.footer, LABEL_COL) },
      { formula: `=${namedRangeName(m.id, 'REVENUE')}` },
      { formula: cell(ROW.nextReview, SIDE_COL) },
    ];
  });
}

/**
 * A day as a formula sees it in a cell: a Date (a date-formatted result) or a date serial (a
 * result the cell shows as a number); text is no date to a formula, and none here either.
 */
function dayOf(v: unknown, timeZone: () => string | undefined): string | null {
  if (isDate(v)) return dateToIso(v, timeZone());
  return typeof v === 'number' ? serialToIso(v) : null;
}

/**
 * The maps the survey found where the workbook names them, with their revenue and next review; the
 * others (a sheet that no longer carries the map's footer marker: rows inserted above it, another
 * map's sheet, one too short to hold a map) as left out. `values` are the portfolio's from row 1.
 */
export function readSurvey(
  maps: readonly MapEntry[],
  values: readonly (readonly unknown[])[],
  timeZone: () => string | undefined,
): { maps: MapEntry[]; skipped: SkippedMap[] } {
  const found: MapEntry[] = [];
  const skipped: SkippedMap[] = [];
  maps.forEach((m, i) => {
    const [marker, revenue, next] = (values[SURVEY.row - 1 + i] ?? []).slice(
      SURVEY.col - 1,
      SURVEY.col - 1 + SURVEY.cols,
    );
    if (parseFooter(marker)?.id !== m.id)
      skipped.push({ id: m.id, reason: 'notMap', sheet: m.sheetName });
    else
      found.push({
        ...m,
        revenue: typeof revenue === 'number' ? revenue : null,
        nextReview: dayOf(next, timeZone),
      });
  });
  return { maps: found, skipped };
}

/** The reminder of the maps whose next review has come (today in the spreadsheet's time zone); '' if none. */
export function dueNotice(lang: Lang, maps: readonly MapEntry[], today: string): string {
  const due = maps.filter((m) => isDue(m.nextReview ?? null, today));
  if (due.length === 0) return '';
  return t(lang, 'portfolio.dueNotice', {
    names: firstFew(due.map((m) => quoted(lang, m.sheetName))),
  });
}
