/**
 * The map's history sheet in Sheets: found by its named cell, read in one call, started when a
 * map has none, and given one period row per review. Columns are found by their markers (row 3),
 * so a user who moved them, or pasted periods under them, loses nothing.
 */
import { DATE_FORMAT, isoToSerial } from '../core/map/dates';
import { FORMAT } from '../core/map/formats';
import type { Journey } from '../core/map/journey';
import { a1Range } from '../core/map/layout';
import {
  columnMarker,
  countedPeriods,
  FIRST_PERIOD_ROW,
  historyMarker,
  historyRangeName,
  historySheetName,
  MARKER_ROW,
  NAME_ROW,
  PERIOD_FIELDS,
  readHistory,
  STAGE_BLOCKS,
  type ColumnKey,
  type History,
  type PeriodField,
  type StageBlock,
} from '../core/review/history';
import type { RecordedInputs } from '../core/review/period';
import { t, type Lang } from '../core/words/i18n';
import { refuseProtected, type Changes } from './protections';
import { insertUniqueSheet, renameUnique } from './sheet-names';
import { asText, keptValue, type SheetValue } from './values';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export interface HistorySheet {
  sheet: Sheet;
  /** the sheet's cells as read (rows from 1), [] for a history started by this call */
  values: unknown[][];
  /** their formulas ("" where none): a cell written back keeps a user's formula */
  formulas: string[][];
  history: History;
  /** started by this command: nothing was in it */
  fresh: boolean;
}

/** The history the map's named cell points at, or null (none yet, or its sheet was deleted). */
export function findHistorySheet(ss: Spreadsheet, mapId: string): Sheet | null {
  try {
    return ss.getRangeByName(historyRangeName(mapId))?.getSheet() ?? null;
  } catch {
    return null;
  }
}

/** A history of up to this many rows is read whole, in one call. */
const WHOLE_READ_ROWS = 5000;

/**
 * The cells without their blank rows and columns at the end, as the data range would give them
 * (a formula showing nothing is not blank).
 */
function trimmed(values: unknown[][], formulas: string[][]): [unknown[][], string[][]] {
  const used = (r: number, c: number) => {
    const v = values[r]?.[c];
    return (v !== '' && v !== null && v !== undefined) || Boolean(formulas[r]?.[c]);
  };
  let rows = 0;
  let cols = 0;
  values.forEach((line, r) => {
    for (let c = line.length - 1; c >= cols; c--)
      if (used(r, c)) {
        cols = c + 1;
        break;
      }
    if (line.some((_, c) => used(r, c))) rows = r + 1;
  });
  const cut = <T>(grid: T[][]) => grid.slice(0, rows).map((line) => line.slice(0, cols));
  return [cut(values), cut(formulas)];
}

/** What renaming a map changes on its history: the sheet's name (none without a history). */
export function historyRenameChanges(ss: Spreadsheet, mapId: string): Changes[] {
  const sheet = findHistorySheet(ss, mapId);
  return sheet ? [{ sheet, sheetItself: true }] : [];
}

/**
 * A renamed map's history follows it: "<new name> · history". The map's trend formulas follow
 * the sheet by themselves (Sheets rewrites a reference when its sheet is renamed).
 */
export function renameHistory(ss: Spreadsheet, mapId: string, lang: Lang, mapName: string): void {
  const sheet = findHistorySheet(ss, mapId);
  if (sheet) renameUnique(ss, sheet, historySheetName(mapName, lang));
}

/**
 * The history's cells: the sheet's size is metadata, so reading it whole is one round trip where
 * the data range would be two (its extent is a read of its own), unless it has grown past what is
 * worth reading blank.
 */
function wholeHistory(sheet: Sheet): Range {
  const rows = sheet.getMaxRows();
  return rows <= WHOLE_READ_ROWS
    ? sheet.getRange(1, 1, rows, sheet.getMaxColumns())
    : sheet.getDataRange();
}

const historyOf = (values: unknown[][], lang: Lang, timeZone: () => string): History =>
  readHistory(values.slice(0, MARKER_ROW), values.slice(FIRST_PERIOD_ROW - 1), lang, timeZone);

/** The history's cells and their formulas (a cell written back keeps a user's formula), and what they hold. */
export function readHistorySheet(sheet: Sheet, lang: Lang, timeZone: () => string): HistorySheet {
  const range = wholeHistory(sheet);
  const [values, formulas] = trimmed(range.getValues(), range.getFormulas());
  return { sheet, values, formulas, history: historyOf(values, lang, timeZone), fresh: false };
}

/** What the history holds, from its values alone (one read): for what only reads it. */
export function readHistoryValues(sheet: Sheet, lang: Lang, timeZone: () => string): History {
  return historyOf(wholeHistory(sheet).getValues(), lang, timeZone);
}

