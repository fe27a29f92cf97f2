import { broadcastShape, toGrid, type Argument, type CellValue } from './grid';
import { FormulaError, type Call, type Position } from './errors';

/**
 * Runs a scalar computation over arguments that may each be a cell or a range:
 * single cells broadcast, ranges go element by element, a range in gives a range out.
 * `cell` returns "" for an element it cannot compute yet (a blank input).
 *
 * When the result has more than one element, an element whose inputs are wrong holds the
 * brief text of its error ("⚠ not a number") and the others are computed: one bad stage
 * must not blank a whole spilled row. A result of one element throws the full message
 * instead (Sheets shows it as #ERROR! with the message), as do mismatched ranges.
 */
export function elementwise(
  call: Call,
  names: readonly string[],
  args: readonly (Argument | undefined)[],
  cell: (values: CellValue[], at: Position | undefined) => number | string,
): number | string | (number | string)[][] {
  const grids = names.map((_, i) => toGrid(args[i] === undefined ? '' : (args[i] as Argument)));
  const { rows, cols } = broadcastShape(call, names, grids);
  const anyRange = grids.some((g) => g.isRange);
  const spills = anyRange && rows * cols > 1;
  const at = (r: number, c: number): Position | undefined =>
    anyRange ? { row: r, col: c, rows, cols } : undefined;
  const compute = (r: number, c: number): number | string => {
    const values = grids.map((g) => (g.rows === 1 && g.cols === 1 ? g.at(0, 0) : g.at(r, c)));
    try {
      return cell(values, at(r, c));
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
