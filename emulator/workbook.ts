// The public face of one emulated spreadsheet: the Spreadsheet service object, the call
// counter, the recorded UI, locks and properties, cell helpers for tests, and saving to
// and loading from JSON (the workbench keeps its document on disk this way).
import type { RawCellContent } from 'hyperformula';
import { cellA1, cellKey, lettersToColumn, parseA1, parseCellKey, rectA1, type Rect } from './a1';
import { unreadableCells, type UnreadableCell } from './cell-fit';
import { chartOnGrid, chartView } from './chart-view';
import type { ChartView } from './views';
import type { Clock } from './clock';
import type { CallCounter } from './counter';
import type { LockState } from './lock';
import type { PropertyStore } from './properties';
import { EmuRange } from './range';
import { FORMAT_KEYS, pasteRange, type PasteKind } from './range-ops';
import { EmuSheet, rangeFromA1 } from './sheet';
import type { CellAttrs, ChartSpec, ConditionalRuleSpec, ProtectionSpec } from './sheet-model';
import { EmuSpreadsheet } from './spreadsheet';
import { type Services, services } from './services';
import { EmuSpreadsheetApp } from './spreadsheet-app';
import type { GSpreadsheet, GSpreadsheetApp } from './types';
import type { UiState } from './ui';
import type { CellSnapshot, SheetSnapshot, SparklineSeries } from './views';
import { WorkbookModel, type WorkbookOptions } from './workbook-model';

export interface WorkbookJson {
  version: 1;
  id: string;
  name: string;
  locale: string;
  timeZone: string;
  userLocale: string;
  addonName: string;
  /** WorkbookOptions.plainTextProtects (absent in older files: false). */
  plainTextProtects?: boolean;
  /** WorkbookOptions.formulaSeparators (absent: the default). Cells always hold English syntax. */
  formulaSeparators?: 'comma' | 'locale';
  activeSheet: string;
  sheets: Array<{
    name: string;
    sheetId: number;
    maxRows: number;
    maxCols: number;
    frozenRows: number;
    frozenCols: number;
    /** Hidden rows and columns, 0-based (absent in older files: none). */
    hiddenRows?: number[];
    hiddenCols?: number[];
    /** Group depths by 0-based row or column (absent: none). */
    rowGroups?: Array<[number, number]>;
    colGroups?: Array<[number, number]>;
    colWidths: Array<[number, number]>;
    rowHeights: Array<[number, number]>;
    /** User content: numbers, booleans, "=formulas" and "'text" (apostrophe = text). */
    cells: RawCellContent[][];
    attrs: Array<[string, CellAttrs]>;
    merges: Rect[];
    conditionalRules: ConditionalRuleSpec[];
    protections: ProtectionSpec[];
    charts: ChartSpec[];
  }>;
  namedRanges: Array<{ name: string; sheet: string; rect: Rect }>;
  properties: {
    document: Record<string, string>;
    user: Record<string, string>;
  };
}

/** One cell as the workbench draws it (1-based row/col). */
export type { CellSnapshot, SheetSnapshot } from './views';

export class Workbook {
  readonly model: WorkbookModel;

  constructor(opts: WorkbookOptions = {}, firstSheet: string | null = 'Sheet1') {
    this.model = new WorkbookModel(opts);
    if (firstSheet !== null) this.model.addSheet(firstSheet);
  }

