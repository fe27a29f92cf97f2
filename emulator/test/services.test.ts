import { describe, expect, it } from 'vitest';
import { AuthMode, createWorkbook, loadAddon, toClientJson, Workbook } from '../index';
import { BUNDLE, SIDEBAR_HTML } from './bundle';

function setup() {
  const wb = createWorkbook({ name: 'Test doc', addonName: 'CJM' });
  const addon = loadAddon(wb, BUNDLE, { Sidebar: SIDEBAR_HTML });
  return { wb, addon };
}

describe('AuthMode', () => {
  it('onOpen in AuthMode.NONE can build the add-on menu', () => {
    const { wb, addon } = setup();
    addon.runOnOpen();
    expect(wb.ui.menus).toEqual([
      {
        kind: 'addon',
        title: 'CJM',
        items: [
          { caption: 'New map', functionName: 'newMap' },
          { separator: true },
          { caption: 'Help', functionName: 'showHelp' },
        ],
      },
    ]);
    addon.run('onOpen', { authMode: AuthMode.NONE });
    expect(wb.ui.menus).toHaveLength(1);
  });

  it('any other service in AuthMode.NONE throws the authorization error', () => {
    const { addon } = setup();
    expect(() => addon.run('onOpenGreedy', { authMode: AuthMode.NONE })).toThrow(
      /You do not have permission to call SpreadsheetApp.getActiveSpreadsheet/,
    );
    expect(() => addon.runAs('NONE', 'newMap')).toThrow(
      /You do not have permission to call LockService.getDocumentLock/,
    );
    expect(() => addon.runAs('NONE', 'ask')).toThrow(/permission to call Ui.prompt/);
    expect(addon.run('onOpenGreedy', { authMode: AuthMode.FULL })).toBe('Test doc');
    expect(addon.runOnOpen('LIMITED')).toBeUndefined();
  });

  it('a bundle that calls a service in its global statements fails to load', () => {
    const wb = createWorkbook();
    const bad =
      'var LOCALE = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale();\nfunction onOpen() {}';
    expect(() => loadAddon(wb, bad)).toThrow(
      /global statements \(AuthMode.NONE\).*getActiveSpreadsheet/,
    );
    const props = 'var P = PropertiesService.getDocumentProperties();';
    expect(() => loadAddon(wb, props)).toThrow(/PropertiesService.getDocumentProperties/);
    expect(() =>
      loadAddon(wb, 'var ok = ScriptApp.AuthMode.NONE; Logger.log("loaded");'),
    ).not.toThrow();
  });

  it('the vm has no Node globals', () => {
    const wb = createWorkbook();
    const addon = loadAddon(
      wb,
      'function probe() { return [typeof require, typeof process, typeof setTimeout, typeof Buffer, typeof module, typeof JSON, typeof Math]; }',
    );
    expect(addon.run('probe')).toEqual([
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      'object',
      'object',
    ]);
  });
});

describe('guarded service objects', () => {
  it('throws "not emulated" for members outside the emulated subset', () => {
    const { wb } = setup();
    const range = wb.spreadsheet.getSheets()[0]!.getRange('A1') as unknown as Record<
      string,
      unknown
    >;
    expect(() => range.getRichTextValue).toThrow('not emulated: Range.getRichTextValue');
    expect(() => (wb.spreadsheet as unknown as Record<string, unknown>).getOwner).toThrow(
      'not emulated: Spreadsheet.getOwner',
    );
    expect(() => (wb.app as unknown as Record<string, unknown>).openById).toThrow(
      'not emulated: SpreadsheetApp.openById',
    );
    // internals are not reachable either
    expect(() => range._rect).toThrow('not emulated: Range._rect');
  });

  it('inside the vm: arrays and errors belong to the script realm', () => {
    const { wb, addon } = setup();
    wb.setCell('Sheet1', 'A1', 1);
    expect(addon.run('kinds')).toEqual([true, true, 'number']);
    expect(addon.run('catchIt')).toEqual([true, 'The starting row of the range is too small.']);
  });
});

describe('call counting', () => {
  it('counts every service call by name, builders apart, and resets', () => {
    const { wb, addon } = setup();
    wb.calls.reset();
    addon.run('newMap');
    expect(wb.calls.byName).toEqual({
      'LockService.getDocumentLock': 1,
      'Lock.tryLock': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.insertSheet': 1,
      'Sheet.getRange': 1,
      'Range.setValues': 1,
      'PropertiesService.getDocumentProperties': 1,
      'Properties.setProperty': 1,
      'Sheet.getName': 1,
    });
    expect(wb.calls.total).toBe(9);
    expect(wb.calls.builder).toBe(0);
    const app = wb.app;
    wb.calls.reset();
    app.newDataValidation().requireCheckbox().setAllowInvalid(false).build();
    expect(wb.calls.total).toBe(0); // SpreadsheetApp.newDataValidation only makes a local builder
    expect(wb.calls.builder).toBe(4);
    expect(wb.calls.builderByName['DataValidationBuilder.build']).toBe(1);
    wb.calls.reset();
    expect(wb.calls.snapshot()).toEqual({
      total: 0,
      builder: 0,
      byName: {},
      builderByName: {},
      roundTrips: 0,
      roundTripsByName: {},
      cellsRead: 0,
      cellsReadBySheet: {},
      customFunctionExecutions: 0,
    });
  });

  it('test helpers do not count', () => {
    const { wb } = setup();
    wb.calls.reset();
    wb.setCell('Sheet1', 'A1', '=1+1');
    expect(wb.value('Sheet1', 'A1')).toBe(2);
    expect(wb.calls.total).toBe(0);
  });
});

