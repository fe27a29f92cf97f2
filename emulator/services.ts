// The Apps Script services the emulator provides, by their global names: what the loader puts in
// the bundle's vm context, and what a unit test of server code stubs as globals
// (Workbook.services), so both see the same set.
import { EmuHtmlService } from './html';
import { EmuLockService } from './lock';
import { EmuCharts, EmuLogger, EmuScriptApp, EmuSession, EmuUtilities } from './misc-services';
import { EmuPropertiesService } from './properties';
import { EmuSpreadsheetApp } from './spreadsheet-app';
import type { WorkbookModel } from './workbook-model';

export interface Services {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
  Session: GoogleAppsScript.Base.Session;
  Logger: GoogleAppsScript.Base.Logger;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Charts: GoogleAppsScript.Charts.Charts;
}

/**
 * Each service wrapped by `wrap` (the guard that checks the AuthMode and counts the calls), over
 * the workbook `wb` and the HTML files `files` (name without ".html" → content).
 */
export function services(
  wb: WorkbookModel,
  files: Record<string, string>,
  wrap: <T>(service: object) => T,
): Services {
  return {
    SpreadsheetApp: wrap(new EmuSpreadsheetApp(wb)),
    HtmlService: wrap(new EmuHtmlService(files)),
    PropertiesService: wrap(new EmuPropertiesService(wb.documentProperties, wb.userProperties)),
    LockService: wrap(new EmuLockService(wb.documentLock)),
    Session: wrap(new EmuSession(wb)),
    Logger: wrap(new EmuLogger(wb)),
    Utilities: wrap(new EmuUtilities()),
    ScriptApp: wrap(new EmuScriptApp()),
    Charts: wrap(new EmuCharts()),
  };
}
