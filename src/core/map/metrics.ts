/**
 * The live economics the wizard shows, computed from the map's inputs by the same functions
 * the sheet's formulas use. Never read back from the computed cells: in Sheets a custom
 * function computes after the execution that changed its inputs, so a read in that execution
 * sees the old value or "Loading…".
 */
import {
  conversionOf,
  funnelSteps,
  revenue,
  weakestTransition,
  type Count,
  type FunnelStep,
} from '../funnel/funnel';
import { formatCount, formatShare, parseNumber } from '../funnel/numbers';
import type { PlanFunnel } from '../funnel/transition';
import { quoted, t } from '../words/i18n';
import type { CellData, Journey } from './journey';

/** Live economics the sheet computed (numbers, or null while blank or in error). */
export interface Metrics {
  leads: number | null;
  conversion: number | null;
  avgCheck: number | null;
  purchases: number | null;
  revenue: number | null;
  weakest: string;
  /** stages whose step conversion is under its target, with the figures that say why */
  underTarget: { stage: string; step: number; target: number }[];
  /** stages scored 2 or less */
  lowScores: { stage: string; score: number }[];
  /** data problems in the map's inputs, in its language, so the user knows what to fix */
  errors: string[];
}

/**
 * A cell's number, or null when blank or not a number. A number typed as text ("8 231" after an
 * apostrophe) is not a number, as the map's cells and formulas read it (and Sheets' own functions):
 * one reading of a cell everywhere, which the wizard names as a data problem (`typedAsText`).
 */
export const numberOf = (v: CellData): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

/**
 * Text that would be a number if it were typed as one ("8 231", "30%", "1,5"): the wizard says so
 * and how to fix it; other text ("n/a", "TRUE" of a boolean cell) is simply not a number.
 */
const typedAsText = (v: CellData): v is string =>
  typeof v === 'string' && v.trim() !== '' && parseNumber(v) !== null;

/**
 * The count of the first stage with this role (else the fallback stage), as the template's L and C
 * cells pick it.
 */
function countOfRole(
  j: Journey,
  counts: readonly Count[],
  role: 'L' | 'C',
  fallback: number,
): Count {
  const i = j.stages.findIndex((s) => s.role === role);
  return counts[i >= 0 ? i : fallback] ?? null;
}

/**
 * The map's funnel as its formulas read it: what the sheet's KPI cells compute, from its inputs.
 */
export interface MapFunnel {
  /** per stage: its count when it is a number of 0 or more, else null (blank, or a problem) */
  counts: Count[];
  /**
   * per stage: step, overall conversion and drop-off, as the step, overall and drop-off rows show
   * them
   */
  steps: FunnelStep[];
  /**
   * per stage: its target step conversion (a share above 0), null (none), or 'bad' (not a share
   * from 0 to 1)
   */
  targets: (number | null | 'bad')[];
  leads: Count;
  /**
   * the first C stage's count ÷ leads, or null when that is not a valid conversion (as the C cell)
   */
  conversion: number | null;
  /** the index i of the weakest transition (stage i-1 → i), as the weakest cell judges it */
  weakest: number | null;
}

/**
 * Reads the map's KPI inputs by the rule its formulas use (core/funnel: conversionProblem,
 * funnelSteps, weakestTransition): the wizard's metrics and the poster use this, never a rule of
 * their own, so what they show is what the sheet shows.
 */
export function mapFunnel(j: Journey): MapFunnel {
  const counts: Count[] = j.stages.map((s) => {
    const n = numberOf(s.customers);
    return n !== null && n >= 0 ? n : null;
  });
  const targets = j.stages.map((s, i): number | null | 'bad' => {
    if (i === 0 || s.target === '') return null;
    const n = numberOf(s.target);
    if (n === null || n < 0 || n > 1) return 'bad';
    return n === 0 ? null : n;
  });
  const leads = countOfRole(j, counts, 'L', 0);
  const deal = countOfRole(j, counts, 'C', counts.length - 1);
  return {
    counts,
    steps: funnelSteps(counts),
    targets,
    leads,
    conversion: conversionOf(leads, deal),
    weakest: weakestTransition(counts, targets),
  };
}

/**
 * The map's stages as an action on a transition reads them (core/funnel/transition.ts), as the plan
 * sheet's CJM_IMPACT reads the map's rows.
 */
export function planFunnel(j: Journey, f: MapFunnel = mapFunnel(j)): PlanFunnel {
  return {
    names: j.stages.map((s) => s.name),
    roles: j.stages.map((s) => s.role),
    counts: f.counts,
  };
}

/** A money input the revenue formula takes: a number of 0 or more, else null. */
const nonNegative = (v: CellData): number | null => {
  const n = numberOf(v);
  return n !== null && n >= 0 ? n : null;
};

/** `f`: the map's funnel, when the caller has read it already. */
export function computeMetrics(j: Journey, f: MapFunnel = mapFunnel(j)): Metrics {
  const errors: string[] = [];
  // A count that is not a number of 0 or more, or above the stage before it, is a data problem:
  // said in words.
  j.stages.forEach((s, i) => {
    if (s.customers !== '' && f.counts[i] === null)
      errors.push(
        t(j.lang, typedAsText(s.customers) ? 'metrics.textCount' : 'metrics.badCount', {
          stage: s.name,
          value: String(s.customers),
        }),
      );
    // A target the funnel cannot judge against is named with the value read (30 typed into a
    // percent cell is 3 000 %), never skipped silently.
    if (f.targets[i] === 'bad') {
      const read = numberOf(s.target);
      const text = String(s.target);
      const value = read !== null ? formatShare(read, j.lang) : quoted(j.lang, text);
      errors.push(
        typedAsText(s.target)
          ? t(j.lang, 'metrics.textTarget', { stage: s.name, value: text })
          : t(j.lang, 'metrics.badTarget', { stage: s.name, value }),
      );
    }
    const n = f.counts[i] ?? null;
    const prev = i > 0 ? (f.counts[i - 1] ?? null) : null;
    if (n !== null && prev !== null && n > prev)
      errors.push(
        t(j.lang, 'metrics.moreThanPrevious', {
          stage: s.name,
          n: formatCount(n, j.lang),
          prev: formatCount(prev, j.lang),
        }),
      );
  });
  // the check and purchases typed as text: the revenue cell names them, and so does the wizard
  for (const key of ['avgCheck', 'purchases'] as const)
    if (typedAsText(j[key]))
      errors.push(
        t(j.lang, 'metrics.textValue', { field: t(j.lang, `row.${key}`), value: j[key] }),
      );
  const { leads, conversion, steps } = f;
  const avgCheck = nonNegative(j.avgCheck);
  const purchases = nonNegative(j.purchases);
  const weakest = f.weakest;
  return {
    leads,
    conversion,
    avgCheck,
    purchases,
    revenue:
      leads !== null && conversion !== null && avgCheck !== null && purchases !== null
        ? revenue({ leads, conversion, avg_check: avgCheck, purchases })
        : null,
    weakest:
      weakest === null
        ? ''
        : `${j.stages[weakest - 1]?.name ?? ''} → ${j.stages[weakest]?.name ?? ''}`,
    underTarget: j.stages.flatMap((s, i) => {
      const step = steps[i]?.step ?? null;
      const target = f.targets[i] ?? null;
      return i > 0 && step !== null && typeof target === 'number' && step < target
        ? [{ stage: s.name, step, target }]
        : [];
    }),
    lowScores: j.stages.flatMap((s) => {
      const score = numberOf(s.content.score);
      return score !== null && score <= 2 ? [{ stage: s.name, score }] : [];
    }),
    errors,
  };
}
