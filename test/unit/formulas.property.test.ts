import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMULAS } from '../../src/formulas/registry';
import { CJM_BOTTLENECK } from '../../src/formulas/bottleneck';
import { CJM_FUNNEL } from '../../src/formulas/funnel';
import { CJM_REQUIRED } from '../../src/formulas/required';
import { CJM_REVENUE } from '../../src/formulas/revenue';

const count = fc.double({ min: 0, max: 1e7, noNaN: true });
const share = fc.double({ min: 0, max: 1, noNaN: true });
const money = fc.double({ min: 0, max: 1e6, noNaN: true });
const factor = fc.double({ min: 0, max: 100, noNaN: true });
const positive = (max: number) => fc.double({ min: 1e-3, max, noNaN: true });

/** Anything a cell or a range can hand a custom function. */
const junkCell = fc.oneof(
  fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(''), fc.constant(null),
  fc.date({ noInvalidDate: true }), fc.constantFrom('5%', '1 200,50', 'L', 'конверсия', '-1', '=A1'),
);
const junkArg = fc.oneof(junkCell, fc.array(fc.array(junkCell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }));

/** Non-increasing stage counts, first stage above zero. */
const funnelCounts = fc
  .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 })
  .chain((ratios) => fc.integer({ min: 1, max: 1e6 }).map((first) => ratios.reduce<number[]>((acc, r, i) => [...acc, i === 0 ? first : Math.floor((acc[i - 1] ?? 0) * r)], [])));

describe('formula properties', () => {
  it('revenue never falls when any one factor rises', () => {
    fc.assert(
      fc.property(count, share, money, factor, fc.integer({ min: 0, max: 3 }), positive(10), (l, c, p, q, which, bump) => {
        const args = [l, c, p, q];
        const before = CJM_REVENUE.run(...args) as number;
        args[which] = which === 1 ? Math.min(1, c + bump / 10) : (args[which] ?? 0) + bump;
        expect(CJM_REVENUE.run(...args) as number).toBeGreaterThanOrEqual(before * (1 - 1e-12));
      }),
    );
  });

  it('REQUIRED inverts REVENUE for every lever', () => {
    fc.assert(
      fc.property(positive(1e5), fc.oneof(positive(1), fc.constant(1)), positive(1e4), positive(10), fc.constantFrom('leads', 'conversion', 'avg_check', 'purchases'), (l, c, p, q, lever) => {
        const target = CJM_REVENUE.run(l, c, p, q) as number;
        const need = CJM_REQUIRED.run(target, l, c, p, q, lever) as number;
        const solved = { leads: l, conversion: c, avg_check: p, purchases: q, [lever]: need };
        const again = CJM_REVENUE.run(solved.leads, solved.conversion, solved.avg_check, solved.purchases) as number;
        expect(Math.abs(again - target)).toBeLessThanOrEqual(1e-9 * Math.max(1, target));
      }),
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
      fc.property(funnelCounts.filter((c) => c.length >= 2 && c.every((n) => n > 0)), (counts) => {
        const labels = counts.map((_, i) => `S${i + 1}`);
        const found = CJM_BOTTLENECK.run([counts], [labels]) as string;
        const steps = counts.slice(1).map((n, i) => n / (counts[i] ?? 1));
        const min = Math.min(...steps);
        expect(found).toBe(`S${steps.indexOf(min) + 1} → S${steps.indexOf(min) + 2}`);
      }),
    );
  });

  it('any junk input gives a number, a blank, a table or an error naming the function, never a raw TypeError', () => {
    for (const f of FORMULAS) {
      fc.assert(
        fc.property(fc.array(junkArg, { minLength: 0, maxLength: f.params.length }), (args) => {
          try {
            const out = f.run(...(args as never[]));
            const cells = Array.isArray(out) ? out.flat() : [out];
            for (const v of cells) expect(typeof v === 'number' ? Number.isFinite(v) : typeof v === 'string').toBe(true);
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
