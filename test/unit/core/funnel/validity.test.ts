/**
 * One rule for a funnel's data: the sheet's formulas (CJM_CONVERSION in the step, overall and
 * C cells, CJM_REVENUE, CJM_BOTTLENECK), the wizard's metrics and the poster judge every stage
 * and transition alike (core/funnel conversionProblem, funnelSteps, weakestTransition), so the
 * sidebar and the poster never show "—" where the sheet shows a figure, and the weakest
 * transition is always one the step row shows as a number.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conversionProblem,
  funnelSteps,
  weakestTransition,
  type Count,
} from '../../../../src/core/funnel/funnel';
import { computeMetrics, mapFunnel } from '../../../../src/core/map/metrics';
import type { CellData, Journey } from '../../../../src/core/map/journey';
import { planMap } from '../../../../src/core/map/template';
import { ROW, stageCol } from '../../../../src/core/map/layout';
import { STYLES } from '../../../../src/core/map/formats';
import { renderPoster } from '../../../../src/core/poster/poster';
import { CJM_BOTTLENECK } from '../../../../src/formulas/bottleneck';
import { CJM_CONVERSION } from '../../../../src/formulas/conversion';
import { CJM_REVENUE } from '../../../../src/formulas/revenue';
import type { CellValue } from '../../../../src/formulas/grid';
import { presetJourney } from '../../../support/journeys';
import { t } from '../../../../src/core/words/i18n';

/**
 * What the map's side cells compute from a journey's inputs, by its formulas (template.ts
 * economicsFormula).
 */
function sheetSide(j: Journey): {
  conversion: number | null;
  revenue: number | null;
  weakest: string;
} {
  const counts = j.stages.map((s) => s.customers as CellValue);
  const pick = (role: 'L' | 'C', fallback: number) => {
    const i = j.stages.findIndex((s) => s.role === role);
    return counts[i >= 0 ? i : fallback] ?? '';
  };
  const leads = pick('L', 0);
  const deal = pick('C', counts.length - 1);
  let conversion: unknown;
  try {
    conversion = CJM_CONVERSION.evaluate(j.lang, [leads, deal]);
  } catch {
    conversion = '⚠';
  }
  let revenue: unknown = '';
  if (typeof conversion === 'number') {
    try {
      revenue = CJM_REVENUE.evaluate(j.lang, [leads, conversion, j.avgCheck, j.purchases]);
    } catch {
      revenue = '⚠';
    }
  }
  const weakest = CJM_BOTTLENECK.evaluate(j.lang, [
    [counts],
    [j.stages.map((s) => s.name)],
    [j.stages.map((s) => s.target as CellValue)],
  ]);
  return {
    conversion: typeof conversion === 'number' ? conversion : null,
    revenue: typeof revenue === 'number' ? revenue : null,
    weakest: String(weakest),
  };
}

/**
 * The step row (CJM_CONVERSION over neighbours): a number, or a "⚠ …" note, per stage after the
 * first.
 */
function stepRow(counts: CellValue[]): unknown[] {
  if (counts.length < 2) return [];
  try {
    const out = CJM_CONVERSION.evaluate('en', [[counts.slice(0, -1)], [counts.slice(1)]]);
    return Array.isArray(out) ? ((out[0] as unknown[] | undefined) ?? []) : [out];
  } catch {
    return ['⚠'];
  }
}

const countValue: fc.Arbitrary<CellData> = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 10_000 }) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.integer({ min: -50, max: -1 }) },
  { weight: 1, arbitrary: fc.constantFrom('lots', 'n/a', '1 200', '350', '0') },
);
const targetValue: fc.Arbitrary<CellData> = fc.oneof(
  { weight: 5, arbitrary: fc.constant('') },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 100 }).map((p) => p / 100) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1.5, -0.2, 'high', '30%') },
);
const roleValue = fc.constantFrom<'L' | 'C' | 'Q' | ''>('L', 'C', 'Q', '', '');

