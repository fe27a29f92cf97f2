/**
 * Sheet names that never collide: creating or renaming a map never takes over an existing sheet.
 */
import { SHEET_NAME_MAX } from '../core/map/names';

/** Room left for " (99)" within Sheets' limit on a sheet's name. */
const MAX_NAME = SHEET_NAME_MAX - ' (99)'.length;
const NEW_SHEET_COLUMNS = 26;

export function candidateName(base: string, attempt: number): string {
  const name = base.trim().slice(0, MAX_NAME) || 'CJM';
  return attempt === 1 ? name : `${name} (${attempt})`;
}

/**
 * Inserts a sheet named `base`, or "base (2)", "base (3)"… if taken. insertSheet itself
 * refuses a taken name, so trying is one call in the usual case, with no race. `index`
 * places it among the tabs (0 = first); by default it goes last.
 */
export function insertUniqueSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  base: string,
  columns: number,
  index?: number,
): { sheet: GoogleAppsScript.Spreadsheet.Sheet; name: string } {
  for (let attempt = 1; ; attempt++) {
    const name = candidateName(base, attempt);
    let sheet: GoogleAppsScript.Spreadsheet.Sheet;
    try {
      sheet = index === undefined ? ss.insertSheet(name) : ss.insertSheet(name, index);
    } catch (e) {
      // The error text is in the user's language, so ask whether the name is taken instead.
      if (attempt < 100 && ss.getSheetByName(name)) continue;
      throw e;
    }
    if (columns > NEW_SHEET_COLUMNS)
      sheet.insertColumnsAfter(NEW_SHEET_COLUMNS, columns - NEW_SHEET_COLUMNS);
    return { sheet, name };
  }
}

/**
 * The first of "base", "base (2)"… no sheet has, from the spreadsheet's own list of sheets (no round
 * trip): a name expected to be taken (a map named after the sheet it was made from) costs no
 * refused insertSheet.
 */
export function freeSheetName(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, base: string): string {
  let attempt = 1;
  while (attempt < 100 && ss.getSheetByName(candidateName(base, attempt))) attempt++;
  return candidateName(base, attempt);
}

export function renameUnique(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  base: string,
): string {
  for (let attempt = 1; ; attempt++) {
    const name = candidateName(base, attempt);
    const other = ss.getSheetByName(name);
    if (!other || other.getSheetId() === sheet.getSheetId()) {
      sheet.setName(name);
      return name;
    }
  }
}
