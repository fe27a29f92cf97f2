/** The active spreadsheet and its UI: the entry into SpreadsheetApp for the rest of the add-on. */
import { languageOf, type Lang } from '../core/words/i18n';

export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

export function ui(): GoogleAppsScript.Base.Ui {
  return SpreadsheetApp.getUi();
}

/** The language a new map or message follows: the spreadsheet's locale. */
export function languageOfSpreadsheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  locale = ss.getSpreadsheetLocale(),
): Lang {
  return languageOf(locale);
}

export function spreadsheetLang(): Lang {
  return languageOfSpreadsheet(activeSpreadsheet());
}
