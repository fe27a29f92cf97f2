/**
 * A map's trend sparklines exported to .xlsx: the review's forms (ARRAYFORMULA(SPARKLINE(IFERROR(
 * ratios over another sheet,""),{options}))) and the plain emotion curve become text of block
 * characters, one per point the sparkline drew, which Excel and LibreOffice both show, with a note
 * in the workbook's language; no SPARKLINE formula is left for Excel to call #NAME?.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { workbookToXlsx } from '../../xlsx-export/xlsx';
import { createWorkbook, type FormulaSeparators, type Workbook } from '../../emulator/index';

const HISTORY = 'Map · history';

/**
 * Five periods of twelve rows: E customers, F check, G reached, H converted; the period with
 * nobody reached divides by zero. Rows 9–15 are the periods to come, blank.
 */
function workbook(locale: string, formulaSeparators: FormulaSeparators) {
  const wb = createWorkbook({ locale, formulaSeparators });
  wb.spreadsheet
    .insertSheet(HISTORY)
    .getRange('E4:H8')
    .setValues([
      [1000, 2, 100, 20],
      [1000, 2, 200, 100],
      [1000, 2, 0, 10],
      [1000, 2, 100, 40],
      [1000, 2, 100, 30],
    ]);
  return { wb, map: wb.spreadsheet.getSheetByName('Sheet1')! };
}

const FORMULAS = {
  comma: {
    trend: `=ARRAYFORMULA(SPARKLINE(IFERROR('${HISTORY}'!H4:H15/'${HISTORY}'!G4:G15,""),{"charttype","line";"empty","ignore";"nan","ignore";"color","#1a73e8"}))`,
    revenue: `=ARRAYFORMULA(SPARKLINE(IFERROR('${HISTORY}'!H4:H15*'${HISTORY}'!E4:E15*'${HISTORY}'!F4:F15,""),{"charttype","column";"empty","ignore";"nan","ignore"}))`,
    curve: '=SPARKLINE(D20:I20)',
  },
  locale: {
    trend: `=ARRAYFORMULA(SPARKLINE(IFERROR('${HISTORY}'!H4:H15/'${HISTORY}'!G4:G15;"");{"charttype"\\"line";"empty"\\"ignore";"nan"\\"ignore";"color"\\"#1a73e8"}))`,
    revenue: `=ARRAYFORMULA(SPARKLINE(IFERROR('${HISTORY}'!H4:H15*'${HISTORY}'!E4:E15*'${HISTORY}'!F4:F15;"");{"charttype"\\"column";"empty"\\"ignore";"nan"\\"ignore"}))`,
    curve: '=SPARKLINE(D20:I20)',
  },
};

// Step conversions 0.2, 0.5, (÷0: left out), 0.4, 0.3, and the blank periods left out too:
// between 0.2 and 0.5, 0.4 is 2/3 of the way (▆: 4.67 of 7 steps) and 0.3 is 1/3 (▃: 2.33).
const TREND = '▁█▆▃';
// Revenue 40,000, 200,000, 20,000, 80,000, 60,000 from zero to 200,000 (1.4, 7, 0.7, 2.8, 2.1 of
// 7 steps); the seven blank periods multiply to 0, which IFERROR keeps: seven empty columns.
const REVENUE = `▂█▂▄▃${'▁'.repeat(7)}`;
// Scores 3, 3, 2, 4 and two stages unscored, which a plain SPARKLINE plots as zero: 0 to 4.
const CURVE = '▆▆▅█▁▁';

/** The .xlsx of a workbook, read back by ExcelJS (its Buffer type is its own). */
async function readBack(wb: Workbook): Promise<ExcelJS.Workbook> {
  const file = new ExcelJS.Workbook();
  await file.xlsx.load((await workbookToXlsx(wb)) as unknown as ExcelJS.Buffer);
  return file;
}

async function exported(locale: string, reading: FormulaSeparators) {
  const { wb, map } = workbook(locale, reading);
  map.getRange('B2').setFormula(FORMULAS[reading].trend);
  map.getRange('B3').setFormula(FORMULAS[reading].revenue);
  map.getRange('D20:I20').setValues([[3, 3, 2, 4, '', '']]);
  map.getRange('B20').setFormula(FORMULAS[reading].curve);
  const ws = (await readBack(wb)).getWorksheet('Sheet1');
  if (!ws) throw new Error('no Sheet1 in the file');
  return ws;
}

describe.each([
  ['en_US', 'comma', /^A Google Sheets sparkline, drawn here as text/],
  ['ru_RU', 'comma', /^Спарклайн Google Таблиц, нарисованный текстом/],
  ['ru_RU', 'locale', /^Спарклайн Google Таблиц, нарисованный текстом/],
] as const)('%s, %s reading', (locale, reading, note) => {
  it('each sparkline is the text of what it drew, with a note; no SPARKLINE formula is left', async () => {
    const ws = await exported(locale, reading);
    const cells = { trend: ws.getCell('B2'), revenue: ws.getCell('B3'), curve: ws.getCell('B20') };
    expect(cells.trend.value).toBe(TREND);
    expect(cells.revenue.value).toBe(REVENUE);
    expect(cells.curve.value).toBe(CURVE);
    for (const c of Object.values(cells)) expect(String(c.note)).toMatch(note);
    const formulas: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => c.formula && formulas.push(c.formula)));
    expect(formulas.filter((f) => /SPARKLINE/i.test(f))).toEqual([]);
  });
});

it('a SPARKLINE that shows an error exports the error, not a drawing', async () => {
  const { wb, map } = workbook('en_US', 'comma');
  map.getRange('B2').setFormula('=SPARKLINE(D1:F1,{"charttype";"line"})');
  expect((await readBack(wb)).getWorksheet('Sheet1')?.getCell('B2').value).toEqual({
    error: '#VALUE!',
  });
});
