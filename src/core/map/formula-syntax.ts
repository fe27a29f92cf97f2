/**
 * The two syntaxes a formula may have to be written in. The add-on plans every formula in
 * English syntax ("," between arguments, "." in numbers). A decimal-comma spreadsheet (ru_RU,
 * de_DE…) shows formulas with ";" and ","; whether a script must write them that way is not
 * documented, so the add-on finds out (sheets/formula-dialect) and converts here.
 */
export type FormulaDialect = 'comma' | 'locale';

/**
 * The literal a formula is inside after character `ch`: a "string" or a 'sheet name' (a quoted
 * sheet name may hold "," or "2.5", part of the name in either syntax), or '' outside both. A
 * quote of the other kind inside a literal is a character; a doubled quote closes and reopens.
 */
function literal(quote: string, ch: string): string {
  if (quote === '') return ch === '"' || ch === "'" ? ch : '';
  return ch === quote ? '' : quote;
}

/**
 * A formula with its argument separator and decimal point swapped for others, outside strings and
 * quoted sheet names. Inside an array literal's braces the column separator is swapped for its
 * own (`,` in English, `\` in a decimal-comma locale: Google's "Using arrays in Google Sheets"
 * page); the row separator is ";" in both.
 */
function convert(
  formula: string,
  [sep, toSep]: readonly [string, string],
  [dec, toDec]: readonly [string, string],
  [col, toCol]: readonly [string, string],
): string {
  let out = '';
  let quote = '';
  let braces = 0;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i] ?? '';
    quote = literal(quote, ch);
    const inNumber = /\d/.test(formula[i - 1] ?? '') && /\d/.test(formula[i + 1] ?? '');
    if (quote === '' && ch === '{') braces++;
    if (quote === '' && ch === '}') braces = Math.max(0, braces - 1);
    if (quote === '' && braces > 0 && ch === col) out += toCol;
    else if (quote === '' && braces > 0 && ch === ';') out += ch;
    else if (quote === '' && ch === sep) out += toSep;
    else if (quote === '' && ch === dec && inNumber) out += toDec;
    else out += ch;
  }
  return out;
}

/**
 * An English-syntax formula in the locale's syntax: ";" between arguments, "," as the decimal
 * point, "\" between an array's columns.
 */
export function toLocaleSyntax(formula: string): string {
  return convert(formula, [',', ';'], ['.', ','], [',', '\\']);
}

/**
 * A formula read back in the locale's syntax, in English syntax again (the form the add-on plans
 * and compares).
 */
export function fromLocaleSyntax(formula: string): string {
  return convert(formula, [';', ','], [',', '.'], ['\\', ',']);
}

export function inDialect(formula: string, dialect: FormulaDialect): string {
  return dialect === 'locale' ? toLocaleSyntax(formula) : formula;
}

/**
 * The syntax formulas read back from a sheet are in, judged by their argument separators; null when
 * none shows.
 */
export function dialectOf(formulas: readonly (readonly string[])[]): FormulaDialect | null {
  for (const line of formulas) {
    for (const f of line) {
      // (an array literal's ";" separates rows in both syntaxes)
      const outside = f.replace(/"[^"]*"|'[^']*'/g, '').replace(/\{[^{}]*\}/g, '');
      if (outside.includes(';')) return 'locale';
      if (/[A-Z]\(.*,/.test(outside)) return 'comma';
    }
  }
  return null;
}
