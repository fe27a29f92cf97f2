/** Finds a map's sheets by the map id, through the named ranges every map has. */
import { footerPattern, namedRangeName, type NAMED_CELLS } from '../core/map/layout';
import { MAP_MARKER } from '../core/portfolio/portfolio';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The sheet of the map with this id: where its revenue's named cell is; else where another of its
 * named cells is (the revenue's name was deleted by hand); else the one sheet whose markers row
 * names the map (its named cells went with column B). Reading that sheet then says what is wrong
 * with it, rather than "deleted". Null when no sheet holds the map.
 */
export function findMapSheet(
  ss: Spreadsheet,
  mapId: string,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  for (const suffix of NAMED_SUFFIXES) {
    const sheet = ss.getRangeByName(namedRangeName(mapId, suffix))?.getSheet();
    if (sheet) return sheet;
  }
  return sheetByMarker(ss, mapId);
}

/** The revenue first: the name the portfolio and every lookup go by. */
const NAMED_SUFFIXES = [
  'REVENUE',
  'L',
  'C',
  'P',
  'Q',
] as const satisfies readonly (keyof typeof NAMED_CELLS)[];

/**
 * The sheet whose markers row names the map, found by one search on Google's side (no sheet is
 * read); null when none or several do (a copy carries the row too, and guessing could write into
 * the copy).
 */
function sheetByMarker(ss: Spreadsheet, mapId: string): GoogleAppsScript.Spreadsheet.Sheet | null {
  const hits = ss
    .createTextFinder(footerPattern(mapId))
    .useRegularExpression(true)
    .matchEntireCell(true)
    .matchCase(true)
    .findAll();
  const sheets = new Map(hits.map((hit) => [hit.getSheet().getSheetId(), hit.getSheet()]));
  return sheets.size === 1 ? ([...sheets.values()][0] ?? null) : null;
}

/**
 * The action plan sheet is found by its own named header cell, so renaming either sheet does not
 * lose it.
 */
export const planRangeName = (mapId: string) => `CJM_${mapId}_PLAN`;
/** The plan's named header cell, by its map's id. */
export const PLAN_MARKER = /^CJM_([A-Z0-9]+)_PLAN$/;
/**
 * The plan's impact of all its actions together: named, as its row moves with the plan's length, so
 * the portfolio reads it with a built-in formula.
 */
export const planTotalRangeName = (mapId: string) => `CJM_${mapId}_PLAN_TOTAL`;
export const PLAN_TOTAL_MARKER = /^CJM_([A-Z0-9]+)_PLAN_TOTAL$/;

/**
 * The id of the map on this sheet, from metadata only: the sheet's own named ranges (a map has
 * five), no cell read. A copy of a map carries no names, so it is no map here; a name moved
 * onto another sheet is caught when the map is opened, as for any listed map.
 */
export function mapIdOnSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): string | null {
  for (const named of sheet.getNamedRanges()) {
    const id = MAP_MARKER.exec(named.getName())?.[1];
    if (id) return id;
  }
  return null;
}

/**
 * The sheet that holds the map `mapId` when `sheet` only carries its markers: `sheet` is then a
 * copy (Sheets' Duplicate copies the cells, markers row included, but not the named cells, which
 * stay with the original). Null when `sheet` is the map's own. Metadata only, no read.
 */
export function originalOf(
  ss: Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  mapId: string,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  for (const suffix of NAMED_SUFFIXES) {
    const named = ss.getRangeByName(namedRangeName(mapId, suffix))?.getSheet();
    if (named) return named.getSheetId() === sheet.getSheetId() ? null : named;
  }
  return null;
}