describe('LockService', () => {
  it('fails tryLock / waitLock while another user holds the document lock', () => {
    const { wb, addon } = setup();
    wb.lock.holdByOther();
    expect(addon.run('newMap')).toBe('busy');
    expect(() => addon.run('waitThenWrite')).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    expect(wb.lock.contentions).toBe(2);
    wb.lock.releaseByOther();
    expect(addon.run('newMap')).toBe('Map');
    // released automatically when the run ended
    expect(wb.lock.holder).toBe('none');
  });

  it('hasLock / releaseLock', () => {
    const wb = createWorkbook();
    const addon = loadAddon(
      wb,
      'function t(){ var l = LockService.getDocumentLock(); var a = l.hasLock(); l.waitLock(100); var b = l.hasLock(); l.releaseLock(); return [a, b, l.hasLock()]; }',
    );
    expect(addon.run('t')).toEqual([false, true, false]);
  });
});

describe('PropertiesService', () => {
  it('stores strings and enforces 9 KB per value and 500 KB per store', () => {
    const { wb } = setup();
    const addon = loadAddon(
      wb,
      `function put(k, v) { PropertiesService.getDocumentProperties().setProperty(k, v); }
       function all() { var p = PropertiesService.getDocumentProperties(); return [p.getProperties(), p.getKeys(), p.getProperty('nope')]; }
       function num() { PropertiesService.getUserProperties().setProperties({ n: 5 }); return typeof PropertiesService.getUserProperties().getProperty('n'); }`,
    );
    addon.run('put', 'a', '1');
    expect(addon.run('all')).toEqual([{ a: '1' }, ['a'], null]);
    expect(addon.run('num')).toBe('string');
    expect(() => addon.run('put', 'big', 'x'.repeat(9 * 1024 + 1))).toThrow(
      'Argument too large: value',
    );
    // 56 values of 9000 bytes fit in 500 KB (512000 bytes), a 57th does not.
    for (let i = 0; i < 56; i++) addon.run('put', `k${i}`, 'x'.repeat(9000));
    expect(() => addon.run('put', 'k56', 'x'.repeat(9000))).toThrow(
      'You have exceeded the property storage quota',
    );
    expect(wb.properties.document.data.has('k56')).toBe(false);
    expect(wb.properties.document.data.get('k55')).toHaveLength(9000);
  });
});

describe('Ui', () => {
  it('answers prompt/alert from a queue and records them', () => {
    const { wb, addon } = setup();
    wb.ui.answer({ button: 'OK', text: 'Funnel' }, 'YES');
    expect(addon.run('ask')).toBe('Funnel');
    expect(wb.ui.requests.map((r) => r.request)).toEqual([
      {
        kind: 'prompt',
        title: 'Name?',
        prompt: 'Map name',
        buttons: 'OK_CANCEL',
        userLocale: 'en_US',
        labels: ['OK', 'Cancel'],
        focused: 'OK',
      },
      {
        kind: 'alert',
        title: null,
        prompt: 'Create Funnel?',
        buttons: 'YES_NO',
        userLocale: 'en_US',
        labels: ['Yes', 'No'],
        focused: 'YES',
      },
    ]);
    wb.ui.responder = (req) => (req.kind === 'prompt' ? { button: 'CANCEL', text: '' } : 'OK');
    expect(addon.run('ask')).toBeNull();
  });

  it("draws alert/prompt buttons in the user's account language, the first one focused (Google documents neither)", () => {
    const wb = createWorkbook({ locale: 'ru_RU', userLocale: 'en_US' });
    const addon = loadAddon(
      wb,
      "function q(){ var u = SpreadsheetApp.getUi(); return u.alert('Т', 'Удалить?', u.ButtonSet.YES_NO); }",
    );
    wb.ui.answer('NO');
    addon.run('q');
    expect(wb.ui.requests[0]?.request).toMatchObject({
      userLocale: 'en_US',
      labels: ['Yes', 'No'],
      focused: 'YES',
    });
    const ru = createWorkbook({ locale: 'en_US', userLocale: 'ru_RU' });
    const ruAddon = loadAddon(
      ru,
      "function q(){ var u = SpreadsheetApp.getUi(); return u.prompt('T', 'Name', u.ButtonSet.OK_CANCEL); }",
    );
    ru.ui.answer({ button: 'CANCEL', text: '' });
    ruAddon.run('q');
    expect(ru.ui.requests[0]?.request).toMatchObject({ labels: ['ОК', 'Отмена'], focused: 'OK' });
  });

  it('throws when nobody answers', () => {
    const { addon } = setup();
    expect(() => addon.run('ask')).toThrow(/needs an answer/);
  });

  it('shows a sidebar from an HTML file', () => {
    const { wb, addon } = setup();
    addon.run('showHelp');
    expect(wb.ui.sidebar).toEqual({
      kind: 'sidebar',
      title: 'Help',
      html: SIDEBAR_HTML,
      width: null,
      height: null,
    });
    const noFile = loadAddon(
      createWorkbook(),
      "function f(){ HtmlService.createHtmlOutputFromFile('Nope'); }",
    );
    expect(() => noFile.run('f')).toThrow('No HTML file named Nope was found.');
  });
});