/**
 * The last `count` periods of a history (by the day they cover, wherever their rows are: pasted
 * rows need not be in order), read without reading the history whole: its header rows, its date
 * columns, then the rows of those periods (one read per run of neighbouring rows). At 40 stages and
 * 120 periods that is about 1,500 cells, where the whole sheet is 15,000. Null when the sheet no
 * longer shows its columns' markers.
 */
export function readHistoryTail(
  sheet: Sheet,
  lang: Lang,
  timeZone: () => string,
  count: number,
): History | null {
  const width = sheet.getMaxColumns();
  const last = sheet.getLastRow();
  const head = sheet.getRange(1, 1, Math.min(MARKER_ROW, Math.max(last, 1)), width).getValues();
  const dates = readHistory(head, [], lang, timeZone);
  const cols = (['from', 'to', 'recorded'] as const)
    .map((f) => dates.columns.get(f))
    .filter((c): c is number => c !== undefined);
  if (!cols.length || last < FIRST_PERIOD_ROW) return cols.length ? dates : null;
  const left = Math.min(...cols);
  const span = sheet
    .getRange(FIRST_PERIOD_ROW, left, last - FIRST_PERIOD_ROW + 1, Math.max(...cols) - left + 1)
    .getValues();
  // Only the date columns are where readHistory looks for them: shift them into place.
  const dated = readHistory(
    head,
    span.map((line) => [...Array<unknown>(left - 1).fill(''), ...line]),
    lang,
    timeZone,
  );
  const rows = countedPeriods(dated.periods)
    .slice(-count)
    .map((p) => p.row)
    .sort((a, b) => a - b);
  const lines: unknown[][] = [];
  for (const run of runsOf(rows)) {
    const read = sheet.getRange(run.first, 1, run.last - run.first + 1, width).getValues();
    read.forEach((line, i) => {
      lines[run.first - FIRST_PERIOD_ROW + i] = line;
    });
  }
  // rows not read are holes: readHistory passes over them as blank lines
  return readHistory(
    head,
    Array.from(lines, (line) => line ?? []),
    lang,
    timeZone,
  );
}

/** Sorted rows as runs of neighbours: [4, 5, 6, 9] → 4–6, 9–9. */
function runsOf(rows: readonly number[]): { first: number; last: number }[] {
  const runs: { first: number; last: number }[] = [];
  for (const row of rows) {
    const run = runs[runs.length - 1];
    if (run && run.last === row - 1) run.last = row;
    else runs.push({ first: row, last: row });
  }
  return runs;
}

/** A new history, next to its map, named after it: nothing is read (it is empty). */
export function startHistorySheet(
  ss: Spreadsheet,
  mapSheet: Sheet,
  mapName: string,
  j: Journey,
): HistorySheet {
  const { sheet } = insertUniqueSheet(
    ss,
    historySheetName(mapName, j.lang),
    PERIOD_FIELDS.length + STAGE_BLOCKS.length * j.stages.length,
    mapSheet.getIndex(),
  );
  try {
    ss.removeNamedRange(historyRangeName(j.id));
  } catch {
    // there was none: the usual case
  }
  ss.setNamedRange(historyRangeName(j.id), sheet.getRange(1, 1));
  // the new sheet is made the active one: the user stays on the map they reviewed
  mapSheet.activate();
  const history: History = {
    columns: new Map(),
    stageIds: [],
    names: new Map(),
    periods: [],
    problems: [],
  };
  return { sheet, values: [], formulas: [], history, fresh: true };
}

const FIELD_FORMAT: Record<PeriodField, string> = {
  from: '',
  to: '',
  recorded: '',
  note: FORMAT.text,
  P: '#,##0.##',
  Q: FORMAT.factor,
  status: FORMAT.text,
};
const BLOCK_FORMAT: Record<StageBlock, string> = {
  customers: FORMAT.count,
  target: FORMAT.share,
  score: FORMAT.score,
};

/**
 * The columns a history needs for the map as it is now: those it has keep their place; a stage
 * it has no column for gets its three at the right end. Returns every column's key by sheet
 * column, and which are new.
 */
