/**
 * The Portfolio sheet: which maps the workbook names (by their named cells alone), which sheet is
 * the add-on's portfolio (its marker, an older version's by its header row, else a new one), and
 * what a rebuild writes there: the maps ranked, the maps left out, the user's own columns kept,
 * its formats, and the formula syntax it found.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listMaps, surveyMaps, writePortfolio } from '../../../src/sheets/portfolio-sheet';
import { cost, type Emulated, emulated } from '../emulated';

afterEach(() => {
  vi.unstubAllGlobals();
});

type Options = Parameters<typeof emulated>[0];

/** A spreadsheet on December 1st, 2026 (en_US, UTC, formulas with commas unless told). */
function spreadsheet(opts: Options = {}) {
  const e = emulated({ formulaSeparators: 'comma', now: '2026-12-01T10:00:00Z', ...opts });
  return { ...e, ...fixtures(e) };
}

interface MapCells {
  revenue?: number;
  segment?: string;
  product?: string;
  nextReview?: string;
}

function fixtures({ wb, ss, sheet }: Emulated) {
  /**
   * A map as the portfolio sees it: the sheet `name` with its name, segment and product in B1:B3,
   * its next review in B8, its revenue in B34 (named CJM_<id>_REVENUE, like L, C, P and Q) and the
   * footer marker "CJM map <id> · template v2" in A53.
   */
  const map = (name: string, id: string, cells: MapCells = {}) => {
    ss.insertSheet(name);
    wb.setCell(name, 'B1', name);
    wb.setCell(name, 'B2', cells.segment ?? `${name} buyers`);
    wb.setCell(name, 'B3', cells.product ?? `${name} beans`);
    if (cells.nextReview) wb.setCell(name, 'B8', cells.nextReview);
    wb.setCell(name, 'B27', 10);
    wb.setCell(name, 'B28', 1);
    wb.setCell(name, 'B32', 100);
    wb.setCell(name, 'B33', 0.5);
    wb.setCell(name, 'B34', cells.revenue ?? 500);
    wb.setCell(name, 'A53', `CJM map ${id} · template v2`);
    const named = { L: 'B32', C: 'B33', P: 'B27', Q: 'B28', REVENUE: 'B34' };
    for (const [suffix, a1] of Object.entries(named))
      ss.setNamedRange(`CJM_${id}_${suffix}`, sheet(name).getRange(a1));
    return sheet(name);
  };
  /** An action plan sheet `name` for the map `id`, its total impact named when `total` is given. */
  const plan = (name: string, id: string, total?: number) => {
    ss.insertSheet(name);
    ss.setNamedRange(`CJM_${id}_PLAN`, sheet(name).getRange('A3'));
    if (total === undefined) return;
    wb.setCell(name, 'H20', total);
    ss.setNamedRange(`CJM_${id}_PLAN_TOTAL`, sheet(name).getRange('H20'));
  };
  const names = () => ss.getSheets().map((s) => s.getName());
  return { map, plan, names };
}

const EN = { lang: 'en', locale: 'en_US', timeZone: () => 'Etc/UTC' } as const;
const RU = { lang: 'ru', locale: 'ru_RU', timeZone: () => 'Etc/UTC' } as const;

const EN_HEADERS = [
  'Rank',
  'Map',
  'Segment',
  'Product',
  'L — leads',
  'C — conversion into the deal',
  'P — average check',
  'Q — purchases per customer',
  'Revenue',
  'Revenue after the plan',
  'Revenue change since the last review',
  'Progress to the revenue goal',
  'Last reviewed',
  'Next review',
  'Review due',
  'Map id',
];

/** The header row of the first portfolio layout (ten columns, before "revenue after the plan"). */
const FIRST_LAYOUT = {
  en: [...EN_HEADERS.slice(0, 9), 'Map id'],
  ru: [
    'Место',
    'Карта',
    'Сегмент',
    'Продукт',
    'L — лиды',
    'C — конверсия в сделку',
    'P — средний чек',
    'Q — покупок на клиента',
    'Выручка',
    'Код карты',
  ],
};

