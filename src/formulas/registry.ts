import { CJM_BOTTLENECK } from './bottleneck';
import { CJM_CONVERSION } from './conversion';
import { CJM_FUNNEL } from './funnel';
import { CJM_IMPACT } from './impact';
import { CJM_REQUIRED } from './required';
import { CJM_REVENUE } from './revenue';
import type { FormulaSpec } from './spec';

/** Every custom function of the add-on. Adding a formula is one entry here. */
export const FORMULAS: readonly FormulaSpec[] = [
  CJM_REVENUE,
  CJM_CONVERSION,
  CJM_FUNNEL,
  CJM_BOTTLENECK,
  CJM_REQUIRED,
  CJM_IMPACT,
];
