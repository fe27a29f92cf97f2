/** Trends over a map's reviewed periods, worked out by hand. */
import { describe, expect, it } from 'vitest';
import { newStage, type Journey } from '../../../../src/core/map/journey';
import { trends } from '../../../../src/core/review/trend';

describe('trends', () => {
  const map: Journey = {
    id: 'K7P2QX',
    lang: 'en',
    title: {} as Journey['title'],
    card: {} as Journey['card'],
    stages: [
      newStage('Visit', 'L', 'aaaa'),
      newStage('Trial', '', 'bbbb'),
      newStage('Paid', 'C', 'cccc'),
    ],
    avgCheck: '',
    purchases: '',
  };
  const period = (
    row: number,
    to: string,
    visit: number,
    trial: number,
    paid: number | null,
    p: number,
  ) => ({
    row,
    from: null,
    to,
    recorded: null,
    note: '',
    status: '',
    avgCheck: p,
    purchases: 2,
    customers: { aaaa: visit, bbbb: trial, cccc: paid },
    target: { aaaa: null, bbbb: null, cccc: 0.3 },
    score: {},
  });
  it('the step change in points, the revenue change, and a stage below target two periods running', () => {
    // October: 1000 → 400 → 110 (27,5 %); November: 1000 → 400 → 100 (25 %), both under 30 %
    const tr = trends(map, [
      period(5, '2026-10-31', 1000, 400, 110, 100),
      period(4, '2026-11-30', 1000, 400, 100, 120),
    ]);
    expect(tr.days).toEqual(['2026-10-31', '2026-11-30']);
    const paid = tr.stages[2];
    expect(paid?.series).toEqual([0.275, 0.25]);
    expect(paid?.changePoints).toBe(-2.5);
    expect(paid?.belowTwice).toBe(true);
    expect(tr.stages[1]?.changePoints).toBe(0);
    expect(tr.stages[1]?.belowTwice).toBe(false);
    // revenue: 110 × 100 × 2 = 22 000, then 100 × 120 × 2 = 24 000
    expect(tr.revenue).toEqual([22000, 24000]);
    expect(tr.revenueChange).toBe(2000);
  });

  it('one period has no change and cannot be below target twice, however low it is', () => {
    // 100 of 400 = 25 %, under the 30 % target, but there is no period before it
    const tr = trends(map, [period(4, '2026-11-30', 1000, 400, 100, 120)]);
    expect(tr.stages[2]?.series).toEqual([0.25]);
    expect(tr.stages[2]?.changePoints).toBeNull();
    expect(tr.stages[2]?.belowTwice).toBe(false);
    expect(tr.revenueChange).toBeNull();
  });

  it('below target, above, below again is not twice running', () => {
    // 25 %, then 140 of 400 = 35 %, then 25 %: the change is 25 − 35 = −10 points
    const tr = trends(map, [
      period(6, '2026-10-31', 1000, 400, 100, 100),
      period(5, '2026-11-30', 1000, 400, 140, 100),
      period(4, '2026-12-31', 1000, 400, 100, 100),
    ]);
    expect(tr.stages[2]?.changePoints).toBe(-10);
    expect(tr.stages[2]?.belowTwice).toBe(false);
  });

  it('a stage with no count in the last two periods has no step: no change, and not below its target', () => {
    const tr = trends(map, [
      period(6, '2026-10-31', 1000, 400, 100, 100),
      period(5, '2026-11-30', 1000, 400, null, 100),
      period(4, '2026-12-31', 1000, 400, null, 100),
    ]);
    expect(tr.stages[2]?.series).toEqual([0.25, null, null]);
    expect(tr.stages[2]?.changePoints).toBeNull();
    expect(tr.stages[2]?.belowTwice).toBe(false);
    // the steps before it still compare: 400 of 1000 both times
    expect(tr.stages[1]?.changePoints).toBe(0);
  });
});
