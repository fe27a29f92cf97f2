import type { Argument } from './grid';
import type { ParamKind } from './kinds';
import type { Lang } from './messages';

export interface Bilingual {
  en: string;
  ru: string;
}

/**
 * How a parameter takes its cells: `each` element of a range on its own (a single cell serves
 * every element, and a range in gives a range out), a `row` or column read whole, or one `cell`
 * for the whole call.
 */
export type ParamShape = 'each' | 'row' | 'cell';

export interface ParamSpec {
  name: string;
  /** what it holds: how its value is read, and what a bad one is told (kinds.ts readArg) */
  kind: ParamKind;
  shape: ParamShape;
  optional?: boolean;
  /** the value an omitted parameter stands for */
  defaultValue?: number;
  help: Bilingual;
}

const NUMBERS: readonly ParamKind[] = ['count', 'share', 'money', 'factor'];

/** A parameter of one kind, as a reader of that kind needs it: its name and kind. */
export interface ParamOf<K extends ParamKind> {
  name: string;
  kind: K;
}

/** The JSDoc type of a parameter, for the generated stub: "number|Array<Array<number>>". */
export function paramType(p: Pick<ParamSpec, 'kind' | 'shape'>): string {
  const one = p.kind === 'flag' ? 'boolean' : NUMBERS.includes(p.kind) ? 'number' : 'string';
  if (p.shape === 'cell') return one;
  return p.shape === 'row' ? `Array<Array<${one}>>` : `${one}|Array<Array<${one}>>`;
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