const journeyArb = fc
  .integer({ min: 1, max: 8 })
  .chain((n) =>
    fc.record({
      stages: fc.array(fc.record({ customers: countValue, target: targetValue, role: roleValue }), {
        minLength: n,
        maxLength: n,
      }),
      avgCheck: fc.oneof(
        fc.integer({ min: 0, max: 50_000 }),
        fc.constantFrom<CellData>('', 'TBD', -5, '2 000'),
      ),
      purchases: fc.oneof(
        fc.integer({ min: 0, max: 5 }),
        fc.constantFrom<CellData>('', 'x', -1, '1,5'),
      ),
      lang: fc.constantFrom<'en' | 'ru'>('en', 'ru'),
    }),
  )
  .map(({ stages, avgCheck, purchases, lang }): Journey => {
    const j = presetJourney(lang);
    j.stages = stages.map((s, i) => ({
      ...j.stages[0]!,
      id: `s${i}`,
      name: `S${i + 1}`,
      role: s.role,
      customers: s.customers,
      target: s.target,
    }));
    j.avgCheck = avgCheck;
    j.purchases = purchases;
    return j;
  });

describe('one rule for a funnel: formulas, metrics and poster agree', () => {
  it("computeMetrics gives the conversion, revenue and weakest transition the sheet's formulas compute, for any inputs", () => {
    fc.assert(
      fc.property(journeyArb, (j) => {
        const m = computeMetrics(j);
        const sheet = sheetSide(j);
        if (sheet.conversion === null) expect(m.conversion).toBeNull();
        else expect(m.conversion).toBeCloseTo(sheet.conversion, 12);
        if (sheet.revenue === null) expect(m.revenue).toBeNull();
        else expect(m.revenue).toBeCloseTo(sheet.revenue, 6);
        // where the sheet says why no transition can be judged, the sidebar names none (its own
        // list of data problems says what is wrong)
        expect(m.weakest).toBe(sheet.weakest.startsWith('⚠') ? '' : sheet.weakest);
        if (
          m.weakest === '' &&
          j.stages.some((s, i) => i > 0 && s.customers !== '' && j.stages[i - 1]?.customers !== '')
        )
          expect(sheet.weakest).toMatch(/^⚠ \S/);
      }),
      { numRuns: 400 },
    );
  });

  it('the weakest transition is always one whose step the step row shows as a number', () => {
    fc.assert(
      fc.property(fc.array(countValue, { minLength: 2, maxLength: 10 }), (values) => {
        const j = presetJourney('en');
        j.stages = values.map((v, i) => ({
          ...j.stages[0]!,
          id: `s${i}`,
          name: `S${i + 1}`,
          customers: v,
        }));
        const f = mapFunnel(j);
        const row = stepRow(values as CellValue[]);
        f.steps.slice(1).forEach((s, k) => {
          if (s.step === null) expect(typeof row[k] === 'number' ? row[k] : null).toBeNull();
          else expect(row[k]).toBeCloseTo(s.step, 12);
        });
        if (f.weakest !== null) {
          expect(typeof row[f.weakest - 1]).toBe('number');
          const lowest = Math.min(...row.filter((x): x is number => typeof x === 'number'));
          expect(row[f.weakest - 1]).toBe(lowest);
        } else {
          expect(row.filter((x) => typeof x === 'number')).toEqual([]);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('judges a transition by its neighbours: a stage typed out of order leaves the other steps judged', () => {
    const counts: Count[] = [330, 5000, 1200, 150, 300, 90];
    expect(funnelSteps(counts).map((s) => s.step)).toEqual([1, null, 0.24, 0.125, null, 0.3]);
    expect(weakestTransition(counts)).toBe(3);
    // with targets only on transitions that cannot be computed, the plain steps are judged
    expect(weakestTransition(counts, [null, 0.5, null, null, 0.4, null])).toBe(3);
    expect(conversionProblem(0, 0)).toBe('fromZero');
    expect(conversionProblem(100, 330)).toBe('more');
    expect(conversionProblem(100, 100)).toBeNull();
    // a drop-off only where the step can be computed
    expect(funnelSteps([100, 150]).map((s) => s.dropOff)).toEqual([0, null]);
  });

  it('the deal stage moved first: the sidebar and the poster show the revenue the sheet shows', () => {
    const j = presetJourney('ru');
    const names = [
      'Первичное осмысление',
      'Активная оценка',
      'Сделка',
      'Пользовательский опыт',
      'Триггер',
      'Лояльность',
    ];
    const roles = ['L', 'L', 'C', 'Q', 'Q', 'Q'] as const;
    const counts = [5000, 1200, 330, 300, 150, 90];
    j.stages = names.map((name, i) => ({
      ...j.stages[0]!,
      id: `s${i}`,
      name,
      role: roles[i]!,
      customers: counts[i]!,
      target: '',
    }));
    j.avgCheck = 9000;
    j.purchases = 2.5;
    // Сделка to the front
    j.stages = [j.stages[2]!, j.stages[0]!, j.stages[1]!, ...j.stages.slice(3)];
    const m = computeMetrics(j);
    expect(m.leads).toBe(5000);
    expect(m.conversion).toBeCloseTo(0.066, 12);
    expect(m.revenue).toBeCloseTo(7_425_000, 4);
    expect(m.weakest).toBe(sheetSide(j).weakest);
    expect(m.weakest).toBe('Первичное осмысление → Активная оценка');
    const svg = renderPoster({ journey: j, actions: [], locale: 'ru_RU' });
    expect(svg).toMatch(/7\s425\s000/);
    expect(svg).toContain('Первичное осмысление → Активная оценка');
  });

  it("a number typed as text is no number for the metrics, which name it in the map's language", () => {
    for (const lang of ['en', 'ru'] as const) {
      const j = presetJourney(lang);
      [5000, '1 200', 330, 300, 150, 90].forEach((c, i) => {
        j.stages[i]!.customers = c;
      });
      j.stages[2]!.target = '30%';
      j.avgCheck = '2 000';
      j.purchases = 2;
      const m = computeMetrics(j);
      expect(mapFunnel(j).counts).toEqual([5000, null, 330, 300, 150, 90]);
      expect(mapFunnel(j).targets[2]).toBe('bad');
      expect([m.leads, m.avgCheck, m.revenue]).toEqual([5000, null, null]);
      const name = (i: number) => j.stages[i]!.name;
      expect(m.errors).toEqual([
        t(lang, 'metrics.textCount', { stage: name(1), value: '1 200' }),
        t(lang, 'metrics.textTarget', { stage: name(2), value: '30%' }),
        t(lang, 'metrics.textValue', { field: t(lang, 'row.avgCheck'), value: '2 000' }),
      ]);
      // the weakest transition leaves the stage out, as the step row does
      expect(m.weakest).toBe(sheetSide(j).weakest);
      expect(m.weakest).not.toContain(name(1));
      // text that is not a number at all is said to be no number
      j.stages[1]!.customers = 'n/a';
      expect(computeMetrics(j).errors[0]).toBe(
        t(lang, 'metrics.badCount', { stage: name(1), value: 'n/a' }),
      );
    }
  });

  it("the custom functions' note for text is the map's own note, word for word", () => {
    for (const lang of ['en', 'ru'] as const)
      for (const text of ['8 231', '8,231', '8\u00a0231', 'n/a', ' 131 ']) {
        const out = CJM_CONVERSION.evaluate(lang, [[[100, text]], [[50, 10]]]) as unknown[][];
        expect(out[0]?.[1]).toBe(t(lang, 'warn.text', { value: text }));
        // and the map's template writes that note for a count typed as text
        const plan = planMap(presetJourney(lang), {
          sheetName: 'Map',
          locale: lang === 'ru' ? 'ru_RU' : 'en_US',
        });
        const drop = plan.cells[ROW.dropOff - 1]?.[stageCol(1) - 1];
        const [before, after] = t(lang, 'warn.text').split('{value}');
        expect(drop && 'formula' in drop ? drop.formula : '').toContain(
          `"${before}"&C${ROW.customers}&"${after}"`,
        );
      }
  });

  it("the drop-off, step and overall rows wrap, and the drop-off says a data problem in the map's language", () => {
    for (const lang of ['en', 'ru'] as const) {
      const j = presetJourney(lang);
      const plan = planMap(j, { sheetName: 'Map', locale: lang === 'ru' ? 'ru_RU' : 'en_US' });
      const rowOf = (key: 'step' | 'overall' | 'dropOff') => plan.cells[ROW[key] - 1] ?? [];
      for (const key of ['step', 'overall', 'dropOff'] as const) {
        for (let i = 0; i < j.stages.length; i++)
          expect(STYLES[rowOf(key)[stageCol(i) - 1]!.style].wrap).toBe(true);
      }
      const drop = rowOf('dropOff')[stageCol(1) - 1]!;
      expect('formula' in drop && drop.formula).toContain(
        lang === 'ru' ? '⚠ больше, чем на предыдущем этапе' : '⚠ more than the previous stage',
      );
      const cf = plan.conditionalRules.find(
        (r) => r.kind === 'textContains' && r.range.startsWith(`C${ROW.step}:`),
      );
      expect(cf && 'range' in cf ? cf.range : '').toMatch(new RegExp(`:[A-Z]+${ROW.dropOff}$`));
    }
  });
});
