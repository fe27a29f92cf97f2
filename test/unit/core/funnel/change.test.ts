/**
 * Expected changes of an action: a change states its unit — relative
 * (%), points (pp, conversion only) or an amount in the lever's own unit — and a bare number is
 * refused. One parser serves the server, the sidebar's live impact and CJM_IMPACT.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActionRow, Metrics } from '../../../../src/contract';
import {
  applyChange,
  applyTogether,
  changeFits,
  changeForms,
  changeFormsText,
  fitProblem,
  formatChange,
  impact,
  parseChange,
  togetherImpact,
  type Change,
  type LeverChange,
  type Unit,
} from '../../../../src/core/funnel/change';
import { LEVERS, revenue, type Economics, type Lever } from '../../../../src/core/funnel/funnel';
import { impactOfText, togetherImpactOfText } from '../../../../src/core/funnel/plan-impact';
import { actionImpact, changeReadable } from '../../../../src/core/wizard/action-plan';
import { FormulaError } from '../../../../src/formulas/errors';
import { CJM_IMPACT } from '../../../../src/formulas/impact';
import type { Argument, CellValue } from '../../../../src/formulas/grid';
import { economicsOf, liveImpact } from '../../../../sidebar/wizard/plan-rows';

/** A map where Q 2,5 → 3,0 is +1 485 000 ₽: L × C × P × 0,5 = 1 980 × 50% × 3 000 × 0,5. */
const HALF_CONVERTED: Economics = { leads: 1980, conversion: 0.5, avg_check: 3000, purchases: 2.5 };

describe('reading a change', () => {
  it.each<[string, Change]>([
    ['+10%', { kind: 'relative', percent: 10 }],
    ['10%', { kind: 'relative', percent: 10 }],
    ['-5 %', { kind: 'relative', percent: -5 }],
    ['−10%', { kind: 'relative', percent: -10 }],
    ['– 10 %', { kind: 'relative', percent: -10 }],
    ['+12,5%', { kind: 'relative', percent: 12.5 }],
    ['+12.5%', { kind: 'relative', percent: 12.5 }],
    ['+2 pp', { kind: 'points', points: 2 }],
    ['+2 PP', { kind: 'points', points: 2 }],
    ['+1,5 п.п.', { kind: 'points', points: 1.5 }],
    ['+1,5 п. п.', { kind: 'points', points: 1.5 }],
    ['−0.5 пп', { kind: 'points', points: -0.5 }],
    ['+3000 лидов', { kind: 'absolute', unit: 'leads', amount: 3000 }],
    ['+3 000 лидов', { kind: 'absolute', unit: 'leads', amount: 3000 }],
    ['+2 лида', { kind: 'absolute', unit: 'leads', amount: 2 }],
    ['+1 лид', { kind: 'absolute', unit: 'leads', amount: 1 }],
    ['+3000 leads', { kind: 'absolute', unit: 'leads', amount: 3000 }],
    ['+3,000 leads', { kind: 'absolute', unit: 'leads', amount: 3000 }],
    ['-1 lead', { kind: 'absolute', unit: 'leads', amount: -1 }],
    ['+1000 ₽', { kind: 'absolute', unit: 'money', amount: 1000 }],
    ['+1000₽', { kind: 'absolute', unit: 'money', amount: 1000 }],
    ['+1 000 руб', { kind: 'absolute', unit: 'money', amount: 1000 }],
    ['+1 000 руб.', { kind: 'absolute', unit: 'money', amount: 1000 }],
    ['+500 р.', { kind: 'absolute', unit: 'money', amount: 500 }],
    ['+500 rub', { kind: 'absolute', unit: 'money', amount: 500 }],
    ['+$1,000', { kind: 'absolute', unit: 'money', amount: 1000 }],
    ['+1000 $', { kind: 'absolute', unit: 'money', amount: 1000 }],
    ['−€50', { kind: 'absolute', unit: 'money', amount: -50 }],
    ['+50 €', { kind: 'absolute', unit: 'money', amount: 50 }],
    ['+0,5 покупки', { kind: 'absolute', unit: 'purchases', amount: 0.5 }],
    ['+5 покупок', { kind: 'absolute', unit: 'purchases', amount: 5 }],
    ['+1 покупка', { kind: 'absolute', unit: 'purchases', amount: 1 }],
    ['+0.5 purchases', { kind: 'absolute', unit: 'purchases', amount: 0.5 }],
    ['+1 purchase', { kind: 'absolute', unit: 'purchases', amount: 1 }],
  ])('reads %j', (text, change) => {
    expect(parseChange(text)).toEqual(change);
  });

  it.each([
    '+0,5',
    '0,5',
    '10',
    '15',
    '0.2',
    '++2',
    '+3000',
    '-5',
    '−10',
    '',
    ' ',
    'a lot',
    '++2%',
    '+-2%',
    '%',
    '+ %',
    '+$1000 $',
    '$',
    'pp',
    '10 apples',
    '+10% pp',
    '1,2,3%',
  ])('refuses %j', (text) => {
    expect(parseChange(text)).toBeNull();
  });
});

