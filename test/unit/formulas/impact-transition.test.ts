/**
 * CJM_IMPACT on one transition (lever "step"), as the plan sheet calls it: the map's rows of stage
 * names, roles and counts from the column before the first stage to the one after the last. The
 * funnel 1000 → 400 → 110 → 30, leads at "Lead" (400), the deal at "Paid" (C 30 / 400 = 7,5%),
 * P 1 100, Q 1: revenue 33 000.
 */
import { describe, expect, it } from 'vitest';
import { CJM_IMPACT } from '../../../src/formulas/impact';
import type { Argument, CellValue } from '../../../src/formulas/grid';

const col = (...v: CellValue[]) => v.map((x) => [x]);
/** A map row with its two edges: the side column's hint before, the blank column after. */
const mapRow = (...v: CellValue[]): Argument => [['(hint)', ...v, '']];
const MAP = [
  mapRow('Visit', 'Lead', 'Trial', 'Paid', 'Retention'),
  mapRow('', 'L', 'L', 'C', 'Q'),
  mapRow(1000, 400, 110, 30, 20),
];
const ECONOMICS = [400, 0.075, 1100, 1] as const;
/** A plan's column: the actions' levers, changes and stages, and the total under them. */
const plan = (lang: 'en' | 'ru', actions: [string, string, string][], map: Argument[] = MAP) =>
  CJM_IMPACT.evaluate(lang, [
    ...ECONOMICS,
    col(...actions.map((a) => a[0])),
    col(...actions.map((a) => a[1])),
    true,
    col(...actions.map((a) => a[2])),
    ...map,
  ]) as (number | string)[][];

