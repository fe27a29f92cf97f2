// TextFinder: Sheets' own search over a spreadsheet or a sheet, done on Google's side
// (https://developers.google.com/apps-script/reference/spreadsheet/text-finder).
//
// The reference says findAll "returns all cells matching the search criteria", that matchCase,
// matchEntireCell and useRegularExpression do what they say, and that matchFormulaText(true)
// "configures the search to match text appearing within formula text; otherwise, it matches
// displayed text". It is silent on what a cell without a formula is matched against in that mode,
// on the order of the cells found, and on the flavour of regular expressions. The emulator takes
// the readings least convenient for a caller that wants formulas: a cell without a formula still
// matches on what it displays (a hit is not yet a formula: read it), formula text is matched as
// getFormula shows it (in the spreadsheet's formula syntax), and patterns are JavaScript's (keep
// to what RE2 and JavaScript both read). Only findAll is emulated: findNext, replaceAllWith and the
// rest throw "not emulated".
import { EmuRange } from './range';
import type { SheetModel } from './sheet-model';
import type { GRange } from './types';
import { as } from './types';
import type { WorkbookModel } from './workbook-model';

type GTextFinder = GoogleAppsScript.Spreadsheet.TextFinder;
type FinderMethods =
  | 'findAll'
  | 'matchCase'
  | 'matchEntireCell'
  | 'matchFormulaText'
  | 'useRegularExpression';

export class EmuTextFinder implements Pick<GTextFinder, FinderMethods> {
  static readonly typeName = 'TextFinder';
  private _case = false;
  private _entire = false;
  private _formulas = false;
  private _regex = false;

  constructor(
    private readonly _wb: WorkbookModel,
    /** the sheets searched, in their order: all of them for a spreadsheet's finder */
    private readonly _sheets: () => SheetModel[],
    private readonly _text: string,
  ) {}

  matchCase(matchCase: boolean): GTextFinder {
    this._case = matchCase === true;
    return as(this);
  }
  matchEntireCell(entireCell: boolean): GTextFinder {
    this._entire = entireCell === true;
    return as(this);
  }
  matchFormulaText(matchFormulaText: boolean): GTextFinder {
    this._formulas = matchFormulaText === true;
    return as(this);
  }
  useRegularExpression(useRegEx: boolean): GTextFinder {
    this._regex = useRegEx === true;
    return as(this);
  }

  /** Every cell that matches, sheet by sheet in tab order, row by row. */
  findAll(): GRange[] {
    const found: GRange[] = [];
    for (const sheet of this._sheets()) {
      const { lastRow, lastCol } = this._wb.engine.extent(sheet.name);
      if (lastRow < 0) continue;
      const all = new EmuRange(this._wb, sheet, {
        row: 0,
        col: 0,
        rows: lastRow + 1,
        cols: lastCol + 1,
      });
      const formulas = all.getFormulas();
      const shown = all.getDisplayValues();
      shown.forEach((line, r) => {
        line.forEach((display, c) => {
          const formula = formulas[r]?.[c] ?? '';
          const text = this._formulas && formula !== '' ? formula : display;
          if (text !== '' && this._matches(text))
            found.push(as(new EmuRange(this._wb, sheet, { row: r, col: c, rows: 1, cols: 1 })));
        });
      });
    }
    return found;
  }

  private _matches(text: string): boolean {
    const source = this._regex ? this._text : this._text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(this._entire ? `^(?:${source})$` : source, this._case ? 'u' : 'iu');
    return pattern.test(text);
  }
}
