/**
 * Where the table is in the cells read around the selection: the selection itself, less its empty
 * edges, or, around one selected cell, the block of filled cells that holds it (as Ctrl+A in
 * Sheets finds it, and across a blank row or column inside the table). A selection that holds two
 * tables, or a table that runs past the cells read, is said, not guessed.
 */
import type { CellData } from '../map/journey';
import { a1Range } from '../map/layout';
import { isPhaseLabel, isRowLabel, isStageLabel } from './labels';

/** A block of the cells read, 0-based inside them. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Cells read from the sheet: `row`, `col` are the sheet's (1-based) of `cells[0][0]`. */
export interface CellWindow {
  cells: CellData[][];
  row: number;
  col: number;
  /**
   * the edges where the sheet goes on past the cells read and a table there may go on too: a table
   * that reaches one is cut off
   */
  open: { top: boolean; left: boolean; bottom: boolean; right: boolean };
}

export type Found =
  | { ok: true; table: Rect; title: Rect | null }
  | { ok: false; problem: 'empty' | 'tooBig' }
  | { ok: false; problem: 'twoTables'; first: Rect; second: Rect };

/** Rows above a table searched for its title block (persona, scenario, goal…). */
const TITLE_ROWS = 10;

const filled = (w: CellWindow, r: number, c: number): boolean => (w.cells[r]?.[c] ?? '') !== '';
const text = (w: CellWindow, r: number, c: number): string => String(w.cells[r]?.[c] ?? '');

function rowFilled(w: CellWindow, r: number, from: number, to: number): boolean {
  for (let c = Math.max(0, from); c <= to; c++) if (filled(w, r, c)) return true;
  return false;
}
function colFilled(w: CellWindow, c: number, from: number, to: number): boolean {
  for (let r = Math.max(0, from); r <= to; r++) if (filled(w, r, c)) return true;
  return false;
}

/** A block's range on the sheet ("B3:G12"). */
export const rectA1 = (w: CellWindow, x: Rect): string =>
  a1Range(w.row + x.row, w.col + x.col, x.rows, x.cols);

const last = (x: Rect) => ({ row: x.row + x.rows - 1, col: x.col + x.cols - 1 });

/** The rect less its empty outer rows and columns; null when all of it is empty. */
export function trim(w: CellWindow, x: Rect): Rect | null {
  let { row: top, col: left } = x;
  let { row: bottom, col: right } = last(x);
  while (top <= bottom && !rowFilled(w, top, left, right)) top++;
  while (bottom >= top && !rowFilled(w, bottom, left, right)) bottom--;
  while (left <= right && !colFilled(w, left, top, bottom)) left++;
  while (right >= left && !colFilled(w, right, top, bottom)) right--;
  if (top > bottom || left > right) return null;
  return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}

/**
 * The block of filled cells around a cell: grown while a filled cell touches it, diagonals
 * included.
 */
function region(w: CellWindow, r: number, c: number): Rect {
  const height = w.cells.length;
  const width = w.cells[0]?.length ?? 0;
  let [top, left, bottom, right] = [r, c, r, c];
  for (let grew = true; grew; ) {
    grew = false;
    if (top > 0 && rowFilled(w, top - 1, left - 1, right + 1)) [top, grew] = [top - 1, true];
    if (bottom < height - 1 && rowFilled(w, bottom + 1, left - 1, right + 1))
      [bottom, grew] = [bottom + 1, true];
    if (left > 0 && colFilled(w, left - 1, top - 1, bottom + 1)) [left, grew] = [left - 1, true];
    if (right < width - 1 && colFilled(w, right + 1, top - 1, bottom + 1))
      [right, grew] = [right + 1, true];
  }
  return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}

/**
 * Whether a row opens a table of its own: its first cell is blank or says "Stage", and stage names
 * follow.
 */
function opensTable(w: CellWindow, r: number, x: Rect): boolean {
  const label = text(w, r, x.col);
  const named = label === '' || isStageLabel(label) || isPhaseLabel(label);
  let names = 0;
  for (let c = x.col + 1; c <= last(x).col; c++) if (filled(w, r, c)) names++;
  return named && names >= 2;
}

/** Whether a column holds row labels of its own (a second table beside the first). */
function labelsColumn(w: CellWindow, c: number, x: Rect): boolean {
  let labels = 0;
  for (let r = x.row; r <= last(x).row; r++) if (isRowLabel(text(w, r, c))) labels++;
  return labels >= 2;
}

/**
 * The blocks of a rect split at blank rows (or columns, `across`): the first line and extent of
 * each.
 */
function blocks(w: CellWindow, x: Rect, across: boolean): Rect[] {
  const out: Rect[] = [];
  const lines = across ? x.cols : x.rows;
  let start = -1;
  for (let i = 0; i <= lines; i++) {
    const full =
      i < lines &&
      (across
        ? colFilled(w, x.col + i, x.row, last(x).row)
        : rowFilled(w, x.row + i, x.col, last(x).col));
    if (full && start < 0) start = i;
    if (!full && start >= 0) {
      out.push(
        across
          ? { ...x, col: x.col + start, cols: i - start }
          : { ...x, row: x.row + start, rows: i - start },
      );
      start = -1;
    }
  }
  return out;
}

