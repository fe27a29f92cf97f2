/**
 * Reads a found table as a journey map sees it: which way the stages run (across, or down in a
 * transposed table), the stage names and the phase titles above them (a merged phase title
 * reaches the script in its first cell only, so each stage takes the phase written at or before
 * its column), each row with the map row its label suggests, and the label–value pairs of the
 * title block above. Nothing is dropped: a row or pair that matches nothing is suggested "keep".
 */
import { fittedName } from '../map/names';
import { parseNumber, type NumberLang } from '../funnel/numbers';
import type { CellData } from '../map/journey';
import { a1 } from '../map/layout';
import { rectA1, type CellWindow, type Rect } from './find-table';
import {
  isFeelingLabel,
  isPhaseLabel,
  isRowLabel,
  isStageLabel,
  normaliseLabel,
  pairTargetOf,
  rowTargetOf,
  type PairTarget,
  type RowTarget,
} from './labels';

export interface ImportStage {
  name: string;
  /** the phase title over the stage ('' when none) */
  phase: string;
}

export interface ImportRow {
  /** the row's label as the table has it */
  label: string;
  /** where the label is on the source sheet ("A7") */
  at: string;
  /** one cell per stage */
  values: CellData[];
  target: RowTarget;
}

export interface ImportPair {
  label: string;
  value: CellData;
  target: PairTarget;
}

/** A table as the dialog previews it and sends it back with the user's choices. */
export interface ImportReading {
  sheetName: string;
  /** the table's range on its sheet ("A3:G12") */
  range: string;
  /** where the stage names are ("B3:G3"); '' when the table has no row of names */
  names: string;
  /** stages across (names in a row) or down (a transposed table) */
  across: boolean;
  stages: ImportStage[];
  rows: ImportRow[];
  pairs: ImportPair[];
  /** the map's name: the table's title cell, or its sheet's name */
  name: string;
  /** the stage whose name says it is the deal (purchase, order…), or null */
  deal: number | null;
  /** cells that hold a formula error (#REF!…), imported as the error's text */
  errors: string[];
}

/** Header rows above the rows of a table: the stage names and at most two rows of phases. */
const MAX_HEADER_ROWS = 3;
const ERROR = /^#(REF!|N\/A|DIV\/0!|VALUE!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!)$/;
const DEAL =
  /^(purchase|buy|buying|order|deal|checkout|payment|sale|book|booking|subscribe|sign up|покупка|сделка|заказ|оплата|продажа|оформление заказа|бронирование|подписка)$/;

/** The table's cells with stages across, whichever way the sheet has them. */
interface Oriented {
  cell: (r: number, c: number) => CellData;
  rows: number;
  cols: number;
  /** the sheet cell ("B4") of an oriented position */
  at: (r: number, c: number) => string;
}

const str = (v: CellData | undefined): string => (v === undefined ? '' : String(v));

function oriented(w: CellWindow, x: Rect, across: boolean): Oriented {
  const cell = (r: number, c: number) => w.cells[x.row + r]?.[x.col + c] ?? '';
  const sheet = (r: number, c: number) => a1(w.row + x.row + r, w.col + x.col + c);
  return across
    ? { cell, rows: x.rows, cols: x.cols, at: sheet }
    : {
        cell: (r, c) => cell(c, r),
        rows: x.cols,
        cols: x.rows,
        at: (r, c) => sheet(c, r),
      };
}

/** How many labels of a journey table's rows a line holds. */
function labelCount(count: number, cell: (i: number) => CellData): number {
  let n = 0;
  for (let i = 0; i < count; i++) if (isRowLabel(str(cell(i)))) n++;
  return n;
}

/** Stages run down when the row labels are across the top (in its first two rows). */
function runsAcross(w: CellWindow, x: Rect): boolean {
  const t = oriented(w, x, true);
  const inColumn = Math.max(...[0, 1].map((c) => labelCount(t.rows, (r) => t.cell(r, c))));
  const inRow = Math.max(...[0, 1].map((r) => labelCount(t.cols, (c) => t.cell(r, c))));
  return inRow <= inColumn;
}

const filledFrom = (t: Oriented, r: number, from: number): number => {
  let n = 0;
  for (let c = from; c < t.cols; c++) if (str(t.cell(r, c)) !== '') n++;
  return n;
};

/**
 * The header rows at the top: blank-labelled rows with names in them, and rows labelled "Stage" or
 * "Phase" even when empty (a template's phase row left blank sits above the names).
 */
function headerRows(t: Oriented): number[] {
  const rows: number[] = [];
  for (let r = 0; r < Math.min(MAX_HEADER_ROWS, t.rows); r++) {
    const label = str(t.cell(r, 0));
    const labelled = isStageLabel(label) || isPhaseLabel(label);
    if (!(labelled || (label === '' && filledFrom(t, r, 1) > 0))) break;
    rows.push(r);
  }
  return rows;
}

