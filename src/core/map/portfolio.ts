/**
 * The Portfolio sheet: every map with live L, C, P, Q and revenue (formulas on each map's
 * named cells), ranked by potential revenue, the first step in choosing which
 * segment + product pair to work on. Columns to the right of ours belong to the user
 * and travel with their map's row on every rebuild.
 */
import { CATALOGUE, LANGS, t, type Lang } from '../words/i18n';
import { a1, absA1, colName, LABEL_COL, namedRangeName, ROW } from './layout';
import { IMPACT_COL } from './plan-layout';
import { quoteSheet, sheetLink } from './links';
import type { WriteCell } from './plan';
import { currencyOf } from './formats';
import { formatCount, formatFactor, formatMoney, formatShare } from '../funnel/numbers';
import { columnWidth, roomAcross, type ColumnText } from '../words/text-width';

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
}

/** Why a map the workbook names is left out of the portfolio. */
export type SkipReason = 'deleted' | 'notMap';

export interface SkippedMap {
  id: string;
  reason: SkipReason;
  /** the portfolio keeps a row for it (the user's notes on that map) */
  row?: boolean;
}

/**
 * The workbook-level named range on the portfolio's A1: the add-on's own portfolio is the
 * sheet this points at, whatever its name, and never a sheet that only has our name.
 */
export const PORTFOLIO_MARKER = 'CJM_PORTFOLIO';

export const PORTFOLIO_HEADER_ROW = 3;
/**
 * Our columns: rank, map (a link), segment, product, L, C, P, Q, revenue, revenue after the plan,
 * map id.
 */
export const PORTFOLIO_COLS = 11;
/**
 * Our columns before "revenue after the plan": a portfolio of that layout keeps its user columns
 * when rebuilt.
 */
const V1_COLS = 10;
const ID_COL = 11;
const REVENUE_COL = 9;
const AFTER_COL = 10;

/** Rows the user already has, keyed by map id: what they typed in their own columns. */
export interface PortfolioKeep {
  /** the user's cells of the title, note and header rows */
  top: WriteCell[][];
  rows: Map<string, WriteCell[]>;
  /** the user's cells of the totals row, which moves down as maps are added */
  totals: WriteCell[];
}

const ID_HEADERS = LANGS.map((l) => t(l, 'portfolio.id'));

/**
 * How many of a portfolio's columns are ours: it ends with the map id header (10 columns in the
 * first layout).
 */
function ourColumns(values: unknown[][]): number {
  const header = values[PORTFOLIO_HEADER_ROW - 1] ?? [];
  const isId = (col: number) => ID_HEADERS.includes(String(header[col - 1] ?? ''));
  return !isId(PORTFOLIO_COLS) && isId(V1_COLS) ? V1_COLS : PORTFOLIO_COLS;
}

/** Reads our id column and the user's columns out of the current portfolio values and formulas. */
export function portfolioKeep(values: unknown[][], formulas: string[][]): PortfolioKeep {
  const ours = ourColumns(values);
  const userCells = (r: number): WriteCell[] =>
    (values[r] ?? [])
      .slice(ours)
      .map((v, i) => ({ kept: v, formula: formulas[r]?.[ours + i] ?? '' }));
  const rows = new Map<string, WriteCell[]>();
  const totalLabels = LANGS.map((l) => CATALOGUE[l]['portfolio.total']);
  let totals: WriteCell[] = [];
  for (let r = PORTFOLIO_HEADER_ROW; r < values.length; r++) {
    const id = String(values[r]?.[ours - 1] ?? '').trim();
    if (id) rows.set(id, userCells(r));
    else if (totalLabels.includes(String(values[r]?.[0] ?? ''))) totals = userCells(r);
  }
  return {
    top: Array.from({ length: PORTFOLIO_HEADER_ROW }, (_, r) => userCells(r)),
    rows,
    totals,
  };
}