describe('reading a change: the edges', () => {
  it('reads up to 200 characters, spaces included; a longer text is not a change', () => {
    expect(parseChange('+5%'.padEnd(200))).toEqual({ kind: 'relative', percent: 5 });
    expect(parseChange('+5%'.padEnd(201))).toBeNull();
  });

  it('refuses a number that does not read, and makes "−0%" the same change as "+0%"', () => {
    expect(parseChange('+1,2,3%')).toBeNull();
    const zero = parseChange('\u22120%');
    expect(zero?.kind === 'relative' && Object.is(zero.percent, 0)).toBe(true);
  });

  it('a blank change fits any lever; an amount fits no step', () => {
    expect(changeFits('C', '   ')).toBe(true);
    expect(changeFits('шаг', '+300 лидов')).toBe(false);
    expect(changeFits('step', '+3 pp')).toBe(true);
  });
});

describe('writing a change', () => {
  it.each<[Change, 'en' | 'ru', string]>([
    [{ kind: 'relative', percent: 0 }, 'en', '+0%'],
    [{ kind: 'relative', percent: 1.234 }, 'en', '+1.234%'],
    // "1,234" would read as a thousands group: a fourth decimal keeps it a fraction
    [{ kind: 'relative', percent: 1.234 }, 'ru', '+1,2340%'],
    [{ kind: 'relative', percent: 123.456 }, 'ru', '+123,4560%'],
    [{ kind: 'relative', percent: 0.125 }, 'ru', '+0,125%'],
    [{ kind: 'relative', percent: 1234.567 }, 'ru', '+1\u00a0234,567%'],
    [{ kind: 'absolute', unit: 'leads', amount: 1 }, 'en', '+1 lead'],
    [{ kind: 'absolute', unit: 'purchases', amount: 1 }, 'en', '+1 purchase'],
    [{ kind: 'absolute', unit: 'purchases', amount: -2 }, 'en', '-2 purchases'],
  ])('%j in %s is %j, and reads back as itself', (change, lang, text) => {
    expect(formatChange(change, lang)).toBe(text);
    expect(parseChange(text)).toEqual(change);
  });
});

describe('which lever a change fits', () => {
  it('points move conversion only; an amount only the lever counted in its unit; % every lever', () => {
    const fits = (lever: Lever, text: string) => fitProblem(lever, parseChange(text)!);
    expect(LEVERS.map((l) => fits(l, '+10%'))).toEqual([null, null, null, null]);
    expect(LEVERS.map((l) => fits(l, '+2 pp'))).toEqual([
      'pointsNotConversion',
      null,
      'pointsNotConversion',
      'pointsNotConversion',
    ]);
    expect(LEVERS.map((l) => fits(l, '+300 лидов'))).toEqual([
      null,
      'unitNotLever',
      'unitNotLever',
      'unitNotLever',
    ]);
    expect(LEVERS.map((l) => fits(l, '+1000 ₽'))).toEqual([
      'unitNotLever',
      'unitNotLever',
      null,
      'unitNotLever',
    ]);
    expect(LEVERS.map((l) => fits(l, '+0,5 покупки'))).toEqual([
      'unitNotLever',
      'unitNotLever',
      'unitNotLever',
      null,
    ]);
  });

  it('the wizard saves a change that fits its row lever (any readable one while no lever is chosen)', () => {
    expect(changeReadable({ lever: 'Q', change: '+0,5 покупки' })).toBe(true);
    expect(changeReadable({ lever: 'Q', change: '+0,5' })).toBe(false);
    expect(changeReadable({ lever: 'L', change: '+1000 ₽' })).toBe(false);
    expect(changeReadable({ lever: 'P', change: '+1000 ₽' })).toBe(true);
    expect(changeReadable({ lever: 'C', change: '+2 п.п.' })).toBe(true);
    expect(changeReadable({ lever: 'P', change: '+2 п.п.' })).toBe(false);
    expect(changeReadable({ lever: '', change: '+2 п.п.' })).toBe(true);
    expect(changeReadable({ lever: '', change: '+2' })).toBe(false);
    expect(changeReadable({ lever: 'Q', change: '' })).toBe(true);
    expect(changeFits('purchases', '+0.5 purchases')).toBe(true);
  });
});

