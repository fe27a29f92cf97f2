// The workbook's cell contents and their computed values, kept in HyperFormula: one HF
// sheet per emulated sheet, same names, 0-based coordinates. Structural edits are done by
// HyperFormula so formula references and named expressions follow them like in Sheets.
// This module also owns the spill bookkeeping for custom functions (custom-functions.ts
// explains why spills are written by us rather than by HyperFormula's array formulas), and
// decides when a custom function runs:
//  - each custom-function cell is its own execution in Sheets, run AFTER the script execution
//    that changed its inputs (Google's custom-function guide; users see "Loading…"). While a
//    script runs (beginExecution…endExecution), a custom-function cell whose inputs change keeps
//    its old result (a new one reads "Loading..."), and so do the formulas that use it; when
//    the execution ends, every such cell computes, and each computation counts in
//    CallCounter.customFunctionExecutions (a spilling formula counts once);
//  - a cell computes again when it is written (a formula rewritten runs anew), when a cell it
//    reads is written, or when what it receives changes (a structural edit that grows its range).
//    Work the emulator does for itself (re-evaluating after a structural edit, redrawing a
//    spill) reuses the kept result when the arguments are the same, as Sheets keeps results.
// Built-in formulas compute at once, as in Sheets. Outside an execution (a user typing, tests
// writing through the host) custom functions compute at once.
import {
  DetailedCellError,
  HyperFormula,
  type RawCellContent,
  type SimpleCellAddress,
} from 'hyperformula';
import { cellA1, parseA1, quoteSheetName, type Rect } from './a1';
import type { CellContent } from './cell-input';
import { clockPlugin } from './clock';
import {
  customFunctionPlugin,
  errorText,
  LOADING,
  LOADING_ERROR,
  placeholderPlugin,
  unparsedPlugin,
  type Resolution,
  type SpillRecord,
} from './custom-functions';
import { gasError, isDate } from './errors';
import { PARSE_ERROR_MESSAGE } from './formula-syntax';
import { isDateFormat } from './number-format';
import type { IndexMap } from './sheet-model';
import { sparklinePlugin } from './sparkline';
import type { SparklineSeries } from './views';

export type CellScalar = number | string | boolean;

export interface CellReading {
  /** What getValues returns: "" for blank, the error text (#REF!...) for errors. */
  value: CellScalar | '';
  /** The formula as getFormulas shows it, "" when the cell holds no formula. */
  formula: string;
  error?: { code: string; message: string };
  /** True for cells filled by a neighbouring custom function's array result. */
  spilled: boolean;
  /**
   * A formula's number that is a date or a time (TODAY(), NOW(), DATE()…): Sheets gives its cell
   * a date format when the cell's own format is automatic.
   */
  dated?: DatedKind;
}

export type DatedKind = 'date' | 'datetime' | 'time';

const DATED_KINDS: Record<string, DatedKind> = {
  NUMBER_DATE: 'date',
  NUMBER_DATETIME: 'datetime',
  NUMBER_TIME: 'time',
};

type Invoke = (name: string, args: unknown[]) => unknown;

const NO_INVOKE: Invoke = (name) => {
  throw new Error(`custom function ${name} has no implementation`);
};

/** What the engine needs from the workbook around it. */
export interface EngineHost {
  sheetSize(sheetName: string): { rows: number; cols: number };
  /** A cell's number format (a date format makes its number a Date for custom functions). */
  numberFormat(sheetName: string, row: number, col: number): string | undefined;
  timeZone(): string;
  /** The emulator clock (ms since the epoch): TODAY() and NOW() read it. */
  now(): number;
  /** A custom-function cell computed (one server execution in Sheets). */
  executed(): void;
}

/** A custom function's outcome, kept per cell and arguments. */
type Outcome = { ok: true; out: unknown } | { ok: false; error: unknown };
interface Kept {
  outcomes: Map<string, Outcome>;
  /** Signature of the latest call: the cell's current result. */
  last: string | undefined;
}
const KEPT_PER_CELL = 4;

/**
 * A formula with its references to the sheet `name` (a cell, a range, whole columns or rows; the
 * name bare or quoted, in any case) turned into #REF!, text in double quotes left alone.
 */
export function withoutSheetRefs(formula: string, name: string): string {
  const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const quoted = esc(name.replace(/'/g, "''"));
  const cell = String.raw`\$?[A-Za-z]{0,3}\$?\d*`;
  const ref = new RegExp(
    String.raw`(?:'${quoted}'|(?<![\w.'])${esc(name)})!${cell}(?::${cell})?`,
    'gi',
  );
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 ? part : part.replace(ref, '#REF!')))
    .join('');
}

