// The workbook's cell contents and their computed values, kept in HyperFormula: one HF
// sheet per emulated sheet, same names, 0-based coordinates. Structural edits are done by
// HyperFormula so formula references and named expressions follow them like in Sheets.
// This module also owns the spill bookkeeping for custom functions (custom-functions.ts
// explains why spills are written by us rather than by HyperFormula's array formulas).
import { DetailedCellError, HyperFormula, type RawCellContent, type SimpleCellAddress } from 'hyperformula';
import { cellA1, parseA1, quoteSheetName, type Rect } from './a1';
import type { CellContent } from './cell-input';
import { customFunctionPlugin, errorText, placeholderPlugin, type SpillRecord } from './custom-functions';
import { gasError } from './errors';

export type CellScalar = number | string | boolean;

export interface CellReading {
  /** What getValues returns: "" for blank, the error text (#REF!...) for errors. */
  value: CellScalar | '';
  /** The formula as getFormulas shows it, "" when the cell holds no formula. */
  formula: string;
  error?: { code: string; message: string };
  /** True for cells filled by a neighbouring custom function's array result. */
  spilled: boolean;
}

type Invoke = (name: string, args: unknown[]) => unknown;

const NO_INVOKE: Invoke = (name) => {
  throw new Error(`custom function ${name} has no implementation`);
};

function toRaw(c: CellContent): RawCellContent {
  if (c.kind === 'empty') return null;
  if (c.kind === 'formula') return c.text;
  // An apostrophe makes HyperFormula keep any string as text (no number/date parsing).
  return typeof c.value === 'string' ? `'${c.value}` : c.value;
}

