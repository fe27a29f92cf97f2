// The platform rules the emulator enforces so that the add-on cannot lean on a kind reading
// (issues 8 and 9): script writes parsed as if typed whatever the cell's format, the user's
// typing apart from a script's, named ranges gone with their sheet, copies of sheets, and
// the user actions of the hostile-use tests (clear formatting, paste, paste values, sort,
// insert/delete rows and columns, rename/delete/duplicate a sheet).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorkbook, Workbook } from '../index';

const AUTOMATIC = '0.###############';
const utc = (y: number, m: number, d: number, h = 0, min = 0): Date =>
  new Date(Date.UTC(y, m - 1, d, h, min));

function setup(opts: Parameters<typeof createWorkbook>[0] = {}) {
  const wb = createWorkbook(opts);
  const ss = wb.spreadsheet;
  const sheet = ss.getSheetByName('Sheet1')!;
  return { wb, ss, sheet };
}

describe('rule 1: script writes are parsed as if typed, whatever the format', () => {
  it('setValue(s) of "=…" in a plain-text ("@") cell is a formula; "+1" a number; "TRUE" a boolean', () => {
    const { wb, sheet } = setup();
    const r = sheet.getRange('A1:E1').setNumberFormat('@');
    r.setValues([['=1+1', '+1', 'TRUE', '=IMPORTXML("http://x","//a")', 'plain']]);
    expect(sheet.getRange('A1').getFormula()).toBe('=1+1');
    expect(sheet.getRange('A1').getValue()).toBe(2);
    expect(sheet.getRange('B1:C1').getValues()).toEqual([[1, true]]);
    expect(wb.formula('Sheet1', 'D1')).toBe('=IMPORTXML("http://x","//a")');
    expect(sheet.getRange('E1').getValue()).toBe('plain');
    sheet.getRange('A2').setNumberFormat('@').setValue('=HYPERLINK("http://x","y")');
    expect(sheet.getRange('A2').getFormula()).toBe('=HYPERLINK("http://x","y")');
  });

  it('reads "1,5" as a number in ru_RU, also in an "@" cell', () => {
    const { sheet } = setup({ locale: 'ru_RU' });
    sheet
      .getRange('A1:B1')
      .setNumberFormat('@')
      .setValues([['1,5', '-2 000,25']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[1.5, -2000.25]]);
  });

  it('parses dates and times typed in the locale into date serials with a date format', () => {
    const en = setup({ locale: 'en_US' });
    en.sheet.getRange('A1:E1').setNumberFormat('@');
    en.sheet
      .getRange('A1:E1')
      .setValues([['2026-01-05', '5/1/2026', '12:30', 'Jan 5, 2026', '2026-01-05 08:15']]);
    expect(en.sheet.getRange('A1:E1').getValues()).toEqual([
      [
        utc(2026, 1, 5),
        utc(2026, 5, 1),
        utc(1899, 12, 30, 12, 30),
        utc(2026, 1, 5),
        utc(2026, 1, 5, 8, 15),
      ],
    ]);
    expect(en.sheet.getRange('A1').getNumberFormat()).toBe('yyyy-mm-dd');
    expect(en.sheet.getRange('B1').getDisplayValue()).toBe('5/1/2026');
    expect(en.sheet.getRange('C1').getDisplayValue()).toBe('12:30');

    const ru = setup({ locale: 'ru_RU' });
    ru.sheet.getRange('A1:C1').setValues([['05.01.2026', '2026-01-05', '31.02.2026']]);
    expect(ru.sheet.getRange('A1:C1').getValues()).toEqual([
      [utc(2026, 1, 5), utc(2026, 1, 5), '31.02.2026'],
    ]);
    expect(ru.sheet.getRange('A1').getDisplayValue()).toBe('05.01.2026');
    // Currency is parsed too.
    en.sheet.getRange('F1').setValue('$1,234.50');
    expect(en.sheet.getRange('F1').getValue()).toBe(1234.5);
  });

  it('a leading apostrophe always forces text: getValue/getDisplayValue without it, getFormula ""', () => {
    for (const plainTextProtects of [false, true]) {
      const { sheet } = setup({ plainTextProtects });
      sheet.getRange('B1').setNumberFormat('@');
      sheet.getRange('A1:B1').setValues([["'=1+1", "'=IMPORTXML(A1)"]]);
      sheet.getRange('C1').setValue("'+1");
      for (const a1 of ['A1', 'B1']) {
        const cell = sheet.getRange(a1);
        expect(cell.getFormula()).toBe('');
        expect(String(cell.getValue()).startsWith('=')).toBe(true);
        expect(cell.getDisplayValue()).toBe(cell.getValue());
      }
      expect(sheet.getRange('A1').getValue()).toBe('=1+1');
      expect(sheet.getRange('C1').getValue()).toBe('+1');
    }
  });

  it('plainTextProtects: true is the other reading of "@": a script string stays text there', () => {
    const { sheet } = setup({ plainTextProtects: true });
    sheet
      .getRange('A1:C1')
      .setNumberFormat('@')
      .setValues([['=1+1', '+1', '2026-01-05']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['=1+1', '+1', '2026-01-05']]);
    expect(sheet.getRange('A1').getFormula()).toBe('');
    // Elsewhere it parses like the default reading.
    sheet.getRange('A2').setValue('=1+1');
    expect(sheet.getRange('A2').getFormula()).toBe('=1+1');
    const json = Workbook.fromJSON(
      JSON.parse(JSON.stringify(setup({ plainTextProtects: true }).wb.toJSON())),
    );
    expect(json.model.plainTextProtects).toBe(true);
  });

  it('setRichTextValue(s) does not protect: a formula string stays a formula, even in "@" cells', () => {
    for (const plainTextProtects of [false, true]) {
      const { wb, sheet } = setup({ plainTextProtects });
      const rich = (t: string) => wb.app.newRichTextValue().setText(t).build();
      sheet.getRange('A1').setNumberFormat('@').setRichTextValue(rich('=1+1'));
      sheet.getRange('B1:C1').setRichTextValues([[rich('=2+2'), rich('+1')]]);
      expect(sheet.getRange('A1').getFormula()).toBe('=1+1');
      expect(sheet.getRange('B1:C1').getValues()).toEqual([[4, 1]]);
    }
  });
});