  /** The emulated Spreadsheet (guarded and counted, like the bundle sees it). */
  get spreadsheet(): GSpreadsheet {
    return this.model.guard.wrap(new EmuSpreadsheet(this.model));
  }
  /** The emulated SpreadsheetApp for host-side code. */
  get app(): GSpreadsheetApp {
    return this.model.guard.wrap(new EmuSpreadsheetApp(this.model));
  }
  /**
   * Every Apps Script service the bundle gets, by its global name, for host-side code such as a
   * unit test that stubs them as globals; `files` are the HTML files HtmlService serves.
   */
  services(files: Record<string, string> = {}): Services {
    return services(this.model, files, (service) => this.model.guard.wrap(service));
  }
  /** Service call counts: total, byName, builder, reset(). */
  get calls(): CallCounter {
    return this.model.counter;
  }
  /** Menus, dialogs, sidebars, toasts shown; answer(...) scripts alert/prompt answers. */
  get ui(): UiState {
    return this.model.ui;
  }
  /**
   * "Now" for the add-on: real time until set. `clock.set('2027-01-15T10:00:00Z')` stops it
   * there, `clock.advance({ days: 30 })` moves it on, `clock.useRealTime()` lets it run. The
   * bundle's `new Date()` and `Date.now()` follow it at once; TODAY() and NOW() cells at the
   * next change in the spreadsheet or `reopen()`, as in Sheets.
   */
  get clock(): Clock {
    return this.model.clock;
  }
  /** The document lock: holdByOther()/releaseByOther() simulate another user. */
  get lock(): LockState {
    return this.model.documentLock;
  }
  get properties(): { document: PropertyStore; user: PropertyStore } {
    return {
      document: this.model.documentProperties,
      user: this.model.userProperties,
    };
  }
  get logs(): string[] {
    return this.model.logs;
  }
  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  // ---- cell helpers for tests (not counted as service calls) ----
  range(sheet: string, a1: string): EmuRange {
    const s = this.model.sheetOrThrow(sheet);
    const parsed = parseA1(a1, s.maxRows, s.maxCols);
    if (!parsed) throw new Error(`emulator: bad A1 "${a1}"`);
    return new EmuRange(this.model, s, parsed.rect);
  }
  /** What getValue() returns. */
  value(sheet: string, a1: string): unknown {
    return this.range(sheet, a1).getValue();
  }
  /** What getValues() returns for a range. */
  values(sheet: string, a1: string): unknown[][] {
    return this.range(sheet, a1).getValues();
  }
  formula(sheet: string, a1: string): string {
    return this.range(sheet, a1).getFormula();
  }
  display(sheet: string, a1: string): string {
    return this.range(sheet, a1).getDisplayValue();
  }
  /**
   * The error message of an error cell (what Sheets shows when hovering #ERROR!), else undefined.
   */
  error(sheet: string, a1: string): string | undefined {
    const r = this.range(sheet, a1);
    return this.model.engine.read(r._sheet.name, r._rect.row, r._rect.col).error?.message;
  }
  /**
   * What the SPARKLINE in a cell draws: `{ charttype, values, options }`, a value per data point
   * (null where the "empty" or "nan" option leaves the point out), or undefined when the cell
   * draws none (no SPARKLINE, or an error: see error()). Not counted.
   */
  sparkline(sheet: string, a1: string): SparklineSeries | undefined {
    const r = this.range(sheet, a1);
    return this.model.engine.sparkline(r._sheet.name, r._rect.row, r._rect.col);
  }
  /** Alias of error(). */
  cellError(sheet: string, a1: string): string | undefined {
    return this.error(sheet, a1);
  }

  // ---- what a user does in the Sheets UI (not Apps Script calls: not counted, no AuthMode) ----
  // The workbench grid and the hostile-use tests act through these. Script writes go through
  // Range.setValue(s), which parses strings whatever the cell's format (cell-input.ts).

