/**
 * An expected change of one lever, as a marketer writes it in an action plan. A change states
 * its unit:
 *   - relative: "+10%", "−5 %";
 *   - points of conversion (C only): "+2 pp", "+2 п.п.", "+1,5 пп";
 *   - absolute, in the lever's own unit: "+3000 leads" / "+3000 лидов" (L), "+1000 ₽" /
 *     "+$1,000" / "+500 руб." (P), "+0,5 purchases" / "+0,5 покупки" (Q).
 * A bare number ("+0,5", "10") is refused: it does not say which of these it means (a half
 * purchase more once read as +50%). Signs "+", "-", "−" (U+2212) and "–"; decimals in either
 * notation ("0,5", "0.5"); unit words in either language, whatever the map's language.
 *
 * The one parser and formatter of changes: the server (savePlan), the sidebar's live impact and
 * CJM_IMPACT all read changes through parseChange, so they accept exactly the same forms.
 */
import { LEVERS, planLeverOf, revenue, type Economics, type Lever, type PlanLever } from './funnel';
import { groupDigits, parseNumber } from './numbers';
import { pluralForm } from '../words/translate';

type Lang = 'en' | 'ru';

/** What an absolute change is counted in: each is the unit of exactly one lever. */
export type Unit = 'leads' | 'money' | 'purchases';

export type Change =
  /** percent of the lever's value now: "+10%" is { percent: 10 } */
  | { kind: 'relative'; percent: number }
  /** percentage points of conversion: "+2 pp" is { points: 2 } (5% → 7%) */
  | { kind: 'points'; points: number }
  /** an amount in the lever's own unit: "+0,5 покупки" is { unit: 'purchases', amount: 0.5 } */
  | { kind: 'absolute'; unit: Unit; amount: number };

export const UNIT_OF_LEVER: Readonly<Record<Lever, Unit | null>> = {
  leads: 'leads',
  conversion: null,
  avg_check: 'money',
  purchases: 'purchases',
};

/**
 * Every word or sign that may follow the number, by what it makes the change; matched whole and
 * case-insensitively, longest first. Exported so a translation of the parser (the .xlsx export)
 * can follow the same list.
 */
export const CHANGE_SUFFIXES = {
  percent: ['%'],
  points: [
    'pp',
    'p.p.',
    'p. p.',
    'p.p',
    'п.п.',
    'п. п.',
    'п.п',
    'п. п',
    'пп',
    'points',
    'point',
    'пунктов',
    'пункта',
    'пункт',
  ],
  leads: ['лидов', 'лида', 'лиды', 'лид', 'leads', 'lead'],
  money: [
    '₽',
    'руб.',
    'руб',
    'рублей',
    'рубля',
    'рубль',
    'р.',
    'р',
    'rub',
    'usd',
    'eur',
    '$',
    '€',
    '£',
    '¥',
    '₸',
  ],
  purchases: ['покупки', 'покупок', 'покупка', 'покупку', 'purchases', 'purchase'],
} as const satisfies Record<'percent' | 'points' | Unit, readonly string[]>;

/** Currency signs that may also stand before the number: "+$1,000", "−€50". */
export const MONEY_PREFIXES = ['$', '€', '£', '¥', '₽', '₸'] as const;

/** "+", "-", and the minus sign and en dash a text editor or a Russian keyboard layout puts in. */
export const MINUS_SIGNS = ['-', '\u2212', '\u2013'] as const;

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: readonly string[]): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');

const SUFFIX_KINDS = Object.keys(CHANGE_SUFFIXES) as (keyof typeof CHANGE_SUFFIXES)[];
const SUFFIX = SUFFIX_KINDS.map((k) => `(?<${k}>${alternation(CHANGE_SUFFIXES[k])})`).join('|');
// A number as typed, in either notation: digits with group separators and one decimal mark, or ",5"
// / ".5".
const NUMBER = "(?:\\d[\\d\\s',.]*(?:e[+-]?\\d+)?|[.,]\\d+)";
const CHANGE = new RegExp(
  `^\\s*(?<sign>[+\\-\\u2212\\u2013])?\\s*(?<prefix>${alternation(MONEY_PREFIXES)})?\\s*(?<number>${NUMBER})\\s*(?:${SUFFIX})?\\s*$`,
  'iu',
);

