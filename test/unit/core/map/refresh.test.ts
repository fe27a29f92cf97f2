import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refreshWrites, userCells, type Grid } from '../../../../src/core/map/refresh';
import { FIRST_STAGE_COL, ROW, ROW_COUNT, stageCol } from '../../../../src/core/map/layout';
import { planMap } from '../../../../src/core/map/template';
import type { SheetPlan } from '../../../../src/core/map/plan';
import { presetJourney } from '../../../support/journeys';

const opts = { sheetName: 'Map', locale: 'en_US' };

/** The sheet a plan makes: formulas where it has them, values elsewhere. */
function sheetOf(plan: SheetPlan): { values: unknown[][]; formulas: string[][] } {
  return {
    values: plan.cells.map((row) => row.map((c) => (c.formula ? 0 : c.value))),
    formulas: plan.cells.map((row) => row.map((c) => c.formula ?? '')),
  };
}

function put(
  grid: Grid & { values: unknown[][]; formulas: string[][] },
  row: number,
  col: number,
  value: unknown,
  formula = '',
): void {
  (grid.values[row - 1] as unknown[])[col - 1] = value;
  (grid.formulas[row - 1] as string[])[col - 1] = formula;
}

describe('what a stage edit writes', () => {
  it('nothing, when the sheet already is what the plan says', () => {
    const plan = planMap(presetJourney(), opts);
    expect(refreshWrites(plan, sheetOf(plan), plan)).toEqual([]);
  });

  it('never a template cell that holds what a user typed or pasted there', () => {
    const plan = planMap(presetJourney(), opts);
    // Every template-owned cell of the map: blank ones, hints, markers and formulas.
    const cells = plan.cells.flatMap((row, r) =>
      row.flatMap((c, col) => (c.owner === 'template' ? [{ row: r + 1, col: col + 1 }] : [])),
    );
    fc.assert(
      fc.property(
        fc.subarray(cells, { minLength: 1, maxLength: 12 }),
        fc.string({ minLength: 1 }),
        (typed, text) => {
          const moved = planMap(
            { ...presetJourney(), stages: presetJourney().stages.slice(1) },
            opts,
          );
          const grid = sheetOf(plan);
          typed.forEach((c, i) => {
            put(grid, c.row, c.col, `note ${i} ${text}`);
          });
          const writes = refreshWrites(moved, grid, plan);
          for (const c of typed)
            expect(writes.find((w) => w.row === c.row && w.col === c.col)).toBeUndefined();
        },
      ),
    );
  });

  it("a template cell whose content changes, such as a new first stage's hint, when it holds template content", () => {
    const j = presetJourney();
    const before = planMap(j, opts);
    // The first stage moved right: its column (with the "L" hint under it) is now D.
    const after = planMap(
      { ...j, stages: [j.stages[1]!, j.stages[0]!, ...j.stages.slice(2)] },
      opts,
    );
    const grid = sheetOf(before);
    const swap = <T>(row: T[]) =>
      row.splice(FIRST_STAGE_COL - 1, 2, row[FIRST_STAGE_COL] as T, row[FIRST_STAGE_COL - 1] as T);
    grid.values.forEach(swap);
    grid.formulas.forEach(swap);
    const at = (row: number, col: number) =>
      refreshWrites(after, grid, before).find((w) => w.row === row && w.col === col);
    expect(at(ROW.leads, stageCol(0))?.cell.value).toBe(
      after.cells[ROW.leads - 1]?.[stageCol(0) - 1]?.value,
    );
    expect(at(ROW.leads, stageCol(1))?.cell.value).toBe('');
    // user cells moved with their column and are never written
    expect(refreshWrites(after, grid, before).every((w) => w.cell.owner === 'template')).toBe(true);
  });

  it("a new stage's name and role, and nothing of a user's", () => {
    const j = presetJourney();
    const before = planMap(j, opts);
    const added = planMap(
      {
        ...j,
        stages: [...j.stages, { ...j.stages[0]!, id: 'newstage', name: 'New stage', role: 'Q' }],
      },
      opts,
    );
    const grid = sheetOf(before);
    for (const line of [...grid.values, ...grid.formulas]) (line as unknown[]).push('');
    const writes = refreshWrites(added, grid, before).filter(
      (w) => w.col === stageCol(j.stages.length),
    );
    expect(writes.map((w) => w.row)).toEqual(
      expect.arrayContaining([ROW.header, ROW.role, ROW.dropOff, ROW.footer]),
    );
    expect(writes.every((w) => w.row <= ROW_COUNT)).toBe(true);
  });

  it('clears a formula of ours that Sheets broke (#REF!: its cells deleted) where a column drag left it, and keeps a user formula of another shape', () => {
    const plan = planMap(presetJourney(), opts);
    const grid = sheetOf(plan);
    const ours = plan.cells[ROW.step - 1]?.[stageCol(0) - 1]?.formula ?? '';
    expect(ours).toMatch(/^=CJM_CONVERSION\([A-Z]+\d+:[A-Z]+\d+\)$/);
    // the step row's formula, its range deleted, dragged into the next stage's spill cell
    put(grid, ROW.step, stageCol(1), '#REF!', '=CJM_CONVERSION(#REF!)');
    // a user's formulas in two more spill cells: one of another shape, one naming a single cell
    put(grid, ROW.step, stageCol(2), 2, '=C25*2');
    put(grid, ROW.step, stageCol(3), 0.5, '=CJM_CONVERSION(C25)');
    const written = refreshWrites(plan, grid, plan)
      .filter((w) => w.row === ROW.step)
      .map((w) => w.col);
    expect(written).toEqual([stageCol(1)]);
  });
});

