// TextStyle (bold, italic, colour, size...) built locally and applied to cells with
// Range.setTextStyles; applying it sets the same cell attributes as setFontWeight etc.
import { normalizeColor } from './style';
import type { CellAttrs } from './sheet-model';
import { as } from './types';

type GTextStyle = GoogleAppsScript.Spreadsheet.TextStyle;
type GTextStyleBuilder = GoogleAppsScript.Spreadsheet.TextStyleBuilder;

export interface TextStyleSpec {
  bold: boolean | null;
  italic: boolean | null;
  foregroundColor: string | null;
  fontSize: number | null;
}

const EMPTY: TextStyleSpec = {
  bold: null,
  italic: null,
  foregroundColor: null,
  fontSize: null,
};

export class EmuTextStyle implements Pick<GTextStyle, 'copy'> {
  static readonly typeName = 'TextStyle';
  static readonly isBuilder = true;
  constructor(readonly _spec: TextStyleSpec) {}
  copy(): GTextStyleBuilder {
    return as(new EmuTextStyleBuilder({ ...this._spec }));
  }
}

export class EmuTextStyleBuilder
  implements
    Pick<
      GTextStyleBuilder,
      'setBold' | 'setItalic' | 'setForegroundColor' | 'setFontSize' | 'build'
    >
{
  static readonly typeName = 'TextStyleBuilder';
  static readonly isBuilder = true;
  constructor(private readonly _spec: TextStyleSpec = { ...EMPTY }) {}
  setBold(bold: boolean): GTextStyleBuilder {
    this._spec.bold = Boolean(bold);
    return as(this);
  }
  setItalic(italic: boolean): GTextStyleBuilder {
    this._spec.italic = Boolean(italic);
    return as(this);
  }
  setForegroundColor(cssString: string): GTextStyleBuilder {
    this._spec.foregroundColor = normalizeColor(cssString) ?? null;
    return as(this);
  }
  setFontSize(fontSize: number): GTextStyleBuilder {
    this._spec.fontSize = fontSize;
    return as(this);
  }
  build(): GTextStyle {
    return as(new EmuTextStyle({ ...this._spec }));
  }
}

/** The cell attributes a text style sets; unset parts of the style leave the cell alone. */
export function textStyleAttrs(spec: TextStyleSpec): Partial<CellAttrs> {
  const out: Partial<CellAttrs> = {};
  if (spec.bold !== null) out.fontWeight = spec.bold ? 'bold' : undefined;
  if (spec.italic !== null) out.fontStyle = spec.italic ? 'italic' : undefined;
  if (spec.foregroundColor !== null) out.fontColor = spec.foregroundColor;
  if (spec.fontSize !== null) out.fontSize = spec.fontSize;
  return out;
}
