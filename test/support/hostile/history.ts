/**
 * A map's history sheet under hostile use: the periods reviews recorded and the cells a user
 * pasted or typed there (numbers, numeric text in both languages' forms, dates as text, junk,
 * formulas), tracked cell by cell. The add-on never moves a history's rows or columns, so after
 * any of its commands every tracked cell is where it was and holds what it held, or what its
 * text reads as (numeric text the same number, a text date the same date: a review rewrites them
 * so); only the period a user told a review to replace may change. After the user's own step the
 * cells follow the rows and columns the user moved, and what the user changed is forgotten.
 */
import { a1 } from '../../../src/core/map/layout';
import { cellAt, type Grid } from './scan';
import type { Entitled } from './world-state';

export type HistoryViolation = 'history-lost' | 'history-wrong';

/** One tracked cell: where it is, what it held when tracked, and what its text may become. */
interface TrackedCell {
  col: number;
  value: unknown;
  formula: string;
  /** row 3's text above it when last seen: finds the cell again after a user moved columns */
  marker: string;
}

interface Group {
  sheetId: number;
  row: number;
  cells: TrackedCell[];
  origin: string;
}

/** The numbers a text may be read as: with "," or "." as the decimal point, "%" divided by 100. */
export function readingsOf(text: string): number[] {
  let s = text
    .trim()
    .replace(/[₽$€]|руб\.?/gi, '')
    .replace(/[\s\u00a0\u202f]/g, '');
  let divisor = 1;
  if (s.endsWith('%')) {
    divisor = 100;
    s = s.slice(0, -1);
  }
  if (!/^[+-]?[\d.,]*\d[\d.,]*$/.test(s)) return [];
  const out = new Set<number>();
  for (const decimal of [',', '.']) {
    const plain = s
      .split(decimal === ',' ? '.' : ',')
      .join('')
      .replace(decimal, '.');
    const n = Number(plain) / divisor;
    if (/^[+-]?\d*\.?\d*$/.test(plain) && Number.isFinite(n)) out.add(n);
  }
  return [...out];
}

/** The day a text names as "31.10.2026" or "2026-10-31", as an ISO day, or null. */
export function dayOf(text: string): string | null {
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim());
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const [y, m, d] = ru ? [ru[3], ru[2], ru[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCDate() === Number(d) ? date.toISOString().slice(0, 10) : null;
}

const sameNumber = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** Whether a cell still holds what was tracked (a formula: the same formula). */
function holds(g: Grid, row: number, t: TrackedCell): boolean {
  const now = cellAt(g, row, t.col);
  if (t.formula) return now.formula === t.formula;
  if (now.formula) return false;
  if (typeof t.value === 'number' && typeof now.value === 'number')
    return sameNumber(now.value, t.value);
  return String(now.value) === String(t.value);
}

export const show = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
};

export class HistoryTracker {
  private groups: Group[] = [];

  /** Tracks the non-blank cells of a row (or the columns given) as they are in `g` now. */
  track(g: Grid, row: number, origin: string, cols?: readonly number[]): void {
    const line = g.values[row - 1] ?? [];
    const which = cols ?? line.map((_, i) => i + 1);
    const cells = which.flatMap((col): TrackedCell[] => {
      const { value, formula } = cellAt(g, row, col);
      if (!formula && (value === '' || value === null)) return [];
      if (g.spilled.has(`${row - 1},${col - 1}`)) return [];
      return [{ col, value, formula, marker: String(cellAt(g, 3, col).value) }];
    });
    if (cells.length) this.groups.push({ sheetId: g.sheetId, row, cells, origin });
  }

  /** A period the user told a review to replace: what its row held is no longer theirs to keep. */
  forget(sheetId: number, row: number): void {
    this.groups = this.groups.filter((x) => x.sheetId !== sheetId || x.row !== row);
  }

