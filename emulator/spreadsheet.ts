// Spreadsheet: the document. Sheets, names, locale, toasts.
import { gasError, notEmulated } from './errors';
import { EmuNamedRange, listedNamedRanges, namedRangeRange } from './named-range';
import { EmuRange, makeRange } from './range';
import { EmuSheet, rangeFromA1 } from './sheet';
import { EmuTextFinder } from './text-finder';
import type { GNamedRange, GRange, GSheet, GSpreadsheet } from './types';
import { as } from './types';
import { checkScriptSheetName, type WorkbookModel } from './workbook-model';

type SpreadsheetMethods =
  | 'getName'
  | 'rename'
  | 'getSpreadsheetLocale'
  | 'setSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'getSheets'
  | 'getSheetByName'
  | 'insertSheet'
  | 'deleteSheet'
  | 'getActiveSheet'
  | 'setActiveSheet'
  | 'getActiveRange'
  | 'getActiveCell'
  | 'getRange'
  | 'getRangeByName'
  | 'setNamedRange'
  | 'getNamedRanges'
  | 'removeNamedRange'
  | 'toast'
  | 'duplicateActiveSheet'
  | 'createTextFinder';

export class EmuSpreadsheet implements Pick<GSpreadsheet, SpreadsheetMethods> {
  static readonly typeName = 'Spreadsheet';
  constructor(readonly _wb: WorkbookModel) {}

  getName(): string {
    return this._wb.name;
  }
  rename(newName: string): void {
    this._wb.name = String(newName);
  }
  getSpreadsheetLocale(): string {
    return this._wb.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this._wb.locale = String(locale);
  }
  getSpreadsheetTimeZone(): string {
    return this._wb.timeZone;
  }

  getSheets(): GSheet[] {
    return this._wb.sheets.map((s) => as<GSheet>(new EmuSheet(this._wb, s)));
  }
  getSheetByName(name: string): GSheet | null {
    const s = this._wb.sheet(String(name));
    return s ? as(new EmuSheet(this._wb, s)) : null;
  }
  /**
   * Apps Script passes a JavaScript `undefined` argument as null and refuses a call no signature
   * of the method takes ("The parameters (String,null) don't match the method signature …"), so
   * `insertSheet(name, undefined)` is refused, not read as `insertSheet(name)`. Where the index
   * may point the reference is silent; an index past the last sheet is refused.
   */
  insertSheet(...args: unknown[]): GSheet {
    const [a, b, c] = args;
    const types = args.map((x) => (x === undefined || x === null ? 'null' : typeof x));
    if (
      types.includes('null') ||
      (args.length > 1 && !['number', 'object'].includes(types[1] ?? ''))
    )
      throw gasError(
        `The parameters (${types.join(',')}) don't match the method signature for SpreadsheetApp.Spreadsheet.insertSheet.`,
      );
    const hasTemplate = [a, b, c].some(
      (o) =>
        o !== null && typeof o === 'object' && (o as { template?: unknown }).template !== undefined,
    );
    if (hasTemplate) throw notEmulated('Spreadsheet.insertSheet (template option)');
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (typeof a === 'number') index = a;
    if (
      index !== undefined &&
      (!Number.isInteger(index) || index < 0 || index > this._wb.sheets.length)
    )
      throw gasError(
        `Invalid argument: sheetIndex (${index}); the spreadsheet has ${this._wb.sheets.length} sheets.`,
      );
    if (name !== undefined) checkScriptSheetName(name);
    const model = this._wb.addSheet(name, index);
    this._wb.active = model;
    this._wb.activeRange = null;
    return as(new EmuSheet(this._wb, model));
  }
  deleteSheet(sheet: GSheet): void {
    const s = (sheet as unknown as EmuSheet)._sheet;
    if (!this._wb.sheets.includes(s)) throw gasError('Sheet not found.');
    this._wb.removeSheet(s);
  }
  /** Inserts "Copy of X" right after the active sheet X and activates it (names are not copied). */
  duplicateActiveSheet(): GSheet {
    return as(new EmuSheet(this._wb, this._wb.duplicate(this._wb.active)));
  }
  getActiveSheet(): GSheet {
    return as(new EmuSheet(this._wb, this._wb.active));
  }
  setActiveSheet(sheet: GSheet): GSheet {
    const s = (sheet as unknown as EmuSheet)._sheet;
    this._wb.active = s;
    this._wb.activeRange = null;
    return as(new EmuSheet(this._wb, s));
  }
  getActiveRange(): GRange | null {
    const r = this._wb.activeRange ?? { row: 0, col: 0, rows: 1, cols: 1 };
    return as(new EmuRange(this._wb, this._wb.active, { ...r }));
  }
  getActiveCell(): GRange {
    const r = this._wb.activeRange ?? { row: 0, col: 0, rows: 1, cols: 1 };
    return as(makeRange(this._wb, this._wb.active, r.row + 1, r.col + 1));
  }
  getRange(a1Notation: string): GRange {
    return as(rangeFromA1(this._wb, this._wb.active, a1Notation));
  }
  getRangeByName(name: string): GRange | null {
    const r = namedRangeRange(this._wb, String(name));
    return r ? as(r) : null;
  }
  /**
   * Google's reference says only "Names a range"
   * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setNamedRange(String,Range)),
   * not what becomes of a name already taken; public scripts disagree (replaced, or removed first
   * to be safe). The reading least convenient for the add-on: a name already taken is refused,
   * so the add-on removes a name before it sets it again (NamedRange.setRange moves one).
   */
  setNamedRange(name: string, range: GRange): void {
    const r = range as unknown as EmuRange;
    const taken = this._wb.engine
      .namedRangeNames()
      .some((n) => n.toUpperCase() === String(name).toUpperCase());
    if (taken) throw gasError(`A named range called ${name} already exists.`);
    this._wb.engine.setNamedRange(String(name), r._sheet.name, r._rect);
  }
  getNamedRanges(): GNamedRange[] {
    return listedNamedRanges(this._wb).map((n) => as<GNamedRange>(new EmuNamedRange(this._wb, n)));
  }
  removeNamedRange(name: string): void {
    if (!this._wb.engine.removeNamedRange(String(name)))
      throw gasError(`Named range ${name} not found.`);
  }
  /** Searches every sheet (text-finder.ts). */
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    return as(new EmuTextFinder(this._wb, () => this._wb.sheets, String(findText)));
  }
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this._wb.ui.toasts.push({
      message: String(msg),
      title: title === undefined ? '' : String(title),
      timeoutSeconds: timeoutSeconds ?? 5,
    });
  }
}
