/** Lists the maps of the workbook and writes the Portfolio sheet. */
import { FORMAT, moneyFormat } from '../core/map/formats';
import { CATALOGUE, t, type Lang } from '../core/words/i18n';
import { a1Range } from '../core/map/layout';
import { MAP_MARKER, planPortfolio, PORTFOLIO_COLS, PORTFOLIO_HEADER_ROW, portfolioKeep, type MapEntry } from '../core/map/portfolio';
import { snapshot } from './read';
import { writeValue } from './values';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Every map, found by the one named range each has (so a deleted map disappears with its sheet). */
export function listMaps(ss: Spreadsheet, { withRevenue = true } = {}): MapEntry[] {
  return ss.getNamedRanges().flatMap((named) => {
    const id = MAP_MARKER.exec(named.getName())?.[1];
    if (!id) return [];
    const range = named.getRange();
    const revenue = withRevenue ? range.getValue() : null;
    return [{ id, sheetName: range.getSheet().getName(), revenue: typeof revenue === 'number' ? revenue : null }];
  });
}

/** Finds the Portfolio sheet under its name in either language, or adds one. */
function portfolioSheet(ss: Spreadsheet, lang: Lang): { sheet: GoogleAppsScript.Spreadsheet.Sheet; isNew: boolean } {
  for (const l of [lang, lang === 'ru' ? 'en' : 'ru'] as const) {
    const sheet = ss.getSheetByName(CATALOGUE[l]['portfolio.sheet']);
    if (sheet) return { sheet, isNew: false };
  }
  return { sheet: ss.insertSheet(t(lang, 'portfolio.sheet'), 0), isNew: true };
}

export function writePortfolio(ss: Spreadsheet, lang: Lang, locale: string): GoogleAppsScript.Spreadsheet.Sheet {
  const maps = listMaps(ss);
  const { sheet, isNew } = portfolioSheet(ss, lang);
  const current = isNew ? { values: [], formulas: [] } : snapshot(sheet);
  const grid = planPortfolio(lang, maps, portfolioKeep(current.values, current.formulas)).map((row) => row.map((c) => writeValue(c)));
  const rows = grid.length;
  const cols = grid[0]?.length ?? PORTFOLIO_COLS;
  sheet.getRange(1, 1, rows, cols).setValues(grid);
  const body = (col: number) => a1Range(PORTFOLIO_HEADER_ROW + 1, col, Math.max(1, rows - PORTFOLIO_HEADER_ROW), 1);
  sheet.getRange(body(5)).setNumberFormat(FORMAT.count);
  sheet.getRange(body(8)).setNumberFormat(FORMAT.factor);
  sheet.getRangeList([body(7), body(9)]).setNumberFormat(moneyFormat(locale));
  sheet.getRange(body(6)).setNumberFormat(FORMAT.share);
  sheet.getRangeList(['A1', a1Range(PORTFOLIO_HEADER_ROW, 1, 1, cols)]).setFontWeight('bold');
  sheet.getRange(a1Range(PORTFOLIO_HEADER_ROW, 1, 1, PORTFOLIO_COLS)).setBackground('#e8f0fe');
  sheet.setFrozenRows(PORTFOLIO_HEADER_ROW);
  sheet.setColumnWidths(2, 3, 200);
  sheet.activate();
  return sheet;
}
