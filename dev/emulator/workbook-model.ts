// Everything one emulated spreadsheet holds, shared by all the service objects that
// look at it (many EmuRange/EmuSheet objects can point at the same SheetModel).
import { AuthState } from './auth';
import { CallCounter } from './counter';
import { gasError } from './errors';
import { FormulaEngine } from './formula-engine';
import { Guard } from './guard';
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
  /** What Session.getActiveUserLocale() returns, e.g. "en" or "ru". */
  userLocale?: string;
  userEmail?: string;
  id?: string;
  /** Name of the add-on, used as the title of createAddonMenu() menus. */
  addonName?: string;
}

let workbookCounter = 0;

export class WorkbookModel {
  id: string;
  name: string;
  locale: string;
  timeZone: string;
  userLocale: string;
  userEmail: string;
  addonName: string;
  readonly counter = new CallCounter();
  readonly auth = new AuthState();
  readonly guard: Guard;
  readonly ui = new UiState();
  readonly documentProperties = new PropertyStore();
  readonly userProperties = new PropertyStore();
  readonly scriptProperties = new PropertyStore();
  readonly documentLock = new LockState();
  readonly scriptLock = new LockState();
  readonly userLock = new LockState();
  readonly logs: string[] = [];
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
    this.userLocale = opts.userLocale ?? (this.locale.split('_')[0] || 'en');
    this.userEmail = opts.userEmail ?? 'user@example.com';
    this.addonName = opts.addonName ?? 'Add-on';
    this.guard = new Guard({ counter: this.counter, auth: this.auth });
    this.engine = new FormulaEngine((name) => {
      const s = this.sheet(name);
      return { rows: s?.maxRows ?? 0, cols: s?.maxCols ?? 0 };
    });
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

  addSheet(name: string | undefined, index?: number, size?: { rows: number; cols: number }): SheetModel {
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.sheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    n = String(n);
    if (this.sheet(n)) throw gasError(`A sheet with the name "${n}" already exists. Please enter another name.`);
    if (n.trim() === '') throw gasError('Sheet names cannot be empty.');
    const id = this.sheets.length === 0 ? 0 : this.nextSheetId++ * 1_000_003 % 2_000_000_000;
    const model = new SheetModel(n, id, size?.rows ?? 1000, size?.cols ?? 26);
    this.engine.addSheet(n);
    const at = index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, model);
    if (!this.active) this.active = model;
    return model;
  }

  removeSheet(model: SheetModel): void {
    if (this.sheets.length <= 1) throw gasError("You can't remove all the sheets in a document.");
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
    if (other && other !== model) throw gasError(`A sheet with the name "${n}" already exists. Please enter another name.`);
    this.engine.renameSheet(model.name, n);
    model.name = n;
  }

  log(line: string): void {
    this.logs.push(line);
  }
}