describe('rule 2: a user typing in the grid is not a script', () => {
  it('setCell keeps what is typed in an "@" cell as text, and parses it elsewhere', () => {
    const { wb, sheet } = setup();
    sheet.getRange('A1:D1').setNumberFormat('@');
    wb.setCell('Sheet1', 'A1', '=1+1');
    wb.setCell('Sheet1', 'B1', '+1');
    wb.setCell('Sheet1', 'C1', '0042');
    wb.setCell('Sheet1', 'D1', '2026-01-05');
    expect(wb.values('Sheet1', 'A1:D1')).toEqual([['=1+1', '+1', '0042', '2026-01-05']]);
    expect(wb.formula('Sheet1', 'A1')).toBe('');
    wb.setCell('Sheet1', 'A2', '=1+1');
    wb.setCell('Sheet1', 'B2', "'=1+1");
    wb.setCell('Sheet1', 'C2', '2026-01-05');
    expect(wb.formula('Sheet1', 'A2')).toBe('=1+1');
    expect(wb.values('Sheet1', 'A2:C2')).toEqual([[2, '=1+1', utc(2026, 1, 5)]]);
    // The same strings from a script in the "@" cells are parsed (rule 1).
    sheet.getRange('A1:B1').setValues([['=1+1', '+1']]);
    expect(wb.values('Sheet1', 'A1:B1')).toEqual([[2, 1]]);
  });

  it('the workbench grid types through Workbook.setCell', () => {
    const worker = readFileSync(new URL('../../dev/workbench/worker.ts', import.meta.url), 'utf8');
    expect(worker).toMatch(
      /case 'edit':\s*\n\s*workbook\.setCell\(action\.sheet, action\.a1, action\.input\);/,
    );
  });
});

