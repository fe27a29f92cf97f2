/**
 * How often a map is reviewed, and the calendar arithmetic of it: the period a review covers by
 * default (the cadence's whole period before the review day) and the day the next review is due.
 * Dates are ISO days ("2026-12-06"): the journey's form of a date (see map/dates.ts).
 */
import { CATALOGUE, LANGS, type Lang } from '../words/i18n';

export const CADENCES = ['week', 'month', 'quarter'] as const;
export type Cadence = (typeof CADENCES)[number];
export const DEFAULT_CADENCE: Cadence = 'month';

/** The cadence's word in the map's language, as the map's dropdown shows it. */
export function cadenceWord(cadence: Cadence, lang: Lang): string {
  return CATALOGUE[lang][`cadence.${cadence}`];
}

/**
 * The cadence a cell holds: its word in either language (any case, spaces trimmed); blank is the
 * default; anything else is null, for the caller to name.
 */
export function readCadence(value: unknown): Cadence | null {
  const text = String(value ?? '')
    .trim()
    .toLowerCase();
  if (text === '') return DEFAULT_CADENCE;
  for (const lang of LANGS)
    for (const c of CADENCES) if (cadenceWord(c, lang).toLowerCase() === text) return c;
  return null;
}

interface Day {
  y: number;
  m: number; // 1..12
  d: number;
}

function parts(iso: string): Day {
  const [y, m, d] = iso.split('-').map(Number);
  return { y: y ?? 1970, m: m ?? 1, d: d ?? 1 };
}

const iso = ({ y, m, d }: Day): string =>
  new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);

/** The day `days` after (or before) an ISO day. */
export function addDays(day: string, days: number): string {
  const { y, m, d } = parts(day);
  return iso({ y, m, d: d + days });
}

/**
 * The same day `months` later, held to the month's last day (31 January + 1 month is 28 or 29
 * February, never 3 March).
 */
export function addMonths(day: string, months: number): string {
  const { y, m, d } = parts(day);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return iso({ y: first.getUTCFullYear(), m: first.getUTCMonth() + 1, d: Math.min(d, last) });
}

/** The day the next review is due after one on `day`. */
export function nextReview(day: string, cadence: Cadence): string {
  if (cadence === 'week') return addDays(day, 7);
  return addMonths(day, cadence === 'month' ? 1 : 3);
}

export interface Span {
  from: string;
  to: string;
}

/**
 * The period a review on `day` covers unless the user says otherwise: the cadence's last whole
 * period before that day (Monday to Sunday, a calendar month, a calendar quarter), since a
 * monthly review in early December looks back at November.
 */
export function coveredSpan(day: string, cadence: Cadence): Span {
  const { y, m } = parts(day);
  if (cadence === 'week') {
    const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
    const monday = addDays(day, -weekday - 7);
    return { from: monday, to: addDays(monday, 6) };
  }
  const len = cadence === 'month' ? 1 : 3;
  const startMonth = cadence === 'month' ? m : m - ((m - 1) % 3);
  const from = addMonths(iso({ y, m: startMonth, d: 1 }), -len);
  return { from, to: addDays(addMonths(from, len), -1) };
}

/** Whether a review is due on `today`: its next review day has come (or passed). */
export function isDue(next: string | null, today: string): boolean {
  return next !== null && next <= today;
}
