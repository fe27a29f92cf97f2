// Sheet: geometry, structural edits (which the formula engine applies to formulas and
// named ranges, and SheetModel.shift to formats, notes, merges, rules...), and the
// per-sheet collections (rules, protections, charts).
import { parseA1, type Rect } from './a1';
import type { CellContent } from './cell-input';
import { EmuConditionalFormatRule } from './conditional-format';
import { EmuEmbeddedChart, EmuEmbeddedChartBuilder } from './chart';
import { gasError } from './errors';
import { EmuNamedRange, listedNamedRanges } from './named-range';
import { EmuProtection } from './protection';
import { checkInside, EmuRange, makeRange } from './range';
import { EmuRangeList } from './range-list';
import { deleteMap, insertMap, moveMap, type IndexMap, type SheetModel } from './sheet-model';
import { EmuSpreadsheet } from './spreadsheet';
import { DEFAULTS } from './style';
import type {
  GConditionalFormatRule,
  GEmbeddedChart,
  GEmbeddedChartBuilder,
  GNamedRange,
  GProtection,
  GRange,
  GRangeList,
  GSheet,
  GSpreadsheet,
} from './types';
import { as } from './types';
import { EmuTextFinder } from './text-finder';
import { checkScriptSheetName, type WorkbookModel } from './workbook-model';

type Axis = 'row' | 'col';
/** What a row edit and a column edit touch: the sheet's size and frozen count, the engine's call. */
const AXES = {
  row: {
    max: 'maxRows',
    frozen: 'frozenRows',
    word: 'rows',
    insert: 'insertRows',
    remove: 'removeRows',
  },
  col: {
    max: 'maxCols',
    frozen: 'frozenCols',
    word: 'columns',
    insert: 'insertColumns',
    remove: 'removeColumns',
  },
} as const;

type SheetMethods =
  | 'getName'
  | 'setName'
  | 'getSheetId'
  | 'getIndex'
  | 'getParent'
  | 'activate'
  | 'setActiveSelection'
  | 'getRange'
  | 'getRangeList'
  | 'getDataRange'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'insertColumnAfter'
  | 'insertColumnBefore'
  | 'deleteColumns'
  | 'deleteColumn'
  | 'moveColumns'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'insertRowBefore'
  | 'deleteRows'
  | 'deleteRow'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'setFrozenColumns'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'getColumnWidth'
  | 'setConditionalFormatRules'
  | 'getConditionalFormatRules'
  | 'getProtections'
  | 'protect'
  | 'clearContents'
  | 'getCharts'
  | 'insertChart'
  | 'newChart'
  | 'removeChart'
  | 'getNamedRanges'
  | 'copyTo'
  | 'createTextFinder'
  | 'sort'
  | 'hideRows'
  | 'showRows'
  | 'hideColumns'
  | 'isRowHiddenByUser'
  | 'isColumnHiddenByUser'
  | 'getRowGroupDepth'
  | 'getColumnGroupDepth';

export class EmuSheet implements Pick<GSheet, SheetMethods> {
  static readonly typeName = 'Sheet';
  constructor(
    readonly _wb: WorkbookModel,
    readonly _sheet: SheetModel,
  ) {}

  _alive(): SheetModel {
    if (!this._wb.sheets.includes(this._sheet)) throw gasError('The sheet has been deleted.');
    return this._sheet;
  }

