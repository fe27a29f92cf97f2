import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorkbook, findCustomFunctions, loadAddon } from '../index';
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
    // the bundle's functions tagged @customfunction, in its order
    const tagged = ['DOUBLE', 'TABLE', 'ARGTYPES', 'FAIL', 'COLUMN3', 'SNEAKY'];
    expect(findCustomFunctions(BUNDLE)).toEqual(tagged);
    expect(addon.customFunctions()).toEqual(tagged);
    expect(addon.functions()).toContain('onOpen');
    expect(addon.functions()).toContain('helper_');
  });

  it('passes a single cell as a value and a range as a 2-D array, blanks as ""', () => {
    const { wb } = setup();
    wb.setCell('Sheet1', 'A1', 5);
    wb.setCell('Sheet1', 'B1', 'x');
    wb.setCell('Sheet1', 'B2', true);
    wb.setCell('Sheet1', 'D1', '=ARGTYPES(A1, A2:B3)');
    expect(wb.value('Sheet1', 'D1')).toBe(
      'number:5 | array 2x2 [string:"",boolean:true;string:"",string:""]',
    );
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
    sheet.getRange('A1:B3').setValues([
      [1, 2],
      [3, 4],
      [5, ''],
    ]);
    sheet.getRange('D1').setFormula('=DOUBLE(A1:B3)');
    expect(sheet.getRange('D1:E3').getValues()).toEqual([
      [2, 4],
      [6, 8],
      [10, ''],
    ]);
    // Only the anchor holds the formula, like Sheets.
    expect(sheet.getRange('D1:E2').getFormulas()).toEqual([
      ['=DOUBLE(A1:B3)', ''],
      ['', ''],
    ]);
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
    expect(wb.values('Sheet1', 'B2:C4')).toEqual([
      [1, ''],
      [2, ''],
      [3, ''],
    ]);
  });

  it('gives #REF! with the Sheets message when a spill would overwrite data, and recovers', () => {
    const { wb, sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B3').setValue('mine');
    sheet.getRange('B1').setFormula('=DOUBLE(A1:A3)');
    expect(sheet.getRange('B1:B3').getValues()).toEqual([['#REF!'], [''], ['mine']]);
    expect(sheet.getRange('B1').getDisplayValue()).toBe('#REF!');
    expect(wb.error('Sheet1', 'B1')).toBe(
      'Array result was not expanded because it would overwrite data in B3.',
    );
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
    expect(wb.cellError('Sheet1', 'A1')).toBe(
      'FAIL: argument x (-3) is not accepted; pass a positive number.',
    );
  });

  it('gives custom functions what AuthMode.CUSTOM_FUNCTION allows: reading the spreadsheet and the locale, no writes, no user interface', () => {
    const { wb } = setup();
    wb.setCell('Sheet1', 'A1', '=SNEAKY()');
    expect(wb.value('Sheet1', 'A1')).toBe(wb.spreadsheet.getName());
    const probe = createWorkbook({ userLocale: 'ru' });
    loadAddon(
      probe,
      `
/** @customfunction */
function LOCALE() { return Session.getActiveUserLocale(); }
/** @customfunction */
function WRITE() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('C1').setValue(1); return 1; }
/** @customfunction */
function ALERT() { SpreadsheetApp.getUi().alert('hi'); return 1; }
`,
    );
    probe.setCell('Sheet1', 'A1', '=LOCALE()');
    probe.setCell('Sheet1', 'A2', '=WRITE()');
    probe.setCell('Sheet1', 'A3', '=ALERT()');
    expect(probe.value('Sheet1', 'A1')).toBe('ru');
    expect(probe.error('Sheet1', 'A2')).toMatch(
      /^You do not have permission to call Range.setValue/,
    );
    expect(probe.value('Sheet1', 'C1')).toBe('');
    expect(probe.error('Sheet1', 'A3')).toMatch(
      /^You do not have permission to call SpreadsheetApp.getUi/,
    );
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
    expect(wb.values('Sheet1', 'B1:C2')).toEqual([
      [8, 5],
      ['', ''],
    ]);
    expect(wb.spreadsheet.getRangeByName('Four')?.getA1Notation()).toBe('A1');
  });
});

// ---- the add-on's own formulas, through the built bundle (npm run build makes dist/Code.js) ----

const CODE = readFileSync('dist/Code.js', 'utf8');

/**
 * A spreadsheet in `locale`, opened by a user whose account speaks `userLocale` (by default the
 * other language).
 */
function addonSheet(locale = 'en_US', userLocale = locale.startsWith('ru') ? 'en' : 'ru_RU') {
  const wb = createWorkbook({ locale, userLocale });
  const addon = loadAddon(wb, CODE);
  return { wb, addon };
}

