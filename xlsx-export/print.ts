/**
 * How a sheet of the export prints, set up the way a person would before printing a map. Apps
 * Script has no print-setup API, so this is the export's; in Sheets the user's own print settings
 * apply.
 *
 * - Rows as high as their wrapped text: Sheets grows a row to fit it, a file keeps a fixed
 *   height, and LibreOffice would draw the extra lines over the next rows.
 * - The add-on's sheets landscape, fitted to the page width, the header row on every page
 *   (xlsx.ts), a print area of the content and the charts.
 * - A map's charts beside its persona and product card instead of below the map, and page
 *   breaks where Excel's pages end, moved up where one would cut a chart (see placeCharts and
 *   printLayout): the worked example prints on two landscape pages.
 * - The template's technical markers (a map's footer row) hidden: they are there for the add-on,
 *   which reads the cells, not for a reader, so they neither print nor catch the eye.
 * - On the add-on's sheets, a column widened where text that does not wrap would be cut (a long
 *   map name over the last stage column); text longer than a widened column can hold (the action
 *   plan's note, a paragraph) wraps instead, across the empty cells it runs over, in a row as high
 *   as its lines: widened to hold it, the column would shrink the whole sheet to an unreadable
 *   scale, and text cut at the print area's edge runs on over the margin to the paper's edge.
 *
 * Text is measured from DejaVu Sans's glyph widths scaled to Arial's, the cells' font, plus a
 * margin, so an estimate errs towards a taller row.
 */
import {
  FIRST_STAGE_COL,
  isSideMarker,
  LABEL_COL,
  parseFooter,
  parseStageMarker,
  ROW,
} from '../src/core/map/layout';
import type { CellAttrs, SourceSheet } from './source';

/** Sheets' default row (21 px) and column (100 px). */
export const DEFAULT_ROW_PX = 21;
export const DEFAULT_COL_PX = 100;
const PT_PER_PX = 0.75;

/**
 * Advance widths (hundredths of an em) of DejaVu Sans, read from its font file: printable ASCII
 * from the space on, then Cyrillic А..я, Ё, ё.
 */
const ASCII_EM =
  '32 40 46 84 64 95 78 27 39 39 50 84 32 36 32 34 64 64 64 64 64 64 64 64 64 64 34 34 84 84 84 53 100 68 69 70 77 63 58 77 75 29 29 66 56 86 75 79 60 79 69 63 61 73 68 99 69 61 69 39 34 39 84 50 50 61 63 55 63 62 35 63 63 28 28 58 28 97 63 61 63 63 41 52 39 63 59 82 59 59 52 64 34 64 84'
    .split(' ')
    .map(Number);
const CYRILLIC_EM =
  '68 69 69 61 78 63 108 64 75 75 71 75 86 75 79 75 60 70 61 61 86 69 78 69 107 109 83 88 69 70 108 69 61 62 59 53 69 62 90 53 65 65 60 64 75 65 61 65 63 55 58 59 85 59 68 59 92 94 71 79 59 55 84 60 63 62'
    .split(' ')
    .map(Number);
/** Bold DejaVu Sans is 12% wider on average, 27% at most (a few narrow letters). */
const BOLD = 1.15;
/**
 * Arial, the cells' font and the workbook's default (see arialByDefault in xlsx.ts), is about an
 * eighth narrower than DejaVu Sans: text is measured as Arial and 4% more. LibreOffice without
 * Arial draws DejaVu Sans instead, in columns as much wider (a column's width counts digits of
 * the default font), so the estimate holds there too.
 */
const ARIAL = 0.92;

