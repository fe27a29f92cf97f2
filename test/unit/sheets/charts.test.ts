/**
 * The Present step's charts on a map: the funnel and the experience curve over the stage header,
 * anchored right of the last stage, replacing the ones inserted before (a user's own chart stays),
 * with columns added when the sheet ends too soon, and the anchor selected.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChartType } from '../../../emulator/index';
import { insertCharts } from '../../../src/sheets/charts';
import { emulated } from '../emulated';

afterEach(() => {
  vi.unstubAllGlobals();
});

const NAMES = ['Ads', 'Visit', 'Buy'];

function setUp() {
  const e = emulated();
  vi.stubGlobal('Charts', { ChartType });
  return e;
}

/** The charts stored on Sheet1: type, data ranges (A1), anchor (1-based) and options. */
function chartsOf(e: ReturnType<typeof emulated>) {
  const s = e.sheet();
  const specs = e.wb.toJSON().sheets.find((x) => x.name === 'Sheet1')?.charts ?? [];
  return specs.map((c) => ({
    type: c.chartType,
    ranges: c.ranges.map((r) => s.getRange(r.row + 1, r.col + 1, r.rows, r.cols).getA1Notation()),
    at: [c.position.row + 1, c.position.col + 1, c.position.offsetX, c.position.offsetY],
    options: c.options,
  }));
}

describe('insertCharts', () => {
  it("draws customers (row 25) as bars and scores (row 20) as a line over the stages' names", () => {
    const e = setUp();
    insertCharts(e.sheet(), 'en', NAMES);
    const charts = chartsOf(e);
    expect(charts.map(({ type, ranges, at }) => ({ type, ranges, at }))).toEqual([
      // three stages from C: the anchor is F, the KPI section's row 23, then row 34
      { type: 'BAR', ranges: ['C9:E9', 'C25:E25'], at: [23, 6, 16, 0] },
      { type: 'LINE', ranges: ['C9:E9', 'C20:E20'], at: [34, 6, 16, 0] },
    ]);
    expect(charts[0]?.options).toMatchObject({
      title: 'Customers by stage',
      transposeRowsAndColumns: true,
      legend: { position: 'none' },
    });
    expect(charts[1]?.options).toMatchObject({
      title: 'Experience score by stage',
      transposeRowsAndColumns: true,
    });
  });

  it('selects the anchor cell, which brings the charts into view', () => {
    const e = setUp();
    insertCharts(e.sheet(), 'en', NAMES);
    expect(e.ss.getActiveRange()?.getA1Notation()).toBe('F23');
    expect(e.ss.getActiveSheet().getName()).toBe('Sheet1');
  });

  it("replaces its own charts on a second call and keeps the user's chart", () => {
    const e = setUp();
    const s = e.sheet();
    s.insertChart(
      s
        .newChart()
        .setChartType(ChartType.PIE)
        .addRange(s.getRange('A1:B4'))
        .setPosition(1, 1, 0, 0)
        .build(),
    );
    // a chart the user has not given data yet
    s.insertChart(s.newChart().setChartType(ChartType.LINE).setPosition(2, 2, 0, 0).build());
    insertCharts(s, 'en', NAMES);
    insertCharts(s, 'ru', ['Реклама', 'Визит', 'Покупка', 'Повтор']);
    const charts = chartsOf(e);
    expect(charts.map((c) => [c.type, c.ranges])).toEqual([
      ['PIE', ['A1:B4']],
      ['LINE', []],
      ['BAR', ['C9:F9', 'C25:F25']],
      ['LINE', ['C9:F9', 'C20:F20']],
    ]);
    expect(charts[2]?.at).toEqual([23, 7, 16, 0]);
  });

  it('adds columns of the default width when the sheet ends before the charts do', () => {
    const e = setUp();
    const s = e.sheet();
    s.deleteColumns(9, 18);
    e.wb.setCell('Sheet1', 'H1', 'last column');
    // F, G and H hold 300 px of the charts' 684: 384 px more is four columns of 100
    insertCharts(s, 'en', NAMES);
    expect(s.getMaxColumns()).toBe(12);
    // added after the last column, which keeps its place
    expect(e.wb.value('Sheet1', 'H1')).toBe('last column');
  });

  it("adds plain columns of the default width even after a narrow, tinted last column (Sheets copies a neighbour's)", () => {
    const e = setUp();
    const s = e.sheet();
    s.deleteColumns(9, 18);
    s.setColumnWidth(8, 30);
    s.getRange('H1:H40').setBackground('#e8f0fe');
    insertCharts(s, 'en', NAMES);
    // F and G hold 200 px of the charts' 684, H 30: 454 px more is five columns of 100
    expect(s.getMaxColumns()).toBe(13);
    expect([9, 10, 11, 12, 13].map((c) => s.getColumnWidth(c))).toEqual(Array(5).fill(100));
    expect(s.getRange('I1').getBackground()).toBe('#ffffff');
    // the last column that was there keeps its look
    expect(['H1', 'H40'].map((a1) => s.getRange(a1).getBackground())).toEqual([
      '#e8f0fe',
      '#e8f0fe',
    ]);
  });

  it('adds no column when the columns right of the map are wide enough', () => {
    const e = setUp();
    const s = e.sheet();
    s.deleteColumns(9, 18);
    s.setColumnWidth(8, 484);
    insertCharts(s, 'en', NAMES);
    expect(s.getMaxColumns()).toBe(8);
    const other = setUp();
    const wide = other.sheet();
    wide.deleteColumns(9, 18);
    wide.setColumnWidth(8, 483);
    insertCharts(wide, 'en', NAMES);
    expect(wide.getMaxColumns()).toBe(9);
  });

  it('refuses on a sheet someone else protected, in Russian, and draws nothing', () => {
    const e = setUp();
    e.wb.protectAsOther('Sheet1', null, { by: 'boss@example.com' });
    expect(() => insertCharts(e.sheet(), 'ru', NAMES)).toThrow(
      'Не получится: лист «Sheet1» защищён, и менять его могут только владелец защиты и выбранные им редакторы. Попросите у них доступ или снять защиту (Данные → Защитить листы и диапазоны) и повторите. Ничего не изменено.',
    );
    expect(chartsOf(e)).toEqual([]);
  });
});
