// The emulator's clock: a test sets "now", and the bundle's Date, the TODAY() and NOW() cells and
// a date typed without its year follow it, in the spreadsheet's time zone. TODAY() catches up
// when Sheets would recompute it (on a change or an opening), not when the clock moves.
import { describe, expect, it } from 'vitest';
import { createWorkbook, loadAddon, type WorkbookOptions } from '../index';

const SCRIPT = `
function stamp() {
  var d = new Date();
  return { iso: d.toISOString(), now: Date.now(), isDate: d instanceof Date,
    sameConstructor: d.constructor === Date, epoch: new Date(0).toISOString(),
    parsed: new Date('2020-02-29T12:00:00Z').getTime(), text: typeof Date() };
}
function cellIsDate() {
  var v = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').getValue();
  return v instanceof Date;
}
function onOpen() {}
`;

function setup(opts: WorkbookOptions = {}) {
  const wb = createWorkbook({ timeZone: 'Europe/Moscow', ...opts });
  const addon = loadAddon(wb, SCRIPT);
  return { wb, addon };
}

describe('the bundle reads the time from the clock', () => {
  it('new Date() and Date.now() give the instant the test set, across google.script.run', () => {
    const { wb, addon } = setup({ now: '2027-01-15T10:00:00Z' });
    expect(addon.callFromClient('stamp')).toEqual({
      iso: '2027-01-15T10:00:00.000Z',
      now: Date.UTC(2027, 0, 15, 10),
      isDate: true,
      sameConstructor: true,
      epoch: '1970-01-01T00:00:00.000Z',
      parsed: Date.UTC(2020, 1, 29, 12),
      text: 'string',
    });
    wb.clock.advance({ days: 30, hours: 2 });
    expect(addon.callFromClient('stamp')).toMatchObject({ iso: '2027-02-14T12:00:00.000Z' });
    wb.clock.set('2027-03-01T00:00:00+03:00');
    expect(addon.callFromClient('stamp')).toMatchObject({ iso: '2027-02-28T21:00:00.000Z' });
  });

  it('a set clock stands still; unset, it is real time', () => {
    const fixed = setup({ now: '2027-01-15T10:00:00Z' });
    const first = fixed.addon.run('stamp') as { now: number };
    expect((fixed.addon.run('stamp') as { now: number }).now).toBe(first.now);
    const real = setup();
    const before = Date.now();
    const seen = (real.addon.run('stamp') as { now: number }).now;
    expect(seen).toBeGreaterThanOrEqual(before);
    expect(seen).toBeLessThanOrEqual(Date.now());
    real.wb.clock.set(0);
    real.wb.clock.useRealTime();
    expect((real.addon.run('stamp') as { now: number }).now).toBeGreaterThanOrEqual(before);
  });

  it('an instant without its zone is refused: it would be the host machine’s local time', () => {
    const { wb } = setup();
    expect(() => wb.clock.set('2027-01-15T10:00:00')).toThrow(/needs a zone/);
    expect(() => wb.clock.set('next Monday')).toThrow(/not an instant/);
  });
});

describe('TODAY() and NOW() follow the clock in the spreadsheet’s time zone', () => {
  it('22:30 UTC is already the next day in Moscow; the cells read as dates', () => {
    const { wb, addon } = setup({ now: '2027-01-15T22:30:00Z' });
    wb.setCell('Sheet1', 'A1', '=TODAY()');
    wb.setCell('Sheet1', 'A2', '=NOW()');
    wb.setCell('Sheet1', 'A3', '=A1+30');
    // Midnight of 16 January in Moscow (UTC+3) is 21:00 UTC on the 15th.
    expect(wb.value('Sheet1', 'A1')).toEqual(new Date('2027-01-15T21:00:00Z'));
    expect(wb.display('Sheet1', 'A1')).toBe('1/16/2027');
    expect(wb.value('Sheet1', 'A2')).toEqual(new Date('2027-01-15T22:30:00Z'));
    expect(wb.display('Sheet1', 'A2')).toBe('1/16/2027 1:30:00');
    expect(wb.display('Sheet1', 'A3')).toBe('2/15/2027');
    expect(addon.run('cellIsDate')).toBe(true);
  });

  it('a ru_RU spreadsheet shows them in its own date format', () => {
    const { wb } = setup({ now: '2027-01-15T10:00:00Z', locale: 'ru_RU' });
    wb.setCell('Sheet1', 'A1', '=TODAY()');
    expect(wb.display('Sheet1', 'A1')).toBe('15.01.2027');
  });

  it('the clock moving recomputes nothing; the next change or opening of the spreadsheet does', () => {
    const { wb, addon } = setup({ now: '2027-01-15T10:00:00Z' });
    wb.setCell('Sheet1', 'A1', '=TODAY()');
    wb.setCell('Sheet1', 'B1', '=A1-DATE(2027,1,1)');
    expect(wb.value('Sheet1', 'B1')).toBe(14);

    // Recalculation "On change" (the default) leaves TODAY() as it was until something changes.
    wb.clock.advance({ days: 30 });
    expect(wb.value('Sheet1', 'B1')).toBe(14);
    wb.setCell('Sheet1', 'Z99', 'anything');
    expect(wb.value('Sheet1', 'B1')).toBe(44);

    wb.clock.advance({ days: 1 });
    expect(wb.display('Sheet1', 'A1')).toBe('2/14/2027');
    wb.reopen();
    expect(wb.display('Sheet1', 'A1')).toBe('2/15/2027');

    wb.clock.advance({ days: 1 });
    addon.runOnOpen();
    expect(wb.value('Sheet1', 'B1')).toBe(46);
  });
});

describe('a date typed without its year', () => {
  it('takes the year of the clock, in the spreadsheet’s time zone', () => {
    // 23:30 UTC on 31 December 2026 is already 2027 in Moscow.
    const { wb } = setup({ now: '2026-12-31T23:30:00Z' });
    wb.setCell('Sheet1', 'A1', '5/1');
    expect(wb.display('Sheet1', 'A1')).toBe('5/1/2027');
  });
});
