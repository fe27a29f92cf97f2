/**
 * What the reviews say together: per stage, how its step conversion moved since the last review
 * (in percentage points) and whether it fell below its target two periods running; the revenue's
 * series and its change; progress to the revenue goal and what the weakest transition would need
 * to reach it. The map's trend rows compute the same with built-in formulas; this is the wizard's
 * and the poster's reading, by the same rules.
 */
import type { Journey } from '../map/journey';
import { periodFigures, type PeriodFigures } from './period';
import { periodDay, type Period } from './history';

export interface StageTrend {
  stageId: string;
  /** step conversion into the stage, period by period (oldest first) */
  series: (number | null)[];
  /** the change since the review before, in percentage points, or null */
  changePoints: number | null;
  /** below its target in the last two periods */
  belowTwice: boolean;
}

export interface Trends {
  /** the period days, oldest first */
  days: string[];
  stages: StageTrend[];
  revenue: (number | null)[];
  /** the revenue's change since the review before, or null */
  revenueChange: number | null;
}

const change = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a === null || a === undefined || b === null || b === undefined ? null : a - b;

/** Percentage points, to one decimal place, without a float's tail: 0.305 − 0.275 → 3. */
const points = (x: number | null): number | null => (x === null ? null : Math.round(x * 1000) / 10);

export function trends(map: Journey, periods: readonly Period[]): Trends {
  const figures: PeriodFigures[] = periods.map((p) => periodFigures(map, p));
  const last = figures.length - 1;
  const stages = map.stages.map((s, i): StageTrend => {
    const series = figures.map((f) => f.step[i] ?? null);
    const below = (k: number) => {
      const step = figures[k]?.step[i];
      const target = figures[k]?.target[i];
      return typeof step === 'number' && typeof target === 'number' && step < target;
    };
    return {
      stageId: s.id,
      series,
      changePoints: points(change(series[last], series[last - 1])),
      belowTwice: last >= 1 && below(last) && below(last - 1),
    };
  });
  const revenue = figures.map((f) => f.metrics.revenue);
  return {
    days: periods.map(periodDay),
    stages,
    revenue,
    revenueChange: change(revenue[last], revenue[last - 1]),
  };
}
