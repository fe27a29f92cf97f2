/**
 * A map's history sheet: one row per reviewed period, one column per stage identity in each of
 * three blocks (customers, target step conversion, experience score). Row 2 shows each column's
 * name (a stage's current name); row 3 carries its marker ("customers k7p2qxab"), so a period
 * stays with its stage when the stage is renamed, moved or removed, and when a user moves the
 * history's columns. A period holds only inputs: everything derived (conversions, revenue, the
 * weakest transition) is computed from them by the map's own rules, so a row a user pasted from
 * a CRM and a row a review recorded are the same thing.
 */
import { parseNumber } from '../funnel/numbers';
import { cellDate } from '../map/dates';
import { a1, colName } from '../map/layout';
import { t, type Lang } from '../words/i18n';

/** The history's fixed columns, by marker, in the order a new history lays them out. */
export const PERIOD_FIELDS = ['from', 'to', 'recorded', 'note', 'P', 'Q', 'status'] as const;
export type PeriodField = (typeof PERIOD_FIELDS)[number];
export const STAGE_BLOCKS = ['customers', 'target', 'score'] as const;
export type StageBlock = (typeof STAGE_BLOCKS)[number];

export const TITLE_ROW = 1;
export const NAME_ROW = 2;
export const MARKER_ROW = 3;
export const FIRST_PERIOD_ROW = 4;

/** The history's named cell (its A1), which finds it whatever the sheet is called. */
export const historyRangeName = (mapId: string): string => `CJM_${mapId}_HISTORY`;
export const HISTORY_NAME = /^CJM_([A-Z0-9]+)_HISTORY$/;

const MARKER_WORD: Record<Lang, string> = { en: 'CJM history', ru: 'История CJM' };
export const historyMarker = (mapId: string, lang: Lang): string => `${MARKER_WORD[lang]} ${mapId}`;

/** The map id an A1 names, in either language. */
export function parseHistoryMarker(text: unknown): string | null {
  return (
    /^(?:CJM history|История CJM) ([A-Z0-9]{4,12})$/.exec(String(text ?? '').trim())?.[1] ?? null
  );
}

/** The history sheet's name for a map sheet: "<map> · history" in the map's language. */
export const historySheetName = (mapSheet: string, lang: Lang): string =>
  `${mapSheet} · ${t(lang, 'history.suffix')}`;

export type ColumnKey =
  | { kind: 'field'; field: PeriodField }
  | { kind: 'stage'; block: StageBlock; stageId: string };

export function columnMarker(c: ColumnKey): string {
  return c.kind === 'field' ? c.field : `${c.block} ${c.stageId}`;
}

export function parseColumnMarker(text: unknown): ColumnKey | null {
  const s = String(text ?? '').trim();
  if ((PERIOD_FIELDS as readonly string[]).includes(s))
    return { kind: 'field', field: s as PeriodField };
  const m = /^(customers|target|score) ([a-z0-9~]{1,80})$/.exec(s);
  return m ? { kind: 'stage', block: m[1] as StageBlock, stageId: m[2] ?? '' } : null;
}

/** One period as the history holds it: its dates and inputs, numbers or null where blank. */
export interface Period {
  /** the sheet row it is on */
  row: number;
  from: string | null;
  to: string | null;
  recorded: string | null;
  note: string;
  /** "", or the mark of a second review recorded for the same period */
  status: string;
  avgCheck: number | null;
  purchases: number | null;
  customers: Record<string, number | null>;
  target: Record<string, number | null>;
  score: Record<string, number | null>;
}

/** A cell of the history that could not be read, named so the user can fix it. */
export interface HistoryProblem {
  cell: string;
  value: string;
  what: 'date' | 'number' | 'share' | 'score';
}

export interface History {
  /** 1-based column of every marker found */
  columns: Map<string, number>;
  /** the stage ids with a customers column, left to right */
  stageIds: string[];
  /** the names row 2 shows for each stage id */
  names: Map<string, string>;
  periods: Period[];
  problems: HistoryProblem[];
}

/** Blank, as a getValues cell reads. */
const blank = (v: unknown): boolean => v === '' || v === null || v === undefined;