describe('rule 3: named ranges and copies of sheets', () => {
  it('named ranges whose sheet is deleted are no longer listed and getRangeByName returns null', () => {
    const { wb, ss, sheet } = setup();
    const map = ss.insertSheet('Map');
    ss.setNamedRange('CJM_map_1', map.getRange('A1:C3'));
    ss.setNamedRange('Keep', sheet.getRange('A1'));
    sheet.getRange('B1').setFormula('=ROWS(CJM_map_1)');
    expect(wb.value('Sheet1', 'B1')).toBe(3);
    ss.deleteSheet(map);
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['Keep']);
    expect(sheet.getNamedRanges().map((n) => n.getName())).toEqual(['Keep']);
    expect(ss.getRangeByName('CJM_map_1')).toBeNull();
    expect(wb.error('Sheet1', 'B1')).toBeTruthy();
    // A new sheet of the same name does not bring the name back.
    const again = ss.insertSheet('Map');
    expect(ss.getRangeByName('CJM_map_1')).toBeNull();
    expect(again.getNamedRanges()).toEqual([]);
    // The user's Delete does the same.
    ss.setNamedRange('Other', again.getRange('B2'));
    wb.deleteSheet('Map');
    expect(ss.getRangeByName('Other')).toBeNull();
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['Keep']);
  });

  it('Sheet.copyTo(ss) makes "Copy of X" with contents and formats, without the named ranges', () => {
    const { ss } = setup();
    const map = ss.insertSheet('Map');
    map.getRange('A1:B2').setValues([
      ['Stage', '=A1&"!"'],
      [1, 2],
    ]);
    map.getRange('A1').setNote('n').setBackground('#ff0000');
    map.getRange('C1').setNumberFormat('@');
    ss.setNamedRange('CJM_map', map.getRange('A1:B2'));
    const copy = map.copyTo(ss);
    expect(copy.getName()).toBe('Copy of Map');
    expect(copy.getIndex()).toBe(3);
    expect(ss.getActiveSheet().getName()).toBe('Map');
    expect(copy.getRange('A1:B2').getValues()).toEqual([
      ['Stage', 'Stage!'],
      [1, 2],
    ]);
    expect(copy.getRange('B1').getFormula()).toBe('=A1&"!"');
    expect(copy.getRange('A1').getNote()).toBe('n');
    expect(copy.getRange('A1').getBackground()).toBe('#ff0000');
    expect(copy.getRange('C1').getNumberFormat()).toBe('@');
    expect(copy.getSheetId()).not.toBe(map.getSheetId());
    expect(copy.getNamedRanges()).toEqual([]);
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['CJM_map']);
    expect(ss.getRangeByName('CJM_map')?.getSheet().getName()).toBe('Map');
    expect(map.copyTo(ss).getName()).toBe('Copy of Map 2');

    // duplicateActiveSheet: right after the active sheet, activated.
    ss.setActiveSheet(map);
    const dup = ss.duplicateActiveSheet();
    expect(dup.getName()).toBe('Copy of Map 3');
    expect(dup.getIndex()).toBe(map.getIndex() + 1);
    expect(ss.getActiveSheet().getName()).toBe('Copy of Map 3');
    expect(dup.getNamedRanges()).toEqual([]);

    // Into another spreadsheet.
    const other = createWorkbook();
    const there = map.copyTo(other.spreadsheet);
    expect(other.sheetNames()).toEqual(['Sheet1', 'Copy of Map']);
    expect(there.getRange('B1').getValue()).toBe('Stage!');
    expect(other.spreadsheet.getNamedRanges()).toEqual([]);
  });

  it('Workbook.copySheet duplicates like the tab menu', () => {
    const { wb, ss } = setup();
    ss.insertSheet('Map').getRange('A1').setValue('x');
    ss.insertSheet('Last');
    ss.setNamedRange('CJM_map', ss.getSheetByName('Map')!.getRange('A1'));
    expect(wb.copySheet('Map')).toBe('Copy of Map');
    expect(wb.sheetNames()).toEqual(['Sheet1', 'Map', 'Copy of Map', 'Last']);
    expect(wb.value('Copy of Map', 'A1')).toBe('x');
    expect(ss.getActiveSheet().getName()).toBe('Copy of Map');
    expect(ss.getNamedRanges().map((n) => n.getRange().getSheet().getName())).toEqual(['Map']);
  });
});

