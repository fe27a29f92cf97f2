/** Finds a map's sheets by the map id, through the named ranges every map has. */
import { namedRangeName } from '../core/map/layout';
import { MAP_MARKER } from '../core/map/portfolio';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function findMapSheet(
  ss: Spreadsheet,
  mapId: string,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  return ss.getRangeByName(namedRangeName(mapId, 'REVENUE'))?.getSheet() ?? null;
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
