// RichTextValue: only its text is modelled (no runs, links or per-run styles). Writing one
// with Range.setRichTextValue(s) does NOT protect the text: a published test saw a formula
// string written this way stay a formula, so the emulator parses it like Range.setValue.
import { as } from './types';

type GRichTextValue = GoogleAppsScript.Spreadsheet.RichTextValue;
type GRichTextValueBuilder = GoogleAppsScript.Spreadsheet.RichTextValueBuilder;

export class EmuRichTextValue implements Pick<GRichTextValue, 'copy'> {
  static readonly typeName = 'RichTextValue';
  static readonly isBuilder = true;
  constructor(readonly _text: string) {}
  copy(): GRichTextValueBuilder {
    return as(new EmuRichTextValueBuilder(this._text));
  }
}

export class EmuRichTextValueBuilder implements Pick<GRichTextValueBuilder, 'setText' | 'build'> {
  static readonly typeName = 'RichTextValueBuilder';
  static readonly isBuilder = true;
  constructor(private _text = '') {}
  setText(text: string): GRichTextValueBuilder {
    this._text = String(text);
    return as(this);
  }
  build(): GRichTextValue {
    return as(new EmuRichTextValue(this._text));
  }
}