function layout(
  history: History,
  width: number,
  j: Journey,
): { keys: ColumnKey[]; added: number[] } {
  const keys: ColumnKey[] = [];
  const added: number[] = [];
  for (const [marker, col] of history.columns) {
    const field = (PERIOD_FIELDS as readonly string[]).includes(marker);
    const [block, stageId] = marker.split(' ');
    keys[col - 1] = field
      ? { kind: 'field', field: marker as PeriodField }
      : { kind: 'stage', block: block as StageBlock, stageId: stageId ?? '' };
  }
  let next = Math.max(width, keys.length);
  const want: ColumnKey[] = [
    ...PERIOD_FIELDS.map((field): ColumnKey => ({ kind: 'field', field })),
    ...STAGE_BLOCKS.flatMap((block) =>
      j.stages.map((s): ColumnKey => ({ kind: 'stage', block, stageId: s.id })),
    ),
  ];
  for (const key of want) {
    if (history.columns.has(columnMarker(key))) continue;
    keys[next] = key;
    added.push(next + 1);
    next++;
  }
  return { keys, added };
}

/** What a row-2 cell says for a column: its field's or its stage's name, a removed stage marked. */
function columnName(key: ColumnKey | undefined, j: Journey, history: History): string | null {
  if (!key) return null;
  if (key.kind === 'field') return t(j.lang, `history.field.${key.field}`);
  const stage = j.stages.find((s) => s.id === key.stageId);
  if (stage) return stage.name;
  const was = history.names.get(key.stageId) ?? key.stageId;
  const removed = t(j.lang, 'history.removed', { name: '' }).trim();
  return was.endsWith(removed) ? was : t(j.lang, 'history.removed', { name: was });
}

export interface PeriodWrite {
  from: string;
  to: string;
  recorded: string;
  note: string;
  status: string;
  inputs: RecordedInputs;
  /** the sheet row to write (a period replaced), or null for the first free row */
  row: number | null;
}

/** A cell of the history (0-based) written back as it was: its formula, date, number or text. */
const keptCell = (h: HistorySheet, r: number, c: number): SheetValue =>
  keptValue(h.values[r]?.[c], h.formulas[r]?.[c] ?? '');

/** A value of the map as the history keeps it: numbers and dates as they are, text as text. */
function historyValue(v: unknown): SheetValue {
  if (typeof v === 'number') return v;
  if (v === null || v === undefined) return '';
  return asText(String(v));
}

/**
 * Writes the header rows (names of today's stages, markers, new columns) and the period's row:
 * two value writes, plus formats for columns this call added. Returns the period's sheet row.
 */
export function writePeriod(h: HistorySheet, j: Journey, mapName: string, p: PeriodWrite): number {
  const width = h.values[0]?.length ?? 0;
  const { keys, added } = layout(h.history, h.fresh ? 0 : width, j);
  const cols = keys.length;
  const head: SheetValue[][] = [[], [], []];
  for (let c = 0; c < cols; c++) {
    const key = keys[c];
    const kept = (r: number) => keptCell(h, r, c);
    const blockStart =
      key?.kind === 'stage' &&
      (c === 0 ||
        keys[c - 1]?.kind !== 'stage' ||
        (keys[c - 1] as { block: string }).block !== key.block);
    head[0]?.push(
      c === 0
        ? asText(historyMarker(j.id, j.lang))
        : blockStart && key?.kind === 'stage'
          ? asText(t(j.lang, `history.block.${key.block}`))
          : c === 1
            ? asText(t(j.lang, 'history.title', { map: mapName }))
            : kept(0),
    );
    const name = columnName(key, j, h.history);
    head[1]?.push(name === null ? kept(1) : asText(name));
    head[2]?.push(key ? asText(columnMarker(key)) : kept(2));
  }
  // (a formula showing nothing is a user's cell too)
  const lastUsed = h.values.reduce(
    (last, line, r) =>
      r >= FIRST_PERIOD_ROW - 1 && line.some((v, c) => v !== '' || h.formulas[r]?.[c])
        ? r + 1
        : last,
    FIRST_PERIOD_ROW - 1,
  );
  const row = p.row ?? lastUsed + 1;
  // Array.from, not keys.map: map skips the holes a user's inserted column leaves in `keys`,
  // and a hole would be written as a blank cell
  const line: SheetValue[] = Array.from(keys, (key, c) => {
    if (!key) return keptCell(h, row - 1, c);
    if (key.kind === 'stage') return historyValue(p.inputs[key.block][key.stageId]);
    switch (key.field) {
      case 'from':
      case 'to':
      case 'recorded':
        return isoDate(p[key.field]);
      case 'note':
        return asText(p.note);
      case 'status':
        return asText(p.status);
      case 'P':
        return historyValue(p.inputs.avgCheck);
      case 'Q':
        return historyValue(p.inputs.purchases);
      default:
        return key.field satisfies never;
    }
  });
  const sheet = h.sheet;
  const typed = typedNumbers(h, row);
  // (a stage new since the last review gets its columns past the sheet's last one: the check
  // covers the columns there are, and the insert; a history this command started has no
  // protection anyone could have set: no need to ask)
  const maxCols = sheet.getMaxColumns();
  const inside = Math.min(cols, maxCols);
  if (!h.fresh)
    refuseProtected(j.lang, [
      {
        sheet,
        cells: [
          { row: 1, col: 1, rows: MARKER_ROW, cols: inside },
          { row, col: 1, rows: 1, cols: inside },
          ...(typed
            ? [{ row: typed.top, col: 1, rows: typed.values.length, cols: typed.width }]
            : []),
        ],
        ...(maxCols < cols ? { columns: { kind: 'insert', after: maxCols } as const } : {}),
      },
    ]);
  const maxRows = sheet.getMaxRows();
  if (maxCols < cols) {
    sheet.insertColumnsAfter(maxCols, cols - maxCols);
    // (new columns copy the last one: its look suits the header, but a user's dropdown there
    // would refuse or flag the stage's figures)
    sheet.getRange(a1Range(1, maxCols + 1, maxRows, cols - maxCols)).clearDataValidations();
  }
  const formats = formatRanges(keys, added, h.fresh, j.lang, maxRows);
  sheet.getRange(1, 1, MARKER_ROW, cols).setValues(head);
  // (the period's own row last: a rewritten block of pasted rows may span it)
  if (typed) sheet.getRange(typed.top, 1, typed.values.length, typed.width).setValues(typed.values);
  sheet.getRange(row, 1, 1, cols).setValues([line]);
  for (const [format, ranges] of formats) sheet.getRangeList(ranges).setNumberFormat(format);
  if (h.fresh) {
    sheet.setFrozenRows(MARKER_ROW);
    sheet.getRange(a1Range(1, 1, NAME_ROW, cols)).setFontWeight('bold');
    sheet
      .getRange(a1Range(MARKER_ROW, 1, 1, cols))
      .setFontColor('#9aa0a6')
      .setFontSize(8);
  }
  return row;
}