describe('the maps of a spreadsheet, from their named cells alone', () => {
  it('lists each map named by its revenue cell, with its sheet, sheet id and no revenue yet', () => {
    const { ss, map } = spreadsheet();
    const coffee = map('Coffee', 'AAAA11');
    const tea = map('Tea', 'BBBB22');
    ss.setNamedRange('MyBudget', coffee.getRange('C5'));
    ss.setNamedRange('CJM_PORTFOLIO', tea.getRange('A1'));
    expect(surveyMaps(ss)).toEqual({
      maps: [
        {
          id: 'AAAA11',
          sheetName: 'Coffee',
          revenue: null,
          sheetId: coffee.getSheetId(),
          planSheet: null,
          planTotal: null,
        },
        {
          id: 'BBBB22',
          sheetName: 'Tea',
          revenue: null,
          sheetId: tea.getSheetId(),
          planSheet: null,
          planTotal: null,
        },
      ],
      skipped: [],
    });
  });

  it("names a map's plan sheet, and its plan's named total only when that plan sheet is there", () => {
    const { ss, wb, map, plan } = spreadsheet();
    map('Both', 'AAAA11');
    plan('Plan of Both', 'AAAA11', 700);
    map('Unnamed total', 'BBBB22');
    plan('Old plan', 'BBBB22');
    map('Total only', 'CCCC33');
    ss.setNamedRange('CJM_CCCC33_PLAN_TOTAL', ss.getSheets()[0]!.getRange('A1'));
    map('Plan deleted', 'DDDD44');
    plan('Gone plan', 'DDDD44', 5);
    wb.deleteSheet('Gone plan');
    map('Plan header gone', 'EEEE55');
    plan('Plan without header', 'EEEE55', 5);
    wb.deleteRows('Plan without header', 3);
    const plans = surveyMaps(ss).maps.map((m) => [m.sheetName, m.planSheet, m.planTotal]);
    expect(plans).toEqual([
      ['Both', 'Plan of Both', 'CJM_AAAA11_PLAN_TOTAL'],
      ['Unnamed total', 'Old plan', null],
      ['Total only', null, null],
      ['Plan deleted', null, null],
      ['Plan header gone', null, null],
    ]);
  });

  it('leaves out, as deleted, a map whose named revenue cell points nowhere, and lists the others', () => {
    const { ss, wb, map } = spreadsheet();
    map('Coffee', 'AAAA11');
    map('Tea', 'BBBB22');
    // the row of its revenue deleted: the name is left dangling
    wb.deleteRows('Coffee', 34);
    const survey = surveyMaps(ss);
    expect(survey.maps.map((m) => m.sheetName)).toEqual(['Tea']);
    expect(survey.skipped).toEqual([{ id: 'AAAA11', reason: 'deleted' }]);
    expect(listMaps(ss).map((m) => m.id)).toEqual(['BBBB22']);
  });

  it('leaves out, as deleted, a map whose name Sheets gives no range for', () => {
    const { ss, map } = spreadsheet();
    map('Tea', 'BBBB22');
    // what Google may give for a name whose sheet was deleted: the name, and no range
    const noRange = { getName: () => 'CJM_AAAA11_REVENUE', getRange: () => null };
    const withDangling = new Proxy(ss, {
      get(target, key) {
        if (key === 'getNamedRanges') return () => [noRange, ...target.getNamedRanges()];
        const value = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const survey = surveyMaps(withDangling);
    expect(survey.maps.map((m) => m.sheetName)).toEqual(['Tea']);
    expect(survey.skipped).toEqual([{ id: 'AAAA11', reason: 'deleted' }]);
  });

  it('lists no map in a spreadsheet without one', () => {
    const { ss } = spreadsheet();
    ss.setNamedRange('MyBudget', ss.getSheets()[0]!.getRange('A1'));
    expect(surveyMaps(ss)).toEqual({ maps: [], skipped: [] });
    expect(listMaps(ss)).toEqual([]);
  });
});

describe('a first portfolio', () => {
  it('is a new sheet "Portfolio", first among the tabs and active, with the maps ranked by revenue and a totals row', () => {
    const { ss, wb, map, names } = spreadsheet();
    map('Coffee', 'AAAA11', { revenue: 1000 });
    map('Tea', 'BBBB22', { revenue: 5000, nextReview: '2026-11-30' });
    const result = writePortfolio(ss, EN, null);
    expect(names()).toEqual(['Portfolio', 'Sheet1', 'Coffee', 'Tea']);
    expect(ss.getActiveSheet().getName()).toBe('Portfolio');
    expect(result.sheet.getName()).toBe('Portfolio');
    expect(wb.value('Portfolio', 'A1')).toBe(
      'Portfolio of journey maps: which segment + product pair to work on first',
    );
    expect(wb.values('Portfolio', 'A3:P3')).toEqual([EN_HEADERS]);
    expect(wb.values('Portfolio', 'A4:I5')).toEqual([
      [1, 'Tea', 'Tea buyers', 'Tea beans', 100, 0.5, 10, 1, 5000],
      [2, 'Coffee', 'Coffee buyers', 'Coffee beans', 100, 0.5, 10, 1, 1000],
    ]);
    expect(wb.values('Portfolio', 'P4:P5')).toEqual([['BBBB22'], ['AAAA11']]);
    expect(wb.value('Portfolio', 'A6')).toBe('Total');
    expect(wb.value('Portfolio', 'I6')).toBe(6000);
    expect(result.maps.map((m) => [m.id, m.revenue, m.nextReview])).toEqual([
      ['AAAA11', 1000, null],
      ['BBBB22', 5000, '2026-11-30'],
    ]);
    expect(result.skipped).toEqual([]);
    expect(result.unmoved).toEqual([]);
    // the probe in the decimal-comma syntax ("=IF(1>0;1;0)") does not parse in an en_US spreadsheet
    expect(result.dialect).toBe('comma');
    const marker = ss.getRangeByName('CJM_PORTFOLIO');
    expect([marker?.getSheet().getName(), marker?.getA1Notation()]).toEqual(['Portfolio', 'A1']);
  });

  it("adds the impact of a map's plan to its revenue after the plan", () => {
    const { ss, wb, map, plan } = spreadsheet();
    map('Coffee', 'AAAA11', { revenue: 1000 });
    plan('Coffee plan', 'AAAA11', 700);
    writePortfolio(ss, EN, 'comma');
    expect(wb.values('Portfolio', 'I4:J4')).toEqual([[1000, 1700]]);
  });

  it('leaves out, as deleted and without a row, a map whose named revenue cell points nowhere', () => {
    const { ss, wb, map } = spreadsheet();
    map('Coffee', 'AAAA11');
    map('Tea', 'BBBB22');
    wb.deleteRows('Coffee', 34);
    const result = writePortfolio(ss, EN, 'comma');
    expect(wb.values('Portfolio', 'A4:B5')).toEqual([
      [1, 'Tea'],
      ['Total', ''],
    ]);
    expect(result.skipped).toEqual([{ id: 'AAAA11', reason: 'deleted', row: false }]);
  });

  it('in Russian is a sheet "Портфель" with Russian words', () => {
    const { ss, wb, map, names } = spreadsheet({ locale: 'ru_RU' });
    map('Кофе', 'AAAA11');
    writePortfolio(ss, RU, 'comma');
    expect(names()[0]).toBe('Портфель');
    expect(wb.value('Портфель', 'P3')).toBe('Код карты');
    expect(wb.value('Портфель', 'B4')).toBe('Кофе');
    expect(wb.value('Портфель', 'A5')).toBe('Итого');
  });

  it('without maps has its title, headers, one empty row and the totals, and tells no formula syntax', () => {
    const { ss, wb } = spreadsheet();
    const result = writePortfolio(ss, EN, null);
    expect(wb.value('Portfolio', 'P3')).toBe('Map id');
    expect(wb.values('Portfolio', 'A4:P4')).toEqual([Array(16).fill('')]);
    expect(wb.value('Portfolio', 'A5')).toBe('Total');
    expect(wb.value('Portfolio', 'I5')).toBe(0);
    expect(result.maps).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.dialect).toBeNull();
  });

  it('without maps keeps the formula syntax already known', () => {
    const { ss } = spreadsheet({ locale: 'ru_RU' });
    expect(writePortfolio(ss, RU, 'comma').dialect).toBe('comma');
  });

  it('takes the next free name beside a sheet of the user called "Portfolio", and leaves that sheet alone', () => {
    const { ss, wb, map, names } = spreadsheet();
    map('Coffee', 'AAAA11');
    ss.insertSheet('Portfolio');
    wb.setCell('Portfolio', 'A1', 'Stocks');
    wb.setCell('Portfolio', 'A3', 'Ticker');
    wb.setCell('Portfolio', 'B4', 'GOOG');
    writePortfolio(ss, EN, null);
    writePortfolio(ss, EN, null);
    expect(names().filter((n) => n.startsWith('Portfolio'))).toEqual([
      'Portfolio (2)',
      'Portfolio',
    ]);
    expect(wb.values('Portfolio', 'A1:B4')).toEqual([
      ['Stocks', ''],
      ['', ''],
      ['Ticker', ''],
      ['', 'GOOG'],
    ]);
    expect(wb.value('Portfolio (2)', 'B4')).toBe('Coffee');
  });

  it('takes a new sheet beside a "Portfolio" too short to have a header row', () => {
    const { ss, wb, map, names } = spreadsheet();
    map('Coffee', 'AAAA11');
    ss.insertSheet('Portfolio').deleteRows(3, 998);
    writePortfolio(ss, EN, null);
    expect(names()).toContain('Portfolio (2)');
    expect(wb.value('Portfolio (2)', 'B4')).toBe('Coffee');
  });

  it('costs three round trips: the new sheet, the survey read back and the grid', () => {
    const { ss, wb, map } = spreadsheet();
    for (const [name, id] of [
      ['A', 'AAAA11'],
      ['B', 'BBBB22'],
      ['C', 'CCCC33'],
    ] as const)
      map(name, id);
    wb.calls.reset();
    writePortfolio(ss, EN, 'comma');
    const { roundTrips, byName } = cost(wb);
    expect(roundTrips).toBe(3);
    expect(byName['Range.getValues']).toBe(1);
    expect(byName['Range.getFormulas'] ?? 0).toBe(0);
    // the syntax known: no probe written
    expect(byName['Range.setValue'] ?? 0).toBe(0);
  });
});

describe('the formula syntax a first rebuild finds', () => {
  it('is "comma" in a Russian spreadsheet that takes only commas, and its formulas work', () => {
    const { ss, wb, map } = spreadsheet({ locale: 'ru_RU', formulaSeparators: 'comma' });
    map('Кофе', 'AAAA11', { revenue: 3000 });
    const result = writePortfolio(ss, RU, null);
    expect(result.dialect).toBe('comma');
    expect(wb.values('Портфель', 'A4:B4')).toEqual([[1, 'Кофе']]);
    // the probe in B1 is written over by the title row
    expect(wb.value('Портфель', 'B1')).toBe('');
  });

  it('is "locale" in a Russian spreadsheet that takes its semicolons, and its formulas work', () => {
    const { ss, wb, map } = spreadsheet({ locale: 'ru_RU', formulaSeparators: 'locale' });
    map('Кофе', 'AAAA11', { revenue: 3000 });
    const result = writePortfolio(ss, RU, null);
    expect(result.dialect).toBe('locale');
    expect(wb.values('Портфель', 'A4:B4')).toEqual([[1, 'Кофе']]);
  });

  it('is the one known already, without a probe', () => {
    const { ss, wb, map } = spreadsheet({ locale: 'ru_RU', formulaSeparators: 'locale' });
    map('Кофе', 'AAAA11');
    wb.calls.reset();
    expect(writePortfolio(ss, RU, 'locale').dialect).toBe('locale');
    expect(cost(wb).byName['Range.setValue'] ?? 0).toBe(0);
  });
});

describe('a rebuild', () => {
  it('rebuilds the marked portfolio under any name, keeping the notes typed right of it with their map', () => {
    const { ss, wb, map, names } = spreadsheet();
    const coffee = map('Coffee', 'AAAA11', { revenue: 1000 });
    map('Tea', 'BBBB22', { revenue: 500 });
    writePortfolio(ss, EN, null);
    wb.renameSheet('Portfolio', 'Board');
    wb.setCell('Board', 'Q3', 'Priority');
    wb.setCell('Board', 'Q4', 'work on coffee');
    wb.setCell('Board', 'Q5', 'later');
    wb.setCell('Board', 'R1', 'seen by the board');
    wb.setCell('Coffee', 'B34', 100);
    map('Cocoa', 'CCCC33', { revenue: 200 });
    ss.setActiveSheet(coffee);
    const before = names().length;
    const result = writePortfolio(ss, EN, 'comma');
    expect(names()).toHaveLength(before);
    expect(result.sheet.getName()).toBe('Board');
    expect(ss.getActiveSheet().getName()).toBe('Board');
    expect(wb.values('Board', 'B4:B6')).toEqual([['Tea'], ['Cocoa'], ['Coffee']]);
    expect(wb.values('Board', 'Q3:Q6')).toEqual([
      ['Priority'],
      ['later'],
      [''],
      ['work on coffee'],
    ]);
    expect(wb.value('Board', 'R1')).toBe('seen by the board');
    expect(wb.value('Board', 'A7')).toBe('Total');
    expect(coffee.getName()).toBe('Coffee');
  });

  it('names the user formula it moved with its map but could not move safely', () => {
    const { ss, wb, map } = spreadsheet();
    map('Coffee', 'AAAA11', { revenue: 1000 });
    map('Tea', 'BBBB22', { revenue: 500 });
    writePortfolio(ss, EN, null);
    wb.setCell('Portfolio', 'Q4', '=INDIRECT("B4")');
    wb.setCell('Coffee', 'B34', 100);
    const result = writePortfolio(ss, EN, 'comma');
    expect(wb.value('Portfolio', 'B5')).toBe('Coffee');
    expect(result.unmoved).toEqual(['Q5']);
  });

  it('starts a new portfolio, marked as ours, when the marked one was deleted', () => {
    const { ss, wb, map, names } = spreadsheet();
    map('Coffee', 'AAAA11');
    writePortfolio(ss, EN, null);
    wb.deleteSheet('Portfolio');
    writePortfolio(ss, EN, 'comma');
    expect(wb.value('Portfolio', 'B4')).toBe('Coffee');
    wb.renameSheet('Portfolio', 'Board');
    writePortfolio(ss, EN, 'comma');
    expect(names()).toEqual(['Board', 'Sheet1', 'Coffee']);
  });

  it('ranks a map whose revenue is not worked out yet below those with one', () => {
    const { ss, wb, map } = spreadsheet();
    map('Coffee', 'AAAA11');
    wb.setCell('Coffee', 'B34', '');
    map('Tea', 'BBBB22', { revenue: 500 });
    map('Cocoa', 'CCCC33', { revenue: 800 });
    writePortfolio(ss, EN, null);
    expect(wb.values('Portfolio', 'A4:B6')).toEqual([
      [1, 'Cocoa'],
      [2, 'Tea'],
      // (and no rank)
      ['', 'Coffee'],
    ]);
  });

  it('refuses, changing nothing, when someone else protected the portfolio', () => {
    const { ss, wb, map } = spreadsheet();
    map('Coffee', 'AAAA11');
    writePortfolio(ss, EN, null);
    wb.protectAsOther('Portfolio', null, { by: 'boss@example.com' });
    map('Tea', 'BBBB22');
    expect(() => writePortfolio(ss, EN, 'comma')).toThrow(
      'This cannot be done: the sheet "Portfolio" is protected, and only its owner and the editors they chose may change it. Ask them for access or to remove the protection (Data → Protect sheets and ranges), then try again. Nothing was changed.',
    );
    expect(wb.values('Portfolio', 'B4:B5')).toEqual([['Coffee'], ['']]);
  });

  it('keeps the row of a map whose sheet was deleted, with the notes on it, and says it was deleted', () => {
    const { ss, wb, map } = spreadsheet();
    map('Coffee', 'AAAA11', { revenue: 1000 });
    map('Tea', 'BBBB22', { revenue: 500 });
    writePortfolio(ss, EN, null);
    wb.setCell('Portfolio', 'Q4', 'note on coffee');
    wb.deleteSheet('Coffee');
    const result = writePortfolio(ss, EN, 'comma');
    expect(wb.values('Portfolio', 'B4:B5')).toEqual([['Tea'], ['(map AAAA11 was deleted)']]);
    expect(wb.values('Portfolio', 'P5:Q5')).toEqual([['AAAA11', 'note on coffee']]);
    expect(wb.value('Portfolio', 'A6')).toBe('Total');
    expect(result.maps.map((m) => m.id)).toEqual(['BBBB22']);
    expect(result.skipped).toEqual([{ id: 'AAAA11', reason: 'deleted', row: true }]);
  });

  it("moves a deleted map's row under the maps still listed, the user's formula on it following it", () => {
    const { ss, wb, map } = spreadsheet();
    map('Coffee', 'AAAA11', { revenue: 1000 });
    map('Tea', 'BBBB22', { revenue: 500 });
    writePortfolio(ss, EN, null);
    wb.setCell('Portfolio', 'Q4', 'note on coffee');
    wb.setCell('Portfolio', 'R4', '=LEN(Q4)');
    wb.deleteSheet('Coffee');
    const result = writePortfolio(ss, EN, 'comma');
    expect(wb.values('Portfolio', 'B4:B5')).toEqual([['Tea'], ['(map AAAA11 was deleted)']]);
    expect(wb.formula('Portfolio', 'R5')).toBe('=LEN(Q5)');
    expect(result.unmoved).toEqual([]);
    expect(wb.values('Portfolio', 'Q5:R5')).toEqual([['note on coffee', 14]]);
  });

  it('keeps the rows and notes of the deleted maps when no map is left', () => {
    const { ss, wb, map } = spreadsheet();
    map('Coffee', 'AAAA11');
    writePortfolio(ss, EN, null);
    wb.setCell('Portfolio', 'Q4', 'note on coffee');
    // its named cells went with its sheet: the workbook names no map
    wb.deleteSheet('Coffee');
    const result = writePortfolio(ss, EN, null);
    expect(wb.values('Portfolio', 'A4:B5')).toEqual([
      ['', '(map AAAA11 was deleted)'],
      ['Total', ''],
    ]);
    expect(wb.values('Portfolio', 'P4:Q4')).toEqual([['AAAA11', 'note on coffee']]);
    expect(result.skipped).toEqual([{ id: 'AAAA11', reason: 'deleted', row: true }]);
    expect(result.dialect).toBeNull();
  });

  it('leaves out maps their sheets no longer hold, clearing their survey cells, and leaves what the user typed below alone', () => {
    const { ss, wb, map } = spreadsheet();
    map('Coffee', 'AAAA11', { revenue: 1000 });
    writePortfolio(ss, EN, null);
    wb.setCell('Portfolio', 'B12', 'my list below');
    map('Tea', 'BBBB22');
    map('Cocoa', 'CCCC33');
    wb.setCell('Tea', 'A53', '');
    wb.setCell('Cocoa', 'A53', 'CJM map AAAA11 · template v2');
    const result = writePortfolio(ss, EN, 'comma');
    expect(wb.values('Portfolio', 'A4:B5')).toEqual([
      [1, 'Coffee'],
      ['Total', ''],
    ]);
    expect(wb.values('Portfolio', 'B6:D6')).toEqual([['', '', '']]);
    expect(['B6', 'C6', 'D6'].map((a1) => wb.formula('Portfolio', a1))).toEqual(['', '', '']);
    expect(wb.value('Portfolio', 'B12')).toBe('my list below');
    expect(result.skipped).toEqual([
      { id: 'BBBB22', reason: 'notMap', sheet: 'Tea', row: false },
      { id: 'CCCC33', reason: 'notMap', sheet: 'Cocoa', row: false },
    ]);
  });

  it('keeps the row of a listed map its sheet no longer holds, with the notes on it, and says so, not that it was deleted', () => {
    const { ss, wb, map } = spreadsheet();
    map('Coffee', 'AAAA11', { revenue: 1000 });
    map('Tea', 'BBBB22', { revenue: 500 });
    writePortfolio(ss, EN, null);
    wb.setCell('Portfolio', 'Q5', 'note on tea');
    // the map's footer line is gone from its sheet: the sheet is still there, the map is not
    wb.setCell('Tea', 'A53', '');
    const result = writePortfolio(ss, EN, 'comma');
    expect(wb.values('Portfolio', 'A4:B6')).toEqual([
      [1, 'Coffee'],
      ['', '(map BBBB22: its sheet no longer holds it)'],
      ['Total', ''],
    ]);
    expect(wb.values('Portfolio', 'P5:Q5')).toEqual([['BBBB22', 'note on tea']]);
    expect(result.skipped).toEqual([{ id: 'BBBB22', reason: 'notMap', sheet: 'Tea', row: true }]);
  });

  it('leaves out a map its sheet no longer holds when the totals row stands where its survey row was', () => {
    const { ss, wb, map } = spreadsheet();
    map('Coffee', 'AAAA11');
    map('Tea', 'BBBB22');
    wb.setCell('Tea', 'A53', 'my own footer');
    const result = writePortfolio(ss, EN, null);
    expect(wb.values('Portfolio', 'A4:B5')).toEqual([
      [1, 'Coffee'],
      ['Total', ''],
    ]);
    expect(result.skipped).toEqual([{ id: 'BBBB22', reason: 'notMap', sheet: 'Tea', row: false }]);
  });

  it('costs four round trips: the protection check, the survey, its one read and the grid', () => {
    const { ss, wb, map } = spreadsheet();
    map('A', 'AAAA11');
    map('B', 'BBBB22');
    writePortfolio(ss, EN, null);
    wb.calls.reset();
    writePortfolio(ss, EN, 'comma');
    const { roundTrips, byName } = cost(wb);
    expect(roundTrips).toBe(4);
    expect(byName['Range.getValues']).toBe(1);
    expect(byName['Range.getFormulas']).toBe(1);
  });
});

describe('a portfolio an older version wrote, without our marker', () => {
  it.each([
    ['English', 'Portfolio', 'en', EN],
    ['Russian', 'Портфель', 'ru', EN],
    ['English', 'Portfolio', 'en', RU],
  ] as const)(
    'is adopted by its %s header row (%s, rebuilt in %s), its user columns kept',
    (_, name, headerLang, options) => {
      const { ss, wb, map, names } = spreadsheet();
      map('Coffee', 'AAAA11');
      const old = ss.insertSheet(name);
      old.getRange('A3:J3').setValues([FIRST_LAYOUT[headerLang]]);
      wb.setCell(name, 'J4', 'AAAA11');
      wb.setCell(name, 'K3', 'Owner');
      wb.setCell(name, 'K4', 'Anna');
      const before = names().length;
      const result = writePortfolio(ss, options, 'comma');
      expect(names()).toHaveLength(before);
      expect(result.sheet.getName()).toBe(name);
      expect(wb.value(name, 'B4')).toBe('Coffee');
      expect(wb.values(name, 'P4:Q4')).toEqual([['AAAA11', 'Anna']]);
      expect(wb.value(name, 'Q3')).toBe('Owner');
      expect(ss.getRangeByName('CJM_PORTFOLIO')?.getSheet().getName()).toBe(name);
    },
  );

  it('is not adopted when its header row differs from ours in one cell', () => {
    const { ss, wb, map, names } = spreadsheet();
    map('Coffee', 'AAAA11');
    ss.insertSheet('Portfolio').getRange('A3:J3').setValues([FIRST_LAYOUT.en]);
    wb.setCell('Portfolio', 'E3', 'Ticker');
    writePortfolio(ss, EN, 'comma');
    expect(names()).toContain('Portfolio (2)');
    expect(wb.value('Portfolio', 'B4')).toBe('');
  });

  it('grows to hold the maps and our columns when it was cut down to its header row', () => {
    const { ss, wb, map } = spreadsheet();
    map('Coffee', 'AAAA11');
    map('Tea', 'BBBB22');
    const old = ss.insertSheet('Portfolio');
    old.deleteRows(4, 997);
    old.deleteColumns(12, 15);
    old.getRange('A3:J3').setValues([FIRST_LAYOUT.en]);
    wb.setCell('Portfolio', 'K3', 'Owner');
    writePortfolio(ss, EN, 'comma');
    expect([old.getMaxRows(), old.getMaxColumns()]).toEqual([6, 17]);
    expect(wb.values('Portfolio', 'B4:B5').flat().sort()).toEqual(['Coffee', 'Tea']);
    expect(wb.value('Portfolio', 'A6')).toBe('Total');
    expect(wb.value('Portfolio', 'Q3')).toBe('Owner');
  });

  it('adds no row or column when it already has exactly as many as the maps and the user columns need', () => {
    const { ss, wb, map } = spreadsheet();
    map('Coffee', 'AAAA11');
    map('Tea', 'BBBB22');
    const old = ss.insertSheet('Portfolio');
    old.deleteRows(7, 994);
    old.deleteColumns(18, 9);
    old.getRange('A3:J3').setValues([FIRST_LAYOUT.en]);
    wb.setCell('Portfolio', 'K3', 'Owner');
    writePortfolio(ss, EN, 'comma');
    expect([old.getMaxRows(), old.getMaxColumns()]).toEqual([6, 17]);
    expect(wb.values('Portfolio', 'A6:B6')).toEqual([['Total', '']]);
  });
});

/** The formatting the portfolio's cell `a1` carries, as the emulator keeps it. */
const attrs = (wb: Emulated['wb'], a1: string) =>
  wb.snapshot('Portfolio').cells.find((c) => c.a1 === a1)?.attrs;

describe("the portfolio's look", () => {
  it('formats the maps and totals rows column by column, and no row below', () => {
    const { ss, map } = spreadsheet();
    map('Coffee', 'AAAA11');
    map('Tea', 'BBBB22');
    const sheet = writePortfolio(ss, EN, null).sheet;
    const format = (a1: string) => sheet.getRange(a1).getNumberFormat();
    const formats = (row: number) =>
      ['E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N'].map((col) => format(`${col}${row}`));
    const row = ['#,##0', '0.0%', '[$$]#,##0', '0.0#', '[$$]#,##0', '[$$]#,##0', '[$$]#,##0'];
    const tail = ['0.0%', 'yyyy-mm-dd', 'yyyy-mm-dd'];
    expect(formats(4)).toEqual([...row, ...tail]);
    expect(formats(6)).toEqual([...row, ...tail]);
    expect(format('C4')).toBe(format('C2'));
    expect(format('I7')).toBe(format('I2'));
    expect(format('E3')).toBe(format('E2'));
  });

  it('dates its review columns as the language writes them, money in the locale', () => {
    const { ss, map } = spreadsheet({ locale: 'ru_RU' });
    map('Кофе', 'AAAA11');
    const sheet = writePortfolio(ss, RU, 'comma').sheet;
    expect(sheet.getRange('M4').getNumberFormat()).toBe('dd.mm.yyyy');
    expect(sheet.getRange('N5').getNumberFormat()).toBe('dd.mm.yyyy');
    expect(sheet.getRange('I5').getNumberFormat()).toBe('#,##0 [$₽-419]');
  });

  it('sets the title, the header and the totals in bold on blue, the maps plain, and freezes the header', () => {
    const { ss, wb, map } = spreadsheet();
    map('Coffee', 'AAAA11');
    writePortfolio(ss, EN, null);
    wb.setCell('Portfolio', 'Q3', 'Owner');
    const sheet = writePortfolio(ss, EN, 'comma').sheet;
    sheet.getRange('A4:P4').setFontWeight('bold').setBackground('#ff0000');
    const redone = writePortfolio(ss, EN, 'comma').sheet;
    const weight = (a1: string) => redone.getRange(a1).getFontWeight();
    const fill = (a1: string) => redone.getRange(a1).getBackground();
    expect(['A1', 'A3', 'P3', 'Q3', 'A5', 'P5'].map(weight)).toEqual(Array(6).fill('bold'));
    expect(['B1', 'A2', 'A4', 'P4', 'Q5', 'R3'].map(weight)).toEqual(Array(6).fill('normal'));
    expect(['A3', 'P3', 'A5', 'P5'].map(fill)).toEqual(Array(4).fill('#e8f0fe'));
    expect(['A1', 'A4', 'P4', 'Q3', 'Q5'].map(fill)).toEqual(Array(5).fill('#ffffff'));
    expect(['A4', 'P5', 'Q4'].map((a1) => attrs(wb, a1)?.verticalAlignment)).toEqual([
      'top',
      'top',
      undefined,
    ]);
    expect(redone.getFrozenRows()).toBe(3);
  });

  it('wraps the header and the names, segments and products, and widens the map column', () => {
    const { ss, wb, map } = spreadsheet();
    map('Coffee', 'AAAA11');
    const sheet = writePortfolio(ss, EN, null).sheet;
    const wrap = (a1: string) => attrs(wb, a1)?.wrap ?? false;
    expect(['A3', 'P3', 'B4', 'D5'].map(wrap)).toEqual([true, true, true, true]);
    expect(['A4', 'E4', 'B6', 'A1'].map(wrap)).toEqual([false, false, false, false]);
    expect(sheet.getColumnWidth(2)).toBeGreaterThanOrEqual(220);
  });
});