/** Two tables in one rect: a block after a blank row that opens a table, or a labels column. */
function secondTable(w: CellWindow, x: Rect): { first: Rect; second: Rect } | null {
  const down = blocks(w, x, false);
  const at = down.findIndex((b, i) => i > 0 && opensTable(w, b.row, x));
  const split = (first: Rect, second: Rect) => ({
    first: trim(w, first) ?? first,
    second: trim(w, second) ?? second,
  });
  if (at > 0) {
    const row = down[at]?.row ?? x.row;
    return split({ ...x, rows: row - x.row }, { ...x, row, rows: last(x).row - row + 1 });
  }
  const beside = blocks(w, x, true);
  const next = beside.findIndex((b, i) => i > 0 && labelsColumn(w, b.col, x));
  if (next > 0) {
    const col = beside[next]?.col ?? x.col;
    return split({ ...x, cols: col - x.col }, { ...x, col, cols: last(x).col - col + 1 });
  }
  return null;
}

/**
 * The table around one cell: its block, joined with a block below or right of it across one
 * blank line when that block goes on with the same table (it does not open one of its own).
 */
function tableAround(w: CellWindow, r: number, c: number): Rect {
  let x = region(w, r, c);
  if (x.rows === 1 && x.cols === 1 && !filled(w, r, c)) return x;
  for (let joined = true; joined; ) {
    joined = false;
    const below = last(x).row + 2;
    // a title block (a label and a value) joins the table under it; a table, only its own rows
    const titleOnly = x.cols <= 2;
    if (rowFilled(w, below, x.col, last(x).col) && (titleOnly || !opensTable(w, below, x))) {
      const more = region(w, below, firstFilledIn(w, below, x));
      x = union(x, more);
      joined = true;
      continue;
    }
    const right = last(x).col + 2;
    if (colFilled(w, right, x.row, last(x).row) && !labelsColumn(w, right, x)) {
      const top = firstFilledDown(w, right, x);
      x = union(x, region(w, top, right));
      joined = true;
    }
  }
  return x;
}

function firstFilledIn(w: CellWindow, r: number, x: Rect): number {
  for (let c = x.col; c <= last(x).col; c++) if (filled(w, r, c)) return c;
  return x.col;
}
function firstFilledDown(w: CellWindow, c: number, x: Rect): number {
  for (let r = x.row; r <= last(x).row; r++) if (filled(w, r, c)) return r;
  return x.row;
}

function union(a: Rect, b: Rect): Rect {
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return {
    row,
    col,
    rows: Math.max(last(a).row, last(b).row) - row + 1,
    cols: Math.max(last(a).col, last(b).col) - col + 1,
  };
}

/**
 * The title block above a table: the filled rows right above it within its columns, up to two
 * blank rows or a row as wide as a table.
 */
function titleAbove(w: CellWindow, x: Rect): Rect | null {
  let top = x.row;
  let blanks = 0;
  for (let r = x.row - 1; r >= Math.max(0, x.row - TITLE_ROWS); r--) {
    let count = 0;
    for (let c = x.col; c <= last(x).col; c++) if (filled(w, r, c)) count++;
    if (count === 0) {
      if (++blanks === 2) break;
      continue;
    }
    if (count > 3) break;
    blanks = 0;
    top = r;
  }
  return top < x.row ? trim(w, { ...x, row: top, rows: x.row - top }) : null;
}

/**
 * The block less the title rows at its top (a label and a value, nothing right of them), which
 * are read as the title block; unchanged when nothing but such rows is left.
 */
function withoutTitle(w: CellWindow, x: Rect): Rect {
  let rest = x;
  while (
    rest.rows > 1 &&
    filled(w, rest.row, rest.col) &&
    !rowFilled(w, rest.row, rest.col + 2, last(rest).col)
  )
    rest = { ...rest, row: rest.row + 1, rows: rest.rows - 1 };
  const table = rest === x ? x : trim(w, rest);
  return table && table.cols >= 3 ? table : x;
}

/** Whether a rect reaches an edge of the cells read that is not the sheet's own. */
function cutOff(w: CellWindow, x: Rect): boolean {
  const height = w.cells.length;
  const width = w.cells[0]?.length ?? 0;
  return (
    (x.row === 0 && w.open.top) ||
    (x.col === 0 && w.open.left) ||
    (last(x).row === height - 1 && w.open.bottom) ||
    (last(x).col === width - 1 && w.open.right)
  );
}

/**
 * The table the user means: `selection` (inside the cells read) is the table, or one cell of it.
 */
export function findTable(w: CellWindow, selection: Rect): Found {
  const single = selection.rows === 1 && selection.cols === 1;
  const block = trim(w, single ? tableAround(w, selection.row, selection.col) : selection);
  if (!block) return { ok: false, problem: 'empty' };
  if (cutOff(w, block)) return { ok: false, problem: 'tooBig' };
  const table = withoutTitle(w, block);
  const two = secondTable(w, table);
  if (two) return { ok: false, problem: 'twoTables', ...two };
  return { ok: true, table, title: titleAbove(w, table) };
}
