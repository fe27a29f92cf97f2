import { describe, expect, it } from 'vitest';
import { CJM_BOTTLENECK } from '../../../src/formulas/bottleneck';
import { CJM_CONVERSION } from '../../../src/formulas/conversion';
import { CJM_FUNNEL } from '../../../src/formulas/funnel';
import { CJM_REQUIRED } from '../../../src/formulas/required';
import { CJM_REVENUE } from '../../../src/formulas/revenue';
import { CJM_IMPACT } from '../../../src/formulas/impact';
import type { CellValue } from '../../../src/formulas/grid';
import { readCounts } from '../../../src/formulas/counts';
import { toNumber } from '../../../src/formulas/kinds';

const col = (...v: CellValue[]) => v.map((x) => [x]);
const row = (...v: CellValue[]) => [v];

describe('CJM_REVENUE', () => {
  it('1 000 leads at 5% with a 2 000 check bought 1.5 times make 150 000', () => {
    expect(CJM_REVENUE.run(1000, 0.05, 2000, 1.5)).toBeCloseTo(150_000, 6);
  });
  it('purchases default to 1', () => {
    expect(CJM_REVENUE.run(1000, 0.05, 2000)).toBeCloseTo(100_000, 6);
  });
  it('does not read a number typed as text, in either notation: it names the text', () => {
    for (const text of ['1 000', '1,000', '1000', '1\u00a0000'])
      expect(() => CJM_REVENUE.run(text, 0.05, 2000, 1.5)).toThrow(
        `CJM_REVENUE: leads is the text "${text}", not a number`,
      );
    expect(() => CJM_REVENUE.run(1000, '5%', 2000)).toThrow(/conversion is the text "5%"/);
  });
  it('spills a range of the same shape, blank rows staying blank', () => {
    const out = CJM_REVENUE.run(
      col(1000, 2000, '', 10),
      col(0.1, 0.05, 0.1, 0.5),
      col(100, 100, 100, ''),
      col(1, 2, 1, 1),
    );
    expect(out).toEqual([[10_000], [20_000], [''], ['']]);
  });
  it('broadcasts a single check over a range of leads', () => {
    expect(CJM_REVENUE.run(row(100, 200), 0.5, 10)).toEqual([[500, 1000]]);
  });
  it('says which argument, which row and what to type when conversion is a percentage number', () => {
    const call = { fn: 'CJM_REVENUE', lang: 'en' as const };
    expect(() =>
      toNumber(call, 'conversion', 'share', 150, { row: 2, col: 0, rows: 3, cols: 1 }),
    ).toThrow('CJM_REVENUE: conversion must be a share from 0 to 1 (5% or 0.05); got 150 in row 3');
    expect(() => CJM_REVENUE.run(1, 150, 10)).toThrow(
      'CJM_REVENUE: conversion must be a share from 0 to 1 (5% or 0.05); got 150',
    );
    expect(() => CJM_REVENUE.run(1, 5, 10)).toThrow(/type 5% or 0\.05/);
  });
  it('in a spilled range, the bad row says so briefly and the others compute', () => {
    expect(CJM_REVENUE.run(col(1, 1, 1), col(0.1, 0.2, 150), 10, 1)).toEqual([
      [1],
      [2],
      ['⚠ conversion: more than 100%'],
    ]);
  });
  it('rejects text and negative amounts by name', () => {
    expect(() => CJM_REVENUE.run('many', 0.1, 10)).toThrow(/CJM_REVENUE: leads is the text "many"/);
    expect(() => CJM_REVENUE.run(10, 0.1, -5)).toThrow(
      /avg_check must be an amount of money, 0 or more/,
    );
    expect(() => CJM_REVENUE.run(10, 0.1, 5, true)).toThrow(/purchases .* got TRUE/);
  });
  it('rejects ranges of different shapes', () => {
    expect(() => CJM_REVENUE.run(col(1, 2), col(0.1, 0.2, 0.3), 1)).toThrow(
      /leads and conversion are ranges of different sizes \(2×1 and 3×1\)/,
    );
  });
});

