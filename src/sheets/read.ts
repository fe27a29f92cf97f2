/** Reads a sheet's cells once and recognises the map in them. */
import { dialectOf, fromLocaleSyntax } from '../core/map/formula-syntax';
import { ROW, ROW_COUNT } from '../core/map/layout';
import { BLOCK_LAST_ROW } from '../core/review/block';
import { readJourney, toCellData, type ReadResult } from '../core/map/read-map';
import type { GridSnapshot } from './apply';

export interface MapRead {
  snapshot: GridSnapshot;
  result: ReadResult;
}

/**
 * A sheet's cells, values and formulas, as its data range would give them (its blank rows and
 * columns at the end dropped), in two reads: the sheet's size is metadata, where the data range's
 * extent would be a read of its own.
 */
export function sheetCells(sheet: GoogleAppsScript.Spreadsheet.Sheet): GridSnapshot {
  const range = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
  const values = range.getValues();
  const formulas = range.getFormulas();
  const filled = (r: number, c: number) =>
    (values[r]?.[c] ?? '') !== '' || (formulas[r]?.[c] ?? '') !== '';
  let rows = 0;
  let cols = 0;
  for (let r = 0; r < values.length; r++)
    for (let c = 0; c < (values[r]?.length ?? 0); c++)
      if (filled(r, c)) {
        rows = r + 1;
        cols = Math.max(cols, c + 1);
      }
  const cut = <T>(grid: T[][]) => grid.slice(0, rows).map((line) => line.slice(0, cols));
  return { values: cut(values), formulas: cut(formulas) };
}

/**
 * The sheet's used cells (an action plan, the portfolio); formulas only when asked (they cost a
 * read).
 */
export function snapshot(sheet: GoogleAppsScript.Spreadsheet.Sheet, formulas = true): GridSnapshot {
  const range = sheet.getDataRange();
  return { values: range.getValues(), formulas: formulas ? range.getFormulas() : [] };
}

/**
 * A map sheet's cells: the map's rows and its review block, every column, in one read (the sheet's size is
 * metadata the script already has; the data range would be a read of its own).
 */
export function mapCells(sheet: GoogleAppsScript.Spreadsheet.Sheet, formulas = true): GridSnapshot {
  const range = sheet.getRange(
    1,
    1,
    Math.min(sheet.getMaxRows(), BLOCK_LAST_ROW),
    sheet.getMaxColumns(),
  );
  return {
    values: range.getValues(),
    formulas: formulas ? englishFormulas(range.getFormulas()) : [],
  };
}

/**
 * Formulas as the add-on plans and compares them (English syntax), whichever syntax the sheet
 * answers in.
 */
export function englishFormulas(formulas: string[][]): string[][] {
  return dialectOf(formulas) === 'locale'
    ? formulas.map((line) => line.map(fromLocaleSyntax))
    : formulas;
}

/**
 * Columns of a first look at a big sheet that may not be a map: the map's 53 rows × 18 columns stay
 * under 1,000 cells.
 */
const FIRST_LOOK_COLS = 18;
/**
 * Rows of a new sheet: a map has them; a sheet grown past them is a data sheet until it shows a
 * map.
 */
const NEW_SHEET_ROWS = 1000;

/**
 * Reads the sheet a menu command runs on and recognises the map in it (`zone`: the spreadsheet's
 * time zone, asked when a date cell is read). Any sheet may be active, a 50,000-row data sheet
 * among them, so only the map's rows are read; of a big sheet, at first only 18 columns (a map of
 * up to 16 stages), the rest only if the map goes on.
 */
export function readMap(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  formulas: boolean,
  zone: () => string,
): MapRead {
  const maxRows = sheet.getMaxRows();
  const big = maxRows > NEW_SHEET_ROWS;
  // a big sheet's first look stops at the footer; its review block is read once it is a map
  let rows = Math.min(maxRows, big ? ROW_COUNT : BLOCK_LAST_ROW);
  const width = sheet.getMaxColumns();
  const look = big ? Math.min(width, FIRST_LOOK_COLS) : width;
  const first = sheet.getRange(1, 1, rows, look);
  let values = first.getValues();
  let result = readJourney(values, zone);
  if (!result.ok && result.problem === 'notMap')
    return { snapshot: { values, formulas: [] }, result };
  const edge = (row: number) => toCellData(values[row - 1]?.[look - 1]) !== '';
  const widen = width > look && (edge(ROW.footer) || edge(ROW.header));
  if (widen) {
    const rest = sheet.getRange(1, look + 1, rows, width - look).getValues();
    values = values.map((line, r) => [...line, ...(rest[r] ?? [])]);
    result = readJourney(values, zone);
  }
  if (big) {
    const under = sheet.getRange(ROW_COUNT + 1, 1, BLOCK_LAST_ROW - ROW_COUNT, width).getValues();
    values = [...values.map((line) => [...line, ...Array(width - line.length).fill('')]), ...under];
    rows = BLOCK_LAST_ROW;
  }
  if (!formulas) return { snapshot: { values, formulas: [] }, result };
  // the formulas of the cells read: of the first range itself when that was all (no second call)
  const cols = values[0]?.length ?? 1;
  const range = big || widen ? sheet.getRange(1, 1, rows, cols) : first;
  return { snapshot: { values, formulas: englishFormulas(range.getFormulas()) }, result };
}
