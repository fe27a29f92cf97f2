/** The map the user is working on: the active sheet, read and recognised once per command. */
import { languageOf } from '../core/words/i18n';
import type { Journey } from '../core/map/journey';
import type { GridSnapshot } from '../sheets/apply';
import { readMap } from '../sheets/read';
import { activeSpreadsheet } from '../sheets/workbook';
import { journeyOrThrow, UserError } from './errors';
import { originalOf } from '../sheets/map-lookup';
import { sheetName } from '../sheets/map-sheet';

export interface ActiveMap {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  locale: string;
  journey: Journey;
  snapshot: GridSnapshot;
}

/**
 * `formulas`: also read the formulas (to tell a user's content in the template's cells from ours).
 * A copy of a map (Sheets' Duplicate) is refused with the offer to make it a map of its own, unless
 * `copies` lets the caller make that offer itself.
 */
export function activeMap({ formulas = false, copies = false } = {}): ActiveMap {
  const ss = activeSpreadsheet();
  const locale = ss.getSpreadsheetLocale();
  const sheet = ss.getActiveSheet();
  const { snapshot, result } = readMap(sheet, formulas);
  const journey = journeyOrThrow(result, languageOf(locale));
  const original = copies ? null : originalOf(ss, sheet, journey.id);
  if (original) throw copyRefusal(journey, original);
  return { ss, sheet, locale, journey, snapshot };
}

/** Why a command does not run on a copy of a map, and how to make the copy a map of its own. */
export function copyRefusal(journey: Journey, original: GoogleAppsScript.Spreadsheet.Sheet) {
  return UserError.of(journey.lang, 'err.copiedMap', { sheet: sheetName(original) });
}
