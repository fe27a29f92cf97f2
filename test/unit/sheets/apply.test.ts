/**
 * A new map written from its plan (src/sheets/apply, applyPlan and writeIdentity): every value,
 * its formulas in the syntax the spreadsheet takes, the formats, dropdowns and checks, notes,
 * frozen panes, widths, named cells, the warning-only protection and the colour rules; and a copy
 * of a map given its own markers row and named cells.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SheetPlan } from '../../../src/core/map/plan';
import { applyPlan, writeIdentity } from '../../../src/sheets/apply';
import { cost, emulated } from '../emulated';
import { attrs, sheetPlan } from './apply-plan';

afterEach(() => {
  vi.unstubAllGlobals();
});

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The sheet's colour rules, as Format → Conditional formatting lists them. */
const rulesOn = (sheet: Sheet) =>
  sheet.getConditionalFormatRules().map((r) => {
    const when = r.getBooleanCondition();
    return {
      ranges: r.getRanges().map((g) => g.getA1Notation()),
      when: String(when?.getCriteriaType()),
      values: when?.getCriteriaValues(),
      background: when?.getBackground(),
      color: when?.getFontColor(),
    };
  });

/** The protected ranges of a sheet: where, and whether they only warn. */
const protectionsOn = (sheet: Sheet) =>
  sheet
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .map((p) => [
      (p as GoogleAppsScript.Spreadsheet.Protection).getRange().getA1Notation(),
      p.isWarningOnly(),
    ]);

/**
 * A 31-row, 3-column map: a bold header, a tinted input with a share check and a note, a tinted
 * hint with a role dropdown, a length-checked cell, two formulas (C31 is the cell a new map's
 * syntax is judged by), two named cells and four colour rules.
 */
function smallMap(over: Partial<SheetPlan> = {}): SheetPlan {
  return sheetPlan(
    31,
    3,
    {
      A1: { value: 'Stages', style: 'header' },
      B2: {
        value: 0.5,
        style: 'input',
        owner: 'user',
        tint: '#ff0000',
        numberFormat: '0.0%',
        validation: 'share',
        note: 'Share of customers who go on',
      },
      C2: { value: 'Tell us why', style: 'hint', tint: '#d9ead3', validation: 'role' },
      C3: { value: '+1', owner: 'user', style: 'text', validation: 'short' },
      B4: { value: '', formula: '=SUM(1,2)', style: 'formula', numberFormat: '#,##0' },
      C31: { value: '', formula: '=ROUND(2.5,0)', style: 'formula' },
    },
    {
      validations: {
        share: { kind: 'number', min: 0, max: 1, help: 'A share from 0% to 100%' },
        role: { kind: 'list', values: ['Lead', 'Deal'], help: 'Pick a role' },
        short: { kind: 'maxLength', cell: 'C3', max: 40, help: 'Keep it under 40 characters' },
      },
      namedRanges: [
        { name: 'CJM_K7P2QX_L', range: 'B4' },
        { name: 'CJM_K7P2QX_REVENUE', range: 'C31' },
      ],
      conditionalRules: [
        {
          kind: 'formula',
          range: 'C2:C3',
          formula: '=C31>0.5',
          background: '#f4cccc',
          color: '#990000',
        },
        { kind: 'numberAtMost', range: 'B2', value: 0.1, background: '#fce5cd', color: '#b45f06' },
        {
          kind: 'numberBetween',
          range: 'B3:C4',
          min: 1,
          max: 5,
          background: '#fff2cc',
          color: '#7f6000',
        },
        {
          kind: 'textContains',
          range: 'A1',
          text: '#REF',
          background: '#ea9999',
          color: '#660000',
        },
      ],
      protectedRange: 'B4:C31',
      frozen: { rows: 2, cols: 1 },
      columnWidth: 150,
      ...over,
    },
  );
}

