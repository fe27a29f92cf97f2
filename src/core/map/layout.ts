/**
 * Where everything sits on a map sheet. Rows are fixed; stages are columns from
 * FIRST_STAGE_COL on. Column A holds row labels, column B hints, the title values and
 * the economics cells, so stage edits (which insert, delete and move stage columns)
 * never touch them. TEMPLATE_VERSION changes when this layout does.
 */
import {
  CARD_KEYS,
  CONTENT_KEYS,
  TITLE_KEYS,
  type CardKey,
  type ContentKey,
  type TitleKey,
} from './journey';
import type { Lang } from '../words/i18n';

export const TEMPLATE_VERSION = 2;
export const LABEL_COL = 1;
export const SIDE_COL = 2;
export const FIRST_STAGE_COL = 3;
export const MAX_STAGES = 40;
export const MIN_STAGES = 2;

export type KpiKey = 'role' | 'customers' | 'target' | 'step' | 'overall' | 'dropOff';
export type EconomicsKey =
  | 'avgCheck'
  | 'purchases'
  | 'leads'
  | 'conversion'
  | 'revenue'
  | 'weakest'
  | 'curve';

export type RowKey =
  | TitleKey
  | 'header'
  | ContentKey
  | 'kpiSection'
  | KpiKey
  | EconomicsKey
  | 'cardSection'
  | CardKey
  | 'footer';

/** Every row of the map, in order: the index + 1 is the sheet row. */
export const ROW_ORDER: readonly RowKey[] = [
  ...TITLE_KEYS,
  'header',
  ...CONTENT_KEYS,
  'kpiSection',
  'role',
  'customers',
  'target',
  'avgCheck',
  'purchases',
  'step',
  'overall',
  'dropOff',
  'leads',
  'conversion',
  'revenue',
  'weakest',
  'curve',
  'cardSection',
  ...CARD_KEYS,
  'footer',
];

export const ROW: Record<RowKey, number> = Object.fromEntries(
  ROW_ORDER.map((k, i) => [k, i + 1]),
) as Record<RowKey, number>;
export const ROW_COUNT = ROW_ORDER.length;

/** Economics cells in column B computed by the template. */
export const ECONOMICS_FORMULAS = [
  'leads',
  'conversion',
  'revenue',
  'weakest',
  'curve',
] as const satisfies readonly EconomicsKey[];
/** The map's named cells, for the portfolio and other sheets: CJM_<id>_<suffix>. */
export const NAMED_CELLS = {
  L: 'leads',
  C: 'conversion',
  P: 'avgCheck',
  Q: 'purchases',
  REVENUE: 'revenue',
} as const satisfies Record<string, EconomicsKey>;

/** A column's letters ("C" for 3, "AA" for 27): the one A1 column name of the add-on and dev/. */
export function colName(col: number): string {
  let name = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26))
    name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}

/** A column's number from its letters, in either case ("C" and "c" are 3, "AA" is 27). */
export function colNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** "A1" notation for 1-based (row, col). */
export function a1(row: number, col: number): string {
  return `${colName(col)}${row}`;
}

/** "$C$23": an absolute reference that survives copying and column inserts before it. */
export function absA1(row: number, col: number): string {
  return a1(row, col).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
}

export function a1Range(row: number, col: number, rows: number, cols: number): string {
  const start = a1(row, col);
  return rows === 1 && cols === 1 ? start : `${start}:${a1(row + rows - 1, col + cols - 1)}`;
}

export function stageCol(index: number): number {
  return FIRST_STAGE_COL + index;
}

export function namedRangeName(mapId: string, suffix: keyof typeof NAMED_CELLS): string {
  return `CJM_${mapId}_${suffix}`;
}

/**
 * The footer row carries markers that say what each column is, so the map is recognised by
 * its columns as well as its rows: the map marker in A (the map id and template version, in
 * the map's language: "CJM map K7P2QX · template v2", "Карта CJM K7P2QX · шаблон v2"),
 * the side marker in B, and one stage marker per stage column (a stage's id, which stays
 * with the column when anyone moves it). Since v2; v1 maps have only the map marker.
 */
export function footerMarker(mapId: string, lang: Lang = 'en'): string {
  return lang === 'ru'
    ? `Карта CJM ${mapId} · шаблон v${TEMPLATE_VERSION}`
    : `CJM map ${mapId} · template v${TEMPLATE_VERSION}`;
}

/**
 * The map marker in either language, and in the English form every map had before markers were
 * translated.
 */
export function parseFooter(text: unknown): { id: string; version: number } | null {
  const m = new RegExp(`^${footerPattern()}$`).exec(String(text ?? '').trim());
  return m ? { id: m[1] ?? '', version: Number(m[2]) } : null;
}

/**
 * The map marker of the map `id` (of any map by default), as a pattern that RE2 (Sheets' search)
 * and JavaScript read alike: the id and the version are its two groups.
 */
export function footerPattern(id = '[A-Z0-9]{4,12}'): string {
  return `(?:CJM map|Карта CJM) (${id}) · (?:template|шаблон) v([0-9]+)`;
}

/**
 * The footer's markers of column B and of each stage, in the map's language like the rest of
 * its footer; read in either language, and in the English every map had before they were
 * translated.
 */
const SIDE_MARKERS: Record<Lang, string> = { en: 'CJM side', ru: 'CJM сводка' };
const STAGE_MARKER_WORD: Record<Lang, string> = { en: 'CJM stage', ru: 'CJM этап' };

export function sideMarker(lang: Lang = 'en'): string {
  return SIDE_MARKERS[lang];
}

export function isSideMarker(text: unknown): boolean {
  const s = String(text ?? '').trim();
  return Object.values(SIDE_MARKERS).includes(s);
}

export function stageMarker(stageId: string, lang: Lang = 'en'): string {
  return `${STAGE_MARKER_WORD[lang]} ${stageId}`;
}

/** The stage id a footer cell carries, or null. */
export function parseStageMarker(text: unknown): string | null {
  return /^(?:CJM stage|CJM этап) ([a-z0-9]{4,12})$/.exec(String(text ?? '').trim())?.[1] ?? null;
}

/**
 * A map's stage header cells (from the first stage column on) as text, without their empty tail:
 * what the wizard's poll compares with the stages it shows, to see a stage renamed, added or moved
 * by hand.
 */
export function stageHeaders(cells: readonly unknown[]): string[] {
  const text = cells.map((c) => (c === null || c === undefined ? '' : String(c)));
  while (text.length && text[text.length - 1] === '') text.pop();
  return text;
}