/** A score row holds scores from 1 to 5; a role row L, C or Q: else the row is kept as it is. */
function suggestRow(label: string, values: readonly CellData[], lang: NumberLang): RowTarget {
  const matched = rowTargetOf(label) ?? (isFeelingLabel(label) ? 'score' : null);
  const given = values.filter((v) => v !== '');
  if (matched === 'score') {
    const scores = given.map((v) => (typeof v === 'number' ? v : parseNumber(v, lang)));
    return scores.every((n) => n !== null && Number.isInteger(n) && n >= 1 && n <= 5)
      ? 'score'
      : 'keep';
  }
  if (matched === 'role')
    return given.every((v) => /^[LCQ]$/.test(String(v).trim().toUpperCase())) ? 'role' : 'keep';
  return matched ?? 'keep';
}

/** A title row as a pair: "Label | value", "Label: value" in one cell, or a title alone. */
function pairOf(cells: CellData[], first: boolean): ImportPair {
  const [head = '', ...rest] = cells;
  if (rest.length === 0) {
    const m = /^([^:\n]{1,60}):\s*([\s\S]+)$/.exec(str(head));
    const target = m ? pairTargetOf(m[1] ?? '') : null;
    if (m && target) return { label: `${m[1]}:`, value: m[2] ?? '', target };
    return { label: '', value: head, target: first ? 'name' : 'keep' };
  }
  const value = rest.length === 1 ? (rest[0] ?? '') : rest.map(str).join('\n');
  return { label: str(head), value, target: pairTargetOf(str(head)) ?? 'keep' };
}

function pairsIn(w: CellWindow, x: Rect | null): ImportPair[] {
  if (!x) return [];
  const pairs: ImportPair[] = [];
  for (let r = x.row; r < x.row + x.rows; r++) {
    const cells: CellData[] = [];
    for (let c = x.col; c < x.col + x.cols; c++) {
      const v = w.cells[r]?.[c] ?? '';
      if (v !== '') cells.push(v);
    }
    if (cells.length) pairs.push(pairOf(cells, pairs.length === 0));
  }
  return pairs;
}

/** Cells holding a formula error, by their place on the sheet. */
function errorCells(w: CellWindow, x: Rect): string[] {
  const found: string[] = [];
  for (let r = x.row; r < x.row + x.rows; r++)
    for (let c = x.col; c < x.col + x.cols; c++)
      if (ERROR.test(str(w.cells[r]?.[c]))) found.push(a1(w.row + r, w.col + c));
  return found;
}

/**
 * The table read: `stageName(n)` names a stage whose name cell is blank (the n-th, from 1), in the
 * map's language; `lang` reads numbers typed as text.
 */
export function readTable(
  w: CellWindow,
  found: { table: Rect; title: Rect | null },
  sheetName: string,
  lang: NumberLang,
  stageName: (n: number) => string,
): ImportReading {
  const across = runsAcross(w, found.table);
  const t = oriented(w, found.table, across);
  const header = headerRows(t);
  const namesRow = header
    .filter((r) => filledFrom(t, r, 1) > 0)
    .reduce<number | null>(
      (best, r) => (best === null || filledFrom(t, r, 1) >= filledFrom(t, best, 1) ? r : best),
      null,
    );
  const phaseRows = header.filter((r) => namesRow !== null && r < namesRow);
  const columns = Array.from({ length: t.cols - 1 }, (_, i) => i + 1).filter((c) =>
    Array.from({ length: t.rows }, (_, r) => r).some((r) => str(t.cell(r, c)) !== ''),
  );
  const phaseOf = (c: number) =>
    phaseRows
      .map((r) => {
        for (let at = c; at >= 1; at--) if (str(t.cell(r, at)) !== '') return str(t.cell(r, at));
        return '';
      })
      .filter(Boolean)
      .join(' · ');
  const stages = columns.map((c, i) => ({
    name: namesRow === null ? '' : str(t.cell(namesRow, c)) || stageName(i + 1),
    phase: phaseOf(c),
  }));
  const unnamedAll = namesRow === null;
  const rows: ImportRow[] = [];
  for (let r = 0; r < t.rows; r++) {
    if (r === namesRow || phaseRows.includes(r)) continue;
    const label = str(t.cell(r, 0));
    const values = columns.map((c) => t.cell(r, c));
    if (label === '' && values.every((v) => v === '')) continue;
    rows.push({ label, at: t.at(r, 0), values, target: suggestRow(label, values, lang) });
  }
  const pairs = pairsIn(w, found.title);
  const titled = pairs.find((p) => p.target === 'name');
  const first = columns[0] ?? 1;
  const lastCol = columns.at(-1) ?? first;
  return {
    sheetName,
    range: rectA1(w, found.table),
    names: namesRow === null ? '' : `${t.at(namesRow, first)}:${t.at(namesRow, lastCol)}`,
    across,
    stages: unnamedAll ? stages.map((s, i) => ({ ...s, name: stageName(i + 1) })) : stages,
    rows,
    pairs,
    name: fittedName('map', titled ? str(titled.value) : sheetName),
    deal: dealStage(stages),
    errors: errorCells(w, found.table),
  };
}

function dealStage(stages: readonly ImportStage[]): number | null {
  const i = stages.findIndex((s) => DEAL.test(normaliseLabel(s.name)));
  return i < 0 ? null : i;
}
