/** Reads a sheet's cells once and recognises the map in them. */
import { ROW_COUNT } from '../core/map/layout';
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

/** More rows than a map and a screen of notes below it: the sheet is probed before it is read whole. */
const PROBE_ABOVE_ROWS = ROW_COUNT + 100;

/**
 * Reads the sheet a menu command runs on and recognises the map in it. Any sheet may be
 * active, a 50,000-row data sheet among them: a long sheet is first probed in its label
 * columns (A and B, the map's rows only), and read whole only if that looks like a map.
 */
export function readMap(sheet: GoogleAppsScript.Spreadsheet.Sheet, formulas = true): MapRead {
  if (sheet.getLastRow() > PROBE_ABOVE_ROWS) {
    let probe: ReadResult = { ok: false, problem: 'notMap' };
    try {
      probe = readJourney(sheet.getRange(1, 1, ROW_COUNT, 2).getValues());
    } catch {
      // a sheet narrower than two columns is no map
    }
    if (!probe.ok && probe.problem === 'notMap') return { snapshot: { values: [], formulas: [] }, result: probe };
  }
  const snap = snapshot(sheet, formulas);
  return { snapshot: snap, result: readJourney(snap.values) };
}