describe('the impact of a change', () => {
  it('"+0,5 покупки" on Q = 2,5 → 3,0 is +1 485 000, not the +3 712 500 of "+50%"', () => {
    expect(impactOfText(HALF_CONVERTED, { lever: 'Q', change: '+0,5 покупки' })).toBeCloseTo(
      1_485_000,
      6,
    );
    expect(impactOfText(HALF_CONVERTED, { lever: 'Q', change: '+50%' })).toBeCloseTo(3_712_500, 6);
    expect(impactOfText(HALF_CONVERTED, { lever: 'Q', change: '+0,5' })).toBeNull();
    expect(actionImpact(HALF_CONVERTED, { lever: 'Q', change: '+0,5 покупки' })).toBeCloseTo(
      1_485_000,
      6,
    );
  });

  it('leads, money and points each move their lever by the amount', () => {
    // the map: 1 980 leads × 50% × 3 000 × 2,5 = 7 425 000; +3 000 leads: 3 000 × 50% × 3 000 × 2,5
    expect(impactOfText(HALF_CONVERTED, { lever: 'L', change: '+3000 лидов' })).toBeCloseTo(
      11_250_000,
      6,
    );
    // +1 000 ₽ on the check: 1 980 × 50% × 1 000 × 2,5
    expect(impactOfText(HALF_CONVERTED, { lever: 'P', change: '+1000 ₽' })).toBeCloseTo(
      2_475_000,
      6,
    );
    // +2 points of conversion: 1 980 × 2% × 3 000 × 2,5
    expect(impactOfText(HALF_CONVERTED, { lever: 'C', change: '+2 п.п.' })).toBeCloseTo(297_000, 6);
    expect(impactOfText(HALF_CONVERTED, { lever: 'C', change: '−10%' })).toBeCloseTo(-742_500, 6);
    expect(impactOfText(HALF_CONVERTED, { lever: 'L', change: '+1000 ₽' })).toBeNull();
  });

  it('says why a change cannot apply', () => {
    expect(impact(HALF_CONVERTED, 'conversion', parseChange('+60 pp')!)).toEqual({
      problem: 'conversionAboveOne',
    });
    expect(impact(HALF_CONVERTED, 'purchases', parseChange('-3 покупки')!)).toEqual({
      problem: 'negativeFactor',
    });
    expect(impact(HALF_CONVERTED, 'leads', parseChange('+1 покупка')!)).toEqual({
      problem: 'unitNotLever',
    });
    expect(impact(HALF_CONVERTED, 'avg_check', parseChange('+1 pp')!)).toEqual({
      problem: 'pointsNotConversion',
    });
  });
});

/** A course's map: L 5000, C 3%, P 9000 ₽, Q 2,5: revenue 3 375 000 ₽. */
const COURSE: Economics = { leads: 5000, conversion: 0.03, avg_check: 9000, purchases: 2.5 };
const lc = (lever: Lever, text: string): LeverChange => ({ lever, change: parseChange(text)! });

