// Everything one emulated spreadsheet holds, shared by all the service objects that
// look at it (many EmuRange/EmuSheet objects can point at the same SheetModel).
import { AuthState } from './auth';
import { CallCounter } from './counter';
import { gasError } from './errors';
import { FormulaEngine } from './formula-engine';
import {
  defaultFormulaSeparators,
  formulaIn,
  formulaOut,
  userFormulaIn,
  userFormulaOut,
  type FormulaSeparators,
} from './formula-syntax';
import { Clock, type Instant } from './clock';
import { checkEdit } from './edit-rights';
import { Guard, type GuardContext } from './guard';
import { LockState } from './lock';
import { PropertyStore } from './properties';
import { SheetModel } from './sheet-model';
import { UiState } from './ui';
import type { Rect } from './a1';

export interface WorkbookOptions {
  name?: string;
  /** Spreadsheet locale such as "en_US" or "ru_RU". */
  locale?: string;
  timeZone?: string;
  /**
   * The user's locale: what Session.getActiveUserLocale() returns (e.g. "ru_RU", "en", "de").
   * Default: the spreadsheet's locale. It is the one piece of user data every AuthMode may read.
   */
  userLocale?: string;
  /** Who runs the add-on (Session.getEffectiveUser()): an editor of the spreadsheet. */
  userEmail?: string;
  /**
   * The spreadsheet's owner, who may edit every protected range and sheet. Default:
   * "owner@example.com", not the user: the least convenient reading, where a colleague's
   * protection (Workbook.protectAsOther) binds the user.
   */
  ownerEmail?: string;
  id?: string;
  /** Name of the add-on, used as the title of createAddonMenu() menus. */
  addonName?: string;
  /**
   * Whether the plain-text number format "@" keeps a string written by a script
   * (Range.setValue(s)) as text. Default false: Google's Range.setValue reference only says
   * that a value starting with "=" is a formula and is silent on "@", so the emulator takes
   * the reading least convenient for the add-on: script strings are parsed as if typed
   * whatever the cell's format ("=..." a formula, "+1" a number, "2026-01-05" a date).
   * A user typing in the grid (Workbook.setCell) is never affected: "@" keeps what they type.
   */
  plainTextProtects?: boolean;
  /**
   * Which formula syntax a decimal-comma spreadsheet (ru_RU, de_DE…) takes from scripts and
   * users and shows in getFormula(s) (formula-syntax.ts): 'comma' = English syntax always;
   * 'locale' = ";" between arguments and "," as the decimal point, a formula with ","
   * separators being a parse error. Default: the CJM_FORMULA_SEPARATORS environment
   * variable, else 'comma'.
   */
  formulaSeparators?: FormulaSeparators;
  /**
   * The emulator clock's starting instant (clock.ts): it stands still there until
   * `Workbook.clock` sets or advances it. Default: real time.
   */
  now?: Instant;
}

/**
 * A sheet name a script gives (insertSheet, Sheet.setName). Sheets' tab names hold at most 100
 * characters; Google's reference (Sheet.setName, Spreadsheet.insertSheet) says nothing of the
 * limit nor of line breaks and other control characters, which no tab can show: the emulator
 * refuses both, the reading least convenient for the add-on. (A user renaming a tab in the grid
 * goes through Workbook.renameSheet, which is not held to this.)
 */
export function checkScriptSheetName(name: string): void {
  if (name.length > 100)
    throw gasError(`Invalid sheet name: "${name}" is longer than 100 characters.`);
  if (/[\p{Cc}\u2028\u2029]/u.test(name))
    throw gasError(`Invalid sheet name: ${JSON.stringify(name)} holds a control character.`);
}

let workbookCounter = 0;