/** Width of a character in em. */
function charEm(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  let hundredths: number | undefined;
  if (code >= 32 && code < 127) hundredths = ASCII_EM[code - 32];
  else if (code >= 0x410 && code < 0x450) hundredths = CYRILLIC_EM[code - 0x410];
  else if (code === 0x401) hundredths = CYRILLIC_EM[64];
  else if (code === 0x451) hundredths = CYRILLIC_EM[65];
  if (hundredths !== undefined) return hundredths / 100;
  // dashes, quotes, arrows, currency and other symbols; CJK and emoji take more than an em
  return code >= 0x2e80 ? 1.1 : 1;
}

/** Width in px of a line of text at `fontPt` points. */
export function textWidthPx(text: string, fontPt: number, bold = false): number {
  const em = (fontPt / PT_PER_PX) * (bold ? BOLD : 1) * ARIAL;
  let w = 0;
  for (const ch of text) w += charEm(ch) * em;
  return w;
}

/** How many lines `text` takes when wrapped in `widthPx` (word by word; a long word is split). */
export function wrappedLines(text: string, widthPx: number, fontPt: number, bold = false): number {
  const room = Math.max(1, widthPx);
  const space = textWidthPx(' ', fontPt, bold);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let line = 0;
    let count = 1;
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      const w = textWidthPx(word, fontPt, bold);
      if (line > 0 && line + space + w <= room) {
        line += space + w;
        continue;
      }
      if (line > 0) count++;
      // a word wider than the cell breaks across lines
      const extra = Math.ceil(w / room) - 1;
      count += Math.max(0, extra);
      line = w - extra * room;
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/** Cell padding (px) LibreOffice and Excel leave inside a cell, left and right together. */
const PAD_X = 6;
/**
 * A line of text is this many times the font size high (DejaVu Sans: 1.164, Arial: 1.149); a row
 * adds this padding (pt).
 */
const LINE = 1.18;
const PAD_Y_PT = 3;

/** The height (pt) a row needs for `lines` lines of a `fontPt` font. */
export function rowHeightPt(lines: number, fontPt: number): number {
  return Math.ceil((lines * fontPt * LINE + PAD_Y_PT) * 4) / 4;
}

export interface ChartBox {
  /** 0-based top-left cell, and the offset (px) of the chart's corner into it */
  row: number;
  col: number;
  dx: number;
  dy: number;
  widthPx: number;
  heightPx: number;
  /** 1-based row the chart prints on one page with (a section header above it), if not its own */
  keepFrom?: number;
}

export interface PrintLayout {
  /** 1-based row → height in points, for every row whose height the export sets */
  rowHeights: Map<number, number>;
  /** 1-based column → width in px, for the columns widened to hold their text */
  colWidths: Map<number, number>;
  /**
   * Text too long for a widened column: its cell (1-based) wraps, merged with the empty cells on
   * its right it would run over (`cols` in all, the cell's own merge included)
   */
  wrapAcross: { row: number; col: number; cols: number }[];
  /** 1-based rows of technical markers, hidden */
  hiddenRows: number[];
  /** the printed rectangle from A1, 1-based, inclusive */
  area: { rows: number; cols: number };
  /** rows (1-based) that start a page (every page but the first), so no chart is cut */
  breaksBefore: number[];
}

/** What a cell shows (its value, a formula's result, an error code), or null. */
export type Shown = (row: number, col: number) => string | number | boolean | null;

const isMarker = (v: unknown) =>
  parseFooter(v) !== null || isSideMarker(v) || parseStageMarker(v) !== null;

const wraps = (a: CellAttrs | undefined) =>
  a?.wrapStrategy ? a.wrapStrategy === 'WRAP' : a?.wrap === true;

const textOf = (shown: Shown) => (row: number, col: number) => {
  const v = shown(row, col);
  return v === null || v === undefined ? '' : String(v);
};

export interface Page {
  /** Excel's paper size code: 1 Letter, 9 A4 */
  paperSize: 1 | 9;
  /** paper size in points, landscape */
  widthPt: number;
  heightPt: number;
  /** margins in inches */
  margins: {
    left: number;
    right: number;
    top: number;
    bottom: number;
    header: number;
    footer: number;
  };
}

/** Letter where it is the usual paper (the United States, Canada, Mexico, the Philippines…), else A4. */
const LETTER = /_(US|CA|MX|PH|CL|CO|VE|PR|GT|CR|PA|SV|NI|HN|DO|BO)$/i;

export function pageFor(locale: string): Page {
  const letter = LETTER.test(locale);
  return {
    paperSize: letter ? 1 : 9,
    widthPt: letter ? 792 : 842,
    heightPt: letter ? 612 : 595,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.25, footer: 0.3 },
  };
}