function toRaw(c: CellContent): RawCellContent {
  if (c.kind === 'empty') return null;
  if (c.kind === 'formula') return c.text;
  // An apostrophe makes HyperFormula keep any string as text (no number/date parsing).
  return typeof c.value === 'string' ? `'${c.value}` : c.value;
}

/**
 * What a raw engine cell (as the workbook file stores it) holds: the one reading of it, for the
 * export too.
 */
export function rawToContent(raw: RawCellContent): CellContent {
  if (raw === null || raw === undefined || raw === '') return { kind: 'empty' };
  if (typeof raw === 'string') {
    if (raw.startsWith("'")) return { kind: 'value', value: raw.slice(1) };
    if (raw.startsWith('=')) return { kind: 'formula', text: raw };
    return { kind: 'value', value: raw };
  }
  if (typeof raw === 'number' || typeof raw === 'boolean') return { kind: 'value', value: raw };
  return { kind: 'empty' };
}

function hfCellToRaw(v: unknown): RawCellContent {
  if (typeof v === 'string') return `'${v}`;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return null;
}

/** Index of the ")" closing the "(" at `open`, skipping string literals; -1 if none. */
function matchingParen(text: string, open: number): number {
  let depth = 0;
  let quoted = false;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')' && --depth === 0) return i;
  }
  return -1;
}

export class FormulaEngine {
  hf: HyperFormula;
  private customNames: string[] = [];
  private invoke: Invoke = NO_INVOKE;
  private records = new Map<string, SpillRecord>();
  /** anchor key -> region written by its array result (including the anchor). */
  private spills = new Map<string, Rect & { sheet: number }>();
  /** cell key -> anchor key, for cells holding part of an array result. */
  private owner = new Map<string, string>();
  /** anchor key -> region its result would need (blocked by data or the sheet edge). */
  private blocked = new Map<string, Rect & { sheet: number }>();
  /** cell key -> its custom functions' kept results, by arguments. */
  private kept = new Map<string, Kept>();
  /** Script executions under way (nested runs count once). */
  private executions = 0;
  /** Cells whose custom function waits for the end of the execution. */
  private pending = new Set<string>();
  /** Cells whose inputs or formula were written during the execution: they must run again. */
  private touched = new Set<string>();
  /** Evaluations the engine causes itself: results are reused when the arguments are the same. */
  private forcedAll = false;
  private forcedKeys = new Set<string>();
  /**
   * The cell whose evaluation was last counted (one cell with several custom calls counts once).
   */
  private lastCounted: string | undefined;
  /** Set while sparkline() evaluates a formula: receives what its SPARKLINE draws. */
  private sparklineDrawn: ((series: SparklineSeries) => void) | undefined;

  constructor(private readonly host: EngineHost) {
    this.hf = HyperFormula.buildEmpty(this.config());
    disableUndo(this.hf);
  }

  private config(): {
    licenseKey: string;
    smartRounding: boolean;
    undoLimit: number;
    maxRows: number;
    functionPlugins: never[];
  } {
    const plugins = [
      ...HyperFormula.getAllFunctionPlugins(),
      clockPlugin(
        () => this.host.now(),
        () => this.host.timeZone(),
      ),
      sparklinePlugin((series) => this.sparklineDrawn?.(series)),
      placeholderPlugin(),
      unparsedPlugin(),
    ];
    if (this.customNames.length > 0) {
      plugins.push(
        customFunctionPlugin(this.customNames, {
          resolve: (at, name, args, topLevel) =>
            this.resolve(key(at.sheet, at.row, at.col), name, args, topLevel),
          ownerOf: (sheet, row, col) => this.owner.get(key(sheet, row, col)),
          anchorKey: (at) => key(at.sheet, at.row, at.col),
          sheetSize: (sheet) => this.host.sheetSize(this.hf.getSheetName(sheet) ?? ''),
          isDateCell: (at) =>
            isDateFormat(
              this.host.numberFormat(this.hf.getSheetName(at.sheet) ?? '', at.row, at.col),
            ),
          timeZone: () => this.host.timeZone(),
          record: (rec) => this.records.set(key(rec.at.sheet, rec.at.row, rec.at.col), rec),
        }),
      );
    }
    // smartRounding off: Apps Script returns raw doubles (0.1+0.2 -> 0.30000000000000004).
    // undoLimit 0 (and disableUndo): the emulator never undoes.
    // maxRows: Sheets allows 10 million cells; HyperFormula's default stops at 40,000 rows.
    return {
      licenseKey: 'gpl-v3',
      smartRounding: false,
      undoLimit: 0,
      maxRows: 10_000_000,
      functionPlugins: plugins as never[],
    };
  }

