/**
 * Reads a map sheet's values back into a Journey, or says why it cannot: the sheet is the
 * source of truth, so a sheet the user has hand-edited beyond recognition is reported,
 * never written over. Pure: `sheets/read` fetches the values.
 */
import { CATALOGUE, LANGS, t, type Lang } from '../words/i18n';
import {
  CARD_KEYS,
  CONTENT_KEYS,
  newStage,
  TITLE_KEYS,
  type CellData,
  type Journey,
} from './journey';
import { hash } from './hash';
import {
  a1,
  FIRST_STAGE_COL,
  LABEL_COL,
  isSideMarker,
  parseFooter,
  parseStageMarker,
  ROW,
  ROW_ORDER,
  SIDE_COL,
  sideMarker,
  TEMPLATE_VERSION,
  type RowKey,
  colName,
} from './layout';
import type { Role } from './stages';
import { dateToIso, isDate, parseDate, serialToIso } from './dates';

export type ReadResult =
  | { ok: true; journey: Journey }
  | { ok: false; problem: 'notMap' }
  | { ok: false; problem: 'damaged'; reason: (lang: Lang) => string; lang?: Lang };

/**
 * A cell as the map's data holds it. A Date (a date cell, as getValues hands it over) becomes
 * its ISO day in the spreadsheet's time zone (`timeZone`; see dates.ts).
 */
export function toCellData(v: unknown, timeZone?: string): CellData {
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (isDate(v)) return dateToIso(v, timeZone) ?? '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v === null || v === undefined ? '' : String(v);
}

/**
 * A review date as the journey keeps it: ISO text. The sheet holds a date (a Date from
 * getValues, or its serial number where the cell lost its date format), or text typed as a
 * date ("15.05.2026"), or other text, which stays as it is.
 */
function dateValue(v: unknown, timeZone: () => string | undefined): CellData {
  if (typeof v === 'number' && Number.isFinite(v)) return serialToIso(v) ?? v;
  const data = toCellData(v, isDate(v) ? timeZone() : undefined);
  return typeof data === 'string' ? (parseDate(data) ?? data) : data;
}

const labelOf = (lang: Lang, key: RowKey): string =>
  key === 'footer' ? '' : CATALOGUE[lang][`row.${key}`];

/** The title rows that hold dates. */
const DATE_KEYS: ReadonlySet<RowKey> = new Set<RowKey>(['reviewed', 'nextReview']);

/**
 * The language whose row labels column A holds most of, wherever they are (rows may have moved).
 */
function detectLang(column: readonly string[]): Lang {
  const score = (lang: Lang) => ROW_ORDER.filter((k) => column.includes(labelOf(lang, k))).length;
  return LANGS.reduce((best, l) => (score(l) > score(best) ? l : best));
}

/** The letters of a column, for messages ("C"). */

type Columns =
  | { ok: true; stages: { col: number; id: string }[] }
  | { ok: false; reason: (lang: Lang) => string };

/**
 * Which columns are stages. Since v2 every stage column carries its stage marker in the footer
 * row: the stages run from C to the last marked column, a column the user inserted among them
 * and named is adopted, and nothing right of the last marker is a stage (notes typed there stay
 * notes). A v1 map has no markers: its stages run from C to the first column with neither a
 * name nor a funnel role.
 */