/** Reads a change as typed; null when it is not a change with its unit (a bare number included). */
export function parseChange(text: string): Change | null {
  if (typeof text !== 'string' || text.length > 200) return null;
  const g = CHANGE.exec(text)?.groups;
  if (!g) return null;
  const n = parseNumber(g.number ?? '');
  if (n === null || n < 0) return null;
  // + 0 turns -0 into 0: "−0%" and "+0%" are the same change
  const value = (MINUS_SIGNS as readonly string[]).includes(g.sign ?? '') ? -n + 0 : n;
  const suffix = SUFFIX_KINDS.find((k) => g[k] !== undefined);
  if (g.prefix !== undefined)
    return suffix === undefined ? { kind: 'absolute', unit: 'money', amount: value } : null;
  switch (suffix) {
    case 'percent':
      return { kind: 'relative', percent: value };
    case 'points':
      return { kind: 'points', points: value };
    case 'leads':
    case 'money':
    case 'purchases':
      return { kind: 'absolute', unit: suffix, amount: value };
    default:
      return null;
  }
}

export type FitProblem = 'pointsNotConversion' | 'unitNotLever';
export type ImpactProblem = FitProblem | 'conversionAboveOne' | 'negativeFactor';

/**
 * Whether a change can apply to a lever at all: points move a conversion only (C, or a transition's
 * step), an amount only the lever counted in its unit (a step has none).
 */
export function fitProblem(lever: PlanLever, change: Change): FitProblem | null {
  if (lever === 'step') return change.kind === 'absolute' ? 'unitNotLever' : null;
  if (change.kind === 'points' && lever !== 'conversion') return 'pointsNotConversion';
  if (change.kind === 'absolute' && UNIT_OF_LEVER[lever] !== change.unit) return 'unitNotLever';
  return null;
}

/** The lever's value after the change. */
export function applyChange(now: number, change: Change): number {
  if (change.kind === 'relative') return now * (1 + change.percent / 100);
  if (change.kind === 'points') return now + change.points / 100;
  return now + change.amount;
}

/** Revenue after the change minus revenue now; or why the change cannot apply. */
export function impact(
  e: Economics,
  lever: Lever,
  change: Change,
): { delta: number } | { problem: ImpactProblem } {
  const unfit = fitProblem(lever, change);
  if (unfit) return { problem: unfit };
  const next = { ...e, [lever]: applyChange(e[lever], change) };
  if (lever === 'conversion' && next.conversion > 1) return { problem: 'conversionAboveOne' };
  if (next[lever] < 0) return { problem: 'negativeFactor' };
  return { delta: revenue(next) - revenue(e) };
}

/** One action of a plan as its revenue reads it: the lever it moves and by how much. */
export interface LeverChange {
  lever: Lever;
  change: Change;
}

/**
 * The levers after all of a plan's changes at once. On each lever the amounts (points of
 * conversion, leads, money, purchases) are added first, then the percentages are applied, each to
 * the lever as the amounts and the percentages before it left it. So "+2 pp" and "+10%" take
 * conversion 3% to 5% and then to 5.5%, and a "−5%" discount applies to a check already raised by
 * "+1000 ₽": the figure does not depend on the order the actions are typed or ranked in.
 */
export function applyTogether(e: Economics, changes: readonly LeverChange[]): Economics {
  const next = { ...e };
  for (const percentages of [false, true])
    for (const { lever, change } of changes)
      if ((change.kind === 'relative') === percentages)
        next[lever] = applyChange(next[lever], change);
  return next;
}

export type TogetherProblem = 'conversionAboveOne' | 'negativeFactor';

/**
 * Revenue after all of a plan's changes together (applyTogether) minus revenue now; or why the
 * levers they leave are impossible (conversion above 100%, a lever below 0). A change that cannot
 * apply even alone (its own impact has a problem) is left out: the plan shows why in its row.
 */
export function togetherImpact(
  e: Economics,
  changes: readonly LeverChange[],
): { delta: number } | { problem: TogetherProblem } {
  const fit = changes.filter(({ lever, change }) => 'delta' in impact(e, lever, change));
  const next = applyTogether(e, fit);
  if (next.conversion > 1) return { problem: 'conversionAboveOne' };
  if (LEVERS.some((l) => next[l] < 0)) return { problem: 'negativeFactor' };
  return { delta: revenue(next) - revenue(e) };
}