const V1_HEADERS = [
  'portfolio.rank',
  'portfolio.map',
  'portfolio.segment',
  'portfolio.product',
  'row.leads',
  'row.conversion',
  'row.avgCheck',
  'row.purchases',
  'portfolio.revenue',
  'portfolio.id',
] as const;

/** Our header row in a language. */
function headers(lang: Lang): string[] {
  const v1 = V1_HEADERS.map((k) => t(lang, k));
  return [...v1.slice(0, REVENUE_COL), t(lang, 'portfolio.after'), ...v1.slice(REVENUE_COL)];
}

/**
 * Whether a sheet's cells are a portfolio written by an older version (before the marker):
 * its header row holds exactly the headers we write (or wrote: ten, before "revenue after the
 * plan"), in either language.
 */
export function isLegacyPortfolio(values: unknown[][]): boolean {
  const row = values[PORTFOLIO_HEADER_ROW - 1] ?? [];
  const same = (cells: readonly string[]) => cells.every((text, i) => row[i] === text);
  return LANGS.some((lang) => same(headers(lang)) || same(V1_HEADERS.map((k) => t(lang, k))));
}

/**
 * The portfolio grid: our columns as formulas or labels, the user's columns carried along, and a
 * totals row under the maps. Each map's name links to its sheet; "revenue after the plan" adds the
 * impact of all the actions of its plan together (the plan's named total; a plan written before
 * that total existed adds its ranked rows' impacts with SUMIF, as its own sheet did): built-in
 * functions only, none is a server execution.
 */