describe('a plan applied together', () => {
  it('a plan of every lever: L +10%, C +2 п.п. then +10%, P +1000 ₽, Q +0,5 give 5 500 × 5,5% × 10 000 × 3 = 9 075 000', () => {
    expect(revenue(COURSE)).toBeCloseTo(3_375_000, 6);
    const plan = [
      lc('leads', '+10%'),
      lc('conversion', '+2 п.п.'),
      lc('conversion', '+10%'),
      lc('avg_check', '+1000 ₽'),
      lc('purchases', '+0,5 покупки'),
    ];
    // each alone, as the plan's rows show them, from 5 000 × 3% × 9 000 × 2,5 = 3 375 000:
    // L +10% and C +10% are a tenth of it (337 500); C +2 п.п.: 5 000 × 2% × 9 000 × 2,5 =
    // 2 250 000; P +1 000 ₽: 5 000 × 3% × 1 000 × 2,5 = 375 000; Q +0,5: 150 × 9 000 × 0,5 = 675 000
    const alone = plan.map((a) => impact(COURSE, a.lever, a.change));
    const deltas = alone.map((r) => ('delta' in r ? Math.round(r.delta) : r));
    expect(deltas).toEqual([337_500, 2_250_000, 337_500, 375_000, 675_000]);
    // together: amounts first on each lever (3% + 2 п.п. = 5%), then percentages (5% × 1,1 = 5,5%)
    const after = applyTogether(COURSE, plan);
    expect(after.leads).toBeCloseTo(5500, 9);
    expect(after.conversion).toBeCloseTo(0.055, 12);
    expect(after.avg_check).toBe(10_000);
    expect(after.purchases).toBe(3);
    // 5 500 × 5,5% × 10 000 × 3 = 302,5 × 30 000 = 9 075 000
    expect(revenue(after)).toBeCloseTo(9_075_000, 6);
    const together = togetherImpact(COURSE, plan);
    // 9 075 000 − 3 375 000
    expect('delta' in together && together.delta).toBeCloseTo(5_700_000, 6);
    // in any order typed: the percentage still applies to the conversion the points left
    expect(revenue(applyTogether(COURSE, [...plan].reverse()))).toBeCloseTo(9_075_000, 6);
  });

  it('a discount applies to the check an add-on already raised: (9 000 + 1 000) × 0,95', () => {
    const after = applyTogether(COURSE, [lc('avg_check', '−5%'), lc('avg_check', '+1000 ₽')]);
    expect(after.avg_check).toBeCloseTo(9500, 9);
  });

  it('leaves out what cannot apply alone, and says when the levers together are impossible', () => {
    const good = [lc('leads', '+10%')];
    const alone = togetherImpact(COURSE, good);
    // "+1 pp" on the check and "+200 pp" cannot apply alone: their rows say why, the total skips them
    expect(
      togetherImpact(COURSE, [
        ...good,
        { lever: 'avg_check', change: { kind: 'points', points: 1 } },
        lc('conversion', '+200 pp'),
      ]),
    ).toEqual(alone);
    // each fits alone, together they take conversion past 100% or the check below 0
    const wide = { ...COURSE, conversion: 0.5 };
    expect(togetherImpact(wide, [lc('conversion', '+30 pp'), lc('conversion', '+30 pp')])).toEqual({
      problem: 'conversionAboveOne',
    });
    expect(
      togetherImpact(COURSE, [lc('avg_check', '-5000 ₽'), lc('avg_check', '-5000 ₽')]),
    ).toEqual({ problem: 'negativeFactor' });
    // no action at all: the plan changes nothing
    expect(togetherImpact(COURSE, [])).toEqual({ delta: 0 });
  });

  it('reads the rows as typed, skipping what does not read', () => {
    expect(togetherImpactOfText(null, [{ lever: 'L', change: '+10%' }])).toBeNull();
    const result = togetherImpactOfText(COURSE, [
      { lever: 'L', change: '+10%' },
      { lever: 'C', change: '+2 п.п.' },
      { lever: 'конверсия', change: '+10%' },
      { lever: 'P', change: '+1000 ₽' },
      { lever: 'Q', change: '+0,5 покупки' },
      { lever: 'Q', change: '+0,5' },
      { lever: '', change: '+10%' },
      { lever: 'L', change: '' },
    ]);
    expect(result && 'delta' in result && result.delta).toBeCloseTo(5_700_000, 6);
  });
});

describe('the forms a message shows', () => {
  it('are those the lever takes, in the language, and each reads back and fits', () => {
    expect(changeFormsText('en', 'Q')).toBe('+10% or +0.5 purchases');
    expect(changeFormsText('ru', 'Q')).toBe('+10% или +0,5 покупки');
    expect(changeFormsText('ru', 'C')).toBe('+10% или +2 п.п.');
    expect(changeFormsText('en', 'L')).toBe('+10% or +300 leads');
    expect(changeFormsText('en', 'P')).toBe('+10% or +$1,000');
    expect(changeFormsText('ru', 'P')).toBe('+10% или +1\u00a0000 ₽');
    expect(changeFormsText('en', null)).toBe('+10%, +2 pp, +300 leads, +$1,000 or +0.5 purchases');
    for (const lang of ['en', 'ru'] as const) {
      for (const lever of LEVERS) {
        for (const form of changeForms(lang, lever)) {
          const c = parseChange(form);
          expect(c, form).not.toBeNull();
          expect(fitProblem(lever, c!), form).toBeNull();
        }
      }
    }
  });
});