  /**
   * The user types `input` into a cell (every cell of a range gets it, formulas shifted) and
   * presses Enter. In a plain-text ("@") cell what is typed stays text, verbatim, as in the
   * Sheets UI; elsewhere it is parsed as typed: "=..." a formula, "'x" the text x, "12" and
   * "+1" numbers, "1,5" a number in ru_RU, "TRUE" a boolean, "2026-01-05" a date, "12:30" a
   * time. Non-string inputs (numbers, booleans, Dates) are stored as they are; "" clears.
   * A formula is read in the locale's syntax, as the Sheets UI reads what a user types:
   * `=CJM_REVENUE(1000; 5%; 2000; 1,5)` in ru_RU ("," between arguments is a parse error
   * there), whatever WorkbookOptions.formulaSeparators says about scripts.
   */
  setCell(sheet: string, a1: string, input: unknown): void {
    const r = this.range(sheet, a1);
    r._write(
      r._map(() => input),
      { source: 'user' },
      true,
    );
  }
  /**
   * Format → Clear formatting: number formats back to automatic, colours, fonts, alignment,
   * wrapping removed; values, formulas, notes and validations kept.
   */
  clearFormat(sheet: string, a1: string): void {
    this.range(sheet, a1)._clearFormats(FORMAT_KEYS);
  }
  /**
   * Ctrl+C on `source`, Ctrl+V on `target` (top-left cell, or a multiple of the source's size
   * to tile): values, formulas (relative references shifted), formats (an automatic source
   * brings the automatic format), notes, validations and merges. `source` may name another
   * sheet ("Other!A1:B2").
   */
  paste(sheet: string, source: string, target: string): void {
    this.pasteAs('normal', sheet, source, target);
  }
  /**
   * Edit → Paste special → Values only: copies `source` (by default `target` itself) and pastes
   * its current computed values over `target`: formulas become their values, text stays text
   * (it is not parsed again), the target's formats, notes and validations are kept.
   */
  pasteValues(sheet: string, target: string, source: string = target): void {
    this.pasteAs('values', sheet, source, target);
  }
  private pasteAs(mode: PasteKind, sheet: string, source: string, target: string): void {
    const s = this.block(sheet, source);
    const t = this.block(sheet, target);
    pasteRange(
      this.model,
      { sheet: s._sheet, rect: s._rect },
      { sheet: t._sheet, rect: t._rect },
      mode,
    );
  }
  /**
   * Data → Sort range, by `column` (a sheet column: 1-based number or letters such as "C"),
   * A→Z unless `ascending` is false. Rows move with all their cells (values, formulas with
   * relative references shifted, formats, notes, validations); blanks go last.
   */
  sortRange(sheet: string, a1: string, column: number | string, ascending = true): void {
    this.range(sheet, a1).sort({ column: columnNumber(column), ascending });
  }
  /**
   * Insert `howMany` rows above row `beforeRow` (1-based; getMaxRows()+1 adds rows at the bottom).
   * Like a script's insert, the new rows take a neighbour's formats: the row above, if any.
   */
  insertRows(sheet: string, beforeRow: number, howMany = 1): void {
    this.sheetObject(sheet)._insertLines('row', beforeRow - 1, howMany, 'before');
  }
  /** Delete rows `row`..`row + howMany - 1` (1-based). */
  deleteRows(sheet: string, row: number, howMany = 1): void {
    this.sheetObject(sheet).deleteRows(row, howMany);
  }
  /**
   * Insert `howMany` columns left of `beforeColumn` (1-based number or letters; getMaxColumns()+1
   * appends), taking the formats of the column left of them, if any.
   */
  insertColumns(sheet: string, beforeColumn: number | string, howMany = 1): void {
    this.sheetObject(sheet)._insertLines('col', columnNumber(beforeColumn) - 1, howMany, 'before');
  }
  /** Delete columns from `column` (1-based number or letters), `howMany` of them. */
  deleteColumns(sheet: string, column: number | string, howMany = 1): void {
    this.sheetObject(sheet).deleteColumns(columnNumber(column), howMany);
  }
  /** Double-click the tab and type a new name (formulas and named ranges follow). */
  renameSheet(sheet: string, newName: string): void {
    // The user's tab, not a script's call: not held to the names a script may give.
    this.model.renameSheet(this.model.sheetOrThrow(sheet), newName);
  }
  /** Data → Named ranges: the name `name` (new or already there) now points at `a1` on `sheet`. */
  pointName(name: string, sheet: string, a1: string): void {
    const target = this.model.sheetOrThrow(sheet);
    this.model.engine.setNamedRange(name, target.name, rangeFromA1(this.model, target, a1)._rect);
  }
  /** Tab menu → Delete: its named ranges disappear, formulas pointing at it show #REF!. */
  deleteSheet(sheet: string): void {
    this.model.removeSheet(this.model.sheetOrThrow(sheet));
  }
  /**
   * Tab menu → Duplicate: "Copy of X" right after X, activated; contents, formats, notes,
   * validations, merges, rules, protections and charts, but not the workbook-level named
   * ranges. Returns the new sheet's name.
   */
  copySheet(sheet: string): string {
    return this.model.duplicate(this.model.sheetOrThrow(sheet)).name;
  }

  /**
   * A colleague (`by`) protects a range (`a1`) or, with null, the whole sheet, so that only they
   * may edit it (Data → Protect sheets and ranges → Restrict who can edit → Only you), with a
   * description, as a warning only, or (a sheet) except some ranges. It binds the user unless the
   * user owns the spreadsheet (WorkbookOptions.ownerEmail).
   */
  protectAsOther(
    sheet: string,
    a1: string | null,
    opts: { by: string; description?: string; warningOnly?: boolean; unprotected?: string[] },
  ): void {
    const s = this.model.sheetOrThrow(sheet);
    s.protections.push({
      id: this.model.nextProtectionId++,
      kind: a1 === null ? 'SHEET' : 'RANGE',
      rect: a1 === null ? null : this.block(sheet, a1)._rect,
      description: opts.description ?? '',
      warningOnly: opts.warningOnly ?? false,
      editors: [opts.by],
      ...(opts.unprotected
        ? { unprotected: opts.unprotected.map((u) => this.block(sheet, u)._rect) }
        : {}),
    });
  }
  /**
   * Format → Merge cells → Merge all, on `a1`: only the top-left value is kept, the other cells
   * are hidden under it.
   */
  merge(sheet: string, a1: string): void {
    this.block(sheet, a1).merge();
  }

