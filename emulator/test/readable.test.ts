// What a reader sees, so a test can tell a file that looks right: the emulator's rules for text that a
// cell cuts or splits (cell-fit.ts), for chart labels cut with "…" (chart-layout.ts) and for charts
// that run past the grid (chart-view.ts), each failing here if the rule is not modelled. The
// widths are text-metrics.ts's, which the add-on's estimate (src/core/words/text-width.ts) must
// never undercut.
import { describe, expect, it } from 'vitest';
import { chartLayout } from '../chart-layout';
import { ChartType } from '../chart';
import { costKind } from '../cost';
import { createWorkbook } from '../index';
import { advance, fitText, MEASURED, ptToPx, textWidth } from '../text-metrics';
import { textWidthPx } from '../../src/core/words/text-width';

function sheet() {
  const wb = createWorkbook({ locale: 'ru_RU' });
  return { wb, s: wb.spreadsheet.getSheets()[0]! };
}

describe('text widths', () => {
  it("the add-on's estimate is never narrower than the emulator's widths, for every letter it knows, regular and bold", () => {
    const under = MEASURED.flatMap((c) =>
      [false, true].flatMap((bold) =>
        textWidthPx(c, 1000, bold) + 1e-9 < advance(c, bold) ? [`${c}${bold ? ' bold' : ''}`] : [],
      ),
    );
    expect(under).toEqual([]);
    // and for characters neither knows
    expect(textWidthPx('漢', 1000)).toBeGreaterThanOrEqual(advance('漢'));
  });

  it('Cyrillic is wider than Latin, bold wider than regular; a cut text ends with "…" within its room', () => {
    const px = ptToPx(10);
    expect(textWidth('Запланировано', px)).toBeGreaterThan(textWidth('Planned text!', px));
    expect(textWidth('Статус', px, true)).toBeGreaterThan(textWidth('Статус', px));
    const cut = fitText('Увидел рекламу', 80, 13);
    expect(cut).toMatch(/^Увидел .*…$/);
    expect(textWidth(cut, 13)).toBeLessThanOrEqual(80);
    expect(fitText('Увидел рекламу', 200, 13)).toBe('Увидел рекламу');
  });
});

describe('cells a reader cannot read whole', () => {
  it('a wrapped word wider than its cell is split; a status with its dropdown needs the arrow too', () => {
    const { wb, s } = sheet();
    s.getRange('A1:B1').setValues([['Запланировано', 'В работе']]);
    s.getRange('A1:B1').setWrap(true);
    s.setColumnWidths(1, 2, 110);
    expect(wb.unreadable('Sheet1').map((u) => [u.a1, u.problem, u.part])).toEqual([
      ['A1', 'split', 'Запланировано'],
    ]);
    s.setColumnWidth(1, 130);
    expect(wb.unreadable('Sheet1')).toEqual([]);
    // a dropdown takes 28 px of the cell
    s.getRange('A1').setDataValidation(
      SpreadsheetAppLike(wb)
        .newDataValidation()
        .requireValueInList(['Запланировано'], true)
        .build(),
    );
    expect(wb.unreadable('Sheet1').map((u) => u.a1)).toEqual(['A1']);
  });

  it('unwrapped text runs on over empty cells only, and is cut at the first one that is not; a number never runs on', () => {
    const { wb, s } = sheet();
    const title = 'План действий: Фитнес-клуб — годовой абонемент';
    s.getRange('A1').setValue(title);
    s.setColumnWidth(1, 60);
    expect(wb.unreadable('Sheet1')).toEqual([]); // B1, C1… are empty
    s.getRange('C1').setValue('x');
    const [cut] = wb.unreadable('Sheet1');
    expect(cut).toMatchObject({ a1: 'A1', problem: 'cut', room: 60 + 100 - 8 });
    expect(cut?.seen).toMatch(/…$/);
    // clipped text never runs on
    s.getRange('C1').setValue('');
    s.getRange('A1').setWrapStrategy(SpreadsheetAppLike(wb).WrapStrategy.CLIP);
    expect(wb.unreadable('Sheet1').map((u) => u.a1)).toEqual(['A1']);
    // a number wider than its cell is unreadable, empty neighbours or not
    s.getRange('A3').setValue(123_456_789_012);
    s.getRange('A3').setNumberFormat('#,##0');
    expect(wb.unreadable('Sheet1').map((u) => u.a1)).toContain('A3');
  });

  it('merged cells are one cell as wide as their columns', () => {
    const { wb, s } = sheet();
    s.getRange('A1').setValue('Ранжировано по влиянию на выручку');
    s.getRange('A1').setWrap(true);
    s.setColumnWidth(1, 60);
    expect(wb.unreadable('Sheet1').map((u) => u.part)).toEqual(['Ранжировано']);
    s.getRange('A1:C1').merge();
    expect(wb.unreadable('Sheet1')).toEqual([]);
  });
});