describe('rule 4: user actions', () => {
  it("clear formatting (Workbook.clearFormat): formats back to automatic, values and notes kept; a script's Range.clearFormat keeps number formats", () => {
    const { wb, sheet } = setup();
    const r = sheet
      .getRange('A1:B1')
      .setNumberFormat('@')
      .setBackground('#00ff00')
      .setFontWeight('bold');
    wb.setCell('Sheet1', 'A1', '=1+1');
    sheet.getRange('A1').setNote('kept');
    sheet
      .getRange('B1')
      .setNumberFormat('yyyy-mm-dd')
      .setValue(utc(2026, 1, 5));
    wb.clearFormat('Sheet1', 'A1:B1');
    expect(r.getNumberFormats()).toEqual([[AUTOMATIC, AUTOMATIC]]);
    expect(r.getBackgrounds()).toEqual([['#ffffff', '#ffffff']]);
    expect(r.getFontWeights()).toEqual([['normal', 'normal']]);
    expect(wb.values('Sheet1', 'A1:B1')).toEqual([['=1+1', 46027]]);
    expect(sheet.getRange('A1').getNote()).toBe('kept');
    // The cell is no longer plain text: the same typing is now a formula.
    wb.setCell('Sheet1', 'A1', '=1+1');
    expect(wb.formula('Sheet1', 'A1')).toBe('=1+1');
    // a script's clearFormat "does not reset any number formatting rules" (Google's reference)
    sheet.getRange('C1').setNumberFormat('0%').setBackground('#00ff00').setValue(0.5);
    sheet.getRange('C1').clearFormat();
    expect(sheet.getRange('C1').getNumberFormat()).toBe('0%');
    expect(sheet.getRange('C1').getBackground()).toBe('#ffffff');
    expect(sheet.getRange('C1').getValue()).toBe(0.5);
  });

  it('paste values only replaces formulas by their current values; text stays text, formats stay', () => {
    const { wb, ss, sheet } = setup();
    sheet.getRange('A1:A2').setValues([[1], [2]]);
    sheet.getRange('A3:B3').setFormulas([['=A1+A2', '="=1+"&A1']]);
    sheet.getRange('A3').setNumberFormat('0.00');
    wb.pasteValues('Sheet1', 'A3:B3');
    expect(wb.formula('Sheet1', 'A3')).toBe('');
    expect(wb.formula('Sheet1', 'B3')).toBe('');
    expect(wb.values('Sheet1', 'A3:B3')).toEqual([[3, '=1+1']]);
    expect(sheet.getRange('A3').getNumberFormat()).toBe('0.00');
    sheet.getRange('A1').setValue(10);
    expect(wb.value('Sheet1', 'A3')).toBe(3);

    // Apps Script: copyTo(dest, PASTE_VALUES) pastes values; {contentsOnly: true} keeps formulas.
    sheet.getRange('C1').setFormula('=A1*2');
    const other = ss.insertSheet('Other');
    sheet.getRange('C1').copyTo(other.getRange('A1'), wb.app.CopyPasteType.PASTE_VALUES, false);
    expect(other.getRange('A1').getFormula()).toBe('');
    expect(other.getRange('A1').getValue()).toBe(20);
    sheet.getRange('C1').setNumberFormat('0.0');
    sheet.getRange('C1').copyTo(sheet.getRange('D2'), { contentsOnly: true });
    expect(sheet.getRange('D2').getFormula()).toBe('=B2*2');
    expect(sheet.getRange('D2').getNumberFormat()).toBe(AUTOMATIC);
    sheet.getRange('C1').copyTo(sheet.getRange('E1'));
    expect(sheet.getRange('E1').getFormula()).toBe('=C1*2');
    expect(sheet.getRange('E1').getNumberFormat()).toBe('0.0');
  });

  it('a normal paste brings the source format (Automatic over "@"), values and notes', () => {
    const { wb, sheet } = setup();
    sheet.getRange('B1:B2').setNumberFormat('@');
    sheet.getRange('A1').setValue('from');
    sheet.getRange('A1').setNote('note');
    wb.paste('Sheet1', 'A1', 'B1:B2');
    expect(wb.values('Sheet1', 'B1:B2')).toEqual([['from'], ['from']]);
    expect(sheet.getRange('B1:B2').getNumberFormats()).toEqual([[AUTOMATIC], [AUTOMATIC]]);
    expect(sheet.getRange('B2').getNote()).toBe('note');
    wb.setCell('Sheet1', 'B1', '=1+1');
    expect(wb.formula('Sheet1', 'B1')).toBe('=1+1');
  });

  it('sort (Range.sort, Sheet.sort and Workbook.sortRange): rows move with all their cells, blanks last', () => {
    const { wb, sheet } = setup();
    sheet.getRange('A1:C1').setValues([['Name', 'N', 'x10']]);
    sheet.getRange('A2:B5').setValues([
      ['b', 2],
      ['a', 1],
      ['', 9],
      ['C', 3],
    ]);
    sheet.getRange('C2:C5').setFormula('=B2*10');
    sheet.getRange('A2').setNote('note b');
    sheet.getRange('B3').setBackground('#ff0000');
    sheet.getRange('E1').setFormula('=B2');
    sheet.getRange('A2:C5').sort(1);
    expect(wb.values('Sheet1', 'A2:C5')).toEqual([
      ['a', 1, 10],
      ['b', 2, 20],
      ['C', 3, 30],
      ['', 9, 90],
    ]);
    expect(wb.formula('Sheet1', 'C2')).toBe('=B2*10');
    expect(sheet.getRange('A3').getNote()).toBe('note b');
    expect(sheet.getRange('B2').getBackground()).toBe('#ff0000');
    expect(wb.formula('Sheet1', 'E1')).toBe('=B2'); // references from outside do not follow
    sheet.getRange('A2:C5').sort({ column: 1, ascending: false });
    expect(wb.values('Sheet1', 'A2:A5')).toEqual([['C'], ['b'], ['a'], ['']]);
    wb.sortRange('Sheet1', 'A2:C5', 'B', false);
    expect(wb.values('Sheet1', 'B2:B5')).toEqual([[9], [3], [2], [1]]);
    expect(() => sheet.getRange('A2:C5').sort(4)).toThrow();
    sheet.setFrozenRows(1);
    sheet.sort(2);
    expect(wb.values('Sheet1', 'A1:B5')).toEqual([
      ['Name', 'N'],
      ['a', 1],
      ['b', 2],
      ['C', 3],
      ['', 9],
    ]);
  });

  it('insert/delete rows and columns move notes, formats, validations, named ranges and references', () => {
    const { wb, ss, sheet } = setup();
    sheet.getRange('A1:C1').setValues([[1, 2, 3]]);
    sheet.getRange('D1').setFormula('=A1+C1');
    const c1 = sheet.getRange('C1').setNote('n').setBackground('#0000ff').setNumberFormat('@');
    c1.setDataValidation(wb.app.newDataValidation().requireNumberBetween(0, 9).build());
    ss.setNamedRange('N', sheet.getRange('C1:C2'));
    sheet.getRange('A5').setFormula('=SUM(N)');
    const at = (a1: string) => {
      const r = sheet.getRange(a1);
      return [
        r.getValue(),
        r.getNote(),
        r.getBackground(),
        r.getNumberFormat(),
        r.getDataValidation()?.getCriteriaType() ?? null,
      ];
    };
    const moved = [3, 'n', '#0000ff', '@', 'NUMBER_BETWEEN'];
    wb.insertColumns('Sheet1', 'B', 2);
    expect(at('E1')).toEqual(moved);
    expect(wb.formula('Sheet1', 'F1')).toBe('=A1+E1');
    expect(ss.getRangeByName('N')?.getA1Notation()).toBe('E1:E2');
    wb.deleteColumns('Sheet1', 'B', 2);
    expect(at('C1')).toEqual(moved);
    expect(wb.formula('Sheet1', 'D1')).toBe('=A1+C1');
    wb.insertRows('Sheet1', 1, 3);
    expect(at('C4')).toEqual(moved);
    expect(wb.formula('Sheet1', 'D4')).toBe('=A4+C4');
    expect(wb.formula('Sheet1', 'A8')).toBe('=SUM(N)');
    expect(ss.getRangeByName('N')?.getA1Notation()).toBe('C4:C5');
    wb.deleteRows('Sheet1', 1, 3);
    expect(at('C1')).toEqual(moved);
    expect(ss.getRangeByName('N')?.getA1Notation()).toBe('C1:C2');
    expect(wb.value('Sheet1', 'A5')).toBe(3);
    // A new column has the automatic format (nothing inherited).
    wb.insertColumns('Sheet1', 'C');
    expect(sheet.getRange('C1').getNumberFormat()).toBe(AUTOMATIC);
  });

  it('rename and delete a sheet: formulas and named ranges follow the rename; delete leaves #REF!', () => {
    const { wb, ss, sheet } = setup();
    const map = ss.insertSheet('Map');
    map.getRange('A1').setValue(7);
    ss.setNamedRange('M', map.getRange('A1'));
    sheet.getRange('A1').setFormula('=Map!A1*2');
    wb.renameSheet('Map', 'Карта');
    expect(wb.formula('Sheet1', 'A1')).toBe("='Карта'!A1*2");
    expect(wb.value('Sheet1', 'A1')).toBe(14);
    expect(ss.getRangeByName('M')?.getSheet().getName()).toBe('Карта');
    wb.deleteSheet('Карта');
    expect(wb.value('Sheet1', 'A1')).toBe('#REF!');
    expect(ss.getRangeByName('M')).toBeNull();
  });
});