describe('a new map written from its plan', () => {
  it('fills every cell: texts as typed, numbers, and formulas that compute', () => {
    const { wb, ss, sheet } = emulated();
    applyPlan(sheet(), smallMap(), ss, null);
    expect(wb.values('Sheet1', 'A1:C4')).toEqual([
      ['Stages', '', ''],
      ['', 0.5, 'Tell us why'],
      ['', '', '+1'],
      ['', 3, ''],
    ]);
    expect(wb.value('Sheet1', 'C31')).toBe(3);
    expect(wb.formula('Sheet1', 'B4')).toBe('=SUM(1,2)');
  });

  it('in an English spreadsheet, not knowing the syntax, settles on English syntax', () => {
    const { wb, ss, sheet } = emulated();
    expect(applyPlan(sheet(), smallMap(), ss, null)).toBe('comma');
    expect(wb.formula('Sheet1', 'C31')).toBe('=ROUND(2.5,0)');
    expect(rulesOn(sheet())[0]?.values).toEqual(['=C31>0.5']);
  });

  it('in a Russian spreadsheet that takes its own syntax, writes formulas and rules in it', () => {
    const { wb, ss, sheet } = emulated({ locale: 'ru_RU', formulaSeparators: 'locale' });
    expect(applyPlan(sheet(), smallMap(), ss, null)).toBe('locale');
    expect(wb.formula('Sheet1', 'C31')).toBe('=ROUND(2,5;0)');
    expect(wb.formula('Sheet1', 'B4')).toBe('=SUM(1;2)');
    expect(wb.value('Sheet1', 'C31')).toBe(3);
    expect(wb.value('Sheet1', 'B4')).toBe(3);
    expect(rulesOn(sheet())[0]?.values).toEqual(['=C31>0,5']);
  });

  it('in a Russian spreadsheet that takes English syntax only, writes every formula again in it', () => {
    const { wb, ss, sheet } = emulated({ locale: 'ru_RU', formulaSeparators: 'comma' });
    expect(applyPlan(sheet(), smallMap(), ss, null)).toBe('comma');
    expect(wb.formula('Sheet1', 'C31')).toBe('=ROUND(2.5,0)');
    expect(wb.value('Sheet1', 'C31')).toBe(3);
    expect(wb.value('Sheet1', 'B4')).toBe(3);
    expect(rulesOn(sheet())[0]?.values).toEqual(['=C31>0.5']);
  });

  it('writes in the syntax already known for the spreadsheet, and answers it', () => {
    const ru = emulated({ locale: 'ru_RU', formulaSeparators: 'locale' });
    expect(applyPlan(ru.sheet(), smallMap(), ru.ss, 'locale')).toBe('locale');
    expect(ru.wb.formula('Sheet1', 'B4')).toBe('=SUM(1;2)');
    expect(ru.wb.value('Sheet1', 'B4')).toBe(3);
    vi.unstubAllGlobals();
    const en = emulated({ locale: 'ru_RU', formulaSeparators: 'comma' });
    expect(applyPlan(en.sheet(), smallMap(), en.ss, 'comma')).toBe('comma');
    expect(en.wb.formula('Sheet1', 'B4')).toBe('=SUM(1,2)');
    expect(en.wb.value('Sheet1', 'B4')).toBe(3);
  });

  it('with the syntax known, writes the grid and the rules once, reading no cell back', () => {
    const { wb, ss, sheet } = emulated({ locale: 'ru_RU', formulaSeparators: 'comma' });
    wb.calls.reset();
    applyPlan(sheet(), smallMap(), ss, 'comma');
    expect(cost(wb).byName['Range.setValues']).toBe(1);
    expect(cost(wb).byName['Sheet.setConditionalFormatRules']).toBe(1);
    expect(cost(wb).byName['Range.getValue'] ?? 0).toBe(0);
  });

  it('not knowing it, tries the locale’s syntax first and writes again only when it fails', () => {
    const { wb, ss, sheet } = emulated({ locale: 'ru_RU', formulaSeparators: 'comma' });
    wb.calls.reset();
    applyPlan(sheet(), smallMap(), ss, null);
    expect(cost(wb).byName['Range.setValues']).toBe(2);
    expect(cost(wb).byName['Sheet.setConditionalFormatRules']).toBe(2);
  });

  it('gives each cell its number format', () => {
    const { wb, ss, sheet } = emulated();
    applyPlan(sheet(), smallMap(), ss, null);
    expect(attrs(wb, 'B2').numberFormat).toBe('0.0%');
    expect(attrs(wb, 'B4').numberFormat).toBe('#,##0');
    expect(attrs(wb, 'A1').numberFormat).toBe('General');
    expect(wb.snapshot('Sheet1').cells.find((c) => c.a1 === 'B2')?.display).toBe('50.0%');
  });

  it("colours a stage's cells with its tint, but keeps an input's own colour and leaves plain cells white", () => {
    const { wb, ss, sheet } = emulated();
    applyPlan(sheet(), smallMap(), ss, null);
    expect(attrs(wb, 'C2').background).toBe('#d9ead3');
    expect(attrs(wb, 'B2').background).toBe('#fff2cc');
    expect(attrs(wb, 'A1').background).toBe('#434343');
    expect(attrs(wb, 'B4').background).toBe('#f3f3f3');
    expect(attrs(wb, 'A2').background).toBeUndefined();
  });

  it('sets the font of each style: bold white header, small grey italic hint, blue input', () => {
    const { wb, ss, sheet } = emulated();
    applyPlan(sheet(), smallMap(), ss, null);
    expect(attrs(wb, 'A1')).toMatchObject({
      fontWeight: 'bold',
      fontColor: '#ffffff',
      fontSize: 12,
    });
    expect(attrs(wb, 'A1').fontStyle).toBeUndefined();
    expect(attrs(wb, 'C2')).toMatchObject({
      fontStyle: 'italic',
      fontColor: '#999999',
      fontSize: 9,
    });
    expect(attrs(wb, 'C2').fontWeight).toBeUndefined();
    expect(attrs(wb, 'B2')).toMatchObject({ fontColor: '#1155cc', fontSize: 10 });
  });

  it('wraps the hints only', () => {
    const { wb, ss, sheet } = emulated();
    applyPlan(sheet(), smallMap(), ss, null);
    expect(attrs(wb, 'C2').wrap).toBe(true);
    expect(attrs(wb, 'A1').wrap).toBe(false);
    expect(attrs(wb, 'C3').wrap).toBe(false);
  });

  it('puts a dropdown, a number check and a length warning where planned, and nothing elsewhere', () => {
    const { ss, sheet } = emulated();
    applyPlan(sheet(), smallMap(), ss, null);
    const rule = (a1: string) => {
      const v = sheet().getRange(a1).getDataValidation();
      return (
        v && {
          type: String(v.getCriteriaType()),
          values: v.getCriteriaValues(),
          rejects: !v.getAllowInvalid(),
          help: v.getHelpText(),
        }
      );
    };
    expect(rule('C2')).toEqual({
      type: 'VALUE_IN_LIST',
      values: [['Lead', 'Deal'], true],
      rejects: true,
      help: 'Pick a role',
    });
    expect(rule('B2')).toEqual({
      type: 'NUMBER_BETWEEN',
      values: [0, 1],
      rejects: true,
      help: 'A share from 0% to 100%',
    });
    expect(rule('C3')).toEqual({
      type: 'CUSTOM_FORMULA',
      values: ['=LEN(C3)<=40'],
      rejects: false,
      help: 'Keep it under 40 characters',
    });
    expect(rule('A1')).toBeNull();
    expect(rule('B4')).toBeNull();
  });

  it('attaches the planned notes and no others', () => {
    const { ss, sheet } = emulated();
    applyPlan(sheet(), smallMap(), ss, null);
    expect(sheet().getRange('B2').getNote()).toBe('Share of customers who go on');
    expect(sheet().getRange('C2').getNote()).toBe('');
  });

  it('freezes the planned rows and columns and sizes the plan’s columns only', () => {
    const { wb, ss, sheet } = emulated();
    applyPlan(sheet(), smallMap(), ss, null);
    const snap = wb.snapshot('Sheet1');
    expect([snap.frozenRows, snap.frozenCols]).toEqual([2, 1]);
    expect(snap.colWidths).toEqual({ 1: 150, 2: 150, 3: 150 });
  });

  it('names the planned cells', () => {
    const { ss, sheet } = emulated();
    applyPlan(sheet(), smallMap(), ss, null);
    expect(ss.getRangeByName('CJM_K7P2QX_L')?.getA1Notation()).toBe('B4');
    expect(ss.getRangeByName('CJM_K7P2QX_REVENUE')?.getA1Notation()).toBe('C31');
  });

  it('protects the formula cells with a warning only', () => {
    const { ss, sheet } = emulated();
    applyPlan(sheet(), smallMap(), ss, null);
    expect(protectionsOn(sheet())).toEqual([['B4:C31', true]]);
  });

  it('adds each colour rule over its own range, with its condition and colours', () => {
    const { ss, sheet } = emulated();
    applyPlan(sheet(), smallMap(), ss, null);
    expect(rulesOn(sheet())).toEqual([
      {
        ranges: ['C2:C3'],
        when: 'CUSTOM_FORMULA',
        values: ['=C31>0.5'],
        background: '#f4cccc',
        color: '#990000',
      },
      {
        ranges: ['B2'],
        when: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
        values: [0.1],
        background: '#fce5cd',
        color: '#b45f06',
      },
      {
        ranges: ['B3:C4'],
        when: 'NUMBER_BETWEEN',
        values: [1, 5],
        background: '#fff2cc',
        color: '#7f6000',
      },
      {
        ranges: ['A1'],
        when: 'TEXT_CONTAINS',
        values: ['#REF'],
        background: '#ea9999',
        color: '#660000',
      },
    ]);
  });

  it('costs the same number of calls for a map three times as wide', () => {
    const small = emulated();
    small.wb.calls.reset();
    applyPlan(small.sheet(), smallMap(), small.ss, 'comma');
    const few = cost(small.wb).roundTrips;
    vi.unstubAllGlobals();
    const wide = emulated();
    const plan = sheetPlan(31, 9, { C31: { value: '', formula: '=ROUND(2.5,0)' } });
    wide.wb.calls.reset();
    applyPlan(wide.sheet(), { ...smallMap(), cols: 9, cells: plan.cells }, wide.ss, 'comma');
    expect(cost(wide.wb).roundTrips).toBe(few);
  });
});

