import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMULAS } from '../../../src/formulas/registry';
import { CJM_BOTTLENECK } from '../../../src/formulas/bottleneck';
import { CJM_CONVERSION } from '../../../src/formulas/conversion';
import { FormulaError } from '../../../src/formulas/errors';
import type { Argument, CellValue } from '../../../src/formulas/grid';
import { CJM_IMPACT } from '../../../src/formulas/impact';
import type { FormulaSpec } from '../../../src/formulas/spec';
import { CJM_FUNNEL } from '../../../src/formulas/funnel';
import { CJM_REQUIRED } from '../../../src/formulas/required';
import { CJM_REVENUE } from '../../../src/formulas/revenue';

const count = fc.double({ min: 0, max: 1e7, noNaN: true });
const share = fc.double({ min: 0, max: 1, noNaN: true });
const money = fc.double({ min: 0, max: 1e6, noNaN: true });
const factor = fc.double({ min: 0, max: 100, noNaN: true });
const positive = (max: number) => fc.double({ min: 1e-3, max, noNaN: true });

/** Anything a cell or a range can hand a custom function. */
const junkCell = fc.oneof(
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(''),
  fc.constant(null),
  fc.date({ noInvalidDate: true }),
  fc.constantFrom('5%', '1 200,50', 'L', 'конверсия', '-1', '=A1'),
);
const junkArg = fc.oneof(
  junkCell,
  fc.array(fc.array(junkCell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
);

/** Non-increasing stage counts, first stage above zero. */
const funnelCounts = fc
  .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 })
  .chain((ratios) =>
    fc.integer({ min: 1, max: 1e6 }).map((first) =>
      ratios.reduce<number[]>((acc, r, i) => {
        acc.push(i === 0 ? first : Math.floor((acc[i - 1] ?? 0) * r));
        return acc;
      }, []),
    ),
  );

describe('formula properties', () => {
  it('revenue never falls when any one factor rises', () => {
    fc.assert(
      fc.property(
        count,
        share,
        money,
        factor,
        fc.integer({ min: 0, max: 3 }),
        positive(10),
        (l, c, p, q, which, bump) => {
          const args = [l, c, p, q];
          const before = CJM_REVENUE.run(...args) as number;
          args[which] = which === 1 ? Math.min(1, c + bump / 10) : (args[which] ?? 0) + bump;
          expect(CJM_REVENUE.run(...args) as number).toBeGreaterThanOrEqual(before * (1 - 1e-12));
        },
      ),
    );
  });

  it('REQUIRED inverts REVENUE for every lever', () => {
    fc.assert(
      fc.property(
        positive(1e5),
        fc.oneof(positive(1), fc.constant(1)),
        positive(1e4),
        positive(10),
        fc.constantFrom('leads', 'conversion', 'avg_check', 'purchases'),
        (l, c, p, q, lever) => {
          const target = CJM_REVENUE.run(l, c, p, q) as number;
          const need = CJM_REQUIRED.run(target, l, c, p, q, lever) as number;
          const solved = { leads: l, conversion: c, avg_check: p, purchases: q, [lever]: need };
          const again = CJM_REVENUE.run(
            solved.leads,
            solved.conversion,
            solved.avg_check,
            solved.purchases,
          ) as number;
          expect(Math.abs(again - target)).toBeLessThanOrEqual(1e-9 * Math.max(1, target));
        },
      ),
    );
  });

  it("FUNNEL's overall conversion is the product of its step conversions", () => {
    fc.assert(
      fc.property(funnelCounts, (counts) => {
        const table = CJM_FUNNEL.run(counts.map((n) => [n])) as (number | string)[][];
        let product = 1;
        table.slice(1).forEach((r) => {
          const step = r[2];
          if (typeof step !== 'number') return;
          product *= step;
          expect(r[3]).toBeCloseTo(product, 9);
        });
        expect(table).toHaveLength(counts.length + 1);
      }),
    );
  });

  it('the bottleneck is a transition whose step conversion is the lowest', () => {
    fc.assert(
      fc.property(
        funnelCounts.filter((c) => c.length >= 2 && c.every((n) => n > 0)),
        (counts) => {
          const labels = counts.map((_, i) => `S${i + 1}`);
          const found = CJM_BOTTLENECK.run([counts], [labels]) as string;
          const steps = counts.slice(1).map((n, i) => n / (counts[i] ?? 1));
          const min = Math.min(...steps);
          expect(found).toBe(`S${steps.indexOf(min) + 1} → S${steps.indexOf(min) + 2}`);
        },
      ),
    );
  });

  it('any junk input gives a number, a blank, a table or an error naming the function, never a raw TypeError', () => {
    for (const f of FORMULAS) {
      fc.assert(
        fc.property(fc.array(junkArg, { minLength: 0, maxLength: f.params.length }), (args) => {
          try {
            const out = f.run(...(args as never[]));
            const cells = Array.isArray(out) ? out.flat() : [out];
            for (const v of cells)
              expect(typeof v === 'number' ? Number.isFinite(v) : typeof v === 'string').toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(Error);
            expect((e as Error).name).toBe('FormulaError');
            expect((e as Error).message.startsWith(`${f.name}: `)).toBe(true);
          }
        }),
        { numRuns: 300 },
      );
    }
  });
});

