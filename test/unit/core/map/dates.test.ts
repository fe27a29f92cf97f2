/**
 * Dates in a map: typed as the language writes them or as ISO, written as date serials with the
 * language's date format, read back as the same day in the spreadsheet's time zone, in the map's
 * side column, a plan's deadlines and the wizard's date fields; text that is no date stays text.
 */
import { describe, expect, it } from 'vitest';
import {
  cellDate,
  dateFormatHint,
  dateToIso,
  DATE_FORMAT,
  formatDate,
  isoToSerial,
  parseDate,
  serialToIso,
} from '../../../../src/core/map/dates';
import { exampleJourney } from '../../../../src/core/map/example';
import type { Journey } from '../../../../src/core/map/journey';
import { ROW, SIDE_COL } from '../../../../src/core/map/layout';
import { readJourney } from '../../../../src/core/map/read-map';
import { planMap } from '../../../../src/core/map/template';
import { datedCells, fieldSheetValue } from '../../../../src/core/wizard/fields';
import { deadlineCell, readActions } from '../../../../src/core/wizard/action-plan';
import { checkStepValues } from '../../../../src/core/wizard/step-values';

const newExampleJourney = (lang: 'en' | 'ru', id: string): Journey => ({
  ...exampleJourney(lang),
  id,
});

