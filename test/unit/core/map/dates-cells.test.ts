/**
 * Dates as a map's cells hand them over and take them: text typed as a date (exactly a date,
 * nothing around it), date serials within the sheet's calendar, Dates from getValues, and the
 * times or early days a date cell can hold, shown as the user typed them.
 */
import { describe, expect, it } from 'vitest';
import {
  cellDateText,
  dateToIso,
  formatDate,
  parseDate,
  serialToIso,
} from '../../../../src/core/map/dates';

const noZone = (): string | undefined => undefined;
/** The spreadsheet's time zone, as getSpreadsheetTimeZone gives it. */
const utc = (): string | undefined => 'UTC';

describe('a date typed as text', () => {
  it('is read with the spaces around it dropped', () => {
    expect(parseDate('  2026-05-15 ')).toBe('2026-05-15');
    expect(parseDate(' 15.05.2026  ')).toBe('2026-05-15');
  });

  it('is no date when more text comes before or after it', () => {
    expect(parseDate('x2026-05-15')).toBeNull();
    expect(parseDate('2026-05-15x')).toBeNull();
    expect(parseDate('2026-05-15 10:00')).toBeNull();
    expect(parseDate('115.05.2026')).toBeNull();
    expect(parseDate('15.05.20261')).toBeNull();
    expect(parseDate('on 15.05.2026')).toBeNull();
  });

  it('is no date when its month does not exist', () => {
    // month 13 would roll over to January 2027, month 00 back to December 2025
    expect(parseDate('2026-13-01')).toBeNull();
    expect(parseDate('2026-00-15')).toBeNull();
    expect(parseDate('01.13.2026')).toBeNull();
  });

  it("is a date from 1900 to 9999, the sheet's calendar", () => {
    expect(parseDate('1899-12-31')).toBeNull();
    expect(parseDate('31.12.1899')).toBeNull();
    expect(parseDate('1900-01-01')).toBe('1900-01-01');
    expect(parseDate('9999-12-31')).toBe('9999-12-31');
    expect(parseDate('31.12.9999')).toBe('9999-12-31');
  });

  it('shown in Russian only when it is exactly an ISO date; other text as it is', () => {
    expect(formatDate('2026-05-15T10:00', 'ru')).toBe('2026-05-15T10:00');
    expect(formatDate('on 2026-05-15', 'ru')).toBe('on 2026-05-15');
  });
});

describe('a date serial', () => {
  it('is a day from serial 1 (31 Dec 1899) to 2 958 465 (31 Dec 9999)', () => {
    expect(serialToIso(1)).toBe('1899-12-31');
    expect(serialToIso(2_958_465)).toBe('9999-12-31');
  });

  it('outside that range, or no number at all, is no day', () => {
    expect(serialToIso(0)).toBeNull();
    expect(serialToIso(0.5)).toBeNull();
    expect(serialToIso(-1)).toBeNull();
    expect(serialToIso(2_958_466)).toBeNull();
    expect(serialToIso(Number.NaN)).toBeNull();
    expect(serialToIso(Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe('a Date from getValues', () => {
  it('that is invalid names no day, with or without a time zone', () => {
    expect(dateToIso(new Date(Number.NaN))).toBeNull();
    expect(dateToIso(new Date(Number.NaN), 'Europe/Moscow')).toBeNull();
  });

  it('in a time zone the runtime does not know is taken at the nearest UTC midnight', () => {
    expect(dateToIso(new Date(Date.UTC(2026, 4, 14, 21)), 'Nowhere/Atlantis')).toBe('2026-05-15');
    // asked again: the same answer
    expect(dateToIso(new Date(Date.UTC(2026, 4, 14, 21)), 'Nowhere/Atlantis')).toBe('2026-05-15');
  });
});

describe('a date cell shown in a field', () => {
  it('holding a date is that ISO day; other values are their text, trimmed', () => {
    expect(cellDateText(new Date(Date.UTC(2026, 4, 15)), noZone)).toBe('2026-05-15');
    expect(cellDateText(' 15.05.2026 ', noZone)).toBe('2026-05-15');
    expect(cellDateText('  after launch ', noZone)).toBe('after launch');
    expect(cellDateText(46157, noZone)).toBe('46157');
    expect(cellDateText(null, noZone)).toBe('');
    expect(cellDateText(undefined, noZone)).toBe('');
  });

  it('holding a time ("17:00", a Date on 30 Dec 1899) reads as that time', () => {
    expect(cellDateText(new Date(Date.UTC(1899, 11, 30, 17, 0)), utc)).toBe('17:00');
    expect(cellDateText(new Date(Date.UTC(1899, 11, 30, 9, 5)), utc)).toBe('09:05');
    // the time of day in the spreadsheet's time zone: 14:00 UTC is 17:00 at UTC+3
    expect(cellDateText(new Date(Date.UTC(1899, 11, 30, 14, 0)), () => 'Etc/GMT-3')).toBe('17:00');
  });

  it('holding a time reads as that time also where the time zone is not known', () => {
    // the nearest UTC midnight of 30 Dec 1899 17:00 is 31 Dec 1899: still no day of the sheet
    expect(cellDateText(new Date(Date.UTC(1899, 11, 30, 17, 0)), noZone)).toBe('17:00');
    expect(dateToIso(new Date(Date.UTC(1899, 11, 31, 10, 30)))).toBeNull();
    expect(dateToIso(new Date(Date.UTC(10000, 0, 1)))).toBeNull();
    expect(dateToIso(new Date(Date.UTC(2026, 4, 15, 22)))).toBe('2026-05-16');
  });

  it('holding a day before 1900 reads as that day, with its time when it has one', () => {
    expect(cellDateText(new Date(Date.UTC(1899, 11, 31)), utc)).toBe('1899-12-31');
    expect(cellDateText(new Date(Date.UTC(1899, 11, 31, 10, 30)), utc)).toBe('1899-12-31 10:30');
  });

  it('holding an invalid Date is empty', () => {
    expect(cellDateText(new Date(Number.NaN), noZone)).toBe('');
    expect(cellDateText(new Date(Number.NaN), utc)).toBe('');
  });
});
