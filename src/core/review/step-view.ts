/**
 * What the wizard's review step shows, in the map's language: the last review and the next (and
 * whether one is due today), the revenue's change since the last review and its figures over the
 * last periods, each transition's change in percentage points with its trend, the stages below
 * target two periods running, and progress to the revenue goal. The sentences are made here, on
 * the server's side, so the sidebar's page carries no words of its own for them (it has a size
 * budget); the figures come from trends(), as the map's review block computes them.
 */
import { formatMoney, formatNumber, formatShare, type Currency } from '../funnel/numbers';
import { formatDate, parseDate } from '../map/dates';
import type { CellData, Journey } from '../map/journey';
import { computeMetrics, numberOf } from '../map/metrics';
import { t, type Lang } from '../words/i18n';
import { blockCadence, type ReviewFields } from './block';
import { coveredSpan, DEFAULT_CADENCE, isDue, type Span } from './cadence';
import { periodDay, type Period } from './history';
import { trends } from './trend';

/** How many periods the review step reads and draws: the last few, never the whole history. */
export const VIEW_PERIODS = 6;

export interface ReviewStageRow {
  name: string;
  /** the change since the last review, "+5.0 pp", or "" when it cannot be told */
  change: string;
  /** the step conversion over the periods, as block characters (oldest first) */
  trend: string;
  /** below its target in the last two periods */
  below: boolean;
}

/** The review step's page: plain JSON, every word in the map's language. */
export interface ReviewView {
  /** the sentences above the form: last and next review, revenue, below target, progress */
  lines: string[];
  /** the next review's day has come (in the spreadsheet's time zone) */
  due: boolean;
  /** one row per transition (stages from the second), when two periods are recorded */
  stages: ReviewStageRow[];
  /** the period a review recorded today covers unless the user says otherwise */
  span: Span;
  words: ReviewWords;
}

export interface ReviewWords {
  from: string;
  to: string;
  note: string;
  period: string;
  record: string;
  recordHint: string;
  stage: string;
  change: string;
  trend: string;
  replace: string;
  keep: string;
  cancel: string;
}

const BLOCKS = '▁▂▃▄▅▆▇█';

/**
 * A series as block characters, lowest to highest; a point that cannot be told is a space. A
 * series flat but for a float's last digits (a ratio of counts that all grew alike) is flat.
 */
export function sparkText(series: readonly (number | null)[]): string {
  const points = series.filter((v): v is number => v !== null);
  const lo = Math.min(...points);
  const hi = Math.max(...points);
  const flat = hi - lo <= 1e-9 * Math.max(1, Math.abs(hi));
  return series
    .map((v) => {
      if (v === null) return ' ';
      if (flat) return BLOCKS[3];
      return BLOCKS[Math.round(((v - lo) / (hi - lo)) * (BLOCKS.length - 1))];
    })
    .join('');
}

/** A signed amount with a true minus sign: "+30 000", "−1,5". */
function signed(n: number, format: (abs: number) => string): string {
  return `${n >= 0 ? '+' : '−'}${format(Math.abs(n))}`;
}

/** A change in percentage points: "+5,0 п.п.", "−1.5 pp". */
export function pointsText(points: number, lang: Lang): string {
  return t(lang, 'review.points', {
    n: signed(points, (abs) => formatNumber(abs, lang, 1, 1)),
  });
}

const isoOf = (v: CellData): string | null => (typeof v === 'string' ? parseDate(v) : null);

/**
 * The line that says a review is due, for the top of the wizard; "" when none is. Today is asked
 * for only when the map has a next review date (its time zone costs a call).
 */
export function dueLine(map: Journey, today: () => string): string {
  const next = isoOf(map.title.nextReview);
  return next && isDue(next, today())
    ? t(map.lang, 'review.dueLine', { date: formatDate(next, map.lang) })
    : '';
}

export interface SummaryInput {
  map: Journey;
  fields: ReviewFields;
  /** the counted periods, oldest first (the last VIEW_PERIODS of them are drawn) */
  periods: readonly Period[];
  today: string;
  currency: Currency | null;
}

