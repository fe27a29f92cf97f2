/**
 * The funnel numbers the wizard and the poster show for a map: customers per stage, conversion,
 * revenue L×C×P×Q, the weakest transition, stages under their target or scored low, and the data
 * problems named in words.
 */
import { describe, expect, it } from 'vitest';
import type { CellData, Journey } from '../../../../src/core/map/journey';
import { computeMetrics, mapFunnel, planFunnel } from '../../../../src/core/map/metrics';
import { presetJourney } from '../../../support/journeys';

/**
 * The funnel5 preset: Awareness (L), Consideration (L), Purchase (C), Retention (Q), Advocacy (Q),
 * with these counts, targets and scores.
 */
function funnel(
  counts: CellData[],
  opts: {
    targets?: CellData[];
    scores?: CellData[];
    avgCheck?: CellData;
    purchases?: CellData;
  } = {},
  lang: 'en' | 'ru' = 'en',
): Journey {
  const j = presetJourney(lang, 'funnel5');
  j.stages.forEach((s, i) => {
    s.customers = counts[i] ?? '';
    s.target = opts.targets?.[i] ?? '';
    s.content.score = opts.scores?.[i] ?? '';
  });
  j.avgCheck = opts.avgCheck ?? 2000;
  j.purchases = opts.purchases ?? 1.5;
  return j;
}

describe('a healthy funnel', () => {
  // steps: 400/1000 = 0.4, 50/400 = 0.125, 40/50 = 0.8, 10/40 = 0.25
  const j = funnel([1000, 400, 50, 40, 10]);

  it('earns leads × conversion × check × purchases, with no data problem named', () => {
    const m = computeMetrics(j);
    // L is the first L stage (1000), C the Purchase stage: 50 / 1000 = 0.05
    expect(m.leads).toBe(1000);
    expect(m.conversion).toBe(0.05);
    expect(m.avgCheck).toBe(2000);
    expect(m.purchases).toBe(1.5);
    // 1000 × 0.05 × 2000 × 1.5
    expect(m.revenue).toBeCloseTo(150000, 6);
    expect(m.errors).toEqual([]);
  });

  it('names the lowest step as the weakest transition, by its two stages', () => {
    expect(computeMetrics(j).weakest).toBe('Consideration → Purchase');
  });

  it('reads blank targets as no target, the first stage never having one', () => {
    expect(mapFunnel(j).targets).toEqual([null, null, null, null, null]);
    // a target on the first stage (there is no transition into it) and a target of 0 are no goal
    expect(mapFunnel(funnel([1000, 400], { targets: [0.5, 0] })).targets).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it("hands an action plan the stages' names, roles and counts", () => {
    expect(planFunnel(j)).toEqual({
      names: ['Awareness', 'Consideration', 'Purchase', 'Retention', 'Advocacy'],
      roles: ['L', 'L', 'C', 'Q', 'Q'],
      counts: [1000, 400, 50, 40, 10],
    });
  });
});

describe('revenue needs all four factors as numbers of 0 or more', () => {
  it('is 0 for a check of 0, which is a valid check', () => {
    const m = computeMetrics(funnel([1000, 400, 50, 40, 10], { avgCheck: 0 }));
    expect(m.avgCheck).toBe(0);
    expect(m.revenue).toBe(0);
  });

  it('is not computed while purchases are blank', () => {
    const m = computeMetrics(funnel([1000, 400, 50, 40, 10], { purchases: '' }));
    expect(m.purchases).toBeNull();
    expect(m.revenue).toBeNull();
  });

  it('is not computed for a negative check or an infinite one', () => {
    for (const avgCheck of [-100, Number.POSITIVE_INFINITY]) {
      const m = computeMetrics(funnel([1000, 400, 50, 40, 10], { avgCheck }));
      expect(m.avgCheck).toBeNull();
      expect(m.revenue).toBeNull();
    }
  });
});

describe('stage counts the funnel cannot use are named as data problems', () => {
  it('a negative count is no count, and is said to be no number of 0 or more', () => {
    const j = funnel([1000, -5, 50, 40, 10]);
    expect(mapFunnel(j).counts).toEqual([1000, null, 50, 40, 10]);
    expect(computeMetrics(j).errors).toEqual([
      'Consideration: the customer count "-5" is not a number of 0 or more',
    ]);
  });

  it('a count typed as text is no count, and is said to be text', () => {
    const j = funnel([1000, '400', 50, 40, 10]);
    expect(mapFunnel(j).counts).toEqual([1000, null, 50, 40, 10]);
    expect(computeMetrics(j).errors).toEqual([
      'Consideration: the customer count "400" is text, so the map does not count it; type the number without an apostrophe or spaces',
    ]);
  });

  it('a stage with more customers than the one before it is named; as many is fine', () => {
    expect(computeMetrics(funnel([1000, 400, 50, 50, 10])).errors).toEqual([]);
    expect(computeMetrics(funnel([1000, 400, 50, 60, 10])).errors).toEqual([
      'Retention: 60 customers is more than the 50 of the stage before it; check the counts or the order of the stages',
    ]);
  });
});

describe('targets that are not a share from 0 to 100 % are named with the value read', () => {
  it('a number above 1 is shown as the percent it makes', () => {
    const j = funnel([1000, 400, 50, 40, 10], { targets: ['', '', 30] });
    expect(mapFunnel(j).targets[2]).toBe('bad');
    expect(computeMetrics(j).errors).toEqual([
      'Purchase: the target reads as 3,000.0%; a target is a share from 0 to 100 % (type 30 %, not 30)',
    ]);
  });

  it('text that is no number is quoted as typed, in the quotes of the language', () => {
    expect(
      computeMetrics(funnel([1000, 400, 50, 40, 10], { targets: ['', 'soon'] })).errors,
    ).toEqual([
      'Consideration: the target reads as "soon"; a target is a share from 0 to 100 % (type 30 %, not 30)',
    ]);
    expect(
      computeMetrics(funnel([1000, 400, 50, 40, 10], { targets: ['', 'скоро'] }, 'ru')).errors,
    ).toEqual([
      'Рассмотрение: цель прочитана как «скоро»; цель — доля от 0 до 100 % (введите 30 %, а не 30)',
    ]);
  });
});

describe('stages under their target', () => {
  it('lists only a step below its target, with both figures; a step at or above it is on target', () => {
    // Consideration 0.4 < 0.5; Retention 0.8 = 0.8; Advocacy 0.25 > 0.2
    const j = funnel([1000, 400, 50, 40, 10], { targets: ['', 0.5, '', 0.8, 0.2] });
    const m = computeMetrics(j);
    expect(m.underTarget).toEqual([{ stage: 'Consideration', step: 0.4, target: 0.5 }]);
    // with goals, the weakest is the lowest step ÷ goal: 0.4 / 0.5 = 0.8 against 1 and 1.25
    expect(m.weakest).toBe('Awareness → Consideration');
    expect(m.errors).toEqual([]);
  });

  it('leaves out a stage whose step cannot be computed, whatever its target', () => {
    // Consideration is blank: neither its step nor Purchase's can be computed
    const j = funnel([1000, '', 50, 40, 10], { targets: ['', 0.5, 0.5] });
    expect(computeMetrics(j).underTarget).toEqual([]);
  });
});

describe('stages scored low', () => {
  it('lists the stages scored 2 or less, not those scored above or not scored', () => {
    const j = funnel([1000, 400, 50, 40, 10], { scores: [1, 2, 3, '', 5] });
    expect(computeMetrics(j).lowScores).toEqual([
      { stage: 'Awareness', score: 1 },
      { stage: 'Consideration', score: 2 },
    ]);
  });
});
