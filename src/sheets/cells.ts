/**
 * Writes a set of cells of a sheet (one wizard step, the template cells a stage edit
 * changes) touching nothing else: the cells are grouped into rectangles (runs of adjacent
 * cells in a row, stacked where rows below have the same run), and each rectangle is one
 * setValues. No cell outside the set is written, not even with its own content: rewriting
 * a formula makes Sheets compute it again, and a cell read a moment ago may have changed since.
 */
import { a1Range, colName } from '../core/map/layout';
import type { Lang } from '../core/words/i18n';
import { refuseHiddenCells } from './merges';
import { refuseProtected } from './protections';
import type { SheetValue } from './values';

export interface CellWrite {
  row: number;
  col: number;
  value: SheetValue;
}

/** A rectangle of cells to write with one setValues. */
export interface Rect {
  a1: string;
  values: SheetValue[][];
}

export function rectangles(writes: readonly CellWrite[]): Rect[] {
  const sorted = [...writes].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: { row: number; left: number; values: SheetValue[] }[] = [];
  for (const w of sorted) {
    const last = runs.at(-1);
    if (last && last.row === w.row && last.left + last.values.length === w.col)
      last.values.push(w.value);
    else if (!(last && last.row === w.row && last.left + last.values.length > w.col))
      runs.push({ row: w.row, left: w.col, values: [w.value] });
  }
  const out: {
    top: number;
    left: number;
    bottom: number;
    width: number;
    values: SheetValue[][];
  }[] = [];
  for (const run of runs) {
    const stack = out.find(
      (r) => r.bottom === run.row - 1 && r.left === run.left && r.width === run.values.length,
    );
    if (stack) {
      stack.values.push(run.values);
      stack.bottom = run.row;
    } else
      out.push({
        top: run.row,
        bottom: run.row,
        left: run.left,
        width: run.values.length,
        values: [run.values],
      });
  }
  return out.map((r) => ({
    a1: a1Range(r.top, r.left, r.bottom - r.top + 1, r.width),
    values: r.values,
  }));
}

/**
 * Writes the rectangles into their ranges (fetched by the caller, with any others it needs, in one
 * call).
 */
export function fillRanges(
  ranges: readonly GoogleAppsScript.Spreadsheet.Range[],
  rects: readonly Rect[],
): void {
  rects.forEach((r, i) => {
    ranges[i]?.setValues(r.values);
  });
}

/**
 * Writes the cells, or refuses in `lang` before writing any when a colleague protected one of them
 * or one lies hidden under a merge.
 */
export function writeCells(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  writes: readonly CellWrite[],
  lang: Lang,
): void {
  if (!writes.length) return;
  refuseProtected(lang, [{ sheet, cells: writes.map((w) => ({ ...w, rows: 1, cols: 1 })) }]);
  refuseHiddenCells(sheet, writes, lang);
  const rects = rectangles(writes);
  fillRanges(sheet.getRangeList(rects.map((r) => r.a1)).getRanges(), rects);
}

/**
 * Column widths from column A (or `first`): one setColumnWidths per run of equal widths, never a
 * call per cell.
 */
export function setWidths(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  widths: readonly number[],
  first = 1,
): void {
  for (let i = 0; i < widths.length; ) {
    let j = i + 1;
    while (j < widths.length && widths[j] === widths[i]) j++;
    sheet.setColumnWidths(first + i, j - i, widths[i] ?? 100);
    i = j;
  }
}

/**
 * Rows or columns the add-on just inserted, made plain: Sheets gives new lines the formats and
 * validation of a neighbour (a footer's white text, a stage's tint and dropdowns), which is not
 * what the add-on writes there. Number formats stay (clearFormat keeps them): a caller that
 * writes formulas there sets its formats first. No read: whole rows or columns by A1.
 */
export function plainLines(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  axis: 'rows' | 'columns',
  first: number,
  count: number,
): void {
  const last = first + count - 1;
  const a1 = axis === 'rows' ? `${first}:${last}` : `${colName(first)}:${colName(last)}`;
  sheet.getRange(a1).clearFormat().clearDataValidations();
}