export function planPortfolio(
  lang: Lang,
  maps: readonly MapEntry[],
  keep: PortfolioKeep,
  skipped: readonly SkippedMap[] = [],
): WriteCell[][] {
  const ranked = [...maps].sort((a, b) => (b.revenue ?? -Infinity) - (a.revenue ?? -Infinity));
  const orphans = [...keep.rows.keys()].filter((id) => !maps.some((m) => m.id === id));
  const userWidth = Math.max(
    ...keep.top.map((r) => r.length),
    ...[...keep.rows.values()].map((r) => r.length),
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
  const revenueRange = `${absA1(first, REVENUE_COL)}:${absA1(last, REVENUE_COL)}`;

  const mapRow = (m: MapEntry, i: number): WriteCell[] => {
    const rev = a1(first + i, REVENUE_COL);
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
    return [
      { formula: `=IF(ISNUMBER(${rev}),COUNTIF(${revenueRange},">"&${rev})+1,"")` },
      { formula: `=${name}` },
      { formula: `=${sheetCell('segment')}` },
      { formula: `=${sheetCell('product')}` },
      ...(['L', 'C', 'P', 'Q', 'REVENUE'] as const).map(
        (k): WriteCell => ({ formula: `=${namedRangeName(m.id, k)}` }),
      ),
      { formula: `=IF(ISNUMBER(${rev}),${rev}${plan},"")` },
      text(m.id),
      ...pad(keep.rows.get(m.id) ?? []),
    ];
  };
  const notMap = new Set(skipped.filter((s) => s.reason === 'notMap').map((s) => s.id));
  const orphanRow = (id: string): WriteCell[] => [
    blank,
    text(t(lang, notMap.has(id) ? 'portfolio.notMap' : 'portfolio.missing', { id })),
    ...Array<WriteCell>(ID_COL - 3).fill(blank),
    text(id),
    ...pad(keep.rows.get(id) ?? []),
  ];
  const sum = (col: number): WriteCell => ({ formula: `=SUM(${a1(first, col)}:${a1(last, col)})` });
  const totalsRow: WriteCell[] = [
    text(t(lang, 'portfolio.total')),
    ...Array<WriteCell>(REVENUE_COL - 2).fill(blank),
    sum(REVENUE_COL),
    sum(AFTER_COL),
    blank,
    ...pad(keep.totals),
  ];
  // Our part of a top row, then the user's own cells of that row as they were.
  const line = (cells: WriteCell[], r: number) => [
    ...cells,
    ...Array<WriteCell>(PORTFOLIO_COLS - cells.length).fill(blank),
    ...pad(keep.top[r] ?? []),
  ];
  return [
    line([text(t(lang, 'portfolio.title'))], 0),
    line([text(t(lang, 'portfolio.note'))], 1),
    line(headers(lang).map(text), 2),
    ...ranked.map(mapRow),
    ...orphans.map(orphanRow),
    ...(ranked.length + orphans.length === 0 ? [line([], 3)] : []),
    totalsRow,
  ];
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
    if (!listed.has(s.id) && !out.has(s.id))
      out.set(s.id, { id: s.id, reason: s.reason, row: keep.rows.has(s.id) });
  for (const id of keep.rows.keys())
    if (!listed.has(id) && !out.has(id)) out.set(id, { id, reason: 'deleted', row: true });
  return [...out.values()];
}

const MAX_IDS = 5;

/** The notice after a rebuild that left maps out: how many, which, and why; '' if none. */
export function skipNotice(lang: Lang, skipped: readonly SkippedMap[]): string {
  const ids = (list: readonly SkippedMap[]) =>
    list
      .slice(0, MAX_IDS)
      .map((s) => s.id)
      .join(', ') + (list.length > MAX_IDS ? ', …' : '');
  const sentences = (['deleted', 'notMap'] as const).flatMap((reason) => {
    const list = skipped.filter((s) => s.reason === reason);
    if (list.length === 0) return [];
    const key = reason === 'deleted' ? 'portfolio.skippedDeleted' : 'portfolio.skippedNotMap';
    return [t(lang, key, { n: list.length, ids: ids(list), cell: a1(ROW.footer, LABEL_COL) })];
  });
  const rows = skipped.filter((s) => s.row).length;
  if (rows) sentences.push(t(lang, 'portfolio.skippedRows', { n: rows }));
  return sentences.join(' ');
}

/** The least width of each of our columns A..K, the widths the portfolio had before. */
const PORTFOLIO_LEAST = [60, 220, 160, 160, 90, 90, 90, 90, 130, 130, 90] as const;

/**
 * The portfolio's column widths in pixels, A..K, from what they hold (text-width.ts): the header
 * labels (bold, wrapped: no word split), the maps' names and the notes of maps left out (wrapped),
 * numbers in the spreadsheet's format up to 99,999,999 leads, 100 % and money up to a billion (bold
 * in the totals), the map ids. The title and the note run on over B..K: the map column widens when
 * they would not hold there. Segments and products wrap in their columns; their words are not known
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
  const words = (text: string, bold = false): ColumnText => ({ text, wrap: true, bold });
  const head = headers(lang).map((h) => words(h, true));
  const orphans = skipped.map((m) =>
    t(lang, m.reason === 'notMap' ? 'portfolio.notMap' : 'portfolio.missing', { id: m.id }),
  );
  const texts: ColumnText[][] = [
    [{ text: '99' }, { text: t(lang, 'portfolio.total'), bold: true }],
    [...maps.map((m) => words(m.sheetName)), ...orphans.map((o) => words(o))],
    [],
    [],
    [{ text: formatCount(99_999_999, numbers) }],
    [{ text: formatShare(1, numbers) }],
    [{ text: money }],
    [{ text: formatFactor(99.99, numbers) }],
    [{ text: money, bold: true }],
    [{ text: money, bold: true }],
    [...maps, ...skipped].map((m) => ({ text: m.id })),
  ];
  const widths = PORTFOLIO_LEAST.map((least, i) =>
    columnWidth(least, [...(head[i] ? [head[i]] : []), ...(texts[i] ?? [])]),
  );
  roomAcross(widths, { text: t(lang, 'portfolio.title'), bold: true }, 0, PORTFOLIO_COLS - 1, 1);
  roomAcross(widths, { text: t(lang, 'portfolio.note') }, 0, PORTFOLIO_COLS - 1, 1);
  return widths;
}
