/**
 * How wide a text will be drawn, estimated from its characters, to size columns and charts so their
 * text is whole. Sheets draws in Arial; no call measures text, so each character counts by its
 * kind, as wide as the widest of its kind (in em, regular and bold): letters of Cyrillic are wider
 * than Latin ones, capitals than small letters, and ж, ш, щ, ю, ы, ф, м, ъ, m, w the widest. The
 * estimate errs wide on purpose (it is taken from DejaVu Sans, wider than Arial), so a column sized
 * by it holds its text in Sheets.
 */

type Em = readonly [regular: number, bold: number];

const NARROW: Em = [0.42, 0.5];
const DIGIT: Em = [0.64, 0.7];
const LATIN: Em = [0.64, 0.72];
const LATIN_CAP: Em = [0.79, 0.85];
const CYRILLIC: Em = [0.7, 0.81];
const CYRILLIC_CAP: Em = [0.8, 0.93];
const WIDE: Em = [0.98, 1.11];
const WIDE_CAP: Em = [1.1, 1.33];
const SYMBOL: Em = [0.84, 0.88];
const OTHER: Em = [1.05, 1.21];

const NARROW_CHARS = new Set([..." \u00a0\u202f.,:;'’‘|!()[]/\\·-ilIjJftr"]);
const WIDE_CHARS = new Set([...'mwжшщюыфмъ']);
const WIDE_CAPS = new Set([...'MWЖШЩЮЫФМЪ']);

function em(c: string): Em {
  if (NARROW_CHARS.has(c)) return NARROW;
  if (WIDE_CHARS.has(c)) return WIDE;
  if (WIDE_CAPS.has(c)) return WIDE_CAP;
  if (c >= '0' && c <= '9') return DIGIT;
  if (c >= 'a' && c <= 'z') return LATIN;
  if (c >= 'A' && c <= 'Z') return LATIN_CAP;
  if ((c >= 'а' && c <= 'я') || c === 'ё') return CYRILLIC;
  if ((c >= 'А' && c <= 'Я') || c === 'Ё') return CYRILLIC_CAP;
  if ('"*_`~^<>+=#$&?{}«»–“”€£₽₸'.includes(c)) return SYMBOL;
  return OTHER;
}

/**
 * One line of `text` in thousandths of an em: whole numbers, so that no rounding error of adding
 * decimals (10.95 em read as 10.950000000000001) takes a column a pixel past its width.
 */
function milliEms(text: string, bold: boolean): number {
  let sum = 0;
  for (const c of text) sum += Math.round(em(c)[bold ? 1 : 0] * 1000);
  return sum;
}

/** Pixels one line of `text` takes at `px` pixels (a chart's text sizes are in pixels). */
export function textWidthPx(text: string, px: number, bold = false): number {
  return (milliEms(text, bold) * px) / 1000;
}

/** Pixels one line of `text` takes in a cell of font size `pt` (Sheets' default is 10; 96 dpi). */
export function cellTextWidth(text: string, pt = 10, bold = false): number {
  return (milliEms(text, bold) * pt * 96) / (72 * 1000);
}

/** Pixels the widest word of `text` takes: what a wrapping cell must hold not to split a word. */
export function widestWord(text: string, pt = 10, bold = false): number {
  return Math.max(0, ...text.split(/\s+/).map((w) => cellTextWidth(w, pt, bold)));
}

/** A cell's padding, both sides, and the width a list's dropdown (arrow or chip) takes. */
export const CELL_PADDING_PX = 8;
export const DROPDOWN_PX = 28;

/** A text a column must hold: on one line, or (wrapped) without splitting a word. */
export interface ColumnText {
  text: string;
  /** font size, pt (10 unless given) */
  pt?: number;
  bold?: boolean;
  /** wraps in its cell: only its widest word must fit */
  wrap?: boolean;
  /** the cell shows a list's dropdown */
  dropdown?: boolean;
}

/** The widest column Sheets is asked for: a longer word than this may split. */
export const MAX_COLUMN_PX = 480;

/** A column's width in pixels: at least `least`, enough for every text (up to MAX_COLUMN_PX). */
export function columnWidth(least: number, texts: readonly ColumnText[]): number {
  let need = least;
  for (const c of texts) {
    const width = c.wrap ? widestWord(c.text, c.pt, c.bold) : cellTextWidth(c.text, c.pt, c.bold);
    need = Math.max(need, width + CELL_PADDING_PX + (c.dropdown ? DROPDOWN_PX : 0));
  }
  return Math.min(MAX_COLUMN_PX, Math.max(least, Math.ceil(need)));
}

/**
 * Widths so that a line that runs on over empty cells (a title, a note: no wrap) holds in
 * columns `from`..`to` (0-based, inclusive): the column `grow` takes what is missing.
 */
export function roomAcross(
  widths: number[],
  text: ColumnText,
  from: number,
  to: number,
  grow: number,
): void {
  const need = Math.ceil(cellTextWidth(text.text, text.pt, text.bold) + CELL_PADDING_PX);
  const have = widths.slice(from, to + 1).reduce((a, b) => a + b, 0);
  if (have < need) widths[grow] = (widths[grow] ?? 0) + need - have;
}
