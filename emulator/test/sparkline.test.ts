// SPARKLINE is a function of the emulator: its cell shows "[SPARKLINE]", Workbook.sparkline (and
// the snapshot the workbench draws) gives the series it draws, and its options are checked as
// Google's SPARKLINE page documents them, strictly where the page is silent. Array-literal options
// parse in both formula syntaxes of a decimal-comma spreadsheet.
import { describe, expect, it } from 'vitest';
import { createWorkbook, type FormulaSeparators } from '../index';

const HISTORY = 'Map · history';

/**
 * A history sheet of four periods: E customers, F check, G reached, H converted (the last period
 * not filled in yet, one with nobody reached).
 */
function workbook(locale: string, formulaSeparators: FormulaSeparators) {
  const wb = createWorkbook({ locale, formulaSeparators });
  const history = wb.spreadsheet.insertSheet(HISTORY);
  history.getRange('E4:H7').setValues([
    [1000, 2, 200, 50],
    [1200, 2, 250, 75],
    [900, 3, 0, 10],
    ['', '', '', ''],
  ]);
  return { wb, map: wb.spreadsheet.getSheetByName('Sheet1')! };
}

// The formulas the review feature writes, in English syntax and in a decimal-comma locale's.
const TREND = {
  english: `=ARRAYFORMULA(SPARKLINE(IFERROR('${HISTORY}'!H4:H7/'${HISTORY}'!G4:G7,""),{"charttype","line";"empty","ignore";"nan","ignore";"color","#1a73e8"}))`,
  locale: `=ARRAYFORMULA(SPARKLINE(IFERROR('${HISTORY}'!H4:H7/'${HISTORY}'!G4:G7;"");{"charttype"\\"line";"empty"\\"ignore";"nan"\\"ignore";"color"\\"#1a73e8"}))`,
};
const REVENUE = {
  english: `=ARRAYFORMULA(SPARKLINE(IFERROR('${HISTORY}'!H4:H7*'${HISTORY}'!E4:E7*'${HISTORY}'!F4:F7,""),{"charttype","column";"empty","ignore";"nan","ignore"}))`,
  locale: `=ARRAYFORMULA(SPARKLINE(IFERROR('${HISTORY}'!H4:H7*'${HISTORY}'!E4:E7*'${HISTORY}'!F4:F7;"");{"charttype"\\"column";"empty"\\"ignore";"nan"\\"ignore"}))`,
};

// 50/200, 75/250; 10/0 is #DIV/0! and the blank period 0/0 too: IFERROR makes both "", ignored.
const TREND_POINTS = [0.25, 0.3, null, null];
// 50×1000×2, 75×1200×2, 10×900×3; the blank period multiplies to 0 (blanks are zeros in arithmetic).
const REVENUE_POINTS = [100_000, 180_000, 27_000, 0];

describe.each([
  ['en_US', 'comma', 'english'],
  ['ru_RU', 'comma', 'english'],
  ['ru_RU', 'locale', 'locale'],
] as const)('the review formulas in %s under the %s reading', (locale, reading, syntax) => {
  it('a step-conversion trend over another sheet draws its ratios, the failed periods left out', () => {
    const { wb, map } = workbook(locale, reading);
    map.getRange('B2').setFormula(TREND[syntax]);
    expect(wb.value('Sheet1', 'B2')).toBe('[SPARKLINE]');
    expect(map.getRange('B2').getFormula()).toBe(TREND[syntax]);
    expect(wb.sparkline('Sheet1', 'B2')).toEqual({
      charttype: 'line',
      values: TREND_POINTS,
      options: { charttype: 'line', empty: 'ignore', nan: 'ignore', color: '#1a73e8' },
    });
  });

  it('a revenue trend is a column chart of L×P×Q per period', () => {
    const { wb, map } = workbook(locale, reading);
    map.getRange('B3').setFormula(REVENUE[syntax]);
    expect(wb.value('Sheet1', 'B3')).toBe('[SPARKLINE]');
    expect(wb.sparkline('Sheet1', 'B3')).toMatchObject({
      charttype: 'column',
      values: REVENUE_POINTS,
    });
  });

  it('the other syntax’s array literal is a parse error, not a sparkline', () => {
    const { wb, map } = workbook(locale, reading);
    const other = syntax === 'english' ? TREND.locale : TREND.english;
    map.getRange('B2').setFormula(other);
    // English syntax is also the only syntax of an en_US spreadsheet, whatever the reading.
    expect(wb.value('Sheet1', 'B2')).toBe('#ERROR!');
    expect(wb.error('Sheet1', 'B2')).toBe('Formula parse error.');
    expect(wb.sparkline('Sheet1', 'B2')).toBeUndefined();
  });
});

describe('a user types the trend in the grid of a ru_RU spreadsheet', () => {
  it.each(['comma', 'locale'] as const)(
    'the locale’s array syntax draws under the %s reading (the Sheets UI takes only it)',
    (reading) => {
      const { wb } = workbook('ru_RU', reading);
      wb.setCell('Sheet1', 'B2', TREND.locale);
      expect(wb.sparkline('Sheet1', 'B2')?.values).toEqual(TREND_POINTS);
      wb.setCell('Sheet1', 'B3', TREND.english);
      expect(wb.value('Sheet1', 'B3')).toBe('#ERROR!');
    },
  );
});

