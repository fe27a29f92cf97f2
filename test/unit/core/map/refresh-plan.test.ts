import { describe, expect, it } from 'vitest';
import {
  formulaShape,
  holdsTemplateContent,
  refreshWrites,
  userCells,
  withoutSpilled,
  type Grid,
} from '../../../../src/core/map/refresh';
import type { PlanCell, SheetPlan } from '../../../../src/core/map/plan';
import { planMap } from '../../../../src/core/map/template';
import { presetJourney } from '../../../support/journeys';

// Small hand-made plans: the rules are per cell, so a few cells show each of them plainly.
const base = planMap(presetJourney(), { sheetName: 'Map', locale: 'en_US' });

function sheetPlan(
  cells: PlanCell[][],
  formerFormulas?: { row: number; formula: string }[],
): SheetPlan {
  return { ...base, cells, formerFormulas };
}

const tpl = (value: string | number, formula?: string): PlanCell => ({
  value,
  owner: 'template',
  style: 'plain',
  numberFormat: '',
  ...(formula ? { formula } : {}),
});
const usr = (value: string | number): PlanCell => ({
  value,
  owner: 'user',
  style: 'input',
  numberFormat: '',
});
const spill: PlanCell = {
  value: '',
  owner: 'template',
  style: 'computed',
  numberFormat: '',
  spill: true,
};

/** A cell of the sheet that holds a formula, showing `value`. */
interface Shown {
  formula: string;
  value: unknown;
}
const fx = (formula: string, value: unknown): Shown => ({ formula, value });
const isShown = (x: unknown): x is Shown => typeof x === 'object' && x !== null && 'formula' in x;

function grid(rows: unknown[][]): Grid {
  return {
    values: rows.map((r) => r.map((x) => (isShown(x) ? x.value : x))),
    formulas: rows.map((r) => r.map((x) => (isShown(x) ? x.formula : ''))),
  };
}

/** The writes as [row, col, formula or value], 1-based. */
const written = (next: SheetPlan, current: Grid, previous = next, fresh: number | null = null) =>
  refreshWrites(next, current, previous, fresh).map((w) => [
    w.row,
    w.col,
    w.cell.formula ?? w.cell.value,
  ]);

describe('the shape of a formula', () => {
  it('ignores where references point (up to three column letters), spaces and letter case', () => {
    expect(formulaShape('=sum( AB12 , $C$3 )')).toBe('=SUM(#,#)');
    expect(formulaShape('=XFD1+$AA$20')).toBe('=#+#');
  });

  it('marks a reference Sheets broke (#REF!) apart from a reference that still points somewhere', () => {
    expect(formulaShape('=SUM(#REF!)')).toBe('=SUM(\u0001)');
    expect(formulaShape('=SUM(#REF!)')).not.toBe(formulaShape('=SUM(C1)'));
  });
});

describe('what a stage edit writes back after a sort moved the template', () => {
  it('draws a hint back in its row and blanks where the sort left it, keeping a note typed elsewhere', () => {
    const next = sheetPlan([[tpl('hint')], [tpl('')], [tpl('')]]);
    const current = grid([[''], ['hint'], ['my note']]);
    expect(written(next, current)).toEqual([
      [1, 1, 'hint'],
      [2, 1, ''],
    ]);
  });

  it('draws a formula back in its row and blanks where the sort left it', () => {
    const next = sheetPlan([[tpl('', '=SUM(C1)')], [tpl('')]]);
    const current = grid([[''], [fx('=SUM(C1)', 4)]]);
    expect(written(next, current)).toEqual([
      [1, 1, '=SUM(C1)'],
      [2, 1, ''],
    ]);
  });

  it("rewrites our formula Sheets only re-pointed, and keeps a user's formula of the same shape", () => {
    const next = sheetPlan([[tpl('', '=SUM(C1)')], [usr('')]]);
    const current = grid([[fx('=SUM(D1)', 1)], [fx('=SUM(E5)', 3)]]);
    expect(written(next, current)).toEqual([[1, 1, '=SUM(C1)']]);
  });
});

describe("what a stage edit writes in a user's cells and spill cells", () => {
  it("keeps a user's entry even when it reads like a label the template writes in that row", () => {
    const next = sheetPlan([[tpl('Goal'), usr('Name')]]);
    expect(written(next, grid([['Goal', 'Goal']]))).toEqual([]);
    // a blank user cell gets the new stage's name
    expect(written(next, grid([['Goal', '']]))).toEqual([[1, 2, 'Name']]);
  });

  it("keeps a user's formula in their cell even when it shows nothing", () => {
    const next = sheetPlan([[tpl('Goal'), usr('Name')]]);
    expect(written(next, grid([['Goal', fx('=IF(1,"")', '')]]))).toEqual([]);
  });

  it('never writes over a spilled value, even one that reads like a text of the template in that row', () => {
    const next = sheetPlan([[tpl('n/a'), tpl('', '=CJM(A1)'), spill]]);
    expect(written(next, grid([['n/a', fx('=CJM(A1)', 'n/a'), 'n/a']]))).toEqual([]);
    // a stale formula of ours in the spill cell is cleared
    expect(written(next, grid([['n/a', fx('=CJM(A1)', 'n/a'), fx('=CJM(B1)', 'x')]]))).toEqual([
      [1, 3, ''],
    ]);
  });
});

