/**
 * The parts of src/server/review.ts other commands use: a review recorded with the wizard's fields,
 * the reviews summed up for an export, the review block drawn again after a stage edit or for a
 * copy made a map of its own, the cadence and goal checked, and today in the spreadsheet's zone.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { moveStageRight } from '../../../src/server/maps';
import { here, openMap } from '../../../src/server/open-map';
import {
  blockAfterEdit,
  blockAtHome,
  checkFields,
  forgetCopiedTrend,
  record,
  recordReviewFromMenu,
  reviewForExport,
  today,
} from '../../../src/server/review';
import { emulated } from '../emulated';
import { newMap, setToday } from './fixtures';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const HISTORY = 'Coffee · history';
const iso = (v: unknown) =>
  v instanceof Date ? v.toISOString().slice(0, 10) : `not a date: ${String(v)}`;

/**
 * The English map "Coffee" (Initial consideration, Active evaluation, Purchase, Experience,
 * Trigger, Loyalty), P 2 000, Q 1.5, the funnel `counts`; today 6 December 2026.
 */
function coffee(counts = [1000, 400, 100, 60, 30, 20]) {
  const e = emulated();
  setToday(e.wb, '2026-12-06');
  newMap('en_US', { name: 'Coffee' });
  const funnel = (n: number[]) => {
    for (const [i, v] of n.entries()) e.wb.setCell('Coffee', `${'CDEFGH'[i]}25`, v);
  };
  funnel(counts);
  e.wb.setCell('Coffee', 'B27', 2000);
  e.wb.setCell('Coffee', 'B28', 1.5);
  e.wb.range('Coffee', 'C10').activate();
  e.wb.ui.responder = () => 'OK';
  const review = (note = '', ...more: ('YES' | 'NO' | 'CANCEL')[]) => {
    e.wb.ui.answer({ button: 'OK', text: note }, ...more);
    recordReviewFromMenu();
  };
  const opened = (sheet = 'Coffee') => {
    e.wb.range(sheet, 'C10').activate();
    return openMap(here(), 'active', { copies: 'allow' });
  };
  return { ...e, review, funnel, opened };
}