  /**
   * After a command: every tracked cell is where it was, with what it held or what its text
   * reads as. `dayAt` says which day a cell shows as a date (null when it shows no date).
   */
  check(
    grids: Map<number, Grid>,
    dayAt: (g: Grid, row: number, col: number) => string | null,
    report: (kind: HistoryViolation, message: string) => void,
  ): void {
    const keep: Group[] = [];
    for (const group of this.groups) {
      const g = grids.get(group.sheetId);
      if (!g) {
        report('history-lost', `the history sheet of ${group.origin} is gone`);
        continue;
      }
      const changed: string[] = [];
      group.cells = group.cells.filter((t) => {
        if (holds(g, group.row, t)) return true;
        const now = cellAt(g, group.row, t.col);
        const text = typeof t.value === 'string' && !t.formula ? t.value : null;
        // numeric text rewritten as the same number, a text date as the same date
        if (text !== null && !now.formula && typeof now.value === 'number') {
          const day = dayOf(text);
          const ok =
            day !== null
              ? dayAt(g, group.row, t.col) === day
              : readingsOf(text).some((n) => sameNumber(now.value as number, n));
          if (ok) {
            t.value = now.value;
            return true;
          }
        }
        changed.push(
          `${a1(group.row, t.col)} ${show(t.formula || t.value)} → ${show(now.formula || now.value)}`,
        );
        return false;
      });
      if (changed.length)
        report(
          'history-lost',
          `'${g.name}' row ${group.row} (${group.origin}) changed: ${changed.slice(0, 4).join('; ')}`,
        );
      if (group.cells.length) keep.push(group);
    }
    this.groups = keep;
  }

  /**
   * After the user's own step: each row goes where most of its cells are now (a row inserted
   * above moves it, a sort reorders it), each cell to its column there (by its place, else its
   * column marker, else anywhere in the row); what cannot be found the user changed.
   */
  follow(grids: Map<number, Grid>): void {
    const claimed = new Set<string>();
    const keep: Group[] = [];
    for (const group of [...this.groups].sort((x, y) => x.row - y.row)) {
      const g = grids.get(group.sheetId);
      if (!g) continue;
      const markers = (g.values[2] ?? []).map((v) => String(v));
      const colsOf = (t: TrackedCell): number[] => {
        const byMarker = t.marker === '' ? -1 : markers.indexOf(t.marker);
        return byMarker >= 0 && byMarker + 1 !== t.col ? [t.col, byMarker + 1] : [t.col];
      };
      const free = (row: number, col: number) => !claimed.has(`${group.sheetId}:${row}:${col}`);
      const at = (row: number, t: TrackedCell): number | undefined =>
        colsOf(t).find((col) => free(row, col) && holds(g, row, { ...t, col }));
      let best = { row: 0, score: 0 };
      for (let row = 1; row <= g.values.length; row++) {
        const score = group.cells.filter((t) => at(row, t) !== undefined).length;
        const nearer = Math.abs(row - group.row) < Math.abs(best.row - group.row);
        if (score > best.score || (score > 0 && score === best.score && nearer))
          best = { row, score };
      }
      if (best.score === 0) continue;
      const width = g.values[best.row - 1]?.length ?? 0;
      group.row = best.row;
      group.cells = group.cells.filter((t) => {
        let col = at(best.row, t);
        for (let c = 1; col === undefined && c <= width; c++)
          if (free(best.row, c) && holds(g, best.row, { ...t, col: c })) col = c;
        if (col === undefined) return false;
        claimed.add(`${group.sheetId}:${best.row}:${col}`);
        t.col = col;
        t.marker = markers[col - 1] ?? '';
        return true;
      });
      if (group.cells.length) keep.push(group);
    }
    this.groups = keep;
  }
}

/**
 * Formulas a user typed (constant ones, whose text no row or column move changes), by sheet:
 * each stays on its sheet, as a formula, whatever a command does.
 */
export class FormulaTracker {
  private tracked: { sheetId: number; formula: string; origin: string }[] = [];

  track(sheetId: number, formula: string, origin: string): void {
    this.tracked.push({ sheetId, formula, origin });
  }

