/**
 * The review block under a map (rows 55–63 of a map, its footer on row 53) and the map's review
 * dates (B7:B8): the block's cells written as chosen, its formulas in the syntax that holds, its
 * formats, and its styles and cadence dropdown the first time.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlanCell } from '../../../src/core/map/plan';
import { planBlock, type ReviewFields } from '../../../src/core/review/block';
import {
  blockChanges,
  makeBlockRoom,
  writeReviewBlock,
  writeReviewDates,
} from '../../../src/sheets/review-block';
import { refuseProtected } from '../../../src/sheets/protections';
import { cost, emulated } from '../emulated';
import { day, journey } from './map-on-sheet';

afterEach(() => {
  vi.unstubAllGlobals();
});

const MONEY = '#,##0 "₽"';
const FIELDS: ReviewFields = { revenueGoal: 1000000, goalDate: '2026-12-31', cadence: '' };
const all = () => true;
/** What a later review writes: the block's own cells, never the user's inputs. */
const ours = (cell: PlanCell) => cell.owner === 'template';

/** A two-stage map's block in `lang`, on Sheet1 with a revenue of 250,000 (B34). */
function mapWithRevenue(lang: 'en' | 'ru' = 'en', separators: 'comma' | 'locale' = 'comma') {
  const e = emulated({
    locale: lang === 'en' ? 'en_US' : 'ru_RU',
    formulaSeparators: separators,
  });
  e.wb.setCell('Sheet1', 'B34', 250000);
  const cells = planBlock(journey(lang), FIELDS, null, MONEY);
  return { ...e, cells, map: e.sheet() };
}

describe("a map's first review block", () => {
  it('fills rows 55–63 with its labels, inputs, formulas and hints, the goal progress computing', () => {
    const { wb, map, cells } = mapWithRevenue();
    // en_US takes no ";" between arguments: the probe sees #ERROR! and English syntax follows
    expect(writeReviewBlock(map, cells, all, null, true, 'en')).toBe('comma');
    expect(wb.values('Sheet1', 'A55:E63')).toEqual([
      ['Reviews and goal', 'CJM reviews', '', '', ''],
      ['Revenue goal', 1000000, '', '', ''],
      ['Goal date', day('2026-12-31'), '', '', ''],
      ['Review cadence', 'monthly', '', '', ''],
      ['Progress to the goal', 0.25, '', '', ''],
      ['Step the weakest transition needs for the goal', '', '', '', ''],
      [
        'Trend: step conversion (B: revenue)',
        'Record two reviews to see trends: Extensions → CJM → Record a review.',
        '',
        '',
        '',
      ],
      ['Change since the last review', '', '', '', ''],
      ['Below target twice', '⚠ marks a stage below its target two periods running', '', '', ''],
    ]);
    expect(wb.values('Sheet1', 'A54:E54')).toEqual([['', '', '', '', '']]);
    expect(wb.formula('Sheet1', 'B59')).toBe(
      '=IF(AND(ISNUMBER(B34),ISNUMBER(B56)),IF(B56>0,B34/B56,""),"")',
    );
    expect(wb.display('Sheet1', 'B59')).toBe('25.0%');
  });

  it('formats each written cell: money, date, share, text', () => {
    const { map, cells } = mapWithRevenue();
    writeReviewBlock(map, cells, all, null, true, 'en');
    expect(map.getRange('A55:B63').getNumberFormats()).toEqual([
      ['@', '@'],
      ['@', MONEY],
      ['@', 'yyyy-mm-dd'],
      ['@', '@'],
      ['@', '0.0%'],
      ['@', '0.0%'],
      ['@', '@'],
      // no change to show before two reviews: a blank text cell
      ['@', '@'],
      ['@', '@'],
    ]);
    expect(map.getRange('D61:D63').getNumberFormats()).toEqual([['@'], ['@'], ['@']]);
  });

  it('styles its section row across the map and its labels, and gives the cadence its dropdown', () => {
    const { wb, map, cells } = mapWithRevenue();
    writeReviewBlock(map, cells, all, null, true, 'en');
    expect(map.getRange('A55:E55').getBackgrounds()).toEqual([
      ['#1a73e8', '#1a73e8', '#1a73e8', '#1a73e8', '#ffffff'],
    ]);
    expect(map.getRange('A55:E55').getFontWeights()).toEqual([
      ['bold', 'bold', 'bold', 'bold', 'normal'],
    ]);
    expect(map.getRange('D55').getFontColor()).toBe('#ffffff');
    expect(map.getRange('A56:B64').getBackgrounds()).toEqual([
      ...Array.from({ length: 8 }, () => ['#f1f3f4', '#ffffff']),
      ['#ffffff', '#ffffff'],
    ]);
    expect(map.getRange('A63').getFontWeight()).toBe('bold');
    const wrap = (a1: string) => wb.snapshot('Sheet1').cells.find((c) => c.a1 === a1)?.attrs?.wrap;
    expect([wrap('A56'), wrap('A63'), wrap('A64'), wrap('B63')]).toEqual([
      true,
      true,
      undefined,
      undefined,
    ]);
    const rule = map.getRange('B58').getDataValidation();
    expect(rule?.getCriteriaValues()).toEqual([['weekly', 'monthly', 'quarterly'], true]);
    expect(rule?.getAllowInvalid()).toBe(false);
    expect(rule?.getHelpText()).toBe('Pick weekly, monthly or quarterly.');
    expect(map.getRange('B57').getDataValidation()).toBeNull();
    expect(wb.value('Sheet1', 'B58')).toBe('monthly');
  });

  it('speaks Russian: its words, its dropdown and its dates', () => {
    const { wb, map } = mapWithRevenue('ru', 'locale');
    const cells = planBlock(journey('ru'), FIELDS, null, MONEY);
    expect(writeReviewBlock(map, cells, all, null, true, 'ru')).toBe('locale');
    expect(wb.values('Sheet1', 'A55:B59')).toEqual([
      ['Обзоры и цель', 'CJM обзоры'],
      ['Цель по выручке', 1000000],
      ['Срок цели', day('2026-12-31')],
      ['Частота обзоров', 'ежемесячно'],
      ['Выполнение цели', 0.25],
    ]);
    expect(map.getRange('B57').getNumberFormat()).toBe('dd.mm.yyyy');
    const rule = map.getRange('B58').getDataValidation();
    expect(rule?.getCriteriaValues()).toEqual([
      ['еженедельно', 'ежемесячно', 'ежеквартально'],
      true,
    ]);
    expect(rule?.getHelpText()).toBe('Выберите: еженедельно, ежемесячно или ежеквартально.');
  });

  it("writes its formulas again in English syntax where the locale's is refused", () => {
    const { wb, map } = mapWithRevenue('ru', 'comma');
    const cells = planBlock(journey('ru'), FIELDS, null, MONEY);
    expect(writeReviewBlock(map, cells, all, null, true, 'ru')).toBe('comma');
    expect(wb.value('Sheet1', 'B59')).toBe(0.25);
    expect(wb.value('Sheet1', 'B60')).toBe('');
  });

  it('with a syntax known, writes once in it and reads nothing back', () => {
    const { wb, map, cells } = mapWithRevenue();
    wb.calls.reset();
    expect(writeReviewBlock(map, cells, all, 'comma', true, 'en')).toBe('comma');
    expect(cost(wb).byName['Range.getValue'] ?? 0).toBe(0);
    expect(wb.value('Sheet1', 'B59')).toBe(0.25);
  });

  it('styles the block two columns wide when it has no cells', () => {
    const { map } = mapWithRevenue();
    writeReviewBlock(map, [], all, null, true, 'en');
    expect(map.getRange('A55:C55').getBackgrounds()).toEqual([['#1a73e8', '#1a73e8', '#ffffff']]);
  });
});

