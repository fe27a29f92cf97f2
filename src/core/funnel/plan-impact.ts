/**
 * A plan's actions as typed (lever, change, stage), read as the levers they move, alone and all
 * together: the server ranks the plan with these and the sidebar shows them while the user types,
 * the same figures the plan sheet's CJM_IMPACT computes.
 */
import {
  impact,
  parseChange,
  togetherImpact,
  type Change,
  type ImpactProblem,
  type LeverChange,
} from './change';
import { planLeverOf, type Economics } from './funnel';
import { transition, type PlanFunnel, type Transition, type TransitionProblem } from './transition';

/** An action as the plan holds it; `stage` matters only to an action on a transition. */
export interface ActionText {
  lever: string;
  change: string;
  stage?: string;
}

/**
 * What an action moves: a factor of L × C × P × Q by its change, or, on a transition, the factor
 * that step moves (with the step before and after); null while its lever or change cannot be read.
 */
export type ActionEffect =
  | { change: LeverChange; step: Extract<Transition, { index: number }> | null }
  | { problem: TransitionProblem }
  | null;

export function actionEffect(funnel: PlanFunnel | null, a: ActionText): ActionEffect {
  const lever = planLeverOf(a.lever);
  const change: Change | null = a.change.trim() ? parseChange(a.change) : null;
  if (!lever || !change) return null;
  if (lever !== 'step') return { change: { lever, change }, step: null };
  if (!funnel) return null;
  const step = transition(funnel, a.stage ?? '', change);
  return 'problem' in step ? step : { change: step.change, step };
}

/** An action's revenue impact alone, or why it has none. */
export function actionImpactOf(
  e: Economics,
  funnel: PlanFunnel | null,
  a: ActionText,
): { delta: number } | { problem: ImpactProblem | TransitionProblem } | null {
  const effect = actionEffect(funnel, a);
  if (!effect || 'problem' in effect) return effect;
  return impact(e, effect.change.lever, effect.change.change);
}

/**
 * The revenue impact of an action as typed, as the plan sheet's CJM_IMPACT computes it: null while
 * the economics are incomplete, the lever unknown, or the change unreadable or unfit.
 */
export function impactOfText(
  e: Economics | null,
  a: ActionText,
  funnel: PlanFunnel | null = null,
): number | null {
  const result = e ? actionImpactOf(e, funnel, a) : null;
  return result && 'delta' in result ? result.delta : null;
}

/**
 * The impact of a plan's actions as typed, together: rows whose lever or change cannot be read are
 * left out, as are those that cannot apply alone. Null while the economics are incomplete.
 */
export function togetherImpactOfText(
  e: Economics | null,
  rows: readonly ActionText[],
  funnel: PlanFunnel | null = null,
): ReturnType<typeof togetherImpact> | null {
  if (!e) return null;
  const changes = rows.flatMap((r): LeverChange[] => {
    const effect = actionEffect(funnel, r);
    return effect && 'change' in effect ? [effect.change] : [];
  });
  return togetherImpact(e, changes);
}
