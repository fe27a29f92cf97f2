/**
 * The plan against what happened: for an action with a start date, what it predicted (its lever in
 * the period before it started, changed as the action says, and the revenue of that period times
 * the lever's ratio) next to what was observed (the same lever and the revenue in the latest
 * period), and whether the lever moved as planned. Every figure is the period's, read by the map's
 * own rules (period.ts), with today's stages and roles, so a step is "customers of the stage ÷
 * customers of the stage before it" in today's order.
 */
import { applyChange, parseChange } from '../funnel/change';
import { planLeverOf } from '../funnel/funnel';
import { sameStage } from '../funnel/transition';
import { FORMAT, moneyFormat } from '../map/formats';
import type { Journey } from '../map/journey';
import type { WriteCell } from '../map/plan';
import { t, type Lang } from '../words/i18n';
import { periodDay, type Period } from './history';
import { periodFigures, type PeriodFigures } from './period';

export type Verdict = 'asPlanned' | 'less' | 'notMoved' | 'notStarted' | 'noBefore';

export interface ActionOutcome {
  /** which value the lever figures are: a count (L), a share (C, a step), money (P), a number (Q) */
  unit: 'count' | 'share' | 'money' | 'number';
  predicted: number | null;
  observed: number | null;
  revenuePredicted: number | null;
  revenueObserved: number | null;
  verdict: Verdict;
}

/** What an action is read by: its lever as typed, its change, its stage and its start (ISO). */
export interface ActionToCheck {
  lever: string;
  change: string;
  stage: string;
  start: string;
}

type LeverOf = { value: (f: PeriodFigures) => number | null; unit: ActionOutcome['unit'] };

/** How the action's lever reads in a period's figures; null when it names no lever or stage. */
function leverOf(map: Journey, a: ActionToCheck): LeverOf | null {
  const m = (f: PeriodFigures) => f.metrics;
  switch (planLeverOf(a.lever)) {
    case 'leads':
      return { value: (f) => m(f).leads, unit: 'count' };
    case 'conversion':
      return { value: (f) => m(f).conversion, unit: 'share' };
    case 'avg_check':
      return { value: (f) => m(f).avgCheck, unit: 'money' };
    case 'purchases':
      return { value: (f) => m(f).purchases, unit: 'number' };
    case 'step': {
      const found = map.stages.flatMap((s, i) => (sameStage(s.name, a.stage) ? [i] : []));
      const [index] = found;
      if (found.length !== 1 || !index) return null;
      return { value: (f) => f.step[index] ?? null, unit: 'share' };
    }
    default:
      return null;
  }
}

/** Within a billionth of the value: a float's tail is no move. */
const near = (a: number, b: number) => Math.abs(a - b) <= Math.abs(b) * 1e-9 + 1e-12;

/**
 * The outcome of an action, from the counted periods (oldest first, countedPeriods); null for an
 * action without a start date, or whose lever, stage or change cannot be read (the plan's impact
 * column already says why).
 */
export function actionOutcome(
  map: Journey,
  periods: readonly Period[],
  a: ActionToCheck,
): ActionOutcome | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(a.start)) return null;
  const lever = leverOf(map, a);
  const change = parseChange(a.change);
  if (!lever || !change) return null;
  const before = periods.filter((p) => periodDay(p) < a.start).at(-1);
  const latest = periods.at(-1);
  const empty = { predicted: null, observed: null, revenuePredicted: null, revenueObserved: null };
  if (!before || !latest) return { unit: lever.unit, ...empty, verdict: 'noBefore' };
  const [was, now] = [periodFigures(map, before), periodFigures(map, latest)];
  const base = lever.value(was);
  const predicted = base === null ? null : applyChange(base, change);
  const baseRevenue = was.metrics.revenue;
  const revenuePredicted =
    base !== null && base !== 0 && predicted !== null && baseRevenue !== null
      ? (baseRevenue * predicted) / base
      : null;
  const planned = { unit: lever.unit, ...empty, predicted, revenuePredicted };
  if (latest === before) return { ...planned, verdict: 'notStarted' };
  const observed = lever.value(now);
  const outcome = { ...planned, observed, revenueObserved: now.metrics.revenue };
  if (base === null || predicted === null || observed === null)
    return { ...outcome, verdict: 'notMoved' };
  return { ...outcome, verdict: verdictOf(base, predicted, observed) };
}

/**
 * Whether the lever moved the way the action said: up to the planned value or past it, part of
 * the way, or not at all (or the other way).
 */
export function verdictOf(base: number, predicted: number, observed: number): Verdict {
  const way = Math.sign(predicted - base);
  if (near(observed, predicted) || way * (observed - predicted) > 0) return 'asPlanned';
  return !near(observed, base) && way * (observed - base) > 0 ? 'less' : 'notMoved';
}

/**
 * The plan's outcome columns of one action (plan-layout.ts OUTCOME_COLUMNS) and their number
 * formats: blank for an action without an outcome.
 */
export function outcomeCells(
  lang: Lang,
  locale: string,
  o: ActionOutcome | null,
): { cells: WriteCell[]; formats: string[] } {
  const num = (x: number | null | undefined): WriteCell =>
    x === null || x === undefined || !Number.isFinite(x) ? { text: '' } : { number: x };
  const money = moneyFormat(locale);
  const unit = o
    ? { count: FORMAT.count, share: FORMAT.share, money, number: FORMAT.factor }[o.unit]
    : FORMAT.text;
  return {
    cells: [
      num(o?.predicted),
      num(o?.observed),
      num(o?.revenuePredicted),
      num(o?.revenueObserved),
      { text: o ? t(lang, `plan.verdict.${o.verdict}`) : '' },
    ],
    formats: [unit, unit, money, money, FORMAT.text],
  };
}