export function reviewView({ map, fields, periods, today, currency }: SummaryInput): ReviewView {
  const lang = map.lang;
  const date = (iso: string) => formatDate(iso, lang);
  const money = (n: number) => formatMoney(n, lang, currency);
  const shown = periods.slice(-VIEW_PERIODS);
  const tr = trends(map, shown);
  const lines: string[] = [];

  const last = isoOf(map.title.reviewed);
  const latest = shown[shown.length - 1];
  if (last === null && !latest) lines.push(t(lang, 'review.none'));
  else
    lines.push(
      t(lang, latest?.from && latest.to ? 'review.lastSpan' : 'review.last', {
        date: last ? date(last) : '—',
        from: date(latest?.from ?? ''),
        to: date(latest?.to ?? ''),
      }),
    );
  const next = isoOf(map.title.nextReview);
  const due = isDue(next, today);
  if (next) lines.push(t(lang, due ? 'review.dueNow' : 'review.next', { date: date(next) }));

  const revenues = tr.revenue.filter((r): r is number => r !== null);
  if (tr.revenueChange !== null)
    lines.push(
      t(lang, 'review.revenueChange', { change: signed(tr.revenueChange, money) }),
      t(lang, 'review.revenueSeries', {
        n: revenues.length,
        list: revenues.map(money).join(' → '),
      }),
    );
  else if (shown.length < 2) lines.push(t(lang, 'review.twoNeeded'));
  else {
    // Two reviews or more, but the last two do not both have a revenue: say which lacks it.
    const missing = shown.slice(-2).filter((_, i) => tr.revenue[shown.length - 2 + i] === null);
    lines.push(
      t(lang, 'review.revenueMissing', {
        n: missing.length,
        dates: missing.map((p) => date(periodDay(p))).join(', '),
      }),
    );
  }

  const below = tr.stages.filter((s) => s.belowTwice).map((s) => nameOf(map, s.stageId));
  if (below.length) lines.push(t(lang, 'review.belowStages', { stages: below.join(', ') }));
  lines.push(progressLine(map, fields, money));

  const drawn = shown.length >= 2;
  const stages = drawn
    ? tr.stages.slice(1).map((s) => ({
        name: nameOf(map, s.stageId),
        change: s.changePoints === null ? '' : pointsText(s.changePoints, lang),
        trend: s.series.some((v) => v !== null) ? sparkText(s.series) : '',
        below: s.belowTwice,
      }))
    : [];
  return {
    lines,
    due,
    stages,
    span: coveredSpan(today, blockCadence(fields) ?? DEFAULT_CADENCE),
    words: words(lang),
  };
}

const nameOf = (map: Journey, id: string): string =>
  map.stages.find((s) => s.id === id)?.name ?? id;

/** Progress to the goal: the map's revenue now over the goal, as the block's cell computes it. */
function progressLine(map: Journey, fields: ReviewFields, money: (n: number) => string): string {
  const lang = map.lang;
  const goal = numberOf(fields.revenueGoal);
  const revenue = computeMetrics(map).revenue;
  if (goal === null || goal <= 0) return t(lang, 'review.noGoal');
  if (revenue === null) return t(lang, 'review.goalOnly', { goal: money(goal) });
  const by = isoOf(fields.goalDate);
  return t(lang, by ? 'review.progressBy' : 'review.progressOf', {
    share: formatShare(revenue / goal, lang),
    revenue: money(revenue),
    goal: money(goal),
    date: by ? formatDate(by, lang) : '',
  });
}

function words(lang: Lang): ReviewWords {
  const w = (key: `review.word.${keyof ReviewWords}`) => t(lang, key);
  return {
    from: w('review.word.from'),
    to: w('review.word.to'),
    note: w('review.word.note'),
    period: w('review.word.period'),
    record: w('review.word.record'),
    recordHint: w('review.word.recordHint'),
    stage: w('review.word.stage'),
    change: w('review.word.change'),
    trend: w('review.word.trend'),
    replace: w('review.word.replace'),
    keep: w('review.word.keep'),
    cancel: w('review.word.cancel'),
  };
}
