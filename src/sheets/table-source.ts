/**
 * The cells a table is read from, in one read: the selection (and the rows above it, where a title
 * block sits), or, when one cell is selected, the cells around it, where the table that holds it
 * is looked for. Reading is all this does on the source sheet: nothing here writes to it.
 */
import type { CellWindow, Rect } from '../core/import/find-table';
import type { CellData } from '../core/map/journey';
import { MAX_STAGES } from '../core/map/layout';
import { toCellData } from '../core/map/read-map';
import { asText } from './values';

/** Around one selected cell: rows up and down, columns each side (a map's stages and more). */
const AROUND_ROWS = 100;
const AROUND_COLS = MAX_STAGES + 5;
/** Of a selection: at most this much is read, and the rows above it for the title block. */
export const MAX_ROWS = 300;
export const MAX_COLS = 2 * MAX_STAGES;
const TITLE_ROWS = 10;

export interface TableSource {
  sheetName: string;
  window: CellWindow;
  /** the selection inside the window */
  selection: Rect;
}

/** Reads the cells around the active selection of the active sheet: one read. */
export function readAroundSelection(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): TableSource {
  const sheet = ss.getActiveSheet();
  const range = ss.getActiveRange() ?? sheet.getRange(1, 1);
  const [maxRows, maxCols] = [sheet.getMaxRows(), sheet.getMaxColumns()];
  const [row, col] = [range.getRow(), range.getColumn()];
  const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
  const top = Math.max(1, row - (single ? AROUND_ROWS : TITLE_ROWS));
  const left = single ? Math.max(1, col - AROUND_COLS) : col;
  const bottom = single
    ? Math.min(maxRows, row + AROUND_ROWS)
    : Math.min(range.getLastRow(), row + MAX_ROWS - 1);
  const right = single
    ? Math.min(maxCols, col + AROUND_COLS)
    : Math.min(range.getLastColumn(), col + MAX_COLS - 1);
  const timeZone = ss.getSpreadsheetTimeZone();
  const cells: CellData[][] = sheet
    .getRange(top, left, bottom - top + 1, right - left + 1)
    .getValues()
    .map((line) => line.map((v) => toCellData(v, timeZone)));
  const window: CellWindow = {
    cells,
    row: top,
    col: left,
    open: single
      ? { top: top > 1, left: left > 1, bottom: bottom < maxRows, right: right < maxCols }
      : {
          top: false,
          left: false,
          bottom: bottom < range.getLastRow(),
          right: right < range.getLastColumn(),
        },
  };
  const selection: Rect = {
    row: row - top,
    col: col - left,
    rows: bottom - row + 1,
    cols: right - col + 1,
  };
  return {
    sheetName: sheet.getName(),
    window,
    selection: single ? { ...selection, rows: 1, cols: 1 } : selection,
  };
}

/**
 * Writes rows of cells from (row, col), text as text (never a formula), in one call: cached with
 * the map's own writes.
 */
export function writeCells(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  row: number,
  col: number,
  cells: readonly (readonly CellData[])[],
): void {
  if (!cells.length) return;
  sheet
    .getRange(row, col, cells.length, cells[0]?.length ?? 1)
    .setValues(cells.map((line) => line.map((v) => (typeof v === 'string' ? asText(v) : v))));
}