describe('CJM_CONVERSION', () => {
  it('50 buyers of 1 000 leads is 5%', () => {
    expect(CJM_CONVERSION.run(1000, 50)).toBe(0.05);
  });
  it('works stage to stage over a row of counts', () => {
    expect(CJM_CONVERSION.run(row(1000, 400, 100), row(400, 100, 50))).toEqual([[0.4, 0.25, 0.5]]);
  });
  it('names the larger count when the order is wrong', () => {
    expect(() => CJM_CONVERSION.run(50, 1000)).toThrow(
      'CJM_CONVERSION: to_count (1000) is larger than from_count (50)',
    );
  });
  it('explains a zero from_count instead of #DIV/0!', () => {
    expect(() => CJM_CONVERSION.run(0, 0)).toThrow(
      /from_count is 0: no customers reached the earlier stage/,
    );
  });
  it('is blank while a count is missing', () => {
    expect(CJM_CONVERSION.run('', 10)).toBe('');
  });
});

describe('CJM_FUNNEL', () => {
  it('tabulates 1000 → 400 → 100 with step, overall and drop-off', () => {
    expect(CJM_FUNNEL.run(col(1000, 400, 100))).toEqual([
      ['Stage', 'Customers', 'Step conversion', 'Overall conversion', 'Drop-off'],
      ['Stage 1', 1000, 1, 1, 0],
      ['Stage 2', 400, 0.4, 0.4, 600],
      ['Stage 3', 100, 0.25, 0.1, 300],
    ]);
  });
  it('uses the given labels and Russian headers', () => {
    const out = CJM_FUNNEL.run(row(10, 5), row('Визит', 'Заказ'), 'ru') as unknown[][];
    expect(out[0]).toEqual(['Этап', 'Клиенты', 'Конверсия шага', 'Общая конверсия', 'Отток']);
    expect(out[2]).toEqual(['Заказ', 5, 0.5, 0.5, 5]);
  });
  it('leaves stages not measured yet blank', () => {
    const out = CJM_FUNNEL.run(col(100, 50, '')) as unknown[][];
    expect(out[3]).toEqual(['Stage 3', '', '', '', '']);
  });
  it("marks the stage of a funnel that grows, and explains it in full where it is the call's error", () => {
    const out = CJM_FUNNEL.run(col(100, 50, 70)) as unknown[][];
    expect(out[3]).toEqual(['Stage 3', 70, '⚠ more than the previous stage', '', '']);
    const counts = { name: 'counts', kind: 'count' } as const;
    const read = readCounts({ fn: 'CJM_FUNNEL', lang: 'en' }, counts, col(100, 50, 70));
    expect(read.issues[2]?.error.message).toMatch(
      /^CJM_FUNNEL: counts must not increase along the funnel: stage 3 has 70, more than stage 2 \(50\) in row 3/,
    );
  });
  it('refuses a 2-D block of counts', () => {
    expect(() =>
      CJM_FUNNEL.run([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(/counts must be one row or one column; got a 2×2 range/);
  });
});

describe('CJM_BOTTLENECK', () => {
  const labels = row('Visit', 'Cart', 'Order', 'Repeat');
  it('finds the lowest step conversion', () => {
    expect(CJM_BOTTLENECK.run(row(1000, 400, 100, 80), labels)).toBe('Cart → Order');
  });
  it('with targets finds the largest shortfall instead', () => {
    // steps: 0.4 (target 0.8 → 0.5), 0.25 (target 0.25 → 1), 0.8 (target 0.9 → 0.89)
    expect(CJM_BOTTLENECK.run(row(1000, 400, 100, 80), labels, row('', 0.8, 0.25, 0.9))).toBe(
      'Visit → Cart',
    );
  });
  it('gives ties to the earlier transition', () => {
    expect(CJM_BOTTLENECK.run(row(100, 50, 25), row('A', 'B', 'C'))).toBe('A → B');
  });
  it('is blank until two stages are measured', () => {
    expect(CJM_BOTTLENECK.run(row(100, '', ''), row('A', 'B', 'C'))).toBe('');
  });
  it('leaves out a transition whose target is out of range, and says so when it was the only one', () => {
    expect(CJM_BOTTLENECK.run(row(10, 5), row('A', 'B'), row('', 40))).toBe(
      '⚠ the target of "B" is above 100%; enter a share, e.g. 30%',
    );
    expect(CJM_BOTTLENECK.run(row(100, 10, 5), row('A', 'B', 'C'), row('', 40, ''))).toBe('B → C');
  });
  it('treats a target of 0 as no target', () => {
    expect(CJM_BOTTLENECK.run(row(100, 50, 10), row('A', 'B', 'C'), row('', 0, 0.5))).toBe('B → C');
  });
});

describe('CJM_REQUIRED', () => {
  it('doubling revenue at fixed C, P, Q takes twice the leads', () => {
    expect(CJM_REQUIRED.run(300_000, 1000, 0.05, 2000, 1.5, 'leads')).toBeCloseTo(2000, 9);
  });
  it('accepts L/C/P/Q and Russian names in any case', () => {
    expect(CJM_REQUIRED.run(300_000, 1000, 0.05, 2000, 1.5, 'Конверсия')).toBeCloseTo(0.1, 12);
    expect(CJM_REQUIRED.run(300_000, 1000, 0.05, 2000, 1.5, 'p')).toBeCloseTo(4000, 9);
    expect(CJM_REQUIRED.run(300_000, 1000, 0.05, 2000, '', 'покупки')).toBeCloseTo(3, 12);
  });
  it('says a goal is unreachable by conversion alone and what it would take', () => {
    expect(() => CJM_REQUIRED.run(10_000_000, 1000, 0.05, 2000, 1.5, 'C')).toThrow(
      /unreachable by conversion alone: it would take 333\.33% conversion, and even 100% gives 3000000; raise leads to at least 3333\.33/,
    );
  });
  it('names an unknown solve_for', () => {
    expect(() => CJM_REQUIRED.run(1, 1, 0.1, 1, 1, 'price')).toThrow(
      /solve_for must name a factor: "leads", "conversion"/,
    );
  });
  it('explains a zero factor that makes any value useless', () => {
    expect(() => CJM_REQUIRED.run(1000, 0, 0.1, 10, 1, 'purchases')).toThrow(
      /leads is 0, so no purchases can reach 1000/,
    );
  });
});

describe('CJM_IMPACT', () => {
  it('+2 points of conversion on 1 000 leads, 2 000 check, 1.5 purchases adds 60 000', () => {
    expect(CJM_IMPACT.run(1000, 0.05, 2000, 1.5, 'C', '+2 pp')).toBeCloseTo(60_000, 6);
    expect(CJM_IMPACT.run(1000, 0.05, 2000, 1.5, 'конверсия', '+2 п.п.')).toBeCloseTo(60_000, 6);
  });
  it('+10% average check adds a tenth of revenue; -5% leads loses a twentieth', () => {
    expect(CJM_IMPACT.run(1000, 0.05, 2000, 1.5, 'P', '+10%')).toBeCloseTo(15_000, 6);
    expect(CJM_IMPACT.run(1000, 0.05, 2000, 1.5, 'L', '-5%')).toBeCloseTo(-7_500, 6);
    expect(CJM_IMPACT.run(1000, 0.05, 2000, 1.5, 'Q', '+20%')).toBeCloseTo(30_000, 6);
  });
  it('explains changes that cannot apply', () => {
    expect(() => CJM_IMPACT.run(1000, 0.05, 2000, 1.5, 'P', '+2 pp')).toThrow(
      'CJM_IMPACT: points (pp) apply to conversion only',
    );
    expect(() => CJM_IMPACT.run(1000, 0.99, 2000, 1.5, 'C', '+2 pp')).toThrow(
      /take conversion above 100%/,
    );
    expect(() => CJM_IMPACT.run(1000, 0.05, 2000, 1.5, 'C', 'a lot')).toThrow(
      'CJM_IMPACT: change must state its unit, like +10% or +2 pp',
    );
    // a number alone does not say its unit, whether typed in the formula or held by a cell
    expect(() => CJM_IMPACT.run(1000, 0.05, 2000, 1.5, 'C', 15)).toThrow(
      /change is the number 15, which does not state its unit; write it as text with its unit: \+10% or \+2 pp/,
    );
    expect(() => CJM_IMPACT.run(1000, 0.05, 2000, 1.5, 'Q', 0.2)).toThrow(
      /change is the number 0.2, .*: \+10% or \+0\.5 purchases/,
    );
  });
  it('is blank until the action has a lever and a change', () => {
    expect(CJM_IMPACT.run(1000, 0.05, 2000, 1.5, '', '')).toBe('');
  });
});
