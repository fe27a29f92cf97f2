import type { Argument } from './grid';
import type { Lang } from './messages';

export interface Bilingual {
  en: string;
  ru: string;
}

export interface ParamSpec {
  name: string;
  /** JSDoc type shown by Sheets' autocomplete. */
  type: string;
  optional?: boolean;
  help: Bilingual;
}

export interface Example {
  /** the cells the example assumes, shown before the formula ("A2:A4 = 1000, 400, 100") */
  given?: Bilingual;
  formula: string;
  result: Bilingual;
}

/**
 * One custom function, declared once. The build derives the top-level stub and its
 * JSDoc from it; the help sidebar, the reference in docs/formulas.md and the test
 * engine read it too.
 */
export interface FormulaSpec {
  name: string;
  summary: Bilingual;
  params: readonly ParamSpec[];
  returns: Bilingual;
  examples: readonly Example[];
  /**
   * Computes the function for one call, its messages (and words such as headers) in `lang`:
   * the server's entry point passes the spreadsheet's language; the formula reads no service.
   */
  evaluate(lang: Lang, args: readonly (Argument | undefined)[]): unknown;
  /** The same in English: evaluate('en', args). */
  run(...args: Argument[]): unknown;
}

/** A FormulaSpec from its declaration; `run` is derived from `evaluate`. */
export function defineFormula(spec: Omit<FormulaSpec, 'run'>): FormulaSpec {
  return { ...spec, run: (...args) => spec.evaluate('en', args) };
}
