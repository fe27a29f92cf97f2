// The platform rules of Apps Script that the emulator enforces (each test fails if the rule is not
// modelled): the cost model (write cache, round trips, cells read), custom functions that run
// after the execution that changed their inputs, dates that reach custom functions as Dates in
// the spreadsheet's time zone, the AuthMode table of Google's editor add-on authorization page,
// and the two readings of formula syntax in decimal-comma locales.
import { describe, expect, it } from 'vitest';
import { costKind } from '../cost';
import { createWorkbook, loadAddon, Workbook, type WorkbookOptions } from '../index';
import { EmuEmbeddedChart } from '../chart';
import { EmuNamedRange } from '../named-range';
import { EmuProtection } from '../protection';
import { EmuRange } from '../range';
import { EmuRangeList } from '../range-list';
import { EmuSheet } from '../sheet';
import { EmuSpreadsheet } from '../spreadsheet';
import { EmuSpreadsheetApp } from '../spreadsheet-app';
import { SIDEBAR_HTML } from './bundle';

/** Script functions for these rules (a bundle of global functions, as dist/Code.js is). */
const SCRIPT = `
function sheet_() { return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]; }

function writeReadWrite() {
  var s = sheet_();
  s.getRange('A1').setValue(1);
  s.getRange('A2').setValue(2);
  var v = s.getRange('A1:C10').getValues();
  s.getRange('A3').setValue(3);
  return v.length;
}
function readsOnly() {
  var s = sheet_();
  s.getRange('A1').getValue();
  s.getRange('A1:B2').getFormulas();
  s.getName(); s.getMaxRows(); s.getRange('A1').getA1Notation();
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1');
}
function readsOfTwoSheets() {
  var other = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Other');
  other.getRange('A1:C2').getValues();
  sheet_().getRange('A1').getValue();
  other.getMaxRows();
}
function structural() {
  var s = sheet_();
  s.getRange('A1').setValue('x');
  s.insertColumnsAfter(1, 2);
  s.insertRowsAfter(1, 1);
  s.getRange('A1').setValue('y');
  SpreadsheetApp.flush();
  SpreadsheetApp.flush();
}
function selectOnly() { sheet_().setActiveSelection('B2'); }
function writeThenSelect() {
  var s = sheet_();
  s.getRange('A1').setValue(1);
  s.getRange('C3').activate();
  s.setActiveSelection('B2');
}
function wholeDataRange() { return sheet_().getDataRange().getValues().length; }
function labelsOnly() { return sheet_().getRange(1, 1, 20, 1).getValues().length; }

function setInputThenRead() {
  var s = sheet_();
  s.getRange('A1').setValue(21);
  return [s.getRange('B1').getValue(), s.getRange('C1').getValue(), s.getRange('D1').getValue()];
}
function newFormulaThenRead() {
  var s = sheet_();
  s.getRange('E1').setFormula('=DOUBLE(A1)');
  s.getRange('F1').setFormula('=A1*3');
  return [s.getRange('E1').getValue(), s.getRange('F1').getValue(), s.getRange('E1').getDisplayValue()];
}
function writeElsewhere() { sheet_().getRange('Z1').setValue('unrelated'); }
function rewriteSame() { sheet_().getRange('B1').setFormula('=DOUBLE(A1)'); }
function sameValue() { sheet_().getRange('A1').setValue(sheet_().getRange('A1').getValue()); }
function insertColumnAt(n) { sheet_().insertColumnsBefore(n, 1); }
function write(a1, v) { sheet_().getRange(a1).setValue(v); }

/** @customfunction */
function DOUBLE(x) {
  if (Array.isArray(x)) return x.map(function (r) { return r.map(function (v) { return v === '' ? '' : v * 2; }); });
  return x * 2;
}
/** @customfunction */
function COUNTARGS(range) { return Array.isArray(range) ? range.length * range[0].length : 1; }
/** @customfunction */
function FAILS(x) { throw new Error('no ' + x); }
/** @customfunction */
function KIND(x) {
  function one(v) { return (v instanceof Date ? 'Date ' + v.toISOString() : typeof v + ' ' + v); }
  if (Array.isArray(x)) return x.map(function (r) { return r.map(one); });
  return one(x);
}
/** @customfunction */
function NEXTDAY(d) { return new Date(d.getTime() + 86400000); }

function dialogs(kind) {
  var ui = SpreadsheetApp.getUi();
  function html() { return HtmlService.createHtmlOutput('<p>x</p>'); }
  if (kind === 'sidebar') ui.showSidebar(html());
  if (kind === 'modal') ui.showModalDialog(html(), 'T');
  if (kind === 'modeless') ui.showModelessDialog(html(), 'T');
  if (kind === 'alert') ui.alert('hi');
  if (kind === 'prompt') ui.prompt('hi');
  if (kind === 'toast') SpreadsheetApp.getActiveSpreadsheet().toast('hi');
  if (kind === 'menu') ui.createAddonMenu().addItem('A', 'a').addToUi();
  return kind;
}
function userData(kind) {
  if (kind === 'userLocale') return Session.getActiveUserLocale();
  if (kind === 'spreadsheetLocale') return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale();
  if (kind === 'email') return Session.getActiveUser().getEmail();
  if (kind === 'effective') return Session.getEffectiveUser().getEmail();
  if (kind === 'timeZone') return Session.getScriptTimeZone();
  if (kind === 'properties') return PropertiesService.getDocumentProperties().getProperty('x');
  if (kind === 'lock') return LockService.getDocumentLock().tryLock(1);
  if (kind === 'read') return sheet_().getRange('A1').getValue();
  if (kind === 'write') { sheet_().getRange('A1').setValue('w'); return 'w'; }
  if (kind === 'log') { Logger.log('x'); return Utilities.formatDate(new Date(0), 'UTC', 'yyyy'); }
}
`;