function stageColumns(
  values: readonly (readonly unknown[])[],
  cell: (row: number, col: number) => CellData,
): Columns {
  const footer = values[ROW.footer - 1] ?? [];
  const named = (col: number) => [ROW.header, ROW.role].some((row) => cell(row, col) !== '');
  let last = 0;
  footer.forEach((v, i) => {
    if (i + 1 >= FIRST_STAGE_COL && parseStageMarker(v)) last = i + 1;
  });
  if (!last) for (last = FIRST_STAGE_COL - 1; named(last + 1); last++);
  const seen = new Map<string, number>();
  const stages: { col: number; id: string }[] = [];
  for (let col = FIRST_STAGE_COL; col <= last; col++) {
    const marker = parseStageMarker(footer[col - 1]);
    if (marker && !seen.has(marker)) {
      seen.set(marker, 1);
      stages.push({ col, id: marker });
      continue;
    }
    if (!named(col))
      return {
        ok: false,
        reason: (l) => t(l, 'damage.emptyColumn', { col: colName(col), row: ROW.header }),
      };
    // A copied stage column, or one the user inserted: named by its name until it gets a marker.
    const name = String(cell(ROW.header, col));
    const n = (seen.get(`~${name}`) ?? 0) + 1;
    seen.set(`~${name}`, n);
    stages.push({ col, id: `~${hash(`${name}#${n}`)}` });
  }
  return stages.length
    ? { ok: true, stages }
    : { ok: false, reason: (l) => t(l, 'damage.noStages') };
}

/**
 * The stage columns in a map's values as the reader finds them, or null when it cannot tell them (a
 * column inside holds no stage).
 */
export function stageColumnsIn(values: readonly (readonly unknown[])[]): number[] | null {
  const columns = stageColumns(values, (row, col) => toCellData(values[row - 1]?.[col - 1]));
  return columns.ok ? columns.stages.map((s) => s.col) : null;
}

/**
 * Why column B is not the map's side column (v2 maps carry its marker in the footer row), or null.
 */
function sideProblem(
  cell: (row: number, col: number) => CellData,
): ((lang: Lang) => string) | null {
  const found = cell(ROW.footer, SIDE_COL);
  if (isSideMarker(found)) return null;
  if (parseStageMarker(found)) return (l) => t(l, 'damage.sideDeleted');
  for (let col = SIDE_COL + 1; col <= SIDE_COL + 3; col++) {
    if (isSideMarker(cell(ROW.footer, col)))
      return (l) => t(l, 'damage.columnInserted', { col: colName(SIDE_COL) });
  }
  return (l) =>
    t(l, 'damage.sideMarker', {
      cell: a1(ROW.footer, SIDE_COL),
      expected: sideMarker(l),
      found: String(found),
    });
}

/**
 * The column other than A where the map marker sits in the footer row (a column inserted before A),
 * or 0.
 */
function shiftedMarkerCol(values: unknown[][]): number {
  return (values[ROW.footer - 1] ?? []).findIndex((v, i) => i > 0 && parseFooter(v) !== null) + 1;
}

/**
 * The map in a sheet's values (rows 1… of columns A…). `zone` is the spreadsheet's time zone
 * (or how to ask for it), to read the day of a date cell; without it a date is read as the
 * nearest UTC midnight.
 */
export function readJourney(values: unknown[][], zone?: string | (() => string)): ReadResult {
  // Asked for only when a date cell is read (Apps Script charges a call for it).
  let asked: string | undefined;
  const timeZone = (): string | undefined => {
    if (typeof zone !== 'function') return zone;
    asked ??= zone();
    return asked;
  };
  const cell = (row: number, col: number): CellData => {
    const v = values[row - 1]?.[col - 1];
    return toCellData(v, isDate(v) ? timeZone() : undefined);
  };
  const column = values.map((row) => String(toCellData(row[LABEL_COL - 1])).trim());
  const labels = ROW_ORDER.map((k) => column[ROW[k] - 1] ?? '');
  const lang = detectLang(column);
  // A map whose rows were moved or deleted is still recognised (as damaged) by its marker or its
  // labels.
  const footer = parseFooter(cell(ROW.footer, LABEL_COL));
  const known = ROW_ORDER.filter((k) => k !== 'footer' && column.includes(labelOf(lang, k))).length;
  if (!footer && !column.some((c) => parseFooter(c)) && known < ROW_ORDER.length / 2) {
    const shifted = shiftedMarkerCol(values);
    return shifted
      ? {
          ok: false,
          problem: 'damaged',
          reason: (l) => t(l, 'damage.columnBeforeA', { col: colName(shifted) }),
        }
      : { ok: false, problem: 'notMap' };
  }

  const wrong = ROW_ORDER.findIndex((k, i) => k !== 'footer' && labels[i] !== labelOf(lang, k));
  if (wrong >= 0) {
    const key = ROW_ORDER[wrong] as RowKey;
    return {
      ok: false,
      problem: 'damaged',
      lang,
      reason: (l) =>
        t(l, 'damage.label', {
          row: wrong + 1,
          expected: labelOf(lang, key),
          found: labels[wrong] ?? '',
        }),
    };
  }
  if (!footer)
    return {
      ok: false,
      problem: 'damaged',
      lang,
      reason: (l) => t(l, 'damage.footer', { cell: a1(ROW.footer, LABEL_COL) }),
    };
  if (footer.version > TEMPLATE_VERSION)
    return {
      ok: false,
      problem: 'damaged',
      lang,
      reason: (l) => t(l, 'damage.version', { version: footer.version }),
    };
  const side = footer.version >= 2 ? sideProblem(cell) : null;
  if (side) return { ok: false, problem: 'damaged', lang, reason: side };

  const columns = stageColumns(values, cell);
  if (!columns.ok) return { ok: false, problem: 'damaged', lang, reason: columns.reason };

  const stages = columns.stages.map(({ col, id }) => {
    const role = String(cell(ROW.role, col)).trim().toUpperCase();
    const valid = role === 'L' || role === 'C' || role === 'Q';
    const stage = newStage(String(cell(ROW.header, col)), valid ? (role as Role) : '', id);
    if (!valid && role !== '') stage.roleText = String(cell(ROW.role, col));
    for (const k of CONTENT_KEYS) stage.content[k] = cell(ROW[k], col);
    stage.customers = cell(ROW.customers, col);
    stage.target = cell(ROW.target, col);
    return stage;
  });
  const sideCells = <K extends RowKey>(keys: readonly K[]) =>
    Object.fromEntries(
      keys.map((k) => [
        k,
        DATE_KEYS.has(k)
          ? dateValue(values[ROW[k] - 1]?.[SIDE_COL - 1], timeZone)
          : cell(ROW[k], SIDE_COL),
      ]),
    ) as Record<K, CellData>;
  return {
    ok: true,
    journey: {
      id: footer.id,
      lang,
      title: sideCells(TITLE_KEYS),
      card: sideCells(CARD_KEYS),
      stages,
      avgCheck: cell(ROW.avgCheck, SIDE_COL),
      purchases: cell(ROW.purchases, SIDE_COL),
      // the template's note in place of the roles' hint (a user who clears it confirms them)
      ...(String(cell(ROW.role, SIDE_COL)).startsWith('⚠') ? { rolesGuessed: true } : {}),
    },
  };
}
