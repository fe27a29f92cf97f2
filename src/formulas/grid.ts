import { callProblem, type Call, type Position } from './errors';
import { isDate } from '../core/map/dates';
import { messages } from './messages';

/**
 * Arguments as Apps Script passes them to a custom function: a single cell arrives as
 * its value, a range as rows of columns, a blank cell as "", and a date cell as a Date
 * (possibly of another realm: test it with isDate, not instanceof).
 */
export type CellValue = string | number | boolean | Date | null | undefined;
export type Argument = CellValue | CellValue[] | CellValue[][];

export interface Grid {
  rows: number;
  cols: number;
  /** true when the argument was a range (even 1×1): the result must then be a range too. */
  isRange: boolean;
  at(row: number, col: number): CellValue;
}

export function isBlank(v: CellValue): boolean {
  return v === '' || v === null || v === undefined;
}

/**
 * An argument that is one cell (not a range): a Date is one cell too, whatever realm it comes from.
 */
function isScalar(arg: Argument): arg is CellValue {
  return !Array.isArray(arg) || isDate(arg);
}

/** How a message names the shape of a range: "3×1", or "a single cell". */
export function describeShape(
  g: Pick<Grid, 'rows' | 'cols' | 'isRange'>,
  lang: Call['lang'],
): string {
  const t = messages(lang);
  return !g.isRange ? t.singleCell : t.range(g.rows, g.cols);
}

export function toGrid(arg: Argument): Grid {
  if (isScalar(arg)) return { rows: 1, cols: 1, isRange: false, at: () => arg };
  // A 1-D array (a literal list, or how some callers pass a column) reads as one column.
  const rows: CellValue[][] = arg.map((r) => (Array.isArray(r) ? r : [r]));
  const cols = rows.reduce((m, r) => Math.max(m, r.length), 0);
  return { rows: rows.length, cols, isRange: true, at: (r, c) => rows[r]?.[c] ?? '' };
}

/** The common shape of element-wise arguments: single cells broadcast, ranges must agree. */
export function broadcastShape(
  call: Call,
  names: readonly string[],
  grids: readonly Grid[],
): { rows: number; cols: number } {
  let shape: { rows: number; cols: number; name: string } | null = null;
  grids.forEach((g, i) => {
    if (g.rows === 1 && g.cols === 1) return;
    const name = names[i] ?? `argument ${i + 1}`;
    if (shape && (shape.rows !== g.rows || shape.cols !== g.cols)) {
      const t = messages(call.lang);
      throw callProblem(
        call,
        t.differentSizes(
          shape.name,
          name,
          t.range(shape.rows, shape.cols),
          t.range(g.rows, g.cols),
        ),
      );
    }
    shape ??= { rows: g.rows, cols: g.cols, name };
  });
  return shape ?? { rows: 1, cols: 1 };
}

/** A row or a column of values, in order, with each one's position for messages. */
export function toVector(
  call: Call,
  name: string,
  arg: Argument,
): { values: CellValue[]; positions: Position[]; grid: Grid } {
  const g = toGrid(arg);
  if (g.rows > 1 && g.cols > 1)
    throw callProblem(call, messages(call.lang).notVector(name, g.rows, g.cols));
  const values: CellValue[] = [];
  const positions: Position[] = [];
  for (let r = 0; r < g.rows; r++) {
    for (let c = 0; c < g.cols; c++) {
      values.push(g.at(r, c));
      positions.push({ row: r, col: c, rows: g.rows, cols: g.cols });
    }
  }
  return { values, positions, grid: g };
}