describe('dates', () => {
  it('are read as typed (ISO, or day first with dots) and shown per language', () => {
    expect(parseDate('15.05.2026')).toBe('2026-05-15');
    expect(parseDate('5.5.2026')).toBe('2026-05-05');
    expect(parseDate('2026-05-15')).toBe('2026-05-15');
    expect(parseDate('31.02.2026')).toBeNull();
    expect(parseDate('next spring')).toBeNull();
    expect(formatDate('2026-05-15', 'ru')).toBe('15.05.2026');
    expect(formatDate('2026-05-15', 'en')).toBe('2026-05-15');
    expect(dateFormatHint('ru')).toEqual({ format: 'ДД.ММ.ГГГГ', example: '15.05.2026' });
  });

  it('are date serials in the sheet, and come back as the same day', () => {
    expect(isoToSerial('1900-01-01')).toBe(2);
    expect(isoToSerial('2026-05-15')).toBe(46157);
    expect(serialToIso(46157)).toBe('2026-05-15');
    expect(serialToIso(46157.75)).toBe('2026-05-15');
    // midnight of 15 May in Moscow is 21:00 UTC the day before; in Auckland, noon the day before
    const moscow = new Date(Date.UTC(2026, 4, 14, 21));
    const auckland = new Date(Date.UTC(2026, 4, 14, 12));
    expect(dateToIso(moscow, 'Europe/Moscow')).toBe('2026-05-15');
    expect(dateToIso(moscow)).toBe('2026-05-15');
    expect(dateToIso(auckland, 'Pacific/Auckland')).toBe('2026-05-15');
    expect(dateToIso(new Date(Date.UTC(2026, 4, 15, 10)), 'Pacific/Honolulu')).toBe('2026-05-15');
  });

  it("are planned as real dates with the language's date format; other text stays text", () => {
    const j = newExampleJourney('ru', 'ABCD12');
    const plan = planMap(j, { sheetName: 'x', locale: 'ru_RU' });
    const reviewed = plan.cells[ROW.reviewed - 1]![SIDE_COL - 1]!;
    expect(reviewed).toMatchObject({
      value: isoToSerial(String(j.title.reviewed)),
      numberFormat: DATE_FORMAT.ru,
    });
    const later = planMap(
      { ...j, title: { ...j.title, nextReview: 'после запуска' } },
      { sheetName: 'x', locale: 'ru_RU' },
    );
    expect(later.cells[ROW.nextReview - 1]![SIDE_COL - 1]!.value).toBe('после запуска');
    expect(
      planMap(newExampleJourney('en', 'ABCD12'), { sheetName: 'x', locale: 'en_US' }).cells[
        ROW.reviewed - 1
      ]![SIDE_COL - 1]!.numberFormat,
    ).toBe('yyyy-mm-dd');
  });

  it("are a plan's deadlines too: written as serials, read back as ISO from a Date or typed text; other text as typed", () => {
    // 15 May 2026 is serial 46157 (above): 15 June is 31 days on, 30 June 46
    expect(deadlineCell('2026-06-30')).toEqual({ number: 46203 });
    expect(deadlineCell('15.06.2026')).toEqual({ number: 46188 });
    expect(deadlineCell('после запуска')).toEqual({ text: 'после запуска' });
    expect(deadlineCell('')).toEqual({ text: '' });
    expect(deadlineCell('31.02.2026')).toEqual({ text: '31.02.2026' });
    const row = (deadline: unknown) => [
      '1',
      'Рассрочка',
      '',
      'C',
      '+2 п.п.',
      'Оля',
      deadline,
      '',
      1000,
    ];
    const header = [
      'Место',
      'Действие',
      'Этап',
      'Рычаг',
      'Изменение',
      'Ответственный',
      'Срок',
      'Статус',
      'Влияние',
    ];
    const read = (deadline: unknown, zone?: string) =>
      readActions([[''], [''], header, row(deadline)], 3, () => zone)[0]?.deadline;
    expect(read(new Date(Date.UTC(2026, 5, 14, 21)), 'Europe/Moscow')).toBe('2026-06-15');
    expect(read(new Date(Date.UTC(2026, 5, 14, 12)), 'Pacific/Auckland')).toBe('2026-06-15');
    expect(read('15.06.2026')).toBe('2026-06-15');
    expect(read(' 2026-06-15 ')).toBe('2026-06-15');
    // a number is in a cell that shows a number (a date cell hands over a Date): it stays that
    // number
    expect(read(46188)).toBe('46188');
    expect(read('  конец квартала ')).toBe('конец квартала');
    expect(read('')).toBe('');
    // the time zone is asked for only when a Date is met
    let asked = 0;
    readActions([[''], [''], header, row('15.06.2026')], 3, () => {
      asked++;
      return 'Europe/Moscow';
    });
    expect(asked).toBe(0);
    expect(cellDate(true, () => undefined)).toBeNull();
  });

  it("are read back as ISO days from a Date, a serial or dated text, in the spreadsheet's time zone", () => {
    const j = newExampleJourney('ru', 'ABCD12');
    const plan = planMap(j, { sheetName: 'x', locale: 'ru_RU' });
    const values: unknown[][] = plan.cells.map((row) => row.map((c) => (c.formula ? '' : c.value)));
    values[ROW.reviewed - 1]![SIDE_COL - 1] = new Date(Date.UTC(2026, 4, 14, 21)); // 15 May, Moscow
    values[ROW.nextReview - 1]![SIDE_COL - 1] = '01.09.2026';
    const read = readJourney(values, () => 'Europe/Moscow');
    expect(read.ok && read.journey.title).toMatchObject({
      reviewed: '2026-05-15',
      nextReview: '2026-09-01',
    });
    values[ROW.reviewed - 1]![SIDE_COL - 1] = 46157;
    values[ROW.nextReview - 1]![SIDE_COL - 1] = 'после запуска';
    const again = readJourney(values);
    expect(again.ok && again.journey.title).toMatchObject({
      reviewed: '2026-05-15',
      nextReview: 'после запуска',
    });
  });

  it('typed in the wizard as the language writes them are checked, kept as ISO and written as serials', () => {
    const j = newExampleJourney('ru', 'ABCD12');
    const ok = checkStepValues(
      'present',
      j,
      { 'side.reviewed': '15.05.2026', 'side.nextReview': '2026-09-01' },
      'ru',
    );
    expect(ok).toEqual({
      ok: true,
      values: { 'side.reviewed': '2026-05-15', 'side.nextReview': '2026-09-01' },
    });
    const bad = checkStepValues('present', j, { 'side.reviewed': '15/05/26' }, 'ru');
    expect(bad).toEqual({
      ok: false,
      fieldErrors: { 'side.reviewed': 'Введите дату в виде ДД.ММ.ГГГГ, например 15.05.2026.' },
    });
    expect(fieldSheetValue('side.reviewed', '2026-05-15')).toBe(46157);
    expect(fieldSheetValue('side.owner', '2026-05-15')).toBe('2026-05-15');
    expect(datedCells({ 'side.reviewed': '2026-05-15', 'side.owner': 'Анна' }, 'ru')).toEqual({
      a1s: [`B${ROW.reviewed}`],
      format: 'dd.mm.yyyy',
    });
    expect(datedCells({ 'side.owner': 'Анна' }, 'ru')).toBeNull();
  });
});