  /** Right-click a column header → Hide column: `howMany` columns from `column` (number or letters). */
  hideColumns(sheet: string, column: number | string, howMany = 1): void {
    this.sheetObject(sheet).hideColumns(columnNumber(column), howMany);
  }
  /** Right-click a row header → Hide row: `howMany` rows from `row`. */
  hideRows(sheet: string, row: number, howMany = 1): void {
    this.sheetObject(sheet).hideRows(row, howMany);
  }
  /** View → Group: the columns (or, with `rows`, the rows) of `a1` one group deeper. */
  group(sheet: string, a1: string, lines: 'columns' | 'rows' = 'columns'): void {
    const r = this.block(sheet, a1);
    if (lines === 'rows') r.shiftRowGroupDepth(1);
    else r.shiftColumnGroupDepth(1);
  }

  /**
   * The user opens the spreadsheet again (or reloads its tab): it recalculates, so TODAY(),
   * NOW() and what depends on them follow the clock. (`addon.runOnOpen()` opens it too.)
   */
  reopen(): void {
    this.model.opened();
  }

  private sheetObject(sheet: string): EmuSheet {
    return new EmuSheet(this.model, this.model.sheetOrThrow(sheet));
  }
  /** A1 on `sheet`, or on another sheet when prefixed ("Other!A1:B2"). */
  private block(sheet: string, a1: string): EmuRange {
    return rangeFromA1(this.model, this.model.sheetOrThrow(sheet), a1);
  }

  /** A plain, renderable view of a sheet (for the workbench and for debugging tests). */
  snapshot(sheet: string): SheetSnapshot {
    const m = this.model;
    const s = m.sheetOrThrow(sheet);
    const { lastRow, lastCol } = m.engine.extent(s.name);
    const keys = new Set<string>(s.attrs.keys());
    for (let r = 0; r <= lastRow; r++) for (let c = 0; c <= lastCol; c++) keys.add(cellKey(r, c));
    const cells: CellSnapshot[] = [];
    for (const [r, c] of [...keys].map(parseCellKey).sort((a, b) => a[0] - b[0] || a[1] - b[1])) {
      const read = m.engine.read(s.name, r, c);
      const attrs = s.attr(r, c);
      if (read.value === '' && read.formula === '' && !attrs) continue;
      const range = new EmuRange(m, s, { row: r, col: c, rows: 1, cols: 1 });
      const sparkline = read.formula === '' ? undefined : m.engine.sparkline(s.name, r, c);
      cells.push({
        a1: cellA1(r, c),
        row: r + 1,
        col: c + 1,
        value: range.getValue(),
        display: range.getDisplayValue(),
        // what the formula bar shows a user: the locale's syntax (";" in ru_RU), as typed
        formula: m.userFormulaOut(read.formula),
        spilled: read.spilled,
        ...(read.error ? { error: read.error } : {}),
        ...(attrs ? { attrs: structuredClone(attrs) } : {}),
        ...(sparkline ? { sparkline } : {}),
      });
    }
    return {
      name: s.name,
      sheetId: s.sheetId,
      index: m.sheets.indexOf(s) + 1,
      active: m.active === s,
      maxRows: s.maxRows,
      maxCols: s.maxCols,
      frozenRows: s.frozenRows,
      frozenCols: s.frozenCols,
      hiddenRows: [...s.hidden.row].map((i) => i + 1).sort((a, b) => a - b),
      hiddenCols: [...s.hidden.col].map((i) => i + 1).sort((a, b) => a - b),
      colWidths: Object.fromEntries([...s.colWidths].map(([i, w]) => [i + 1, w])),
      rowHeights: Object.fromEntries([...s.rowHeights].map(([i, h]) => [i + 1, h])),
      merges: s.merges.map(rectA1),
      cells,
      conditionalRules: structuredClone(s.conditionalRules),
      protections: structuredClone(s.protections),
      charts: structuredClone(s.charts),
    };
  }

  /** The cells of `sheet` a reader cannot read whole: cut, or a word split (cell-fit.ts). */
  unreadable(sheet: string): UnreadableCell[] {
    return unreadableCells(this.snapshot(sheet));
  }

