// Copy/paste and sort of a block of cells, shared by Range.copyTo / Range.sort and the
// Workbook's user-action helpers (paste, paste values only, sort). Works on the models
// directly: a source block is read whole before anything is written, so overlapping
// source and destination behave like a clipboard.
import { cellKey, contains, intersects, shiftFormula, type Rect } from './a1';
import type { CellContent } from './cell-input';
import { gasError, notEmulated } from './errors';
import { checkInside } from './range';
import type { CellAttrs, SheetModel } from './sheet-model';
import type { WorkbookModel } from './workbook-model';

export type PasteKind =
  | 'normal'
  | 'noBorders'
  | 'contents'
  | 'formula'
  | 'values'
  | 'format'
  | 'validation'
  | 'columnWidths'
  | 'conditionalFormatting';

/** SpreadsheetApp.CopyPasteType -> what is pasted. */
export const PASTE_KINDS: Record<string, PasteKind> = {
  PASTE_NORMAL: 'normal',
  PASTE_NO_BORDERS: 'noBorders',
  PASTE_FORMAT: 'format',
  PASTE_FORMULA: 'formula',
  PASTE_DATA_VALIDATION: 'validation',
  PASTE_VALUES: 'values',
  PASTE_CONDITIONAL_FORMATTING: 'conditionalFormatting',
  PASTE_COLUMN_WIDTHS: 'columnWidths',
};

/**
 * The cell attributes that are "formatting" (cleared by Clear formatting, pasted by PASTE_FORMAT).
 */
export const FORMAT_KEYS = [
  'numberFormat',
  'background',
  'fontColor',
  'fontWeight',
  'fontStyle',
  'fontSize',
  'wrap',
  'wrapStrategy',
  'horizontalAlignment',
  'verticalAlignment',
] as const satisfies ReadonlyArray<keyof CellAttrs>;

export interface Block {
  sheet: SheetModel;
  rect: Rect;
}

export function pasteRange(wb: WorkbookModel, src: Block, dest: Block, kind: PasteKind): void {
  if (kind === 'conditionalFormatting')
    throw notEmulated('Range.copyTo (PASTE_CONDITIONAL_FORMATTING)');
  const s = src.rect;
  const tile = (destSize: number, srcSize: number): number =>
    destSize >= srcSize && destSize % srcSize === 0 ? destSize : srcSize;
  const out: Rect = {
    row: dest.rect.row,
    col: dest.rect.col,
    rows: tile(dest.rect.rows, s.rows),
    cols: tile(dest.rect.cols, s.cols),
  };
  checkInside(dest.sheet, out);

  if (kind === 'columnWidths') {
    const widths = Array.from({ length: s.cols }, (_, c) => src.sheet.colWidths.get(s.col + c));
    for (let c = 0; c < out.cols; c++) {
      const w = widths[c % s.cols];
      if (w === undefined) dest.sheet.colWidths.delete(out.col + c);
      else dest.sheet.colWidths.set(out.col + c, w);
    }
    return;
  }

  // Snapshot the source first (source and destination may overlap).
  const cells: Array<
    Array<{ content: CellContent; value: CellContent; attrs: CellAttrs | undefined }>
  > = [];
  for (let r = 0; r < s.rows; r++) {
    const line = [];
    for (let c = 0; c < s.cols; c++) {
      const read = wb.engine.read(src.sheet.name, s.row + r, s.col + c);
      const value: CellContent =
        read.value === ''
          ? { kind: 'empty' }
          : { kind: 'value', value: read.error ? read.error.code : read.value };
      const attrs = src.sheet.attr(s.row + r, s.col + c);
      line.push({
        content: wb.engine.content(src.sheet.name, s.row + r, s.col + c),
        value,
        attrs: attrs ? structuredClone(attrs) : undefined,
      });
    }
    cells.push(line);
  }
  const srcMerges = src.sheet.merges.filter(
    (m) =>
      m.row >= s.row &&
      m.col >= s.col &&
      m.row + m.rows <= s.row + s.rows &&
      m.col + m.cols <= s.col + s.cols,
  );

  const pastesContent =
    kind === 'normal' ||
    kind === 'noBorders' ||
    kind === 'contents' ||
    kind === 'formula' ||
    kind === 'values';
  const formatKeys: ReadonlyArray<keyof CellAttrs> =
    kind === 'normal' || kind === 'noBorders'
      ? [...FORMAT_KEYS, 'note', 'validation']
      : kind === 'format'
        ? FORMAT_KEYS
        : kind === 'validation'
          ? ['validation']
          : [];

  const grid: CellContent[][] = [];
  for (let r = 0; r < out.rows; r++) {
    const line: CellContent[] = [];
    for (let c = 0; c < out.cols; c++) {
      const from = cells[r % s.rows]?.[c % s.cols];
      if (!from) continue;
      const row = out.row + r;
      const col = out.col + c;
      if (kind === 'values') line.push(from.value);
      else if (from.content.kind === 'formula') {
        const srcRow = s.row + (r % s.rows);
        const srcCol = s.col + (c % s.cols);
        line.push({
          kind: 'formula',
          text: shiftFormula(from.content.text, row - srcRow, col - srcCol),
        });
      } else line.push(from.content);
      for (const k of formatKeys) dest.sheet.setAttr(row, col, k, from.attrs?.[k] as never);
    }
    grid.push(line);
  }

  if (kind === 'normal' || kind === 'noBorders') {
    dest.sheet.merges = dest.sheet.merges.filter((m) => !intersects(m, out));
    for (let tr = 0; tr < out.rows; tr += s.rows) {
      for (let tc = 0; tc < out.cols; tc += s.cols) {
        for (const m of srcMerges)
          dest.sheet.merges.push({
            ...m,
            row: out.row + tr + (m.row - s.row),
            col: out.col + tc + (m.col - s.col),
          });
      }
    }
  }
  if (pastesContent) wb.engine.write(dest.sheet.name, out.row, out.col, grid);
}

