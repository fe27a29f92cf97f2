/**
 * A map brought up to its new plan after a stage edit (src/sheets/apply, refreshPlan and
 * probeDialect): the formats over the whole grid, only the template's cells that change and hold
 * no user content written, a new column sized, and a stage added after the last one given its
 * own protection and colour rules; and the formula syntax learnt from one formula of the refresh.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StageEdit } from '../../../src/core/map/edits';
import type { PlanCell, SheetPlan } from '../../../src/core/map/plan';
import { type GridSnapshot, applyPlan, probeDialect, refreshPlan } from '../../../src/sheets/apply';
import { cost, emulated } from '../emulated';
import { attrs, sheetPlan } from './apply-plan';

afterEach(() => {
  vi.unstubAllGlobals();
});

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The colour rules of a sheet: the ranges and condition values of each. */
const rulesOn = (sheet: Sheet) =>
  sheet.getConditionalFormatRules().map((r) => ({
    ranges: r.getRanges().map((g) => g.getA1Notation()),
    values: r.getBooleanCondition()?.getCriteriaValues(),
    background: r.getBooleanCondition()?.getBackground(),
  }));

const protectionsOn = (sheet: Sheet) =>
  sheet
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .map((p) => [
      (p as GoogleAppsScript.Spreadsheet.Protection).getRange().getA1Notation(),
      p.isWarningOnly(),
    ]);

/** What the sheet holds now, as a stage edit reads it before the refresh. */
const gridOf = (sheet: Sheet, rows: number, cols: number): GridSnapshot => {
  const range = sheet.getRange(1, 1, rows, cols);
  return { values: range.getValues(), formulas: range.getFormulas() };
};

/**
 * A map of `stages` stage columns (C on) and 4 rows: the stage name (a user cell, "Stage N" when
 * planned), a step formula per stage, a hint, and the row-3 label; columns 150 px in the new plan.
 * Rules: a highlight of the step row across the stages, one of the headers in A1:B1, and one of
 * the last stage's hint; the formulas (row 2 of the stages) protected.
 */
function stagesMap(stages: number, width = 120): SheetPlan {
  const last = String.fromCharCode(66 + stages);
  const cells: Record<string, Partial<PlanCell>> = {
    A1: { value: 'Stage', style: 'header' },
    A2: { value: 'Step', style: 'label' },
    A3: { value: 'Notes', style: 'label' },
  };
  for (let i = 0; i < stages; i++) {
    const col = String.fromCharCode(67 + i);
    cells[`${col}1`] = { value: `Stage ${i + 1}`, owner: 'user', style: 'header' };
    cells[`${col}2`] = { value: '', formula: `=ROUND(${col}4*0.5,1)`, style: 'formula' };
    cells[`${col}3`] = { value: 'What stops them?', style: 'hint', tint: '#d9ead3' };
  }
  return sheetPlan(4, 2 + stages, cells, {
    conditionalRules: [
      {
        kind: 'formula',
        range: `C2:${last}3`,
        formula: '=C2>0.5',
        background: '#f4cccc',
        color: '#990000',
      },
      {
        kind: 'textContains',
        range: 'A1:B1',
        text: '#REF',
        background: '#ea9999',
        color: '#660000',
      },
      {
        kind: 'numberAtMost',
        range: `${last}4`,
        value: 0,
        background: '#fce5cd',
        color: '#b45f06',
      },
    ],
    protectedRange: `C2:${last}2`,
    columnWidth: width,
  });
}