  // ---- custom functions: when they run ----------------------------------------------

  /** A script execution starts: custom functions whose inputs change wait for its end. */
  beginExecution(): void {
    this.executions++;
  }

  /** The execution ended: every custom-function cell it changed computes now. */
  endExecution(): void {
    if (this.executions === 0) return;
    this.executions--;
    if (this.executions > 0) return;
    const waiting = [...new Set([...this.pending, ...this.touched])];
    this.pending.clear();
    if (waiting.length === 0) return;
    this.forced(() => {
      this.hf.batch(() => {
        for (const k of waiting) {
          const [sheet, row, col] = parseKey(k);
          if (this.hf.getSheetName(sheet) === undefined) continue;
          const f = this.formulaAt({ sheet, row, col });
          if (f !== undefined) this.hf.setCellContents({ sheet, row, col }, f);
        }
      });
      this.settle();
    });
    this.touched.clear();
    this.pending.clear();
  }

  /** Script executions under way (0: none; custom functions compute at once). */
  get executionDepth(): number {
    return this.executions;
  }

  /**
   * One custom-function call of the cell `k`. Evaluations HyperFormula makes because a cell
   * the formula reads (or the formula itself) was written are "natural": the function runs
   * (after the execution, during one). Evaluations the engine forces for itself reuse the
   * kept result of the same arguments.
   */
  private resolve(k: string, name: string, args: unknown[], topLevel: boolean): Resolution {
    const sig = signature(name, args);
    const natural = !this.forcedAll && !this.forcedKeys.has(k);
    const kept = this.kept.get(k);
    const same = kept?.outcomes.get(sig);
    if (this.executions > 0) {
      if (natural) this.touched.add(k);
      if (same && !this.touched.has(k)) return settled(same);
      this.pending.add(k);
      // The old result: the cell's latest (a call inside a larger formula: its latest for
      // these arguments, the rest of the formula computing around it).
      const old = topLevel
        ? kept?.last !== undefined
          ? kept.outcomes.get(kept.last)
          : undefined
        : same;
      if (old) return settled(old);
      return { loading: true };
    }
    if (same && !natural && !this.touched.has(k)) {
      if (kept) kept.last = sig;
      return settled(same);
    }
    if (this.lastCounted !== k) this.host.executed();
    this.lastCounted = k;
    this.touched.delete(k);
    let outcome: Outcome;
    try {
      outcome = { ok: true, out: this.invoke(name, args) };
    } catch (e) {
      outcome = { ok: false, error: e };
    }
    const entry = kept ?? { outcomes: new Map<string, Outcome>(), last: undefined };
    entry.outcomes.delete(sig);
    entry.outcomes.set(sig, outcome);
    while (entry.outcomes.size > KEPT_PER_CELL)
      entry.outcomes.delete(entry.outcomes.keys().next().value as string);
    entry.last = sig;
    this.kept.set(k, entry);
    return settled(outcome);
  }

  /** Runs `fn` with every evaluation counted as forced (the engine's own work). */
  private forced<T>(fn: () => T): T {
    const was = this.forcedAll;
    this.forcedAll = true;
    this.lastCounted = undefined;
    try {
      return fn();
    } finally {
      this.forcedAll = was;
    }
  }

  /** Forgets kept results of cells that were written (a formula written anew runs anew). */
  private forget(sheet: number, rect: Rect): void {
    if (this.kept.size === 0) return;
    if (rect.rows * rect.cols > this.kept.size) {
      for (const k of [...this.kept.keys()]) {
        const [s, r, c] = parseKey(k);
        if (
          s === sheet &&
          r >= rect.row &&
          r < rect.row + rect.rows &&
          c >= rect.col &&
          c < rect.col + rect.cols
        )
          this.kept.delete(k);
      }
      return;
    }
    forEachCell(rect, (r, c) => this.kept.delete(key(sheet, r, c)));
  }