describe('charts as a reader sees them', () => {
  const names = ['Увидел рекламу', 'Оставил заявку', 'Записался на пробный урок'];

  it('a bar chart\'s labels stand left of its plot: with Sheets\' automatic layout a stage name is cut with "…", as a reader saw', () => {
    const auto = chartLayout('BAR', {}, names);
    expect(auto.categoryAxis).toBe('vertical');
    expect(auto.labels.map((l) => l.whole)).toEqual([false, false, false]);
    expect(auto.labels[0]?.shown).toMatch(/^Увидел рек.?…$/);
    // room made in the chart area's left margin, at a smaller size: whole
    const room = chartLayout(
      'BAR',
      { chartArea: { left: 200 }, vAxis: { textStyle: { fontSize: 11 } } },
      names,
    );
    expect(room.labels.every((l) => l.whole)).toBe(true);
    // dotted option names read the same as nested ones; a percent is of the chart's width
    expect(chartLayout('BAR', { 'chartArea.left': '50%', width: 400 }, names).area.left).toBe(200);
  });

  it("a line chart's labels share the width under its plot; slanted upright they take the space below it", () => {
    const level = chartLayout('LINE', { width: 600 }, names);
    expect(level.categoryAxis).toBe('horizontal');
    expect(level.labels.some((l) => !l.whole)).toBe(true);
    const upright = chartLayout(
      'LINE',
      {
        width: 600,
        height: 500,
        chartArea: { top: 40, height: 200 },
        hAxis: { slantedText: true, slantedTextAngle: 90, textStyle: { fontSize: 11 } },
      },
      names,
    );
    expect(upright.slant).toBe(90);
    expect(upright.labels.every((l) => l.whole)).toBe(true);
  });

  it('labels closer than their size are thinned out: the ones not drawn are not whole', () => {
    const many = Array.from({ length: 40 }, (_, i) => `Этап ${i + 1}`);
    const layout = chartLayout('BAR', { chartArea: { left: 200, height: 200 } }, many);
    expect(layout.labels.filter((l) => l.shown === null).length).toBeGreaterThan(20);
  });

  it('an anchor outside the sheet is refused; a chart past the last column is cut there', () => {
    const { wb, s } = sheet();
    s.getRange('A1:B2').setValues([
      ['a', 'b'],
      [1, 2],
    ]);
    const chart = (row: number, col: number) =>
      s
        .newChart()
        .setChartType(ChartType.BAR)
        .addRange(s.getRange('A1:B2'))
        .setPosition(row, col, 0, 0)
        .setOption('width', 600)
        .build();
    expect(() => s.insertChart(chart(1, 27))).toThrow(/outside the dimensions of the sheet/);
    s.insertChart(chart(1, 24));
    const [placed] = wb.charts('Sheet1');
    // columns X, Y, Z: 300 px of grid for a 600 px chart
    expect(placed?.onGrid).toMatchObject({ left: 2300, visibleWidth: 300 });
  });

  it('moving the selection is a cached write: no round trip of its own', () => {
    expect(costKind('Range', 'activate')).toBe('write');
    expect(costKind('Sheet', 'activate')).toBe('write');
    expect(costKind('Spreadsheet', 'setActiveSheet')).toBe('write');
  });
});

/** The emulated SpreadsheetApp's builders and enums, as a script sees them. */
function SpreadsheetAppLike(wb: ReturnType<typeof createWorkbook>) {
  return wb.app as unknown as typeof SpreadsheetApp;
}