describe('google.script.run semantics', () => {
  it('toClientJson passes plain data, nulls undefined in arrays, drops undefined properties', () => {
    expect(
      toClientJson({ a: 1, b: undefined, c: [1, undefined, 'x'], d: { e: null, f: true } }),
    ).toEqual({ a: 1, c: [1, null, 'x'], d: { e: null, f: true } });
  });

  it('rejects Dates, functions and class instances in arguments', () => {
    expect(() => toClientJson([new Date()])).toThrow('Failed due to illegal value in property: 0');
    expect(() => toClientJson([{ when: new Date() }])).toThrow(
      'Failed due to illegal value in property: when',
    );
    expect(() => toClientJson([() => 1])).toThrow('illegal value');
    expect(() => toClientJson([new Map()])).toThrow('illegal value');
    // A Date in a return value makes the client receive null.
    expect(toClientJson({ when: new Date() }, 'toClient')).toBeNull();
  });

  it('callFromClient applies it both ways', () => {
    const { addon } = setup();
    expect(addon.callFromClient('echo', { a: [1, undefined], b: undefined })).toEqual({
      a: [1, null],
    });
    expect(() => addon.callFromClient('echo', new Date())).toThrow(
      'Failed due to illegal value in property: 0',
    );
    expect(addon.callFromClient('withDate')).toBeNull();
  });
});

describe('persistence', () => {
  it('round-trips through JSON', () => {
    const { wb, addon } = setup();
    addon.run('newMap');
    const map = wb.spreadsheet.getSheetByName('Map')!;
    map.getRange('D2').setFormula('=B2*C2');
    map.getRange('C2').setNumberFormat('0%').setNote('conversion');
    map.getRange('A3').setValue("'007");
    map.setFrozenRows(1);
    map.setColumnWidth(1, 180);
    wb.spreadsheet.setNamedRange('Leads', map.getRange('B2'));
    const json = JSON.parse(JSON.stringify(wb.toJSON()));
    const copy = Workbook.fromJSON(json);
    expect(copy.sheetNames()).toEqual(['Sheet1', 'Map']);
    expect(copy.value('Map', 'D2')).toBe(100);
    expect(copy.formula('Map', 'D2')).toBe('=B2*C2');
    expect(copy.display('Map', 'C2')).toBe('10%');
    expect(copy.value('Map', 'A3')).toBe('007');
    const s = copy.spreadsheet.getSheetByName('Map')!;
    expect(s.getFrozenRows()).toBe(1);
    expect(s.getColumnWidth(1)).toBe(180);
    expect(s.getRange('C2').getNote()).toBe('conversion');
    expect(copy.spreadsheet.getRangeByName('Leads')?.getValue()).toBe(1000);
    expect(copy.properties.document.data.get('maps')).toBe('["Map"]');
    expect(copy.toJSON()).toEqual(json);
  });

  it('a sheet added after loading gets an id no loaded sheet has', () => {
    const wb = createWorkbook();
    for (const name of ['A', 'B', 'C']) wb.spreadsheet.insertSheet(name);
    wb.deleteSheet('A');
    wb.deleteSheet('B');
    const copy = Workbook.fromJSON(JSON.parse(JSON.stringify(wb.toJSON())));
    const added = copy.spreadsheet.insertSheet('D').getSheetId();
    const ids = copy.spreadsheet.getSheets().map((s) => s.getSheetId());
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
    expect(ids).toContain(added);
  });

  it('snapshots a sheet for rendering', () => {
    const wb = createWorkbook();
    loadAddon(wb, BUNDLE);
    wb.setCell('Sheet1', 'A1', 0.5);
    wb.range('Sheet1', 'A1').setNumberFormat('0%');
    wb.setCell('Sheet1', 'B1', '=COLUMN3()');
    wb.range('Sheet1', 'D5').setBackground('#00ff00');
    const snap = wb.snapshot('Sheet1');
    expect(snap.cells.map((c) => [c.a1, c.display, c.formula, c.spilled])).toEqual([
      ['A1', '50%', '', false],
      ['B1', '1', '=COLUMN3()', false],
      ['B2', '2', '', true],
      ['B3', '3', '', true],
      ['D5', '', '', false],
    ]);
    expect(snap.cells.at(-1)?.attrs).toEqual({ background: '#00ff00' });
  });
});
