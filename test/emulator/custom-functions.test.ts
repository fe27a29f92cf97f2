import { describe, expect, it } from 'vitest';
import { createWorkbook, findCustomFunctions, loadAddon } from '../../dev/emulator/index';
import { BUNDLE } from './bundle';

function setup() {
  const wb = createWorkbook();
  const addon = loadAddon(wb, BUNDLE);
  const sheet = wb.spreadsheet.getSheetByName('Sheet1')!;
  return { wb, addon, sheet };
}

describe('custom functions from the bundle', () => {
  it('finds @customfunction functions and registers them', () => {
    const { addon } = setup();
    expect(findCustomFunctions(BUNDLE)).toEqual(['DOUBLE', 'TABLE', 'ARGTYPES', 'FAIL', 'COLUMN3', 'SNEAKY']);
    expect(addon.customFunctions()).toEqual(['DOUBLE', 'TABLE', 'ARGTYPES', 'FAIL', 'COLUMN3', 'SNEAKY']);
    expect(addon.functions()).toContain('onOpen');
    expect(addon.functions()).toContain('helper_');
  });

  it('passes a single cell as a value and a range as a 2-D array, blanks as ""', () => {
    const { wb } = setup();
    wb.setCell('Sheet1', 'A1', 5);
    wb.setCell('Sheet1', 'B1', 'x');
    wb.setCell('Sheet1', 'B2', true);
    wb.setCell('Sheet1', 'D1', '=ARGTYPES(A1, A2:B3)');
    expect(wb.value('Sheet1', 'D1')).toBe('number:5 | array 2x2 [string:"",boolean:true;string:"",string:""]');
    wb.setCell('Sheet1', 'D2', '=ARGTYPES(C9)');
    expect(wb.value('Sheet1', 'D2')).toBe('string:"" | undefined:undefined');
  });

  it('returns a scalar into one cell and recomputes when inputs change', () => {
    const { wb, sheet } = setup();
    sheet.getRange('A1').setValue(21);
    sheet.getRange('B1').setFormula('=DOUBLE(A1)');
    expect(sheet.getRange('B1').getValue()).toBe(42);
    sheet.getRange('A1').setValues([[50]]);
    expect(wb.value('Sheet1', 'B1')).toBe(100);
  });

  it('spills a range-in range-out result with the input shape', () => {
    const { wb, sheet } = setup();
    sheet.getRange('A1:B3').setValues([[1, 2], [3, 4], [5, '']]);
    sheet.getRange('D1').setFormula('=DOUBLE(A1:B3)');
    expect(sheet.getRange('D1:E3').getValues()).toEqual([[2, 4], [6, 8], [10, '']]);
    // Only the anchor holds the formula, like Sheets.
    expect(sheet.getRange('D1:E2').getFormulas()).toEqual([['=DOUBLE(A1:B3)', ''], ['', '']]);
    // Formulas can read spilled cells, and spills follow input changes.
    sheet.getRange('G1').setFormula('=SUM(D1:E3)');
    expect(wb.value('Sheet1', 'G1')).toBe(30);
    sheet.getRange('A3').setValue(100);
    expect(wb.value('Sheet1', 'D3')).toBe(200);
    expect(wb.value('Sheet1', 'G1')).toBe(220);
  });

  it('spills an (n+1)×5 table for an n-cell input, and shrinks when the input does', () => {
    const { wb, sheet } = setup();
    sheet.getRange('A1:A3').setValues([[10], [''], [30]]);
    sheet.getRange('C1').setFormula('=TABLE(A1:A3)');
    expect(sheet.getRange('C1:G4').getValues()).toEqual([
      ['#', 'value', 'double', 'type', 'blank'],
      [1, 10, 20, 'number', false],
      [2, '', '', 'string', true],
      [3, 30, 60, 'number', false],
    ]);
    sheet.getRange('C1').setFormula('=TABLE(A1:A2)');
    expect(wb.values('Sheet1', 'C4:G4')).toEqual([['', '', '', '', '']]);
    expect(sheet.getLastRow()).toBe(3);
  });

  it('treats a 1-D array result as a column', () => {
    const { wb } = setup();
    wb.setCell('Sheet1', 'B2', '=COLUMN3()');
    expect(wb.values('Sheet1', 'B2:C4')).toEqual([[1, ''], [2, ''], [3, '']]);
  });

  it('gives #REF! with the Sheets message when a spill would overwrite data, and recovers', () => {
    const { wb, sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B3').setValue('mine');
    sheet.getRange('B1').setFormula('=DOUBLE(A1:A3)');
    expect(sheet.getRange('B1:B3').getValues()).toEqual([['#REF!'], [''], ['mine']]);
    expect(sheet.getRange('B1').getDisplayValue()).toBe('#REF!');
    expect(wb.error('Sheet1', 'B1')).toBe('Array result was not expanded because it would overwrite data in B3.');
    sheet.getRange('B3').clearContent();
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[2], [4], [6]]);
    // Typing into a spilled cell blocks the spill again.
    wb.setCell('Sheet1', 'B2', 'typed');
    expect(wb.value('Sheet1', 'B1')).toBe('#REF!');
    expect(wb.error('Sheet1', 'B1')).toContain('overwrite data in B2');
    expect(wb.value('Sheet1', 'B2')).toBe('typed');
  });

  it('shows a thrown Error as #ERROR! with its message', () => {
    const { wb, sheet } = setup();
    sheet.getRange('A1').setFormula('=FAIL(-3)');
    expect(sheet.getRange('A1').getValue()).toBe('#ERROR!');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('#ERROR!');
    expect(wb.cellError('Sheet1', 'A1')).toBe('FAIL: argument x (-3) is not accepted; pass a positive number.');
  });

  it('denies services inside custom functions', () => {
    const { wb } = setup();
    wb.setCell('Sheet1', 'A1', '=SNEAKY()');
    expect(wb.value('Sheet1', 'A1')).toBe('#ERROR!');
    expect(wb.error('Sheet1', 'A1')).toMatch(/You do not have permission to call SpreadsheetApp.getActiveSpreadsheet/);
  });

  it('works nested inside other formulas (no spill there)', () => {
    const { wb } = setup();
    wb.setCell('Sheet1', 'A1', 1);
    wb.setCell('Sheet1', 'A2', 2);
    wb.setCell('Sheet1', 'C1', '=SUM(DOUBLE(A1:A2))');
    wb.setCell('Sheet1', 'C2', '=DOUBLE(A2)+1');
    expect(wb.values('Sheet1', 'C1:C3')).toEqual([[6], [5], ['']]);
  });

  it('custom functions registered after content exists evaluate that content', () => {
    const wb = createWorkbook();
    wb.setCell('Sheet1', 'A1', 4);
    wb.setCell('Sheet1', 'B1', '=DOUBLE(A1:A2)');
    wb.spreadsheet.setNamedRange('Four', wb.spreadsheet.getRange('A1'));
    wb.setCell('Sheet1', 'C1', '=Four+1');
    expect(wb.value('Sheet1', 'B1')).toBe('#NAME?');
    loadAddon(wb, BUNDLE);
    expect(wb.values('Sheet1', 'B1:C2')).toEqual([[8, 5], ['', '']]);
    expect(wb.spreadsheet.getRangeByName('Four')?.getA1Notation()).toBe('A1');
  });
});
