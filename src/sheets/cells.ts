/**
 * Writes a set of cells of a sheet (one wizard step, the template cells a stage edit
 * changes) touching nothing else: the cells are grouped into rectangles (runs of adjacent
 * cells in a row, stacked where rows below have the same run), and each rectangle is one
 * setValues. No cell outside the set is written, not even with its own content: rewriting
 * a formula makes Sheets compute it again, and a cell read a moment ago may have changed since.
 */
import { a1Range } from '../core/map/layout';
import type { SheetValue } from './values';

export interface CellWrite {
  row: number;
  col: number;
  value: SheetValue;
}

interface Rect {
  top: number;
  left: number;
  values: SheetValue[][];
}

function rectangles(writes: readonly CellWrite[]): Rect[] {
  const sorted = [...writes].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: { row: number; left: number; values: SheetValue[] }[] = [];
  for (const w of sorted) {
    const last = runs.at(-1);
    if (last && last.row === w.row && last.left + last.values.length === w.col) last.values.push(w.value);
    else if (!(last && last.row === w.row && last.left + last.values.length > w.col)) runs.push({ row: w.row, left: w.col, values: [w.value] });
  }
  const out: (Rect & { bottom: number; width: number })[] = [];
  for (const run of runs) {
    const stack = out.find((r) => r.bottom === run.row - 1 && r.left === run.left && r.width === run.values.length);
    if (stack) {
      stack.values.push(run.values);
      stack.bottom = run.row;
    } else out.push({ top: run.row, bottom: run.row, left: run.left, width: run.values.length, values: [run.values] });
  }
  return out;
}

export function writeCells(sheet: GoogleAppsScript.Spreadsheet.Sheet, writes: readonly CellWrite[]): void {
  if (!writes.length) return;
  const rects = rectangles(writes);
  const ranges = sheet.getRangeList(rects.map((r) => a1Range(r.top, r.left, r.values.length, r.values[0]?.length ?? 1))).getRanges();
  rects.forEach((r, i) => ranges[i]?.setValues(r.values));
}
