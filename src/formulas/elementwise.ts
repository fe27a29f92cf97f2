import { broadcastShape, toGrid, type Argument, type CellValue } from './grid';
import type { Position } from './errors';

/**
 * Runs a scalar computation over arguments that may each be a cell or a range:
 * single cells broadcast, ranges go element by element, a range in gives a range out.
 * `cell` returns "" for a row it cannot compute yet (a blank input).
 */
export function elementwise(
  fn: string,
  names: readonly string[],
  args: readonly (Argument | undefined)[],
  cell: (values: CellValue[], at: Position | undefined) => number | string,
): number | string | (number | string)[][] {
  const grids = names.map((_, i) => toGrid(args[i] === undefined ? '' : (args[i] as Argument)));
  const { rows, cols } = broadcastShape(fn, names, grids);
  const anyRange = grids.some((g) => g.isRange);
  const at = (r: number, c: number): Position | undefined => (anyRange ? { row: r, col: c, rows, cols } : undefined);
  const out: (number | string)[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: (number | string)[] = [];
    for (let c = 0; c < cols; c++) {
      row.push(cell(grids.map((g) => (g.rows === 1 && g.cols === 1 ? g.at(0, 0) : g.at(r, c))), at(r, c)));
    }
    out.push(row);
  }
  return anyRange ? out : (out[0]?.[0] ?? '');
}
