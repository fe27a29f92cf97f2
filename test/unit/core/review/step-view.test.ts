/**
 * The wizard's Review step, its pure part: what it says (last and next review, due, the revenue's
 * change and figures, the transitions' change in points, below target twice, progress to the
 * goal), drawn from the last periods, and the review block's inputs as step fields. Every figure
 * is worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import type { Journey } from '../../../../src/core/map/journey';
import { newStage } from '../../../../src/core/map/journey';
import { BLOCK_ROW, type ReviewFields } from '../../../../src/core/review/block';
import type { Period } from '../../../../src/core/review/history';
import {
  dueLine,
  pointsText,
  reviewView,
  sparkText,
  VIEW_PERIODS,
} from '../../../../src/core/review/step-view';
import { fieldCell, stepValues, withReviewValues } from '../../../../src/core/wizard/fields';
import { checkStepValues } from '../../../../src/core/wizard/step-values';
import { STEP_IDS, stepFieldIds } from '../../../../src/core/wizard/steps';
import { presetJourney } from '../../../support/journeys';

const RUB = { symbol: '₽', before: false };
const NBSP = '\u00a0';

/** Visit → Trial → Paid (the deal), P 100, Q 2; counts as the map holds them now. */
function shop(lang: 'en' | 'ru', counts: [number, number, number], title = {}): Journey {
  const j = presetJourney(lang);
  return {
    ...j,
    title: { ...j.title, ...title },
    stages: [
      { ...newStage('Visit', 'L', 'aaaa'), customers: counts[0] },
      { ...newStage('Trial', '', 'bbbb'), customers: counts[1], target: 0.5 },
      { ...newStage('Paid', 'C', 'cccc'), customers: counts[2] },
    ],
    avgCheck: 100,
    purchases: 2,
  };
}

const period = (row: number, from: string, to: string, counts: number[], p = 100): Period => ({
  row,
  from,
  to,
  recorded: null,
  note: '',
  status: '',
  avgCheck: p,
  purchases: 2,
  customers: { aaaa: counts[0] ?? null, bbbb: counts[1] ?? null, cccc: counts[2] ?? null },
  target: { aaaa: null, bbbb: 0.5, cccc: null },
  score: {},
});

const fields = (goal: number | '', date = ''): ReviewFields => ({
  revenueGoal: goal,
  goalDate: date,
  cadence: '',
});

