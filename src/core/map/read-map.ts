/**
 * Reads a map sheet's values back into a Journey, or says why it cannot: the sheet is the
 * source of truth, so a sheet the user has hand-edited beyond recognition is reported,
 * never written over. Pure: `sheets/read` fetches the values.
 */
import { CATALOGUE, LANGS, t, type Lang } from '../words/i18n';
import { CARD_KEYS, CONTENT_KEYS, newStage, TITLE_KEYS, type CellData, type Journey } from './journey';
import { a1, FIRST_STAGE_COL, LABEL_COL, parseFooter, ROW, ROW_ORDER, SIDE_COL, TEMPLATE_VERSION, type RowKey } from './layout';
import type { Role } from './stages';

export type ReadResult =
  | { ok: true; journey: Journey }
  | { ok: false; problem: 'notMap' }
  | { ok: false; problem: 'damaged'; reason: (lang: Lang) => string };

export function toCellData(v: unknown): CellData {
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v === null || v === undefined ? '' : String(v);
}

const labelOf = (lang: Lang, key: RowKey): string => (key === 'footer' ? '' : CATALOGUE[lang][`row.${key}`]);

/** The language whose row labels match column A best. */
function detectLang(labels: string[]): Lang {
  const score = (lang: Lang) => ROW_ORDER.filter((k, i) => labels[i] === labelOf(lang, k)).length;
  return LANGS.reduce((best, l) => (score(l) > score(best) ? l : best));
}

/**
 * The last stage column: stages run from C up to the first column with neither a stage name
 * nor a funnel role, so notes typed to the right of the map never become stages.
 */
function lastStageCol(values: unknown[][]): number {
  const named = (col: number) => [ROW.header, ROW.role].some((row) => toCellData(values[row - 1]?.[col - 1]) !== '');
  let col = FIRST_STAGE_COL;
  while (named(col)) col++;
  return col - 1;
}

export function readJourney(values: unknown[][]): ReadResult {
  const cell = (row: number, col: number): CellData => toCellData(values[row - 1]?.[col - 1]);
  const column = values.map((row) => String(toCellData(row[LABEL_COL - 1])).trim());
  const labels = ROW_ORDER.map((k) => column[ROW[k] - 1] ?? '');
  const lang = detectLang(labels);
  // A map whose rows were moved or deleted is still recognised (as damaged) by its marker or its labels.
  const footer = parseFooter(cell(ROW.footer, LABEL_COL));
  const known = ROW_ORDER.filter((k) => k !== 'footer' && column.includes(labelOf(lang, k))).length;
  if (!footer && !column.some((c) => parseFooter(c)) && known < ROW_ORDER.length / 2) return { ok: false, problem: 'notMap' };

  const wrong = ROW_ORDER.findIndex((k, i) => k !== 'footer' && labels[i] !== labelOf(lang, k));
  if (wrong >= 0) {
    const key = ROW_ORDER[wrong] as RowKey;
    return { ok: false, problem: 'damaged', reason: (l) => t(l, 'damage.label', { row: wrong + 1, expected: labelOf(lang, key), found: labels[wrong] ?? '' }) };
  }
  if (!footer) return { ok: false, problem: 'damaged', reason: (l) => t(l, 'damage.footer', { cell: a1(ROW.footer, LABEL_COL) }) };
  if (footer.version > TEMPLATE_VERSION) return { ok: false, problem: 'damaged', reason: (l) => t(l, 'damage.version', { version: footer.version }) };

  const last = lastStageCol(values);
  if (last < FIRST_STAGE_COL) return { ok: false, problem: 'damaged', reason: (l) => t(l, 'damage.noStages') };

  const stages = [];
  for (let col = FIRST_STAGE_COL; col <= last; col++) {
    const role = String(cell(ROW.role, col)).trim().toUpperCase();
    const stage = newStage(String(cell(ROW.header, col)), role === 'L' || role === 'C' || role === 'Q' ? (role as Role) : '');
    for (const k of CONTENT_KEYS) stage.content[k] = cell(ROW[k], col);
    stage.customers = cell(ROW.customers, col);
    stage.target = cell(ROW.target, col);
    stages.push(stage);
  }
  const side = <K extends RowKey>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, cell(ROW[k], SIDE_COL)])) as Record<K, CellData>;
  return {
    ok: true,
    journey: { id: footer.id, lang, title: side(TITLE_KEYS), card: side(CARD_KEYS), stages, avgCheck: cell(ROW.avgCheck, SIDE_COL), purchases: cell(ROW.purchases, SIDE_COL) },
  };
}
