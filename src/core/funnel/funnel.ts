/**
 * Funnel economics of a journey map: revenue = L × C × P × Q, and what the stage
 * counts say about each transition. Pure math on already-validated numbers.
 */

export type Lever = 'leads' | 'conversion' | 'avg_check' | 'purchases';
export const LEVERS: readonly Lever[] = ['leads', 'conversion', 'avg_check', 'purchases'];

/** Every spelling a marketer may use for a lever, in both languages. */
export const LEVER_ALIASES: Readonly<Record<string, Lever>> = {
  leads: 'leads', l: 'leads', лиды: 'leads',
  conversion: 'conversion', c: 'conversion', конверсия: 'conversion',
  avg_check: 'avg_check', p: 'avg_check', чек: 'avg_check', 'средний чек': 'avg_check', 'average check': 'avg_check',
  purchases: 'purchases', q: 'purchases', покупки: 'purchases',
};

export const LEVER_LETTER = { leads: 'L', conversion: 'C', avg_check: 'P', purchases: 'Q' } as const satisfies Record<Lever, string>;

export interface Economics {
  leads: number;
  conversion: number;
  avg_check: number;
  purchases: number;
}

export function revenue(e: Economics): number {
  return e.leads * e.conversion * e.avg_check * e.purchases;
}

/**
 * The value `lever` must take for revenue to reach `target`, the other three fixed.
 * Returns null when the other factors multiply to zero (no value of the lever helps).
 */
export function required(target: number, e: Economics, lever: Lever): number | null {
  const others = LEVERS.filter((l) => l !== lever).reduce((p, l) => p * e[l], 1);
  if (target === 0) return 0;
  return others === 0 ? null : target / others;
}

/** A stage count; null while it is not known yet (a blank cell). */
export type Count = number | null;

export interface FunnelStep {
  customers: Count;
  /** reached this ÷ reached previous; 1 for the first stage; null when unknown or the previous count is 0. */
  step: number | null;
  /** reached this ÷ reached the first stage; null when unknown or the first count is 0. */
  overall: number | null;
  /** customers lost since the previous stage (0 for the first); null when unknown. */
  dropOff: number | null;
}

export function funnelSteps(counts: readonly Count[]): FunnelStep[] {
  const first = counts[0] ?? null;
  return counts.map((customers, i) => {
    const prev = i === 0 ? customers : (counts[i - 1] ?? null);
    const known = customers !== null && prev !== null;
    return {
      customers,
      step: i === 0 ? (customers === null ? null : 1) : known && prev !== 0 ? customers / prev : null,
      overall: customers !== null && first ? customers / first : null,
      dropOff: known ? prev - customers : null,
    };
  });
}

/**
 * Index i of the weakest transition (stage i-1 → stage i), or null if none can be judged.
 * Without targets: the lowest step conversion. With targets: the lowest actual ÷ target,
 * over the transitions that have a target. Ties go to the earlier transition.
 */
export function weakestTransition(counts: readonly Count[], targets?: readonly (number | null)[]): number | null {
  const steps = funnelSteps(counts);
  const useTargets = targets?.some((t, i) => i > 0 && t !== null) ?? false;
  let best: { index: number; score: number } | null = null;
  for (let i = 1; i < steps.length; i++) {
    const step = steps[i]?.step ?? null;
    const target = targets?.[i] ?? null;
    if (step === null || (useTargets && target === null)) continue;
    const score = useTargets && target !== null ? step / target : step;
    if (best === null || score < best.score) best = { index: i, score };
  }
  return best?.index ?? null;
}
