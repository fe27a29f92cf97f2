/**
 * The live economics the wizard shows, computed from the map's inputs by the same functions
 * the sheet's formulas use. Never read back from the computed cells: in Sheets a custom
 * function computes after the execution that changed its inputs, so a read in that execution
 * sees the old value or "Loading…".
 */
import { revenue, weakestTransition, funnelSteps, type Count } from '../funnel/funnel';
import { parseNumber } from '../funnel/numbers';
import { t } from '../words/i18n';
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

/** A cell's number (numbers typed as text in either notation count), or null when blank or not a number. */
const numberOf = (v: CellData): number | null => (typeof v === 'number' ? (Number.isFinite(v) ? v : null) : v.trim() === '' ? null : parseNumber(v));

/** The count of the first stage with this role (else the fallback stage), as the template's L and C cells pick it. */
function countOfRole(j: Journey, counts: readonly Count[], role: 'L' | 'C', fallback: number): Count {
  const i = j.stages.findIndex((s) => s.role === role);
  return counts[i >= 0 ? i : fallback] ?? null;
}

export function computeMetrics(j: Journey): Metrics {
  const errors: string[] = [];
  // A count that is not a number, negative, or above the stage before it is a data problem: said in words, and left out.
  const counts: Count[] = j.stages.map((s) => {
    const n = numberOf(s.customers);
    if (s.customers !== '' && (n === null || n < 0)) errors.push(t(j.lang, 'metrics.badCount', { stage: s.name, value: String(s.customers) }));
    return n !== null && n >= 0 ? n : null;
  });
  counts.forEach((n, i) => {
    const prev = i > 0 ? counts[i - 1] : null;
    if (n !== null && prev !== null && prev !== undefined && n > prev) {
      errors.push(t(j.lang, 'metrics.moreThanPrevious', { stage: j.stages[i]?.name ?? '', n, prev }));
      counts[i] = null;
    }
  });
  const targets = j.stages.map((s, i) => {
    const n = numberOf(s.target);
    return i === 0 || n === null || n <= 0 || n > 1 ? null : n;
  });
  const steps = funnelSteps(counts);
  const leads = countOfRole(j, counts, 'L', 0);
  const deal = countOfRole(j, counts, 'C', counts.length - 1);
  const conversion = leads !== null && deal !== null && leads > 0 && deal <= leads ? deal / leads : null;
  const avgCheck = numberOf(j.avgCheck);
  const purchases = numberOf(j.purchases);
  const weakest = weakestTransition(counts, targets);
  return {
    leads,
    conversion,
    avgCheck,
    purchases,
    revenue: leads !== null && conversion !== null && avgCheck !== null && purchases !== null ? revenue({ leads, conversion, avg_check: avgCheck, purchases }) : null,
    weakest: weakest === null ? '' : `${j.stages[weakest - 1]?.name ?? ''} → ${j.stages[weakest]?.name ?? ''}`,
    underTarget: j.stages.flatMap((s, i) => {
      const step = steps[i]?.step ?? null;
      const target = targets[i] ?? null;
      return i > 0 && step !== null && target !== null && step < target ? [{ stage: s.name, step, target }] : [];
    }),
    lowScores: j.stages.flatMap((s) => {
      const score = numberOf(s.content.score);
      return score !== null && score <= 2 ? [{ stage: s.name, score }] : [];
    }),
    errors,
  };
}
