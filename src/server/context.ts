/** The map the user is working on: the active sheet, read and recognised once per command. */
import { languageOf } from '../core/words/i18n';
import type { Journey } from '../core/map/journey';
import type { GridSnapshot } from '../sheets/apply';
import { readMap } from '../sheets/read';
import { activeSpreadsheet } from '../sheets/workbook';
import { journeyOrThrow } from './errors';

export interface ActiveMap {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  locale: string;
  journey: Journey;
  snapshot: GridSnapshot;
}

/**
 * `formulas`: also read the formulas (to tell a user's content in the template's cells from ours).
 */
export function activeMap({ formulas = false } = {}): ActiveMap {
  const ss = activeSpreadsheet();
  const locale = ss.getSpreadsheetLocale();
  const sheet = ss.getActiveSheet();
  const { snapshot, result } = readMap(sheet, formulas);
  return { ss, sheet, locale, journey: journeyOrThrow(result, languageOf(locale)), snapshot };
}