  /**
   * `strict`: after a command (a missing formula is reported, unless it is one the command was
   * `entitled` to take); else the user removed it.
   */
  check(
    grids: Map<number, Grid>,
    strict: boolean,
    report: (kind: HistoryViolation, message: string) => void,
    entitled: readonly Entitled[] = [],
  ): void {
    const taken = entitled.filter((e) => e.formula);
    const left = new Map<string, number>();
    for (const g of grids.values())
      for (const line of g.formulas)
        for (const f of line)
          if (f) left.set(`${g.sheetId}:${f}`, (left.get(`${g.sheetId}:${f}`) ?? 0) + 1);
    this.tracked = this.tracked.filter((t) => {
      const key = `${t.sheetId}:${t.formula}`;
      const n = left.get(key) ?? 0;
      if (n > 0) {
        left.set(key, n - 1);
        return true;
      }
      const g = grids.get(t.sheetId);
      const i = taken.findIndex((e) => e.sheetId === t.sheetId && e.text === t.formula);
      if (i >= 0) {
        taken.splice(i, 1);
        return false;
      }
      if (strict)
        report(
          'history-lost',
          `the user's formula ${t.formula} (${t.origin}) is no longer in '${g?.name ?? 'its sheet (gone)'}'`,
        );
      return false;
    });
  }
}

// ---------------------------------------------------------------- periods pasted by hand

/** What a history column holds, by its marker in row 3 (null: no marker, the user's column). */
export type ColumnKind = 'date' | 'count' | 'share' | 'score' | 'factor' | 'text';

export function columnKind(marker: string): ColumnKind | null {
  if (marker === 'from' || marker === 'to' || marker === 'recorded') return 'date';
  if (marker === 'note' || marker === 'status') return 'text';
  if (marker === 'P') return 'count';
  if (marker === 'Q') return 'factor';
  const block = /^(customers|target|score) [a-z0-9~]+$/.exec(marker)?.[1];
  return block === 'customers' ? 'count' : block === 'target' ? 'share' : block ? 'score' : null;
}

/**
 * What a user pastes into a column of each kind, as they would enter it: numbers, text after an
 * apostrophe (a CRM's export read as text: numeric text in both languages' forms, dates, junk),
 * formulas of their own, '' to leave a cell blank. "N" is a count; "typed:" a date typed as a
 * date; "span:" the first or last day of the month before this one (the period a monthly review
 * covers now), as text.
 */
export const PASTED: Record<ColumnKind, readonly (string | number)[]> = {
  date: [
    'span:from',
    'span:to',
    "'31.10.2026",
    "'2026-09-30",
    "'01.09.2026",
    'typed:2026-08-31',
    "'n/a",
    "'31.02.2026",
    '',
  ],
  count: [
    'N',
    'N',
    "'1 200",
    "'1\u00a0200",
    "'1,5",
    "'1,200",
    "' 300 ",
    "'2 000 ₽",
    "'$2,000",
    "'n/a",
    "'н/д",
    "'-5",
    "'12abc",
    '=2*600',
    '=1+1',
    '',
  ],
  share: [0.25, 0.3, "'27,5 %", "'30%", "'0,3", "'1,5", "'n/a", '=1/4', ''],
  score: [4, 2, "'4", "'4,5", "'7", "'хорошо", '=2+2', ''],
  factor: [1.5, "'1,5", "'2", "'n/a", ''],
  text: ["'из CRM", "'from CRM", "'=1+1", "'+7", ''],
};

/** The month before today's: what a monthly review recorded today covers. */
export function monthBefore(today = new Date()): { from: string; to: string } {
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { from: day(new Date(Date.UTC(y, m - 1, 1))), to: day(new Date(Date.UTC(y, m, 0))) };
}

/** A pick of `PASTED` as the user enters it in the grid ("" for a blank cell). */
export function pastedInput(kind: ColumnKind, pick: number): string | number {
  const list = PASTED[kind];
  const v = list[pick % list.length] ?? '';
  if (v === 'N') return (pick * 37) % 5000;
  if (typeof v !== 'string') return v;
  if (v.startsWith('typed:')) return v.slice('typed:'.length);
  if (v.startsWith('span:')) {
    const iso = monthBefore()[v === 'span:from' ? 'from' : 'to'];
    const [y, m, d] = iso.split('-');
    return `'${d}.${m}.${y}`;
  }
  return v;
}

// ---------------------------------------------------------------- the period a review wrote

const blankRow = (g: Grid | undefined, row: number): boolean =>
  !g ||
  (g.values[row - 1] ?? []).every((v, c) => (v === '' || v === null) && !g.formulas[row - 1]?.[c]);

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