/**
 * A value no numeric argument accepts: text, a date, a negative number, TRUE, an error of another
 * cell.
 */
const badNumber = fc.oneof(
  fc.constantFrom<CellValue>('many', '#REF!', '#N/A', true, false, -5, -0.001, 'n/a', '12 apples'),
  fc.date({ noInvalidDate: true, min: new Date(1950, 0, 1), max: new Date(2100, 0, 1) }),
);
/** Any cell a KPI row may hold: mostly numbers of each kind, sometimes blank or wrong. */
const anyCell = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.oneof(count, share, money, factor, fc.integer({ min: 0, max: 5000 })),
  },
  { weight: 1, arbitrary: fc.constant<CellValue>('') },
  { weight: 1, arbitrary: badNumber },
  {
    weight: 1,
    arbitrary: fc.constantFrom<CellValue>(
      '5%',
      '1 200,50',
      '0,5',
      'L',
      'C',
      'P',
      'q',
      'конверсия',
      '+10%',
      '+2 pp',
      '-5%',
      'x',
    ),
  },
);
const lang = fc.constantFrom<'en' | 'ru'>('en', 'ru');

/**
 * What one element computes alone: its value, or the brief text of the error a single-cell call
 * throws.
 */
function alone(f: FormulaSpec, l: 'en' | 'ru', cells: Argument[]): unknown {
  try {
    return f.evaluate(l, cells);
  } catch (e) {
    expect(e).toBeInstanceOf(FormulaError);
    return (e as FormulaError).brief;
  }
}

