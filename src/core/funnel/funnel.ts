/**
 * Funnel economics of a journey map: revenue = L × C × P × Q, and what the stage
 * counts say about each transition. Pure math on already-validated numbers.
 */

export type Lever = 'leads' | 'conversion' | 'avg_check' | 'purchases';
export const LEVERS: readonly Lever[] = ['leads', 'conversion', 'avg_check', 'purchases'];

/** Every spelling a marketer may use for a lever, in both languages. */
export const LEVER_ALIASES: Readonly<Record<string, Lever>> = {
  leads: 'leads',
  l: 'leads',
  лиды: 'leads',
  conversion: 'conversion',
  c: 'conversion',
  конверсия: 'conversion',
  avg_check: 'avg_check',
  p: 'avg_check',
  чек: 'avg_check',
  'средний чек': 'avg_check',
  'average check': 'avg_check',
  purchases: 'purchases',
  q: 'purchases',
  покупки: 'purchases',
};

/**
 * A plan's action may also act on one transition: the step conversion into a stage the action
 * names (core/funnel/transition.ts). Every spelling of that lever, in both languages.
 */
export const STEP_ALIASES: readonly string[] = [
  'step',
  'шаг',
  'transition',
  'переход',
  'step conversion',
  'конверсия шага',
];

/** What an action of a plan may move: one factor of L × C × P × Q, or one transition's step. */
export type PlanLever = Lever | 'step';

/** A lever as typed (any spelling, either language), or null when it names none. */
export function planLeverOf(text: string): PlanLever | null {
  const key = text.trim().toLowerCase();
  if (STEP_ALIASES.includes(key)) return 'step';
  return Object.hasOwn(LEVER_ALIASES, key) ? (LEVER_ALIASES[key] ?? null) : null;
}

export const LEVER_LETTER = {
  leads: 'L',
  conversion: 'C',
  avg_check: 'P',
  purchases: 'Q',
} as const satisfies Record<Lever, string>;

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
  /**
   * reached this ÷ reached previous; 1 for the first stage; null when unknown or the previous count
   * is 0.
   */
  step: number | null;
  /** reached this ÷ reached the first stage; null when unknown or the first count is 0. */
  overall: number | null;
  /** customers lost since the previous stage (0 for the first); null when unknown. */
  dropOff: number | null;
}

/**
 * Why a conversion from `from` customers to `to` cannot be computed, or null when it can:
 * no customers to convert from, or more customers at the later stage than at the earlier
 * one. The one rule of the map: CJM_CONVERSION (the step, overall and C cells), the weakest
 * transition, the wizard's metrics and the poster all judge a transition by it.
 */
export function conversionProblem(from: number, to: number): 'fromZero' | 'more' | null {
  if (from === 0) return 'fromZero';
  return to > from ? 'more' : null;
}

/**
 * to ÷ from, or null when either is unknown or the conversion has a problem (conversionProblem).
 */
export function conversionOf(from: Count, to: Count): number | null {
  if (from === null || to === null || conversionProblem(from, to) !== null) return null;
  return to / from;
}

/**
 * Step, overall conversion and drop-off of each stage, as the map's KPI rows show them: a step
 * compares a stage with the stage just before it, overall with the first stage. Counts are
 * the stages' valid counts (null: blank or not a number of 0 or more); a stage with more
 * customers than the one it is compared with has no conversion (and no drop-off).
 */
export function funnelSteps(counts: readonly Count[]): FunnelStep[] {
  const first = counts[0] ?? null;
  return counts.map((customers, i) => {
    const prev = i === 0 ? customers : (counts[i - 1] ?? null);
    const grows = customers !== null && prev !== null && customers > prev;
    return {
      customers,
      step: i === 0 ? (customers === null ? null : 1) : conversionOf(prev, customers),
      overall: conversionOf(first, customers),
      dropOff: customers !== null && prev !== null && !grows ? prev - customers : null,
    };
  });
}

/**
 * Index i of the weakest transition (stage i-1 → stage i), or null if none can be judged:
 * among the transitions whose step conversion can be computed (funnelSteps), so it is always
 * one the step row shows as a number. Targets per stage: a share above 0 (a goal), null (blank
 * or 0: no goal), or 'bad' (not a share). If any of those transitions has a goal, the lowest
 * step ÷ goal among them; else the lowest step among those whose target is not bad. Ties go
 * to the earlier transition. The map's weakest cell (CJM_BOTTLENECK), the wizard's metrics and
 * the poster all use this rule.
 */
export function weakestTransition(
  counts: readonly Count[],
  targets?: readonly (number | null | 'bad')[],
): number | null {
  const steps = funnelSteps(counts);
  const candidates: { index: number; step: number; goal: number | null | 'bad' }[] = [];
  for (let i = 1; i < steps.length; i++) {
    const step = steps[i]?.step ?? null;
    if (step !== null) candidates.push({ index: i, step, goal: targets?.[i] ?? null });
  }
  const withGoals = candidates.some((c) => typeof c.goal === 'number');
  let best: { index: number; score: number } | null = null;
  for (const c of candidates) {
    if (withGoals ? typeof c.goal !== 'number' : c.goal === 'bad') continue;
    const score = typeof c.goal === 'number' ? c.step / c.goal : c.step;
    if (best === null || score < best.score) best = { index: c.index, score };
  }
  return best?.index ?? null;
}
