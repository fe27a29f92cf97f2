// Range: a fixed rectangle of one sheet (it does not follow later inserts, like in
// Apps Script). Values go through cell-input.ts (formula / apostrophe / number parsing)
// into the formula engine; formats and other attributes live in the SheetModel. Copy/paste
// and sort are in range-ops.ts (shared with the Workbook's user-action helpers).
import { intersects, rectA1, shiftFormula, type Rect } from './a1';
import {
  datedFormat,
  parseInput,
  serialToDate,
  type CellContent,
  type InputMode,
} from './cell-input';
import {
  FORMAT_KEYS,
  pasteRange,
  PASTE_KINDS,
  sortRows,
  type PasteKind,
  type SortKey,
} from './range-ops';
import type { EmuRichTextValue } from './rich-text';
import { gasError, notEmulated } from './errors';
import type { CellReading } from './formula-engine';
import { formatForDisplay, isDateFormat, DEFAULT_NUMBER_FORMAT } from './number-format';
import type { CellAttrs, SheetModel } from './sheet-model';
import { DEFAULTS, normalizeColor } from './style';
import type { GDataValidation, GProtection, GRange, GSheet } from './types';
import { as } from './types';
import type { WorkbookModel } from './workbook-model';
import { EmuDataValidation } from './validation';
import { EmuProtection } from './protection';
import { blockingProtection } from './edit-rights';
import { EmuSheet } from './sheet';
import { textStyleAttrs, type EmuTextStyle } from './text-style';

type RangeMethods =
  | 'getRow'
  | 'getColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getA1Notation'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'setValue'
  | 'setValues'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFormula'
  | 'getFormulas'
  | 'setFormula'
  | 'setFormulas'
  | 'getNote'
  | 'getNotes'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'setBackground'
  | 'setBackgrounds'
  | 'getBackground'
  | 'getBackgrounds'
  | 'setFontColor'
  | 'getFontColor'
  | 'setFontWeight'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'setFontSize'
  | 'setWrap'
  | 'setWraps'
  | 'setWrapStrategy'
  | 'setTextStyles'
  | 'setVerticalAlignment'
  | 'merge'
  | 'breakApart'
  | 'getMergedRanges'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'getDataValidation'
  | 'clearContent'
  | 'clearDataValidations'
  | 'clearFormat'
  | 'protect'
  | 'activate'
  | 'isBlank'
  | 'getCell'
  | 'setRichTextValue'
  | 'setRichTextValues'
  | 'copyTo'
  | 'sort'
  | 'canEdit'
  | 'shiftRowGroupDepth'
  | 'shiftColumnGroupDepth';

/** Builds a range with Apps Script's argument checks (1-based coordinates). */
export function makeRange(
  wb: WorkbookModel,
  sheet: SheetModel,
  row: number,
  col: number,
  numRows = 1,
  numCols = 1,
): EmuRange {
  for (const [v, what] of [
    [row, 'row'],
    [col, 'column'],
    [numRows, 'number of rows'],
    [numCols, 'number of columns'],
  ] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw gasError(`Invalid argument: ${what}`);
  }
  if (row < 1) throw gasError('The starting row of the range is too small.');
  if (col < 1) throw gasError('The starting column of the range is too small.');
  if (numRows < 1) throw gasError('The number of rows in the range must be at least 1.');
  if (numCols < 1) throw gasError('The number of columns in the range must be at least 1.');
  const rect = {
    row: Math.floor(row) - 1,
    col: Math.floor(col) - 1,
    rows: Math.floor(numRows),
    cols: Math.floor(numCols),
  };
  checkInside(sheet, rect);
  return new EmuRange(wb, sheet, rect);
}

