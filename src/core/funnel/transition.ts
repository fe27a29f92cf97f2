/**
 * An action on one transition of the funnel: the step conversion into a stage (its customers ÷
 * those of the stage before it), changed by points ("+3 pp": 27.5% → 30.5%) or a percentage
 * ("+10%": 27.5% → 30.25%). Revenue L × C × P × Q sees the step through where its stage is, with
 * the later steps as they are:
 *   - into a stage after the leads stage, up to the deal stage: the deal's customers, and so C
 *     (deal ÷ leads), change by the step's ratio (new step ÷ old step);
 *   - into a stage at or before the leads stage: the leads, and every later count with them, change
 *     by the ratio, so L does and C does not;
 *   - into a stage after the deal: repeat purchases, which Q counts, not the deal's customers; no
 *     factor of L × C × P × Q moves, so such an action is refused (act on Q instead).
 * The leads stage is the first with role L (else the first stage), the deal the first with role C
 * (else the last), as the map's L and C cells pick them.
 */
import { applyChange, type Change, type LeverChange } from './change';
import type { Count } from './funnel';

/** The factor a transition moves. */
export type StepFactor = 'leads' | 'conversion';

export type PlaceProblem = 'noStage' | 'unknownStage' | 'twoStages' | 'firstStage' | 'afterDeal';

/** Where the transition into a stage is in the funnel (its stage's index), or why it is not one. */
export type TransitionPlace = { index: number; factor: StepFactor } | { problem: PlaceProblem };

/** A plan names its stage by text: the same name whatever its case or the spaces around it. */
export const sameStage = (a: string, b: string): boolean =>
  a.trim().toLowerCase() === b.trim().toLowerCase();

const firstOfRole = (roles: readonly string[], role: 'L' | 'C'): number =>
  roles.findIndex((r) => r.trim().toUpperCase() === role);

/** `names` and `roles`: the map's stages in order. */
export function transitionPlace(
  names: readonly string[],
  roles: readonly string[],
  stage: string,
): TransitionPlace {
  if (stage.trim() === '') return { problem: 'noStage' };
  const found = names.flatMap((n, i) => (sameStage(n, stage) ? [i] : []));
  const index = found[0];
  if (index === undefined) return { problem: 'unknownStage' };
  if (found.length > 1) return { problem: 'twoStages' };
  if (index === 0) return { problem: 'firstStage' };
  const leads = Math.max(0, firstOfRole(roles, 'L'));
  const dealAt = firstOfRole(roles, 'C');
  const deal = dealAt < 0 ? names.length - 1 : dealAt;
  if (index <= leads) return { index, factor: 'leads' };
  return index <= deal ? { index, factor: 'conversion' } : { problem: 'afterDeal' };
}

export type StepProblem =
  | 'unitNotStep'
  | 'fromZero'
  | 'toZero'
  | 'more'
  | 'stepAboveOne'
  | 'stepBelowZero';

/** The step now and after the change, from the counts of a stage (`to`) and the one before it. */
export type StepChange = { before: number; after: number } | { problem: StepProblem };

export function stepChange(from: number, to: number, change: Change): StepChange {
  if (change.kind === 'absolute') return { problem: 'unitNotStep' };
  if (from === 0) return { problem: 'fromZero' };
  if (to > from) return { problem: 'more' };
  // a step of 0 has no ratio: what a rise from it does to the funnel is not known
  if (to === 0) return { problem: 'toZero' };
  const before = to / from;
  const after = applyChange(before, change);
  if (after > 1) return { problem: 'stepAboveOne' };
  if (after < 0) return { problem: 'stepBelowZero' };
  return { before, after };
}

/**
 * The step's change as the change of the factor it moves: that factor × (new step ÷ old step), a
 * percentage of it, so the plan's total applies it with the other percentages. A step's "+10%" is
 * exactly +10% of its factor, the same number as "+10%" typed for the factor itself.
 */
export function stepLeverChange(
  factor: StepFactor,
  step: { before: number; after: number },
  change: Change,
) {
  const percent =
    change.kind === 'relative' ? change.percent : (step.after / step.before - 1) * 100;
  return { lever: factor, change: { kind: 'relative', percent } } satisfies LeverChange;
}

/** The map's stages as a plan reads them: names, roles and counts, in column order. */
export interface PlanFunnel {
  names: readonly string[];
  roles: readonly string[];
  /** each stage's count: null when blank or not a count */
  counts: readonly Count[];
}

export type TransitionProblem = PlaceProblem | StepProblem | 'noCount';

export type Transition =
  | { index: number; factor: StepFactor; before: number; after: number; change: LeverChange }
  | { problem: TransitionProblem };

/** An action on the transition into `stage`, from the map's stages as they are now. */
export function transition(f: PlanFunnel, stage: string, change: Change): Transition {
  const place = transitionPlace(f.names, f.roles, stage);
  if ('problem' in place) return place;
  const [from, to] = [f.counts[place.index - 1] ?? null, f.counts[place.index] ?? null];
  if (from === null || to === null) return { problem: 'noCount' };
  const step = stepChange(from, to, change);
  if ('problem' in step) return step;
  return { ...place, ...step, change: stepLeverChange(place.factor, step, change) };
}
