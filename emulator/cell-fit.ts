// What a reader cannot read of a sheet's cells: text cut by the cell's edge, or a word split across
// lines. Google's WrapStrategy reference
// (https://developers.google.com/apps-script/reference/spreadsheet/wrap-strategy) says how a line
// longer than its cell is drawn: WRAP puts the rest on new lines and "single words that are longer
// than a line are wrapped at the character level" ("Запланирован|о"); OVERFLOW runs into the next
// cell "so long as that cell is empty", else clips like CLIP. The rest is the emulator's reading,
// the least convenient for the add-on:
// - text is measured by text-metrics.ts (DejaVu Sans, wider than Arial) at the cell's font size
//   (10 pt unless formatted, 96 dpi) and weight;
// - a cell keeps 4 px of padding on each side, and a list validation's dropdown (arrow or chip)
//   takes 28 px of its width;
// - overflow runs only rightwards from left-aligned text (text is left-aligned unless formatted;
//   numbers, dates and booleans are right-aligned) across the empty cells that follow, merged ones
//   excluded; right-aligned text runs leftwards the same way; centred text and numbers never
//   overflow (a number wider than its cell is unreadable);
// - a merged range is one cell as wide as its columns.
import { parseA1, type Rect } from './a1';
import { fitText, ptToPx, textWidth } from './text-metrics';
import { DEFAULTS } from './style';
import type { CellSnapshot, SheetSnapshot } from './views';

export const CELL_PADDING = 8;
export const DROPDOWN_WIDTH = 28;

export interface UnreadableCell {
  a1: string;
  text: string;
  /** cut: the line is wider than its room; split: a word is wider than its cell */
  problem: 'cut' | 'split';
  /** the line or the word that does not fit, and what a reader sees of it */
  part: string;
  seen: string;
  /** pixels the part needs, and the room it has */
  need: number;
  room: number;
}

function wraps(attrs: CellSnapshot['attrs']): boolean {
  return (
    attrs?.wrapStrategy === 'WRAP' ||
    (attrs?.wrap === true && attrs.wrapStrategy !== 'OVERFLOW' && attrs.wrapStrategy !== 'CLIP')
  );
}

function hasDropdown(attrs: CellSnapshot['attrs']): boolean {
  const v = attrs?.validation;
  if (!v || (v.criteria !== 'VALUE_IN_LIST' && v.criteria !== 'VALUE_IN_RANGE')) return false;
  // requireValueInList(values, showDropdown): the dropdown shows unless told not to
  return v.values[1] !== false;
}

/** Every cell of the snapshot whose text a reader cannot read whole, in row order. */
export function unreadableCells(snap: SheetSnapshot): UnreadableCell[] {
  const width = (col: number) => snap.colWidths[col] ?? DEFAULTS.columnWidth;
  const cells = new Map(snap.cells.map((c) => [`${c.row},${c.col}`, c]));
  const merges = snap.merges.map(parseRect);
  const mergeAt = (row: number, col: number) =>
    merges.find(
      (m) => row >= m.row && row < m.row + m.rows && col >= m.col && col < m.col + m.cols,
    );
  const empty = (row: number, col: number) => {
    const c = cells.get(`${row},${col}`);
    return (!c || (c.display === '' && !c.formula && !c.error)) && !mergeAt(row, col);
  };
  const out: UnreadableCell[] = [];
  for (const cell of snap.cells) {
    const text = cell.error ? cell.error.code : cell.display;
    if (text === '') continue;
    const merge = mergeAt(cell.row, cell.col);
    if (merge && (merge.row !== cell.row || merge.col !== cell.col)) continue;
    const a = cell.attrs;
    const px = ptToPx(a?.fontSize ?? DEFAULTS.fontSize);
    const bold = a?.fontWeight === 'bold';
    let own = 0;
    for (let c = cell.col; c < cell.col + (merge?.cols ?? 1); c++) own += width(c);
    const inner = own - CELL_PADDING - (hasDropdown(a) ? DROPDOWN_WIDTH : 0);
    const report = (problem: UnreadableCell['problem'], part: string, room: number) =>
      out.push({
        a1: cell.a1,
        text,
        problem,
        part,
        seen: fitText(part, room, px, bold),
        need: Math.ceil(textWidth(part, px, bold)),
        room: Math.floor(room),
      });
    const lines = text.split('\n');
    if (wraps(a)) {
      const word = lines
        .flatMap((l) => l.split(/\s+/))
        .find((w) => w !== '' && textWidth(w, px, bold) > inner);
      if (word !== undefined) report('split', word, inner);
      continue;
    }
    const numeric =
      typeof cell.value === 'number' ||
      typeof cell.value === 'boolean' ||
      cell.value instanceof Date;
    const align =
      (a?.horizontalAlignment ?? '').replace('general-', '') || (numeric ? 'right' : 'left');
    let room = inner;
    const overflow =
      !numeric && a?.wrapStrategy !== 'CLIP' && (align === 'left' || align === 'right');
    if (overflow) {
      const step = align === 'left' ? 1 : -1;
      let c = align === 'left' ? cell.col + (merge?.cols ?? 1) : cell.col - 1;
      while (c >= 1 && c <= snap.maxCols && empty(cell.row, c)) {
        room += width(c);
        c += step;
      }
    }
    const line = lines.find((l) => textWidth(l, px, bold) > room);
    if (line !== undefined) report('cut', line, room);
  }
  return out;
}

/** A merge's A1 range ("B2:D3") as 1-based cells, as the snapshot numbers them. */
function parseRect(a1: string): Rect {
  const rect = parseA1(a1, 0, 0)?.rect;
  if (!rect) throw new Error(`bad A1: ${a1}`);
  return { ...rect, row: rect.row + 1, col: rect.col + 1 };
}
