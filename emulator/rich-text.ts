// RichTextValue: only its text is modelled (no runs, links or per-run styles). Writing one
// with Range.setRichTextValue(s) does NOT protect the text: a published test saw a formula
// string written this way stay a formula, so the emulator parses it like Range.setValue.
import type { TextStyleSpec } from './text-style';
import { EmuTextStyle } from './text-style';
import { as } from './types';

type GRichTextValue = GoogleAppsScript.Spreadsheet.RichTextValue;
type GRichTextValueBuilder = GoogleAppsScript.Spreadsheet.RichTextValueBuilder;

const NO_STYLE: TextStyleSpec = {
  bold: null,
  italic: null,
  foregroundColor: null,
  fontSize: null,
  fontFamily: null,
  underline: null,
  strikethrough: null,
};

export class EmuRichTextValue
  implements
    Pick<GRichTextValue, 'getText' | 'copy' | 'getStartIndex' | 'getEndIndex' | 'getTextStyle'>
{
  static readonly typeName = 'RichTextValue';
  static readonly isBuilder = true;
  constructor(readonly _text: string) {}
  getText(): string {
    return this._text;
  }
  copy(): GRichTextValueBuilder {
    return as(new EmuRichTextValueBuilder(this._text));
  }
  getStartIndex(): number {
    return 0;
  }
  getEndIndex(): number {
    return this._text.length;
  }
  getTextStyle(): GoogleAppsScript.Spreadsheet.TextStyle {
    return as(new EmuTextStyle({ ...NO_STYLE }));
  }
}

export class EmuRichTextValueBuilder
  implements Pick<GRichTextValueBuilder, 'setText' | 'setTextStyle' | 'build'>
{
  static readonly typeName = 'RichTextValueBuilder';
  static readonly isBuilder = true;
  constructor(private _text = '') {}
  setText(text: string): GRichTextValueBuilder {
    this._text = String(text);
    return as(this);
  }
  /** Styles of runs are not modelled; accepted so code that styles its text runs. */
  setTextStyle(..._args: unknown[]): GRichTextValueBuilder {
    return as(this);
  }
  build(): GRichTextValue {
    return as(new EmuRichTextValue(this._text));
  }
}