function setup(opts: WorkbookOptions = {}) {
  const wb = createWorkbook(opts);
  const addon = loadAddon(wb, SCRIPT, { Sidebar: SIDEBAR_HTML });
  wb.calls.reset();
  return { wb, addon };
}

describe('rule 5: the cost model — writes are cached, reads and structural changes flush them', () => {
  it('a read after writes costs the flush and the read; the last writes are flushed when the execution ends', () => {
    const { wb, addon } = setup();
    addon.run('writeReadWrite');
    expect(wb.calls.roundTripsByName).toEqual({ flush: 2, 'Range.getValues': 1 });
    expect(wb.calls.roundTrips).toBe(3);
    expect(wb.calls.cellsRead).toBe(30);
  });

  it('each read is a round trip; handles, geometry and metadata are not', () => {
    const { wb, addon } = setup();
    addon.run('readsOnly');
    expect(wb.calls.roundTripsByName).toEqual({ 'Range.getValue': 1, 'Range.getFormulas': 1 });
    expect(wb.calls.cellsRead).toBe(1 + 4);
  });

  it('the cells read are counted by the sheet they were read from too', () => {
    const { wb, addon } = setup();
    addon.run('readsOfTwoSheets');
    expect(wb.calls.cellsRead).toBe(6 + 1);
    expect(wb.calls.cellsReadBySheet).toEqual({ Other: 6, Sheet1: 1 });
  });

  it('structural changes flush and cost a round trip each; SpreadsheetApp.flush() flushes only a non-empty cache', () => {
    const { wb, addon } = setup();
    addon.run('structural');
    expect(wb.calls.roundTripsByName).toEqual({
      flush: 2,
      'Sheet.insertColumnsAfter': 1,
      'Sheet.insertRowsAfter': 1,
    });
    expect(wb.calls.roundTrips).toBe(4);
    wb.calls.reset();
    expect(wb.calls.roundTrips).toBe(0);
    expect(wb.calls.cellsRead).toBe(0);
    expect(wb.calls.pendingWrites).toBe(0);
  });

  it('a selection change is a cached write: none after writes, one flush when it is all the execution did', () => {
    const { wb, addon } = setup();
    addon.run('writeThenSelect');
    expect(wb.calls.roundTripsByName).toEqual({ flush: 1 });
    expect(wb.model.activeRange).toEqual({ row: 1, col: 1, rows: 1, cols: 1 });
    wb.calls.reset();
    addon.run('selectOnly');
    expect(wb.calls.roundTripsByName).toEqual({ flush: 1 });
    for (const [type, method] of [
      ['Range', 'activate'],
      ['Sheet', 'activate'],
      ['Sheet', 'setActiveSelection'],
      ['Spreadsheet', 'setActiveSheet'],
    ])
      expect(costKind(type!, method!)).toBe('write');
  });

  it('counts the cells a command reads: the whole data range of a 50,000-row sheet, or only what it asks for', () => {
    const { wb, addon } = setup();
    wb.insertRows('Sheet1', 1001, 49_000);
    wb.range('Sheet1', 'A50000:C50000').setValues([[1, 2, 3]]);
    wb.calls.reset();
    expect(addon.run('wholeDataRange')).toBe(50_000);
    expect(wb.calls.cellsRead).toBe(150_000);
    expect(wb.calls.roundTripsByName).toEqual({ 'Sheet.getDataRange': 1, 'Range.getValues': 1 });
    wb.calls.reset();
    addon.run('labelsOnly');
    expect(wb.calls.cellsRead).toBe(20);
  });

  it('test helpers and host-side reads outside the guard cost nothing', () => {
    const { wb } = setup();
    wb.setCell('Sheet1', 'A1', 5);
    wb.value('Sheet1', 'A1');
    wb.values('Sheet1', 'A1:Z100');
    expect(wb.calls.snapshot()).toMatchObject({ total: 0, roundTrips: 0, cellsRead: 0 });
  });

  it('every getter of the Spreadsheet service is classified: none is taken for a cached write', () => {
    const classes = [
      EmuSpreadsheetApp,
      EmuSpreadsheet,
      EmuSheet,
      EmuRange,
      EmuRangeList,
      EmuNamedRange,
      EmuProtection,
      EmuEmbeddedChart,
    ];
    const unclassified: string[] = [];
    for (const cls of classes) {
      const typeName = (cls as unknown as { typeName: string }).typeName;
      for (const m of Object.getOwnPropertyNames(cls.prototype)) {
        if (m === 'constructor' || m.startsWith('_')) continue;
        if (/^(get|is|has|can)[A-Z]/.test(m) && costKind(typeName, m) === 'write')
          unclassified.push(`${typeName}.${m}`);
      }
    }
    expect(unclassified).toEqual([]);
    expect(costKind('Range', 'setValues')).toBe('write');
    expect(costKind('Sheet', 'deleteRows')).toBe('structural');
    expect(costKind('Spreadsheet', 'insertSheet')).toBe('structural');
    expect(costKind('Properties', 'getProperty')).toBe('local');
  });
});