describe('CJM formulas from the built bundle', () => {
  it('a KPI row spills with the bad transition saying so, and the others computed', () => {
    const { wb } = addonSheet();
    wb.range('Sheet1', 'C25:H25').setValues([[1000, 400, 500, 'n/a', 50, '']]);
    wb.setCell('Sheet1', 'D26', '=CJM_CONVERSION(C25:G25,D25:H25)');
    const text = '⚠ “n/a” is text, not a number: type a number, without an apostrophe or spaces';
    expect(wb.values('Sheet1', 'D26:H26')).toEqual([
      [0.4, '⚠ more than the previous stage', text, text, ''],
    ]);
    wb.setCell('Sheet1', 'D27', '=CJM_CONVERSION($C$25,D25:H25)');
    expect(wb.values('Sheet1', 'D27:H27')).toEqual([[0.4, 0.5, text, 0.05, '']]);
    // fixing the stage fixes its cells; the others were computed all along
    wb.setCell('Sheet1', 'F25', 100);
    expect(wb.values('Sheet1', 'D26:H26')).toEqual([
      [0.4, '⚠ more than the previous stage', 0.2, 0.5, ''],
    ]);
    expect(wb.values('Sheet1', 'D27:H27')).toEqual([[0.4, 0.5, 0.1, 0.05, '']]);
  });

  it('a single-cell call is #ERROR! with the full message', () => {
    const { wb } = addonSheet();
    wb.setCell('Sheet1', 'A1', '=CJM_CONVERSION(50, 1000)');
    expect(wb.value('Sheet1', 'A1')).toBe('#ERROR!');
    expect(wb.error('Sheet1', 'A1')).toMatch(
      /^CJM_CONVERSION: to_count \(1000\) is larger than from_count \(50\): a later stage cannot have more customers/,
    );
  });

  it('CJM_FUNNEL and CJM_BOTTLENECK: labels of another size are an error, not "Stage 3"', () => {
    const { wb } = addonSheet();
    wb.range('Sheet1', 'A1:C2').setValues([
      ['Visit', 'Cart', ''],
      [1000, 400, 100],
    ]);
    wb.setCell('Sheet1', 'E1', '=CJM_FUNNEL(A2:C2, A1:B1)');
    expect(wb.value('Sheet1', 'E1')).toBe('#ERROR!');
    expect(wb.error('Sheet1', 'E1')).toMatch(
      /^CJM_FUNNEL: labels and counts must be ranges of the same shape, one label per stage; labels is 1×2 and counts is 1×3/,
    );
    wb.setCell('Sheet1', 'E10', '=CJM_BOTTLENECK(A2:C2, A1:B1)');
    expect(wb.error('Sheet1', 'E10')).toMatch(
      /^CJM_BOTTLENECK: labels and counts must be ranges of the same shape/,
    );
    // the same shape with a blank label is fine, and a bad count is left out of the bottleneck
    wb.setCell('Sheet1', 'E10', '=CJM_BOTTLENECK(A2:C2, A1:C1)');
    expect(wb.value('Sheet1', 'E10')).toBe('Cart → Stage 3');
    wb.setCell('Sheet1', 'C2', 'lots');
    expect(wb.value('Sheet1', 'E10')).toBe('Visit → Cart');
  });

  it("messages are in the spreadsheet's language, whoever opens it: AuthMode.CUSTOM_FUNCTION may read the spreadsheet", () => {
    // a Russian spreadsheet (formulas typed with ";"), opened by a user whose account is in English
    const { wb } = addonSheet('ru_RU');
    wb.range('Sheet1', 'A1:C1').setValues([[100, 50, 70]]);
    wb.setCell('Sheet1', 'A2', '=CJM_CONVERSION(A1:B1; B1:C1)');
    wb.setCell('Sheet1', 'A3', '=CJM_CONVERSION(5; 10)');
    wb.setCell('Sheet1', 'A4', '=CJM_FUNNEL(A1:B1)');
    expect(wb.values('Sheet1', 'A2:B2')).toEqual([[0.5, '⚠ больше, чем на предыдущем этапе']]);
    expect(wb.error('Sheet1', 'A3')).toMatch(
      /^CJM_CONVERSION: to_count \(10\) больше, чем from_count \(5\)/,
    );
    expect(wb.values('Sheet1', 'A4:E4')).toEqual([
      ['Этап', 'Клиенты', 'Конверсия шага', 'Общая конверсия', 'Отток'],
    ]);
    const en = addonSheet('en_US').wb;
    en.setCell('Sheet1', 'A3', '=CJM_CONVERSION(5, 10)');
    expect(en.error('Sheet1', 'A3')).toMatch(
      /^CJM_CONVERSION: to_count \(10\) is larger than from_count \(5\)/,
    );
  });

  it('CJM_IMPACT reads a change with its unit: "+0,5 покупки" on Q = 2,5 → 3,0 is +1 485 000, a bare "+0,5" is refused with the forms', () => {
    // L × C × P × 0,5 = 1980 × 0,5 × 3000 × 0,5 = 1 485 000 (read as +50% it was 3 712 500)
    const { wb } = addonSheet('ru_RU');
    wb.range('Sheet1', 'A1:D1').setValues([[1980, 0.5, 3000, 2.5]]);
    // the plan sheet's change column is plain text, and user text is written with an apostrophe, as
    // the add-on writes it
    wb.range('Sheet1', 'E1:F6').setValues([
      ['Q', "'+0,5 покупки"],
      ['Q', "'+0,5"],
      ['L', "'+3000 лидов"],
      ['P', "'+1000 ₽"],
      ['P', "'−10%"],
      ['C', "'+2 п.п."],
    ]);
    wb.setCell('Sheet1', 'G1', '=CJM_IMPACT($A$1;$B$1;$C$1;$D$1;E1:E6;F1:F6)');
    const [first, bare, leads, money, minus, points] = wb
      .values('Sheet1', 'G1:G6')
      .map((r) => r[0]);
    expect(first).toBeCloseTo(1_485_000, 6);
    expect(bare).toBe('⚠ изменение: укажите единицу: +10% или +0,5 покупки');
    expect(leads).toBeCloseTo(3000 * 0.5 * 3000 * 2.5, 6);
    expect(money).toBeCloseTo(1980 * 0.5 * 1000 * 2.5, 6);
    expect(minus).toBeCloseTo(-742_500, 6);
    expect(points).toBeCloseTo(1980 * 0.02 * 3000 * 2.5, 6);
    wb.setCell('Sheet1', 'H1', '=CJM_IMPACT(A1;B1;C1;D1;E2;F2)');
    expect(wb.value('Sheet1', 'H1')).toBe('#ERROR!');
    expect(wb.error('Sheet1', 'H1')).toMatch(
      /^CJM_IMPACT: аргумент change должен указывать единицу, например \+10% или \+0,5 покупки: .*получено: "\+0,5"$/,
    );
    // the same forms in English, and the Russian units are understood there too
    const en = addonSheet('en_US').wb;
    en.setCell('Sheet1', 'A1', '=CJM_IMPACT(1980, 0.5, 3000, 2.5, "Q", "+0,5 покупки")');
    en.setCell('Sheet1', 'A2', '=CJM_IMPACT(1980, 0.5, 3000, 2.5, "purchases", "+0.5 purchases")');
    en.setCell('Sheet1', 'A3', '=CJM_IMPACT(1980, 0.5, 3000, 2.5, "Q", "+0.5")');
    expect(en.value('Sheet1', 'A1')).toBeCloseTo(1_485_000, 6);
    expect(en.value('Sheet1', 'A2')).toBeCloseTo(1_485_000, 6);
    expect(en.error('Sheet1', 'A3')).toMatch(
      /^CJM_IMPACT: change must state its unit, like \+10% or \+0\.5 purchases: .*; got "\+0\.5"$/,
    );
  });

  it('a Date where a number is expected is an error naming the date, never its serial number', () => {
    const { wb, addon } = addonSheet();
    // straight into the bundle's global, as Apps Script calls it: a Date of the host's realm
    expect(() =>
      addon.runAs('CUSTOM_FUNCTION', 'CJM_REVENUE', new Date(2026, 4, 15), 0.1, 10),
    ).toThrow(/^CJM_REVENUE: leads is a date, not a number; got a date \(2026-05-15\)/);
    expect(
      addon.runAs('CUSTOM_FUNCTION', 'CJM_CONVERSION', [[100, 50]], [[50, new Date(2026, 4, 15)]]),
    ).toEqual([[0.5, '⚠ a date, not a number']]);
    // from a date cell: Sheets hands the function a Date in the spreadsheet's time zone
    wb.setCell('Sheet1', 'A1', '2026-05-15');
    wb.setCell('Sheet1', 'B1', '=CJM_REVENUE(A1, 10%, 10)');
    expect(wb.value('Sheet1', 'B1')).toBe('#ERROR!');
    expect(wb.error('Sheet1', 'B1')).toMatch(
      /^CJM_REVENUE: leads is a date, not a number; got a date \(2026-05-15\)/,
    );
    wb.range('Sheet1', 'A2:C2').setValues([[1000, 400, 100]]);
    wb.setCell('Sheet1', 'B2', '2026-05-15');
    wb.setCell('Sheet1', 'A3', '=CJM_CONVERSION(A2:B2, B2:C2)');
    expect(wb.values('Sheet1', 'A3:B3')).toEqual([
      ['⚠ a date, not a number', '⚠ a date, not a number'],
    ]);
  });
});
