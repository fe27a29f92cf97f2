/**
 * Numbers as marketers type them and as the sheet shows them: the one parser and the one
 * formatter of the add-on, shared by the server, the custom functions and the sidebar.
 *
 * Reading: "1 200,50" (ru), "1,200.50" (en), "5%", "₽ 2 000", what a marketer types into the
 * wizard's fields (written to the sheet as the number) and the number of a plan's change ("+1 200
 * leads"). A cell of the sheet that holds such text is not read as a number (docs/design.md, one
 * reading of a number): the custom functions, the map's cells and the wizard's metrics say it is
 * text; the metrics use this parser only to tell text that looks like a number. Given the
 * language, a lone comma is read as that language's sheet reads it: "1,500" is 1.5 in Russian (the
 * decimal comma) and 1500 in English (a thousands group). Without a language "1,500" is a
 * thousands group and "1,5" a decimal.
 *
 * Showing: as the map's number formats show a figure in the spreadsheet's locale: "#,##0"
 * groups every thousand ("1 500" in Russian, with a no-break space; "1,500" in English),
 * "0.0%" writes a percent with no space before the sign ("12,5%").
 */

export type NumberLang = 'en' | 'ru';

const CURRENCY = /[₽$€£¥₸]|руб\.?|rub|usd|eur/gi;
const SPACES = /[\s\u00a0\u202f']/g;

/** Parses numeric text; returns null when the text is not a number. */
export function parseNumber(text: string, lang?: NumberLang): number | null {
  let s = text.trim().replace(CURRENCY, '').replace(SPACES, '');
  if (s === '') return null;
  // a percent is divided by 100, not multiplied by 0.01: "70%" is 0.7, not 0.7000000000000001
  let divisor = 1;
  if (s.endsWith('%')) {
    divisor = 100;
    s = s.slice(0, -1);
  }
  const plain = normaliseSeparators(s, lang);
  if (plain === null || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(plain)) return null;
  const n = Number(plain) / divisor;
  return Number.isFinite(n) ? n : null;
}

/** Turns "1,200.50", "1.200,50", "1200,5" into "1200.50"-style text, or null if ambiguous junk. */
function normaliseSeparators(s: string, lang: NumberLang | undefined): string | null {
  const commas = (s.match(/,/g) ?? []).length;
  const dots = (s.match(/\./g) ?? []).length;
  if (commas && dots) {
    // The separator that comes last is the decimal one.
    const decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    if (s.split(decimal).length - 1 > 1) return null;
    return s.split(group).join('').replace(decimal, '.');
  }
  if (commas === 1) {
    // Russian writes decimals with a comma: "1,500" is one and a half, as a ru_RU sheet reads it.
    if (lang === 'ru') return s.replace(',', '.');
    // "1,200" reads as a thousands group; "1,5" and "1,25" as decimals.
    return /^[+-]?[1-9]\d{0,2},\d{3}$/.test(s) ? s.replace(',', '') : s.replace(',', '.');
  }
  if (commas > 1) return /^[+-]?\d{1,3}(,\d{3})+$/.test(s) ? s.split(',').join('') : null;
  if (dots > 1) return /^[+-]?\d{1,3}(\.\d{3})+$/.test(s) ? s.split('.').join('') : null;
  return s;
}

/**
 * Whole digits grouped by thousands as the language's sheet groups them: "4 680 000" (ru, no-break
 * spaces), "4,680,000" (en).
 */
export function groupDigits(whole: string, lang: NumberLang): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'ru' ? '\u00a0' : ',');
}

/**
 * A number as the map's cells show it in the language: "4 680 000,5" (ru, no-break spaces)
 * or "4,680,000.5" (en); at most `decimals` decimals and at least `minDecimals` (the zeros a
 * format such as "0.0#" keeps), other trailing zeros dropped.
 */
export function formatNumber(n: number, lang: NumberLang, decimals = 2, minDecimals = 0): string {
  const keep = Math.min(minDecimals, decimals);
  let fixed = Math.abs(n).toFixed(decimals);
  while (fixed.includes('.') && fixed.endsWith('0') && fixed.length - fixed.indexOf('.') - 1 > keep)
    fixed = fixed.slice(0, -1);
  fixed = fixed.replace(/\.$/, '');
  const [whole = '0', frac] = fixed.split('.');
  const grouped = groupDigits(whole, lang);
  const negative = n < 0 && /[1-9]/.test(fixed);
  return `${negative ? '-' : ''}${grouped}${frac ? (lang === 'ru' ? ',' : '.') + frac : ''}`;
}

/**
 * A count as the map's "#,##0" cells show it: whole, grouped ("1 500" in Russian, "1,500" in
 * English).
 */
export function formatCount(n: number, lang: NumberLang): string {
  return formatNumber(n, lang, 0);
}

/**
 * A factor (purchases per customer) as the map's "0.0#" cells show it: one or two decimals ("3,0",
 * "1,25").
 */
export function formatFactor(n: number, lang: NumberLang): string {
  return formatNumber(n, lang, 2, 1);
}

/**
 * A share (0.125) as a percent the way the sheet's "0.0%" format writes one: "12,5%", "6,0%" (ru),
 * "12.5%" (en).
 */
export function formatShare(share: number, lang: NumberLang): string {
  return `${formatNumber(share * 100, lang, 1, 1)}%`;
}

/**
 * A currency as a money format writes it: its symbol, before the figure ("$4,680,000") or after it
 * ("4 680 000 ₽").
 */
export interface Currency {
  symbol: string;
  before: boolean;
}

/**
 * An amount of money as the map's money cells show it: whole units, grouped, with the
 * currency where its format puts it; without a currency the plain money format "#,##0.00",
 * two decimals always ("248,134.50").
 */
export function formatMoney(n: number, lang: NumberLang, currency: Currency | null = null): string {
  if (!currency) return formatNumber(n, lang, 2, 2);
  const figure = formatNumber(Math.round(n), lang, 0);
  if (!currency.before) return `${figure}\u00a0${currency.symbol}`;
  return `${figure.startsWith('-') ? '-' : ''}${currency.symbol}${figure.replace(/^-/, '')}`;
}
