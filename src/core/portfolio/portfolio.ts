/**
 * The Portfolio sheet: every map with live L, C, P, Q and revenue (formulas on each map's
 * named cells), ranked by potential revenue, the first step in choosing which
 * segment + product pair to work on, and where each map stands with its reviews. Columns to the
 * right of ours belong to the user and travel with their map's row on every rebuild
 * (moved-rows.ts).
 */
import { CATALOGUE, LANGS, quoted, t, type Lang } from '../words/i18n';
import { a1, absA1, colName, LABEL_COL, namedRangeName, ROW } from '../map/layout';
import { IMPACT_COL } from '../map/plan-layout';
import { quoteSheet, sheetLink } from '../map/links';
import type { WriteCell } from '../map/plan';
import { currencyOf } from '../map/formats';
import { formatDate } from '../map/dates';
import { formatCount, formatFactor, formatMoney, formatShare } from '../funnel/numbers';
import { columnWidth, roomAcross, type ColumnText } from '../words/text-width';
import { COL, COLUMN_KEYS, headers, ourColumns, PORTFOLIO_COLS, type ColumnKey } from './columns';
import { reviewCells } from './review-columns';
import { moveUserCells } from './moved-rows';

export interface MapEntry {
  id: string;
  sheetName: string;
  revenue: number | null;
  /** the map sheet's id, for a link to it (portfolio only) */
  sheetId?: number | null;
  /** the name of the map's action plan sheet, if it has one (portfolio only) */
  planSheet?: string | null;
  /**
   * the named cell of that plan's impact of all its actions together (portfolio only); null for a
   * plan written before it was named
   */
  planTotal?: string | null;
  /** the day of its next review (ISO), if its title holds a date (portfolio only) */
  nextReview?: string | null;
}

/** Why a map the workbook names is left out of the portfolio. */
export type SkipReason = 'deleted' | 'notMap';

export interface SkippedMap {
  id: string;
  reason: SkipReason;
  /** the sheet its named cells are on, which no longer holds it ('notMap') */
  sheet?: string;
  /** the portfolio keeps a row for it (the user's notes on that map) */
  row?: boolean;
}

/**
 * The workbook-level named range on the portfolio's A1: the add-on's own portfolio is the
 * sheet this points at, whatever its name, and never a sheet that only has our name.
 */
export const PORTFOLIO_MARKER = 'CJM_PORTFOLIO';

export const PORTFOLIO_HEADER_ROW = 3;

/** A map's row as it was: its sheet row and the user's cells in it. */
export interface KeptRow {
  row: number;
  cells: WriteCell[];
}

/** Rows the user already has, keyed by map id: what they typed in their own columns. */
export interface PortfolioKeep {
  /** the user's cells of the title, note and header rows */
  top: WriteCell[][];
  rows: Map<string, KeptRow>;
  /** the user's cells of the totals row, which moves down as maps are added */
  totals: WriteCell[];
}

/**
 * Reads our id column and the user's columns out of the current portfolio values and formulas,
 * whichever layout wrote it.
 */
export function portfolioKeep(values: unknown[][], formulas: string[][]): PortfolioKeep {
  const ours = ourColumns(values[PORTFOLIO_HEADER_ROW - 1] ?? []);
  const userCells = (r: number): WriteCell[] =>
    (values[r] ?? [])
      .slice(ours)
      .map((v, i) => ({ kept: v, formula: formulas[r]?.[ours + i] ?? '' }));
  const rows = new Map<string, KeptRow>();
  const totalLabels = LANGS.map((l) => CATALOGUE[l]['portfolio.total']);
  let totals: WriteCell[] = [];
  for (let r = PORTFOLIO_HEADER_ROW; r < values.length; r++) {
    const id = String(values[r]?.[ours - 1] ?? '').trim();
    if (id) rows.set(id, { row: r + 1, cells: userCells(r) });
    else if (totalLabels.includes(String(values[r]?.[0] ?? ''))) totals = userCells(r);
  }
  return {
    top: Array.from({ length: PORTFOLIO_HEADER_ROW }, (_, r) => userCells(r)),
    rows,
    totals,
  };
}

