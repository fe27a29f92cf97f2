// Who may change what: protections by another owner and merges, enforced on every script write
// (the Guard calls checkEdit before each call of the Spreadsheet service). What a user does in the
// grid (Workbook's user actions) is theirs and is not checked here.
//
// Google's Protection reference
// (https://developers.google.com/apps-script/reference/spreadsheet/protection) says: the
// spreadsheet owner can always edit protected ranges and sheets (canEdit); a protection a script
// makes mirrors the spreadsheet's own editors until its editor list is changed; a protected sheet
// may have unprotected ranges; a warning-only protection lets every user edit (setWarningOnly).
// A refused edit throws Sheets' own message. The reference is silent on which structural edits
// touch a protected range, and on resizing, hiding or grouping its rows and columns; the emulator
// takes the reading least convenient for the add-on:
//   - a protected sheet refuses every insert, delete, move, resize, hide, group, rename, frozen
//     pane, rule and chart change, whatever its unprotected ranges;
//   - a protected range refuses an insert that cuts into it (new rows or columns inside it), a
//     delete of any of its rows or columns, a move of any of them or into its middle, and a
//     resize, hide or group of its rows or columns; a range that merely shifts follows its cells.
// Merges (https://developers.google.com/apps-script/reference/spreadsheet/range#merge()) refuse a
// merge or unmerge of part of a merged range; the reference is silent on inserts, deletes and
// moves that cut one, which the emulator refuses the same way (the pessimistic reading): an
// insert inside it, a delete or move of part of it, a move into its middle.
import { intersects, type Rect } from './a1';
import { costKind, isSelectionChange } from './cost';
import { gasError } from './errors';
import type { ProtectionSpec, SheetModel } from './sheet-model';
import type { WorkbookModel } from './workbook-model';

export const MERGE_MESSAGE =
  'You must select all cells in a merged range to merge or unmerge them.';
export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** Whether the current user may edit what `spec` protects. */
export function mayEdit(wb: WorkbookModel, spec: ProtectionSpec): boolean {
  if (spec.warningOnly || wb.userEmail === wb.ownerEmail) return true;
  return !spec.editors || spec.editors.includes(wb.userEmail);
}

const inAny = (rects: readonly Rect[], row: number, col: number) =>
  rects.some((r) => row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols);

/** Whether a sheet protection covers some cell of `rect` outside its unprotected ranges. */
function sheetProtectionCovers(spec: ProtectionSpec, rect: Rect): boolean {
  const open = spec.unprotected ?? [];
  if (!open.some((u) => intersects(u, rect))) return true;
  for (let r = rect.row; r < rect.row + rect.rows; r++)
    for (let c = rect.col; c < rect.col + rect.cols; c++) if (!inAny(open, r, c)) return true;
  return false;
}

/** The protection the user may not edit that covers a cell of `rect`, if any. */
export function blockingProtection(
  wb: WorkbookModel,
  sheet: SheetModel,
  rect: Rect,
): ProtectionSpec | undefined {
  return sheet.protections.find(
    (p) => !mayEdit(wb, p) && (p.rect ? intersects(p.rect, rect) : sheetProtectionCovers(p, rect)),
  );
}

function refuse(): never {
  throw gasError(PROTECTED_MESSAGE);
}

export function assertCells(wb: WorkbookModel, sheet: SheetModel, rect: Rect): void {
  if (blockingProtection(wb, sheet, rect)) refuse();
}

/** A change of the sheet itself (name, panes, rules, charts): any sheet protection refuses it. */
export function assertSheet(wb: WorkbookModel, sheet: SheetModel): void {
  if (sheet.protections.some((p) => !p.rect && !mayEdit(wb, p))) refuse();
}

export type Axis = 'row' | 'col';
/** A structural edit along one axis, in 0-based indexes of the sheet before it. */
export type Structural =
  | { kind: 'insert'; at: number }
  | { kind: 'delete'; from: number; n: number }
  | { kind: 'move'; from: number; n: number; to: number };

const span = (r: Rect, axis: Axis): [number, number] =>
  axis === 'row' ? [r.row, r.row + r.rows - 1] : [r.col, r.col + r.cols - 1];

/** Whether the edit cuts into cells spanning [a, b], or deletes or moves any of them. */
function touches(e: Structural, [a, b]: [number, number]): boolean {
  const cutAt = (p: number) => a < p && p <= b;
  if (e.kind === 'insert') return cutAt(e.at);
  const hit = a <= e.from + e.n - 1 && e.from <= b;
  return e.kind === 'delete' ? hit : hit || cutAt(e.to);
}

/** Whether the edit cuts the merge spanning [a, b]: taking or moving part of it, or splitting it. */
function cutsMerge(e: Structural, [a, b]: [number, number]): boolean {
  if (a === b) return false;
  const cutAt = (p: number) => a < p && p <= b;
  if (e.kind === 'insert') return cutAt(e.at);
  const last = e.from + e.n - 1;
  const partly = a <= last && e.from <= b && !(e.from <= a && b <= last);
  return e.kind === 'delete' ? partly : partly || cutAt(e.to);
}

/** Refuses a structural edit that touches a protected range or sheet, or cuts a merge. */
export function assertStructural(
  wb: WorkbookModel,
  sheet: SheetModel,
  axis: Axis,
  e: Structural,
): void {
  for (const p of sheet.protections) {
    if (mayEdit(wb, p)) continue;
    if (!p.rect || touches(e, span(p.rect, axis))) refuse();
  }
  if (sheet.merges.some((m) => cutsMerge(e, span(m, axis)))) throw gasError(MERGE_MESSAGE);
}

