/** A review's cadence: the period a review covers and when the next one is due, by hand. */
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  coveredSpan,
  nextReview,
  readCadence,
} from '../../../../src/core/review/cadence';

describe('cadence', () => {
  it('a monthly review in early December covers November, and the next is due a month on', () => {
    expect(coveredSpan('2026-12-06', 'month')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(nextReview('2026-12-06', 'month')).toBe('2027-01-06');
  });
  it('a quarterly review covers the last whole quarter; a weekly one the last Monday to Sunday', () => {
    expect(coveredSpan('2026-02-10', 'quarter')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    // 2026-12-06 is a Sunday: the week before runs 23–29 November
    expect(coveredSpan('2026-12-06', 'week')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(nextReview('2026-12-06', 'week')).toBe('2026-12-13');
  });
  it('31 January + 1 month is the last day of February, never March', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
  });
  it('reads the cadence in either language, blank as monthly, and nothing else', () => {
    expect(readCadence(' Ежеквартально ')).toBe('quarter');
    expect(readCadence('weekly')).toBe('week');
    expect(readCadence('')).toBe('month');
    expect(readCadence('yearly')).toBeNull();
  });
});
