import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../index';

function sheet1() {
  const wb = createWorkbook();
  const sheet = wb.spreadsheet.getSheetByName('Sheet1');
  if (!sheet) throw new Error('no Sheet1');
  return { wb, sheet };
}

describe('ranges: coordinates and bounds', () => {
  it('uses 1-based (row, column, numRows, numColumns) and a 1000×26 new sheet', () => {
    const { sheet } = sheet1();
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
    const r = sheet.getRange(2, 3, 4, 5);
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]).toEqual([2, 3, 4, 5]);
    expect(r.getA1Notation()).toBe('C2:G5');
    expect(r.getLastRow()).toBe(5);
    expect(r.getLastColumn()).toBe(7);
    expect(sheet.getRange('B2:C3').getNumColumns()).toBe(2);
    expect(sheet.getRange('A:B').getNumRows()).toBe(1000);
  });

  it('throws like Apps Script outside the sheet or with zero sizes', () => {
    const { sheet } = sheet1();
    expect(() => sheet.getRange(1000, 26, 2, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 27)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow(
      'The number of rows in the range must be at least 1.',
    );
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow(
      'The number of columns in the range must be at least 1.',
    );
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange('AA1')).toThrow('outside the dimensions');
  });

  it('grows only through insert calls', () => {
    const { sheet } = sheet1();
    sheet.insertColumnsAfter(26, 4);
    sheet.insertRowsAfter(1000, 10);
    expect(sheet.getMaxColumns()).toBe(30);
    expect(sheet.getMaxRows()).toBe(1010);
    expect(sheet.getRange('AD1010').getValue()).toBe('');
  });

  it('checks the shape of setValues', () => {
    const { sheet } = sheet1();
    const r = sheet.getRange(1, 1, 2, 2);
    expect(() => r.setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => r.setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });
});

