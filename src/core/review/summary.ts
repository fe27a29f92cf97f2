/**
 * A map's reviews as the exports show them (the poster, the mind map): the day its figures are as
 * of, the revenue's change since the last review, progress to the revenue goal, and each period's
 * revenue and weakest transition, by the same rules as the map's trend rows.
 */
import type { Journey } from '../map/journey';
import { numberOf } from '../map/metrics';
import type { ReviewFields } from './block';
import { periodDay, type Period } from './history';
import { periodFigures } from './period';
import { trends } from './trend';

export interface PeriodLine {
  from: string | null;
  to: string;
  note: string;
  revenue: number | null;
  weakest: string;
}

export interface ReviewSummary {
  /** the day the figures are as of (today, in the spreadsheet's time zone) */
  asOf: string;
  revenueChange: number | null;
  goal: number | null;
  /** the map's revenue ÷ the goal, or null */
  progress: number | null;
  /** the counted periods, oldest first */
  periods: PeriodLine[];
}

export function reviewSummary(
  j: Journey,
  fields: ReviewFields,
  periods: readonly Period[],
  asOf: string,
  revenue: number | null,
): ReviewSummary {
  const goal = numberOf(fields.revenueGoal);
  return {
    asOf,
    revenueChange: trends(j, periods).revenueChange,
    goal: goal !== null && goal > 0 ? goal : null,
    progress: goal !== null && goal > 0 && revenue !== null ? revenue / goal : null,
    periods: periods.map((p) => {
      const m = periodFigures(j, p).metrics;
      return {
        from: p.from,
        to: periodDay(p),
        note: p.note,
        revenue: m.revenue,
        weakest: m.weakest,
      };
    }),
  };
}
