/**
 * CJM_IMPACT: what a change of one lever, or of the step into one stage, does to revenue
 * L × C × P × Q, and what it says when the change cannot apply or the map's rows cannot be read.
 * (The stage problems of a step, each in a plan's row, are in impact-transition.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { parseChange } from '../../../src/core/funnel/change';
import type { Argument, CellValue } from '../../../src/formulas/grid';
import { CJM_IMPACT } from '../../../src/formulas/impact';
import { thrown } from './thrown';

type Lang = 'en' | 'ru';
const col = (...v: CellValue[]) => v.map((x) => [x]);
/** A map row with its two edges: the side column's hint before, the blank column after. */
const mapRow = (...v: CellValue[]): CellValue[][] => [['(hint)', ...v, '']];
const STAGES = mapRow('Visit', 'Lead', 'Trial', 'Paid', 'Retention');
const ROLES = mapRow('', 'L', 'L', 'C', 'Q');
const COUNTS = mapRow(1000, 400, 110, 30, 20);
const MAP: Argument[] = [STAGES, ROLES, COUNTS];
/** L 400, C 7,5%, P 1 100, Q 1: revenue 33 000. */
const ECONOMICS = [400, 0.075, 1100, 1] as const;

/** One action in a single cell: its impact, or the message Sheets shows as #ERROR!. */
const one = (lang: Lang, args: readonly (Argument | undefined)[]) => () =>
  CJM_IMPACT.evaluate(lang, args);

describe('CJM_IMPACT with an amount in another lever’s unit', () => {
  it.each([
    [
      'en',
      'P',
      '+300 leads',
      'CJM_IMPACT: the change is counted in leads, which is not the unit of check; write +10% or +$1,000',
    ],
    [
      'ru',
      'чек',
      '+300 лидов',
      'CJM_IMPACT: изменение указано в лидах, а это не единица рычага «чек»; напишите +10% или +1\u00a0000 ₽',
    ],
    [
      'en',
      'L',
      '+0.5 purchases',
      'CJM_IMPACT: the change is counted in purchases, which is not the unit of leads; write +10% or +300 leads',
    ],
    [
      'ru',
      'Q',
      '+300 лидов',
      'CJM_IMPACT: изменение указано в лидах, а это не единица рычага «покупки»; напишите +10% или +0,5 покупки',
    ],
    [
      'en',
      'C',
      '+1000 ₽',
      'CJM_IMPACT: the change is counted in money, which is not the unit of conversion; write +10% or +2 pp',
    ],
  ] as const)(
    '%s, lever %s, change %s: names the unit, the lever, and the forms to write',
    (lang, lever, change, message) => {
      expect(thrown(one(lang, [1000, 0.05, 2000, 1.5, lever, change])).message).toBe(message);
    },
  );

  it('in a column, the row says briefly that the unit is another lever’s', () => {
    expect(
      CJM_IMPACT.evaluate('en', [1000, 0.05, 2000, 1.5, col('P', 'P'), col('+300 leads', '+10%')]),
    ).toEqual([["⚠ change: another lever's unit"], [expect.closeTo(15_000, 6)]]);
  });
});

describe('CJM_IMPACT on a step that would take conversion above 100%', () => {
  // C 95%: the step into Trial 27,5% → 30,5% takes C to 95% × 30,5 / 27,5 ≈ 105%
  const HIGH = [400, 0.95, 1100, 1] as const;

  it('a single cell says conversion would pass 100%, in either language', () => {
    const args = [...HIGH, 'step', '+3 pp', false, 'Trial', ...MAP];
    expect(thrown(one('en', args)).message).toBe(
      'CJM_IMPACT: the change would take conversion above 100%; use a smaller change',
    );
    expect(thrown(one('ru', args)).message).toBe(
      'CJM_IMPACT: изменение подняло бы конверсию выше 100%; возьмите изменение поменьше',
    );
  });

  it('in a plan its row holds the change’s note, and the total leaves it out', () => {
    const plan = (lang: Lang) =>
      CJM_IMPACT.evaluate(lang, [
        ...HIGH,
        col('step', 'P'),
        col('+3 pp', '+10%'),
        true,
        col('Trial', ''),
        ...MAP,
      ]) as (number | string)[][];
    // revenue 400 × 0,95 × 1 100 × 1 = 418 000; +10% of the check adds 41 800
    expect(plan('en')).toEqual([
      ['⚠ change: conversion above 100%'],
      [expect.closeTo(41_800, 6)],
      [expect.closeTo(41_800, 6)],
    ]);
    expect(plan('ru')[0]).toEqual(['⚠ изменение: конверсия выше 100%']);
  });
});