/** The portfolio's cells, and the user's formulas moved with their map but kept as typed (A1). */
export interface PortfolioPlan {
  grid: WriteCell[][];
  unmoved: string[];
}

/**
 * The portfolio grid on the sheet `sheetName`: our columns as formulas or labels, the user's
 * columns carried along with their map's row, and a totals row under the maps. Each map's name
 * links to its sheet; "revenue after the plan" adds the impact of all the actions of its plan
 * together (the plan's named total; a plan written before that total existed adds its ranked rows'
 * impacts with SUMIF, as its own sheet did): built-in functions only, none is a server execution.
 */
export function planPortfolio(
  lang: Lang,
  maps: readonly MapEntry[],
  keep: PortfolioKeep,
  skipped: readonly SkippedMap[],
  sheetName: string,
): PortfolioPlan {
  const ranked = [...maps].sort((a, b) => (b.revenue ?? -Infinity) - (a.revenue ?? -Infinity));
  const orphans = [...keep.rows.keys()].filter((id) => !maps.some((m) => m.id === id));
  const userWidth = Math.max(
    ...keep.top.map((r) => r.length),
    ...[...keep.rows.values()].map((r) => r.cells.length),
    keep.totals.length,
    0,
  );
  const blank: WriteCell = { text: '' };
  const pad = (cells: WriteCell[]) => [
    ...cells,
    ...Array<WriteCell>(Math.max(0, userWidth - cells.length)).fill(blank),
  ];
  const text = (s: string): WriteCell => ({ text: s });
  const first = PORTFOLIO_HEADER_ROW + 1;
  const last = PORTFOLIO_HEADER_ROW + Math.max(1, ranked.length + orphans.length);
  const revenueRange = `${absA1(first, COL.revenue)}:${absA1(last, COL.revenue)}`;
  // Our part of a row, up to our last column, then the user's own cells of that row as they were.
  const line = (cells: WriteCell[], user: WriteCell[] = []) => [
    ...cells,
    ...Array<WriteCell>(PORTFOLIO_COLS - cells.length).fill(blank),
    ...pad(user),
  ];
  const unmoved: string[] = [];
  // The user's cells of the map or orphan `id`, moved to sheet row `to`.
  const userCells = (id: string, to: number): WriteCell[] => {
    const kept = keep.rows.get(id);
    if (!kept) return [];
    const col = PORTFOLIO_COLS + 1;
    const moved = moveUserCells(kept.cells, { from: kept.row, to, col, on: sheetName });
    unmoved.push(...moved.unmoved);
    return moved.cells;
  };

  const mapRow = (m: MapEntry, i: number): WriteCell[] => {
    const rev = a1(first + i, COL.revenue);
    const sheetCell = (key: 'name' | 'segment' | 'product') =>
      `${quoteSheet(m.sheetName)}!${absA1(ROW[key], 2)}`;
    const name =
      m.sheetId === undefined || m.sheetId === null
        ? sheetCell('name')
        : sheetLink(m.sheetId, sheetCell('name'));
    // (a plan whose total is not named: its rows' impacts, in the plan's impact column)
    const impact = colName(IMPACT_COL);
    const plan = m.planTotal
      ? `+IF(ISNUMBER(${m.planTotal}),${m.planTotal},0)`
      : m.planSheet
        ? `+SUMIF(${quoteSheet(m.planSheet)}!$A:$A,">0",${quoteSheet(m.planSheet)}!$${impact}:$${impact})`
        : '';
    return line(
      [
        { formula: `=IF(ISNUMBER(${rev}),COUNTIF(${revenueRange},">"&${rev})+1,"")` },
        { formula: `=${name}` },
        { formula: `=${sheetCell('segment')}` },
        { formula: `=${sheetCell('product')}` },
        ...(['L', 'C', 'P', 'Q', 'REVENUE'] as const).map(
          (k): WriteCell => ({ formula: `=${namedRangeName(m.id, k)}` }),
        ),
        { formula: `=IF(ISNUMBER(${rev}),${rev}${plan},"")` },
        ...reviewCells(lang, m.sheetName, first + i),
        text(m.id),
      ],
      userCells(m.id, first + i),
    );
  };
  const notMap = new Set(skipped.filter((s) => s.reason === 'notMap').map((s) => s.id));
  const gap = (from: number, to: number) => Array<WriteCell>(to - from).fill(blank);
  const orphanRow = (id: string, i: number): WriteCell[] =>
    line(
      [
        blank,
        text(t(lang, notMap.has(id) ? 'portfolio.notMap' : 'portfolio.missing', { id })),
        ...gap(COL.map + 1, COL.id),
        text(id),
      ],
      userCells(id, first + ranked.length + i),
    );
  const sum = (col: number): WriteCell => ({ formula: `=SUM(${a1(first, col)}:${a1(last, col)})` });
  const totalsRow = line(
    [
      text(t(lang, 'portfolio.total')),
      ...gap(COL.rank + 1, COL.revenue),
      sum(COL.revenue),
      sum(COL.after),
      sum(COL.change),
    ],
    keep.totals,
  );
  const grid = [
    line([text(t(lang, 'portfolio.title'))], keep.top[0]),
    line([text(t(lang, 'portfolio.note'))], keep.top[1]),
    line(headers(lang).map(text), keep.top[2]),
    ...ranked.map(mapRow),
    ...orphans.map(orphanRow),
    ...(ranked.length + orphans.length === 0 ? [line([])] : []),
    totalsRow,
  ];
  return { grid, unmoved };
}

