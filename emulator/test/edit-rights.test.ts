/**
 * Protections by another owner and merges, as Sheets enforces them on a script's writes
 * (emulator/edit-rights.ts).
 */
import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../index';

const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function setup(opts: { ownerEmail?: string } = {}) {
  const wb = createWorkbook(opts);
  const ss = wb.spreadsheet;
  const sheet = ss.getSheetByName('Sheet1')!;
  return { wb, ss, sheet };
}

describe("a colleague's protection", () => {
  it("refuses a write to its cells with Sheets' message and keeps what was there; cells beside it are written", () => {
    const { wb, sheet } = setup();
    sheet.getRange('C3').setValue('before');
    wb.protectAsOther('Sheet1', 'C2:D4', { by: 'boss@example.com', description: 'Targets' });
    expect(() => sheet.getRange('B3:C3').setValues([['x', 'y']])).toThrow(PROTECTED);
    expect(() => sheet.getRange('D4').setNumberFormat('0%')).toThrow(PROTECTED);
    expect(() => sheet.getRange('A1:Z1').getCell(1, 1).setNote('n')).not.toThrow();
    expect(() => sheet.getRangeList(['A1', 'D2']).setBackground('#ff0000')).toThrow(PROTECTED);
    expect(() => sheet.getRange('A1').copyTo(sheet.getRange('C2'))).toThrow(PROTECTED);
    expect(wb.value('Sheet1', 'C3')).toBe('before');
    expect(wb.value('Sheet1', 'B3')).toBe('');
    expect(sheet.getRange('E3').setValue(1).getValue()).toBe(1);
  });

  it('answers canEdit for the user: a range that reaches it cannot be edited, its protection neither', () => {
    const { wb, sheet } = setup();
    wb.protectAsOther('Sheet1', 'C2:D4', { by: 'boss@example.com', description: 'Targets' });
    expect(sheet.getRange('A1:C2').canEdit()).toBe(false);
    expect(sheet.getRange('A1:B9').canEdit()).toBe(true);
    const [p] = sheet.getProtections(wb.app.ProtectionType.RANGE);
    expect(p?.canEdit()).toBe(false);
    expect(p?.getDescription()).toBe('Targets');
    expect(() => p?.remove()).toThrow(PROTECTED);
    // one made by the script mirrors the spreadsheet's editors: the user may edit it
    expect(sheet.getRange('F1').protect().canEdit()).toBe(true);
  });

  it('binds no one who owns the spreadsheet, and nobody when it only warns', () => {
    const owner = setup({ ownerEmail: 'user@example.com' });
    owner.wb.protectAsOther('Sheet1', 'A1', { by: 'boss@example.com' });
    expect(owner.sheet.getRange('A1').setValue(1).getValue()).toBe(1);
    const warned = setup();
    warned.wb.protectAsOther('Sheet1', 'A1', { by: 'boss@example.com', warningOnly: true });
    expect(warned.sheet.getRange('A1').canEdit()).toBe(true);
    expect(warned.sheet.getRange('A1').setValue(2).getValue()).toBe(2);
  });

  it('a protected sheet refuses every change but in its unprotected ranges, and any change of the sheet itself', () => {
    const { wb, sheet } = setup();
    wb.protectAsOther('Sheet1', null, { by: 'boss@example.com', unprotected: ['B2:C3'] });
    expect(sheet.getRange('B2:C3').setValue('ok').getValue()).toBe('ok');
    expect(sheet.getRange('B2:C3').canEdit()).toBe(true);
    expect(sheet.getRange('B2:C4').canEdit()).toBe(false);
    expect(() => sheet.getRange('D1').setValue('no')).toThrow(PROTECTED);
    expect(() => sheet.setName('Other')).toThrow(PROTECTED);
    expect(() => sheet.insertColumnAfter(5)).toThrow(PROTECTED);
    expect(() => sheet.setFrozenRows(1)).toThrow(PROTECTED);
    expect(() => sheet.setColumnWidth(2, 50)).toThrow(PROTECTED);
    expect(() => sheet.clearContents()).toThrow(PROTECTED);
    expect(wb.value('Sheet1', 'B2')).toBe('ok');
    expect(wb.sheetNames()).toEqual(['Sheet1']);
  });

  it('refuses inserts, deletes and moves that cut into, take or move its cells; one that only shifts it is done and it follows', () => {
    const { wb, sheet, ss } = setup();
    wb.protectAsOther('Sheet1', 'C2:D4', { by: 'boss@example.com' });
    expect(() => sheet.insertColumnAfter(3)).toThrow(PROTECTED); // between C and D
    expect(() => sheet.deleteColumn(4)).toThrow(PROTECTED);
    expect(() => sheet.moveColumns(sheet.getRange('C1'), 8)).toThrow(PROTECTED);
    expect(() => sheet.moveColumns(sheet.getRange('F1'), 4)).toThrow(PROTECTED); // into its middle
    expect(() => sheet.deleteRows(3, 5)).toThrow(PROTECTED);
    expect(() => sheet.setColumnWidth(3, 50)).toThrow(PROTECTED);
    expect(sheet.getMaxColumns()).toBe(26);
    sheet.insertColumnBefore(1);
    sheet.insertColumnAfter(6); // right of it
    sheet.deleteRows(10, 2);
    const [p] = sheet.getProtections(wb.app.ProtectionType.RANGE);
    expect(p?.getRange().getA1Notation()).toBe('D2:E4');
    expect(ss.getSheets()).toHaveLength(1);
  });

  it('costs a read to ask: Range.canEdit and getProtections are round trips', () => {
    const { wb, sheet } = setup();
    wb.calls.reset();
    sheet.getRange('A1:B2').canEdit();
    sheet.getProtections(wb.app.ProtectionType.SHEET);
    expect(wb.calls.roundTrips).toBe(2);
  });
});

describe('merges', () => {
  it('refuse an insert, delete or move of columns or rows that cuts them, as merging part of one does', () => {
    const { wb, sheet } = setup();
    const CUT = 'You must select all cells in a merged range to merge or unmerge them.';
    sheet.getRange('C10').setValue('kept');
    wb.merge('Sheet1', 'C10:D10');
    expect(() => sheet.moveColumns(sheet.getRange('D1'), 6)).toThrow(CUT);
    expect(() => sheet.moveColumns(sheet.getRange('E1'), 4)).toThrow(CUT); // between C and D
    expect(() => sheet.insertColumnAfter(3)).toThrow(CUT);
    expect(() => sheet.deleteColumn(3)).toThrow(CUT);
    expect(
      sheet
        .getRange('A10:F10')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['C10:D10']);
    // the merge moved whole, or rows that do not cut it
    sheet.moveColumns(sheet.getRange('C1:D1'), 6);
    sheet.insertRowBefore(10);
    sheet.deleteColumn(1);
    expect(
      sheet
        .getRange('A1:Y20')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['C11:D11']);
    expect(wb.value('Sheet1', 'C11')).toBe('kept');
  });
});