describe('spilled ranges: one element never spoils the others', () => {
  const ELEMENTWISE = [CJM_REVENUE, CJM_CONVERSION, CJM_REQUIRED, CJM_IMPACT];

  it('every element of a row equals what it computes alone (a bad one its brief ⚠ text)', () => {
    for (const f of ELEMENTWISE) {
      // (CJM_IMPACT's together, TRUE, turns the row into a plan's column with a total: not
      // element-wise; the arguments after it, a step's stage and the map's rows, have their own test)
      const together = f.params.findIndex((p) => p.name === 'together');
      const arity = together < 0 ? f.params.length : together;
      fc.assert(
        fc.property(
          lang,
          fc.integer({ min: 2, max: 8 }).chain((n) =>
            fc.array(
              fc.oneof(
                fc.array(anyCell, { minLength: n, maxLength: n }),
                anyCell.map((c) => [c]),
              ),
              { minLength: arity, maxLength: arity },
            ),
          ),
          (l, args) => {
            const n = Math.max(...args.map((a) => a.length));
            fc.pre(n > 1);
            // a one-element argument is a single cell, broadcast to every element
            const out = f.evaluate(
              l,
              args.map((a) => (a.length === 1 ? a[0] : [a])),
            ) as unknown[][];
            expect(out).toHaveLength(1);
            expect(out[0]).toHaveLength(n);
            // alone: the element's own cells, a range argument as a 1×1 range (a single cell throws
            // the full message)
            for (let j = 0; j < n; j++) {
              const own = args.map(
                (a): Argument => (a.length === 1 ? (a[0] as CellValue) : [[a[j] as CellValue]]),
              );
              const single = alone(f, l, own);
              expect(out[0]?.[j], `${f.name} element ${j}`).toEqual(
                Array.isArray(single) ? single[0]?.[0] : single,
              );
            }
          },
        ),
        { numRuns: 150 },
      );
    }
  });

  it('a bad number in one element shows ⚠ there, and the others are exactly as before', () => {
    fc.assert(
      fc.property(
        lang,
        fc.array(fc.tuple(positive(1e5), positive(1), positive(1e4), positive(10)), {
          minLength: 2,
          maxLength: 8,
        }),
        fc.nat(),
        fc.nat(3),
        badNumber,
        (l, rows, k0, arg, bad) => {
          const k = k0 % rows.length;
          const cols = [0, 1, 2, 3].map((a) => rows.map((r) => r[a] as CellValue));
          const good = CJM_REVENUE.evaluate(
            l,
            cols.map((c) => c.map((v) => [v])),
          ) as unknown[][];
          (cols[arg] as CellValue[])[k] = bad;
          const out = CJM_REVENUE.evaluate(
            l,
            cols.map((c) => c.map((v) => [v])),
          ) as unknown[][];
          out.forEach((r, j) => {
            j === k ? expect(String(r[0])).toMatch(/^⚠ \S/) : expect(r).toEqual(good[j]);
          });
        },
      ),
    );
  });

  it('CJM_FUNNEL: a bad count marks its stage; the other stages keep their customers, overall and unaffected steps', () => {
    fc.assert(
      fc.property(
        lang,
        funnelCounts.filter((c) => c.length >= 2),
        fc.nat(),
        badNumber,
        (l, counts, k0, bad) => {
          const k = k0 % counts.length;
          const good = CJM_FUNNEL.evaluate(l, [counts.map((n) => [n])]) as unknown[][];
          const cells: CellValue[] = [...counts];
          cells[k] = bad;
          const out = CJM_FUNNEL.evaluate(l, [cells.map((n) => [n])]) as unknown[][];
          expect(out).toHaveLength(good.length);
          expect(out[0]).toEqual(good[0]);
          expect(String(out[k + 1]?.[1])).toMatch(/^⚠ \S/);
          counts.forEach((_, j) => {
            if (j === k) return;
            const [o, g] = [out[j + 1] ?? [], good[j + 1] ?? []];
            expect(o[0]).toBe(g[0]);
            expect(o[1]).toBe(g[1]);
            if (k !== 0) expect(o[3]).toBe(g[3]);
            if (j !== k + 1) {
              expect(o[2]).toBe(g[2]);
              expect(o[4]).toBe(g[4]);
            }
          });
        },
      ),
    );
  });

  it('CJM_BOTTLENECK: with no transition judged, blank only while no two neighbouring counts are typed; else a ⚠ note naming a stage of the first typed transition', () => {
    const cell = fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 0, max: 5000 }) as fc.Arbitrary<CellValue> },
      { weight: 2, arbitrary: fc.constant<CellValue>('') },
      { weight: 3, arbitrary: badNumber },
    );
    const target = fc.oneof(
      fc.constant<CellValue>(''),
      fc.double({ min: 0.01, max: 1, noNaN: true }),
      fc.constantFrom<CellValue>(40, 1.5, -0.2, 'high', '#N/A'),
    );
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 8 })
          .chain((n) =>
            fc.tuple(
              fc.array(cell, { minLength: n, maxLength: n }),
              fc.array(target, { minLength: n, maxLength: n }),
              fc.boolean(),
              fc.constantFrom<'en' | 'ru'>('en', 'ru'),
            ),
          ),
        ([counts, targets, withTargets, lang]) => {
          const labels = counts.map((_, i) => `S${i + 1}`);
          const out = CJM_BOTTLENECK.evaluate(lang, [
            [counts],
            [labels],
            ...(withTargets ? [[targets]] : []),
          ]) as string;
          if (out.includes(' → ')) return;
          const typed = (v: CellValue) => v !== '';
          const first = counts.findIndex((v, k) => k > 0 && typed(counts[k - 1]) && typed(v));
          if (first < 0) expect(out).toBe('');
          else {
            expect(out).toMatch(/^⚠ \S.*; \S/);
            const named = lang === 'en' ? (s: string) => `"${s}"` : (s: string) => `«${s}»`;
            expect(
              [labels[first - 1], labels[first]].some((l) => out.includes(named(l as string))),
              out,
            ).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('CJM_BOTTLENECK: a bad count is left out as a blank one is, a bad target as a blank target; where that leaves no transition, the cell says why', () => {
    fc.assert(
      fc.property(
        funnelCounts.filter((c) => c.length >= 3),
        fc.nat(),
        badNumber,
        fc.array(
          fc.oneof(fc.constant<CellValue>(''), fc.double({ min: 0.01, max: 1, noNaN: true })),
          { minLength: 12, maxLength: 12 },
        ),
        (counts, k0, bad, someTargets) => {
          const k = k0 % counts.length;
          const labels = [counts.map((_, i) => `S${i + 1}`)];
          const withBad: CellValue[] = [...counts];
          withBad[k] = bad;
          const blanked: CellValue[] = [...counts];
          blanked[k] = '';
          const saysBad = CJM_BOTTLENECK.run([withBad], labels) as string;
          const saysBlank = CJM_BOTTLENECK.run([blanked], labels) as string;
          if (saysBlank.includes(' → ')) expect(saysBad).toBe(saysBlank);
          else expect(saysBad).toMatch(/^⚠ \S/);
          // targets: with at least one valid target left on a step the map can compute, an invalid
          // one reads as none
          const targets = counts.map((_, i) => someTargets[i] ?? '');
          const j = Math.max(1, k);
          const other = j === 1 ? 2 : 1;
          targets[other] = 0.5;
          const badTargets = [...targets];
          badTargets[j] = typeof bad === 'number' ? bad : 'bad';
          const blankTargets = [...targets];
          blankTargets[j] = '';
          if ((counts[other - 1] ?? 0) > 0)
            expect(CJM_BOTTLENECK.run([counts], labels, [badTargets])).toBe(
              CJM_BOTTLENECK.run([counts], labels, [blankTargets]),
            );
        },
      ),
    );
  });
});