describe('a map refreshed after a stage was added after the last one', () => {
  /** A two-stage map on Sheet1, then a third stage (column E) added after the second. */
  function addedAtEnd(
    opts: Parameters<typeof emulated>[0] = {},
    dialect: 'comma' | 'locale' = 'comma',
  ) {
    const e = emulated(opts);
    const previous = stagesMap(2);
    applyPlan(e.sheet(), previous, e.ss, dialect);
    e.wb.setCell('Sheet1', 'C3', 'Too expensive');
    const plan = stagesMap(3, 150);
    const edit: StageEdit = { kind: 'add', after: 1, name: 'Stage 3' };
    refreshPlan(e.sheet(), plan, gridOf(e.sheet(), 4, 5), previous, edit, dialect);
    return e;
  }

  it("writes the new stage's column whole", () => {
    const { wb } = addedAtEnd();
    expect(wb.values('Sheet1', 'E1:E3')).toEqual([['Stage 3'], [0], ['What stops them?']]);
    expect(wb.formula('Sheet1', 'E2')).toBe('=ROUND(E4*0.5,1)');
  });

  it("keeps what the user typed in the other stages' cells", () => {
    const { wb } = addedAtEnd();
    expect(wb.value('Sheet1', 'C3')).toBe('Too expensive');
    expect(wb.values('Sheet1', 'C1:D1')).toEqual([['Stage 1', 'Stage 2']]);
  });

  it('formats the new column like the others', () => {
    const { wb } = addedAtEnd();
    expect(attrs(wb, 'E1')).toMatchObject({ background: '#434343', fontWeight: 'bold' });
    expect(attrs(wb, 'E2').background).toBe('#f3f3f3');
    expect(attrs(wb, 'E3')).toMatchObject({
      background: '#d9ead3',
      fontStyle: 'italic',
      wrap: true,
    });
  });

  it('sizes the new column only', () => {
    const { wb } = addedAtEnd();
    expect(wb.snapshot('Sheet1').colWidths).toEqual({ 1: 120, 2: 120, 3: 120, 4: 120, 5: 150 });
  });

  it("protects the new stage's formula cell with a warning, as the others are", () => {
    const { sheet } = addedAtEnd();
    expect(protectionsOn(sheet())).toEqual([
      ['C2:D2', true],
      ['E2', true],
    ]);
  });

  it('adds the colour rules that reach the new column, cut to it, after the ones there', () => {
    const { sheet } = addedAtEnd();
    expect(rulesOn(sheet())).toEqual([
      { ranges: ['C2:D3'], values: ['=C2>0.5'], background: '#f4cccc' },
      { ranges: ['A1:B1'], values: ['#REF'], background: '#ea9999' },
      { ranges: ['D4'], values: [0], background: '#fce5cd' },
      { ranges: ['E2:E3'], values: ['=C2>0.5'], background: '#f4cccc' },
      { ranges: ['E4'], values: [0], background: '#fce5cd' },
    ]);
  });

  it("writes the new column's formulas and rules in the spreadsheet's own syntax", () => {
    const { wb, sheet } = addedAtEnd({ locale: 'ru_RU', formulaSeparators: 'locale' }, 'locale');
    expect(wb.formula('Sheet1', 'E2')).toBe('=ROUND(E4*0,5;1)');
    expect(wb.value('Sheet1', 'E2')).toBe(0);
    expect(rulesOn(sheet()).at(-2)?.values).toEqual(['=C2>0,5']);
  });

  it('adds no protection when the protected cells do not reach the new column, the rules still in place', () => {
    const e = emulated();
    const previous = stagesMap(2);
    applyPlan(e.sheet(), previous, e.ss, 'comma');
    const plan = { ...stagesMap(3), protectedRange: 'B2:B3' };
    refreshPlan(
      e.sheet(),
      plan,
      gridOf(e.sheet(), 4, 5),
      previous,
      { kind: 'add', after: 1, name: '' },
      'comma',
    );
    expect(protectionsOn(e.sheet())).toEqual([['C2:D2', true]]);
    expect(rulesOn(e.sheet()).slice(3)).toEqual([
      { ranges: ['E2:E3'], values: ['=C2>0.5'], background: '#f4cccc' },
      { ranges: ['E4'], values: [0], background: '#fce5cd' },
    ]);
  });
});

describe('a map refreshed after an edit inside it', () => {
  it('a stage added between two: its column written and sized, no protection or rule added', () => {
    const { wb, ss, sheet } = emulated();
    const previous = stagesMap(2);
    applyPlan(sheet(), previous, ss, 'comma');
    // Sheets inserted column D (the new stage); the second stage moved to E.
    sheet().insertColumnAfter(3);
    const plan = stagesMap(3, 150);
    refreshPlan(
      sheet(),
      plan,
      gridOf(sheet(), 4, 5),
      previous,
      { kind: 'add', after: 0, name: '' },
      'comma',
    );
    expect(wb.values('Sheet1', 'D1:D3')).toEqual([['Stage 2'], [0], ['What stops them?']]);
    expect(wb.snapshot('Sheet1').colWidths[4]).toBe(150);
    expect(wb.snapshot('Sheet1').colWidths[3]).toBe(120);
    expect(protectionsOn(sheet()).length).toBe(1);
    expect(rulesOn(sheet()).length).toBe(3);
  });

  it('a stage removed: the template cells that changed written, the user’s left, no width changed', () => {
    const { wb, ss, sheet } = emulated();
    const previous = stagesMap(3);
    applyPlan(sheet(), previous, ss, 'comma');
    wb.setCell('Sheet1', 'D3', 'Nobody calls back');
    // The user cleared the third stage's hint and the second stage's name; Sheets deleted column C.
    wb.setCell('Sheet1', 'E3', '');
    wb.setCell('Sheet1', 'D1', '');
    sheet().deleteColumn(3);
    const before = JSON.stringify(wb.snapshot('Sheet1').colWidths);
    const plan = stagesMap(2, 150);
    const current = gridOf(sheet(), 4, 4);
    wb.calls.reset();
    refreshPlan(sheet(), plan, current, previous, { kind: 'remove', index: 0 }, 'comma');
    expect(wb.values('Sheet1', 'C1:D3')).toEqual([
      ['Stage 1', 'Stage 3'],
      [0, 0],
      ['Nobody calls back', 'What stops them?'],
    ]);
    expect(JSON.stringify(wb.snapshot('Sheet1').colWidths)).toBe(before);
    // The rules moved with their cells: none is set again.
    expect(cost(wb).byName['Sheet.setConditionalFormatRules'] ?? 0).toBe(0);
    expect(rulesOn(sheet()).length).toBe(3);
  });

  it('a stage moved: formats follow the plan, values stay where Sheets moved them', () => {
    const { wb, ss, sheet } = emulated();
    const previous = stagesMap(2);
    applyPlan(sheet(), previous, ss, 'comma');
    wb.setCell('Sheet1', 'C1', 'Ads');
    wb.setCell('Sheet1', 'D1', 'Call');
    // The user made D3 a plain number cell; the refresh draws the hint style back.
    sheet().getRange('D3').setBackground('#000000');
    const plan = stagesMap(2, 150);
    refreshPlan(
      sheet(),
      plan,
      gridOf(sheet(), 4, 4),
      previous,
      { kind: 'move', index: 0, by: 1 },
      'comma',
    );
    expect(wb.values('Sheet1', 'C1:D1')).toEqual([['Ads', 'Call']]);
    expect(attrs(wb, 'D3').background).toBe('#d9ead3');
    expect(wb.snapshot('Sheet1').colWidths).toEqual({ 1: 120, 2: 120, 3: 120, 4: 120 });
  });
});

