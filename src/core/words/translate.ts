/**
 * Looks a message up in a catalogue and fills its placeholders:
 * - `{name}`: the variable as given;
 * - `{name|form|form…}`: the word form the language's plural rules (Intl.PluralRules) pick for
 *   the number in `name`, the forms in the order of PLURAL_ORDER: English "one|other"
 *   ("{n} {n|cell|cells}"), Russian "one|few|many" ("{n} {n|ячейка|ячейки|ячеек}"). A fraction
 *   (Russian "other": 1,5 ячейки) takes the "few" form unless a fourth form is given.
 */
export type PluralLang = 'en' | 'ru';

/** The order of the forms in a `{n|…}` placeholder, by language. */
export const PLURAL_ORDER: Record<PluralLang, readonly Intl.LDMLPluralRule[]> = {
  en: ['one', 'other'],
  ru: ['one', 'few', 'many', 'other'],
};

/** Which form stands in for a category a message does not list. */
const FALLBACK: Partial<Record<Intl.LDMLPluralRule, Intl.LDMLPluralRule>> = {
  other: 'few',
  zero: 'many',
  two: 'few',
};

const rules = new Map<PluralLang, Intl.PluralRules | null>();

function pluralRules(lang: PluralLang): Intl.PluralRules | null {
  if (!rules.has(lang)) {
    let r: Intl.PluralRules | null = null;
    try {
      r =
        typeof Intl === 'object' && typeof Intl.PluralRules === 'function'
          ? new Intl.PluralRules(lang)
          : null;
    } catch {
      r = null;
    }
    rules.set(lang, r);
  }
  return rules.get(lang) ?? null;
}

/** CLDR's cardinal rules for our two languages, for a runtime without Intl.PluralRules. */
export function ruleByHand(lang: PluralLang, n: number): Intl.LDMLPluralRule {
  if (lang === 'en') return Math.abs(n) === 1 ? 'one' : 'other';
  if (!Number.isInteger(n)) return 'other';
  const a = Math.abs(n);
  const d10 = a % 10;
  const d100 = a % 100;
  if (d10 === 1 && d100 !== 11) return 'one';
  if (d10 >= 2 && d10 <= 4 && (d100 < 12 || d100 > 14)) return 'few';
  return 'many';
}

/** The plural category of `n` in `lang`: "one", "few", "many" or "other". */
export function pluralCategory(lang: PluralLang, n: number): Intl.LDMLPluralRule {
  const r = pluralRules(lang);
  return r ? r.select(n) : ruleByHand(lang, n);
}

/** A count as a number: 5, "5", "1 500", "1,5" (a formatted figure passed as a variable). */
function countOf(v: string | number | undefined): number {
  if (typeof v === 'number') return v;
  const n = Number(
    String(v ?? '')
      .replace(/[\s\u00a0\u202f]/g, '')
      .replace(',', '.'),
  );
  return Number.isFinite(n) ? n : 0;
}

/** The form of `forms` (in PLURAL_ORDER) that goes with `n`. */
export function pluralForm(lang: PluralLang, n: number, forms: readonly string[]): string {
  const order = PLURAL_ORDER[lang];
  const category = pluralCategory(lang, n);
  let i = order.indexOf(category);
  if (i < 0 || i >= forms.length) {
    const stand = FALLBACK[category];
    i = stand ? order.indexOf(stand) : -1;
  }
  return forms[i >= 0 && i < forms.length ? i : forms.length - 1] ?? '';
}

export function translate<K extends string>(
  catalogue: Record<K, string>,
  key: K,
  vars: Record<string, string | number>,
  lang: PluralLang = 'en',
): string {
  return catalogue[key].replace(
    /\{(\w+)((?:\|[^|{}]*)+)?\}/g,
    (m, name: string, forms: string | undefined) => {
      if (!(name in vars)) return m;
      if (forms === undefined) return String(vars[name]);
      return pluralForm(lang, countOf(vars[name]), forms.slice(1).split('|'));
    },
  );
}
