import { FormulaError } from '../../../src/formulas/errors';

/** The FormulaError a call throws (what Sheets shows as #ERROR!); fails if it returns or throws anything else. */
export function thrown(fn: () => unknown): FormulaError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FormulaError) return e;
    throw e;
  }
  throw new Error('expected a FormulaError');
}