export function checkInside(sheet: SheetModel, rect: Rect): void {
  if (rect.row + rect.rows > sheet.maxRows || rect.col + rect.cols > sheet.maxCols) {
    throw gasError('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return `${v.length > 0 && !Array.isArray(v[0]) ? typeof v[0] : 'Object'}[]`;
  return v === null ? 'null' : typeof v;
}

export class EmuRange implements Pick<GRange, RangeMethods> {
  static readonly typeName = 'Range';
  constructor(
    readonly _wb: WorkbookModel,
    readonly _sheet: SheetModel,
    readonly _rect: Rect,
  ) {}

  // ---- geometry ----
  getRow(): number {
    return this._rect.row + 1;
  }
  getColumn(): number {
    return this._rect.col + 1;
  }
  getNumRows(): number {
    return this._rect.rows;
  }
  getNumColumns(): number {
    return this._rect.cols;
  }
  getLastRow(): number {
    return this._rect.row + this._rect.rows;
  }
  getLastColumn(): number {
    return this._rect.col + this._rect.cols;
  }
  getA1Notation(): string {
    return rectA1(this._rect);
  }
  getSheet(): GSheet {
    return as(new EmuSheet(this._wb, this._sheet));
  }
  getCell(row: number, column: number): GRange {
    if (row < 1 || column < 1 || row > this._rect.rows || column > this._rect.cols) {
      throw gasError('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return as(
      new EmuRange(this._wb, this._sheet, {
        row: this._rect.row + row - 1,
        col: this._rect.col + column - 1,
        rows: 1,
        cols: 1,
      }),
    );
  }

  // ---- cell iteration helpers ----
  _map<T>(fn: (row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this._rect.rows; r++) {
      const line: T[] = [];
      for (let c = 0; c < this._rect.cols; c++)
        line.push(fn(this._rect.row + r, this._rect.col + c));
      out.push(line);
    }
    return out;
  }
  _checkShape(data: unknown, method: string): unknown[][] {
    if (!Array.isArray(data) || data.some((r) => !Array.isArray(r))) {
      throw gasError(
        `The parameters (${describe(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
      );
    }
    if (data.length !== this._rect.rows) {
      throw gasError(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this._rect.rows}.`,
      );
    }
    for (const r of data as unknown[][]) {
      if (r.length !== this._rect.cols) {
        throw gasError(
          `The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${this._rect.cols}.`,
        );
      }
    }
    return data as unknown[][];
  }
  _setAttrGrid<K extends keyof CellAttrs>(
    name: K,
    grid: Array<Array<CellAttrs[K] | undefined>>,
  ): void {
    grid.forEach((line, r) => {
      line.forEach((v, c) => {
        this._sheet.setAttr(this._rect.row + r, this._rect.col + c, name, v);
      });
    });
  }
  _setAttrAll<K extends keyof CellAttrs>(name: K, value: CellAttrs[K] | undefined): void {
    this._map((r, c) => this._sheet.setAttr(r, c, name, value));
  }
  _attr<K extends keyof CellAttrs>(name: K): Array<Array<CellAttrs[K] | undefined>> {
    return this._map((r, c) => this._sheet.attr(r, c)?.[name]);
  }

  // ---- values ----
  getValues(): unknown[][] {
    return this._map((r, c) => {
      const cell = this._wb.engine.read(this._sheet.name, r, c);
      if (typeof cell.value === 'number' && isDateFormat(this._shownFormat(r, c, cell)))
        return serialToDate(cell.value, this._wb.timeZone);
      return cell.value;
    });
  }
  getValue(): unknown {
    return this._topLeft().getValues()[0]?.[0];
  }
  setValues(values: unknown[][]): GRange {
    const data = this._checkShape(values, 'setValues');
    this._write(data, this._scriptMode());
    return as(this);
  }
  setValue(value: unknown): GRange {
    this._write(
      this._map(() => value),
      this._scriptMode(),
      true,
    );
    return as(this);
  }
  /** How a script's strings are read (cell-input.ts): parsed as if typed; "@" per the option. */
  _scriptMode(): InputMode {
    return { source: 'script', plainTextProtects: this._wb.plainTextProtects };
  }
  /**
   * Writes values through the input parser. `fill`: one value written on many cells, where a
   * formula's relative references shift per cell (like a fill).
   */
  _write(data: unknown[][], mode: InputMode, fill = false): void {
    const grid: CellContent[][] = data.map((line, r) =>
      line.map((v, c) => {
        const row = this._rect.row + r;
        const col = this._rect.col + c;
        const format = this._sheet.attr(row, col)?.numberFormat;
        const parsed = parseInput(v, this._wb.locale, format, {
          ...mode,
          timeZone: this._wb.timeZone,
          now: this._wb.clock.now(),
        });
        // A date or currency typed into an automatic (or, when "@" did not keep the text, a
        // plain-text) cell gives the cell that format, as Sheets does.
        if (parsed.impliedFormat && (format === undefined || format === '@'))
          this._sheet.setAttr(row, col, 'numberFormat', parsed.impliedFormat);
        const content = parsed.content;
        if (content.kind !== 'formula') return content;
        const typed = fill ? shiftFormula(content.text, r, c) : content.text;
        // A user types in the locale's syntax, whatever a script may use (formula-syntax.ts).
        return {
          kind: 'formula',
          text: mode.source === 'user' ? this._wb.userFormulaIn(typed) : this._wb.formulaIn(typed),
        };
      }),
    );
    this._wb.engine.write(this._sheet.name, this._rect.row, this._rect.col, grid);
  }
  /**
   * Rich text does not protect: its text is parsed like setValue, and the "@" format does not
   * keep it either, whatever plainTextProtects says (a published test saw a formula string
   * written with setRichTextValues stay a formula).
   */
  setRichTextValue(value: GoogleAppsScript.Spreadsheet.RichTextValue): GRange {
    const text = (value as unknown as EmuRichTextValue)._text;
    this._write(
      this._map(() => text),
      { source: 'script', plainTextProtects: false },
      true,
    );
    return as(this);
  }
  setRichTextValues(values: GoogleAppsScript.Spreadsheet.RichTextValue[][]): GRange {
    const data = this._checkShape(values, 'setRichTextValues');
    this._write(
      data.map((l) => l.map((v) => (v === null ? null : (v as unknown as EmuRichTextValue)._text))),
      { source: 'script', plainTextProtects: false },
    );
    return as(this);
  }
  getDisplayValues(): string[][] {
    return this._map((r, c) => {
      const cell = this._wb.engine.read(this._sheet.name, r, c);
      if (cell.error) return cell.error.code;
      return formatForDisplay(cell.value, this._shownFormat(r, c, cell), this._wb.locale);
    });
  }
  /** The cell's number format, or the date format Sheets gives a date formula's automatic cell. */
  _shownFormat(r: number, c: number, cell: CellReading): string | undefined {
    const own = this._sheet.attr(r, c)?.numberFormat;
    return own === undefined && cell.dated ? datedFormat(cell.dated, this._wb.locale) : own;
  }
  getDisplayValue(): string {
    return this._topLeft().getDisplayValues()[0]?.[0] ?? '';
  }
  getFormulas(): string[][] {
    return this._map((r, c) =>
      this._wb.formulaOut(this._wb.engine.read(this._sheet.name, r, c).formula),
    );
  }
  getFormula(): string {
    return this._topLeft().getFormulas()[0]?.[0] ?? '';
  }
  setFormulas(formulas: string[][]): GRange {
    const data = this._checkShape(formulas, 'setFormulas');
    const grid: CellContent[][] = data.map((line) =>
      line.map((f): CellContent => {
        const text = f === null || f === undefined ? '' : String(f);
        if (text === '') return { kind: 'empty' };
        return {
          kind: 'formula',
          text: this._wb.formulaIn(text.startsWith('=') ? text : `=${text}`),
        };
      }),
    );
    this._wb.engine.write(this._sheet.name, this._rect.row, this._rect.col, grid);
    return as(this);
  }
  setFormula(formula: string): GRange {
    const f = String(formula);
    return this.setFormulas(
      this._map((r, c) => shiftFormula(f, r - this._rect.row, c - this._rect.col)),
    );
  }
  isBlank(): boolean {
    return this._map((r, c) => this._wb.engine.read(this._sheet.name, r, c)).every((line) =>
      line.every((cell) => cell.value === '' && cell.formula === ''),
    );
  }
  clearContent(): GRange {
    this._wb.engine.write(
      this._sheet.name,
      this._rect.row,
      this._rect.col,
      this._map((): CellContent => ({ kind: 'empty' })),
    );
    return as(this);
  }
  _topLeft(): EmuRange {
    return new EmuRange(this._wb, this._sheet, {
      row: this._rect.row,
      col: this._rect.col,
      rows: 1,
      cols: 1,
    });
  }

  // ---- notes and formats ----
  getNotes(): string[][] {
    return this._attr('note').map((l) => l.map((v) => v ?? ''));
  }
  getNote(): string {
    return this._topLeft().getNotes()[0]?.[0] ?? '';
  }
  setNotes(notes: Array<Array<string | null>>): GRange {
    this._setAttrGrid(
      'note',
      this._checkShape(notes, 'setNotes').map((l) =>
        l.map((v) => (v === null || v === '' ? undefined : String(v))),
      ),
    );
    return as(this);
  }
  setNote(note: string | null): GRange {
    this._setAttrAll('note', note === null || note === '' ? undefined : String(note));
    return as(this);
  }
  setNumberFormat(numberFormat: string): GRange {
    this._setAttrAll('numberFormat', numberFormat ? String(numberFormat) : undefined);
    return as(this);
  }
  setNumberFormats(numberFormats: string[][]): GRange {
    this._setAttrGrid(
      'numberFormat',
      this._checkShape(numberFormats, 'setNumberFormats').map((l) =>
        l.map((v) => (v ? String(v) : undefined)),
      ),
    );
    return as(this);
  }
  getNumberFormats(): string[][] {
    return this._attr('numberFormat').map((l) => l.map((v) => v ?? DEFAULT_NUMBER_FORMAT));
  }
  getNumberFormat(): string {
    return this._topLeft().getNumberFormats()[0]?.[0] ?? DEFAULT_NUMBER_FORMAT;
  }
  setBackground(color: string | null): GRange {
    this._setAttrAll('background', normalizeColor(color));
    return as(this);
  }
  setBackgrounds(color: Array<Array<string | null>>): GRange {
    this._setAttrGrid(
      'background',
      this._checkShape(color, 'setBackgrounds').map((l) =>
        l.map((v) => normalizeColor(v as string | null)),
      ),
    );
    return as(this);
  }
  getBackgrounds(): string[][] {
    return this._attr('background').map((l) => l.map((v) => v ?? DEFAULTS.background));
  }
  getBackground(): string {
    return this._topLeft().getBackgrounds()[0]?.[0] ?? DEFAULTS.background;
  }
  setFontColor(color: string | null): GRange {
    this._setAttrAll('fontColor', normalizeColor(color));
    return as(this);
  }
  getFontColor(): string {
    return this._topLeft()._attr('fontColor')[0]?.[0] ?? DEFAULTS.fontColor;
  }
  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): GRange {
    this._setAttrAll(
      'fontWeight',
      fontWeight === null || fontWeight === 'normal' ? undefined : fontWeight,
    );
    return as(this);
  }
  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this._attr('fontWeight').map((l) =>
      l.map((v) => (v ?? DEFAULTS.fontWeight) as GoogleAppsScript.Spreadsheet.FontWeight),
    );
  }
  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return this._topLeft().getFontWeights()[0]?.[0] ?? 'normal';
  }
  setFontSize(size: number): GRange {
    this._setAttrAll('fontSize', size);
    return as(this);
  }
  setWrap(isWrapEnabled: boolean): GRange {
    this._setAttrAll('wrap', isWrapEnabled);
    this._setAttrAll('wrapStrategy', isWrapEnabled ? 'WRAP' : 'OVERFLOW');
    return as(this);
  }
  setWraps(isWrapEnabled: boolean[][]): GRange {
    const data = this._checkShape(isWrapEnabled, 'setWraps');
    this._setAttrGrid(
      'wrap',
      data.map((l) => l.map((v) => Boolean(v))),
    );
    this._setAttrGrid(
      'wrapStrategy',
      data.map((l) => l.map((v) => (v ? 'WRAP' : 'OVERFLOW'))),
    );
    return as(this);
  }
  setTextStyles(styles: GoogleAppsScript.Spreadsheet.TextStyle[][]): GRange {
    const data = this._checkShape(styles, 'setTextStyles');
    data.forEach((line, r) => {
      line.forEach((st, c) => {
        const attrs = textStyleAttrs((st as EmuTextStyle)._spec);
        for (const [k, v] of Object.entries(attrs))
          this._sheet.setAttr(
            this._rect.row + r,
            this._rect.col + c,
            k as keyof CellAttrs,
            v as never,
          );
      });
    });
    return as(this);
  }
  setWrapStrategy(strategy: GoogleAppsScript.Spreadsheet.WrapStrategy): GRange {
    const s = String(strategy);
    this._setAttrAll('wrapStrategy', s);
    this._setAttrAll('wrap', s === 'WRAP');
    return as(this);
  }
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): GRange {
    this._setAttrAll('verticalAlignment', alignment ?? undefined);
    return as(this);
  }
  /**
   * Colours, fonts, alignment and wrap back to the defaults; values, notes, validations and number
   * formats kept: Google's reference "clears text formatting for the cell or cells in the range,
   * but does not reset any number formatting rules"
   * (https://developers.google.com/apps-script/reference/spreadsheet/range#clearFormat()).
   */
  clearFormat(): GRange {
    this._clearFormats(FORMAT_KEYS.filter((k) => k !== 'numberFormat'));
    return as(this);
  }
  /** Removes those formats of every cell (the user's Clear formatting takes number formats too). */
  _clearFormats(keys: readonly (typeof FORMAT_KEYS)[number][]): void {
    this._map((r, c) => {
      if (!this._sheet.attr(r, c)) return;
      for (const k of keys) this._sheet.setAttr(r, c, k, undefined);
    });
  }
  clearDataValidations(): GRange {
    this._setAttrAll('validation', undefined);
    return as(this);
  }

  // ---- merges ----
  merge(): GRange {
    this._merge([this._rect]);
    return as(this);
  }
  _merge(rects: Rect[]): void {
    for (const m of this._sheet.merges) {
      const inside =
        m.row >= this._rect.row &&
        m.col >= this._rect.col &&
        m.row + m.rows <= this._rect.row + this._rect.rows &&
        m.col + m.cols <= this._rect.col + this._rect.cols;
      if (intersects(m, this._rect) && !inside)
        throw gasError('You must select all cells in a merged range to merge or unmerge them.');
    }
    this._sheet.merges = this._sheet.merges.filter((m) => !intersects(m, this._rect));
    for (const rect of rects) {
      if (rect.rows * rect.cols < 2) continue;
      this._sheet.merges.push({ ...rect });
      // Sheets keeps only the top-left value of merged cells.
      const top = this._wb.engine.content(this._sheet.name, rect.row, rect.col);
      const grid = new EmuRange(this._wb, this._sheet, rect)._map(
        (r, c): CellContent => (r === rect.row && c === rect.col ? top : { kind: 'empty' }),
      );
      this._wb.engine.write(this._sheet.name, rect.row, rect.col, grid);
    }
  }
  breakApart(): GRange {
    this._sheet.merges = this._sheet.merges.filter((m) => !intersects(m, this._rect));
    return as(this);
  }
  getMergedRanges(): GRange[] {
    return this._sheet.merges
      .filter((m) => intersects(m, this._rect))
      .map((m) => as<GRange>(new EmuRange(this._wb, this._sheet, { ...m })));
  }

  // ---- data validation ----
  setDataValidation(rule: GDataValidation | null): GRange {
    const spec = rule === null ? undefined : (rule as unknown as EmuDataValidation)._spec;
    this._setAttrAll('validation', spec ? structuredClone(spec) : undefined);
    return as(this);
  }
  setDataValidations(rules: Array<Array<GDataValidation | null>>): GRange {
    const data = this._checkShape(rules, 'setDataValidations');
    this._setAttrGrid(
      'validation',
      data.map((l) =>
        l.map((v) => (v ? structuredClone((v as EmuDataValidation)._spec) : undefined)),
      ),
    );
    return as(this);
  }
  getDataValidation(): GDataValidation | null {
    const v = this._topLeft()._attr('validation')[0]?.[0];
    return v ? as<GDataValidation>(new EmuDataValidation(structuredClone(v))) : null;
  }

  // ---- copy and sort ----
  /**
   * copyTo(destination), copyTo(destination, {formatOnly | contentsOnly}) and
   * copyTo(destination, CopyPasteType, transposed). The source block lands at the
   * destination's top-left (tiled when the destination is a multiple of it). contentsOnly
   * copies values and formulas (relative references shifted), not formats; PASTE_VALUES
   * replaces formulas by their current computed values and keeps the destination's formats.
   */
  copyTo(destination: GRange, options?: unknown, transposed?: boolean): void {
    const dest = destination as unknown as EmuRange;
    let kind: PasteKind = 'normal';
    if (typeof options === 'string') {
      const k = PASTE_KINDS[options];
      if (k === undefined)
        throw gasError(
          `The parameters (SpreadsheetApp.Range,${options}) don't match the method signature for SpreadsheetApp.Range.copyTo.`,
        );
      if (transposed === true) throw notEmulated('Range.copyTo (transposed)');
      kind = k;
    } else if (options !== null && typeof options === 'object') {
      const o = options as { formatOnly?: boolean; contentsOnly?: boolean };
      if (o.formatOnly && !o.contentsOnly) kind = 'format';
      else if (o.contentsOnly && !o.formatOnly) kind = 'contents';
    }
    pasteRange(
      this._wb,
      { sheet: this._sheet, rect: this._rect },
      { sheet: dest._sheet, rect: dest._rect },
      kind,
    );
  }
  /**
   * Range.sort(column | {column, ascending} | [specs]): rows of the range move with all their
   * cells (values, formulas with relative references shifted, formats, notes, validations).
   * Columns are sheet columns (1-based) inside the range; blanks sort last either way.
   */
  sort(sortSpecObj: unknown): GRange {
    const specs = Array.isArray(sortSpecObj) ? (sortSpecObj as unknown[]) : [sortSpecObj];
    const keys: SortKey[] = specs.map((spec) => {
      if (typeof spec === 'number') return { col: spec - 1, ascending: true };
      if (
        spec !== null &&
        typeof spec === 'object' &&
        typeof (spec as { column?: unknown }).column === 'number'
      ) {
        const o = spec as { column: number; ascending?: boolean };
        return { col: o.column - 1, ascending: o.ascending !== false };
      }
      throw gasError(
        "The parameters don't match the method signature for SpreadsheetApp.Range.sort.",
      );
    });
    sortRows(this._wb, this._sheet, this._rect, keys);
    return as(this);
  }

  // ---- misc ----
  protect(): GProtection {
    const spec = {
      id: this._wb.nextProtectionId++,
      kind: 'RANGE' as const,
      rect: { ...this._rect },
      description: '',
      warningOnly: false,
    };
    this._sheet.protections.push(spec);
    return as(new EmuProtection(this._wb, this._sheet, spec));
  }
  /**
   * Google's Range reference: shiftRowGroupDepth / shiftColumnGroupDepth change the group depth of
   * the range's rows or columns by `delta` (a group of depth 0 is no group). Collapsing a group is
   * not emulated.
   */
  shiftRowGroupDepth(delta: number): GRange {
    this._shiftDepth('row', delta);
    return as(this);
  }
  shiftColumnGroupDepth(delta: number): GRange {
    this._shiftDepth('col', delta);
    return as(this);
  }
  _shiftDepth(axis: 'row' | 'col', delta: number): void {
    if (!Number.isInteger(delta)) throw gasError('Invalid argument: delta');
    const depths = this._sheet.groupDepth[axis];
    const [from, n] =
      axis === 'row' ? [this._rect.row, this._rect.rows] : [this._rect.col, this._rect.cols];
    for (let i = from; i < from + n; i++) {
      const d = Math.max(0, (depths.get(i) ?? 0) + delta);
      if (d === 0) depths.delete(i);
      else depths.set(i, d);
    }
  }
  /**
   * Whether the user may edit every cell of the range (Google's reference: "The spreadsheet owner
   * is always able to edit protected ranges and sheets").
   */
  canEdit(): boolean {
    return !blockingProtection(this._wb, this._sheet, this._rect);
  }
  activate(): GRange {
    this._wb.active = this._sheet;
    this._wb.activeRange = { ...this._rect };
    return as(this);
  }
}