// ---- properties ----

const lang = fc.constantFrom<'en' | 'ru'>('en', 'ru');
const amount = fc.oneof(
  fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -100_000, max: 100_000 }),
  fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 100),
  fc.integer({ min: -10_000, max: 10_000 }).map((n) => n / 1000),
);
const unit = fc.constantFrom<Unit>('leads', 'money', 'purchases');
const change: fc.Arbitrary<Change> = fc.oneof(
  amount.map((percent) => ({ kind: 'relative' as const, percent: percent + 0 })),
  amount.map((points) => ({ kind: 'points' as const, points: points + 0 })),
  fc.tuple(unit, amount).map(([u, a]) => ({ kind: 'absolute' as const, unit: u, amount: a + 0 })),
);
const currency = fc.constantFrom(undefined, '₽', '$', '€', 'руб.', '£');

/** A number as a person may type it, without a unit: "0,5", "+1 000", "−12.5", "3,000". */
const bareNumber = fc
  .tuple(
    fc.constantFrom('', '+', '-', '−', '–', '+ ', '- '),
    amount.map(Math.abs),
    fc.constantFrom<'en' | 'ru' | 'plain'>('en', 'ru', 'plain'),
  )
  .map(([sign, n, style]) => {
    const plain = String(n);
    const text =
      style === 'plain'
        ? plain
        : formatChange({ kind: 'relative', percent: n }, style)
            .replace(/^[+-]/, '')
            .replace(/%$/, '');
    return `${sign}${text}`;
  });

