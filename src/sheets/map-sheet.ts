/**
 * The map sheet's own calls that the server's commands need besides reading and writing the map:
 * its name and id, the stage under the selection and where the selection goes after a stage edit,
 * Sheets' column operations for a stage edit, and the cells around the map. Each is one service
 * call or a fixed few (the benchmark counts them).
 */
import type { StageEdit } from '../core/map/edits';
import { a1, FIRST_STAGE_COL, LABEL_COL, ROW, ROW_COUNT, stageCol } from '../core/map/layout';
import { toCellData } from '../core/map/read-map';
import type { Lang } from '../core/words/i18n';
import { columnOpOrRefusal } from './merges';
import type { ColumnChange } from './protections';
import { asText } from './values';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const sheetName = (sheet: Sheet): string => sheet.getName();

/** The stage header row from the first stage column on, as the sheet holds it: one read. */
export function headerRow(sheet: Sheet): unknown[] {
  return (sheet.getRange(`${ROW.header}:${ROW.header}`).getValues()[0] ?? []).slice(
    FIRST_STAGE_COL - 1,
  );
}
export const sheetId = (sheet: Sheet): number => sheet.getSheetId();

/** The sheet with this id (ids survive renames and moves), or null when it was deleted. */
export function sheetById(ss: Spreadsheet, id: number): Sheet | null {
  return ss.getSheets().find((s) => s.getSheetId() === id) ?? null;
}

/**
 * The selected cell: the index of the stage whose column holds it (null outside the stages), and
 * its row, asked for only when needed (one more call).
 */
export function selectedStage(
  ss: Spreadsheet,
  stages: number,
): { stage: number | null; row: () => number } {
  const cell = ss.getActiveCell();
  const col = cell.getColumn();
  return {
    stage: col >= FIRST_STAGE_COL && col < FIRST_STAGE_COL + stages ? col - FIRST_STAGE_COL : null,
    row: () => cell.getRow(),
  };
}

/**
 * The row of the selected cell when the user is looking at `sheet`; null when another sheet is
 * shown (its selection is not the add-on's to move, and selecting on `sheet` would switch to it).
 */
export function selectedRowOn(ss: Spreadsheet, sheet: Sheet): number | null {
  if (ss.getActiveSheet().getSheetId() !== sheet.getSheetId()) return null;
  return ss.getActiveCell().getRow();
}

/**
 * Selects one cell of `sheet`, the sheet the user is looking at: one call, cached with the writes
 * (no round trip of its own).
 */
export function selectCell(sheet: Sheet, row: number, col: number): void {
  sheet.setActiveSelection(a1(row, col));
}

/**
 * What a user typed in the column under the map (the map is read down to its footer only):
 * deleting the stage's column takes it too. One call to learn the sheet's extent; the column
 * below is read only when something is there.
 */
export function cellsBelowMap(sheet: Sheet, col: number): string[] {
  const last = sheet.getLastRow();
  if (last <= ROW_COUNT) return [];
  const below = sheet.getRange(ROW_COUNT + 1, col, last - ROW_COUNT, 1).getValues();
  return below.flatMap(([v], i) =>
    toCellData(v) === '' ? [] : [`${ROW_COUNT + 1 + i}:${String(v)}`],
  );
}

/** The column Sheets inserts, deletes or moves for a stage edit (a rename changes none). */
export function columnChange(e: StageEdit): ColumnChange {
  if (e.kind === 'add') return { kind: 'insert', after: stageCol(e.after) };
  if (e.kind === 'remove') return { kind: 'delete', col: stageCol(e.index) };
  return { kind: 'move', col: stageCol(e.index), before: stageCol(e.index) + (e.by < 0 ? -1 : 2) };
}

/**
 * Sheets' own column operation for a stage edit: it moves the content and adjusts every
 * reference to it. One that would cut a user's merge is refused in `lang`.
 */
export function reshapeColumns(sheet: Sheet, e: StageEdit, lang: Lang): void {
  const c = columnChange(e);
  columnOpOrRefusal(sheet, c, lang, () => {
    if (c.kind === 'insert') sheet.insertColumnAfter(c.after);
    if (c.kind === 'delete') sheet.deleteColumn(c.col);
    if (c.kind === 'move') sheet.moveColumns(sheet.getRange(1, c.col), c.before);
  });
}

/**
 * Of the stages next to `stage` (it and one each side), the ones whose columns a user hid
 * (indexes): whether a column is hidden is the sheet's metadata, like its width (no read), and
 * asking about three columns keeps the calls the same for any map.
 */
export function hiddenStagesAround(sheet: Sheet, stage: number, stages: number): number[] {
  return [stage - 1, stage, stage + 1].filter(
    (i) => i >= 0 && i < stages && sheet.isColumnHiddenByUser(stageCol(i)),
  );
}

/** The formulas of the sheet's top-left block, as Sheets shows them (in the locale's syntax). */
export function formulasOf(sheet: Sheet, rows: number, cols: number): string[][] {
  return sheet.getRange(1, 1, rows, cols).getFormulas();
}

/** The cell that holds the map's name. */
export const nameCell = { row: ROW.name, col: LABEL_COL + 1 };

/** The map's name in its title cell, as text whatever it starts with. */
export function writeMapName(sheet: Sheet, name: string): void {
  sheet.getRange(nameCell.row, nameCell.col).setValue(asText(name));
}

/** The label of the map's name row: it says which language the map was made in. */
export function nameLabel(sheet: Sheet): unknown {
  return sheet.getRange(ROW.name, LABEL_COL).getValue();
}

/** One number format for these cells, in one call. */
export function formatCells(sheet: Sheet, a1s: string[], format: string): void {
  sheet.getRangeList(a1s).setNumberFormat(format);
}
