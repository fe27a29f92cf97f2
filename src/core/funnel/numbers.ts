/**
 * Numbers as marketers type them: "1 200,50" (ru), "1,200.50" (en), "5%", "₽ 2 000".
 * Sheets hands a custom function the raw text when a cell is formatted as text or
 * the value came from an import, so formulas and the sheet reader both need this.
 */

const CURRENCY = /[₽$€£¥]|руб\.?|rub|usd|eur/gi;
const SPACES = /[\s\u00a0\u202f']/g;

/** Parses numeric text; returns null when the text is not a number. */
export function parseNumber(text: string): number | null {
  let s = text.trim().replace(CURRENCY, '').replace(SPACES, '');
  if (s === '') return null;
  let scale = 1;
  if (s.endsWith('%')) {
    scale = 0.01;
    s = s.slice(0, -1);
  }
  const plain = normaliseSeparators(s);
  if (plain === null || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(plain)) return null;
  const n = Number(plain) * scale;
  return Number.isFinite(n) ? n : null;
}

/** Turns "1,200.50", "1.200,50", "1200,5" into "1200.50"-style text, or null if ambiguous junk. */
function normaliseSeparators(s: string): string | null {
  const commas = (s.match(/,/g) ?? []).length;
  const dots = (s.match(/\./g) ?? []).length;
  if (commas && dots) {
    // The separator that comes last is the decimal one.
    const decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    if ((s.split(decimal).length - 1) > 1) return null;
    return s.split(group).join('').replace(decimal, '.');
  }
  if (commas === 1) {
    // "1,200" reads as a thousands group; "1,5" and "1,25" as decimals.
    return /^[+-]?[1-9]\d{0,2},\d{3}$/.test(s) ? s.replace(',', '') : s.replace(',', '.');
  }
  if (commas > 1) return /^[+-]?\d{1,3}(,\d{3})+$/.test(s) ? s.split(',').join('') : null;
  if (dots > 1) return /^[+-]?\d{1,3}(\.\d{3})+$/.test(s) ? s.split('.').join('') : null;
  return s;
}

/** Short human form of a value for error messages: numbers as typed, text quoted and cut. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const cut = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return `"${cut}"`;
  }
  if (value instanceof Date) return `a date (${value.toISOString().slice(0, 10)})`;
  if (typeof value === 'number') return String(Math.round(value * 1e9) / 1e9);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** A number as a reader of the map's language writes it: "4 680 000,5" (ru) or "4,680,000.5" (en). */
export function formatNumber(n: number, lang: 'en' | 'ru', decimals = 2): string {
  const fixed = Math.abs(n).toFixed(decimals).replace(/\.?0+$/, '');
  const [whole = '0', frac] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'ru' ? '\u00a0' : ',');
  return `${n < 0 ? '-' : ''}${grouped}${frac ? (lang === 'ru' ? ',' : '.') + frac : ''}`;
}