describe('a column the edit inserted', () => {
  it('is written whole, blank cells included, and its hints do not make copies elsewhere ours', () => {
    const next = sheetPlan([
      [tpl('Goal'), tpl('hint A')],
      [tpl(''), tpl('')],
    ]);
    const previous = sheetPlan([[tpl('Goal')], [tpl('')]]);
    // column B was just inserted; a user pasted the hint text into A2 before
    const current = grid([
      ['Goal', ''],
      ['hint A', ''],
    ]);
    expect(written(next, current, previous, 2)).toEqual([
      [1, 2, 'hint A'],
      [2, 2, ''],
    ]);
  });
});

describe('a sheet read back shorter than the plan', () => {
  it('counts the missing cells as blank: template cells and new names are written there', () => {
    const next = sheetPlan([
      [tpl('hint'), usr('Name')],
      [tpl('', '=SUM(A1)'), usr('')],
    ]);
    expect(written(next, { values: [], formulas: [] })).toEqual([
      [1, 1, 'hint'],
      [1, 2, 'Name'],
      [2, 1, '=SUM(A1)'],
    ]);
  });
});

describe('formulas earlier template versions wrote', () => {
  it('are ours: replaced by the text now planned, even when they show that very text', () => {
    const next = sheetPlan([[tpl('Label')]]);
    const previous = sheetPlan(
      [[tpl('Label')]],
      [
        { row: 1, formula: '=LABEL()' },
        // a row the map no longer has changes nothing
        { row: 9, formula: '=GONE()' },
      ],
    );
    expect(written(next, grid([[fx('=LABEL()', 'Label')]]), previous)).toEqual([[1, 1, 'Label']]);
    // a user's formula of another shape stays
    expect(written(next, grid([[fx('=MINE()', 'Label')]]), previous)).toEqual([]);
  });
});

describe('what removing a stage would take away', () => {
  it("not the map's markers left in template cells, but a note beside them", () => {
    const plan = sheetPlan([[tpl('')], [tpl('')], [tpl('')], [tpl('')]]);
    const current = grid([
      ['CJM side'],
      ['CJM stage ab12cd'],
      ['CJM map ABCD1234 \u00b7 template v3'],
      ['my note'],
    ]);
    expect(userCells(plan, current, 1)).toEqual(['4:my note']);
  });

  it("a user's entry, even one reading like a template label; a stage name typed into a template cell", () => {
    const plan = sheetPlan([[tpl('Goal'), usr('Ad'), tpl('')]]);
    const current = grid([['Goal', 'Goal', 'Ad']]);
    expect(userCells(plan, current, 2)).toEqual(['1:Goal']);
    expect(userCells(plan, current, 3)).toEqual(['1:Ad']);
  });

  it('a formula a user put in a template cell, even one showing nothing', () => {
    const plan = sheetPlan([[tpl('Note')]]);
    expect(userCells(plan, grid([[fx('=IF(1,"")', '')]]), 1)).toEqual(['1:=IF(1,"")']);
  });

  it('a formula whose references Sheets broke counts as ours only when it has the shape of ours', () => {
    const plan = sheetPlan([[tpl('', '=SUM(C1:C3)')]]);
    expect(userCells(plan, grid([[fx('=C1*#REF!', '#REF!')]]), 1)).toEqual(['1:=C1*#REF!']);
    expect(userCells(plan, grid([[fx('=SUM(#REF!)', '#REF!')]]), 1)).toEqual([]);
  });

  it('in a spill area: what was typed there (its formula shows an error) and a formula, not spilled values', () => {
    const f1 = '=SPLIT(A9)';
    const f2 = '=SPLIT(B9)';
    const row = () => [tpl('', f1), spill, tpl('', f2)];
    const plan = sheetPlan([row(), row(), row(), row()]);
    const current = grid([
      [fx(f1, '#REF!'), 'typed', fx(f2, 5)],
      [fx(f1, 5), 6, fx(f2, 5)],
      [fx(f1, '#REF!'), '', fx(f2, 5)],
      [fx(f1, 5), fx('=A4*2', 10), fx(f2, 5)],
    ]);
    expect(userCells(plan, current, 2)).toEqual(['1:typed', '4:=A4*2']);
  });
});

describe('the values of a sheet without what its formulas spilled', () => {
  it('blanks spilled values and keeps what was typed into a blocked spill area or holds no formula', () => {
    const f1 = '=SPLIT(A9)';
    const f2 = '=SPLIT(B9)';
    const plan = sheetPlan([
      [tpl('', f1), spill, tpl('', f2), spill, usr('')],
      [tpl('label'), spill, tpl('', f2), spill, spill],
    ]);
    const current = grid([
      // the first formula shows an error: its spill area holds what was typed
      [fx(f1, '#N/A'), 'typed', fx(f2, 5), 6, 'Name', 'beyond the plan'],
      // no formula left of B2: typed; a formula showing text spills it; a formula in a spill cell stays
      ['label', 'v', fx(f2, 'n/a'), 'n/b', fx('=MINE()', 9)],
      // a row beyond the plan
      [1, 2],
    ]);
    expect(withoutSpilled(plan, current)).toEqual([
      ['#N/A', 'typed', 5, '', 'Name', 'beyond the plan'],
      ['label', 'v', 'n/a', '', 9],
      [1, 2],
    ]);
  });
});

describe('whether a cell holds what the template put there', () => {
  it('an empty cell, however it was read (null, undefined), does', () => {
    const content = () => ({ texts: new Set<string>(), shapes: new Set<string>() });
    expect(holdsTemplateContent(content, 0, { value: null, formula: '' })).toBe(true);
    expect(holdsTemplateContent(content, 0, { value: undefined, formula: '' })).toBe(true);
    expect(holdsTemplateContent(content, 0, { value: 'typed', formula: '' })).toBe(false);
  });
});