describe('values', () => {
  it('returns "" for blanks, numbers, booleans; setValue fills the whole range', () => {
    const { wb, sheet } = sheet1();
    sheet.getRange('A1:B2').setValues([
      [1, 'x'],
      [true, null],
    ]);
    expect(sheet.getRange('A1:C2').getValues()).toEqual([
      [1, 'x', ''],
      [true, '', ''],
    ]);
    sheet.getRange('D1:E2').setValue(7);
    expect(wb.values('Sheet1', 'D1:E2')).toEqual([
      [7, 7],
      [7, 7],
    ]);
  });

  it('parses numeric-looking strings like Sheets, unless apostrophe-prefixed (or "@" where that reading is chosen)', () => {
    const { sheet } = sheet1();
    sheet.getRange('A1:F1').setValues([['12', '5%', "'12", '1,234.5', 'TRUE', ' 3 ']]);
    expect(sheet.getRange('A1:F1').getValues()).toEqual([[12, 0.05, '12', 1234.5, true, 3]]);
    expect(sheet.getRange('C1').getFormula()).toBe('');
    // Default reading: "@" does not protect a script's string (see strict.test.ts).
    sheet.getRange('A2').setNumberFormat('@').setValue('0042');
    expect(sheet.getRange('A2').getValue()).toBe(42);
    const kind = createWorkbook({ plainTextProtects: true }).spreadsheet.getSheetByName('Sheet1')!;
    kind.getRange('A2').setNumberFormat('@').setValue('0042');
    expect(kind.getRange('A2').getValue()).toBe('0042');
  });

  it('parses with the spreadsheet locale (ru_RU: comma decimal)', () => {
    const wb = createWorkbook({ locale: 'ru_RU' });
    wb.setCell('Sheet1', 'A1', '1,5');
    wb.setCell('Sheet1', 'A2', '12 345');
    expect(wb.value('Sheet1', 'A1')).toBe(1.5);
    expect(wb.value('Sheet1', 'A2')).toBe(12345);
  });

  it('stores Dates as date serials with a date format, and returns Dates', () => {
    const { sheet } = sheet1();
    const d = new Date(Date.UTC(2024, 0, 31, 12, 30, 0));
    sheet.getRange('A1').setValue(d);
    sheet.getRange('B1').setFormula('=A1+1');
    sheet.getRange('B1').setNumberFormat('dd.mm.yyyy');
    expect(sheet.getRange('A1').getValue()).toEqual(d);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2024-01-31 12:30:00');
    expect(sheet.getRange('B1').getDisplayValue()).toBe('01.02.2024');
  });

  it('stores an apostrophe-prefixed formula as literal text', () => {
    const { sheet } = sheet1();
    sheet.getRange('A1').setValue("'=1+1");
    expect(sheet.getRange('A1').getValue()).toBe('=1+1');
    expect(sheet.getRange('A1').getFormula()).toBe('');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('=1+1');
  });

  it('evaluates formulas and re-evaluates after setValues', () => {
    const { sheet } = sheet1();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1').setValue('=SUM(A1:A3)');
    sheet.getRange('B2').setFormula('=B1*2');
    expect(sheet.getRange('B1:B2').getValues()).toEqual([[6], [12]]);
    expect(sheet.getRange('B1:B2').getFormulas()).toEqual([['=SUM(A1:A3)'], ['=B1*2']]);
    sheet.getRange('A1:A3').setValues([[10], [20], [30]]);
    expect(sheet.getRange('B1:B2').getValues()).toEqual([[60], [120]]);
  });

  it('setFormula on several cells shifts relative references like a fill', () => {
    const { sheet } = sheet1();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1:C3').setFormula('=A1*10+$A$1+SUM(A$1:A1)+LOG10(10)+LEN("A1")');
    expect(sheet.getRange('B3').getFormula()).toBe('=A3*10+$A$1+SUM(A$1:A3)+LOG10(10)+LEN("A1")');
    expect(sheet.getRange('C2').getFormula()).toBe('=B2*10+$A$1+SUM(B$1:B2)+LOG10(10)+LEN("A1")');
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[15], [27], [40]]);
  });

  it('shows error values and readable messages', () => {
    const { wb, sheet } = sheet1();
    sheet.getRange('A1').setFormula('=1/0');
    sheet.getRange('A2').setFormula('=NOSUCHFN(1)');
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['#DIV/0!'], ['#NAME?']]);
    expect(wb.error('Sheet1', 'A2')).toBe("Unknown function: 'NOSUCHFN'.");
    expect(wb.error('Sheet1', 'A1')).toBeTruthy();
    expect(wb.error('Sheet1', 'B1')).toBeUndefined();
  });

  it('evaluates display-only Sheets functions to placeholders', () => {
    const { sheet } = sheet1();
    sheet
      .getRange('A1:C1')
      .setFormulas([['=SPARKLINE(B2:B5)', '=IMAGE("https://x")', '=GOOGLEFINANCE("GOOG")']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([
      ['[SPARKLINE]', '[IMAGE]', '[GOOGLEFINANCE]'],
    ]);
  });

  it('reports the data extent', () => {
    const { sheet } = sheet1();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('C5').setValue('x');
    expect(sheet.getLastRow()).toBe(5);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C5');
    expect(sheet.getRange('A1:B2').isBlank()).toBe(true);
    sheet.getRange('C5').clearContent();
    expect(sheet.getLastRow()).toBe(0);
  });
});

