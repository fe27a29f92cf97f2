/**
 * The server side of what the workbench draws over the cells (dev/workbench/sheet-view.ts),
 * checked on the emulator without a browser: every conditional-format condition the
 * emulator stores, custom formulas relative to each cell and in a decimal-comma locale's
 * syntax, the first matching rule winning; and charts' data read from their ranges.
 */
import { describe, expect, it } from 'vitest';
import { ChartType, createWorkbook, type Workbook } from '../../emulator/index';
import { sheetDrawing } from '../../dev/workbench/sheet-view';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Builder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;

function setup(
  locale = 'en_US',
  formulaSeparators: 'comma' | 'locale' = 'comma',
): { wb: Workbook; sheet: Sheet } {
  const wb = createWorkbook({ locale, formulaSeparators });
  const sheet = wb.spreadsheet.getSheetByName('Sheet1') as Sheet;
  return { wb, sheet };
}

function rule(
  wb: Workbook,
  sheet: Sheet,
  a1: string,
  when: (b: Builder) => Builder,
  background: string,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  return when(
    wb.app
      .newConditionalFormatRule()
      .setRanges([sheet.getRange(a1)])
      .setBackground(background),
  ).build();
}

const drawn = (wb: Workbook) => sheetDrawing(wb, wb.snapshot('Sheet1'));
const formatted = (wb: Workbook): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(drawn(wb).conditional).map(([a1, e]) => [a1, e.background]));

describe('conditional formats computed for the page', () => {
  it('evaluates each condition kind on each cell of its range', () => {
    const { wb, sheet } = setup();
    sheet.getRange('A1:A6').setValues([[1], [2], [3], [5], ['⚠ not a number'], ['']]);
    sheet.getRange('B1:B3').setValues([['x'], [''], ['Warning: ⚠']]);
    sheet.setConditionalFormatRules([
      rule(wb, sheet, 'A1:A6', (b) => b.whenNumberLessThanOrEqualTo(2), '#ff0000'),
      rule(wb, sheet, 'A1:A6', (b) => b.whenNumberBetween(5, 4), '#00ff00'),
      rule(wb, sheet, 'A1:A6', (b) => b.whenTextContains('⚠'), '#0000ff'),
      rule(wb, sheet, 'B1:B2', (b) => b.whenCellEmpty(), '#111111'),
      rule(wb, sheet, 'B3', (b) => b.whenCellNotEmpty(), '#222222'),
    ]);
    expect(formatted(wb)).toEqual({
      A1: '#ff0000',
      A2: '#ff0000',
      A4: '#00ff00',
      A5: '#0000ff',
      B2: '#111111',
      B3: '#222222',
    });
  });

  it('applies the first matching rule, as Sheets does', () => {
    const { wb, sheet } = setup();
    sheet.getRange('A1').setValue(1);
    sheet.setConditionalFormatRules([
      rule(wb, sheet, 'A1', (b) => b.whenNumberLessThan(2), '#aa0000'),
      rule(wb, sheet, 'A1', (b) => b.whenNumberGreaterThan(0), '#00aa00'),
    ]);
    expect(formatted(wb)).toEqual({ A1: '#aa0000' });
  });

  it('evaluates a custom formula relative to each cell of the range, with the formula engine', () => {
    const { wb, sheet } = setup();
    // Row 1 under row 2 is highlighted: B1 < B2 and D1 < D2; C1 ≥ C2; E has no numbers.
    sheet.getRange('B1:E2').setValues([
      [0.4, 0.6, 0.1, 'n/a'],
      [0.5, 0.5, 0.2, ''],
    ]);
    sheet.setConditionalFormatRules([
      rule(
        wb,
        sheet,
        'B1:E1',
        (b) => b.whenFormulaSatisfied('=AND(ISNUMBER(B1),ISNUMBER(B2),B1<B2)'),
        '#f4c7c3',
      ),
    ]);
    expect(formatted(wb)).toEqual({ B1: '#f4c7c3', D1: '#f4c7c3' });
    sheet.getRange('C2').setValue(0.9);
    expect(formatted(wb)).toEqual({ B1: '#f4c7c3', C1: '#f4c7c3', D1: '#f4c7c3' });
  });

  it("reads a custom formula in a decimal-comma locale's syntax when the spreadsheet takes that syntax", () => {
    const { wb, sheet } = setup('ru_RU', 'locale');
    sheet.getRange('A1:A2').setValues([[1], [3]]);
    sheet.setConditionalFormatRules([
      rule(
        wb,
        sheet,
        'A1:A2',
        (b) => b.whenFormulaSatisfied('=AND(ISNUMBER(A1);A1>1,5)'),
        '#ceead6',
      ),
    ]);
    expect(formatted(wb)).toEqual({ A2: '#ceead6' });
  });

  it('formats nothing for a formula the engine cannot read', () => {
    const { wb, sheet } = setup();
    sheet.getRange('A1').setValue(1);
    sheet.setConditionalFormatRules([
      rule(wb, sheet, 'A1', (b) => b.whenFormulaSatisfied('=AND(A1>0'), '#000000'),
    ]);
    expect(formatted(wb)).toEqual({});
  });
});

describe('charts computed for the page', () => {
  it("reads a transposed chart's first row as categories and the next rows as series, from computed values", () => {
    const { wb, sheet } = setup();
    sheet.getRange('A1:C3').setValues([
      ['Awareness', 'Visit', 'Purchase'],
      [1000, 400, '=B2/4'],
      [3, '', 4],
    ]);
    const names = sheet.getRange('A1:C1');
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(ChartType.BAR)
        .addRange(names)
        .addRange(sheet.getRange('A2:C2'))
        .setTransposeRowsAndColumns(true)
        .setOption('title', 'Customers by stage')
        .setOption('legend', { position: 'none' })
        .setPosition(10, 2, 5, 0)
        .build(),
    );
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(ChartType.LINE)
        .addRange(names)
        .addRange(sheet.getRange('A3:C3'))
        .setTransposeRowsAndColumns(true)
        .build(),
    );
    const [bar, line] = drawn(wb).charts;
    expect(bar).toMatchObject({
      type: 'BAR',
      title: 'Customers by stage',
      legend: false,
      anchor: { row: 10, col: 2, offsetX: 5, offsetY: 0 },
      categories: ['Awareness', 'Visit', 'Purchase'],
      series: [{ name: '', values: [1000, 400, 100] }],
    });
    // A blank is a gap, not a zero.
    expect(line?.series[0]?.values).toEqual([3, null, 4]);
    expect(line?.title).toBe('');
  });

  it('takes a header row as the series names and shows a legend for them', () => {
    const { wb, sheet } = setup();
    sheet.getRange('A1:C4').setValues([
      ['Month', 'Leads', 'Sales'],
      ['Jan', 10, 2],
      ['Feb', 12, 3],
      ['Mar', 9, 1],
    ]);
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(ChartType.COLUMN)
        .addRange(sheet.getRange('A1:C4'))
        .setPosition(1, 5, 0, 0)
        .setOption('width', 400)
        .build(),
    );
    const chart = drawn(wb).charts[0];
    expect(chart).toMatchObject({ legend: true, width: 400, categories: ['Jan', 'Feb', 'Mar'] });
    expect(chart?.series.map((s) => [s.name, s.values])).toEqual([
      ['Leads', [10, 12, 9]],
      ['Sales', [2, 3, 1]],
    ]);
  });
});