export interface RecordedRow {
  /** the period's row, or null when the review wrote none or several */
  row: number | null;
  /** what is wrong with what it wrote ('history-wrong') */
  wrong: string[];
  /** what it wrote over ('history-lost') */
  lost: string[];
}

/**
 * The period a review wrote, found by comparing its history before and after: the one row that was
 * blank, or the row the user told it to replace (which held a period of the same span). It holds
 * the map's figures as they were (where the map held numbers: each stage's customers, P, Q), its
 * dates as dates, the note typed (its spacing aside), and the mark of a second review when the
 * user kept both.
 */
export function recordedRow(o: {
  map: Grid;
  stages: readonly (string | null)[];
  stageCol: (id: string) => number | null;
  mapCell: { avgCheck: [number, number]; purchases: [number, number]; customers: number };
  before: Grid | undefined;
  after: Grid;
  replaced: number | null;
  keptBoth: boolean;
  note: string;
  dayAt: (g: Grid, row: number, col: number) => string | null;
}): RecordedRow {
  const { after, before } = o;
  const out: RecordedRow = { row: null, wrong: [], lost: [] };
  const written: number[] = [];
  for (let r = 4; r <= after.values.length; r++)
    if (!blankRow(after, r) && (r === o.replaced || blankRow(before, r))) written.push(r);
  if (written.length !== 1) {
    out.wrong.push(
      `the review wrote ${written.length} period rows to '${after.name}'${written.length ? ` (${written.join(', ')})` : ''}`,
    );
    return out;
  }
  const row = written[0]!;
  out.row = row;
  if (o.replaced !== null && row !== o.replaced)
    out.wrong.push(`the user said Yes to replacing row ${o.replaced}, the review wrote row ${row}`);
  const markers = (after.values[2] ?? []).map((v) => String(v));
  const col = (marker: string) => markers.indexOf(marker) + 1;
  const at = (g: Grid | undefined, marker: string) =>
    g && col(marker) > 0 ? cellAt(g, row, col(marker)) : { value: '', formula: '' };
  if (o.replaced === row && before) {
    // the period replaced is the one of the same span: the dates it had were these (one it had
    // none for, its column's marker typed over, may be any)
    for (const m of ['from', 'to']) {
      const was = at(before, m).value;
      const wasDay =
        typeof was === 'string' ? dayOf(was) : col(m) > 0 ? o.dayAt(before, row, col(m)) : null;
      const now = col(m) > 0 ? o.dayAt(after, row, col(m)) : null;
      if (wasDay !== null && wasDay !== now)
        out.lost.push(
          `the review replaced row ${row} of '${after.name}', whose "${m}" was ${show(was)}, not ${now}`,
        );
    }
  }
  for (const m of ['from', 'to', 'recorded'])
    if (col(m) === 0 || o.dayAt(after, row, col(m)) === null)
      out.wrong.push(`its "${m}" ${show(at(after, m).value)} is no date`);
  const expect = (marker: string, cell: { value: unknown }) => {
    if (typeof cell.value !== 'number') return;
    const got = at(after, marker).value;
    if (typeof got !== 'number' || !sameNumber(got, cell.value))
      out.wrong.push(`its "${marker}" is ${show(got)}, the map held ${cell.value}`);
  };
  expect('P', cellAt(o.map, ...o.mapCell.avgCheck));
  expect('Q', cellAt(o.map, ...o.mapCell.purchases));
  for (const id of o.stages) {
    const c = id === null ? null : o.stageCol(id);
    if (id !== null && c !== null) expect(`customers ${id}`, cellAt(o.map, o.mapCell.customers, c));
  }
  const note = String(at(after, 'note').value);
  if (collapse(note) !== collapse(o.note))
    out.wrong.push(`its note is ${show(note)}, the user typed ${show(o.note)}`);
  if (o.keptBoth && String(at(after, 'status').value).trim() === '')
    out.wrong.push('the second review of the period was kept without its mark');
  if (out.wrong.length || out.lost.length)
    out.wrong = out.wrong.map((w) => `row ${row} of '${after.name}': ${w}`);
  return out;
}