describe('formats and display values', () => {
  it('applies common number formats with the locale', () => {
    const { sheet } = sheet1();
    const r = sheet.getRange('A1:F1');
    r.setValues([[0.256, 1234567.891, 1234.5, 0.5, 1500, 42]]);
    r.setNumberFormats([['0.0%', '#,##0', '#,##0.00', '0%', '#,##0 [$₽-419]', '[$$]#,##0']]);
    expect(r.getDisplayValues()).toEqual([
      ['25.6%', '1,234,568', '1,234.50', '50%', '1,500 ₽', '$42'],
    ]);
    expect(r.getNumberFormats()[0]?.[0]).toBe('0.0%');
    expect(sheet.getRange('G1').getNumberFormat()).toBe('0.###############');

    const ru = createWorkbook({ locale: 'ru_RU' });
    const rr = ru.spreadsheet.getSheets()[0]!.getRange('A1:B1');
    rr.setValues([[1234.5, 0.256]]).setNumberFormats([['#,##0.00', '0.0%']]);
    expect(rr.getDisplayValues()).toEqual([['1 234,50', '25,6%']]);
  });

  it('stores colours, weights, notes and validations per cell', () => {
    const { wb, sheet } = sheet1();
    const r = sheet.getRange('A1:B2');
    r.setBackground('red').setFontColor('#ABC').setFontWeight('bold').setNote('hi');
    expect(r.getBackgrounds()).toEqual([
      ['#ff0000', '#ff0000'],
      ['#ff0000', '#ff0000'],
    ]);
    expect(sheet.getRange('A1').getFontColor()).toBe('#aabbcc');
    expect(sheet.getRange('B2').getFontWeight()).toBe('bold');
    expect(sheet.getRange('C1').getBackground()).toBe('#ffffff');
    expect(sheet.getRange('A1:A2').getNotes()).toEqual([['hi'], ['hi']]);
    const rule = wb.app
      .newDataValidation()
      .requireValueInList(['a', 'b'], true)
      .setAllowInvalid(false)
      .setHelpText('pick')
      .build();
    sheet.getRange('C1:C2').setDataValidations([[rule], [null]]);
    const got = sheet.getRange('C1').getDataValidation();
    expect(String(got?.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(got?.getCriteriaValues()).toEqual([['a', 'b'], true]);
    expect(got?.getAllowInvalid()).toBe(false);
    expect(got?.getHelpText()).toBe('pick');
    expect(sheet.getRange('C2').getDataValidation()).toBeNull();
    sheet.getRange('C1:C2').clearDataValidations();
    expect(sheet.getRange('C1').getDataValidation()).toBeNull();
  });

  it('merges keep only the top-left value', () => {
    const { sheet } = sheet1();
    sheet.getRange('A1:B1').setValues([['keep', 'lost']]);
    sheet.getRange('A1:B1').merge();
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['keep', '']]);
    expect(
      sheet
        .getRange('A1:C3')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1:B1']);
    sheet.getRange('A1:B1').breakApart();
    expect(sheet.getRange('A1:C3').getMergedRanges()).toEqual([]);
  });

  it('RangeList formats several ranges in one call', () => {
    const { wb, sheet } = sheet1();
    wb.calls.reset();
    sheet.getRangeList(['A1', 'C3:D4']).setBackground('#00ff00').setNumberFormat('0%');
    expect(wb.calls.byName['RangeList.setBackground']).toBe(1);
    expect(sheet.getRange('D4').getBackground()).toBe('#00ff00');
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0%');
    expect(sheet.getRange('B2').getBackground()).toBe('#ffffff');
  });
});

describe('spreadsheet', () => {
  it('inserts, finds, renames and deletes sheets', () => {
    const { wb } = sheet1();
    const ss = wb.spreadsheet;
    const s2 = ss.insertSheet('Data');
    expect(ss.getActiveSheet().getName()).toBe('Data');
    expect(s2.getIndex()).toBe(2);
    ss.insertSheet('First', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['First', 'Sheet1', 'Data']);
    expect(() => ss.insertSheet('data')).toThrow('A sheet with the name "data" already exists');
    s2.setName('Data2');
    expect(ss.getSheetByName('Data2')?.getSheetId()).toBe(s2.getSheetId());
    ss.deleteSheet(s2);
    expect(ss.getSheetByName('Data2')).toBeNull();
    expect(ss.getSheetByName('Sheet1')?.getSheetId()).toBe(0);
  });

  it('named ranges are usable in formulas', () => {
    const { wb, sheet } = sheet1();
    const ss = wb.spreadsheet;
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    ss.setNamedRange('Inputs', sheet.getRange('A1:A3'));
    sheet.getRange('B1').setFormula('=SUM(Inputs)');
    expect(sheet.getRange('B1').getValue()).toBe(6);
    expect(ss.getRangeByName('Inputs')?.getA1Notation()).toBe('A1:A3');
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['Inputs']);
    ss.removeNamedRange('Inputs');
    expect(ss.getRangeByName('Inputs')).toBeNull();
  });
});