  /**
   * The charts of `sheet` as a reader sees them (chart-view.ts: data, size, labels whole or cut),
   * each with where it lands on the grid and how much of it is on the grid.
   */
  charts(sheet: string): Array<ChartView & { onGrid: ReturnType<typeof chartOnGrid> }> {
    const s = this.model.sheetOrThrow(sheet);
    return s.charts.map((spec) => {
      const view = chartView(this.model, s, spec);
      return { ...view, onGrid: chartOnGrid(s, view) };
    });
  }

  // ---- persistence ----
  toJSON(): WorkbookJson {
    const m = this.model;
    return {
      version: 1,
      id: m.id,
      name: m.name,
      locale: m.locale,
      timeZone: m.timeZone,
      userLocale: m.userLocale,
      addonName: m.addonName,
      plainTextProtects: m.plainTextProtects,
      formulaSeparators: m.formulaSeparators,
      activeSheet: m.active.name,
      sheets: m.sheets.map((s) => ({
        name: s.name,
        sheetId: s.sheetId,
        maxRows: s.maxRows,
        maxCols: s.maxCols,
        frozenRows: s.frozenRows,
        frozenCols: s.frozenCols,
        hiddenRows: [...s.hidden.row],
        hiddenCols: [...s.hidden.col],
        rowGroups: [...s.groupDepth.row],
        colGroups: [...s.groupDepth.col],
        colWidths: [...s.colWidths],
        rowHeights: [...s.rowHeights],
        cells: m.engine.serialize(s.name),
        attrs: [...s.attrs].map(([k, v]) => [k, structuredClone(v)] as [string, CellAttrs]),
        merges: structuredClone(s.merges),
        conditionalRules: structuredClone(s.conditionalRules),
        protections: structuredClone(s.protections),
        charts: structuredClone(s.charts),
      })),
      namedRanges: m.engine.namedRangeNames().flatMap((n) => m.engine.namedRangeTarget(n) ?? []),
      properties: {
        document: Object.fromEntries(m.documentProperties.data),
        user: Object.fromEntries(m.userProperties.data),
      },
    };
  }

  static fromJSON(json: WorkbookJson): Workbook {
    const wb = new Workbook(
      {
        id: json.id,
        name: json.name,
        locale: json.locale,
        timeZone: json.timeZone,
        userLocale: json.userLocale,
        addonName: json.addonName,
        plainTextProtects: json.plainTextProtects ?? false,
        ...(json.formulaSeparators ? { formulaSeparators: json.formulaSeparators } : {}),
      },
      null,
    );
    const m = wb.model;
    for (const s of json.sheets) {
      const model = m.addSheet(s.name, undefined, { rows: s.maxRows, cols: s.maxCols });
      Object.assign(model, {
        sheetId: s.sheetId,
        frozenRows: s.frozenRows,
        frozenCols: s.frozenCols,
        hidden: { row: new Set(s.hiddenRows ?? []), col: new Set(s.hiddenCols ?? []) },
        groupDepth: { row: new Map(s.rowGroups ?? []), col: new Map(s.colGroups ?? []) },
        colWidths: new Map(s.colWidths),
        rowHeights: new Map(s.rowHeights),
        attrs: new Map(s.attrs.map(([k, v]) => [cellKey(...parseCellKey(k)), structuredClone(v)])),
        merges: structuredClone(s.merges),
        conditionalRules: structuredClone(s.conditionalRules),
        protections: structuredClone(s.protections),
        charts: structuredClone(s.charts),
      });
      m.nextProtectionId = Math.max(m.nextProtectionId, ...s.protections.map((p) => p.id + 1));
      m.nextChartId = Math.max(m.nextChartId, ...s.charts.map((c) => c.chartId + 1));
    }
    m.nextSheetId = json.sheets.length + 1;
    // Content after all sheets exist, so cross-sheet formulas resolve; names last.
    for (const s of json.sheets) m.engine.loadSerialized(s.name, s.cells);
    for (const n of json.namedRanges) m.engine.setNamedRange(n.name, n.sheet, n.rect);
    m.active = m.sheet(json.activeSheet) ?? (m.sheets[0] as typeof m.active);
    m.documentProperties.data = new Map(Object.entries(json.properties.document));
    m.userProperties.data = new Map(Object.entries(json.properties.user));
    return wb;
  }
}

function columnNumber(column: number | string): number {
  if (typeof column === 'number') return column;
  if (!/^[A-Za-z]{1,3}$/.test(column)) throw new Error(`emulator: bad column "${column}"`);
  return lettersToColumn(column) + 1;
}

export function createWorkbook(opts: WorkbookOptions = {}): Workbook {
  return new Workbook(opts);
}
