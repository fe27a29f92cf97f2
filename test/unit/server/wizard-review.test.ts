/**
 * Record the review from the wizard's Review step (recordReviewFromWizard, and wizard-review's
 * recordInWizard and reviewPage behind it) on an emulated spreadsheet whose clock is stopped on
 * 6 November 2026: the period checked, the step's fields compared with the sheet, a period
 * reviewed twice asked about, and the answer the plan step with the review summed up.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReviewResult } from '../../../src/contract';
import { recordReviewFromWizard } from '../../../src/server/wizard';
import { withMap } from './wizard-map';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** Stops the clock, for the code under test (Date) and the sheet's formulas (TODAY) alike. */
function clockAt(m: ReturnType<typeof withMap>, instant: string): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(instant));
  m.wb.clock.set(instant);
}

const HISTORY = 'Office workers — Coffee beans · history';

/** A map with revenue 1 000 × 5 % × 2 000 × 1.5 = 150 000, on 6 November 2026. */
function coffee(locale = 'en_US') {
  const m = withMap(locale);
  clockAt(m, '2026-11-06T10:00:00Z');
  m.wb.setCell(m.name, 'C25', 1000);
  m.wb.setCell(m.name, 'E25', 50);
  m.wb.setCell(m.name, 'B27', 2000);
  m.wb.setCell(m.name, 'B28', 1.5);
  /** Record the review from the step, its fields as loaded but for `edits`. */
  const record = (
    period: { from: string; to: string; note?: string },
    more: { edits?: object; sameSpan?: 'replace' | 'keep'; next?: string } = {},
  ): ReviewResult => {
    const base = m.load('review').view!.values;
    const { edits = {}, ...rest } = more;
    return recordReviewFromWizard({
      mapId: m.mapId,
      values: { ...base, ...edits },
      base,
      note: '',
      ...period,
      ...rest,
    });
  };
  return { ...m, record };
}

const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };

