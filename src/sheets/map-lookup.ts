/** Finds a map's sheets by the map id, through the named ranges every map has. */
import { namedRangeName } from '../core/map/layout';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function findMapSheet(ss: Spreadsheet, mapId: string): GoogleAppsScript.Spreadsheet.Sheet | null {
  return ss.getRangeByName(namedRangeName(mapId, 'REVENUE'))?.getSheet() ?? null;
}

/** The action plan sheet is found by its own named header cell, so renaming either sheet does not lose it. */
export const planRangeName = (mapId: string) => `CJM_${mapId}_PLAN`;

export function findPlanSheet(ss: Spreadsheet, mapId: string): GoogleAppsScript.Spreadsheet.Sheet | null {
  return ss.getRangeByName(planRangeName(mapId))?.getSheet() ?? null;
}
