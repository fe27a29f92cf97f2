import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { t } from '../../../../src/core/words/i18n';
import { exampleJourney } from '../../../../src/core/map/example';
import {
  a1,
  FIRST_STAGE_COL,
  footerMarker,
  parseFooter,
  ROW,
  ROW_ORDER,
} from '../../../../src/core/map/layout';
import type { SheetPlan } from '../../../../src/core/map/plan';
import { readJourney } from '../../../../src/core/map/read-map';
import { planMap } from '../../../../src/core/map/template';
import { journeyArb, presetJourney } from '../../../support/journeys';

/**
 * What getValues would show for a plan's literal cells (formulas left out: the reader does not need
 * them).
 */
const shown = (plan: SheetPlan) =>
  plan.cells.map((row) => row.map((c) => (c.formula ? '' : c.value)));
const at = (plan: SheetPlan, row: number, col: number) => plan.cells[row - 1]?.[col - 1];

describe('the map template', () => {
  it('lays the six checklist stages out as columns from C, with the Russian labels for a Russian map', () => {
    const plan = planMap(presetJourney('ru'), { sheetName: 'Карта', locale: 'ru_RU' });
    expect(plan.cols).toBe(8);
    expect(at(plan, ROW.header, FIRST_STAGE_COL)?.value).toBe('Первичное осмысление');
    expect(at(plan, ROW.header, FIRST_STAGE_COL + 5)?.value).toBe('Лояльность');
    expect(at(plan, ROW.barriers, 1)?.value).toBe('Барьеры');
    expect(at(plan, ROW.revenue, 1)?.value).toBe('Выручка = L × C × P × Q');
    expect(at(plan, ROW.revenue, 2)?.numberFormat).toContain('₽');
  });

  it('calls a custom function from at most five cells at any stage count: each one is a server execution in Sheets', () => {
    // What the formulas compute is checked by evaluating them (test/integration/map/new-map.test.ts); here,
    // how many there are.
    const customCells = (plan: SheetPlan) =>
      plan.cells.flat().filter((c) => /CJM_/.test(c.formula ?? '')).length;
    for (const n of [2, 6, 30, 40]) {
      const j = presetJourney();
      const stages = Array.from({ length: n }, (_, i) => ({
        ...j.stages[i % j.stages.length]!,
        id: `stage${String(i).padStart(3, '0')}`,
      }));
      expect(
        customCells(planMap({ ...j, stages }, { sheetName: 'm', locale: 'en_US' })),
      ).toBeLessThanOrEqual(5);
    }
    expect(ROW_ORDER.indexOf('revenue') + 1).toBe(ROW.revenue);
  });

  it('gives dropdowns to the type rows and a 1–5 rule to the experience score', () => {
    const plan = planMap(presetJourney(), { sheetName: 'm', locale: 'en_US' });
    const barrier = plan.validations[at(plan, ROW.barrierType, FIRST_STAGE_COL)?.validation ?? ''];
    expect(barrier).toMatchObject({
      kind: 'list',
      values: ['Inconvenience', 'Unclarity', 'Insufficiency'],
    });
    expect(plan.validations[at(plan, ROW.score, FIRST_STAGE_COL)?.validation ?? '']).toMatchObject({
      kind: 'number',
      min: 1,
      max: 5,
    });
    expect(plan.conditionalRules.map((r) => r.range)).toContain(`C${ROW.score}:H${ROW.score}`);
  });

  it('names the L, C, P, Q and revenue cells uniquely per map and protects only formula cells', () => {
    const plan = planMap(presetJourney(), { sheetName: 'm', locale: 'en_US' });
    expect(plan.namedRanges).toEqual([
      { name: 'CJM_TEST42_L', range: a1(ROW.leads, 2) },
      { name: 'CJM_TEST42_C', range: a1(ROW.conversion, 2) },
      { name: 'CJM_TEST42_P', range: a1(ROW.avgCheck, 2) },
      { name: 'CJM_TEST42_Q', range: a1(ROW.purchases, 2) },
      { name: 'CJM_TEST42_REVENUE', range: a1(ROW.revenue, 2) },
    ]);
    expect(plan.protectedRange).toBe(`B${ROW.step}:H${ROW.curve}`);
    for (const row of plan.cells)
      for (const cell of row) if (cell.formula) expect(cell.owner).toBe('template');
  });

  it('reads back every journey it plans, whatever the user typed', () => {
    fc.assert(
      fc.property(journeyArb, (journey) => {
        const read = readJourney(shown(planMap(journey, { sheetName: 's', locale: 'en_US' })));
        expect(read).toEqual({ ok: true, journey });
      }),
      { numRuns: 150 },
    );
  });

  it('reports a hand-damaged map with the row that changed, and ignores sheets that are not maps', () => {
    const grid = shown(planMap(presetJourney(), { sheetName: 's', locale: 'en_US' }));
    grid.splice(ROW.barriers - 1, 1);
    const read = readJourney(grid);
    expect(read.ok).toBe(false);
    if (!read.ok && read.problem === 'damaged') {
      expect(read.reason('en')).toBe(
        `row ${ROW.barriers} should be "Barriers" but is "Barrier type"`,
      );
    } else throw new Error('expected a damaged map');
    expect(
      readJourney([
        ['Budget', 2026],
        ['Q1', 100],
      ]),
    ).toEqual({ ok: false, problem: 'notMap' });
    expect(t('en', 'err.damaged', { reason: 'x' })).toMatch(
      /^This sheet is not a CJM map or damaged: x\./,
    );
  });
});

describe('the map marker', () => {
  it("is in the map's language, and both languages and the old English form are read", () => {
    expect(footerMarker('K7P2QX', 'ru')).toBe('Карта CJM K7P2QX · шаблон v2');
    expect(footerMarker('K7P2QX', 'en')).toBe('CJM map K7P2QX · template v2');
    expect(parseFooter('Карта CJM K7P2QX · шаблон v2')).toEqual({ id: 'K7P2QX', version: 2 });
    expect(parseFooter('CJM map K7P2QX · template v1')).toEqual({ id: 'K7P2QX', version: 1 });
    expect(parseFooter('Карта CJM k7 · шаблон v2')).toBeNull();
    const ru = planMap(
      { ...exampleJourney('ru'), id: 'ABCD12' },
      { sheetName: 'x', locale: 'ru_RU' },
    );
    expect(ru.cells[ROW.footer - 1]![0]!.value).toBe('Карта CJM ABCD12 · шаблон v2');
  });
});
