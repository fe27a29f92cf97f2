// Protections are recorded, not enforced: the add-on runs as the document's user and the
// emulator has a single user. Range protections follow structural edits.
import type { ProtectionSpec, SheetModel } from './sheet-model';
import type { GProtection, GRange } from './types';
import { as } from './types';
import { EmuRange } from './range';
import type { WorkbookModel } from './workbook-model';
import { gasError } from './errors';

export const ProtectionType = Object.freeze({ RANGE: 'RANGE', SHEET: 'SHEET' });

export class EmuProtection
  implements
    Pick<
      GProtection,
      | 'setWarningOnly'
      | 'isWarningOnly'
      | 'setDescription'
      | 'getDescription'
      | 'getRange'
      | 'remove'
      | 'getProtectionType'
      | 'canEdit'
    >
{
  static readonly typeName = 'Protection';
  constructor(
    private readonly _wb: WorkbookModel,
    private readonly _sheet: SheetModel,
    readonly _spec: ProtectionSpec,
  ) {}
  _alive(): ProtectionSpec {
    if (!this._sheet.protections.includes(this._spec))
      throw gasError('The protection has been removed.');
    return this._spec;
  }
  setWarningOnly(warningOnly: boolean): GProtection {
    this._alive().warningOnly = Boolean(warningOnly);
    return as(this);
  }
  isWarningOnly(): boolean {
    return this._alive().warningOnly;
  }
  setDescription(description: string): GProtection {
    this._alive().description = String(description);
    return as(this);
  }
  getDescription(): string {
    return this._alive().description;
  }
  getRange(): GRange {
    const s = this._alive();
    const rect = s.rect ?? { row: 0, col: 0, rows: this._sheet.maxRows, cols: this._sheet.maxCols };
    return as(new EmuRange(this._wb, this._sheet, { ...rect }));
  }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return this._alive().kind as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }
  canEdit(): boolean {
    return true;
  }
  remove(): void {
    this._sheet.protections = this._sheet.protections.filter((p) => p !== this._spec);
  }
}
