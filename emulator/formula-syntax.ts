// Formula syntax in decimal-comma locales (ru_RU, de_DE, fr_FR…). In the Sheets UI such a
// locale writes `=ROUND(A1;2)` and `=1,5*2`: ";" separates arguments, "," is the decimal
// point, and an array literal is `{1\2;3\4}`. English function names are accepted in every
// locale. Whether a SCRIPT must use that syntax too (Range.setFormula(s), setValue(s) of
// "=…") is not documented, and reports point both ways, so the emulator offers both readings
// (WorkbookOptions.formulaSeparators):
//   'comma'   English syntax everywhere, whatever the locale (the historical behaviour);
//   'locale'  a decimal-comma spreadsheet takes and shows formulas in its own syntax: a formula
//             written with "," between arguments does not parse (#ERROR!, "Formula parse
//             error.", as Sheets shows it), and getFormula(s) answer in the locale's syntax.
// A USER typing in the grid (Workbook.setCell, the workbench) has no such choice: the Sheets
// UI of a decimal-comma locale takes its own syntax only (`=CJM_REVENUE(1000; 5%; 2000; 1,5)`;
// "," between arguments is a parse error there), and shows formulas in it, under both readings
// (userFormulaIn / userFormulaOut).
// The default comes from the environment variable CJM_FORMULA_SEPARATORS ('comma' when unset),
// so the whole suite can run under either reading:
//   CJM_FORMULA_SEPARATORS=locale npx vitest run
// The formula engine always holds English syntax; this module converts at the Range API.
import { separatorsFor } from './locale';

export type FormulaSeparators = 'comma' | 'locale';

export const FORMULA_SEPARATORS_ENV = 'CJM_FORMULA_SEPARATORS';

/** The reading to use when the workbook options do not say (CJM_FORMULA_SEPARATORS). */
export function defaultFormulaSeparators(): FormulaSeparators {
  const env = typeof process === 'undefined' ? undefined : process.env[FORMULA_SEPARATORS_ENV];
  if (env === undefined || env === '') return 'comma';
  if (env === 'comma' || env === 'locale') return env;
  throw new Error(`${FORMULA_SEPARATORS_ENV} must be "comma" or "locale", not "${env}"`);
}

/** Whether formulas of this spreadsheet use the locale's syntax (";" between arguments). */
export function usesLocaleSyntax(locale: string, mode: FormulaSeparators): boolean {
  return mode === 'locale' && separatorsFor(locale).decimal === ',';
}

/** The function the engine stores a formula that did not parse in (its text kept verbatim). */
const UNPARSED = 'EMU.UNPARSED';
export const UNPARSED_FUNCTION = UNPARSED;
export const PARSE_ERROR_MESSAGE = 'Formula parse error.';

const IDENT_START = /[\p{L}_$]/u;
const IDENT_PART = /[\p{L}\p{N}_.$!:]/u;
const DIGIT = /[0-9]/;

interface Scan {
  out: string;
  ok: boolean;
}

/**
 * Walks a formula outside its "strings" and 'sheet names', calling `number` for each numeric
 * literal and `sep` for each separator character; everything else is copied.
 */
function scan(
  text: string,
  decimal: string,
  number: (digits: string) => string | null,
  sep: (ch: string, inBraces: boolean) => string | null,
): Scan {
  let out = '';
  let i = 0;
  let braces = 0;
  let operand = false; // the previous token was a value (a number after it is an error)
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text.charAt(j) === ch) {
          if (text.charAt(j + 1) === ch) j++;
          else break;
        }
      }
      out += text.slice(i, j + 1);
      i = j + 1;
      operand = ch === '"';
      continue;
    }
    if (IDENT_START.test(ch)) {
      let j = i + 1;
      while (j < text.length && IDENT_PART.test(text.charAt(j))) j++;
      out += text.slice(i, j);
      i = j;
      operand = true;
      continue;
    }
    const startsNumber =
      DIGIT.test(ch) || (ch === decimal && DIGIT.test(text.charAt(i + 1)) && !operand);
    if (startsNumber) {
      const re =
        decimal === ','
          ? /^[0-9]*(,[0-9]*)?([eE][+-]?[0-9]+)?/
          : /^[0-9]*(\.[0-9]*)?([eE][+-]?[0-9]+)?/;
      const m = re.exec(text.slice(i));
      const lit = m?.[0] ?? ch;
      // A reference such as 1:1 (whole rows) starts with digits too; a letter right after
      // digits is part of a name (e.g. a sheet called 2024Q1), not a number.
      const converted = number(lit);
      if (converted === null) return { out, ok: false };
      out += converted;
      i += lit.length;
      operand = true;
      continue;
    }
    if (ch === '{') braces++;
    if (ch === '}') braces = Math.max(0, braces - 1);
    if (ch === ',' || ch === ';' || ch === '\\' || ch === '.') {
      const converted = sep(ch, braces > 0);
      if (converted === null) return { out, ok: false };
      out += converted;
      i++;
      operand = false;
      continue;
    }
    out += ch;
    i++;
    if (!/\s/.test(ch)) operand = ch === ')' || ch === '}' || ch === '%';
  }
  return { out, ok: true };
}

/**
 * A formula as the script or the user wrote it -> the engine's English syntax. In the
 * locale's syntax a stray "," (an English argument separator) or "." in a number does not
 * parse: the result is a stored formula that shows #ERROR! "Formula parse error." and whose
 * text stays as written.
 */
export function formulaIn(text: string, locale: string, mode: FormulaSeparators): string {
  if (!usesLocaleSyntax(locale, mode) || !text.startsWith('=')) return text;
  const r = scan(
    text,
    ',',
    (lit) => lit.replace(',', '.'),
    (ch, inBraces) => {
      if (ch === ';') return inBraces ? ';' : ',';
      if (ch === '\\') return inBraces ? ',' : null;
      return null; // "," outside a number, "." outside a name or number
    },
  );
  if (!r.ok) return unparsed(text);
  return r.out;
}

/** The engine's English formula -> the syntax getFormula(s) answer in (and a user types). */
export function formulaOut(text: string, locale: string, mode: FormulaSeparators): string {
  const kept = unparsedText(text);
  if (kept !== undefined) return kept;
  if (!usesLocaleSyntax(locale, mode) || !text.startsWith('=')) return text;
  const r = scan(
    text,
    '.',
    (lit) => lit.replace('.', ','),
    (ch, inBraces) => {
      if (ch === ',') return inBraces ? '\\' : ';';
      return ch;
    },
  );
  return r.ok ? r.out : text;
}

/**
 * A formula a user typed in the grid -> the engine's syntax: always the locale's syntax, as the
 * Sheets UI takes it.
 */
export function userFormulaIn(text: string, locale: string): string {
  return formulaIn(text, locale, 'locale');
}

/**
 * The engine's formula -> what the formula bar shows a user (the locale's syntax, as the Sheets UI
 * shows it).
 */
export function userFormulaOut(text: string, locale: string): string {
  return formulaOut(text, locale, 'locale');
}

function unparsed(text: string): string {
  return `=${UNPARSED}("${text.replace(/"/g, '""')}")`;
}

function unparsedText(formula: string): string | undefined {
  const prefix = `=${UNPARSED}("`;
  if (!formula.startsWith(prefix) || !formula.endsWith('")')) return undefined;
  return formula.slice(prefix.length, -2).replace(/""/g, '"');
}
