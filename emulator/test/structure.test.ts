import { describe, expect, it } from 'vitest';
import { createWorkbook, loadAddon } from '../index';
import { BUNDLE } from './bundle';

function setup() {
  const wb = createWorkbook();
  const ss = wb.spreadsheet;
  const sheet = ss.getSheetByName('Sheet1')!;
  return { wb, ss, sheet };
}

describe('structural edits', () => {
  it("deleting a sheet turns the other sheets' references to it into #REF!, as Sheets shows them; text in quotes stays", () => {
    const { wb, ss, sheet } = setup();
    const map = ss.insertSheet("Map's view");
    map.getRange('B1:C1').setValues([[2, 3]]);
    sheet.getRange('A1').setFormula(`=SUM('Map''s view'!B1:C1,1)&" 'Map''s view'!B1"`);
    sheet.getRange('A2').setFormula(`='Map''s view'!B1*10`);
    expect(wb.value('Sheet1', 'A2')).toBe(20);
    ss.deleteSheet(map);
    expect(wb.formula('Sheet1', 'A1')).toBe(`=SUM(#REF!,1)&" 'Map''s view'!B1"`);
    expect(wb.formula('Sheet1', 'A2')).toBe('=#REF!*10');
    expect(wb.value('Sheet1', 'A2')).toBe('#REF!');
    // and the sheet's own column edits go on
    sheet.deleteColumns(1, 1);
    expect(wb.formula('Sheet1', 'A1')).toBe('');
  });

  it('inserting columns shifts formulas (also on other sheets), named ranges and cell attributes', () => {
    const { wb, ss, sheet } = setup();
    const other = ss.insertSheet('Other');
    sheet.getRange('A1:B1').setValues([[1, 2]]);
    sheet.getRange('C1').setFormula('=A1+B1');
    other.getRange('A1').setFormula('=Sheet1!B1*10');
    ss.setNamedRange('Pair', sheet.getRange('A1:B1'));
    other.getRange('A2').setFormula('=SUM(Pair)');
    sheet.getRange('B1').setBackground('#ff0000').setNote('b');
    sheet.insertColumnsBefore(2, 2); // two new columns B and C; old B -> D

    expect(sheet.getRange('A1:E1').getValues()).toEqual([[1, '', '', 2, 3]]);
    expect(sheet.getRange('E1').getFormula()).toBe('=A1+D1');
    expect(wb.formula('Other', 'A1')).toBe('=Sheet1!D1*10');
    expect(wb.value('Other', 'A1')).toBe(20);
    // A range containing the insert point grows, like in Sheets.
    expect(ss.getRangeByName('Pair')?.getA1Notation()).toBe('A1:D1');
    expect(sheet.getRange('D1').getBackground()).toBe('#ff0000');
    expect(sheet.getRange('D1').getNote()).toBe('b');
    // the new columns look like their neighbour after them (an insert "before"), without its note
    expect(sheet.getRange('B1:C1').getBackgrounds()).toEqual([['#ff0000', '#ff0000']]);
    expect(sheet.getRange('B1:C1').getNotes()).toEqual([['', '']]);
    expect(sheet.getMaxColumns()).toBe(28);
  });

  it("new rows take a neighbour's formats and validation: the row before for an insert after, the row after for an insert before", () => {
    const { wb, ss, sheet } = setup();
    const rule = wb.app.newDataValidation().requireValueInList(['a', 'b']).build();
    sheet.getRange('A2:B2').setFontColor('#ffffff').setFontWeight('bold').setNote('n');
    sheet.getRange('A3').setDataValidation(rule).setNumberFormat('0%');
    sheet.insertRowsAfter(2, 2); // new rows 3–4 look like row 2; old row 3 is now row 5
    expect(['A3', 'B3', 'A4', 'B4'].map((a) => sheet.getRange(a).getFontColor())).toEqual(
      Array(4).fill('#ffffff'),
    );
    expect(sheet.getRange('A4').getFontWeight()).toBe('bold');
    expect(sheet.getRange('A3:A4').getNotes()).toEqual([[''], ['']]);
    expect(sheet.getRange('A4').getDataValidation()).toBeNull();
    sheet.insertRowsBefore(5, 1); // the new row 5 looks like the old row 5 (now 6)
    expect(sheet.getRange('A5').getDataValidation()?.getCriteriaValues()).toEqual([
      ['a', 'b'],
      true,
    ]);
    expect(sheet.getRange('A5').getNumberFormat()).toBe('0%');
    expect(sheet.getRange('A5').getFontColor()).not.toBe('#ffffff');
    // inserting before row 1: nothing is before it, so the old row 1 lends its formats
    sheet.getRange('A1').setBackground('#00ff00');
    sheet.insertRowBefore(1);
    expect(sheet.getRange('A1:A2').getBackgrounds()).toEqual([['#00ff00'], ['#00ff00']]);
    expect(ss.getSheets()).toHaveLength(1);
  });

  it('new columns after a column take its width', () => {
    const { sheet } = setup();
    sheet.setColumnWidth(3, 40);
    sheet.insertColumnsAfter(3, 2);
    expect([3, 4, 5, 6].map((c) => sheet.getColumnWidth(c))).toEqual([40, 40, 40, 100]);
  });

  it('refuses a named range whose name is taken (set or renamed onto it), whatever its case; removed first, it is set', () => {
    const { ss, sheet } = setup();
    ss.setNamedRange('Total', sheet.getRange('A1'));
    expect(() => ss.setNamedRange('TOTAL', sheet.getRange('B2'))).toThrow(/already exists/);
    expect(ss.getRangeByName('Total')?.getA1Notation()).toBe('A1');
    ss.setNamedRange('Other', sheet.getRange('C3'));
    const other = ss.getNamedRanges().find((n) => n.getName() === 'Other');
    expect(() => other?.setName('total')).toThrow(/already exists/);
    other?.setName('OTHER');
    ss.removeNamedRange('Total');
    ss.setNamedRange('Total', sheet.getRange('B2'));
    expect(ss.getRangeByName('Total')?.getA1Notation()).toBe('B2');
  });

  it('refuses insertSheet with an undefined argument or an index past the last sheet', () => {
    const { ss } = setup();
    expect(() => ss.insertSheet('Map', undefined as unknown as number)).toThrow(
      "The parameters (string,null) don't match the method signature for SpreadsheetApp.Spreadsheet.insertSheet.",
    );
    expect(() => ss.insertSheet('Map', 2)).toThrow(/sheetIndex/);
    expect(ss.getSheets()).toHaveLength(1);
    expect(ss.insertSheet('Map', 1).getIndex()).toBe(2);
    expect(ss.insertSheet('First', 0).getIndex()).toBe(1);
  });

  it('deleting columns shifts what follows and turns lost references into #REF!', () => {
    const { wb, sheet } = setup();
    sheet.getRange('A1:D1').setValues([[1, 2, 3, '=A1+C1']]);
    sheet.getRange('E1').setFormula('=B1');
    sheet.getRange('C1').setNumberFormat('0%');
    sheet.deleteColumns(2, 1);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([[1, 3, 4, '#REF!']]);
    expect(sheet.getRange('C1').getFormula()).toBe('=A1+B1');
    expect(sheet.getRange('B1').getNumberFormat()).toBe('0%');
    expect(sheet.getMaxColumns()).toBe(25);
    expect(() => sheet.deleteColumns(25, 2)).toThrow('Those columns are out of bounds.');
    expect(wb.error('Sheet1', 'D1')).toBeTruthy();
  });

  it('moveColumns moves data, formats and references (destination counted before the move)', () => {
    const { ss, sheet } = setup();
    sheet.getRange('A1:D1').setValues([['a', 'b', 'c', 'd']]);
    sheet.getRange('A2').setFormula('=B1');
    sheet.getRange('B1').setFontWeight('bold');
    ss.setNamedRange('Bee', sheet.getRange('B1'));
    sheet.moveColumns(sheet.getRange('B1'), 4); // b goes after c
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['a', 'c', 'b', 'd']]);
    expect(sheet.getRange('A2').getFormula()).toBe('=C1');
    expect(sheet.getRange('A2').getValue()).toBe('b');
    expect(sheet.getRange('C1').getFontWeight()).toBe('bold');
    expect(ss.getRangeByName('Bee')?.getA1Notation()).toBe('C1');
    sheet.moveColumns(sheet.getRange('C1:D1'), 1);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['b', 'd', 'a', 'c']]);
  });

  it('row inserts/deletes shift formulas, validations, merges, protections and rule ranges', () => {
    const { wb, sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1').setFormula('=SUM(A1:A3)');
    const rule = wb.app.newDataValidation().requireNumberBetween(0, 10).build();
    sheet.getRange('A3').setDataValidation(rule);
    sheet.getRange('C3:D3').merge();
    const p = sheet.getRange('A3:B3').protect().setDescription('locked').setWarningOnly(true);
    const cf = wb.app
      .newConditionalFormatRule()
      .whenNumberLessThan(0)
      .setBackground('#ff0000')
      .setRanges([sheet.getRange('A2:A3')])
      .build();
    sheet.setConditionalFormatRules([cf]);

    sheet.insertRowsBefore(1, 2);
    expect(sheet.getRange('B3').getFormula()).toBe('=SUM(A3:A5)');
    expect(sheet.getRange('B3').getValue()).toBe(6);
    expect(sheet.getRange('A5').getDataValidation()?.getCriteriaValues()).toEqual([0, 10]);
    expect(
      sheet
        .getRange('A1:D9')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['C5:D5']);
    expect(p.getRange().getA1Notation()).toBe('A5:B5');
    expect(
      sheet
        .getConditionalFormatRules()[0]
        ?.getRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A4:A5']);

    sheet.deleteRows(5, 1);
    expect(sheet.getRange('B3').getFormula()).toBe('=SUM(A3:A4)');
    expect(sheet.getRange('B3').getValue()).toBe(3);
    const prot = sheet.getProtections(wb.app.ProtectionType.RANGE);
    expect(prot).toHaveLength(0);
    expect(sheet.getRange('A1:D9').getMergedRanges()).toEqual([]);
  });

  it('renaming a sheet rewrites formulas and named ranges that point at it', () => {
    const { wb, ss, sheet } = setup();
    const data = ss.insertSheet('Data');
    data.getRange('A1').setValue(5);
    sheet.getRange('A1').setFormula('=Data!A1*2');
    ss.setNamedRange('Five', data.getRange('A1'));
    data.setName('My data');
    expect(sheet.getRange('A1').getFormula()).toBe("='My data'!A1*2");
    expect(sheet.getRange('A1').getValue()).toBe(10);
    expect(ss.getRangeByName('Five')?.getSheet().getName()).toBe('My data');
    expect(wb.sheetNames()).toEqual(['Sheet1', 'My data']);
  });

  it("quotes, as Sheets writes it, a sheet's name that starts with a digit or reads as a cell, so the formula read back parses; text in quotes stays", () => {
    const { ss, sheet } = setup();
    const data = ss.insertSheet('Data');
    data.getRange('A1').setValue(5);
    sheet.getRange('A1').setFormula('=Data!A1*2&" Data!A1"');
    data.setName('0012');
    expect(sheet.getRange('A1').getFormula()).toBe(`='0012'!A1*2&" Data!A1"`);
    data.setName('Q1');
    expect(sheet.getRange('A1').getFormula()).toBe(`='Q1'!A1*2&" Data!A1"`);
    // written back as read, it computes the same
    sheet.getRange('A2').setFormula(sheet.getRange('A1').getFormula());
    expect(sheet.getRange('A2').getValue()).toBe('10 Data!A1');
    data.setName('Data2');
    expect(sheet.getRange('A1').getFormula()).toBe(`=Data2!A1*2&" Data!A1"`);
  });

  it("a formula on a sheet named with digits first still computes after a column move, and in the sheet's copy", () => {
    const { wb, ss } = setup();
    const data = ss.insertSheet('0012');
    data.getRange('B1:C1').setValues([[2, 3]]);
    data.getRange('A2').setFormula("='0012'!B1+'0012'!C1*10");
    data.moveColumns(data.getRange('B:B'), 4);
    expect(data.getRange('A2').getFormula()).toBe("='0012'!C1+'0012'!B1*10");
    expect(data.getRange('A2').getValue()).toBe(32);
    const copy = data.copyTo(ss).getName();
    expect(wb.value(copy, 'A2')).toBe(32);
  });

  it('custom function spills are recomputed after structural edits', () => {
    const wb = createWorkbook();
    loadAddon(wb, BUNDLE);
    const sheet = wb.spreadsheet.getSheetByName('Sheet1')!;
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('C1').setFormula('=DOUBLE(A1:A3)');
    sheet.insertRowsAfter(1, 1); // inside the input and the spill
    expect(sheet.getRange('C1').getFormula()).toBe('=DOUBLE(A1:A4)');
    expect(sheet.getRange('C1:C5').getValues()).toEqual([[2], [''], [4], [6], ['']]);
    sheet.insertColumnsBefore(1, 1);
    expect(sheet.getRange('D1:D4').getValues()).toEqual([[2], [''], [4], [6]]);
    expect(sheet.getRange('C1:C4').getValues()).toEqual([[''], [''], [''], ['']]);
    sheet.deleteRows(2, 1);
    expect(sheet.getRange('D1').getFormula()).toBe('=DOUBLE(B1:B3)');
    expect(sheet.getRange('D1:D4').getValues()).toEqual([[2], [4], [6], ['']]);
    sheet.deleteRows(1, 1); // the anchor itself goes: so does its spill
    expect(sheet.getRange('D1:D4').getValues()).toEqual([[''], [''], [''], ['']]);
  });
});