describe("sheet names a script gives: Sheets' 100 characters, on one line", () => {
  it('insertSheet and setName refuse a line break or another control character', () => {
    const { ss, sheet } = setup();
    for (const name of ['a\nb', 'a\rb', 'a\u2028b', 'a\u2029b', 'a\u0007b'])
      expect(() => ss.insertSheet(name)).toThrow(/control character/);
    expect(() => sheet.setName('Map\n')).toThrow(/control character/);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
  });

  it('insertSheet and setName refuse a name past 100 characters; 100 is taken', () => {
    const { ss, sheet } = setup();
    const hundred = 'x'.repeat(100);
    expect(ss.insertSheet(hundred).getName()).toBe(hundred);
    expect(() => ss.insertSheet(`${hundred}y`)).toThrow(/longer than 100 characters/);
    expect(() => sheet.setName(`y${hundred}`)).toThrow(/longer than 100 characters/);
    expect(sheet.getName()).toBe('Sheet1');
  });
});

describe("TextFinder: Sheets' search on Google's side", () => {
  function workbook() {
    const { wb, ss } = setup();
    wb.renameSheet('Sheet1', 'Map');
    ss.insertSheet('Report');
    wb.setCell('Report', 'A1', "='Map'!E10");
    wb.setCell('Report', 'B2', 'see the map');
    wb.setCell('Map', 'A60', '=E25/2');
    wb.setCell('Map', 'E10', 7);
    return { wb, ss };
  }
  const where = (hits: GoogleAppsScript.Spreadsheet.Range[]) =>
    hits.map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`);

  it('matchFormulaText finds the formulas that mention a sheet, and cells that only show the text: a hit is not yet a formula', () => {
    const { ss } = workbook();
    expect(where(ss.createTextFinder('map').matchFormulaText(true).findAll())).toEqual([
      'Report!A1',
      'Report!B2',
    ]);
    // without it, what the cells display: the formula's 7 is no "Map"
    expect(where(ss.createTextFinder('map').findAll())).toEqual(['Report!B2']);
    expect(where(ss.createTextFinder('MAP').matchCase(true).findAll())).toEqual([]);
  });

  it("a sheet's finder searches that sheet only; whole cells and patterns as asked", () => {
    const { ss } = workbook();
    const map = ss.getSheetByName('Map')!;
    expect(where(map.createTextFinder('E25').matchFormulaText(true).findAll())).toEqual([
      'Map!A60',
    ]);
    expect(
      where(
        ss
          .createTextFinder('=E[0-9]+/2')
          .useRegularExpression(true)
          .matchFormulaText(true)
          .matchEntireCell(true)
          .findAll(),
      ),
    ).toEqual(['Map!A60']);
  });

  it('findAll is a read (one round trip); setting the search up is free', () => {
    const { wb, ss } = workbook();
    wb.calls.reset();
    const finder = ss.createTextFinder('Map').matchFormulaText(true).matchCase(true);
    expect(wb.calls.roundTrips).toBe(0);
    finder.findAll();
    expect(wb.calls.roundTripsByName).toEqual({ 'TextFinder.findAll': 1 });
  });
});