/**
 * A column widened for its text grows to this at most: longer text wraps across the cells it runs
 * over (see printLayout).
 */
const MAX_WIDENED_PX = 480;
const GAP_PX = 8;
/** Narrower than this, a chart stays where the add-on put it. */
const MIN_CHART_PX = 360;

/**
 * Where the charts go in the export. The add-on puts a map's charts below the map, under its
 * footer; on paper that is a third of a page more, and a chart a page break would cut. In the
 * export they sit in the empty stage columns beside the persona and product card instead (side by
 * side, as wide as the stage columns allow, at most Sheets' size), so the map prints on two
 * landscape pages: the journey, then the numbers, the card and the charts. Charts elsewhere, on
 * other sheets, or where the card's stage columns hold something, stay where they are.
 */
export function placeCharts(
  s: SourceSheet,
  shown: Shown,
  charts: readonly { row: number; col: number }[],
  size: { width: number; height: number },
): ChartBox[] {
  const boxes = charts.map((c) => ({
    row: c.row,
    col: c.col,
    dx: 0,
    dy: 0,
    widthPx: size.width,
    heightPx: size.height,
  }));
  const text = textOf(shown);
  if (parseFooter(text(ROW.footer, LABEL_COL)) === null) return boxes;
  let last = 0;
  for (let col = FIRST_STAGE_COL; col <= s.cols; col++)
    if (text(ROW.header, col) !== '' || parseStageMarker(text(ROW.footer, col)) !== null)
      last = col;
  // charts outside the map (the add-on puts them right of its last stage, beside the KPI block;
  // earlier versions below it): on paper they go beside the cards, where they fit the pages
  const below = boxes
    .filter((b) => b.row + 1 > ROW.footer || b.col + 1 > last)
    .sort((a, b) => a.row - b.row || a.col - b.col);
  if (last === 0 || below.length === 0) return boxes;
  for (let row = ROW.cardSection + 1; row < ROW.footer; row++)
    for (let col = FIRST_STAGE_COL; col <= last; col++) if (text(row, col) !== '') return boxes;
  const colPx = (col: number) => s.colWidths.get(col) ?? DEFAULT_COL_PX;
  let room = 0;
  for (let col = FIRST_STAGE_COL; col <= last; col++) room += colPx(col);
  const width = Math.min(
    size.width,
    Math.floor((room - GAP_PX * (below.length + 1)) / below.length),
  );
  if (width < MIN_CHART_PX) return boxes;
  const height = Math.round((width * size.height) / size.width);
  below.forEach((b, i) => {
    // from the left edge of the first stage column to the chart's corner, as a column and offset
    let x = GAP_PX + i * (width + GAP_PX);
    let col = FIRST_STAGE_COL;
    while (x >= colPx(col)) x -= colPx(col++);
    Object.assign(b, {
      row: ROW.cardSection,
      col: col - 1,
      dx: x,
      dy: GAP_PX,
      widthPx: width,
      heightPx: height,
      keepFrom: ROW.cardSection,
    });
  });
  return boxes;
}

/**
 * The share of a page the layout fills: Excel rounds the fit-to-width zoom down to a whole per cent
 * and measures fonts its own way.
 */
const FILL = 0.97;

/**
 * The print layout of one sheet: `shown` gives what a cell shows, `charts` where the sheet's
 * charts sit.
 */