describe('the selection (Google is silent on where it goes when its columns move)', () => {
  const active = (ss: ReturnType<typeof setup>['ss']) =>
    `${ss.getActiveSheet().getName()}!${ss.getActiveRange()?.getA1Notation()}`;

  it('stays at the same indexes whatever moves under it, the least convenient reading', () => {
    const { ss, sheet } = setup();
    sheet.getRange('A1:D1').setValues([['a', 'b', 'c', 'd']]);
    sheet.getRange('B5').activate();
    sheet.moveColumns(sheet.getRange('B1'), 4); // b goes right of c: c slides under the selection
    expect(active(ss)).toBe('Sheet1!B5');
    expect(sheet.getRange(1, ss.getActiveCell().getColumn()).getValue()).toBe('c');
    sheet.insertColumnAfter(1);
    expect(active(ss)).toBe('Sheet1!B5');
    sheet.deleteColumn(2);
    sheet.deleteRow(1);
    expect(active(ss)).toBe('Sheet1!B5');
  });

  it('is pulled back inside the sheet when the columns or rows under it are deleted at the edge', () => {
    const { ss, sheet } = setup();
    sheet.getRange('Z3').activate();
    sheet.deleteColumns(25, 2);
    expect(active(ss)).toBe('Sheet1!X3');
    sheet.getRange('B1000').activate();
    sheet.deleteRows(999, 2);
    expect(active(ss)).toBe('Sheet1!B998');
    expect(ss.getActiveCell().getA1Notation()).toBe('B998');
  });

  it('Sheet.setActiveSelection selects on its sheet and shows that sheet; a range of another sheet throws', () => {
    const { ss, sheet } = setup();
    const other = ss.insertSheet('Other');
    expect(active(ss)).toBe('Other!A1');
    expect(sheet.setActiveSelection('C4').getA1Notation()).toBe('C4');
    expect(active(ss)).toBe('Sheet1!C4');
    sheet.setActiveSelection(sheet.getRange('B2:C3'));
    expect(active(ss)).toBe('Sheet1!B2:C3');
    expect(ss.getActiveCell().getA1Notation()).toBe('B2');
    expect(() => sheet.setActiveSelection(other.getRange('A1'))).toThrow(/this sheet/);
    expect(() => sheet.setActiveSelection('A1001')).toThrow(/outside the dimensions/);
  });
});