describe('the Review step says', () => {
  it('the last review and its period, the next, the revenue’s change and figures, below target twice, progress to the goal (English)', () => {
    // September 1000 → 400 → 100, October 1000 → 450 → 120, November 1000 → 480 → 150
    const periods = [
      period(6, '2026-09-01', '2026-09-30', [1000, 400, 100]),
      period(5, '2026-10-01', '2026-10-31', [1000, 450, 120]),
      period(4, '2026-11-01', '2026-11-30', [1000, 480, 150]),
    ];
    const map = shop('en', [1000, 480, 150], { reviewed: '2026-12-06', nextReview: '2027-01-06' });
    const view = reviewView({
      map,
      fields: fields(40000, '2026-12-31'),
      periods,
      today: '2026-12-07',
      currency: RUB,
    });
    // revenue = Paid × P × Q: 20 000, 24 000, 30 000; 30 000 of 40 000 is 75 %
    expect(view.lines).toEqual([
      'Last review: 2026-12-06, for 2026-11-01 – 2026-11-30.',
      'Next review: 2027-01-06.',
      `Revenue since the last review: +6,000${NBSP}₽.`,
      `Revenue by period, oldest first: 20,000${NBSP}₽ → 24,000${NBSP}₽ → 30,000${NBSP}₽.`,
      // Trial: 45 % and 48 %, under its 50 % target in October and November
      '⚠ Below target two periods running: Trial.',
      `Progress to the revenue goal: 75.0% (30,000${NBSP}₽ of 40,000${NBSP}₽ by 2026-12-31).`,
    ]);
    expect(view.due).toBe(false);
    // Trial 40 %, 45 %, 48 %: +3 pp, its middle point 5/8 of the way up (block 5 of 8);
    // Paid 25 %, 26,7 %, 31,25 %: +4,6 pp, its middle point 0,27 of the way (block 3 of 8)
    expect(view.stages).toEqual([
      { name: 'Trial', change: '+3.0 pp', trend: '▁▅█', below: true },
      { name: 'Paid', change: '+4.6 pp', trend: '▁▃█', below: false },
    ]);
    expect(view.span).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('in Russian, a review due today, a revenue that fell, no goal yet', () => {
    const periods = [
      period(4, '2026-10-01', '2026-10-31', [1000, 500, 200]),
      period(5, '2026-11-01', '2026-11-30', [1000, 400, 150]),
    ];
    const map = shop('ru', [1000, 400, 150], { reviewed: '2026-11-06', nextReview: '2026-12-06' });
    const view = reviewView({
      map,
      fields: fields(''),
      periods,
      today: '2026-12-06',
      currency: RUB,
    });
    expect(view.due).toBe(true);
    expect(view.lines).toEqual([
      'Последний обзор: 06.11.2026, за 01.11.2026 – 30.11.2026.',
      'Следующий обзор: 06.12.2026. Пора его провести.',
      // 150 × 100 × 2 = 30 000 against 200 × 100 × 2 = 40 000
      `Выручка с прошлого обзора: −10${NBSP}000${NBSP}₽.`,
      `Выручка по периодам, от раннего к последнему: 40${NBSP}000${NBSP}₽ → 30${NBSP}000${NBSP}₽.`,
      'Задайте цель по выручке, чтобы видеть её выполнение.',
    ]);
    // Trial 50 % → 40 %: −10 pp, not under 50 % in October; Paid 40 % → 37,5 %
    expect(view.stages.map((s) => [s.change, s.below])).toEqual([
      ['−10,0 п.п.', false],
      ['−2,5 п.п.', false],
    ]);
  });

  it('draws the last six periods only', () => {
    const months = ['01', '02', '03', '04', '05', '06', '07', '08'];
    const periods = months.map((m, i) =>
      period(4 + i, `2026-${m}-01`, `2026-${m}-28`, [1000, 400, 100 + 10 * i]),
    );
    const view = reviewView({
      map: shop('en', [1000, 400, 170]),
      fields: fields(''),
      periods,
      today: '2026-09-01',
      currency: null,
    });
    expect(VIEW_PERIODS).toBe(6);
    expect(view.stages[1]?.trend).toHaveLength(6);
    // Paid: 120 … 170 of 400, evenly: the lowest and highest blocks at the ends
    expect(view.stages[1]?.trend).toBe('▁▂▄▅▇█');
    // pasted periods and no review date in the title: the period is named, the date is not
    expect(view.lines[0]).toBe('Last review: —, for 2026-08-01 – 2026-08-28.');
    expect(view.lines[1]).toBe('Revenue since the last review: +2,000.00.');
  });
});

describe('the line that says a review is due', () => {
  const map = (next: string) => shop('ru', [1, 1, 1], { nextReview: next });
  it('once its day has come, not before; never for text that is no date', () => {
    expect(dueLine(map('2026-12-06'), () => '2026-12-05')).toBe('');
    expect(dueLine(map('2026-12-06'), () => '2026-12-06')).toBe(
      'Пора провести обзор карты: следующий обзор был назначен на 06.12.2026.',
    );
    expect(dueLine(map('2026-12-06'), () => '2027-01-10')).not.toBe('');
    expect(dueLine(map('после праздников'), () => '2027-01-10')).toBe('');
  });
});

describe('trend and change figures', () => {
  it('a series as blocks from its lowest to its highest, a gap as a space, a flat one level', () => {
    expect(sparkText([0.1, 0.2, 0.3])).toBe('▁▅█');
    expect(sparkText([0.3, null, 0.1])).toBe('█ ▁');
    expect(sparkText([0.25, 0.25])).toBe('▄▄');
    // 450/900 and 500/1000 are both a half, but for a float's last digit
    expect(sparkText([0.5, 0.5000000000000001])).toBe('▄▄');
  });
  it('points with a sign, a true minus, in the map’s language', () => {
    expect(pointsText(5, 'ru')).toBe('+5,0 п.п.');
    expect(pointsText(-1.5, 'en')).toBe('−1.5 pp');
  });
});

describe('the review block’s inputs as step fields', () => {
  const j = presetJourney('en');
  const block: ReviewFields = { revenueGoal: 500000, goalDate: '2026-12-31', cadence: 'monthly' };
  it('step 1 and the Review step show them beside the map’s own fields, in the block’s cells', () => {
    expect(STEP_IDS.indexOf('review')).toBe(STEP_IDS.indexOf('evaluate') + 1);
    expect(stepFieldIds('goal', 6)).toEqual([
      'side.goal',
      'side.name',
      'side.segment',
      'side.product',
      'side.revenueGoal',
      'side.goalDate',
    ]);
    expect(stepValues('review', j, block)).toEqual({
      'side.revenueGoal': 500000,
      'side.goalDate': '2026-12-31',
      'side.cadence': 'monthly',
    });
    expect(fieldCell('side.goalDate')).toEqual({ row: BLOCK_ROW.goalDate, col: 2 });
    expect(withReviewValues(block, { 'side.revenueGoal': 600000, 'side.goal': 'x' })).toEqual({
      ...block,
      revenueGoal: 600000,
    });
  });
  it('checks them by kind: money, a date, a cadence of the map’s language', () => {
    expect(
      checkStepValues(
        'review',
        j,
        { 'side.revenueGoal': '1,500', 'side.goalDate': '2026-12-31', 'side.cadence': 'weekly' },
        'en',
      ),
    ).toEqual({
      ok: true,
      values: { 'side.revenueGoal': 1500, 'side.goalDate': '2026-12-31', 'side.cadence': 'weekly' },
    });
    const refused = checkStepValues('review', j, { 'side.cadence': 'yearly' }, 'en');
    expect(refused.ok).toBe(false);
  });
});