  /** Moves kept results with their cells after a structural edit of one sheet. */
  private remapKept(sheet: number, axis: 'row' | 'col', map: IndexMap): void {
    const remap = <V>(m: Map<string, V>): Map<string, V> => {
      const next = new Map<string, V>();
      for (const [k, v] of m) {
        const [s, r, c] = parseKey(k);
        if (s !== sheet) {
          next.set(k, v);
          continue;
        }
        const moved = axis === 'row' ? map(r) : map(c);
        if (moved !== undefined) next.set(axis === 'row' ? key(s, moved, c) : key(s, r, moved), v);
      }
      return next;
    };
    this.kept = remap(this.kept);
    const keys = (set: Set<string>): Set<string> =>
      new Set(remap(new Map([...set].map((k) => [k, true]))).keys());
    this.pending = keys(this.pending);
    this.touched = keys(this.touched);
  }

  /** Registers the bundle's custom functions; rebuilds the engine (HF reads plugins at build). */
  setCustomFunctions(names: string[], invoke: Invoke): void {
    this.clearSpills();
    this.customNames = names.map((n) => n.toUpperCase());
    this.invoke = invoke;
    this.kept.clear();
    this.pending.clear();
    this.touched.clear();
    this.hf.updateConfig(this.config());
    disableUndo(this.hf);
    for (const name of this.hf.getSheetNames()) this.respill(this.sheetId(name));
    this.settle();
  }

  /**
   * Recomputes TODAY(), NOW() and the other volatile functions, and what depends on them, as
   * Sheets does when the spreadsheet is opened. The clock moving is no change: under the
   * default recalculation setting, "On change", Sheets recomputes them only when something in
   * the spreadsheet changes (https://support.google.com/docs/answer/58515, Calculation), so
   * until a change or an opening a read sees the value of the last one — the least convenient
   * reading for the add-on. Any write or structural edit recomputes them (HyperFormula
   * re-evaluates volatile cells on every change).
   */
  recalculateVolatile(): void {
    this.forced(() => {
      this.hf.batch(() => {});
      this.settle();
    });
  }

  get customFunctionNames(): string[] {
    return [...this.customNames];
  }

  sheetId(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw gasError(`The sheet "${name}" has been deleted.`);
    return id;
  }

  addSheet(name: string): void {
    this.hf.addSheet(name);
  }

  removeSheet(name: string): void {
    const id = this.sheetId(name);
    this.refOut(name, id);
    for (const map of [this.spills, this.blocked])
      for (const [k, r] of map) if (r.sheet === id) map.delete(k);
    const prefix = `${id}:`;
    for (const m of [this.owner, this.kept, this.records])
      for (const k of [...m.keys()]) if (k.startsWith(prefix)) m.delete(k);
    for (const set of [this.pending, this.touched])
      for (const k of [...set]) if (k.startsWith(prefix)) set.delete(k);
    this.hf.removeSheet(id);
    this.settle();
  }

  /**
   * Sheets turns every reference to a deleted sheet into #REF! in the formulas of the other sheets
   * (what a user sees there after deleting the sheet: "=SUM(#REF!)"); HyperFormula would keep them
   * pointing at a placeholder sheet, which a later column edit of the formula's own sheet can fail
   * to write back.
   */
  private refOut(name: string, id: number): void {
    for (const other of this.hf.getSheetNames()) {
      const sheet = this.hf.getSheetId(other);
      if (sheet === undefined || sheet === id) continue;
      for (const [row, line] of this.hf.getSheetSerialized(sheet).entries())
        for (const [col, raw] of line.entries()) {
          if (typeof raw !== 'string' || !raw.startsWith('=')) continue;
          if (this.owner.has(key(sheet, row, col))) continue;
          const text = withoutSheetRefs(raw, name);
          if (text !== raw) this.write(other, row, col, [[{ kind: 'formula', text }]]);
        }
    }
  }

  renameSheet(oldName: string, newName: string): void {
    this.hf.renameSheet(this.sheetId(oldName), newName);
  }

  // ---- reading ---------------------------------------------------------------------

  /**
   * A formula with its sheet names quoted as Sheets writes them. HyperFormula leaves a name of
   * letters, digits and underscores bare, where Sheets quotes one that starts with a digit or reads
   * as a cell ('0012'!A1, 'Q1'!A1): bare, Sheets would not parse it back.
   */
  /** The cell's formula as Sheets would show it (and HyperFormula reads it back), if any. */
  private formulaAt(addr: SimpleCellAddress): string | undefined {
    const f = this.hf.getCellFormula(addr);
    return f === undefined ? f : this.quotedAsSheets(f);
  }