describe('CJM_IMPACT on a step: any stage and any map rows', () => {
  /** The map's rows as the plan passes them, or anything else a user's own formula may give. */
  const row = (cell: fc.Arbitrary<CellValue>) =>
    fc.integer({ min: 1, max: 8 }).chain((n) => fc.array(cell, { minLength: n, maxLength: n }));
  const mapRows = fc.oneof(
    fc
      .tuple(
        row(fc.oneof(fc.constantFrom<CellValue>('Visit', 'Lead', 'trial', ''), fc.string())),
        row(fc.constantFrom<CellValue>('L', 'C', 'Q', '', 'x', 'l')),
        row(anyCell),
      )
      .map(([names, roles, counts]) => [[names], [roles], [counts]] as Argument[]),
    fc.array(junkArg, { minLength: 0, maxLength: 3 }),
  );
  const stage = fc.oneof(
    fc.constantFrom<CellValue>('Visit', 'Lead', 'trial', 'Trial ', ''),
    junkCell,
  );

  it('never gives a raw error: a number, a blank, a ⚠ note in a plan, or a message naming CJM_IMPACT', () => {
    fc.assert(
      fc.property(
        lang,
        fc.array(fc.tuple(stage, fc.constantFrom('+3 pp', '+10%', '-100%', '+30 leads', '+2')), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.boolean(),
        mapRows,
        (l, actions, plan, rows) => {
          const column = (k: 0 | 1) => actions.map((a) => [k === 0 ? 'step' : a[1]]);
          const stages = actions.map((a) => [a[0]]);
          try {
            const out = CJM_IMPACT.evaluate(l, [
              400,
              0.075,
              1000,
              1,
              plan ? column(0) : 'шаг',
              plan ? column(1) : (actions[0]?.[1] ?? ''),
              plan,
              plan ? stages : (actions[0]?.[0] ?? ''),
              ...rows,
            ]);
            const cells = Array.isArray(out) ? out.flat() : [out];
            for (const v of cells)
              expect(typeof v === 'number' ? Number.isFinite(v) : typeof v === 'string').toBe(true);
            if (plan)
              for (const v of cells) if (typeof v === 'string' && v) expect(v).toMatch(/^⚠ \S/);
          } catch (e) {
            expect(e).toBeInstanceOf(FormulaError);
            expect((e as Error).message.startsWith('CJM_IMPACT: ')).toBe(true);
            // a plan's column says each action's problem in its row: only a wrong shape fails it whole
            if (plan) expect((e as Error).message).toMatch(/together|different sizes/);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