describe('the formula syntax learnt from a refresh', () => {
  const edit: StageEdit = { kind: 'remove', index: 0 };
  const blank = (rows: number, cols: number): GridSnapshot => ({
    values: Array.from({ length: rows }, () => Array<unknown>(cols).fill('')),
    formulas: Array.from({ length: rows }, () => Array<string>(cols).fill('')),
  });
  const plan = (cells: Parameters<typeof sheetPlan>[2]) => sheetPlan(3, 4, cells);

  it("is the locale's when its syntax computes, the probe cell holding the formula", () => {
    const { wb, sheet } = emulated({ locale: 'ru_RU', formulaSeparators: 'locale' });
    const next = plan({ A1: { value: 'Stage' }, D2: { value: '', formula: '=ROUND(2.5,0)' } });
    expect(probeDialect(sheet(), next, blank(3, 4), next, edit)).toBe('locale');
    expect(wb.formula('Sheet1', 'D2')).toBe('=ROUND(2,5;0)');
    expect(wb.value('Sheet1', 'D2')).toBe(3);
    expect(wb.value('Sheet1', 'A1')).toBe('');
  });

  it('is English when the locale’s syntax does not parse', () => {
    const ru = emulated({ locale: 'ru_RU', formulaSeparators: 'comma' });
    const next = plan({ D2: { value: '', formula: '=ROUND(2.5,0)' } });
    expect(probeDialect(ru.sheet(), next, blank(3, 4), next, edit)).toBe('comma');
    vi.unstubAllGlobals();
    const en = emulated();
    expect(probeDialect(en.sheet(), next, blank(3, 4), next, edit)).toBe('comma');
  });

  it("is judged by a built-in function, never by one of the add-on's own", () => {
    const { wb, sheet } = emulated({ locale: 'ru_RU', formulaSeparators: 'locale' });
    const next = plan({
      B1: { value: '', formula: '=CJM_REVENUE(1,2,3,4)' },
      C3: { value: '', formula: '=SUM(1,2)' },
    });
    expect(probeDialect(sheet(), next, blank(3, 4), next, edit)).toBe('locale');
    expect(wb.formula('Sheet1', 'B1')).toBe('');
    expect(wb.formula('Sheet1', 'C3')).toBe('=SUM(1;2)');
  });

  it('is unknown when the refresh writes only texts or formulas of the add-on', () => {
    const { wb, sheet } = emulated({ locale: 'ru_RU', formulaSeparators: 'locale' });
    const next = plan({
      A1: { value: 'Stage' },
      B1: { value: '', formula: '=CJM_REVENUE(1,2,3,4)' },
    });
    expect(probeDialect(sheet(), next, blank(3, 4), next, edit)).toBeNull();
    expect(wb.formula('Sheet1', 'B1')).toBe('');
    expect(wb.value('Sheet1', 'A1')).toBe('');
  });

  it('is unknown when every formula already shows what the plan draws', () => {
    const { sheet } = emulated({ locale: 'ru_RU', formulaSeparators: 'locale' });
    const next = plan({ D2: { value: '', formula: '=SUM(1,2)' } });
    const current = blank(3, 4);
    (current.formulas[1] as string[])[3] = '=SUM(1,2)';
    expect(probeDialect(sheet(), next, current, next, edit)).toBeNull();
  });

  it("tries a formula of a stage's new column even where the column seems to hold it already", () => {
    const { wb, sheet } = emulated({ locale: 'ru_RU', formulaSeparators: 'locale' });
    // Add after the second stage: column E (5) is the new one.
    const next = sheetPlan(3, 5, { E2: { value: '', formula: '=SUM(1,2)' } });
    const current = blank(3, 5);
    (current.formulas[1] as string[])[4] = '=SUM(1,2)';
    expect(probeDialect(sheet(), next, current, next, { kind: 'add', after: 1, name: '' })).toBe(
      'locale',
    );
    expect(wb.formula('Sheet1', 'E2')).toBe('=SUM(1;2)');
  });
});