/**
 * The rows of periods a user pasted with numbers or dates as text ("1 800", "27,5 %",
 * "31.10.2026"), rewritten with what they were read as, so the map's trend formulas compute
 * with them as the add-on reads them; every other cell is written back as it was. Null when
 * every period holds real numbers.
 */
function typedNumbers(
  h: HistorySheet,
  skip: number,
): { top: number; width: number; values: SheetValue[][] } | null {
  const fixes = new Map<string, SheetValue>();
  for (const p of h.history.periods) {
    if (p.row === skip) continue;
    const line = h.values[p.row - 1] ?? [];
    for (const [marker, col] of h.history.columns) {
      const raw = line[col - 1];
      // (a user's formula that shows text stays their formula)
      if (typeof raw !== 'string' || raw.trim() === '' || h.formulas[p.row - 1]?.[col - 1])
        continue;
      const [block, id] = marker.split(' ');
      const read =
        marker === 'from' || marker === 'to' || marker === 'recorded'
          ? p[marker]
          : marker === 'P'
            ? p.avgCheck
            : marker === 'Q'
              ? p.purchases
              : id !== undefined &&
                  (block === 'customers' || block === 'target' || block === 'score')
                ? p[block][id]
                : null;
      if (read === null || read === undefined) continue;
      fixes.set(`${p.row}:${col}`, typeof read === 'string' ? isoDate(read) : read);
    }
  }
  if (!fixes.size) return null;
  const rows = [...fixes.keys()].map((k) => Number(k.split(':')[0]));
  const top = Math.min(...rows);
  const bottom = Math.max(...rows);
  const width = h.values[0]?.length ?? 1;
  const values = Array.from({ length: bottom - top + 1 }, (_, r) =>
    Array.from(
      { length: width },
      (_, c) => fixes.get(`${top + r}:${c + 1}`) ?? keptCell(h, top + r - 1, c),
    ),
  );
  return { top, width, values };
}

/** Each column's number format, grouped by format, for the columns this write laid out. */
function formatRanges(
  keys: readonly (ColumnKey | undefined)[],
  added: readonly number[],
  fresh: boolean,
  lang: Lang,
  maxRows: number,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const cols = fresh ? keys.map((_, i) => i + 1) : added;
  for (const col of cols) {
    const key = keys[col - 1];
    if (!key) continue;
    const format =
      key.kind === 'stage' ? BLOCK_FORMAT[key.block] : FIELD_FORMAT[key.field] || DATE_FORMAT[lang];
    const range = a1Range(FIRST_PERIOD_ROW, col, Math.max(1, maxRows - FIRST_PERIOD_ROW + 1), 1);
    out.set(format, [...(out.get(format) ?? []), range]);
  }
  return out;
}

/** An ISO day as a date cell takes it (its serial number under a date format). */
const isoDate = (iso: string): SheetValue => isoToSerial(iso) ?? asText(iso);