describe('the series follows the data', () => {
  it('a new period and a row inserted in the history are drawn at the next read', () => {
    const { wb, map } = workbook('en_US', 'comma');
    map.getRange('B2').setFormula(TREND.english);
    wb.setCell(HISTORY, 'G7', 400);
    wb.setCell(HISTORY, 'H7', 100);
    expect(wb.sparkline('Sheet1', 'B2')?.values).toEqual([0.25, 0.3, null, 0.25]);
    wb.insertRows(HISTORY, 5);
    expect(map.getRange('B2').getFormula()).toContain(`'${HISTORY}'!H4:H8`);
    expect(wb.sparkline('Sheet1', 'B2')?.values).toEqual([0.25, null, 0.3, null, 0.25]);
  });

  it('the plain form of the emotion curve: a blank or a text plots as zero unless ignored', () => {
    const { wb, map } = workbook('en_US', 'comma');
    map.getRange('D20:H20').setValues([[4, '', 'n/a', 2, 5]]);
    map.getRange('B20').setFormula('=SPARKLINE(D20:H20)');
    expect(wb.sparkline('Sheet1', 'B20')).toEqual({
      charttype: 'line',
      values: [4, 0, 0, 2, 5],
      options: {},
    });
    map.getRange('B21').setFormula('=SPARKLINE(D20:H20,{"empty","ignore"})');
    expect(wb.sparkline('Sheet1', 'B21')?.values).toEqual([4, null, 0, 2, 5]);
    // An option range two cells wide is as good as an array.
    map.getRange('J1:K2').setValues([
      ['charttype', 'column'],
      ['nan', 'ignore'],
    ]);
    map.getRange('B22').setFormula('=SPARKLINE(D20:H20,J1:K2)');
    expect(wb.sparkline('Sheet1', 'B22')).toMatchObject({
      charttype: 'column',
      values: [4, 0, null, 2, 5],
    });
    // The snapshot the workbench draws carries the same series.
    const cell = wb.snapshot('Sheet1').cells.find((c) => c.a1 === 'B22');
    expect(cell?.sparkline?.values).toEqual([4, 0, null, 2, 5]);
    expect(cell?.display).toBe('[SPARKLINE]');
  });
});

describe('options and data Google’s page does not allow', () => {
  it.each([
    [
      '{"charttype";"line"}',
      'SPARKLINE options must be two columns: option names, then their values.',
    ],
    ['"charttype"', 'SPARKLINE options must be two columns: option names, then their values.'],
    [
      '{"charttype","pie"}',
      'SPARKLINE option "charttype" takes "line", "bar", "column", "winloss", not "pie".',
    ],
    ['{"ChartType","line"}', 'SPARKLINE has no option "ChartType" for a line chart'],
    ['{"colour","red"}', 'SPARKLINE has no option "colour" for a line chart'],
    ['{"toString","red"}', 'SPARKLINE has no option "toString" for a line chart'],
    [
      '{"charttype","column";"linewidth",2}',
      'SPARKLINE has no option "linewidth" for a column chart',
    ],
    ['{"empty","skip"}', 'SPARKLINE option "empty" takes "zero", "ignore", not "skip".'],
    ['{"ymax","10"}', 'SPARKLINE option "ymax" takes a number, not "10".'],
    ['{"color","red";"color","blue"}', 'SPARKLINE option "color" is given twice.'],
  ])('options %s: #VALUE!, nothing drawn', (options, message) => {
    const { wb, map } = workbook('en_US', 'comma');
    map.getRange('D1:F1').setValues([[1, 2, 3]]);
    map.getRange('B1').setFormula(`=SPARKLINE(D1:F1,${options})`);
    expect(wb.value('Sheet1', 'B1')).toBe('#VALUE!');
    expect(wb.error('Sheet1', 'B1')).toContain(message);
    expect(wb.sparkline('Sheet1', 'B1')).toBeUndefined();
  });

  it('data of several rows and columns is refused; an error in the data is the cell’s', () => {
    const { wb, map } = workbook('en_US', 'comma');
    map.getRange('B1').setFormula(`=SPARKLINE('${HISTORY}'!G4:H6)`);
    expect(wb.error('Sheet1', 'B1')).toBe(
      'SPARKLINE data must be one row or one column, not 3 rows by 2 columns.',
    );
    // Without IFERROR the period with nobody reached divides by zero.
    map
      .getRange('B2')
      .setFormula(`=ARRAYFORMULA(SPARKLINE('${HISTORY}'!H4:H6/'${HISTORY}'!G4:G6))`);
    expect(wb.value('Sheet1', 'B2')).toBe('#DIV/0!');
    expect(wb.sparkline('Sheet1', 'B2')).toBeUndefined();
  });
});