describe('a later review of the block', () => {
  it("keeps the user's goal, date and cadence as typed, and their formats", () => {
    const { wb, map, cells } = mapWithRevenue();
    writeReviewBlock(map, cells, all, null, true, 'en');
    wb.setCell('Sheet1', 'B56', 500000);
    map.getRange('B56').setNumberFormat('0');
    wb.setCell('Sheet1', 'B58', 'quarterly');
    wb.setCell('Sheet1', 'A56', 'My goal');
    const again = planBlock(journey(), FIELDS, null, MONEY);
    expect(writeReviewBlock(map, again, ours, 'comma', false, 'en')).toBe('comma');
    expect(wb.values('Sheet1', 'A56:B59')).toEqual([
      ['Revenue goal', 500000],
      ['Goal date', day('2026-12-31')],
      ['Review cadence', 'quarterly'],
      ['Progress to the goal', 0.5],
    ]);
    expect(map.getRange('B56').getNumberFormat()).toBe('0');
  });

  it('leaves the styles and the dropdown alone', () => {
    const { map, cells } = mapWithRevenue();
    writeReviewBlock(map, cells, ours, null, false, 'en');
    expect(map.getRange('A55:A56').getBackgrounds()).toEqual([['#ffffff'], ['#ffffff']]);
    expect(map.getRange('A55').getFontWeight()).toBe('normal');
    expect(map.getRange('B58').getDataValidation()).toBeNull();
    // its inputs were not chosen: nothing written, not even their formats
    expect(map.getRange('B56').getValue()).toBe('');
    expect(map.getRange('B56').getNumberFormat()).not.toBe(MONEY);
    expect(map.getRange('B59').getValue()).toBe('');
  });
});

