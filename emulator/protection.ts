// Protections: recorded here, enforced on every script write by edit-rights.ts for the user the
// workbook runs as (WorkbookOptions.userEmail, ownerEmail). Range protections follow structural
// edits.
import type { ProtectionSpec, SheetModel } from './sheet-model';
import type { GProtection, GRange } from './types';
import { as } from './types';
import { EmuRange } from './range';
import type { WorkbookModel } from './workbook-model';
import { gasError } from './errors';
import { mayEdit } from './edit-rights';

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
      | 'getUnprotectedRanges'
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
  /** The owner, an editor of the protection, or anyone when it only warns (edit-rights.ts). */
  canEdit(): boolean {
    return mayEdit(this._wb, this._alive());
  }
  getUnprotectedRanges(): GRange[] {
    return (this._alive().unprotected ?? []).map((r) =>
      as<GRange>(new EmuRange(this._wb, this._sheet, { ...r })),
    );
  }
  remove(): void {
    this._sheet.protections = this._sheet.protections.filter((p) => p !== this._spec);
  }
}
