/**
 * A user's merged cells where a command works: Sheets refuses a column operation that cuts one, and
 * a value written into a merge's cell other than its top-left is there but hidden under it.
 */
import { a1 } from '../core/map/layout';
import type { Lang } from '../core/words/i18n';
import { UserError } from '../core/words/user-error';
import { areaOf, boundingBox, columnTouches, type Area, type ColumnChange } from './protections';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A merge one column wide moves or goes whole; a wider one is cut by any of its columns. */
const cuts = (change: ColumnChange, merge: Area) => merge.cols > 1 && columnTouches(change, merge);

/**
 * Runs Sheets' column operation `op`. When Sheets refuses it, the sheet's merges are read (only
 * then: a read is a round trip) and one it would cut is named in words; any other failure goes on.
 * Nothing has changed either way.
 */
export function columnOpOrRefusal(
  sheet: Sheet,
  change: ColumnChange,
  lang: Lang,
  op: () => void,
): void {
  try {
    op();
  } catch (e) {
    const whole = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
    const cut = whole.getMergedRanges().find((m) => cuts(change, areaOf(m)));
    if (!cut) throw e;
    throw UserError.of(lang, 'err.mergeCut', {
      range: cut.getA1Notation(),
      sheet: sheet.getName(),
    });
  }
}

/**
 * Refuses, in `lang`, cells to write of which one lies under a merge and is not its top-left: the
 * value would be saved out of sight. One read of the merges around the cells.
 */
export function refuseHiddenCells(
  sheet: Sheet,
  cells: readonly { row: number; col: number }[],
  lang: Lang,
): void {
  const box = boundingBox(cells.map((c) => ({ ...c, rows: 1, cols: 1 })));
  if (!box) return;
  const merges = sheet.getRange(box.row, box.col, box.rows, box.cols).getMergedRanges();
  for (const merge of merges) {
    const m = areaOf(merge);
    const hidden = cells.find(
      (c) =>
        c.row >= m.row &&
        c.row < m.row + m.rows &&
        c.col >= m.col &&
        c.col < m.col + m.cols &&
        !(c.row === m.row && c.col === m.col),
    );
    if (hidden)
      throw UserError.of(lang, 'err.mergeHides', {
        cell: a1(hidden.row, hidden.col),
        range: merge.getA1Notation(),
      });
  }
}
