import { describe, expect, it } from 'vitest';
import { reviewSummary } from '../../../../src/core/review/summary';
import { presetJourney } from '../../../support/journeys';

const summary = (revenueGoal: string | number, revenue: number | null) =>
  reviewSummary(
    presetJourney('en'),
    { revenueGoal, goalDate: '', cadence: '' },
    [],
    '2026-12-06',
    revenue,
  );

describe('the reviews as the exports sum them up', () => {
  it('shows progress to a goal above zero: the revenue over the goal', () => {
    expect(summary(400000, 300000)).toMatchObject({ goal: 400000, progress: 0.75 });
    expect(summary(200000, 50000)).toMatchObject({ goal: 200000, progress: 0.25 });
  });

  it('shows no goal and no progress for a goal that is blank, zero, negative or no number', () => {
    for (const goal of ['', 0, -5, 'soon'])
      expect(summary(goal, 300000), String(goal)).toMatchObject({ goal: null, progress: null });
  });

  it('keeps the goal but shows no progress while the revenue is unknown', () => {
    expect(summary(400000, null)).toMatchObject({ goal: 400000, progress: null });
  });
});
