/** Hidden and grouped rows and columns: still there, and they follow their content. */
import { describe, expect, it } from 'vitest';
import { createWorkbook, Workbook } from '../index';

function setup() {
  const wb = createWorkbook();
  const sheet = wb.spreadsheet.getSheetByName('Sheet1')!;
  return { wb, sheet };
}

describe('hidden rows and columns', () => {
  it('are still read and written, and answer isHiddenByUser until shown again', () => {
    const { wb, sheet } = setup();
    sheet.getRange('C1:C2').setValues([['a'], ['b']]);
    sheet.hideColumns(3);
    sheet.hideRows(2, 2);
    expect(sheet.isColumnHiddenByUser(3)).toBe(true);
    expect(sheet.isColumnHiddenByUser(4)).toBe(false);
    expect([1, 2, 3, 4].map((r) => sheet.isRowHiddenByUser(r))).toEqual([false, true, true, false]);
    expect(sheet.getRange('C1:C2').getValues()).toEqual([['a'], ['b']]);
    sheet.getRange('C2').setValue('c');
    expect(wb.value('Sheet1', 'C2')).toBe('c');
    sheet.showRows(2);
    expect(sheet.isRowHiddenByUser(2)).toBe(false);
    expect(wb.snapshot('Sheet1')).toMatchObject({ hiddenRows: [3], hiddenCols: [3] });
    expect(() => sheet.hideColumns(27)).toThrow('Those columns are out of bounds.');
  });

  it('follow their content when columns are inserted, moved or deleted, and survive saving', () => {
    const { wb, sheet } = setup();
    sheet.getRange('C1').setValue('hidden');
    wb.hideColumns('Sheet1', 'C');
    sheet.insertColumnBefore(1);
    expect(sheet.isColumnHiddenByUser(4)).toBe(true);
    expect(sheet.isColumnHiddenByUser(1)).toBe(false);
    sheet.moveColumns(sheet.getRange('D1'), 7);
    expect(sheet.getRange('F1').getValue()).toBe('hidden');
    expect(sheet.isColumnHiddenByUser(6)).toBe(true);
    const copy = Workbook.fromJSON(wb.toJSON());
    expect(copy.snapshot('Sheet1').hiddenCols).toEqual([6]);
    sheet.deleteColumn(6);
    expect(wb.snapshot('Sheet1').hiddenCols).toEqual([]);
  });

  it('cost a write to hide, nothing to ask about', () => {
    const { wb, sheet } = setup();
    wb.calls.reset();
    sheet.hideColumns(2);
    sheet.isColumnHiddenByUser(2);
    expect(wb.calls.roundTrips).toBe(0);
    wb.calls.flush();
    expect(wb.calls.roundTrips).toBe(1);
  });

  it("may not be hidden over a colleague's protected range", () => {
    const { wb, sheet } = setup();
    wb.protectAsOther('Sheet1', 'B5', { by: 'boss@example.com' });
    expect(() => sheet.hideColumns(2)).toThrow('You are trying to edit a protected cell or object');
    expect(() => sheet.getRange('A1:B1').shiftColumnGroupDepth(1)).toThrow('protected');
    sheet.hideColumns(3);
    expect(sheet.isColumnHiddenByUser(2)).toBe(false);
  });
});

describe('grouped rows and columns', () => {
  it('shift their depth by the range, and the depth follows the content', () => {
    const { wb, sheet } = setup();
    sheet.getRange('B1:C1').shiftColumnGroupDepth(1);
    sheet.getRange('C1').shiftColumnGroupDepth(1);
    expect([1, 2, 3].map((c) => sheet.getColumnGroupDepth(c))).toEqual([0, 1, 2]);
    sheet.getRange('C1').shiftColumnGroupDepth(-5);
    expect(sheet.getColumnGroupDepth(3)).toBe(0);
    wb.group('Sheet1', 'A4:A5', 'rows');
    sheet.insertRowBefore(1);
    expect([4, 5, 6].map((r) => sheet.getRowGroupDepth(r))).toEqual([0, 1, 1]);
  });
});