describe('a review recorded with the fields the wizard just saved', () => {
  it('writes those fields over the block’s inputs, on a map reviewed before', () => {
    const { wb, review, opened } = coffee();
    review('first');
    wb.setCell('Coffee', 'B56', 100000);
    setToday(wb, '2027-01-06');
    const done = record(
      opened(),
      {
        span: { from: '2026-12-01', to: '2026-12-31' },
        note: 'from the wizard',
        cadence: 'quarter',
        day: '2027-01-06',
        fields: { revenueGoal: 500000, goalDate: '2027-06-30', cadence: 'quarterly' },
      },
      () => null,
    );
    expect(done).toEqual({
      span: { from: '2026-12-01', to: '2026-12-31' },
      next: '2027-04-06',
      sheetName: HISTORY,
      notices: ['Revenue since the last review: +0.', 'Progress to the revenue goal: 60.0%.'],
    });
    expect(wb.value('Coffee', 'B56')).toBe(500000);
    expect(iso(wb.value('Coffee', 'B57'))).toBe('2027-06-30');
    expect(wb.value('Coffee', 'B58')).toBe('quarterly');
    expect(wb.value(HISTORY, 'D5')).toBe('from the wizard');
    expect(iso(wb.value('Coffee', 'B8'))).toBe('2027-04-06');
  });

  it('is not refused for a cadence the sheet holds that the wizard replaced', () => {
    const { wb, review, opened } = coffee();
    review('first');
    wb.setCell('Coffee', 'B58', 'yearly');
    const done = record(
      opened(),
      {
        span: { from: '2026-11-01', to: '2026-11-30' },
        note: '',
        cadence: 'month',
        day: '2026-12-06',
        fields: { revenueGoal: '', goalDate: '', cadence: 'monthly' },
      },
      () => 'replace',
    );
    expect(done?.next).toBe('2027-01-06');
    expect(wb.value('Coffee', 'B58')).toBe('monthly');
  });

  it('asks about the same period only once it is recorded, and stops when told to', () => {
    const { wb, review, opened } = coffee();
    review('first');
    const asked: [number, string][] = [];
    const done = record(
      opened(),
      {
        span: { from: '2026-11-01', to: '2026-11-30' },
        note: 'again',
        cadence: 'month',
        day: '2026-12-06',
      },
      (row, h) => {
        asked.push([row, h.sheet.getName()]);
        return null;
      },
    );
    expect(done).toBeNull();
    expect(asked).toEqual([[4, HISTORY]]);
    expect(wb.value(HISTORY, 'A5')).toBe('');
  });

  it('a period ending the same day but starting on another is not the same period', () => {
    const { wb, review, opened } = coffee();
    review('month');
    const asked: number[] = [];
    record(
      opened(),
      {
        span: { from: '2026-11-24', to: '2026-11-30' },
        note: 'week',
        cadence: 'week',
        day: '2026-12-06',
      },
      (row) => {
        asked.push(row);
        return null;
      },
    );
    expect(asked).toEqual([]);
    expect(wb.value(HISTORY, 'D5')).toBe('week');
    expect(wb.value(HISTORY, 'G5')).toBe('');
  });

  it('a pasted period with only its last day counts as the same period', () => {
    const { wb, review, opened } = coffee();
    review('first');
    wb.setCell(HISTORY, 'A4', '');
    const asked: number[] = [];
    record(
      opened(),
      {
        span: { from: '2026-11-01', to: '2026-11-30' },
        note: '',
        cadence: 'month',
        day: '2026-12-06',
      },
      (row) => {
        asked.push(row);
        return null;
      },
    );
    expect(asked).toEqual([4]);
  });

  it('of two reviews kept for a period, the later one is the one asked about', () => {
    const { review, wb } = coffee();
    review('first');
    review('second', 'NO');
    review('third', 'CANCEL');
    expect(String(wb.ui.requests.at(-1)?.request.prompt)).toBe(
      'The period 2026-11-01 – 2026-11-30 already has a review (row 5 of “Coffee · history”). Replace it? Yes replaces that row; No keeps both, the new one marked.',
    );
  });

  it('is refused before any write when a colleague protected the block’s rows', () => {
    const { wb, review } = coffee();
    review('first');
    wb.protectAsOther('Coffee', 'A60:B60', { by: 'boss@example.com', description: 'Finance' });
    setToday(wb, '2027-01-06');
    review('second');
    expect(String(wb.ui.requests.at(-1)?.request.prompt)).toBe(
      'This cannot be done: the range A60:B60 of the sheet "Coffee" ("Finance") is protected, and only its owner and the editors they chose may change it. Ask them for access or to remove the protection (Data → Protect sheets and ranges), then try again. Nothing was changed.',
    );
    expect(wb.value(HISTORY, 'A5')).toBe('');
    expect(iso(wb.value('Coffee', 'B7'))).toBe('2026-12-06');
  });

  it('a first review is refused when a colleague protected the rows under the footer its block needs', () => {
    const { wb, review } = coffee();
    wb.protectAsOther('Coffee', 'A54:Z54', { by: 'boss@example.com' });
    review('first');
    expect(String(wb.ui.requests.at(-1)?.request.prompt)).toMatch(
      /^This cannot be done: the range A54:Z54 of the sheet "Coffee" is protected/,
    );
    expect(wb.sheetNames()).toEqual(['Sheet1', 'Coffee']);
  });
});

describe('the reviews summed up for an export', () => {
  it('none for a map never reviewed', () => {
    const { opened } = coffee();
    expect(reviewForExport(opened())).toBeNull();
  });

  it('as of today: the revenue’s change, the goal and progress to it, each period', () => {
    const { wb, review, opened } = coffee();
    review('November');
    setToday(wb, '2027-01-06');
    wb.setCell('Coffee', 'B27', 1800); // 100 × 1 800 × 1.5 = 270 000
    review('December');
    wb.setCell('Coffee', 'B56', 400000);
    setToday(wb, '2027-01-10');
    const summary = reviewForExport(opened());
    expect(summary).toMatchObject({
      asOf: '2027-01-10',
      revenueChange: -30000,
      goal: 400000,
      progress: 0.675,
    });
    expect(summary?.periods.map((p) => [p.from, p.to, p.note, p.revenue])).toEqual([
      ['2026-11-01', '2026-11-30', 'November', 300000],
      ['2026-12-01', '2026-12-31', 'December', 270000],
    ]);
  });
});