/** Rows or columns [from, from + n) resized, hidden or grouped: a change to all their cells. */
export function assertLines(
  wb: WorkbookModel,
  sheet: SheetModel,
  axis: Axis,
  from: number,
  n: number,
): void {
  assertSheet(wb, sheet);
  const rect =
    axis === 'row'
      ? { row: from, col: 0, rows: n, cols: sheet.maxCols }
      : { row: 0, col: from, rows: sheet.maxRows, cols: n };
  for (const p of sheet.protections)
    if (p.rect && !mayEdit(wb, p) && intersects(p.rect, rect)) refuse();
}

const whole = (s: SheetModel): Rect => ({ row: 0, col: 0, rows: s.maxRows, cols: s.maxCols });

interface Handle {
  _sheet: SheetModel;
  _rect: Rect;
}
interface ProtectionHandle {
  _sheet: SheetModel;
  _spec: ProtectionSpec;
}

/** Sheet methods that change what a user sees of the sheet as a whole. */
const SHEET_LEVEL = new Set([
  'setName',
  'setFrozenRows',
  'setFrozenColumns',
  'insertChart',
  'removeChart',
  'protect',
  'collapseAllRowGroups',
  'expandAllRowGroups',
  'collapseAllColumnGroups',
  'expandAllColumnGroups',
]);

const second = (a: unknown[]) => (a[1] === undefined ? 1 : Number(a[1]));
/**
 * Sheet calls that resize, hide, show or group rows or columns: (first 1-based position, count)
 * from the call's arguments.
 */
const LINES: Record<string, { axis: Axis; count: (args: unknown[]) => number }> = {
  setColumnWidth: { axis: 'col', count: () => 1 },
  setColumnWidths: { axis: 'col', count: second },
  hideColumns: { axis: 'col', count: second },
  hideRows: { axis: 'row', count: second },
  showRows: { axis: 'row', count: second },
};
/** Range calls that group its rows or columns: a change to every cell of those lines. */
const GROUPS: Record<string, Axis> = { shiftRowGroupDepth: 'row', shiftColumnGroupDepth: 'col' };

/** The structural edit a Sheet call makes, from its arguments (1-based positions). */
function structuralOf(method: string, args: unknown[]): { axis: Axis; e: Structural } | null {
  const axis: Axis = /Column/.test(method) ? 'col' : 'row';
  const n = (i: number) => (args[i] === undefined ? 1 : Number(args[i]));
  const pos = Number(args[0]);
  if (/^insert\w+After$/.test(method)) return { axis, e: { kind: 'insert', at: pos } };
  if (/^insert\w+Before$/.test(method)) return { axis, e: { kind: 'insert', at: pos - 1 } };
  if (/^delete(Columns?|Rows?)$/.test(method))
    return { axis, e: { kind: 'delete', from: pos - 1, n: n(1) } };
  if (method === 'moveColumns') {
    const r = args[0] as Handle;
    return {
      axis,
      e: { kind: 'move', from: r._rect.col, n: r._rect.cols, to: Number(args[1]) - 1 },
    };
  }
  return null;
}

/**
 * Checks a call of the Spreadsheet service before it runs; throws Sheets' message when it would
 * change what the user may not edit. `target` and `args` are the emulator's own objects.
 */
export function checkEdit(
  wb: WorkbookModel,
  typeName: string,
  method: string,
  target: unknown,
  args: unknown[],
): void {
  const kind = costKind(typeName, method);
  if (kind !== 'write' && kind !== 'structural') return;
  if (isSelectionChange(typeName, method)) return;
  const group = typeName === 'Range' ? GROUPS[method] : undefined;
  if (group) {
    const r = target as Handle;
    const [from, n] = group === 'row' ? [r._rect.row, r._rect.rows] : [r._rect.col, r._rect.cols];
    assertLines(wb, r._sheet, group, from, n);
  } else if (typeName === 'Range') {
    const r = (method === 'copyTo' ? args[0] : target) as Handle;
    assertCells(wb, r._sheet, r._rect);
  } else if (typeName === 'RangeList') {
    for (const r of (target as { _ranges: Handle[] })._ranges) assertCells(wb, r._sheet, r._rect);
  } else if (typeName === 'Sheet')
    checkSheetCall(wb, target as { _sheet: SheetModel }, method, args);
  else if (typeName === 'Spreadsheet' && method === 'deleteSheet') {
    const s = (args[0] as { _sheet: SheetModel })._sheet;
    assertSheet(wb, s);
    assertCells(wb, s, whole(s));
  } else if (typeName === 'Protection') {
    if (!mayEdit(wb, (target as ProtectionHandle)._spec)) refuse();
  }
}

function checkSheetCall(
  wb: WorkbookModel,
  target: { _sheet: SheetModel },
  method: string,
  args: unknown[],
): void {
  const s = target._sheet;
  const structural = structuralOf(method, args);
  const lines = LINES[method];
  if (structural) assertStructural(wb, s, structural.axis, structural.e);
  else if (lines) assertLines(wb, s, lines.axis, Number(args[0]) - 1, lines.count(args));
  else if (SHEET_LEVEL.has(method)) assertSheet(wb, s);
  else if (method === 'setConditionalFormatRules') {
    assertSheet(wb, s);
    for (const rule of args[0] as { _draft: { spec: { ranges: Rect[] } } }[])
      for (const rect of rule._draft.spec.ranges) assertCells(wb, s, rect);
  } else {
    // clear, clearContents, sort and anything else that writes cells: the whole sheet.
    assertSheet(wb, s);
    assertCells(wb, s, whole(s));
  }
}