describe('recordReviewFromWizard', () => {
  it('records the review, its note on one line, and answers with the next step, the review summed up', () => {
    const m = coffee();
    const before = m.stamp();
    const done = m.record({ ...OCTOBER, note: '  after the promo\nin stores ' }, { next: 'plan' });
    if (!done.ok) throw new Error(JSON.stringify(done));
    expect(done.state).toMatchObject({ step: 'plan', done: ['review'] });
    expect(done.state).not.toHaveProperty('maps');
    expect(done.state.notice).toContain(
      `Review recorded for 2026-10-01 – 2026-10-31 in “${HISTORY}”. Next review: 2026-12-06.`,
    );
    expect(m.wb.value(HISTORY, 'D4')).toBe('after the promo in stores');
    expect(m.wb.value(m.name, 'B7')).toEqual(new Date('2026-11-06T00:00:00Z'));
    expect(m.wb.value(m.name, 'B8')).toEqual(new Date('2026-12-06T00:00:00Z'));
    expect(m.progress()).toBe('{"v":1,"step":"plan","done":["review"]}');
    expect(m.stamp()).not.toBe(before);
    expect(done.state.stamp).toBe(m.stamp());
    // the step shows the review just recorded
    expect(m.load('review').view?.review?.lines[0]).toBe(
      'Last review: 2026-11-06, for 2026-10-01 – 2026-10-31.',
    );
  });

  it('stays on the Review step when no next step is asked for, its dates the answer’s own', () => {
    const m = coffee();
    const done = m.record(OCTOBER);
    if (!done.ok) throw new Error(JSON.stringify(done));
    expect(done.state.step).toBe('review');
    expect(done.state.view?.values['side.reviewed']).toBeUndefined();
    // the answer's other pages show the review's dates without another call
    expect(done.state.view?.pages.present.values).toMatchObject({
      'side.reviewed': '2026-11-06',
      'side.nextReview': '2026-12-06',
    });
    expect(m.progress()).toBe('{"v":1,"step":"review","done":["review"]}');
    expect(m.load('present').view?.values).toMatchObject({
      'side.reviewed': '2026-11-06',
      'side.nextReview': '2026-12-06',
    });
  });

  it('saves the goal typed on the step with the review', () => {
    const m = coffee();
    const done = m.record(OCTOBER, { edits: { 'side.revenueGoal': 300000 } });
    expect(done.ok).toBe(true);
    expect(m.wb.value(m.name, 'B56')).toBe(300000);
    if (done.ok) expect(done.state.view?.values['side.revenueGoal']).toBe(300000);
  });

  it('records a period of one day', () => {
    const m = coffee();
    expect(m.record({ from: '2026-11-02', to: '2026-11-02' }).ok).toBe(true);
  });

  it('refuses a period ending before it starts, or without a day, recording nothing', () => {
    const m = coffee();
    const badSpan =
      'The period needs its first and last day, the first not after the last: fix the dates and record again.';
    expect(m.record({ from: '2026-10-31', to: '2026-10-01' })).toEqual({
      ok: false,
      fieldErrors: { 'review.to': badSpan },
    });
    expect(m.record({ from: '', to: '2026-10-01' })).toEqual({
      ok: false,
      fieldErrors: { 'review.to': badSpan },
    });
    expect(m.record({ from: '2026-10-01', to: 'soon' })).toEqual({
      ok: false,
      fieldErrors: { 'review.to': badSpan },
    });
    expect(m.wb.sheetNames()).not.toContain(HISTORY);
    expect(m.wb.value(m.name, 'B7')).toBe('');
  });

  it('refuses a note longer than a cell holds, with the period’s and the fields’ errors together', () => {
    const m = coffee();
    const result = m.record(
      { from: '2026-10-31', to: '2026-10-01', note: 'x'.repeat(50_001) },
      { edits: { 'side.revenueGoal': 'lots' } },
    );
    expect(result.ok).toBe(false);
    if (result.ok || !('fieldErrors' in result)) throw new Error('not refused by field');
    expect(Object.keys(result.fieldErrors).sort()).toEqual([
      'review.note',
      'review.to',
      'side.revenueGoal',
    ]);
    expect(result.fieldErrors['review.note']).toBe('At most 50000 characters.');
    expect(m.wb.sheetNames()).not.toContain(HISTORY);
  });

  it('accepts a note of exactly a cell’s length', () => {
    const m = coffee();
    expect(m.record({ ...OCTOBER, note: 'x'.repeat(50_000) }).ok).toBe(true);
  });

  it('refuses a goal that is no amount, on its field alone', () => {
    const m = coffee();
    const result = m.record(OCTOBER, { edits: { 'side.revenueGoal': 'lots' } });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { 'side.revenueGoal': expect.any(String) },
    });
    expect(m.wb.sheetNames()).not.toContain(HISTORY);
  });

  it('asks about a goal a colleague typed in the sheet since the step was loaded', () => {
    const m = coffee();
    expect(m.record(OCTOBER).ok).toBe(true);
    const base = m.load('review').view!.values;
    m.wb.setCell(m.name, 'B56', 700000);
    const result = recordReviewFromWizard({
      mapId: m.mapId,
      values: { ...base, 'side.revenueGoal': 650000 },
      base,
      note: '',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(result).toEqual({
      ok: false,
      conflicts: [{ id: 'side.revenueGoal', label: 'Revenue goal', sheet: 700000, yours: 650000 }],
    });
    expect(m.wb.value(m.name, 'B56')).toBe(700000);
    expect(m.wb.value(HISTORY, 'A5')).toBe('');
  });

  it('names the cadence cell to fix when the sheet holds one a review cannot use', () => {
    const m = coffee();
    expect(m.record(OCTOBER).ok).toBe(true);
    m.wb.setCell(m.name, 'B58', 'sometimes');
    expect(m.record({ from: '2026-11-01', to: '2026-11-30' })).toEqual({
      ok: false,
      fieldErrors: {
        'side.cadence':
          'The review cadence “sometimes” (cell B58) is not weekly, monthly or quarterly. Pick one from its dropdown and record the review again. Nothing was recorded.',
      },
    });
    expect(m.wb.value(HISTORY, 'A5')).toBe('');
  });

  it('names the goal cell to fix when the sheet holds a goal that is no amount', () => {
    const m = coffee();
    expect(m.record(OCTOBER).ok).toBe(true);
    m.wb.setCell(m.name, 'B56', 'lots');
    expect(m.record({ from: '2026-11-01', to: '2026-11-30' })).toEqual({
      ok: false,
      fieldErrors: {
        'side.revenueGoal':
          'The revenue goal “lots” (cell B56) is not an amount of money. Type a number (or clear the cell) and record the review again. Nothing was recorded.',
      },
    });
    expect(m.wb.value(HISTORY, 'A5')).toBe('');
  });

  it('asks about a period that has a review already, then keeps both or replaces the row', () => {
    const m = coffee();
    expect(m.record({ ...OCTOBER, note: 'first' }).ok).toBe(true);
    expect(m.record({ ...OCTOBER, note: 'second' })).toEqual({
      ok: false,
      ask: {
        question: `The period 2026-10-01 – 2026-10-31 already has a review (row 4 of “${HISTORY}”). Replace that row, or keep both (the new one marked)?`,
      },
    });
    expect(m.wb.value(HISTORY, 'D5')).toBe('');
    expect(m.record({ ...OCTOBER, note: 'second' }, { sameSpan: 'keep' }).ok).toBe(true);
    expect([m.wb.value(HISTORY, 'D4'), m.wb.value(HISTORY, 'D5')]).toEqual(['first', 'second']);
    expect(m.record({ ...OCTOBER, note: 'third' }, { sameSpan: 'replace' }).ok).toBe(true);
    expect([m.wb.value(HISTORY, 'D5'), m.wb.value(HISTORY, 'D6')]).toEqual(['third', '']);
  });

  it('no longer says a review is due once it is recorded', () => {
    const m = coffee();
    m.wb.setCell(m.name, 'B8', '2026-11-01');
    expect(m.load('review').view?.due).toBe(
      'A review of this map is due: the next review was set for 2026-11-01.',
    );
    const done = m.record(OCTOBER, { next: 'plan' });
    expect(done.ok && done.state.view?.due).toBeUndefined();
  });
});

describe('the review reminder on every step', () => {
  it('says a review is due once the next review’s day has come', () => {
    const m = coffee();
    m.wb.setCell(m.name, 'B8', '2026-11-07');
    expect(m.load('goal').view?.due).toBeUndefined();
    clockAt(m, '2026-11-07T10:00:00Z');
    expect(m.load('goal').view?.due).toBe(
      'A review of this map is due: the next review was set for 2026-11-07.',
    );
  });
});