describe('CJM_IMPACT on a step reads the map’s three rows only when they make a map', () => {
  const step = (lang: Lang, stages?: Argument, roles?: Argument, counts?: Argument) =>
    CJM_IMPACT.evaluate(lang, [
      ...ECONOMICS,
      'step',
      '+3 pp',
      false,
      'Trial',
      stages,
      roles,
      counts,
    ]);

  it('names what each of the three arguments was, an omitted one as a blank cell, in either language', () => {
    const en = thrown(() => step('en', STAGES, undefined, 5)).message;
    expect(en).toMatch(/^CJM_IMPACT: an action on a step needs the map's stages: /);
    expect(en).toMatch(/; got stages 1×7, roles a blank cell, counts 5$/);
    const ru = thrown(() => step('ru', STAGES, undefined, 5)).message;
    expect(ru).toMatch(/^CJM_IMPACT: действию на шаг нужны этапы карты: /);
    expect(ru).toMatch(/; получено: stages 1×7, roles пустая ячейка, counts 5$/);
  });

  it('a row of two lines, a row narrower than the others, or rows of the edges alone are no map', () => {
    const got = (stages: Argument, roles: Argument, counts: Argument) =>
      thrown(() => step('en', stages, roles, counts)).message.split('; got ')[1];
    // a second line under the names: the rows were selected one line too deep
    expect(got([...STAGES, ['', 'x', 'y', 'z', 'w', 'v', '']], ROLES, COUNTS)).toBe(
      'stages 2×7, roles 1×7, counts 1×7',
    );
    expect(got(STAGES, [['(hint)', '', 'L', 'L']], COUNTS)).toBe(
      'stages 1×7, roles 1×4, counts 1×7',
    );
    expect(got([['(hint)', '']], [['', '']], [['', '']])).toBe('stages 1×2, roles 1×2, counts 1×2');
  });

  it('three rows of one stage between the edges are a map: its only stage has no step into it', () => {
    const only = [[['(hint)', 'Trial', '']], [['', 'C', '']], [['', 30, '']]];
    expect(thrown(() => step('en', ...only)).message).toBe(
      'CJM_IMPACT: "Trial" is the map\'s first stage: no step leads into it; choose a later stage, or act on L (leads)',
    );
  });

  it('the edge columns are not stages: an unknown stage lists exactly the stages between them', () => {
    const args = [...ECONOMICS, 'step', '+3 pp', false, 'Demo', ...MAP];
    expect(thrown(one('en', args)).message).toBe(
      'CJM_IMPACT: the map has no stage "Demo" (renamed or removed?); choose one of its stages: "Visit", "Lead", "Trial", "Paid", "Retention"',
    );
  });
});

describe('CJM_IMPACT as a plan (together TRUE)', () => {
  it('a step with its stage argument left out says to name the stage, and the other actions compute', () => {
    const out = CJM_IMPACT.evaluate('en', [
      ...ECONOMICS,
      col('step', 'P'),
      col('+3 pp', '+10%'),
      true,
      undefined,
      ...MAP,
    ]);
    expect(out).toEqual([
      ['⚠ stage: name the stage of the step'],
      [expect.closeTo(3_300, 6)],
      [expect.closeTo(3_300, 6)],
    ]);
  });

  it('the economics must be single cells: a row of leads fails the whole call, naming its shape', () => {
    const plan = (lang: Lang) => () =>
      CJM_IMPACT.evaluate(lang, [[[400, 500]], 0.075, 1100, 1, col('P'), col('+10%'), true]);
    expect(thrown(plan('en')).message).toBe(
      'CJM_IMPACT: with together TRUE, lever, change and stage must be one column (or one cell) and leads, conversion, avg_check and purchases one cell each; got leads 1×2',
    );
    expect(thrown(plan('ru')).message).toBe(
      'CJM_IMPACT: при together = TRUE аргументы lever, change и stage должны быть одним столбцом (или одной ячейкой), а leads, conversion, avg_check и purchases — по одной ячейке; получено: leads 1×2',
    );
  });

  it('a change given as a range of one cell serves every action, as a single cell does', () => {
    const out = CJM_IMPACT.evaluate('en', [...ECONOMICS, col('P', 'Q'), [['+10%']], true]);
    // each +10% of 33 000 alone; together 33 000 × 1,1 × 1,1 = 39 930
    expect(out).toEqual([
      [expect.closeTo(3_300, 6)],
      [expect.closeTo(3_300, 6)],
      [expect.closeTo(6_930, 6)],
    ]);
  });
});

describe('CJM_IMPACT’s help', () => {
  it('says what it computes and returns in both languages', () => {
    const { summary, returns } = CJM_IMPACT;
    for (const text of [summary.en, summary.ru]) expect(text).toContain('L × C × P × Q');
    for (const text of [returns.en, returns.ru]) expect(text).toContain('together');
    expect(summary.en).toMatch(/^Revenue impact of an action/);
    expect(summary.ru).toMatch(/^Влияние действия на выручку/);
    expect(returns.en).toMatch(/^The extra revenue/);
    expect(returns.ru).toMatch(/^Прирост выручки/);
  });

  /** The cells an example assumes: "D2:D6 = L, C, C; E2:E6 = …" as { D2:D6: ['L', 'C', 'C'], … }. */
  const cellsOf = (given: string): Record<string, string[]> =>
    Object.fromEntries(
      given.split('; ').map((part) => {
        const [ref = '', values = ''] = part.split(' = ');
        return [ref, values.split(', ')];
      }),
    );
  const PLACEHOLDER: Record<string, string> = { '(боковой)': '(side)', '(пусто)': '(blank)' };
  /** A Russian given cell as the English one: its placeholder translated, a change parsed. */
  const sameCell = (ru: string, en: string) =>
    (PLACEHOLDER[ru] ?? ru) === en ||
    (parseChange(en) !== null &&
      JSON.stringify(parseChange(ru)) === JSON.stringify(parseChange(en)));
  const cellValue = (v: string): CellValue =>
    v === '(blank)' ? '' : /^\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  /** A range of the given cells: a column (D2:D6) or a row (Map!B9:G9). */
  const rangeOf = (ref: string, values: string[]): CellValue[][] => {
    const [from = '', to = ''] = ref.replace(/^.*!/, '').split(':');
    const column = from.replace(/\d/g, '') === to.replace(/\d/g, '');
    return column ? values.map((v) => [cellValue(v)]) : [values.map(cellValue)];
  };
  /** The example's formula, its arguments read as Sheets would from the text and the given cells. */
  const argsOf = (formula: string, cells: Record<string, string[]>): Argument[] => {
    expect(formula).toMatch(/^=CJM_IMPACT\(.*\)$/);
    return formula
      .slice('=CJM_IMPACT('.length, -1)
      .split(', ')
      .map((a) => {
        if (a.startsWith('"')) return a.slice(1, -1);
        if (a === 'TRUE' || a === 'FALSE') return a === 'TRUE';
        if (a.endsWith('%')) return Number(a.slice(0, -1)) / 100;
        const range = cells[a];
        if (range) return rangeOf(a, range);
        expect(a).toMatch(/^\d+(\.\d+)?$/);
        return Number(a);
      });
  };
  const grouped = (n: number, separator: string) =>
    String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  /** Whether `text` shows the figures in this order, the first at its start. */
  const showsInOrder = (text: string, figures: string[]) => {
    let from = 0;
    for (const f of figures) {
      const at = text.indexOf(f, from);
      if (at < 0 || (from === 0 && at !== 0)) return false;
      from = at + f.length;
    }
    return true;
  };

  it('each example, typed with its cells, gives the figures its result states in both languages', () => {
    // worked out by hand from L × C × P × Q (see each example's own result text)
    const FIGURES = [
      [60_000], // 1000 × 2 pp × 2000 × 1.5
      [15_000], // 10% of 1000 × 5% × 2000 × 1.5 = 150 000
      [1_485_000], // 1980 × 50% × 3000 × 0.5
      // 3 375 000 now: L +10%, C +2 pp (3% → 5%), C +10%, P +1000 (9000 → 10 000), Q +0.5;
      // together 5 500 × 5.5% × 10 000 × 3 = 9 075 000
      [337_500, 2_250_000, 337_500, 375_000, 675_000, 5_700_000],
      [3_600], // 33 000 × 30.5 / 27.5 = 36 600
    ];
    const examples = CJM_IMPACT.examples;
    expect(examples).toHaveLength(FIGURES.length);
    examples.forEach((example, i) => {
      const figures = FIGURES[i] as number[];
      const cells = example.given ? cellsOf(example.given.en) : {};
      if (example.given) {
        const ru = cellsOf(example.given.ru);
        expect(Object.keys(ru)).toEqual(Object.keys(cells));
        for (const [ref, values] of Object.entries(cells)) {
          const ruValues = ru[ref] ?? [];
          expect(ruValues).toHaveLength(values.length);
          values.forEach((v, k) => {
            expect(sameCell(ruValues[k] ?? '', v), `${ref} ${v}`).toBe(true);
          });
        }
      }
      const out = CJM_IMPACT.evaluate('en', argsOf(example.formula, cells));
      expect([out].flat(2)).toEqual(figures.map((f) => expect.closeTo(f, 6)));
      expect(
        showsInOrder(
          example.result.en,
          figures.map((f) => grouped(f, ',')),
        ),
      ).toBe(true);
      expect(
        showsInOrder(
          example.result.ru,
          figures.map((f) => grouped(f, ' ')),
        ),
      ).toBe(true);
    });
  });
});