describe('CJM_IMPACT on a step', () => {
  it('+3 pp on the step into Trial (27,5% → 30,5%) adds 3 600: C × 30,5 / 27,5, so 33 000 → 36 600', () => {
    // by hand: 400 × (0,075 × 30,5 / 27,5) × 1 100 = 36 600
    expect(400 * ((0.075 * 30.5) / 27.5) * 1100).toBeCloseTo(36_600, 6);
    expect(
      CJM_IMPACT.run(...ECONOMICS, 'step', '+3 pp', false, 'Trial', ...(MAP as Argument[])),
    ).toBeCloseTo(3_600, 6);
  });

  it('in a plan: beside L, C, P and Q actions, in either language and spelling, and in the total as a share of C', () => {
    const out = plan('ru', [
      ['шаг', '+3 п.п.', 'trial'],
      ['C', '+10%', ''],
      // into Lead: a step at the leads stage moves L by its ratio, 40% → 50% is L × 1,25
      ['Step', '+10 pp', 'Lead'],
    ]);
    expect(out.map((r) => r[0])).toEqual([
      expect.closeTo(3_600, 6),
      expect.closeTo(3_300, 6),
      expect.closeTo(33_000 * 0.25, 6),
      // together: L × 1,25, C × 30,5 / 27,5 × 1,1 → 500 × 0,075 × 30,5 / 27,5 × 1,1 × 1 100
      expect.closeTo(500 * ((0.075 * 30.5) / 27.5) * 1.1 * 1100 - 33_000, 6),
    ]);
  });

  it.each([
    ['en', 'Retention', '+3 pp', '⚠ stage: after the deal: repeat purchases, act on Q'],
    ['ru', 'Retention', '+3 pp', '⚠ этап: после сделки: повторные покупки, меняйте Q'],
    ['en', 'Visit', '+3 pp', '⚠ stage: no step into the first stage'],
    ['en', 'Demo', '+3 pp', '⚠ stage: no such stage on the map: choose it again'],
    ['ru', 'Демо', '+3 pp', '⚠ этап: такого этапа нет на карте: выберите заново'],
    ['en', '', '+3 pp', '⚠ stage: name the stage of the step'],
    ['en', 'Trial', '+80 pp', '⚠ stage: step above 100%'],
    ['ru', 'Trial', '-30 п.п.', '⚠ этап: шаг меньше 0'],
    ['en', 'Trial', '+300 leads', '⚠ change: a step changes in pp or %'],
    ['ru', 'Trial', '+300 лидов', '⚠ изменение: шаг меняется в п.п. или %'],
  ] as const)(
    '%s, %s %s: "%s" in its row, the other rows computed',
    (lang, stage, change, note) => {
      const out = plan(lang, [
        ['step', change, stage],
        ['P', '+10%', ''],
      ]);
      expect(out).toEqual([[note], [expect.closeTo(3_300, 6)], [expect.closeTo(3_300, 6)]]);
    },
  );

  it('two stages of one name, a count missing, 0 customers or more than the stage before: each said', () => {
    const map = (names: CellValue[], counts: CellValue[]) => [
      mapRow(...names),
      MAP[1] as Argument,
      mapRow(...counts),
    ];
    const names = ['Visit', 'Lead', 'Trial', 'Paid', 'Retention'];
    const step = (m: Argument[]) => plan('en', [['step', '+3 pp', 'Trial']], m)[0]?.[0];
    expect(step(map(['Visit', 'Trial', 'trial', 'Paid', 'R'], [1000, 400, 110, 30, 20]))).toBe(
      '⚠ stage: two stages have this name: rename one',
    );
    expect(step(map(names, [1000, 400, '', 30, 20]))).toBe('');
    expect(step(map(names, [1000, 0, 0, 0, 0]))).toBe('⚠ stage: 0 customers at the previous stage');
    expect(step(map(names, [1000, 400, 0, 0, 0]))).toBe(
      '⚠ stage: 0 customers at the stage: no step to change',
    );
    expect(step(map(names, [1000, 400, 500, 30, 20]))).toBe(
      '⚠ stage: more than the previous stage',
    );
    expect(step(map(names, [1000, 400, '110', 30, 20]))).toBe(
      '⚠ customers: “110” is text, not a number: type a number, without an apostrophe or spaces',
    );
  });

  it("without the map's rows a step says so in its row, and L, C, P, Q actions still compute", () => {
    const noMap = CJM_IMPACT.evaluate('en', [
      ...ECONOMICS,
      col('step', 'Q'),
      col('+3 pp', '+10%'),
      true,
      col('Trial', ''),
    ]);
    expect(noMap).toEqual([
      ['⚠ stage: no map stages to read the step from'],
      [expect.closeTo(3_300, 6)],
      [expect.closeTo(3_300, 6)],
    ]);
    // rows of different widths, or a single cell, are no map either
    const bad = [mapRow('A', 'B'), mapRow('L', 'C', 'Q'), 5] as Argument[];
    expect(plan('en', [['step', '+3 pp', 'B']], bad)[0]).toEqual([
      '⚠ stage: no map stages to read the step from',
    ]);
  });

  it('a single cell names the stage, the fix, and what a step after the deal changes instead', () => {
    const one =
      (stage: string, change = '+3 pp', lang: 'en' | 'ru' = 'en') =>
      () =>
        CJM_IMPACT.evaluate(lang, [...ECONOMICS, 'step', change, false, stage, ...MAP]);
    expect(one('Demo')).toThrow(
      'CJM_IMPACT: the map has no stage "Demo" (renamed or removed?); choose one of its stages: "Visit", "Lead", "Trial", "Paid", "Retention"',
    );
    expect(one('Retention')).toThrow(/comes after the deal stage: .*set the lever to Q/);
    expect(one('Retention', '+3 pp', 'ru')).toThrow(/идёт после сделки: .*выберите рычаг Q/);
    expect(one('Trial', '+3 лида', 'ru')).toThrow(
      'CJM_IMPACT: конверсия шага меняется в пунктах или в процентах; напишите +10% или +2 п.п.',
    );
    expect(() => CJM_IMPACT.run(...ECONOMICS, 'stage', '+3 pp')).toThrow(
      /or "step" \(шаг\): the step conversion into the action's stage/,
    );
  });
});
