import type { PlanLever } from '../core/funnel/funnel';
import { broadcastShape, isBlank, toGrid, type Argument, type CellValue } from './grid';
import { FormulaError, type Call, type Position } from './errors';
import { readArg, type KindValue } from './kinds';
import type { ParamSpec } from './spec';

/** The names of a formula's element-wise parameters. */
type EachName<P extends readonly ParamSpec[]> = Extract<P[number], { shape: 'each' }>['name'];
/** What the parameter `N` is read as. */
type ValueOf<P extends readonly ParamSpec[], N> = KindValue[Extract<
  P[number],
  { name: N }
>['kind']];

/**
 * One element's arguments (a cell of each element-wise parameter), each read by its parameter's
 * kind only when asked for: the order a formula asks in is the order of its checks, and so decides
 * which message a user sees when two arguments are wrong.
 */
export interface ElementArgs<P extends readonly ParamSpec[]> {
  /** The element read from now on: its cells, one per element-wise parameter, and its place. */
  set(values: readonly CellValue[], at: Position | undefined): ElementArgs<P>;
  /** The cell as given ("" for an omitted parameter). */
  raw(name: EachName<P>): CellValue;
  /** A cell given blank, or omitted without a default: the element waits for it. */
  blank(name: EachName<P>): boolean;
  /** The cell read as its parameter's kind (an omitted parameter: its default). */
  get<N extends EachName<P>>(name: N): ValueOf<P, N>;
}

/** The reader of the elements of a call with these arguments. */
export function elementArgs<P extends readonly ParamSpec[]>(
  call: Call,
  params: P,
  args: readonly (Argument | undefined)[],
): ElementArgs<P> {
  const each = eachParams(params);
  const ps = each.map((e) => e.param);
  const names: Record<string, number> = {};
  ps.forEach((p, i) => {
    names[p.name] = i;
  });
  // what an omitted parameter stands for, where it has a default
  const given = each.map((e) => (args[e.index] === undefined ? e.param.defaultValue : undefined));
  // the parameter whose lever a change is read for
  const lever = ps.find((p) => p.kind === 'lever' || p.kind === 'planLever')?.name as EachName<P>;
  let values: readonly CellValue[] = [];
  let at: Position | undefined;
  const reader: ElementArgs<P> = {
    set(cells, place) {
      values = cells;
      at = place;
      return reader;
    },
    raw: (name) => values[names[name] as number],
    blank(name) {
      const i = names[name] as number;
      return given[i] === undefined && isBlank(values[i]);
    },
    get<N extends EachName<P>>(name: N): ValueOf<P, N> {
      const i = names[name] as number;
      const param = ps[i] as ParamSpec;
      const value = given[i] === undefined ? values[i] : given[i];
      if (param.kind !== 'change') return readArg(call, param, value, at) as ValueOf<P, N>;
      return readArg(call, param, value, at, reader.get(lever) as PlanLever) as ValueOf<P, N>;
    },
  };
  return reader;
}

/** A formula's element-wise parameters, with where each sits among its arguments. */
export function eachParams(params: readonly ParamSpec[]): { param: ParamSpec; index: number }[] {
  return params.flatMap((param, index) => (param.shape === 'each' ? [{ param, index }] : []));
}

/**
 * Runs a scalar computation over the arguments of the element-wise parameters, each a cell or a
 * range: single cells broadcast, ranges go element by element, a range in gives a range out.
 * `cell` returns "" for an element it cannot compute yet (a blank input).
 *
 * When the result has more than one element, an element whose inputs are wrong holds the
 * brief text of its error ("⚠ not a number") and the others are computed: one bad stage
 * must not blank a whole spilled row. A result of one element throws the full message
 * instead (Sheets shows it as #ERROR! with the message), as do mismatched ranges.
 */
export function elementwise<P extends readonly ParamSpec[]>(
  call: Call,
  params: P,
  args: readonly (Argument | undefined)[],
  cell: (a: ElementArgs<P>, at: Position | undefined) => number | string,
): number | string | (number | string)[][] {
  const each = eachParams(params);
  const grids = each.map(({ index }) => toGrid(args[index] === undefined ? '' : args[index]));
  const names = each.map(({ param }) => param.name);
  const { rows, cols } = broadcastShape(call, names, grids);
  const anyRange = grids.some((g) => g.isRange);
  const spills = anyRange && rows * cols > 1;
  const element = elementArgs(call, params, args);
  const at = (r: number, c: number): Position | undefined =>
    anyRange ? { row: r, col: c, rows, cols } : undefined;
  const compute = (r: number, c: number): number | string => {
    const values = grids.map((g) => (g.rows === 1 && g.cols === 1 ? g.at(0, 0) : g.at(r, c)));
    const place = at(r, c);
    try {
      return cell(element.set(values, place), place);
    } catch (e) {
      if (spills && e instanceof FormulaError) return e.brief;
      throw e;
    }
  };
  const out: (number | string)[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: (number | string)[] = [];
    for (let c = 0; c < cols; c++) row.push(compute(r, c));
    out.push(row);
  }
  return anyRange ? out : (out[0]?.[0] ?? '');
}