describe('rule 6: custom functions run after the execution that changed their inputs', () => {
  function withFormulas() {
    const s = setup();
    s.wb.setCell('Sheet1', 'A1', 5);
    s.wb.setCell('Sheet1', 'B1', '=DOUBLE(A1)');
    s.wb.setCell('Sheet1', 'C1', '=B1+1');
    s.wb.setCell('Sheet1', 'D1', '=A1*2');
    s.wb.calls.reset();
    return s;
  }

  it('during the execution a changed custom-function cell reads its old value (and so do formulas using it); built-ins compute at once', () => {
    const { wb, addon } = withFormulas();
    expect(wb.values('Sheet1', 'B1:D1')).toEqual([[10, 11, 10]]);
    expect(addon.run('setInputThenRead')).toEqual([10, 11, 42]);
    // after the execution, everything computed
    expect(wb.values('Sheet1', 'B1:D1')).toEqual([[42, 43, 42]]);
    expect(wb.calls.customFunctionExecutions).toBe(1);
  });

  it('a custom-function cell that had no value reads "Loading..." until the execution ends', () => {
    const { wb, addon } = withFormulas();
    expect(addon.run('newFormulaThenRead')).toEqual(['Loading...', 15, 'Loading...']);
    expect(wb.values('Sheet1', 'E1:F1')).toEqual([[10, 15]]);
    expect(wb.calls.customFunctionExecutions).toBe(1);
  });

  it('counts executions: a spilling formula once; nothing when its inputs did not change', () => {
    const { wb, addon } = setup();
    wb.range('Sheet1', 'A1:B3').setValues([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    wb.setCell('Sheet1', 'D1', '=DOUBLE(A1:B3)');
    wb.setCell('Sheet1', 'G1', '=COUNTARGS(A1:B3)');
    wb.calls.reset();
    addon.run('write', 'A1', 10);
    expect(wb.values('Sheet1', 'D1:E1')).toEqual([[20, 4]]);
    expect(wb.calls.customFunctionExecutions).toBe(2);
    wb.calls.reset();
    addon.run('writeElsewhere');
    expect(wb.calls.customFunctionExecutions).toBe(0);
    // a column inserted outside its arguments: same arguments, not run again
    addon.run('insertColumnAt', 3);
    expect(wb.calls.customFunctionExecutions).toBe(0);
    expect(wb.values('Sheet1', 'E1:F2')).toEqual([
      [20, 4],
      [6, 8],
    ]);
    // a column inserted inside its arguments: they changed, both run again
    addon.run('insertColumnAt', 2);
    expect(wb.calls.customFunctionExecutions).toBe(2);
    expect(wb.formula('Sheet1', 'I1')).toBe('=COUNTARGS(A1:C3)');
    expect(wb.value('Sheet1', 'I1')).toBe(9);
  });

  it('a rewritten formula runs again, even unchanged; an input written with the value it had changes nothing', () => {
    const { wb, addon } = withFormulas();
    addon.run('rewriteSame');
    expect(wb.calls.customFunctionExecutions).toBe(1);
    wb.calls.reset();
    addon.run('sameValue');
    expect(wb.calls.customFunctionExecutions).toBe(0);
  });

  it('outside an execution (a user typing, a test writing) custom functions compute at once', () => {
    const { wb } = withFormulas();
    wb.setCell('Sheet1', 'A1', 7);
    expect(wb.value('Sheet1', 'B1')).toBe(14);
    wb.spreadsheet.getRange('A1').setValue(8);
    expect(wb.spreadsheet.getRange('B1').getValue()).toBe(16);
    expect(wb.calls.customFunctionExecutions).toBe(2);
  });

  it('an error is kept like a result: redrawing does not run the function again', () => {
    const { wb, addon } = setup();
    wb.setCell('Sheet1', 'A1', '=FAILS(3)');
    expect(wb.error('Sheet1', 'A1')).toBe('no 3');
    wb.calls.reset();
    addon.run('insertColumnAt', 1);
    expect(wb.error('Sheet1', 'B1')).toBe('no 3');
    expect(wb.calls.customFunctionExecutions).toBe(0);
  });
});

describe('rule 7: dates reach custom functions as Dates, in the spreadsheet time zone', () => {
  it('a date cell, a date in a range and a DATE() result are Dates of the script realm; numbers stay numbers', () => {
    const { wb } = setup({ timeZone: 'Europe/Moscow' });
    wb.setCell('Sheet1', 'A1', '2026-01-05');
    wb.setCell('Sheet1', 'B1', 42);
    wb.setCell('Sheet1', 'C1', '2026-01-06 12:30');
    wb.setCell('Sheet1', 'A3', '=KIND(A1)');
    wb.setCell('Sheet1', 'A4', '=KIND(A1:C1)');
    wb.setCell('Sheet1', 'A5', '=KIND(DATE(2026,1,5))');
    expect(wb.value('Sheet1', 'A3')).toBe('Date 2026-01-04T21:00:00.000Z');
    expect(wb.values('Sheet1', 'A4:C4')).toEqual([
      ['Date 2026-01-04T21:00:00.000Z', 'number 42', 'Date 2026-01-06T09:30:00.000Z'],
    ]);
    expect(wb.value('Sheet1', 'A5')).toBe('Date 2026-01-04T21:00:00.000Z');
    // getValues answers the same instants, and a Date returned lands on the right day
    expect(wb.value('Sheet1', 'A1')).toEqual(new Date('2026-01-04T21:00:00.000Z'));
    wb.setCell('Sheet1', 'D1', '=NEXTDAY(A1)');
    wb.range('Sheet1', 'D1').setNumberFormat('yyyy-mm-dd');
    expect(wb.display('Sheet1', 'D1')).toBe('2026-01-06');
  });

  it('a Date written by a script is the wall-clock time of the spreadsheet time zone', () => {
    const { wb } = setup({ timeZone: 'America/New_York' });
    wb.spreadsheet.getRange('A1').setValue(new Date('2026-07-01T04:00:00Z'));
    expect(wb.display('Sheet1', 'A1')).toBe('2026-07-01 00:00:00');
    expect(wb.value('Sheet1', 'A1')).toEqual(new Date('2026-07-01T04:00:00Z'));
  });
});

describe("rule 8: AuthMode, as Google's editor add-on authorization page lists it", () => {
  it('NONE: the menu, the user locale, Logger and Utilities; not the spreadsheet (nor its locale), Properties or locks', () => {
    const { addon } = setup({ locale: 'de_DE' });
    expect(addon.runAs('NONE', 'dialogs', 'menu')).toBe('menu');
    expect(addon.runAs('NONE', 'userData', 'userLocale')).toBe('de_DE');
    expect(addon.runAs('NONE', 'userData', 'log')).toBe('1970');
    for (const kind of ['spreadsheetLocale', 'properties', 'lock', 'read', 'email', 'timeZone']) {
      expect(() => addon.runAs('NONE', 'userData', kind), kind).toThrow(
        /You do not have permission to call .* \(AuthMode\.NONE\)/,
      );
    }
    expect(() => addon.runAs('NONE', 'dialogs', 'sidebar')).toThrow(
      /permission to call HtmlService.createHtmlOutput/,
    );
  });

  it('LIMITED: no sidebar, dialog, message box or toast, no user data but the locale; the spreadsheet and Properties are allowed', () => {
    const { wb, addon } = setup({ locale: 'ru_RU', userLocale: 'en' });
    for (const kind of ['sidebar', 'modal', 'modeless', 'alert', 'prompt', 'toast']) {
      expect(() => addon.runAs('LIMITED', 'dialogs', kind), kind).toThrow(
        /AuthMode\.LIMITED\)\. Add-ons can't open sidebars or dialogs/,
      );
    }
    expect(wb.ui.surfaces).toEqual([]);
    expect(addon.runAs('LIMITED', 'dialogs', 'menu')).toBe('menu');
    expect(addon.runAs('LIMITED', 'userData', 'userLocale')).toBe('en');
    expect(addon.runAs('LIMITED', 'userData', 'spreadsheetLocale')).toBe('ru_RU');
    expect(addon.runAs('LIMITED', 'userData', 'write')).toBe('w');
    expect(addon.runAs('LIMITED', 'userData', 'read')).toBe('w');
    expect(addon.runAs('LIMITED', 'userData', 'properties')).toBeNull();
    expect(addon.runAs('LIMITED', 'userData', 'lock')).toBe(true);
    expect(() => addon.runAs('LIMITED', 'userData', 'email')).toThrow(
      /Session.getActiveUser .*Only the user's locale/,
    );
    expect(() => addon.runAs('LIMITED', 'userData', 'effective')).toThrow(
      /Session.getEffectiveUser/,
    );
    // the same calls in FULL
    expect(addon.runAs('FULL', 'dialogs', 'sidebar')).toBe('sidebar');
    expect(addon.runAs('FULL', 'userData', 'email')).toBe('user@example.com');
  });

  it('CUSTOM_FUNCTION: the spreadsheet read-only, the locale, Properties; no writes, no user interface', () => {
    const { addon } = setup({ userLocale: 'ru' });
    expect(addon.runAs('CUSTOM_FUNCTION', 'userData', 'userLocale')).toBe('ru');
    expect(addon.runAs('CUSTOM_FUNCTION', 'userData', 'read')).toBe('');
    expect(addon.runAs('CUSTOM_FUNCTION', 'userData', 'properties')).toBeNull();
    expect(() => addon.runAs('CUSTOM_FUNCTION', 'userData', 'write')).toThrow(
      /Range.setValue .*read-only access/,
    );
    expect(() => addon.runAs('CUSTOM_FUNCTION', 'dialogs', 'menu')).toThrow(
      /SpreadsheetApp.getUi .*no user interface/,
    );
    expect(() => addon.runAs('CUSTOM_FUNCTION', 'userData', 'email')).toThrow(
      /Session.getActiveUser/,
    );
  });

  it("Session.getActiveUserLocale() is the user's locale: an option, by default the spreadsheet's locale", () => {
    expect(setup({ locale: 'ru_RU' }).addon.runAs('NONE', 'userData', 'userLocale')).toBe('ru_RU');
    expect(
      setup({ locale: 'ru_RU', userLocale: 'en' }).addon.runAs('NONE', 'userData', 'userLocale'),
    ).toBe('en');
  });
});

describe('rule 9: formula syntax in decimal-comma locales (formulaSeparators)', () => {
  it('\'locale\': ru_RU takes ";" between arguments and "," as the decimal point, and shows formulas that way', () => {
    const { wb } = setup({ locale: 'ru_RU', formulaSeparators: 'locale' });
    const s = wb.spreadsheet.getSheetByName('Sheet1')!;
    s.getRange('A1:A2').setValues([[1.2345], [2.25]]);
    s.getRange('B1').setFormula('=ROUND(A1;2)');
    s.getRange('B2').setValue('=IF(A2>1;"a,b";1,5)');
    s.getRange('B3').setFormulas([['=SUM(A2;0,5;10)']]);
    expect(s.getRange('B1:B3').getValues()).toEqual([[1.23], ['a,b'], [12.75]]);
    expect(s.getRange('B1:B3').getFormulas()).toEqual([
      ['=ROUND(A1;2)'],
      ['=IF(A2>1;"a,b";1,5)'],
      ['=SUM(A2;0,5;10)'],
    ]);
    // custom functions and English names are fine
    s.getRange('C1').setFormula('=DOUBLE(A2)*1,5');
    expect(s.getRange('C1').getValue()).toBe(6.75);
    wb.setCell('Sheet1', 'C2', '=MAX(A1;A2)');
    expect(wb.value('Sheet1', 'C2')).toBe(2.25);
    expect(wb.snapshot('Sheet1').cells.find((c) => c.a1 === 'C2')?.formula).toBe('=MAX(A1;A2)');
  });

  it('\'locale\': a formula written with "," between arguments is a parse error, shown as written', () => {
    const { wb } = setup({ locale: 'ru_RU', formulaSeparators: 'locale' });
    const s = wb.spreadsheet.getSheetByName('Sheet1')!;
    s.getRange('A1').setFormula('=ROUND(1.2345,2)');
    s.getRange('A2').setValue('=IF(TRUE,"a","b")');
    for (const a1 of ['A1', 'A2']) {
      expect(wb.value('Sheet1', a1)).toBe('#ERROR!');
      expect(wb.error('Sheet1', a1)).toBe('Formula parse error.');
    }
    expect(s.getRange('A1:A2').getFormulas()).toEqual([
      ['=ROUND(1.2345,2)'],
      ['=IF(TRUE,"a","b")'],
    ]);
    // the document keeps them through JSON
    const again = Workbook.fromJSON(JSON.parse(JSON.stringify(wb.toJSON())));
    expect(again.formula('Sheet1', 'A2')).toBe('=IF(TRUE,"a","b")');
    expect(again.value('Sheet1', 'A2')).toBe('#ERROR!');
  });

  it('\'comma\': English syntax whatever the locale; ";" is the parse error then', () => {
    const { wb } = setup({ locale: 'ru_RU', formulaSeparators: 'comma' });
    const s = wb.spreadsheet.getSheetByName('Sheet1')!;
    s.getRange('A1').setFormula('=ROUND(1.2345,2)');
    s.getRange('A2').setFormula('=ROUND(1,2345;2)');
    expect(wb.value('Sheet1', 'A1')).toBe(1.23);
    expect(s.getRange('A1').getFormula()).toBe('=ROUND(1.2345,2)');
    expect(wb.value('Sheet1', 'A2')).toBe('#ERROR!');
    expect(wb.error('Sheet1', 'A2')).toBe('Formula parse error.');
  });

  it("'locale' changes nothing in a decimal-point locale", () => {
    const { wb } = setup({ locale: 'en_US', formulaSeparators: 'locale' });
    wb.spreadsheet.getRange('A1').setFormula('=ROUND(1.2345,2)');
    expect(wb.value('Sheet1', 'A1')).toBe(1.23);
    expect(wb.formula('Sheet1', 'A1')).toBe('=ROUND(1.2345,2)');
  });

  it('the default comes from CJM_FORMULA_SEPARATORS, so the suite can run under either reading', () => {
    const saved = process.env.CJM_FORMULA_SEPARATORS;
    try {
      process.env.CJM_FORMULA_SEPARATORS = 'locale';
      expect(createWorkbook().model.formulaSeparators).toBe('locale');
      process.env.CJM_FORMULA_SEPARATORS = 'comma';
      expect(createWorkbook().model.formulaSeparators).toBe('comma');
      delete process.env.CJM_FORMULA_SEPARATORS;
      expect(createWorkbook().model.formulaSeparators).toBe('comma');
      process.env.CJM_FORMULA_SEPARATORS = 'semicolon';
      expect(() => createWorkbook()).toThrow(/CJM_FORMULA_SEPARATORS must be "comma" or "locale"/);
    } finally {
      if (saved === undefined) delete process.env.CJM_FORMULA_SEPARATORS;
      else process.env.CJM_FORMULA_SEPARATORS = saved;
    }
  });
});

describe('scale: nothing grows with the workbook', () => {
  it('keeps no undo history, and a structural edit of one sheet reruns no custom function elsewhere', () => {
    const { wb, addon } = setup();
    for (let i = 2; i <= 4; i++) {
      const name = `S${i}`;
      wb.spreadsheet.insertSheet(name);
      wb.range(name, 'A1:A3').setValues([[1], [2], [3]]);
      wb.setCell(name, 'C1', '=DOUBLE(A1:A3)');
    }
    wb.calls.reset();
    addon.run('insertColumnAt', 1);
    expect(wb.calls.customFunctionExecutions).toBe(0);
    expect(wb.values('S3', 'C1:C3')).toEqual([[2], [4], [6]]);
    expect(wb.model.engine.hf.isThereSomethingToUndo()).toBe(false);
  });
});