export interface SortKey {
  /** 0-based sheet column. */
  col: number;
  ascending: boolean;
}

/**
 * Sheets' order: numbers, then text (case-insensitive), then booleans, then errors; blanks always
 * last.
 */
function rank(v: unknown, isError: boolean): number {
  if (v === '' || v === null || v === undefined) return 4;
  if (isError) return 3;
  if (typeof v === 'number') return 0;
  if (typeof v === 'string') return 1;
  return 2;
}

export function sortRows(wb: WorkbookModel, sheet: SheetModel, rect: Rect, keys: SortKey[]): void {
  if (keys.length === 0) return;
  for (const k of keys) {
    if (!Number.isInteger(k.col) || k.col < rect.col || k.col >= rect.col + rect.cols) {
      throw gasError(`The sort column ${k.col + 1} is outside the range being sorted.`);
    }
  }
  if (sheet.merges.some((m) => intersects(m, rect)))
    throw gasError('You cannot sort a range that contains merged cells.');
  const lang = wb.locale.split(/[_-]/)[0] || 'en';
  const read = (row: number, col: number): { v: unknown; err: boolean } => {
    const cell = wb.engine.read(sheet.name, row, col);
    return { v: cell.value, err: cell.error !== undefined };
  };
  const rows = Array.from({ length: rect.rows }, (_, i) => rect.row + i);
  const keyValues = new Map(rows.map((row) => [row, keys.map((k) => read(row, k.col))]));
  const order = [...rows].sort((a, b) => {
    const ka = keyValues.get(a) ?? [];
    const kb = keyValues.get(b) ?? [];
    for (let i = 0; i < keys.length; i++) {
      const x = ka[i] ?? { v: '', err: false };
      const y = kb[i] ?? { v: '', err: false };
      const rx = rank(x.v, x.err);
      const ry = rank(y.v, y.err);
      let cmp = 0;
      if (rx === 4 || ry === 4)
        cmp = rx - ry; // blanks last, whatever the direction
      else if (rx !== ry) cmp = (rx - ry) * (keys[i]?.ascending ? 1 : -1);
      else {
        if (rx === 0) cmp = (x.v as number) - (y.v as number);
        else if (rx === 1 || rx === 3)
          cmp = String(x.v).localeCompare(String(y.v), lang, { sensitivity: 'base' });
        else cmp = Number(x.v) - Number(y.v);
        cmp *= keys[i]?.ascending ? 1 : -1;
      }
      if (cmp !== 0) return cmp;
    }
    return a - b; // stable
  });
  if (order.every((row, i) => row === rect.row + i)) return;

  const grid: CellContent[][] = [];
  const attrs: Array<[string, CellAttrs]> = [];
  order.forEach((from, i) => {
    const to = rect.row + i;
    const line: CellContent[] = [];
    for (let c = rect.col; c < rect.col + rect.cols; c++) {
      const content = wb.engine.content(sheet.name, from, c);
      line.push(
        content.kind === 'formula'
          ? { kind: 'formula', text: shiftFormula(content.text, to - from, 0) }
          : content,
      );
      const a = sheet.attr(from, c);
      if (a) attrs.push([cellKey(to, c), structuredClone(a)]);
    }
    grid.push(line);
  });
  for (const k of [...sheet.attrs.keys()]) {
    const [r, c] = k.split(',').map(Number) as [number, number];
    if (contains(rect, r, c)) sheet.attrs.delete(k);
  }
  for (const [k, a] of attrs) sheet.attrs.set(k, a);
  wb.engine.write(sheet.name, rect.row, rect.col, grid);
}
