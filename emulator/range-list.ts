// RangeList: the batched way to format many ranges in one service call.
import type { EmuRange } from './range';
import type { GRange, GRangeList } from './types';
import { as } from './types';

type ListMethods =
  | 'getRanges'
  | 'setBackground'
  | 'setFontColor'
  | 'setFontWeight'
  | 'setFontSize'
  | 'setNumberFormat'
  | 'setWrap'
  | 'setVerticalAlignment'
  | 'setNote'
  | 'clearContent'
  | 'setValue'
  | 'setFormula'
  | 'breakApart'
  | 'clearDataValidations';

export class EmuRangeList implements Pick<GRangeList, ListMethods> {
  static readonly typeName = 'RangeList';
  constructor(readonly _ranges: EmuRange[]) {}

  _each(fn: (r: EmuRange) => void): GRangeList {
    for (const r of this._ranges) fn(r);
    return as(this);
  }
  getRanges(): GRange[] {
    return this._ranges.map((r) => as<GRange>(r));
  }
  setBackground(color: string | null): GRangeList {
    return this._each((r) => r.setBackground(color));
  }
  setFontColor(color: string | null): GRangeList {
    return this._each((r) => r.setFontColor(color));
  }
  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): GRangeList {
    return this._each((r) => r.setFontWeight(fontWeight));
  }
  setFontSize(size: number): GRangeList {
    return this._each((r) => r.setFontSize(size));
  }
  setNumberFormat(format: string): GRangeList {
    return this._each((r) => r.setNumberFormat(format));
  }
  setWrap(isWrapEnabled: boolean): GRangeList {
    return this._each((r) => r.setWrap(isWrapEnabled));
  }
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): GRangeList {
    return this._each((r) => r.setVerticalAlignment(alignment));
  }
  setNote(note: string | null): GRangeList {
    return this._each((r) => r.setNote(note));
  }
  clearContent(): GRangeList {
    return this._each((r) => r.clearContent());
  }
  clearDataValidations(): GRangeList {
    return this._each((r) => r.clearDataValidations());
  }
  setValue(value: unknown): GRangeList {
    return this._each((r) => r.setValue(value));
  }
  setFormula(formula: string): GRangeList {
    return this._each((r) => r.setFormula(formula));
  }
  breakApart(): GRangeList {
    return this._each((r) => r.breakApart());
  }
}
