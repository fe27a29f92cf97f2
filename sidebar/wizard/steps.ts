/**
 * The eleven steps in order. Mirrors STEP_IDS of src/core/wizard.ts (a unit test keeps them
 * equal): importing that module would bundle its whole step table into the page.
 */
import type { StepId } from '../../src/contract';

export const STEP_ORDER: readonly StepId[] = [
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
];