/**
 * Whether a typed change can be saved for the lever: blank, or readable and fit for it (any
 * readable change while no lever is chosen).
 */
export function changeFits(lever: string, change: string): boolean {
  if (!change.trim()) return true;
  const c = parseChange(change);
  if (!c) return false;
  const l = planLeverOf(lever);
  return l === null || fitProblem(l, c) === null;
}

// ---- writing changes ----

/** A number in full, so it reads back exactly: "1 234,5" (ru), "1,234.5" (en). */
function exactNumber(n: number, lang: Lang): string {
  const s = String(Math.abs(n));
  const decimal = lang === 'ru' ? ',' : '.';
  if (/e/i.test(s)) return s.replace('.', decimal);
  const [whole = '0', frac = ''] = s.split('.');
  const grouped = groupDigits(whole, lang);
  // "1,234" reads as a thousands group in either notation: a fourth decimal keeps it a fraction.
  const digits =
    lang === 'ru' && frac.length === 3 && whole.length <= 3 && whole !== '0' ? `${frac}0` : frac;
  return digits ? `${grouped}${decimal}${digits}` : grouped;
}

/**
 * The unit's forms in the catalogue's plural order (words/translate: en one|other, ru
 * one|few|many|other).
 */
const UNIT_WORD: Record<Lang, Record<'leads' | 'purchases', readonly string[]>> = {
  en: { leads: ['lead', 'leads'], purchases: ['purchase', 'purchases'] },
  ru: {
    leads: ['лид', 'лида', 'лидов', 'лида'],
    purchases: ['покупка', 'покупки', 'покупок', 'покупки'],
  },
};

/** The map's currency sign when none is given: ₽ for a Russian map, $ for an English one. */
export const defaultCurrency = (lang: Lang): string => (lang === 'ru' ? '₽' : '$');

/**
 * A change as a marketer of the language writes it; parseChange reads it back as the same change.
 */
export function formatChange(change: Change, lang: Lang, currency = defaultCurrency(lang)): string {
  const value =
    change.kind === 'relative'
      ? change.percent
      : change.kind === 'points'
        ? change.points
        : change.amount;
  const sign = value < 0 ? '-' : '+';
  const n = exactNumber(value, lang);
  if (change.kind === 'relative') return `${sign}${n}%`;
  if (change.kind === 'points') return `${sign}${n} ${lang === 'ru' ? 'п.п.' : 'pp'}`;
  if (change.unit === 'money') {
    const before = lang === 'en' && (MONEY_PREFIXES as readonly string[]).includes(currency);
    return before ? `${sign}${currency}${n}` : `${sign}${n} ${currency}`;
  }
  return `${sign}${n} ${pluralForm(lang, Math.abs(value), UNIT_WORD[lang][change.unit])}`;
}

/** The example amount of each form the messages show. */
const EXAMPLES: readonly Change[] = [
  { kind: 'relative', percent: 10 },
  { kind: 'points', points: 2 },
  { kind: 'absolute', unit: 'leads', amount: 300 },
  { kind: 'absolute', unit: 'money', amount: 1000 },
  { kind: 'absolute', unit: 'purchases', amount: 0.5 },
];

/**
 * The forms a change may take for a lever (all of them while no lever is chosen), one example each.
 */
export function changeForms(lang: Lang, lever: string | null, currency?: string): string[] {
  const l = lever === null ? null : planLeverOf(lever);
  return EXAMPLES.filter((c) => l === null || fitProblem(l, c) === null).map((c) =>
    formatChange(c, lang, currency),
  );
}

/**
 * The forms as a phrase of the language: "+10% or +0.5 purchases", "+10%, +2 п.п. или +300 лидов".
 */
export function changeFormsText(lang: Lang, lever: string | null, currency?: string): string {
  const forms = changeForms(lang, lever, currency);
  const last = forms.pop() ?? '';
  return forms.length ? `${forms.join(', ')} ${lang === 'ru' ? 'или' : 'or'} ${last}` : last;
}