/** The named range every map has exactly one of, so listing these lists the maps. */
export const MAP_MARKER = /^CJM_([A-Z0-9]+)_REVENUE$/;

/**
 * Every map left out of this rebuild, once: those the lookup skipped (sheet deleted, or the
 * sheet no longer carries the map's footer marker) and those the portfolio still has a row
 * for but the workbook no longer names (their named cells went with the sheet).
 */
export function skippedMaps(
  maps: readonly MapEntry[],
  skipped: readonly SkippedMap[],
  keep: PortfolioKeep,
): SkippedMap[] {
  const listed = new Set(maps.map((m) => m.id));
  const out = new Map<string, SkippedMap>();
  for (const s of skipped)
    if (!listed.has(s.id) && !out.has(s.id)) out.set(s.id, { ...s, row: keep.rows.has(s.id) });
  for (const id of keep.rows.keys())
    if (!listed.has(id) && !out.has(id)) out.set(id, { id, reason: 'deleted', row: true });
  return [...out.values()];
}

const MAX_LISTED = 5;

/** The first few of a list a notice names, then "…" for the rest. */
export function firstFew(items: readonly string[]): string {
  return items.slice(0, MAX_LISTED).join(', ') + (items.length > MAX_LISTED ? ', …' : '');
}

/**
 * The notice after a rebuild that left maps out: how many, which, and why; '' if none. A deleted
 * map is named by its id (the portfolio's id column), one its sheet no longer holds by that sheet.
 */
export function skipNotice(lang: Lang, skipped: readonly SkippedMap[]): string {
  const of = (reason: SkipReason) => skipped.filter((s) => s.reason === reason);
  const [deleted, notMap] = [of('deleted'), of('notMap')];
  const rows = skipped.filter((s) => s.row).length;
  return [
    deleted.length &&
      t(lang, 'portfolio.skippedDeleted', {
        n: deleted.length,
        ids: firstFew(deleted.map((s) => s.id)),
      }),
    notMap.length &&
      t(lang, 'portfolio.skippedNotMap', {
        n: notMap.length,
        sheets: firstFew(notMap.map((s) => quoted(lang, s.sheet ?? s.id))),
        cell: a1(ROW.footer, LABEL_COL),
      }),
    rows && t(lang, 'portfolio.skippedRows', { n: rows }),
  ]
    .filter((sentence) => sentence !== 0)
    .join(' ');
}

