/**
 * The wizard's eleven steps in order, alone in their module: the sidebar bundles this list
 * without the step table of steps.ts.
 */
export const STEP_IDS = [
  'goal',
  'persona',
  'stages',
  'touchpoints',
  'questions',
  'barriers',
  'kpis',
  'evaluate',
  'review',
  'plan',
  'present',
] as const;
export type StepId = (typeof STEP_IDS)[number];