describe('what a stage edit takes back after a sort moved the template across its rows', () => {
  const plan = planMap(presetJourney(), opts);
  const c = stageCol(0);
  /** Column C of rows 27–32 as a sort in Sheets may leave it: formulas and the hint moved up. */
  function sorted() {
    const grid = sheetOf(plan);
    const at = (row: number) => ({
      value: grid.values[row - 1]?.[c - 1],
      formula: grid.formulas[row - 1]?.[c - 1] ?? '',
    });
    const rows = [ROW.avgCheck, ROW.purchases, ROW.step, ROW.overall, ROW.dropOff, ROW.leads];
    const order = [ROW.dropOff, ROW.step, ROW.overall, ROW.leads, ROW.avgCheck, ROW.purchases];
    const cells = order.map(at);
    rows.forEach((row, i) => {
      put(grid, row, c, cells[i]?.value, cells[i]?.formula);
    });
    return grid;
  }
  const written = (grid: Grid) =>
    new Map(
      refreshWrites(plan, grid, plan)
        .filter((w) => w.col === c)
        .map((w) => [w.row, w.cell.formula ?? w.cell.value]),
    );
  const planned = (row: number) => {
    const cell = plan.cells[row - 1]?.[c - 1];
    return cell?.formula ?? cell?.value;
  };

  it('draws each formula and hint back in its own row, once', () => {
    expect(planned(ROW.leads)).toBe('customers at the first L stage');
    expect(planned(ROW.step)).toMatch(/^=CJM_CONVERSION\(/);
    expect(written(sorted())).toEqual(
      new Map([
        [ROW.avgCheck, ''],
        [ROW.purchases, ''],
        [ROW.step, planned(ROW.step)],
        [ROW.overall, planned(ROW.overall)],
        [ROW.dropOff, planned(ROW.dropOff)],
        [ROW.leads, planned(ROW.leads)],
      ]),
    );
  });

  it("keeps the user's numbers the sort brought into a formula row", () => {
    const grid = sorted();
    put(grid, ROW.overall, c, 1200);
    expect(written(grid).has(ROW.overall)).toBe(false);
  });

  it('does not count the moved formulas and hint as what removing the stage would take away', () => {
    const grid = sorted();
    expect(userCells(plan, grid, c, [ROW.header, ROW.role])).toEqual([]);
    put(grid, ROW.overall, c, 1200);
    expect(userCells(plan, grid, c, [ROW.header, ROW.role])).toEqual([`${ROW.overall}:1200`]);
  });

  it('keeps a copy of our formula a user typed while ours stays in its row', () => {
    const grid = sheetOf(plan);
    put(grid, ROW.avgCheck, c, 1, planned(ROW.step) as string);
    put(grid, ROW.purchases, c, 'customers at the first L stage');
    expect(written(grid)).toEqual(new Map());
  });
});

describe('what removing a stage would take away', () => {
  it('counts content and notes typed into the template cells of its column, not its name, role, hints or formulas', () => {
    const plan = planMap(presetJourney(), opts);
    const grid = sheetOf(plan);
    const col = stageCol(0);
    expect(userCells(plan, grid, col, [ROW.header, ROW.role])).toEqual([]);
    put(grid, ROW.barriers, col, 'Long form');
    put(grid, ROW.personaAge, col, 'ask Anna');
    put(grid, ROW.step, col, 0.5);
    expect(userCells(plan, grid, col, [ROW.header, ROW.role])).toEqual(
      [`${ROW.barriers}:Long form`, `${ROW.step}:0.5`, `${ROW.personaAge}:ask Anna`].sort(
        (a, b) => parseInt(a, 10) - parseInt(b, 10),
      ),
    );
  });
});