/**
 * The notice after a rebuild whose re-ranking moved a user's formula it could not move safely
 * (moved-rows.ts): which cells to check; '' if none.
 */
export function unmovedNotice(lang: Lang, cells: readonly string[]): string {
  if (cells.length === 0) return '';
  return t(lang, 'portfolio.unmovedFormulas', { n: cells.length, cells: firstFew(cells) });
}

/** The least width of each of our columns, the widths the portfolio had before. */
const PORTFOLIO_LEAST: Record<ColumnKey, number> = {
  rank: 60,
  map: 220,
  segment: 160,
  product: 160,
  L: 90,
  C: 90,
  P: 90,
  Q: 90,
  revenue: 130,
  after: 130,
  change: 130,
  progress: 90,
  reviewed: 90,
  nextReview: 90,
  due: 90,
  id: 90,
};

/**
 * The portfolio's column widths in pixels, one per column of ours, from what they hold
 * (text-width.ts): the header labels (bold, wrapped: no word split), the maps' names and the notes
 * of maps left out (wrapped), numbers in the spreadsheet's format up to 99,999,999 leads, 100 %,
 * money up to a billion a map and ten billion in the totals (bold), dates in the language's
 * format, the ⚠ words, the map
 * ids. The title and the note run on over the columns after A: the map column widens when they
 * would not hold there. Segments and products wrap in their columns; their words are not known
 * without reading every map.
 */
export function portfolioColumnWidths(
  lang: Lang,
  maps: readonly MapEntry[],
  skipped: readonly SkippedMap[],
  locale: string,
): number[] {
  const numbers = locale.toLowerCase().startsWith('ru') ? 'ru' : 'en';
  const currency = currencyOf(locale);
  const money = formatMoney(-999_999_999, numbers, currency);
  // the totals add up every map's
  const total = formatMoney(-9_999_999_999, numbers, currency);
  const words = (text: string, bold = false): ColumnText => ({ text, wrap: true, bold });
  const head = headers(lang).map((h) => words(h, true));
  const orphans = skipped.map((m) =>
    t(lang, m.reason === 'notMap' ? 'portfolio.notMap' : 'portfolio.missing', { id: m.id }),
  );
  const date = [{ text: formatDate('2026-12-31', lang) }];
  const texts: Record<ColumnKey, ColumnText[]> = {
    rank: [{ text: '99' }, { text: t(lang, 'portfolio.total'), bold: true }],
    map: [...maps.map((m) => words(m.sheetName)), ...orphans.map((o) => words(o))],
    segment: [],
    product: [],
    L: [{ text: formatCount(99_999_999, numbers) }],
    C: [{ text: formatShare(1, numbers) }],
    P: [{ text: money }],
    Q: [{ text: formatFactor(99.99, numbers) }],
    revenue: [{ text: total, bold: true }],
    after: [{ text: total, bold: true }],
    change: [{ text: total, bold: true }],
    progress: [{ text: formatShare(9.999, numbers) }],
    reviewed: date,
    nextReview: date,
    due: [{ text: t(lang, 'portfolio.overdue') }, { text: t(lang, 'portfolio.dueToday') }],
    id: [...maps, ...skipped].map((m) => ({ text: m.id })),
  };
  const widths = COLUMN_KEYS.map((key, i) =>
    columnWidth(PORTFOLIO_LEAST[key], [...(head[i] ? [head[i]] : []), ...texts[key]]),
  );
  roomAcross(widths, { text: t(lang, 'portfolio.title'), bold: true }, 0, PORTFOLIO_COLS - 1, 1);
  roomAcross(widths, { text: t(lang, 'portfolio.note') }, 0, PORTFOLIO_COLS - 1, 1);
  return widths;
}
