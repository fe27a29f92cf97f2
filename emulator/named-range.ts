// Named ranges live in the formula engine as named expressions, so formulas can use
// them and structural edits move them; this object only holds the name.
import { gasError } from './errors';
import type { GNamedRange, GRange } from './types';
import { as } from './types';
import { EmuRange } from './range';
import type { WorkbookModel } from './workbook-model';

export function namedRangeRange(wb: WorkbookModel, name: string): EmuRange | null {
  const target = wb.engine.namedRangeTarget(name);
  if (!target) return null;
  const sheet = wb.sheet(target.sheet);
  if (!sheet) return null;
  return new EmuRange(wb, sheet, target.rect);
}

/**
 * The names getNamedRanges() lists: a name whose sheet is gone is not listed (sheet deletion
 * removes such names; this also hides any left behind). A name whose cells were all deleted
 * (#REF!) stays listed, and its getRange() throws.
 */
export function listedNamedRanges(wb: WorkbookModel): string[] {
  return wb.engine.namedRangeNames().filter((n) => {
    const target = wb.engine.namedRangeTarget(n);
    return target === undefined || wb.sheet(target.sheet) !== undefined;
  });
}

export class EmuNamedRange
  implements Pick<GNamedRange, 'getName' | 'getRange' | 'setRange' | 'setName' | 'remove'>
{
  static readonly typeName = 'NamedRange';
  constructor(
    private readonly _wb: WorkbookModel,
    private _name: string,
  ) {}
  getName(): string {
    return this._name;
  }
  getRange(): GRange {
    const r = namedRangeRange(this._wb, this._name);
    if (!r)
      throw gasError(`Range not found: the named range ${this._name} no longer points to cells.`);
    return as(r);
  }
  setRange(range: GRange): GNamedRange {
    const r = range as unknown as EmuRange;
    this._wb.engine.setNamedRange(this._name, r._sheet.name, r._rect);
    return as(this);
  }
  /** A name another range holds is refused, as Spreadsheet.setNamedRange refuses it. */
  setName(name: string): GNamedRange {
    const r = namedRangeRange(this._wb, this._name);
    if (!r) throw gasError(`Range not found: ${this._name}`);
    const other = String(name).toUpperCase();
    if (
      other !== this._name.toUpperCase() &&
      this._wb.engine.namedRangeNames().some((n) => n.toUpperCase() === other)
    )
      throw gasError(`A named range called ${name} already exists.`);
    this._wb.engine.removeNamedRange(this._name);
    this._wb.engine.setNamedRange(String(name), r._sheet.name, r._rect);
    this._name = String(name);
    return as(this);
  }
  remove(): void {
    this._wb.engine.removeNamedRange(this._name);
  }
}
