/**
 * Whether a command may make its changes, asked before its first write. Sheets refuses an edit of
 * a range or sheet someone else protected with its own raw message, and a command stopped there
 * is half done. One Range.canEdit read over what the command touches answers for almost every
 * sheet; only when it says no are the sheet's protections read, to tell which one is in the way
 * and name it (a protected range the command does not touch lets it go on). A warning-only
 * protection lets everyone edit (Google's Protection.setWarningOnly reference).
 */
import { UserError } from '../core/words/user-error';
import { t, type Lang } from '../core/words/i18n';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** A block of cells, 1-based. */
export interface Area {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** A column Sheets inserts (after `after`), deletes, or moves before column `before`. */
export type ColumnChange =
  | { kind: 'insert'; after: number }
  | { kind: 'delete'; col: number }
  | { kind: 'move'; col: number; before: number };

/** What a command changes on one sheet. */
export interface Changes {
  sheet: Sheet;
  /** Cells it writes: values, formats, notes, validations, rules. */
  cells?: readonly Area[];
  /** A column it inserts, deletes or moves. */
  columns?: ColumnChange;
  /** Rows it inserts after this row (room for the review block under a map). */
  rowsAfter?: number;
  /** The sheet itself: its name, frozen rows, charts, column widths. */
  sheetItself?: boolean;
}

/**
 * A sheet the add-on lays out whole (the plan, the portfolio): every cell of its first `cols`
 * columns, their widths, its frozen rows.
 */
export function laidOut(sheet: Sheet, cols: number): Changes {
  return {
    sheet,
    sheetItself: true,
    cells: [{ row: 1, col: 1, rows: sheet.getMaxRows(), cols }],
  };
}

/**
 * Throws, in `lang`, naming the range or sheet in the way and its description, when any of the
 * changes would edit what the user may not; does nothing otherwise. Call it before the first write.
 */
export function refuseProtected(lang: Lang, changes: readonly Changes[]): void {
  for (const c of changes) {
    const blocker = blockerOn(c);
    if (blocker)
      throw UserError.of(lang, 'err.protected', { place: place(lang, c.sheet, blocker) });
  }
}

export const areaOf = (r: Range): Area => ({
  row: r.getRow(),
  col: r.getColumn(),
  rows: r.getNumRows(),
  cols: r.getNumColumns(),
});

const overlap = (a: Area, b: Area) =>
  a.row < b.row + b.rows &&
  b.row < a.row + a.rows &&
  a.col < b.col + b.cols &&
  b.col < a.col + a.cols;

/** A change of the sheet's rows or columns, or of the sheet itself, not only of cells. */
const structural = (c: Changes): boolean =>
  c.columns !== undefined || c.rowsAfter !== undefined || c.sheetItself === true;

/** What one canEdit covers: the whole sheet for a structural change. */
function covering(c: Changes): Range | null {
  const { sheet } = c;
  if (structural(c)) return sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
  const box = boundingBox(c.cells ?? []);
  return box ? sheet.getRange(box.row, box.col, box.rows, box.cols) : null;
}

/** The smallest block holding all the areas; null for none. */
export function boundingBox(areas: readonly Area[]): Area | null {
  if (!areas.length) return null;
  const top = Math.min(...areas.map((a) => a.row));
  const left = Math.min(...areas.map((a) => a.col));
  const bottom = Math.max(...areas.map((a) => a.row + a.rows - 1));
  const right = Math.max(...areas.map((a) => a.col + a.cols - 1));
  return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}

function blockerOn(c: Changes): Protection | null {
  const range = covering(c);
  if (!range || range.canEdit()) return null;
  const type = SpreadsheetApp.ProtectionType;
  const found = [...c.sheet.getProtections(type.SHEET), ...c.sheet.getProtections(type.RANGE)];
  return found.find((p) => !p.canEdit() && !p.isWarningOnly() && blocks(p, c)) ?? null;
}

function blocks(p: Protection, c: Changes): boolean {
  const cells = c.cells ?? [];
  if (p.getProtectionType() === SpreadsheetApp.ProtectionType.SHEET) {
    if (structural(c)) return true;
    const open = p.getUnprotectedRanges().map(areaOf);
    return cells.some((a) => !within(a, open));
  }
  const range = areaOf(p.getRange());
  return (
    cells.some((a) => overlap(a, range)) ||
    (c.columns ? columnTouches(c.columns, range) : false) ||
    (c.rowsAfter !== undefined && cutByInsert(range.row, range.rows, c.rowsAfter))
  );
}

/** Whether every cell of `a` lies in one of `open`. */
function within(a: Area, open: readonly Area[]): boolean {
  for (let r = a.row; r < a.row + a.rows; r++)
    for (let col = a.col; col < a.col + a.cols; col++)
      if (!open.some((o) => overlap(o, { row: r, col, rows: 1, cols: 1 }))) return false;
  return true;
}

/** Whether lines inserted after line `after` land inside the `count` lines from `first`. */
const cutByInsert = (first: number, count: number, after: number): boolean =>
  first <= after && after < first + count - 1;

/**
 * Whether the column operation takes, moves or splits cells of the range (a protected range, a
 * merge): Sheets refuses it, while a range that merely shifts follows its cells.
 */
export function columnTouches(change: ColumnChange, range: Area): boolean {
  const first = range.col;
  const last = range.col + range.cols - 1;
  const splitBefore = (col: number) => first < col && col <= last;
  if (change.kind === 'insert') return cutByInsert(first, range.cols, change.after);
  const hit = first <= change.col && change.col <= last;
  return change.kind === 'delete' ? hit : hit || splitBefore(change.before);
}

function place(lang: Lang, sheet: Sheet, p: Protection): string {
  const where =
    p.getProtectionType() === SpreadsheetApp.ProtectionType.SHEET
      ? t(lang, 'err.protectedSheet', { sheet: sheet.getName() })
      : t(lang, 'err.protectedRange', {
          range: p.getRange().getA1Notation(),
          sheet: sheet.getName(),
        });
  const description = p.getDescription().trim();
  return description ? t(lang, 'err.protectedDescribed', { place: where, description }) : where;
}