export function printLayout(
  s: SourceSheet,
  shown: Shown,
  charts: readonly ChartBox[],
  page: Page,
  { widen = true } = {},
): PrintLayout {
  const colPx = (col: number) => s.colWidths.get(col) ?? DEFAULT_COL_PX;
  const widths = new Map<number, number>();
  const width = (col: number) => widths.get(col) ?? colPx(col);
  const text = textOf(shown);

  // The rectangle with something in it: values, formats, charts.
  let lastRow = 0;
  let lastCol = 0;
  const byRow = new Map<number, { col: number; attrs: CellAttrs | undefined }[]>();
  for (const { row, col, attrs } of s.cells()) {
    lastRow = Math.max(lastRow, row);
    lastCol = Math.max(lastCol, col);
    byRow.set(row, [...(byRow.get(row) ?? []), { col, attrs }]);
  }

  // Markers: a row where every cell with content is a marker of the template.
  const hiddenRows: number[] = [];
  for (const [row, cells] of byRow) {
    const filled = cells.filter((c) => text(row, c.col) !== '');
    if (filled.length > 0 && filled.every((c) => isMarker(text(row, c.col)))) hiddenRows.push(row);
  }
  const hidden = new Set(hiddenRows);

  // Merged cells: the top-left one spans the width of the merge; rows of a vertical merge are
  // left as they are.
  const mergeAt = new Map<string, { rows: number; cols: number }>();
  const inMerge = new Set<string>();
  for (const m of s.merges) {
    mergeAt.set(`${m.row + 1},${m.col + 1}`, { rows: m.rows, cols: m.cols });
    for (let r = 0; r < m.rows; r++)
      for (let c = 0; c < m.cols; c++) if (r || c) inMerge.add(`${m.row + 1 + r},${m.col + 1 + c}`);
  }
  const spanPx = (col: number, cols: number) => {
    let w = 0;
    for (let c = col; c < col + cols; c++) w += width(c);
    return w;
  };

  // Text that does not wrap runs into the empty cells on its right; where it would still be cut
  // (by a filled cell or the edge of the print area), the last column it reaches is widened, up to
  // MAX_WIDENED_PX. Text that would be cut even then wraps across the cells it runs over instead.
  const wrapAcross: PrintLayout['wrapAcross'] = [];
  const across = new Map<string, number>();
  for (const [row, cells] of [...byRow].sort((a, b) => a[0] - b[0])) {
    if (!widen || hidden.has(row)) continue;
    for (const { col, attrs } of cells) {
      const t = text(row, col);
      if (typeof shown(row, col) !== 'string' || t === '' || wraps(attrs)) continue;
      if (inMerge.has(`${row},${col}`)) continue;
      const align = (attrs?.horizontalAlignment ?? '').toLowerCase();
      if (align === 'center' || align === 'right') continue;
      const need = textWidthPx(t, attrs?.fontSize ?? 10, attrs?.fontWeight === 'bold') + PAD_X;
      let end = col + (mergeAt.get(`${row},${col}`)?.cols ?? 1) - 1;
      while (end < lastCol && text(row, end + 1) === '' && !inMerge.has(`${row},${end + 1}`)) end++;
      const room = spanPx(col, end - col + 1);
      if (need <= room) continue;
      const want = Math.ceil(width(end) + need - room);
      const cap = Math.max(width(end), MAX_WIDENED_PX);
      // (a merge over several rows keeps its shape: widened as far as it goes, its text cut)
      if (want <= cap || (mergeAt.get(`${row},${col}`)?.rows ?? 1) > 1) {
        widths.set(end, Math.min(cap, want));
        continue;
      }
      wrapAcross.push({ row, col, cols: end - col + 1 });
      across.set(`${row},${col}`, end - col + 1);
      for (let c = col + 1; c <= end; c++) inMerge.add(`${row},${c}`);
    }
  }

  // Row heights: the tallest cell of the row, its wrapped lines at its column's width.
  const rowHeights = new Map<number, number>();
  for (const [row, cells] of byRow) {
    let pt = 0;
    for (const { col, attrs } of cells) {
      const merge = mergeAt.get(`${row},${col}`);
      if ((merge && merge.rows > 1) || inMerge.has(`${row},${col}`)) continue;
      const t = text(row, col);
      const size = attrs?.fontSize ?? 10;
      const wide = across.get(`${row},${col}`);
      const lines =
        typeof shown(row, col) === 'string' && t !== '' && (wraps(attrs) || wide !== undefined)
          ? wrappedLines(
              t,
              spanPx(col, wide ?? merge?.cols ?? 1) - PAD_X,
              size,
              attrs?.fontWeight === 'bold',
            )
          : 1;
      pt = Math.max(pt, rowHeightPt(lines, size));
    }
    const own = s.rowHeights.get(row);
    const base = (own ?? DEFAULT_ROW_PX) * PT_PER_PX;
    if (pt > base || own !== undefined) rowHeights.set(row, Math.max(base, pt));
  }
  const heightPt = (row: number) =>
    hidden.has(row)
      ? 0
      : (rowHeights.get(row) ?? (s.rowHeights.get(row) ?? DEFAULT_ROW_PX) * PT_PER_PX);

  // Charts: the rows and columns they cover belong to the print area.
  const blocks = charts.map((c) => {
    const top = c.row + 1;
    let bottom = top;
    for (let h = (c.dy + c.heightPx) * PT_PER_PX - heightPt(bottom); h > 0; )
      h -= heightPt(++bottom);
    let right = c.col + 1;
    for (let w = c.dx + c.widthPx - width(right); w > 0; ) w -= width(++right);
    return { from: Math.min(c.keepFrom ?? top, top), bottom, right };
  });
  for (const b of blocks) {
    lastRow = Math.max(lastRow, b.bottom);
    lastCol = Math.max(lastCol, b.right);
  }
  while (lastRow > 0 && hidden.has(lastRow)) lastRow--;

  // Pages as a fit to width lays them out in Excel, where a page ending inside a chart ends
  // before it (and the row it keeps with) instead. Every page starts at a manual break: a
  // program that draws the columns wider (LibreOffice without Arial draws them in a wider font)
  // has room for more rows a page, and would otherwise end its pages elsewhere, inside a chart.
  let areaPx = 0;
  for (let c = 1; c <= lastCol; c++) areaPx += width(c);
  const m = page.margins;
  const scale = Math.min(1, (page.widthPt - (m.left + m.right) * 72) / (areaPx * PT_PER_PX));
  const room = ((page.heightPt - (m.top + m.bottom) * 72) / scale) * FILL;
  const titles = s.frozenRows > 0 ? heightPt(s.frozenRows) : 0;
  const keep: number[] = [];
  const pageStarts = (): number[] => {
    const starts = [1];
    let used = 0;
    for (let row = 1; row <= lastRow; row++) {
      const h = heightPt(row);
      const start = starts[starts.length - 1] as number;
      if (row > start && (keep.includes(row) || used + h > room)) {
        starts.push(row);
        used = row > s.frozenRows ? titles : 0;
      }
      used += h;
    }
    return starts;
  };
  let starts = pageStarts();
  for (let cut = cutChart(); cut; cut = cutChart()) {
    keep.push(cut.from);
    starts = pageStarts();
  }
  function cutChart() {
    return blocks.find(
      (b) => !keep.includes(b.from) && starts.some((p) => p > b.from && p <= b.bottom),
    );
  }
  const breaksBefore = starts.slice(1);

  return {
    rowHeights,
    colWidths: widths,
    wrapAcross,
    hiddenRows,
    area: { rows: lastRow, cols: lastCol },
    breaksBefore,
  };
}