function rawToContent(raw: RawCellContent): CellContent {
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

  constructor(private readonly sheetSize: (sheetName: string) => { rows: number; cols: number }) {
    this.hf = HyperFormula.buildEmpty(this.config());
  }

  private config(): { licenseKey: string; smartRounding: boolean; functionPlugins: never[] } {
    const plugins = [...HyperFormula.getAllFunctionPlugins(), placeholderPlugin()];
    if (this.customNames.length > 0) {
      plugins.push(
        customFunctionPlugin(this.customNames, {
          invoke: (name, args) => this.invoke(name, args),
          ownerOf: (sheet, row, col) => this.owner.get(key(sheet, row, col)),
          anchorKey: (at) => key(at.sheet, at.row, at.col),
          sheetSize: (sheet) => this.sheetSize(this.hf.getSheetName(sheet) ?? ''),
          record: (rec) => this.records.set(key(rec.at.sheet, rec.at.row, rec.at.col), rec),
        }),
      );
    }
    // smartRounding off: Apps Script returns raw doubles (0.1+0.2 -> 0.30000000000000004).
    return { licenseKey: 'gpl-v3', smartRounding: false, functionPlugins: plugins as never[] };
  }

  /** Registers the bundle's custom functions; rebuilds the engine (HF reads plugins at build). */
  setCustomFunctions(names: string[], invoke: Invoke): void {
    this.clearSpills();
    this.customNames = names.map((n) => n.toUpperCase());
    this.invoke = invoke;
    this.hf.updateConfig(this.config());
    this.respillAll();
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
    for (const map of [this.spills, this.blocked]) for (const [k, r] of map) if (r.sheet === id) map.delete(k);
    for (const [k] of this.owner) if (k.startsWith(`${id}:`)) this.owner.delete(k);
    this.hf.removeSheet(id);
    this.settle();
  }

  renameSheet(oldName: string, newName: string): void {
    this.hf.renameSheet(this.sheetId(oldName), newName);
  }

  // ---- reading ---------------------------------------------------------------------

  read(sheet: string, row: number, col: number): CellReading {
    const id = this.sheetId(sheet);
    const addr = { sheet: id, row, col };
    const v = this.hf.getCellValue(addr);
    const formula = this.hf.getCellFormula(addr) ?? '';
    const spilled = this.owner.has(key(id, row, col));
    if (v instanceof DetailedCellError) {
      const code = errorText(v.type);
      let message = v.message || code;
      const unknown = /^Function name (.+) not recognized\.$/.exec(message);
      if (unknown) message = `Unknown function: '${unknown[1]}'.`;
      if (v.type === 'CYCLE') message = 'Circular dependency detected. To resolve with iterative calculation, see File > Settings.';
      return { value: code, formula, error: { code, message }, spilled };
    }
    return { value: v === null ? '' : (v as CellScalar), formula, spilled };
  }

  /** The user content of one cell (spilled cells read as empty). */
  content(sheet: string, row: number, col: number): CellContent {
    const id = this.sheetId(sheet);
    if (this.owner.has(key(id, row, col))) return { kind: 'empty' };
    return rawToContent(this.hf.getCellSerialized({ sheet: id, row, col }));
  }

  /** Last 0-based row / column holding content (values, formulas or spilled results), -1 if none. */
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

  /** User content of a sheet (formulas as text, strings apostrophe-prefixed), spilled cells omitted. */
  serialize(sheet: string): RawCellContent[][] {
    const id = this.sheetId(sheet);
    return this.hf.getSheetSerialized(id).map((r, i) => r.map((c, j) => (this.owner.has(key(id, i, j)) ? null : c)));
  }

  loadSerialized(sheet: string, data: RawCellContent[][]): void {
    if (data.length === 0) return;
    this.hf.setCellContents({ sheet: this.sheetId(sheet), row: 0, col: 0 }, data);
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
    this.hf.batch(() => {
      this.hf.setCellContents({ sheet: id, row, col }, grid.map((r) => r.map(toRaw)));
      for (const a of clears) this.hf.setCellContents(a, null);
      for (const k of dirty) this.reevaluate(k, written);
    });
    this.settle();
  }

  // ---- structural edits --------------------------------------------------------------

  insertColumns(sheet: string, at: number, n: number): void {
    this.structural(() => this.hf.addColumns(this.sheetId(sheet), [at, n]));
  }
  removeColumns(sheet: string, at: number, n: number): void {
    this.structural(() => this.hf.removeColumns(this.sheetId(sheet), [at, n]));
  }
  moveColumns(sheet: string, start: number, n: number, target: number): void {
    this.structural(() => this.hf.moveColumns(this.sheetId(sheet), start, n, target));
  }
  insertRows(sheet: string, at: number, n: number): void {
    this.structural(() => this.hf.addRows(this.sheetId(sheet), [at, n]));
  }
  removeRows(sheet: string, at: number, n: number): void {
    this.structural(() => this.hf.removeRows(this.sheetId(sheet), [at, n]));
  }
  moveRows(sheet: string, start: number, n: number, target: number): void {
    this.structural(() => this.hf.moveRows(this.sheetId(sheet), start, n, target));
  }

  private structural(op: () => void): void {
    // Array results are recomputed from scratch: they cannot be moved like user data.
    this.hf.batch(() => {
      this.clearSpillsInBatch();
      op();
    });
    this.respillAll();
  }

  // ---- named ranges (HyperFormula named expressions, so formulas can use them) ------------

  setNamedRange(name: string, sheet: string, rect: Rect): void {
    const ref = `=${quoteSheetName(sheet)}!${absA1(rect)}`;
    const existing = this.namedRangeNames().find((n) => n.toUpperCase() === name.toUpperCase());
    try {
      if (existing !== undefined) this.hf.changeNamedExpression(existing, ref);
      else this.hf.addNamedExpression(name, ref);
    } catch {
      throw gasError(`Named range name "${name}" is invalid: use letters, numbers and underscores, not a cell reference.`);
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
    const existing = this.namedRangeNames().find((n) => n.toUpperCase() === name.toUpperCase());
    if (existing === undefined) return undefined;
    const f = this.hf.getNamedExpressionFormula(existing);
    if (f === undefined) return undefined;
    const parsed = parseA1(f.replace(/^=/, '').replace(/\$/g, ''), 1, 1);
    if (!parsed || parsed.sheet === undefined) return undefined;
    return { name: existing, sheet: parsed.sheet, rect: parsed.rect };
  }

  // ---- spills ------------------------------------------------------------------------

  private releaseRegion(anchor: string, region: Rect & { sheet: number }, clears: SimpleCellAddress[], except?: Rect & { sheet: number }): void {
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
    const [sheet, row, col] = anchor.split(':').map(Number) as [number, number, number];
    if (skip && overlaps({ sheet, row, col, rows: 1, cols: 1 }, skip)) return;
    const addr = { sheet, row, col };
    const f = this.hf.getCellFormula(addr);
    if (f !== undefined) this.hf.setCellContents(addr, f);
  }

  private clearSpills(): void {
    this.hf.batch(() => this.clearSpillsInBatch());
  }

  private clearSpillsInBatch(): void {
    for (const k of this.owner.keys()) {
      const [sheet, row, col] = k.split(':').map(Number) as [number, number, number];
      this.hf.setCellContents({ sheet, row, col }, null);
    }
    this.owner.clear();
    this.spills.clear();
    this.blocked.clear();
    this.records.clear();
  }

  /** Re-evaluates every custom-function anchor (after edits that moved cells around). */
  private respillAll(): void {
    if (this.customNames.length === 0) return;
    const names = new Set(this.customNames);
    const anchors: Array<[SimpleCellAddress, string]> = [];
    for (const sheetName of this.hf.getSheetNames()) {
      const id = this.sheetId(sheetName);
      this.hf.getSheetFormulas(id).forEach((r, i) =>
        r.forEach((f, j) => {
          if (f === undefined) return;
          const m = /^=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\(/.exec(f);
          if (m?.[1] && names.has(m[1].toUpperCase()) && matchingParen(f, m[0].length - 1) === f.trimEnd().length - 1) {
            anchors.push([{ sheet: id, row: i, col: j }, f]);
          }
        }),
      );
    }
    if (anchors.length > 0) this.hf.batch(() => anchors.forEach(([a, f]) => this.hf.setCellContents(a, f)));
    this.settle();
  }

  /** Writes array results recorded during evaluation until nothing changes any more. */
  settle(): void {
    for (let round = 0; round < 50 && this.records.size > 0; round++) {
      const recs = [...this.records.entries()];
      this.records.clear();
      const writes: Array<[SimpleCellAddress, RawCellContent]> = [];
      for (const [anchor, rec] of recs) this.reconcile(anchor, rec, writes);
      const changed = writes.filter(([a, v]) => !sameRaw(this.hf.getCellSerialized(a), v));
      if (changed.length > 0) this.hf.batch(() => changed.forEach(([a, v]) => this.hf.setCellContents(a, v)));
    }
  }

  private reconcile(anchor: string, rec: SpillRecord, writes: Array<[SimpleCellAddress, RawCellContent]>): void {
    const { sheet, row, col } = rec.at;
    const old = this.spills.get(anchor);
    const clears: SimpleCellAddress[] = [];
    if (rec.kind === 'array') {
      const rows = rec.grid.length;
      const cols = rec.grid[0]?.length ?? 1;
      const region = { sheet, row, col, rows, cols };
      if (old) this.releaseRegion(anchor, old, clears, region);
      rec.grid.forEach((line, r) =>
        line.forEach((v, c) => {
          if (r === 0 && c === 0) return;
          this.owner.set(key(sheet, row + r, col + c), anchor);
          writes.push([{ sheet, row: row + r, col: col + c }, hfCellToRaw(v)]);
        }),
      );
      this.spills.set(anchor, region);
      this.blocked.delete(anchor);
    } else {
      if (old) this.releaseRegion(anchor, old, clears);
      this.spills.delete(anchor);
      if (rec.kind === 'blocked') this.blocked.set(anchor, { sheet, row, col, rows: rec.rows, cols: rec.cols });
      else this.blocked.delete(anchor);
    }
    for (const a of clears) writes.push([a, null]);
  }
}

function key(sheet: number, row: number, col: number): string {
  return `${sheet}:${row}:${col}`;
}

function overlaps(a: Rect & { sheet: number }, b: Rect & { sheet: number }): boolean {
  return a.sheet === b.sheet && a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

function forEachCell(r: Rect, fn: (row: number, col: number) => void): void {
  for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) fn(r.row + i, r.col + j);
}

function sameRaw(a: RawCellContent, b: RawCellContent): boolean {
  if ((a === undefined || a === null) && b === null) return true;
  return a === b;
}

function absA1(r: Rect): string {
  const abs = (row: number, col: number): string => cellA1(row, col).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  const start = abs(r.row, r.col);
  return r.rows === 1 && r.cols === 1 ? start : `${start}:${abs(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}