export class WorkbookModel {
  id: string;
  name: string;
  locale: string;
  timeZone: string;
  userLocale: string;
  userEmail: string;
  ownerEmail: string;
  addonName: string;
  /** See WorkbookOptions.plainTextProtects. */
  plainTextProtects: boolean;
  /** See WorkbookOptions.formulaSeparators. */
  formulaSeparators: FormulaSeparators;
  readonly counter = new CallCounter();
  readonly auth = new AuthState();
  readonly guard: Guard;
  readonly ui = new UiState();
  readonly documentProperties = new PropertyStore();
  readonly userProperties = new PropertyStore();
  readonly documentLock = new LockState();
  readonly logs: string[] = [];
  /** "Now" for the bundle's Date, TODAY() and NOW() (clock.ts). */
  readonly clock: Clock;
  readonly engine: FormulaEngine;
  sheets: SheetModel[] = [];
  active!: SheetModel;
  activeRange: Rect | null = null;
  nextSheetId = 1;
  nextProtectionId = 1;
  nextChartId = 1;

  constructor(opts: WorkbookOptions = {}) {
    this.id = opts.id ?? `emu-spreadsheet-${++workbookCounter}`;
    this.name = opts.name ?? 'Untitled spreadsheet';
    this.locale = opts.locale ?? 'en_US';
    this.timeZone = opts.timeZone ?? 'Etc/GMT';
    this.userLocale = opts.userLocale ?? this.locale;
    this.userEmail = opts.userEmail ?? 'user@example.com';
    this.ownerEmail = opts.ownerEmail ?? 'owner@example.com';
    this.addonName = opts.addonName ?? 'Add-on';
    this.plainTextProtects = opts.plainTextProtects ?? false;
    this.formulaSeparators = opts.formulaSeparators ?? defaultFormulaSeparators();
    this.guard = new Guard(this.guardContext());
    this.clock = new Clock(opts.now);
    this.engine = new FormulaEngine({
      sheetSize: (name) => {
        const s = this.sheet(name);
        return { rows: s?.maxRows ?? 0, cols: s?.maxCols ?? 0 };
      },
      numberFormat: (name, row, col) => this.sheet(name)?.attr(row, col)?.numberFormat,
      timeZone: () => this.timeZone,
      now: () => this.clock.now(),
      executed: () => {
        this.counter.customFunctionExecutions++;
      },
    });
  }

  /** What every Guard of this spreadsheet counts and checks: cost, AuthMode and edit rights. */
  guardContext(): GuardContext {
    return {
      counter: this.counter,
      auth: this.auth,
      beforeCall: (typeName, method, target, args) =>
        checkEdit(this, typeName, method, target, args),
    };
  }

  sheet(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetOrThrow(name: string): SheetModel {
    const s = this.sheet(name);
    if (!s) throw new Error(`emulator: no sheet named "${name}"`);
    return s;
  }

  addSheet(
    name: string | undefined,
    index?: number,
    size?: { rows: number; cols: number },
  ): SheetModel {
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.sheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    n = String(n);
    if (this.sheet(n))
      throw gasError(`A sheet with the name "${n}" already exists. Please enter another name.`);
    if (n.trim() === '') throw gasError('Sheet names cannot be empty.');
    const nextId = () => (this.nextSheetId++ * 1_000_003) % 2_000_000_000;
    let id = this.sheets.length === 0 ? 0 : nextId();
    // a spreadsheet loaded from JSON (or copied) holds ids this counter has not given out
    while (this.sheets.some((s) => s.sheetId === id)) id = nextId();
    const model = new SheetModel(n, id, size?.rows ?? 1000, size?.cols ?? 26);
    this.engine.addSheet(n);
    const at =
      index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, model);
    if (!this.active) this.active = model;
    return model;
  }

  removeSheet(model: SheetModel): void {
    if (this.sheets.length <= 1) throw gasError("You can't remove all the sheets in a document.");
    // Named ranges on a deleted sheet disappear: no longer listed, getRangeByName -> null
    // (and a later sheet of the same name does not bring them back).
    const lower = model.name.toLowerCase();
    for (const n of this.engine.namedRangeNames()) {
      if (this.engine.namedRangeTarget(n)?.sheet.toLowerCase() === lower)
        this.engine.removeNamedRange(n);
    }
    this.engine.removeSheet(model.name);
    this.sheets = this.sheets.filter((s) => s !== model);
    if (this.active === model) {
      this.active = this.sheets[0] as SheetModel;
      this.activeRange = null;
    }
  }

