/** Reads a sheet's cells once (values and formulas) and recognises the map in them. */
import { readJourney, type ReadResult } from '../core/map/read-map';
import type { GridSnapshot } from './apply';

export interface MapRead {
  snapshot: GridSnapshot;
  result: ReadResult;
}

export function snapshot(sheet: GoogleAppsScript.Spreadsheet.Sheet): GridSnapshot {
  const range = sheet.getDataRange();
  return { values: range.getValues(), formulas: range.getFormulas() };
}

export function readMap(sheet: GoogleAppsScript.Spreadsheet.Sheet): MapRead {
  const snap = snapshot(sheet);
  return { snapshot: snap, result: readJourney(snap.values) };
}