  getName(): string {
    return this._alive().name;
  }
  setName(name: string): GSheet {
    checkScriptSheetName(String(name));
    this._wb.renameSheet(this._alive(), name);
    return as(this);
  }
  getSheetId(): number {
    return this._sheet.sheetId;
  }
  getIndex(): number {
    return this._wb.sheets.indexOf(this._alive()) + 1;
  }
  /**
   * Copies this sheet to a spreadsheet (this one or another) as "Copy of <name>", placed
   * last and not activated. The workbook-level named ranges are not carried over.
   */
  copyTo(spreadsheet: GSpreadsheet): GSheet {
    const s = this._alive();
    const target = (spreadsheet as unknown as EmuSpreadsheet)._wb;
    const copy = target.copySheet(this._wb, s, target.copyName(s.name));
    return as(new EmuSheet(target, copy));
  }
  /** Searches this sheet only (text-finder.ts). */
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    const s = this._alive();
    return as(new EmuTextFinder(this._wb, () => [s], String(findText)));
  }
  /** Sorts the rows below the frozen rows by a column (1-based), like Range.sort. */
  sort(columnPosition: number, ascending = true): GSheet {
    const s = this._alive();
    const { lastRow, lastCol } = this._wb.engine.extent(s.name);
    const rows = lastRow + 1 - s.frozenRows;
    if (rows > 0 && lastCol >= 0) {
      const r = new EmuRange(this._wb, s, {
        row: s.frozenRows,
        col: 0,
        rows,
        cols: Math.max(lastCol + 1, columnPosition),
      });
      r.sort({ column: columnPosition, ascending: ascending !== false });
    }
    return as(this);
  }
  getParent(): GSpreadsheet {
    return as(new EmuSpreadsheet(this._wb));
  }
  activate(): GSheet {
    this._wb.active = this._alive();
    this._wb.activeRange = null;
    return as(this);
  }
  /**
   * Google's Sheet reference
   * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#setActiveSelection(String))
   * says only "Sets the active selection region for this sheet" (A1 or R1C1 notation, or a
   * Range), and its sibling setActiveRange "in the active sheet": silent on a sheet that is not
   * the one shown, and on a range of another sheet. The reading least convenient for the add-on:
   * the sheet becomes the active one (as Range.activate and SpreadsheetApp.setActiveRange, whose
   * page says "the spreadsheet UI displays the sheet that contains the chosen range"), so a call
   * on a sheet the user is not looking at takes them there; a range of another sheet throws.
   * R1C1 notation is not emulated. A selection change is a cached write (cost.ts).
   */
  setActiveSelection(range: GRange | string): GRange {
    const s = this._alive();
    const r =
      typeof range === 'string' ? rangeFromA1(this._wb, s, range) : (range as unknown as EmuRange);
    if (r._sheet !== s)
      throw gasError('The range must be on this sheet (emulator: setActiveSelection).');
    this._wb.active = s;
    this._wb.activeRange = { ...r._rect };
    return as(new EmuRange(this._wb, s, { ...r._rect }));
  }

  // ---- ranges ----
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): GRange {
    const s = this._alive();
    if (typeof a === 'string') return as(rangeFromA1(this._wb, s, a));
    if (column === undefined)
      throw gasError(
        "The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
      );
    return as(makeRange(this._wb, s, a, column, numRows ?? 1, numColumns ?? 1));
  }
  getRangeList(a1Notations: string[]): GRangeList {
    const s = this._alive();
    return as(new EmuRangeList(a1Notations.map((a1) => rangeFromA1(this._wb, s, a1))));
  }
  getDataRange(): GRange {
    return as(
      makeRange(
        this._wb,
        this._alive(),
        1,
        1,
        Math.max(1, this.getLastRow()),
        Math.max(1, this.getLastColumn()),
      ),
    );
  }
  getLastRow(): number {
    return this._wb.engine.extent(this._alive().name).lastRow + 1;
  }
  getLastColumn(): number {
    return this._wb.engine.extent(this._alive().name).lastCol + 1;
  }
  getMaxRows(): number {
    return this._alive().maxRows;
  }
  getMaxColumns(): number {
    return this._alive().maxCols;
  }

  // ---- structural edits ----
  _edit(
    axis: Axis,
    kind: 'insert' | 'delete' | 'move',
    map: IndexMap,
    engineOp: (map: IndexMap) => void,
  ): void {
    engineOp(map);
    this._sheet.shift(axis, map, kind);
  }
  /**
   * Google's reference says what Range.activate, Sheet.setActiveSelection / setActiveRange and
   * Spreadsheet.setActiveSheet select
   * (https://developers.google.com/apps-script/reference/spreadsheet/range#activate(),
   * https://developers.google.com/apps-script/reference/spreadsheet/sheet#setActiveSelection(String),
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setActiveSheet(Sheet))
   * and what insertColumnAfter, deleteColumn and moveColumns do to the content
   * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#moveColumns(Range,Integer)),
   * but not what becomes of the selection when a script inserts, deletes or moves the rows or
   * columns under it. The reading least convenient for the add-on, and the one the issue saw after
   * Move stage: the selection stays at the same row and column indexes whatever content moves
   * under it, so a command on the selected cell next acts on whatever slid there. Only a selection
   * left past the sheet's new edge (after a delete) is pulled back inside: Sheets always has a
   * selected cell.
   */
  _keepSelection(): void {
    const r = this._wb.activeRange;
    if (!r || this._wb.active !== this._sheet) return;
    const s = this._sheet;
    const row = Math.min(r.row, s.maxRows - 1);
    const col = Math.min(r.col, s.maxCols - 1);
    this._wb.activeRange = {
      row,
      col,
      rows: Math.min(r.rows, s.maxRows - row),
      cols: Math.min(r.cols, s.maxCols - col),
    };
  }
  _checkCount(n: number, what: string): number {
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 1)
      throw gasError(`Invalid argument: ${what}`);
    return Math.floor(n);
  }
  /**
   * Inserts `n` rows or columns before the 0-based `at0`; frozen ones stay frozen with them. The
   * new lines take the formats, data validation and size of a neighbour: the line before them for
   * an insert "after", the line after them for an insert "before" (or when there is no line
   * before). Google's Apps Script reference says only "Inserts a number of rows after the given row
   * position" (https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsAfter(Integer,Integer));
   * the Sheets API's insert, which these map to, extends "dimension properties … from the
   * dimensions before or after the newly inserted dimensions" (`inheritFromBefore`,
   * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#insertdimensionrequest),
   * and scripts in the wild see the neighbour's formats and validation copied. The reading least
   * convenient for the add-on: a new line looks like its neighbour until the add-on formats it.
   */
  _insertLines(axis: Axis, at0: number, n: number, inheritFrom: 'before' | 'after'): void {
    const s = this._alive();
    const a = AXES[axis];
    if (at0 < 0 || at0 > s[a.max]) throw gasError(`Those ${a.word} are out of bounds.`);
    const had = s[a.max];
    this._edit(axis, 'insert', insertMap(at0, n), (map) =>
      this._wb.engine[a.insert](s.name, at0, n, map),
    );
    s[a.max] += n;
    if (at0 < s[a.frozen]) s[a.frozen] += n;
    const from = inheritFrom === 'before' && at0 > 0 ? at0 - 1 : at0 < had ? at0 + n : at0 - 1;
    if (from >= 0) s.inheritLine(axis, from, at0, n);
  }
  /** Deletes `howMany` rows or columns from the 1-based `position`; never all of them. */
  _deleteLines(axis: Axis, position: number, howMany: number): void {
    const s = this._alive();
    const a = AXES[axis];
    const n = this._checkCount(howMany, 'howMany');
    if (position < 1 || position + n - 1 > s[a.max])
      throw gasError(`Those ${a.word} are out of bounds.`);
    if (n >= s[a.max]) throw gasError(`You can't delete all the ${a.word} on the sheet.`);
    const at0 = position - 1;
    this._edit(axis, 'delete', deleteMap(at0, n), (map) =>
      this._wb.engine[a.remove](s.name, at0, n, map),
    );
    s[a.max] -= n;
    this._keepSelection();
    s[a.frozen] = Math.max(0, s[a.frozen] - Math.max(0, Math.min(s[a.frozen], at0 + n) - at0));
  }
  insertColumnsAfter(afterPosition: number, howMany: number): GSheet {
    this._insertLines('col', afterPosition, this._checkCount(howMany, 'howMany'), 'before');
    return as(this);
  }
  insertColumnsBefore(beforePosition: number, howMany: number): GSheet {
    if (beforePosition < 1) throw gasError('Those columns are out of bounds.');
    this._insertLines('col', beforePosition - 1, this._checkCount(howMany, 'howMany'), 'after');
    return as(this);
  }
  insertColumnAfter(afterPosition: number): GSheet {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumnBefore(beforePosition: number): GSheet {
    return this.insertColumnsBefore(beforePosition, 1);
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this._deleteLines('col', columnPosition, howMany);
  }
  deleteColumn(columnPosition: number): GSheet {
    this.deleteColumns(columnPosition, 1);
    return as(this);
  }
  moveColumns(columnSpec: GRange, destinationIndex: number): void {
    const s = this._alive();
    const r = columnSpec as unknown as EmuRange;
    const start = r._rect.col;
    const n = r._rect.cols;
    const target = destinationIndex - 1;
    if (target < 0 || target > s.maxCols) throw gasError('Those columns are out of bounds.');
    if (target >= start && target <= start + n) return; // moving onto itself changes nothing
    this._edit('col', 'move', moveMap(start, n, target), (map) =>
      this._wb.engine.moveColumns(s.name, start, n, target, map),
    );
  }
  insertRowsAfter(afterPosition: number, howMany: number): GSheet {
    this._insertLines('row', afterPosition, this._checkCount(howMany, 'howMany'), 'before');
    return as(this);
  }
  insertRowsBefore(beforePosition: number, howMany: number): GSheet {
    if (beforePosition < 1) throw gasError('Those rows are out of bounds.');
    this._insertLines('row', beforePosition - 1, this._checkCount(howMany, 'howMany'), 'after');
    return as(this);
  }
  insertRowBefore(beforePosition: number): GSheet {
    return this.insertRowsBefore(beforePosition, 1);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this._deleteLines('row', rowPosition, howMany);
  }
  deleteRow(rowPosition: number): GSheet {
    this.deleteRows(rowPosition, 1);
    return as(this);
  }

  // ---- hidden and grouped rows and columns ----
  /**
   * 0-based indexes of `n` rows or columns from a 1-based position, checked against the sheet
   * (Google's Sheet reference: hideRows(rowIndex, numRows), hideColumns(columnIndex,
   * numColumns)...).
   */
  _lines(axis: Axis, position: number, n = 1): number[] {
    const s = this._alive();
    const count = this._checkCount(n, axis === 'row' ? 'numRows' : 'numColumns');
    const { max, word } = AXES[axis];
    if (!Number.isFinite(position) || position < 1 || position + count - 1 > s[max])
      throw gasError(`Those ${word} are out of bounds.`);
    return Array.from({ length: count }, (_, i) => position - 1 + i);
  }
  hideRows(rowIndex: number, numRows?: number): void {
    for (const i of this._lines('row', rowIndex, numRows)) this._sheet.hidden.row.add(i);
  }
  showRows(rowIndex: number, numRows?: number): void {
    for (const i of this._lines('row', rowIndex, numRows)) this._sheet.hidden.row.delete(i);
  }
  hideColumns(columnIndex: number, numColumns?: number): void {
    for (const i of this._lines('col', columnIndex, numColumns)) this._sheet.hidden.col.add(i);
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    const [i] = this._lines('row', rowPosition);
    return this._sheet.hidden.row.has(i as number);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    const [i] = this._lines('col', columnPosition);
    return this._sheet.hidden.col.has(i as number);
  }
  getRowGroupDepth(rowIndex: number): number {
    const [i] = this._lines('row', rowIndex);
    return this._sheet.groupDepth.row.get(i as number) ?? 0;
  }
  getColumnGroupDepth(columnIndex: number): number {
    const [i] = this._lines('col', columnIndex);
    return this._sheet.groupDepth.col.get(i as number) ?? 0;
  }

  // ---- view ----
  setFrozenRows(rows: number): void {
    const s = this._alive();
    if (rows < 0 || rows > s.maxRows) throw gasError('Invalid argument: rows');
    s.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this._alive().frozenRows;
  }
  setFrozenColumns(columns: number): void {
    const s = this._alive();
    if (columns < 0 || columns > s.maxCols) throw gasError('Invalid argument: columns');
    s.frozenCols = columns;
  }
  setColumnWidth(columnPosition: number, width: number): GSheet {
    return this.setColumnWidths(columnPosition, 1, width);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): GSheet {
    const s = this._alive();
    if (startColumn < 1 || startColumn + numColumns - 1 > s.maxCols)
      throw gasError('Those columns are out of bounds.');
    for (let i = 0; i < numColumns; i++) s.colWidths.set(startColumn - 1 + i, width);
    return as(this);
  }
  getColumnWidth(columnPosition: number): number {
    return this._alive().colWidths.get(columnPosition - 1) ?? DEFAULTS.columnWidth;
  }
  clearContents(): GSheet {
    const s = this._alive();
    const { lastRow, lastCol } = this._wb.engine.extent(s.name);
    if (lastRow >= 0) {
      const grid = Array.from({ length: lastRow + 1 }, () =>
        Array.from({ length: lastCol + 1 }, (): CellContent => ({ kind: 'empty' })),
      );
      this._wb.engine.write(s.name, 0, 0, grid);
    }
    return as(this);
  }

  // ---- rules, protections, charts, names ----
  setConditionalFormatRules(rules: GConditionalFormatRule[]): void {
    const s = this._alive();
    const list = rules as unknown as EmuConditionalFormatRule[];
    for (const r of list) {
      if (r._draft.sheet && r._draft.sheet !== s)
        throw gasError('The conditional format rule cannot reference a different sheet.');
    }
    s.conditionalRules = list.map((r) => structuredClone(r._draft.spec));
  }
  getConditionalFormatRules(): GConditionalFormatRule[] {
    const s = this._alive();
    return s.conditionalRules.map((spec) =>
      as<GConditionalFormatRule>(
        new EmuConditionalFormatRule(this._wb, { spec: structuredClone(spec), sheet: s }),
      ),
    );
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GProtection[] {
    const s = this._alive();
    const kind = String(type);
    return s.protections
      .filter((p) => p.kind === kind)
      .map((p) => as<GProtection>(new EmuProtection(this._wb, s, p)));
  }
  protect(): GProtection {
    const s = this._alive();
    let spec = s.protections.find((p) => p.kind === 'SHEET');
    if (!spec) {
      spec = {
        id: this._wb.nextProtectionId++,
        kind: 'SHEET',
        rect: null,
        description: '',
        warningOnly: false,
      };
      s.protections.push(spec);
    }
    return as(new EmuProtection(this._wb, s, spec));
  }
  newChart(): GEmbeddedChartBuilder {
    return as(new EmuEmbeddedChartBuilder(this._wb, this._alive()));
  }
  insertChart(chart: GEmbeddedChart): void {
    const c = chart as unknown as EmuEmbeddedChart;
    // The reference does not say what an anchor outside the sheet does; the emulator refuses it,
    // as getRange does a cell there (the least convenient reading: no silent clamping).
    const { row, col } = c._spec.position;
    const s = this._alive();
    if (row < 0 || col < 0 || row >= s.maxRows || col >= s.maxCols)
      throw gasError('The coordinates of the range are outside the dimensions of the sheet.');
    const spec = { ...structuredClone(c._spec), chartId: this._wb.nextChartId++ };
    s.charts.push(spec);
  }
  getCharts(): GEmbeddedChart[] {
    const s = this._alive();
    return s.charts.map((spec) => as<GEmbeddedChart>(new EmuEmbeddedChart(this._wb, s, spec)));
  }
  removeChart(chart: GEmbeddedChart): void {
    const c = chart as unknown as EmuEmbeddedChart;
    const s = this._alive();
    s.charts = s.charts.filter((spec) => spec.chartId !== c._spec.chartId);
  }
  getNamedRanges(): GNamedRange[] {
    const s = this._alive();
    return listedNamedRanges(this._wb)
      .filter(
        (n) => this._wb.engine.namedRangeTarget(n)?.sheet.toLowerCase() === s.name.toLowerCase(),
      )
      .map((n) => as<GNamedRange>(new EmuNamedRange(this._wb, n)));
  }
}

/** A1 notation on a sheet; a "Sheet!" prefix picks that sheet. */
export function rangeFromA1(wb: WorkbookModel, sheet: SheetModel, a1: string): EmuRange {
  const prefixed = parseA1(String(a1), sheet.maxRows, sheet.maxCols);
  const target = prefixed?.sheet !== undefined ? wb.sheet(prefixed.sheet) : sheet;
  if (!prefixed || !target) throw gasError(`Range not found`);
  const parsed = target === sheet ? prefixed : parseA1(String(a1), target.maxRows, target.maxCols);
  const rect: Rect = (parsed ?? prefixed).rect;
  checkInside(target, rect);
  return new EmuRange(wb, target, rect);
}