  renameSheet(model: SheetModel, name: string): void {
    const n = String(name);
    if (n.trim() === '') throw gasError('Sheet names cannot be empty.');
    const other = this.sheet(n);
    if (other && other !== model)
      throw gasError(`A sheet with the name "${n}" already exists. Please enter another name.`);
    this.engine.renameSheet(model.name, n);
    model.name = n;
  }

  /** "Copy of X", or "Copy of X 2", "Copy of X 3"... when taken. */
  copyName(base: string): string {
    const first = `Copy of ${base}`;
    if (!this.sheet(first)) return first;
    let i = 2;
    while (this.sheet(`${first} ${i}`)) i++;
    return `${first} ${i}`;
  }

  /**
   * Copies a sheet of `from` (this workbook or another) into this workbook as `name` at
   * `index` (0-based; the end by default), like Sheet.copyTo / Duplicate: contents (formulas
   * as written, so references to other sheets keep pointing there), formats, notes,
   * validations, merges, sizes, frozen panes, conditional rules, protections and charts.
   * Workbook-level named ranges are not carried over: they keep pointing at the original.
   */
  copySheet(from: WorkbookModel, src: SheetModel, name: string, index?: number): SheetModel {
    const copy = this.addSheet(name, index, { rows: src.maxRows, cols: src.maxCols });
    Object.assign(copy, {
      frozenRows: src.frozenRows,
      frozenCols: src.frozenCols,
      hidden: { row: new Set(src.hidden.row), col: new Set(src.hidden.col) },
      groupDepth: { row: new Map(src.groupDepth.row), col: new Map(src.groupDepth.col) },
      colWidths: new Map(src.colWidths),
      rowHeights: new Map(src.rowHeights),
      attrs: new Map([...src.attrs].map(([k, v]) => [k, structuredClone(v)])),
      merges: structuredClone(src.merges),
      conditionalRules: structuredClone(src.conditionalRules),
      protections: src.protections.map((p) => ({
        ...structuredClone(p),
        id: this.nextProtectionId++,
      })),
      charts: src.charts.map((c) => ({ ...structuredClone(c), chartId: this.nextChartId++ })),
    });
    this.engine.loadSerialized(copy.name, from.engine.serialize(src.name));
    return copy;
  }

  /**
   * Duplicate, from the tab menu or Spreadsheet.duplicateActiveSheet: "Copy of X" right after X,
   * activated.
   */
  duplicate(src: SheetModel): SheetModel {
    const copy = this.copySheet(this, src, this.copyName(src.name), this.sheets.indexOf(src) + 1);
    this.active = copy;
    this.activeRange = null;
    return copy;
  }

  /** A formula as written by a script or a user -> the engine's syntax (formula-syntax.ts). */
  formulaIn(text: string): string {
    return formulaIn(text, this.locale, this.formulaSeparators);
  }

  /**
   * A formula a user typed in the grid -> the engine's syntax (the Sheets UI takes the locale's
   * syntax only).
   */
  userFormulaIn(text: string): string {
    return userFormulaIn(text, this.locale);
  }

  /** The engine's formula -> what the formula bar shows a user. */
  userFormulaOut(text: string): string {
    return text === '' ? '' : userFormulaOut(text, this.locale);
  }

  /** The engine's formula -> what getFormula(s) shows in this spreadsheet. */
  formulaOut(text: string): string {
    return text === '' ? '' : formulaOut(text, this.locale, this.formulaSeparators);
  }

  log(line: string): void {
    this.logs.push(line);
  }

  /**
   * A user opens the spreadsheet (or reloads its tab): Sheets recalculates, so TODAY(), NOW()
   * and the other volatile functions catch up with the clock (formula-engine.ts).
   */
  opened(): void {
    this.engine.recalculateVolatile();
  }

  /** A script execution starts (addon.run / runAs / callFromClient; nested runs count once). */
  beginExecution(): void {
    this.engine.beginExecution();
  }

  /**
   * The execution ends: its pending writes are flushed (a round trip when there are any),
   * then the custom-function cells it changed compute, each an execution of its own.
   */
  endExecution(): void {
    const depth = this.engine.executionDepth;
    if (depth === 0) return;
    if (depth === 1) this.counter.flush();
    this.engine.endExecution();
  }
}