  /** A raw cell with its formula's sheet names quoted as Sheets writes them. */
  private quotedRaw(raw: RawCellContent): RawCellContent {
    return typeof raw === 'string' && raw.startsWith('=') ? this.quotedAsSheets(raw) : raw;
  }

  private quotedAsSheets(formula: string): string {
    if (!formula.includes('!')) return formula;
    const names = this.hf
      .getSheetNames()
      .filter((n) => /^[\p{L}\d_]+$/u.test(n) && /^(?:\d|[A-Za-z]{1,3}\d+$)/.test(n));
    if (names.length === 0) return formula;
    const bare = new RegExp(`(?<![\\p{L}\\d_.'])(${names.join('|')})!`, 'gu');
    return formula
      .split(/("(?:[^"]|"")*")/)
      .map((part, i) => (i % 2 ? part : part.replace(bare, "'$1'!")))
      .join('');
  }

  read(sheet: string, row: number, col: number): CellReading {
    const id = this.sheetId(sheet);
    const addr = { sheet: id, row, col };
    const v = this.hf.getCellValue(addr);
    const formula = this.formulaAt(addr) ?? '';
    const spilled = this.owner.has(key(id, row, col));
    if (v instanceof DetailedCellError) {
      // A nested custom call that has not computed yet: the cell waits as a whole.
      if (v.message === LOADING_ERROR) return { value: LOADING, formula, spilled };
      const code = errorText(v.type);
      let message = v.message || code;
      if (v.type === 'ERROR' && /^Parsing error/i.test(message)) message = PARSE_ERROR_MESSAGE;
      const unknown = /^Function name (.+) not recognized\.$/.exec(message);
      if (unknown) message = `Unknown function: '${unknown[1]}'.`;
      if (v.type === 'CYCLE')
        message =
          'Circular dependency detected. To resolve with iterative calculation, see File > Settings.';
      return { value: code, formula, error: { code, message }, spilled };
    }
    const dated =
      typeof v === 'number' && formula !== ''
        ? DATED_KINDS[this.hf.getCellValueDetailedType(addr)]
        : undefined;
    return {
      value: v === null ? '' : (v as CellScalar),
      formula,
      spilled,
      ...(dated && { dated }),
    };
  }

