/** Reads a sheet's cells once and recognises the map in them. */
import { readJourney, type ReadResult } from '../core/map/read-map';
import type { GridSnapshot } from './apply';

export interface MapRead {
  snapshot: GridSnapshot;
  result: ReadResult;
}

/** The sheet's used cells; formulas only when asked (they cost a call and are not always needed). */
export function snapshot(sheet: GoogleAppsScript.Spreadsheet.Sheet, formulas = true): GridSnapshot {
  const range = sheet.getDataRange();
  return { values: range.getValues(), formulas: formulas ? range.getFormulas() : [] };
}

export function readMap(sheet: GoogleAppsScript.Spreadsheet.Sheet, formulas = true): MapRead {
  const snap = snapshot(sheet, formulas);
  return { snapshot: snap, result: readJourney(snap.values) };
}