describe("the map's review dates", () => {
  it('are written as dates under "last reviewed" and "next review"', () => {
    const { wb, map } = mapWithRevenue();
    // as the map's template formats them
    map.getRange('B7:B8').setNumberFormat('yyyy-mm-dd');
    wb.calls.reset();
    writeReviewDates(map, '2026-12-01', '2027-01-01');
    expect(wb.values('Sheet1', 'B6:B9')).toEqual([
      [''],
      [day('2026-12-01')],
      [day('2027-01-01')],
      [''],
    ]);
    expect(wb.display('Sheet1', 'B7')).toBe('2026-12-01');
    expect(cost(wb).byName['Range.setValues']).toBe(1);
  });

  it('keep a day that is no ISO date as it is', () => {
    const { wb, map } = mapWithRevenue();
    writeReviewDates(map, 'today', 'soon');
    expect(wb.values('Sheet1', 'B7:B8')).toEqual([['today'], ['soon']]);
  });
});

describe('room for the block', () => {
  it("is made by inserting 10 rows under the footer (row 53), a user's cells there moving down whole", () => {
    const { wb, map } = mapWithRevenue();
    wb.setCell('Sheet1', 'A53', 'footer');
    wb.setCell('Sheet1', 'A54', 'mine');
    wb.setCell('Sheet1', 'C1', '=A54');
    expect(makeBlockRoom(map)).toBe(10);
    expect(wb.values('Sheet1', 'A53:A54')).toEqual([['footer'], ['']]);
    expect(wb.value('Sheet1', 'A64')).toBe('mine');
    expect(wb.formula('Sheet1', 'C1')).toBe('=A64');
    expect(map.getMaxRows()).toBe(1010);
  });

  it("is plain: the new rows do not take the footer's white 6 pt look (Sheets copies a neighbour's)", () => {
    const { map } = mapWithRevenue();
    map.getRange('A53:D53').setFontColor('#ffffff').setFontSize(6).setBackground('#eeeeee');
    map.getRange('A54').setValue('mine').setFontColor('#ff0000');
    makeBlockRoom(map);
    for (const a1 of ['A54', 'D54', 'B63']) {
      expect(map.getRange(a1).getFontColor(), a1).toBe('#000000');
      expect(map.getRange(a1).getBackground(), a1).toBe('#ffffff');
    }
    expect(map.getRange('A53').getFontColor()).toBe('#ffffff');
    expect(map.getRange('A64').getFontColor()).toBe('#ff0000');
  });

  it.each([false, true])(
    "under a footer in text format, computes its formulas: the new rows' text format is replaced before they are written (plainTextProtects: %s)",
    (plainTextProtects) => {
      const wb = emulated({ locale: 'en_US', plainTextProtects }).wb;
      wb.setCell('Sheet1', 'B34', 250000);
      const map = wb.spreadsheet.getSheetByName('Sheet1')!;
      const cells = planBlock(journey('en'), FIELDS, null, MONEY);
      map.getRange('A53:D53').setNumberFormat('@');
      makeBlockRoom(map);
      writeReviewBlock(map, cells, all, null, true, 'en');
      expect(wb.value('Sheet1', 'B59')).toBe(0.25);
      expect(wb.value('Sheet1', 'B56')).toBe(1000000);
    },
  );

  it('is what a review changes: the review dates, the block rows, and a row insert when needed', () => {
    const { map } = mapWithRevenue();
    const cells = [
      { row: 7, col: 2, rows: 2, cols: 1 },
      { row: 54, col: 1, rows: 10, cols: 4 },
    ];
    expect(blockChanges(map, 4, true)).toEqual({ sheet: map, cells });
    expect(blockChanges(map, 4, false)).toEqual({
      sheet: map,
      cells,
      rowsAfter: 53,
    });
  });

  it("is refused in words when the inserted rows would cut into someone else's protected range", () => {
    const { wb, map } = mapWithRevenue();
    // right of the block's columns: only the rows inserted after the footer touch it
    wb.protectAsOther('Sheet1', 'Z53:Z54', { by: 'boss@example.com' });
    expect(() => refuseProtected('en', [blockChanges(map, 4, false)])).toThrow(
      /^This cannot be done: the range Z53:Z54 of the sheet "Sheet1"/,
    );
    expect(() => refuseProtected('en', [blockChanges(map, 4, true)])).not.toThrow();
    // Sheets' own refusal, which the check above answers in words before it happens
    expect(() => makeBlockRoom(map)).toThrow(/protected/);
  });

  it('goes ahead when the protected range only moves down with the inserted rows', () => {
    const { wb, map } = mapWithRevenue();
    wb.protectAsOther('Sheet1', 'Z54:Z60', { by: 'boss@example.com' });
    wb.protectAsOther('Sheet1', 'Y40:Y53', { by: 'boss@example.com' });
    expect(() => refuseProtected('en', [blockChanges(map, 4, false)])).not.toThrow();
    expect(makeBlockRoom(map)).toBe(10);
  });
});
