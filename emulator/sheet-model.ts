// Per-sheet state that is not cell content: formats, notes, validations, merges,
// conditional-format rules, protections, charts, sizes. Cell attributes are keyed by
// 0-based "row,col" and shifted on structural edits the same way Sheets moves them.
import { cellKey, parseCellKey, type Rect } from './a1';

export interface ValidationSpec {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface CellAttrs {
  numberFormat?: string;
  background?: string;
  fontColor?: string;
  fontWeight?: string;
  fontStyle?: string;
  fontSize?: number;
  wrap?: boolean;
  wrapStrategy?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  note?: string;
  validation?: ValidationSpec;
}

export interface ConditionalRuleSpec {
  ranges: Rect[];
  criteria: string;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
}

export interface ProtectionSpec {
  id: number;
  kind: 'RANGE' | 'SHEET';
  rect: Rect | null;
  description: string;
  warningOnly: boolean;
  /**
   * Who may edit it besides the spreadsheet's owner; absent: the spreadsheet's own editors (a
   * protection a script makes mirrors them until its editor list changes).
   */
  editors?: string[];
  /** A protected sheet's unprotected ranges. */
  unprotected?: Rect[];
}

export interface ChartSpec {
  chartId: number;
  chartType: string;
  ranges: Rect[];
  position: { row: number; col: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

/** Maps an old index to its new index (or undefined when deleted) along one axis. */
export type IndexMap = (i: number) => number | undefined;

export function insertMap(at: number, n: number): IndexMap {
  return (i) => (i >= at ? i + n : i);
}
export function deleteMap(at: number, n: number): IndexMap {
  return (i) => (i < at ? i : i < at + n ? undefined : i - n);
}
/** Sheets' moveColumns/moveRows: `target` is an index before the move. */
export function moveMap(start: number, n: number, target: number): IndexMap {
  return (i) => {
    if (target > start) {
      if (i >= start && i < start + n) return i + (target - start - n);
      if (i >= start + n && i < target) return i - n;
      return i;
    }
    if (i >= start && i < start + n) return i - (start - target);
    if (i >= target && i < start) return i + n;
    return i;
  };
}

/** Shifts a rectangle along one axis; an insert inside it grows it, deletes shrink it. */
export function mapRect(
  r: Rect,
  axis: 'row' | 'col',
  map: IndexMap,
  kind: 'insert' | 'delete' | 'move',
): Rect | null {
  const start = axis === 'row' ? r.row : r.col;
  const size = axis === 'row' ? r.rows : r.cols;
  const kept: number[] = [];
  for (let i = start; i < start + size; i++) {
    const m = map(i);
    if (m !== undefined) kept.push(m);
  }
  if (kept.length === 0) return null;
  let lo = Math.min(...kept);
  let hi = Math.max(...kept);
  if (kind === 'move') {
    // A moved range follows its first and last cell, like range references do.
    lo = Math.min(map(start) ?? lo, map(start + size - 1) ?? hi);
    hi = Math.max(map(start) ?? lo, map(start + size - 1) ?? hi);
  }
  return axis === 'row'
    ? { ...r, row: lo, rows: hi - lo + 1 }
    : { ...r, col: lo, cols: hi - lo + 1 };
}

export class SheetModel {
  frozenRows = 0;
  frozenCols = 0;
  /** Rows and columns hidden (0-based): still there, read and written as any other. */
  hidden = { row: new Set<number>(), col: new Set<number>() };
  /** Group depth of each row and column in a group (0-based index → depth ≥ 1). */
  groupDepth = { row: new Map<number, number>(), col: new Map<number, number>() };
  colWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  attrs = new Map<string, CellAttrs>();
  merges: Rect[] = [];
  conditionalRules: ConditionalRuleSpec[] = [];
  protections: ProtectionSpec[] = [];
  charts: ChartSpec[] = [];

  constructor(
    public name: string,
    public readonly sheetId: number,
    public maxRows = 1000,
    public maxCols = 26,
  ) {}

  attr(row: number, col: number): CellAttrs | undefined {
    return this.attrs.get(cellKey(row, col));
  }

  /** Updates one cell's attributes; `undefined` values remove the attribute. */
  setAttr<K extends keyof CellAttrs>(
    row: number,
    col: number,
    name: K,
    value: CellAttrs[K] | undefined,
  ): void {
    const k = cellKey(row, col);
    const cur = this.attrs.get(k) ?? {};
    if (value === undefined) delete cur[name];
    else cur[name] = value;
    if (Object.keys(cur).length === 0) this.attrs.delete(k);
    else this.attrs.set(k, cur);
  }

  /**
   * New lines `first` … `first + n - 1` take the formats, data validation and size of line `from`
   * (0-based, after the insert), as Sheets' inserts do (sheet.ts, `_insertLines`); not its notes,
   * which belong to the cells' content.
   */
  inheritLine(axis: 'row' | 'col', from: number, first: number, n: number): void {
    for (const [k, v] of [...this.attrs]) {
      const [r, c] = parseCellKey(k);
      if ((axis === 'row' ? r : c) !== from) continue;
      const { note: _note, ...format } = v;
      if (Object.keys(format).length === 0) continue;
      for (let i = first; i < first + n; i++)
        this.attrs.set(axis === 'row' ? cellKey(i, c) : cellKey(r, i), { ...format });
    }
    const sizes = axis === 'row' ? this.rowHeights : this.colWidths;
    const size = sizes.get(from);
    if (size !== undefined) for (let i = first; i < first + n; i++) sizes.set(i, size);
  }

  /** Applies a structural edit to everything positional this model holds. */
  shift(axis: 'row' | 'col', map: IndexMap, kind: 'insert' | 'delete' | 'move'): void {
    const next = new Map<string, CellAttrs>();
    for (const [k, v] of this.attrs) {
      const [r, c] = parseCellKey(k);
      const nr = axis === 'row' ? map(r) : r;
      const nc = axis === 'col' ? map(c) : c;
      if (nr !== undefined && nc !== undefined) next.set(cellKey(nr, nc), v);
    }
    this.attrs = next;
    const sizes = axis === 'row' ? this.rowHeights : this.colWidths;
    const moved = new Map<number, number>();
    for (const [i, w] of sizes) {
      const m = map(i);
      if (m !== undefined) moved.set(m, w);
    }
    if (axis === 'row') this.rowHeights = moved;
    else this.colWidths = moved;
    // Hidden and grouped lines follow their content; inserted ones are neither.
    this.hidden[axis] = new Set([...this.hidden[axis]].flatMap((i) => map(i) ?? []));
    this.groupDepth[axis] = new Map(
      [...this.groupDepth[axis]].flatMap(([i, d]) => {
        const m = map(i);
        return m === undefined ? [] : [[m, d] as [number, number]];
      }),
    );
    const mr = (r: Rect): Rect | null => mapRect(r, axis, map, kind);
    this.merges = this.merges.flatMap((r) => mr(r) ?? []);
    for (const rule of this.conditionalRules) rule.ranges = rule.ranges.flatMap((r) => mr(r) ?? []);
    this.conditionalRules = this.conditionalRules.filter((rule) => rule.ranges.length > 0);
    this.protections = this.protections.filter((p) => {
      if (p.unprotected) p.unprotected = p.unprotected.flatMap((r) => mr(r) ?? []);
      if (!p.rect) return true;
      p.rect = mr(p.rect);
      return p.rect !== null;
    });
    for (const ch of this.charts) {
      ch.ranges = ch.ranges.flatMap((r) => mr(r) ?? []);
      const pos = map(axis === 'row' ? ch.position.row : ch.position.col);
      if (pos !== undefined) {
        if (axis === 'row') ch.position.row = pos;
        else ch.position.col = pos;
      }
    }
  }
}