describe('the review block after a stage edit', () => {
  /** Reviewed in November (1000 → 400 → 100…) and December (500 into stage 2). */
  function reviewedTwice() {
    const c = coffee([1000, 400, 100, 50, 20, 10]);
    c.review();
    setToday(c.wb, '2027-01-06');
    c.funnel([1000, 500, 100, 50, 20, 10]);
    c.review();
    return c;
  }

  it('is at home once a review wrote it, and none before', () => {
    const { review, opened } = coffee();
    expect(blockAtHome(opened())).toBe(false);
    expect(blockAfterEdit(opened())).toBeNull();
    review();
    expect(blockAtHome(opened())).toBe(true);
    expect(blockAfterEdit(opened())).not.toBeNull();
  });

  it('is not at home once a row inserted among its inputs moved them', () => {
    const { wb, review, opened } = coffee();
    review();
    wb.insertRows('Coffee', 57);
    expect(blockAtHome(opened())).toBe(false);
    expect(blockAfterEdit(opened())).toBeNull();
  });

  it('moving the first stage right: the trend follows the new order, and a note in its trend cell moves with it', () => {
    const { wb } = reviewedTwice();
    const change = (col: string) => wb.value('Coffee', `${col}62`);
    // Purchase's step: 100/400 = 25 %, then 100/500 = 20 %: −5 pp
    expect(change('E')).toBeCloseTo(-5, 9);
    wb.setCell('Coffee', 'C61', 'my note');
    wb.range('Coffee', 'C9').activate();
    moveStageRight();
    expect(wb.value('Coffee', 'D9')).toBe('Initial consideration');
    // stage 1 now follows stage 2: 1000/400 = 250 %, then 1000/500 = 200 %: −50 pp
    expect(change('D')).toBeCloseTo(-50, 9);
    // Purchase now follows stage 1: 100/1000 both months
    expect(change('E')).toBeCloseTo(0, 9);
    expect(change('C')).toBe('');
    expect(wb.value('Coffee', 'D61')).toBe('my note');
  });

  it('moving a stage on a map never reviewed writes no block', () => {
    const { wb } = coffee();
    wb.range('Coffee', 'C9').activate();
    moveStageRight();
    expect(wb.value('Coffee', 'D9')).toBe('Initial consideration');
    expect(
      wb
        .values('Coffee', 'A55:B63')
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
  });
});

describe('a copy made a map of its own', () => {
  it('its block is drawn as for a map with no reviews: no trend, no change', () => {
    const { wb, review, funnel, opened } = coffee();
    review();
    setToday(wb, '2027-01-06');
    funnel([1000, 500, 100, 60, 30, 20]);
    review();
    expect(wb.value('Coffee', 'E62')).toBeCloseTo(-5, 9);
    wb.setCell('Coffee', 'B56', '=200000*2');
    wb.setCell('Coffee', 'D56', 'agree with sales');
    const copy = wb.copySheet('Coffee');
    const map = opened(copy);
    forgetCopiedTrend(map, map.journey);
    expect(wb.value(copy, 'B61')).toBe(
      'Record two reviews to see trends: Extensions → CJM → Record a review.',
    );
    expect(wb.value(copy, 'E62')).toBe('');
    // the user's goal (a formula) and note are theirs, and stay
    expect(wb.formula(copy, 'B56')).toBe('=200000*2');
    expect(wb.value(copy, 'D56')).toBe('agree with sales');
    // the original keeps its trend
    expect(wb.value('Coffee', 'E62')).toBeCloseTo(-5, 9);
  });

  it('a copy of a map never reviewed gets no block', () => {
    const { wb, opened } = coffee();
    const copy = wb.copySheet('Coffee');
    const map = opened(copy);
    forgetCopiedTrend(map, map.journey);
    expect(
      wb
        .values(copy, 'A55:B63')
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
  });
});

describe('the cadence and goal a review takes', () => {
  it('a blank cadence is monthly, a word in either language is taken', () => {
    expect(checkFields({ revenueGoal: '', goalDate: '', cadence: '' }, 'en')).toEqual({
      cadence: 'month',
    });
    expect(checkFields({ revenueGoal: 1000, goalDate: '', cadence: ' Weekly ' }, 'en')).toEqual({
      cadence: 'week',
    });
    expect(checkFields({ revenueGoal: 0, goalDate: '', cadence: 'ежеквартально' }, 'en')).toEqual({
      cadence: 'quarter',
    });
  });

  it('a cadence that is none is refused on its field, naming B58', () => {
    expect(checkFields({ revenueGoal: 'lots', goalDate: '', cadence: 'daily' }, 'en')).toEqual({
      field: 'cadence',
      message:
        'The review cadence “daily” (cell B58) is not weekly, monthly or quarterly. Pick one from its dropdown and record the review again. Nothing was recorded.',
    });
  });

  it('a goal that is text is refused on its field, naming B56, in the language asked', () => {
    const checked = checkFields({ revenueGoal: 'lots', goalDate: '', cadence: 'monthly' }, 'ru');
    expect(checked).toMatchObject({ field: 'revenueGoal' });
    expect('message' in checked && checked.message).toMatch(/«lots».*B56/);
  });
});

describe('today', () => {
  it('is the day in the spreadsheet’s time zone', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-06T20:00:00Z'));
    expect(today(() => 'Etc/UTC')).toBe('2026-12-06');
    expect(today(() => 'Asia/Tokyo')).toBe('2026-12-07');
    expect(today(() => 'America/Los_Angeles')).toBe('2026-12-06');
    vi.setSystemTime(new Date('2026-12-06T05:00:00Z'));
    expect(today(() => 'America/Los_Angeles')).toBe('2026-12-05');
  });
});
