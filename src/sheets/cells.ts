/**
 * Writes a handful of cells of a map (one wizard step) with a fixed number of calls:
 * the cells are grouped into rectangles of consecutive rows, and the cells of a
 * rectangle the step does not own are written back exactly as they were.
 */
import type { GridSnapshot } from './apply';
import { keptValue, type SheetValue } from './values';

export interface CellWrite {
  row: number;
  col: number;
  value: SheetValue;
}

interface Block {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Rectangles covering the writes: one per run of consecutive rows, as wide as its widest row. */
function blocks(writes: readonly CellWrite[]): Block[] {
  const rows = new Map<number, { left: number; right: number }>();
  for (const w of writes) {
    const span = rows.get(w.row);
    rows.set(w.row, { left: Math.min(span?.left ?? w.col, w.col), right: Math.max(span?.right ?? w.col, w.col) });
  }
  const out: Block[] = [];
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    const span = rows.get(row)!;
    const last = out.at(-1);
    if (last && last.bottom === row - 1) {
      last.bottom = row;
      last.left = Math.min(last.left, span.left);
      last.right = Math.max(last.right, span.right);
    } else out.push({ top: row, bottom: row, ...span });
  }
  return out;
}

export function writeCells(sheet: GoogleAppsScript.Spreadsheet.Sheet, writes: readonly CellWrite[], current: GridSnapshot, formatAt: (row: number, col: number) => string): void {
  if (!writes.length) return;
  const byCell = new Map(writes.map((w) => [`${w.row},${w.col}`, w.value]));
  const list = blocks(writes);
  const ranges = list.map((b) => sheet.getRange(b.top, b.left, b.bottom - b.top + 1, b.right - b.left + 1));
  list.forEach((b, i) => {
    const grid: SheetValue[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const line: SheetValue[] = [];
      for (let c = b.left; c <= b.right; c++) {
        const mine = byCell.get(`${r},${c}`);
        line.push(mine !== undefined ? mine : keptValue(current.values[r - 1]?.[c - 1], current.formulas[r - 1]?.[c - 1] ?? '', formatAt(r, c)));
      }
      grid.push(line);
    }
    ranges[i]?.setValues(grid);
  });
}

