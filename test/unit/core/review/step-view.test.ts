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

/** The Review step on 7 December 2026, money in roubles. */
const viewOn = (map: Journey, reviewFields: ReviewFields, periods: Period[]) =>
  reviewView({ map, fields: reviewFields, periods, today: '2026-12-07', currency: RUB });

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

describe('the Review step before two periods are recorded', () => {
  it('with no review and no period yet: says so, asks for two reviews and a goal, draws nothing', () => {
    const view = reviewView({
      map: shop('en', [1000, 400, 100]),
      fields: fields(''),
      periods: [],
      today: '2026-12-07',
      currency: null,
    });
    expect(view.lines).toEqual([
      'No review recorded yet: record the first one below.',
      'Record two reviews to see the change since the last one.',
      'Set a revenue goal to see progress to it.',
    ]);
    expect(view.due).toBe(false);
    expect(view.stages).toEqual([]);
    // a monthly review early in December looks back at November
    expect(view.span).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('a review date in the map but no period in its history: the date alone, in the map’s language', () => {
    const input = (lang: 'en' | 'ru') => ({
      map: shop(lang, [1000, 400, 100], { reviewed: '2026-12-06' }),
      fields: fields(''),
      periods: [],
      today: '2026-12-07',
      currency: null,
    });
    expect(reviewView(input('en')).lines[0]).toBe('Last review: 2026-12-06.');
    expect(reviewView(input('ru')).lines[0]).toBe('Последний обзор: 06.12.2026.');
  });

  it('one period without its first or last day: the review is named without a span, nothing drawn yet', () => {
    const endOnly = { ...period(4, '', '2026-11-30', [1000, 480, 150]), from: null };
    const view = viewOn(shop('en', [1000, 480, 150]), fields(''), [endOnly]);
    expect(view.lines).toEqual([
      'Last review: —.',
      'Record two reviews to see the change since the last one.',
      'Set a revenue goal to see progress to it.',
    ]);
    expect(view.stages).toEqual([]);
    const startOnly = { ...period(4, '2026-11-01', '', [1000, 480, 150]), to: null };
    const started = viewOn(shop('en', [1000, 480, 150], { reviewed: '2026-12-06' }), fields(''), [
      startOnly,
    ]);
    expect(started.lines[0]).toBe('Last review: 2026-12-06.');
  });

  it('a next review due tomorrow is not due yet', () => {
    const view = reviewView({
      map: shop('en', [1000, 400, 100], { nextReview: '2026-12-08' }),
      fields: fields(''),
      periods: [],
      today: '2026-12-07',
      currency: null,
    });
    expect(view.due).toBe(false);
    expect(view.lines[1]).toBe('Next review: 2026-12-08.');
  });
});

describe('the Review step’s revenue and transitions', () => {
  it('lists the revenue of the periods that have one; the change is the last two’s', () => {
    // September without P: no revenue; October 120 × 100 × 2 = 24 000, November 150 × 100 × 2 = 30 000
    const periods = [
      { ...period(4, '2026-09-01', '2026-09-30', [1000, 400, 100]), avgCheck: null },
      period(5, '2026-10-01', '2026-10-31', [1000, 450, 120]),
      period(6, '2026-11-01', '2026-11-30', [1000, 480, 150]),
    ];
    const view = viewOn(shop('en', [1000, 480, 150]), fields(''), periods);
    expect(view.lines).toEqual([
      'Last review: —, for 2026-11-01 – 2026-11-30.',
      `Revenue since the last review: +6,000${NBSP}₽.`,
      `Revenue by period, oldest first: 24,000${NBSP}₽ → 30,000${NBSP}₽.`,
      '⚠ Below target two periods running: Trial.',
      'Set a revenue goal to see progress to it.',
    ]);
  });

  it('says which review lacks a revenue when the last one has none, and still draws its transitions', () => {
    const periods = [
      period(4, '2026-10-01', '2026-10-31', [1000, 500, 200]),
      { ...period(5, '2026-11-01', '2026-11-30', [1000, 400, 150]), avgCheck: null },
    ];
    const view = viewOn(shop('ru', [1000, 400, 150]), fields(''), periods);
    expect(view.lines).toEqual([
      'Последний обзор: —, за 01.11.2026 – 30.11.2026.',
      'Изменение с прошлого обзора не показать: у обзора от 30.11.2026 нет выручки (в листе истории не заполнено L, C, P или Q).',
      'Задайте цель по выручке, чтобы видеть её выполнение.',
    ]);
    // Trial 50 % → 40 %, Paid 40 % → 37,5 %
    expect(view.stages).toEqual([
      { name: 'Trial', change: '−10,0 п.п.', trend: '█▁', below: false },
      { name: 'Paid', change: '−2,5 п.п.', trend: '█▁', below: false },
    ]);
  });

  it('names both reviews when neither of the last two has a revenue, in English', () => {
    const periods = [
      { ...period(4, '2026-10-01', '2026-10-31', [1000, 500, 200]), purchases: null },
      { ...period(5, '2026-11-01', '2026-11-30', [1000, 400, 150]), avgCheck: null },
    ];
    const view = viewOn(shop('en', [1000, 400, 150]), fields(''), periods);
    expect(view.lines[1]).toBe(
      'No change since the last review to show: the reviews of 2026-10-31, 2026-11-30 have no revenue (an L, C, P or Q of theirs is blank in the history sheet).',
    );
  });

  it('names every stage below its target two periods running, in the map’s order', () => {
    const paidTarget = (p: Period): Period => ({ ...p, target: { ...p.target, cccc: 0.5 } });
    // Trial 40 % and 45 %, Paid 25 % and 33,3 %: all under 50 %
    const periods = [
      paidTarget(period(4, '2026-10-01', '2026-10-31', [1000, 400, 100])),
      paidTarget(period(5, '2026-11-01', '2026-11-30', [1000, 450, 150])),
    ];
    const view = viewOn(shop('en', [1000, 450, 150]), fields(''), periods);
    expect(view.lines).toContain('⚠ Below target two periods running: Trial, Paid.');
    expect(view.stages.map((s) => [s.name, s.below])).toEqual([
      ['Trial', true],
      ['Paid', true],
    ]);
  });

  it('a transition with a count missing: no change when either of the last two lacks it, a gap in its trend', () => {
    // October has no Paid count; a stage with no count at all has no trend either
    const periods = [
      period(4, '2026-09-01', '2026-09-30', [1000, 400, 100]),
      period(5, '2026-10-01', '2026-10-31', [1000, 450]),
      period(6, '2026-11-01', '2026-11-30', [1000, 480, 150]),
    ];
    const view = viewOn(shop('en', [1000, 480, 150]), fields(''), periods);
    // Paid: 25 %, none, 31,25 %
    expect(view.stages).toEqual([
      { name: 'Trial', change: '+3.0 pp', trend: '▁▅█', below: true },
      { name: 'Paid', change: '', trend: '▁ █', below: false },
    ]);
    const noPaid = reviewView({
      map: shop('en', [1000, 480, 150]),
      fields: fields(''),
      periods: [
        period(4, '2026-10-01', '2026-10-31', [1000, 450]),
        period(5, '2026-11-01', '2026-11-30', [1000, 480]),
      ],
      today: '2026-12-07',
      currency: RUB,
    });
    expect(noPaid.stages[1]).toEqual({ name: 'Paid', change: '', trend: '', below: false });
  });
});

describe('the Review step’s progress to the revenue goal', () => {
  const progress = (lang: 'en' | 'ru', f: ReviewFields, map = shop(lang, [1000, 480, 150])) =>
    reviewView({ map, fields: f, periods: [], today: '2026-12-07', currency: RUB }).lines.at(-1);

  it('the map’s revenue over the goal, with the goal’s date when it has one', () => {
    // the map now: 150 × 100 × 2 = 30 000, of 40 000 is 75 %
    expect(progress('en', fields(40000))).toBe(
      `Progress to the revenue goal: 75.0% (30,000${NBSP}₽ of 40,000${NBSP}₽).`,
    );
    expect(progress('ru', fields(40000, '2026-12-31'))).toBe(
      `Выполнение цели по выручке: 75,0% (30${NBSP}000${NBSP}₽ из 40${NBSP}000${NBSP}₽ к 31.12.2026).`,
    );
  });

  it('a goal of 0 or less is no goal', () => {
    expect(progress('en', fields(0))).toBe('Set a revenue goal to see progress to it.');
    expect(progress('en', fields(-5000))).toBe('Set a revenue goal to see progress to it.');
  });

  it('a goal the map has no revenue for yet (no average check) is named alone', () => {
    const noCheck = { ...shop('en', [1000, 480, 150]), avgCheck: '' };
    expect(progress('en', fields(40000), noCheck)).toBe(
      `Revenue goal: 40,000${NBSP}₽. Progress shows once the map computes its revenue.`,
    );
  });
});

describe('the Review step’s period and words', () => {
  const spanOf = (cadence: string) =>
    reviewView({
      map: shop('en', [1000, 400, 100]),
      fields: { ...fields(''), cadence },
      periods: [],
      today: '2026-12-07', // a Monday
      currency: null,
    }).span;

  it('the period offered is the cadence’s last whole one, a month when the cadence is no cadence', () => {
    expect(spanOf('weekly')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(spanOf('ежеквартально')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(spanOf('monthly')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(spanOf('yearly')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('the form’s words are in the map’s language', () => {
    const wordsOf = (lang: 'en' | 'ru') =>
      reviewView({
        map: shop(lang, [1000, 400, 100]),
        fields: fields(''),
        periods: [],
        today: '2026-12-07',
        currency: null,
      }).words;
    expect(wordsOf('en')).toEqual({
      from: 'Period from',
      to: 'Period to',
      note: 'A one-line note for this period (optional)',
      period: 'Period and note',
      record: 'Record the review',
      recordHint:
        'Keeps the map’s figures as they are now as this period in its history sheet and moves the review dates on; then the action plan opens.',
      stage: 'Step into',
      change: 'Since the last review',
      trend: 'Trend',
      replace: 'Replace it',
      keep: 'Keep both',
      cancel: 'Cancel',
    });
    expect(wordsOf('ru')).toEqual({
      from: 'Период: с',
      to: 'Период: по',
      note: 'Заметка к периоду, одной строкой (можно пропустить)',
      period: 'Период и заметка',
      record: 'Записать обзор',
      recordHint:
        'Сохранит цифры карты, какие они сейчас, как этот период на листе истории и передвинет даты обзоров; затем откроется план действий.',
      stage: 'Шаг в этап',
      change: 'С прошлого обзора',
      trend: 'Тренд',
      replace: 'Заменить',
      keep: 'Оставить оба',
      cancel: 'Отмена',
    });
  });
});

describe('the due line, more', () => {
  it('in English too', () => {
    const map = shop('en', [1, 1, 1], { nextReview: '2026-12-06' });
    expect(dueLine(map, () => '2026-12-06')).toBe(
      'A review of this map is due: the next review was set for 2026-12-06.',
    );
  });

  it('asks for today only when the map has a next review date', () => {
    let asked = 0;
    const today = () => {
      asked += 1;
      return '2027-01-10';
    };
    expect(dueLine(shop('en', [1, 1, 1]), today)).toBe('');
    expect(asked).toBe(0);
    expect(dueLine(shop('en', [1, 1, 1], { nextReview: '2026-12-06' }), today)).not.toBe('');
    expect(asked).toBe(1);
  });

  it('a number in the next review cell is no date', () => {
    expect(dueLine(shop('en', [1, 1, 1], { nextReview: 46362 }), () => '2027-01-10')).toBe('');
  });
});

describe('trend and change figures, more', () => {
  it('each of the eight levels, lowest to highest, for a series climbing evenly', () => {
    expect(sparkText([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkText([0.3, 0.2, 0.1])).toBe('█▅▁');
  });

  it('one point, or points equal but for a float’s tail however large, are one middle level', () => {
    expect(sparkText([0.4])).toBe('▄');
    // 2 000 000 and 2 000 000,0001 differ by one part in twenty billion
    expect(sparkText([2000000, 2000000.0001])).toBe('▄▄');
  });

  it('a real change, however small, is drawn; no point at all is gaps only', () => {
    expect(sparkText([0.5, 0.50001])).toBe('▁█');
    expect(sparkText([null, null])).toBe('  ');
    expect(sparkText([])).toBe('');
  });

  it('no change is plus zero; a fall has a true minus', () => {
    expect(pointsText(0, 'en')).toBe('+0.0 pp');
    expect(pointsText(0, 'ru')).toBe('+0,0 п.п.');
    expect(pointsText(-12.3, 'ru')).toBe('−12,3 п.п.');
    expect(pointsText(7, 'en')).toBe('+7.0 pp');
  });
});
