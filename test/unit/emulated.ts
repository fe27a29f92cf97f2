/**
 * An emulated spreadsheet for unit tests of src/sheets and src/server: the code under test gets
 * the emulator's Spreadsheet and Sheets (typed as Google's, so no cast is needed) and, where it
 * reads Apps Script's globals (SpreadsheetApp, PropertiesService, LockService, HtmlService…), the
 * emulator's services over the same spreadsheet. Calls are counted as Apps Script would bill
 * them (`wb.calls`), so a test can hold a function to the round trips its comment promises.
 */
import { vi } from 'vitest';
import { createWorkbook, type Workbook, type WorkbookOptions } from '../../emulator/index';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Emulated {
  wb: Workbook;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** The sheet of this name (the first one is "Sheet1"). */
  sheet: (name?: string) => Sheet;
}

/**
 * A new spreadsheet (en_US unless told) with one sheet "Sheet1" of 1000 × 26 cells. Apps Script's
 * global services are the emulator's (`files`: the HTML files HtmlService serves): call
 * `vi.unstubAllGlobals()` after each test.
 */
export function emulated(opts: WorkbookOptions = {}, files: Record<string, string> = {}): Emulated {
  const wb = createWorkbook({ locale: 'en_US', timeZone: 'Etc/UTC', ...opts });
  for (const [name, service] of Object.entries(wb.services(files))) vi.stubGlobal(name, service);
  const ss = wb.spreadsheet;
  const sheet = (name = 'Sheet1'): Sheet => {
    const found = ss.getSheetByName(name);
    if (!found) throw new Error(`no sheet "${name}"`);
    return found;
  };
  return { wb, ss, sheet };
}

/** Counts of what the calls made since the last `wb.calls.reset()` cost. */
export function cost(wb: Workbook): { roundTrips: number; byName: Record<string, number> } {
  const { roundTrips, byName } = wb.calls.snapshot();
  return { roundTrips, byName };
}