describe("a copied map's own identity", () => {
  /** A 53-row plan whose markers row (53) holds the copy's new ids. */
  const copyPlan = () =>
    sheetPlan(
      53,
      4,
      {
        A53: { value: 'cjm:NEW123:v2' },
        C53: { value: 'stage:aaaa9999' },
        D53: { value: 'stage:bbbb9999' },
        A1: { value: 'never written' },
      },
      {
        namedRanges: [
          { name: 'CJM_NEW123_L', range: 'B32' },
          { name: 'CJM_NEW123_REVENUE', range: 'B34' },
        ],
      },
    );

  it('rewrites the markers row with the new ids, touching no other cell', () => {
    const { wb, ss, sheet } = emulated();
    wb.setCell('Sheet1', 'A1', 'My map');
    wb.setCell('Sheet1', 'A52', 'above');
    wb.setCell('Sheet1', 'A53', 'cjm:OLD999:v2');
    wb.setCell('Sheet1', 'B53', 'old');
    wb.setCell('Sheet1', 'C53', 'stage:aaaa1111');
    wb.setCell('Sheet1', 'E53', 'beyond');
    wb.setCell('Sheet1', 'A54', 'below');
    writeIdentity(sheet(), copyPlan(), ss);
    expect(wb.values('Sheet1', 'A53:E53')).toEqual([
      ['cjm:NEW123:v2', '', 'stage:aaaa9999', 'stage:bbbb9999', 'beyond'],
    ]);
    expect(wb.value('Sheet1', 'A1')).toBe('My map');
    expect(wb.value('Sheet1', 'A52')).toBe('above');
    expect(wb.value('Sheet1', 'A54')).toBe('below');
  });

  it('writes a marker that reads like a number or a formula as text', () => {
    const { wb, ss, sheet } = emulated();
    const plan = copyPlan();
    const markers = plan.cells[52];
    if (markers)
      markers[1] = {
        ...markers[1],
        value: '=1+1',
        owner: 'template',
        style: 'footer',
        numberFormat: 'General',
      };
    writeIdentity(sheet(), plan, ss);
    expect(wb.value('Sheet1', 'B53')).toBe('=1+1');
    expect(wb.formula('Sheet1', 'B53')).toBe('');
  });

  it('names its own cells on its own sheet', () => {
    const { wb, ss, sheet } = emulated();
    ss.insertSheet('Original');
    writeIdentity(sheet(), copyPlan(), ss);
    expect(ss.getRangeByName('CJM_NEW123_L')?.getA1Notation()).toBe('B32');
    expect(ss.getRangeByName('CJM_NEW123_REVENUE')?.getA1Notation()).toBe('B34');
    expect(ss.getRangeByName('CJM_NEW123_L')?.getSheet().getName()).toBe('Sheet1');
    expect(wb.snapshot('Sheet1').protections).toEqual([]);
  });
});
