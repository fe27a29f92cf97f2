/**
 * The portfolio's own columns and the layouts older versions wrote. Our columns end with the map
 * id, so every column to the right of that header is the user's, kept on every rebuild whichever
 * layout wrote the sheet.
 */
import { LANGS, t, type Lang, type MessageKey } from '../words/i18n';

/** Our columns, in order, with their header words. */
const COLUMNS = [
  ['rank', 'portfolio.rank'],
  ['map', 'portfolio.map'],
  ['segment', 'portfolio.segment'],
  ['product', 'portfolio.product'],
  ['L', 'row.leads'],
  ['C', 'row.conversion'],
  ['P', 'row.avgCheck'],
  ['Q', 'row.purchases'],
  ['revenue', 'portfolio.revenue'],
  ['after', 'portfolio.after'],
  ['change', 'portfolio.change'],
  ['progress', 'portfolio.progress'],
  ['reviewed', 'row.reviewed'],
  ['nextReview', 'row.nextReview'],
  ['due', 'portfolio.due'],
  ['id', 'portfolio.id'],
] as const satisfies readonly (readonly [string, MessageKey])[];

export type ColumnKey = (typeof COLUMNS)[number][0];
export const COLUMN_KEYS: readonly ColumnKey[] = COLUMNS.map(([key]) => key);

/** Each of our columns' number (A = 1). */
export const COL = Object.fromEntries(COLUMNS.map(([key], i) => [key, i + 1])) as Record<
  ColumnKey,
  number
>;
export const PORTFOLIO_COLS = COLUMNS.length;

/**
 * The layouts, newest first, each as the columns it had: today's, the second (eleven columns,
 * before the review columns) and the first (ten, before "revenue after the plan").
 */
const LAYOUTS: readonly (readonly ColumnKey[])[] = [
  COLUMN_KEYS,
  [...COLUMN_KEYS.slice(0, COL.after), 'id'],
  [...COLUMN_KEYS.slice(0, COL.revenue), 'id'],
];

const HEADER = Object.fromEntries(COLUMNS) as Record<ColumnKey, MessageKey>;

/** A layout's header row in a language (today's by default). */
export function headers(lang: Lang, layout: readonly ColumnKey[] = COLUMN_KEYS): string[] {
  return layout.map((key) => t(lang, HEADER[key]));
}

const ID_HEADERS = LANGS.map((l) => t(l, HEADER.id));

/**
 * How many of a portfolio's columns are ours, told by where its map id header stands: where a
 * layout put it, or wherever columns a user inserted or deleted among or before ours moved it.
 */
export function ourColumns(header: readonly unknown[]): number {
  const at = header.findIndex((text) => ID_HEADERS.includes(String(text ?? '')));
  return at < 0 ? PORTFOLIO_COLS : at + 1;
}

/**
 * Whether a header row is one a portfolio of any layout had, word for word, in either language:
 * how a portfolio written before the marker is told from a user's sheet of the same name.
 */
export function isLegacyPortfolio(header: readonly unknown[]): boolean {
  return LANGS.some((lang) =>
    LAYOUTS.some((layout) => headers(lang, layout).every((text, i) => header[i] === text)),
  );
}
