/**
 * The user's formulas anywhere in the spreadsheet that deleting a map's stage column would break.
 * Sheets' own search (TextFinder, on Google's side) narrows them down to the formulas that name the
 * map's sheet, and those on the map's sheet below it that name the column's letters; each one found
 * is then read and its references parsed, since a mention is not yet a reference.
 */
import { a1, ROW_COUNT } from '../core/map/layout';
import { narrowedByMove, removalEffect } from '../core/map/outside-formulas';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
/** Cells under the map's footer that are the add-on's own (its review block), by row and column. */
export type OwnBelow = (row: number, col: number) => boolean;

export interface RemovalFormulas {
  /** cells ("Report!A1") whose formula would show #REF! */
  broken: string[];
  /** cells whose formula reaches cells its text does not name (INDIRECT, OFFSET, a named range) */
  unchecked: string[];
}

/**
 * The formulas deleting column `col` of `mapSheet` breaks, or may break. The map's own rows and
 * cells (`own`) are not searched (the removal reads them already, or draws them again), nor the
 * column itself (its cells go with it). Two searches and one read per sheet with a hit.
 */
export function formulasOnColumn(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  mapSheet: Sheet,
  col: number,
  own: OwnBelow,
): RemovalFormulas {
  const name = mapSheet.getName();
  const found: RemovalFormulas = { broken: [], unchecked: [] };
  for (const { where, on, formula } of formulasNaming(ss, mapSheet, [col], col, own)) {
    const effect = removalEffect(formula, on, name, col);
    if (effect === 'breaks') found.broken.push(where);
    if (effect === 'unchecked') found.unchecked.push(where);
  }
  return found;
}

/**
 * The cells ("Report!A1") whose formula covers other stages once column `col` of `mapSheet` is
 * moved by `by`: a range over the stages whose edge is the moved column or its neighbour. The
 * add-on's own cells (`own`) are left out: the move draws them again.
 */
export function formulasNarrowedByMove(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  mapSheet: Sheet,
  col: number,
  by: -1 | 1,
  own: OwnBelow,
): string[] {
  const name = mapSheet.getName();
  // One search (a move asks no question, and stays cheap): the sheet's name anywhere, or a reference
  // into either column (a range's edge), which on the map's own sheet is looked for below the map.
  const letters = [col, col + by].map((c) => a1(1, c).replace(/\d+$/, '')).join('|');
  const escaped = name.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  const hits = ss
    .createTextFinder(`${escaped}|\\b(?:${letters})\\$?[0-9:]`)
    .useRegularExpression(true)
    .matchFormulaText(true)
    .findAll();
  return formulasIn(hits, mapSheet, null, own)
    .filter(({ on, formula }) => narrowedByMove(formula, on, name, col, by))
    .map(({ where }) => where);
}

/**
 * The user's formulas that may refer to columns `cols` of the map's sheet: those anywhere that
 * name the sheet, and those on it below the map that name a column's letters (`skip`: a column
 * whose own cells are left out). Sheets' search narrows them down; each is then read.
 */
function formulasNaming(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  mapSheet: Sheet,
  cols: readonly number[],
  skip: number | null,
  own: OwnBelow,
): { where: string; on: string; formula: string }[] {
  const hits = [
    ...ss.createTextFinder(mapSheet.getName()).matchFormulaText(true).findAll(),
    ...cols.flatMap((col) =>
      mapSheet.createTextFinder(a1(1, col).replace(/\d+$/, '')).matchFormulaText(true).findAll(),
    ),
  ];
  return formulasIn(hits, mapSheet, skip, own);
}

/**
 * The formulas of the cells a search found, one read per sheet with a hit; the map's own rows and
 * cells are left out (and `skip`, a column whose own cells are left out too).
 */
function formulasIn(
  hits: readonly Range[],
  mapSheet: Sheet,
  skip: number | null,
  own: OwnBelow,
): { where: string; on: string; formula: string }[] {
  const mapId = mapSheet.getSheetId();
  const bySheet = new Map<number, { sheet: Sheet; cells: Range[] }>();
  for (const hit of hits) {
    const sheet = hit.getSheet();
    const id = sheet.getSheetId();
    const [row, col] = [hit.getRow(), hit.getColumn()];
    if (id === mapId && (row <= ROW_COUNT || col === skip || own(row, col))) continue;
    const group = bySheet.get(id) ?? { sheet, cells: [] };
    group.cells.push(hit);
    bySheet.set(id, group);
  }
  const found: { where: string; on: string; formula: string }[] = [];
  const seen = new Set<string>();
  for (const { sheet, cells } of bySheet.values()) {
    const top = Math.min(...cells.map((c) => c.getRow()));
    const left = Math.min(...cells.map((c) => c.getColumn()));
    const bottom = Math.max(...cells.map((c) => c.getRow()));
    const right = Math.max(...cells.map((c) => c.getColumn()));
    const formulas = sheet.getRange(top, left, bottom - top + 1, right - left + 1).getFormulas();
    const on = sheet.getName();
    for (const cell of cells) {
      const where = `${on}!${a1(cell.getRow(), cell.getColumn())}`;
      const formula = formulas[cell.getRow() - top]?.[cell.getColumn() - left] ?? '';
      if (seen.has(where) || formula === '') continue;
      seen.add(where);
      found.push({ where, on, formula });
    }
  }
  return found;
}