  /**
   * What the cell's SPARKLINE draws: its formula evaluated again from the current values (a
   * formula's kept results are not touched), or undefined when the cell draws none (no
   * SPARKLINE, or the cell shows an error).
   */
  sparkline(sheet: string, row: number, col: number): SparklineSeries | undefined {
    const id = this.sheetId(sheet);
    const formula = this.hf.getCellFormula({ sheet: id, row, col });
    if (formula === undefined || !/SPARKLINE\s*\(/i.test(formula)) return undefined;
    if (this.read(sheet, row, col).error) return undefined;
    let drawn: SparklineSeries | undefined;
    this.sparklineDrawn = (series) => {
      drawn ??= series;
    };
    try {
      this.forced(() => this.hf.calculateFormula(formula, id));
    } finally {
      this.sparklineDrawn = undefined;
    }
    return drawn;
  }

  /** The user content of one cell (spilled cells read as empty). */
  content(sheet: string, row: number, col: number): CellContent {
    const id = this.sheetId(sheet);
    if (this.owner.has(key(id, row, col))) return { kind: 'empty' };
    return rawToContent(this.quotedRaw(this.hf.getCellSerialized({ sheet: id, row, col })));
  }

  /**
   * Last 0-based row / column holding content (values, formulas or spilled results), -1 if none.
   */
  extent(sheet: string): { lastRow: number; lastCol: number } {
    const data = this.hf.getSheetSerialized(this.sheetId(sheet));
    let lastRow = -1;
    let lastCol = -1;
    data.forEach((r, i) => {
      r.forEach((c, j) => {
        if (c !== null && c !== undefined && c !== '') {
          lastRow = Math.max(lastRow, i);
          lastCol = Math.max(lastCol, j);
        }
      });
    });
    return { lastRow, lastCol };
  }

  /**
   * User content of a sheet (formulas as text, strings apostrophe-prefixed), spilled cells omitted.
   */
  serialize(sheet: string): RawCellContent[][] {
    const id = this.sheetId(sheet);
    return this.hf
      .getSheetSerialized(id)
      .map((r, i) => r.map((c, j) => (this.owner.has(key(id, i, j)) ? null : this.quotedRaw(c))));
  }

  loadSerialized(sheet: string, data: RawCellContent[][]): void {
    if (data.length === 0) return;
    const id = this.sheetId(sheet);
    this.forget(id, {
      row: 0,
      col: 0,
      rows: data.length,
      cols: Math.max(0, ...data.map((r) => r.length)),
    });
    this.lastCounted = undefined;
    this.hf.setCellContents({ sheet: id, row: 0, col: 0 }, data);
    this.settle();
  }

  // ---- writing ---------------------------------------------------------------------

  /** Writes user content (what setValues/setFormulas/typing does), keeping spills consistent. */
  write(sheet: string, row: number, col: number, grid: CellContent[][]): void {
    const id = this.sheetId(sheet);
    const rows = grid.length;
    const cols = grid[0]?.length ?? 0;
    if (rows === 0 || cols === 0) return;
    const written = { sheet: id, row, col, rows, cols };
    const dirty = new Set<string>();
    const clears: SimpleCellAddress[] = [];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const k = key(id, row + r, col + c);
        const o = this.owner.get(k);
        if (o !== undefined) {
          this.owner.delete(k);
          dirty.add(o);
        }
        const region = this.spills.get(k);
        if (region) {
          this.releaseRegion(k, region, clears, written);
          this.spills.delete(k);
        }
        this.blocked.delete(k);
      }
    }
    for (const [k, region] of this.blocked) if (overlaps(region, written)) dirty.add(k);
    this.forget(id, written);
    this.lastCounted = undefined;
    // Anchors re-evaluated only to redraw their spill reuse their result.
    this.forcedKeys = dirty;
    try {
      this.hf.batch(() => {
        this.hf.setCellContents(
          { sheet: id, row, col },
          grid.map((r) => r.map(toRaw)),
        );
        for (const a of clears) this.hf.setCellContents(a, null);
        for (const k of dirty) this.reevaluate(k, written);
      });
    } finally {
      this.forcedKeys = new Set();
    }
    this.settle();
  }

  // ---- structural edits --------------------------------------------------------------

  insertColumns(sheet: string, at: number, n: number, map: IndexMap): void {
    this.structural(sheet, 'col', map, (id) => this.hf.addColumns(id, [at, n]));
  }
  removeColumns(sheet: string, at: number, n: number, map: IndexMap): void {
    this.structural(sheet, 'col', map, (id) => this.hf.removeColumns(id, [at, n]));
  }
  moveColumns(sheet: string, start: number, n: number, target: number, map: IndexMap): void {
    this.structural(sheet, 'col', map, (id) => this.hf.moveColumns(id, start, n, target));
  }
  insertRows(sheet: string, at: number, n: number, map: IndexMap): void {
    this.structural(sheet, 'row', map, (id) => this.hf.addRows(id, [at, n]));
  }
  removeRows(sheet: string, at: number, n: number, map: IndexMap): void {
    this.structural(sheet, 'row', map, (id) => this.hf.removeRows(id, [at, n]));
  }

  /**
   * A structural edit of one sheet. Its array results are recomputed from scratch (they cannot
   * be moved like user data); kept custom-function results move with their cells, so a formula
   * whose arguments did not change is not run again. Other sheets are left alone: HyperFormula
   * recomputes what refers to this one.
   */
  private structural(
    sheet: string,
    axis: 'row' | 'col',
    map: IndexMap,
    op: (id: number) => void,
  ): void {
    const id = this.sheetId(sheet);
    // The anchors whose array results are drawn (or blocked) on this sheet, where they will be.
    const anchors: SimpleCellAddress[] = [];
    for (const m of [this.spills, this.blocked]) {
      for (const [k, region] of m) {
        if (region.sheet !== id) continue;
        const [, row, col] = parseKey(k);
        const moved = axis === 'row' ? map(row) : map(col);
        if (moved !== undefined)
          anchors.push(
            axis === 'row' ? { sheet: id, row: moved, col } : { sheet: id, row, col: moved },
          );
      }
    }
    this.forced(() => {
      // One batch, so each formula is evaluated once: the edit, then the anchors set again to
      // record their results.
      this.hf.batch(() => {
        this.clearSpillsOf(id);
        op(id);
        this.remapKept(id, axis, map);
        for (const a of anchors) {
          const f = this.formulaAt(a);
          if (f !== undefined) this.hf.setCellContents(a, f);
        }
      });
      this.settle();
    });
  }

  // ---- named ranges (HyperFormula named expressions, so formulas can use them) ------------

  setNamedRange(name: string, sheet: string, rect: Rect): void {
    const ref = `=${quoteSheetName(sheet)}!${absA1(rect)}`;
    const existing = this.namedRangeNames().find((n) => n.toUpperCase() === name.toUpperCase());
    try {
      if (existing !== undefined) this.hf.changeNamedExpression(existing, ref);
      else this.hf.addNamedExpression(name, ref);
    } catch {
      throw gasError(
        `Named range name "${name}" is invalid: use letters, numbers and underscores, not a cell reference.`,
      );
    }
    this.settle();
  }

  removeNamedRange(name: string): boolean {
    const existing = this.namedRangeNames().find((n) => n.toUpperCase() === name.toUpperCase());
    if (existing === undefined) return false;
    this.hf.removeNamedExpression(existing);
    this.settle();
    return true;
  }

  namedRangeNames(): string[] {
    return this.hf.listNamedExpressions();
  }

  /** Where a named range points now (after structural edits); undefined if it became #REF!. */
  namedRangeTarget(name: string): { name: string; sheet: string; rect: Rect } | undefined {
    // HyperFormula looks names up case-insensitively, like Sheets (no scan of every name: a
    // workbook of 100 maps holds hundreds of them).
    let f: string | undefined;
    try {
      f = this.hf.getNamedExpressionFormula(name);
    } catch {
      return undefined;
    }
    if (f === undefined) return undefined;
    const parsed = parseA1(f.replace(/^=/, '').replace(/\$/g, ''), 1, 1);
    if (!parsed || parsed.sheet === undefined) return undefined;
    return { name, sheet: parsed.sheet, rect: parsed.rect };
  }

  // ---- spills ------------------------------------------------------------------------

  private releaseRegion(
    anchor: string,
    region: Rect & { sheet: number },
    clears: SimpleCellAddress[],
    except?: Rect & { sheet: number },
  ): void {
    forEachCell(region, (r, c) => {
      const k = key(region.sheet, r, c);
      if (k === anchor || this.owner.get(k) !== anchor) return;
      this.owner.delete(k);
      if (!except || !overlaps({ sheet: region.sheet, row: r, col: c, rows: 1, cols: 1 }, except)) {
        clears.push({ sheet: region.sheet, row: r, col: c });
      }
    });
  }

  /** Re-sets an anchor's formula so HyperFormula evaluates it again. */
  private reevaluate(anchor: string, skip?: Rect & { sheet: number }): void {
    const [sheet, row, col] = parseKey(anchor);
    if (skip && overlaps({ sheet, row, col, rows: 1, cols: 1 }, skip)) return;
    const addr = { sheet, row, col };
    const f = this.formulaAt(addr);
    if (f !== undefined) this.hf.setCellContents(addr, f);
  }

  private clearSpills(): void {
    this.hf.batch(() => {
      for (const name of this.hf.getSheetNames()) this.clearSpillsOf(this.sheetId(name));
    });
  }

  /** Removes the array results written on one sheet (their anchors will record them again). */
  private clearSpillsOf(sheet: number): void {
    for (const [anchor, region] of [...this.spills]) {
      if (region.sheet !== sheet) continue;
      forEachCell(region, (r, c) => {
        const k = key(sheet, r, c);
        if (k === anchor || this.owner.get(k) !== anchor) return;
        this.owner.delete(k);
        this.hf.setCellContents({ sheet, row: r, col: c }, null);
      });
      this.spills.delete(anchor);
    }
    for (const [k, region] of [...this.blocked]) if (region.sheet === sheet) this.blocked.delete(k);
    for (const k of [...this.records.keys()]) if (parseKey(k)[0] === sheet) this.records.delete(k);
  }

  /** Re-evaluates every custom-function anchor of a sheet (after edits that moved cells around). */
  private respill(sheet: number): void {
    if (this.customNames.length === 0) return;
    const names = new Set(this.customNames);
    const anchors: Array<[SimpleCellAddress, string]> = [];
    this.hf.getSheetFormulas(sheet).forEach((r, i) => {
      r.forEach((f, j) => {
        if (f === undefined) return;
        const m = /^=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\(/.exec(f);
        if (
          m?.[1] &&
          names.has(m[1].toUpperCase()) &&
          matchingParen(f, m[0].length - 1) === f.trimEnd().length - 1
        ) {
          anchors.push([{ sheet, row: i, col: j }, f]);
        }
      });
    });
    if (anchors.length > 0)
      this.forced(() =>
        this.hf.batch(() => {
          for (const [a, f] of anchors) this.hf.setCellContents(a, f);
        }),
      );
  }

  /** Writes array results recorded during evaluation until nothing changes any more. */
  settle(): void {
    for (let round = 0; round < 50 && this.records.size > 0; round++) {
      const recs = [...this.records.entries()];
      this.records.clear();
      const writes: Array<[SimpleCellAddress, RawCellContent]> = [];
      for (const [anchor, rec] of recs) this.reconcile(anchor, rec, writes);
      const changed = writes.filter(([a, v]) => !sameRaw(this.hf.getCellSerialized(a), v));
      if (changed.length > 0)
        this.hf.batch(() => {
          for (const [a, v] of changed) this.hf.setCellContents(a, v);
        });
    }
  }

  private reconcile(
    anchor: string,
    rec: SpillRecord,
    writes: Array<[SimpleCellAddress, RawCellContent]>,
  ): void {
    const { sheet, row, col } = rec.at;
    const old = this.spills.get(anchor);
    const clears: SimpleCellAddress[] = [];
    if (rec.kind === 'array') {
      const rows = rec.grid.length;
      const cols = rec.grid[0]?.length ?? 1;
      const region = { sheet, row, col, rows, cols };
      if (old) this.releaseRegion(anchor, old, clears, region);
      rec.grid.forEach((line, r) => {
        line.forEach((v, c) => {
          if (r === 0 && c === 0) return;
          this.owner.set(key(sheet, row + r, col + c), anchor);
          writes.push([{ sheet, row: row + r, col: col + c }, hfCellToRaw(v)]);
        });
      });
      this.spills.set(anchor, region);
      this.blocked.delete(anchor);
    } else {
      if (old) this.releaseRegion(anchor, old, clears);
      this.spills.delete(anchor);
      if (rec.kind === 'blocked')
        this.blocked.set(anchor, { sheet, row, col, rows: rec.rows, cols: rec.cols });
      else this.blocked.delete(anchor);
    }
    for (const a of clears) writes.push([a, null]);
  }
}