describe('properties of changes', () => {
  it('formatting a change and parsing it back gives the same change, in both languages and any currency', () => {
    fc.assert(
      fc.property(change, lang, currency, (c, l, cur) => {
        expect(parseChange(formatChange(c, l, cur))).toEqual(c);
      }),
      { numRuns: 2000 },
    );
  });

  it('a bare number is always refused, whatever its notation or sign', () => {
    fc.assert(
      fc.property(bareNumber, lang, fc.constantFrom('L', 'C', 'P', 'Q'), (text, l, lever) => {
        expect(parseChange(text)).toBeNull();
        expect(changeReadable({ lever, change: text })).toBe(false);
        expect(() => CJM_IMPACT.evaluate(l, [1980, 0.5, 3000, 2.5, lever, text])).toThrow(
          FormulaError,
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('the impact of an absolute change equals revenue(new) − revenue(old)', () => {
    const economics = fc.record({
      leads: fc.integer({ min: 0, max: 1_000_000 }),
      conversion: fc.double({ min: 0, max: 1, noNaN: true }),
      avg_check: fc.double({ min: 0, max: 1e6, noNaN: true }),
      purchases: fc.double({ min: 0, max: 100, noNaN: true }),
    });
    fc.assert(
      fc.property(
        economics,
        fc.constantFrom<Lever>('leads', 'avg_check', 'purchases'),
        amount,
        (e, lever, a) => {
          const u = ({ leads: 'leads', avg_check: 'money', purchases: 'purchases' } as const)[
            lever as 'leads'
          ];
          const c: Change = { kind: 'absolute', unit: u, amount: a };
          const result = impact(e, lever, c);
          const next = { ...e, [lever]: e[lever] + a };
          if (next[lever] < 0) {
            expect(result).toEqual({ problem: 'negativeFactor' });
            return;
          }
          expect(applyChange(e[lever], c)).toBe(e[lever] + a);
          expect('delta' in result && result.delta).toBe(revenue(next) - revenue(e));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a plan applied together is the product of the levers, each changed by its amounts and then its percentages', () => {
    const economics = fc.record({
      leads: fc.integer({ min: 0, max: 1_000_000 }),
      conversion: fc.double({ min: 0, max: 1, noNaN: true }),
      avg_check: fc.double({ min: 0, max: 1e6, noNaN: true }),
      purchases: fc.double({ min: 0, max: 100, noNaN: true }),
    });
    const small = fc.integer({ min: -5000, max: 5000 }).map((n) => n / 100);
    const action: fc.Arbitrary<LeverChange> = fc.oneof(
      fc.tuple(fc.constantFrom(...LEVERS), small).map(([lever, percent]) => ({
        lever,
        change: { kind: 'relative' as const, percent },
      })),
      small.map((points) => ({
        lever: 'conversion' as const,
        change: { kind: 'points' as const, points },
      })),
      fc
        .tuple(fc.constantFrom<Lever>('leads', 'avg_check', 'purchases'), amount)
        .map(([lever, a]) => ({
          lever,
          change: {
            kind: 'absolute' as const,
            unit: ({ leads: 'leads', avg_check: 'money', purchases: 'purchases' } as const)[
              lever as 'leads'
            ],
            amount: a,
          },
        })),
    );
    fc.assert(
      fc.property(economics, fc.array(action, { maxLength: 8 }), (e, plan) => {
        const fit = plan.filter((a) => 'delta' in impact(e, a.lever, a.change));
        // by hand, lever by lever: (now + every amount) × every (1 + percent / 100)
        const lever = (l: Lever): number => {
          const mine = fit.filter((a) => a.lever === l).map((a) => a.change);
          const added = mine.reduce(
            (x, c) =>
              c.kind === 'points' ? x + c.points / 100 : c.kind === 'absolute' ? x + c.amount : x,
            e[l],
          );
          return mine.reduce(
            (x, c) => (c.kind === 'relative' ? x * (1 + c.percent / 100) : x),
            added,
          );
        };
        const after = applyTogether(e, fit);
        for (const l of LEVERS) expect(after[l]).toBe(lever(l));
        const product =
          lever('leads') * lever('conversion') * lever('avg_check') * lever('purchases');
        const result = togetherImpact(e, plan);
        if (after.conversion > 1 || LEVERS.some((l) => after[l] < 0))
          expect('problem' in result).toBe(true);
        else expect('delta' in result && result.delta).toBe(product - revenue(e));
        // one action alone is its own impact; the order typed does not matter beyond rounding
        if (fit.length === 1) expect(result).toEqual(impact(e, fit[0]!.lever, fit[0]!.change));
        const reversed = togetherImpact(e, [...plan].reverse());
        if ('delta' in result && 'delta' in reversed) {
          const scale = Math.max(1, revenue(e), revenue(after));
          expect(Math.abs(reversed.delta - result.delta)).toBeLessThanOrEqual(1e-9 * scale);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('the server, the sidebar and CJM_IMPACT read every change the same way (one parser)', () => {
    const typed = fc.oneof(
      bareNumber,
      fc.tuple(change, lang, currency).map(([c, l, cur]) => formatChange(c, l, cur)),
      fc.constantFrom(
        '+0,5 покупки',
        '+3000 leads',
        '−10%',
        '+2 п. п.',
        '+$1,000',
        'a lot',
        '++2%',
        '+1000 ₽',
      ),
    );
    const metrics: Metrics = {
      leads: 1980,
      conversion: 0.5,
      avgCheck: 3000,
      purchases: 2.5,
      revenue: null,
      weakest: '',
      underTarget: [],
      lowScores: [],
      errors: [],
    };
    const e = economicsOf(metrics);
    expect(e).toEqual(HALF_CONVERTED);
    fc.assert(
      fc.property(
        typed,
        fc.constantFrom<ActionRow['lever']>('L', 'C', 'P', 'Q'),
        lang,
        (text, lever, l) => {
          const server = actionImpact(e, { lever, change: text });
          const live = liveImpact(metrics, { lever, change: text });
          let formula: unknown;
          try {
            formula = CJM_IMPACT.evaluate(l, [1980, 0.5, 3000, 2.5, lever, text]);
          } catch (err) {
            expect(err).toBeInstanceOf(FormulaError);
            formula = null;
          }
          expect(live.kind === 'impact' ? live.impact : null).toBe(server);
          expect(formula).toBe(server);
          // a change the server refuses to save is one the formula refuses too
          if (!changeReadable({ lever, change: text })) expect(formula).toBeNull();
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('CJM_IMPACT', () => {
  it('computes its help examples', () => {
    for (const ex of CJM_IMPACT.examples) {
      // the cells an example assumes: "D2:D6 = L, C, …; E2:E6 = +10%, …" as columns, a one-row
      // range as a row
      const given = new Map(
        (ex.given?.en ?? '')
          .split(/;\s*/)
          .filter(Boolean)
          .map((g) => {
            const [range = '', values = ''] = g.split(' = ');
            // "(side)" and "(blank)" stand for a cell the example does not fill
            const cells = values
              .split(/,\s*/)
              .map((v): CellValue => (v.startsWith('(') ? '' : /^\d+$/.test(v) ? Number(v) : v));
            // a range of one row ("Map!B9:G9") is a row, any other a column
            const row = /^(?:\w+!)?[A-Z]+(\d+):[A-Z]+\1$/.test(range);
            return [range, row ? [cells] : cells.map((v) => [v])] as const;
          }),
      );
      const args = /^=CJM_IMPACT\((.*)\)$/
        .exec(ex.formula)![1]!
        .split(/,\s*(?=(?:[^"]*"[^"]*")*[^"]*$)/)
        .map((a): Argument => {
          if (a.startsWith('"')) return a.slice(1, -1);
          if (a === 'TRUE' || a === 'FALSE') return a === 'TRUE';
          if (given.has(a)) return given.get(a)!.map((r) => [...r]);
          return a.endsWith('%') ? Number(a.slice(0, -1)) / 100 : Number(a);
        });
      // every figure of the result, as written ("337,500; 2,250,000; …"), up to the first colon
      const figures = (ex.result.en.split(':')[0]!.match(/\d[\d,]*\d|\d/g) ?? []).map((n) =>
        Number(n.replace(/,/g, '')),
      );
      const out = CJM_IMPACT.run(...args);
      if (Array.isArray(out)) {
        expect(out.map((r) => r[0])).toEqual(figures.map((n) => expect.closeTo(n, 6)));
      } else expect(out).toBeCloseTo(figures[0]!, 6);
    }
  });

  it('with together TRUE, adds under the actions their impact all together, and shows why it cannot', () => {
    const col = (...v: CellValue[]): CellValue[][] => v.map((x) => [x]);
    const course = [5000, 0.03, 9000, 2.5] as const;
    // the plan of every lever above: 3 975 000 apart, 5 700 000 together (9 075 000 − 3 375 000)
    expect(
      CJM_IMPACT.evaluate('ru', [
        ...course,
        col('L', 'C', 'конверсия', 'P', 'Q'),
        col('+10%', '+2 п.п.', '+10%', '+1000 ₽', '+0,5 покупки'),
        true,
      ]),
    ).toEqual(
      [337_500, 2_250_000, 337_500, 375_000, 675_000, 5_700_000].map((n) => [expect.closeTo(n, 6)]),
    );
    // a lone action is a range too: its problem is a note in its row, and the total leaves it out
    expect(CJM_IMPACT.evaluate('ru', [...course, 'Q', '+0,5', true])).toEqual([
      ['⚠ изменение: укажите единицу: +10% или +0,5 покупки'],
      [0],
    ]);
    expect(
      CJM_IMPACT.evaluate('en', [...course, col('Q', 'L', ''), col('+0.5', '+10%', ''), true]),
    ).toEqual([
      ['⚠ change: state the unit: +10% or +0.5 purchases'],
      [expect.closeTo(337_500, 6)],
      [''],
      [expect.closeTo(337_500, 6)],
    ]);
    // each fits alone; together conversion would pass 100%, or the check fall below 0
    expect(
      CJM_IMPACT.evaluate('ru', [
        5000,
        0.5,
        9000,
        2.5,
        col('C', 'C'),
        col('+30 pp', '+30 pp'),
        true,
      ]),
    ).toEqual([[33_750_000], [33_750_000], ['⚠ все вместе: конверсия выше 100%']]);
    expect(
      CJM_IMPACT.evaluate('en', [...course, col('P', 'P'), col('-5000 ₽', '-5000 ₽'), true]),
    ).toEqual([
      [expect.closeTo(-1_875_000, 6)],
      [expect.closeTo(-1_875_000, 6)],
      ['⚠ all together: a lever below 0'],
    ]);
    // the map's figures blank or wrong: every row and the total say so
    expect(CJM_IMPACT.evaluate('en', ['', 0.5, 9000, 2.5, col('C'), col('+1 pp'), true])).toEqual([
      [''],
      [''],
    ]);
    expect(CJM_IMPACT.evaluate('en', [5000, 'lots', 9000, 2.5, 'C', '+1 pp', true])).toEqual([
      [
        '⚠ conversion: “lots” is text, not a number: type a number, without an apostrophe or spaces',
      ],
      [
        '⚠ conversion: “lots” is text, not a number: type a number, without an apostrophe or spaces',
      ],
    ]);
    // FALSE or blank: the plain function
    expect(CJM_IMPACT.evaluate('en', [...course, 'L', '+10%', false])).toBeCloseTo(337_500, 6);
    expect(CJM_IMPACT.evaluate('en', [...course, 'L', '+10%', ''])).toBeCloseTo(337_500, 6);
    expect(() => CJM_IMPACT.evaluate('en', [...course, 'L', '+10%', 'yes'])).toThrow(
      'CJM_IMPACT: together must be TRUE (one more row under the actions: their impact all together) or FALSE; got "yes"',
    );
    expect(() =>
      CJM_IMPACT.evaluate('en', [col(1, 2), 0.5, 9000, 2.5, col('C', 'C'), '+1 pp', true]),
    ).toThrow('got leads 2×1');
    expect(() =>
      CJM_IMPACT.evaluate('ru', [...course, [['C', 'C']], [['+1 pp', '+1 pp']], true]),
    ).toThrow('получено: lever 1×2, change 1×2');
  });

  it('accepts the same forms as the wizard in both languages, and refuses a bare number showing the forms', () => {
    expect(CJM_IMPACT.evaluate('ru', [1980, 0.5, 3000, 2.5, 'Q', '+0,5 покупки'])).toBeCloseTo(
      1_485_000,
      6,
    );
    expect(CJM_IMPACT.evaluate('en', [1980, 0.5, 3000, 2.5, 'Q', '+0,5 покупки'])).toBeCloseTo(
      1_485_000,
      6,
    );
    expect(
      CJM_IMPACT.evaluate('ru', [1980, 0.5, 3000, 2.5, 'покупки', '+0.5 purchases']),
    ).toBeCloseTo(1_485_000, 6);
    expect(CJM_IMPACT.evaluate('en', [1980, 0.5, 3000, 2.5, 'L', '+3000 лидов'])).toBeCloseTo(
      11_250_000,
      6,
    );
    expect(CJM_IMPACT.evaluate('en', [1980, 0.5, 3000, 2.5, 'P', '−10%'])).toBeCloseTo(-742_500, 6);
    expect(() => CJM_IMPACT.evaluate('ru', [1980, 0.5, 3000, 2.5, 'Q', '+0,5'])).toThrow(
      'CJM_IMPACT: аргумент change должен указывать единицу, например +10% или +0,5 покупки',
    );
    expect(() => CJM_IMPACT.evaluate('en', [1980, 0.5, 3000, 2.5, 'Q', '+0,5'])).toThrow(
      /change must state its unit, like \+10% or \+0\.5 purchases: .*; got "\+0,5"$/,
    );
    expect(() => CJM_IMPACT.evaluate('en', [1980, 0.5, 3000, 2.5, 'L', '+1000 ₽'])).toThrow(
      'CJM_IMPACT: the change is counted in money, which is not the unit of leads; write +10% or +300 leads',
    );
    expect(() => CJM_IMPACT.evaluate('ru', [1980, 0.5, 3000, 2.5, 'P', '+2 pp'])).toThrow(
      'CJM_IMPACT: пункты (п.п.) применимы только к конверсии; для этого рычага напишите +10% или +1\u00a0000 ₽',
    );
  });

  it('a spilled plan column shows a brief note with the forms on the bad row only', () => {
    const col = (...v: string[]) => v.map((x) => [x]);
    expect(
      CJM_IMPACT.evaluate('ru', [
        1980,
        0.5,
        3000,
        2.5,
        col('Q', 'Q', 'L', 'C'),
        col('+0,5 покупки', '+0,5', '+1000 ₽', '+2 п.п.'),
      ]),
    ).toEqual([
      [expect.closeTo(1_485_000, 6)],
      ['⚠ изменение: укажите единицу: +10% или +0,5 покупки'],
      ['⚠ изменение: единица другого рычага'],
      [expect.closeTo(1980 * 0.02 * 3000 * 2.5, 6)],
    ]);
  });
});