/**
 * The history in a sheet's values (rows from 1). Pasted numbers typed as text ("1 200",
 * "27,5 %") are read as numbers, since a CRM's export often arrives so; a cell that is no number
 * is named in `problems` and read as blank, never dropping its period. `rowOffset` is the sheet
 * row of values[0] (a read of the last rows only).
 */
export function readHistory(
  head: readonly (readonly unknown[])[],
  rows: readonly (readonly unknown[])[],
  lang: Lang,
  timeZone: () => string | undefined,
  rowOffset = FIRST_PERIOD_ROW,
): History {
  const columns = new Map<string, number>();
  const stageIds: string[] = [];
  const names = new Map<string, string>();
  const markers = head[MARKER_ROW - 1] ?? [];
  markers.forEach((m, i) => {
    const key = parseColumnMarker(m);
    if (!key) return;
    const marker = columnMarker(key);
    if (columns.has(marker)) return;
    columns.set(marker, i + 1);
    if (key.kind === 'stage' && key.block === 'customers') {
      stageIds.push(key.stageId);
      names.set(key.stageId, String(head[NAME_ROW - 1]?.[i] ?? '').trim());
    }
  });
  const problems: HistoryProblem[] = [];
  const periods: Period[] = [];
  rows.forEach((line, r) => {
    if (line.every(blank)) return;
    const row = rowOffset + r;
    const at = (marker: string): unknown => {
      const col = columns.get(marker);
      return col === undefined ? '' : line[col - 1];
    };
    const where = (marker: string) => a1(row, columns.get(marker) ?? 1);
    const date = (marker: PeriodField): string | null => {
      const v = at(marker);
      if (blank(v)) return null;
      const iso = cellDate(v, timeZone);
      if (iso === null) problems.push({ cell: where(marker), value: String(v), what: 'date' });
      return iso;
    };
    const number = (marker: string, what: HistoryProblem['what']): number | null => {
      const v = at(marker);
      if (blank(v)) return null;
      const n = typeof v === 'number' ? v : typeof v === 'string' ? parseNumber(v, lang) : null;
      const ok =
        n !== null &&
        Number.isFinite(n) &&
        n >= 0 &&
        (what !== 'share' || n <= 1) &&
        (what !== 'score' || (n >= 1 && n <= 5));
      if (!ok) problems.push({ cell: where(marker), value: String(v), what });
      return ok ? n : null;
    };
    const block = (b: StageBlock, what: HistoryProblem['what']) =>
      Object.fromEntries(stageIds.map((id) => [id, number(`${b} ${id}`, what)]));
    periods.push({
      row,
      from: date('from'),
      to: date('to'),
      recorded: date('recorded'),
      note: String(at('note') ?? '').trim(),
      status: String(at('status') ?? '').trim(),
      avgCheck: number('P', 'number'),
      purchases: number('Q', 'number'),
      customers: block('customers', 'number'),
      target: block('target', 'share'),
      score: block('score', 'score'),
    });
  });
  return { columns, stageIds, names, periods, problems };
}

/** The problems of a history in words, for a message: "C7: “n/a” is not a number". */
export function describeProblems(problems: readonly HistoryProblem[], lang: Lang): string {
  return problems
    .slice(0, 5)
    .map((p) => t(lang, `history.bad.${p.what}`, { cell: p.cell, value: p.value }))
    .join('; ');
}

/** The end day of a period (what it is dated by), or "". */
export const periodDay = (p: Period): string => p.to ?? p.recorded ?? p.from ?? '';

/**
 * The periods that count, oldest first: dated by the day their span ends (the review day, or the
 * start, when a pasted row gave no end); of two periods of the same day, the lower row (the newer
 * review, which the history marks) stands for that day, the other stays in the sheet as it was.
 */
export function countedPeriods(periods: readonly Period[]): Period[] {
  const byDay = new Map<string, Period>();
  for (const p of periods) {
    const day = periodDay(p);
    const held = byDay.get(day);
    if (day !== '' && (!held || held.row < p.row)) byDay.set(day, p);
  }
  return [...byDay.values()].sort(
    (a, b) => periodDay(a).localeCompare(periodDay(b)) || a.row - b.row,
  );
}

/** The column letters of a marker, for formulas over the history ("H"). */
export function columnLetters(history: Pick<History, 'columns'>, marker: string): string | null {
  const col = history.columns.get(marker);
  return col === undefined ? null : colName(col);
}