/**
 * The emulator never undoes, so HyperFormula's undo bookkeeping is pure cost: `undoLimit: 0`
 * stops it storing old formula data, but every change inside a batch still walks the whole
 * batch's undo entry (clearRedoStack → collectReferencedOldDataVersions), which makes a batch
 * of n changes cost n². With undo disabled there is nothing to record or clear.
 */
function disableUndo(hf: HyperFormula): void {
  const undoRedo = (hf as unknown as { _crudOperations?: { undoRedo?: Record<string, unknown> } })
    ._crudOperations?.undoRedo;
  if (!undoRedo) return;
  undoRedo.saveOperation = () => {};
  undoRedo.clearRedoStack = () => {};
}

function key(sheet: number, row: number, col: number): string {
  return `${sheet}:${row}:${col}`;
}

function parseKey(k: string): [number, number, number] {
  return k.split(':').map(Number) as [number, number, number];
}

function settled(o: Outcome): Resolution {
  if (o.ok) return { out: o.out };
  throw o.error;
}

/** The arguments of a custom-function call as a string (a Date differs from its ISO text). */
function signature(name: string, args: unknown[]): string {
  const parts: string[] = [name];
  const add = (v: unknown): void => {
    if (Array.isArray(v)) {
      parts.push('[');
      for (const x of v as unknown[]) add(x);
      parts.push(']');
    } else if (isDate(v)) parts.push(`D${v.getTime()}`);
    else if (typeof v === 'string') parts.push(`S${JSON.stringify(v)}`);
    else parts.push(`${typeof v}:${String(v)}`);
  };
  for (const a of args) add(a);
  return parts.join('\u0001');
}

function overlaps(a: Rect & { sheet: number }, b: Rect & { sheet: number }): boolean {
  return (
    a.sheet === b.sheet &&
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.col < b.col + b.cols &&
    b.col < a.col + a.cols
  );
}

function forEachCell(r: Rect, fn: (row: number, col: number) => void): void {
  for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) fn(r.row + i, r.col + j);
}

function sameRaw(a: RawCellContent, b: RawCellContent): boolean {
  if ((a === undefined || a === null) && b === null) return true;
  return a === b;
}

function absA1(r: Rect): string {
  const abs = (row: number, col: number): string =>
    cellA1(row, col).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  const start = abs(r.row, r.col);
  return r.rows === 1 && r.cols === 1
    ? start
    : `${start}:${abs(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}
