/**
 * Words of the plan and portfolio sheets' totals and links, in both languages. Kept here until
 * they move into the catalogue (core/words), which is being reworked meanwhile.
 */
import type { Lang } from '../words/i18n';

const WORDS = {
  en: {
    'plan.total': 'Total impact of the plan',
    'plan.revenueNow': 'Revenue now',
    'plan.revenueAfter': 'Revenue after the plan',
    'plan.openMap': 'Open the map',
    'portfolio.after': 'Revenue after the plan',
    'portfolio.total': 'Total',
  },
  ru: {
    'plan.total': 'Итого влияние плана',
    'plan.revenueNow': 'Выручка сейчас',
    'plan.revenueAfter': 'Выручка после плана',
    'plan.openMap': 'Открыть карту',
    'portfolio.after': 'Выручка после плана',
    'portfolio.total': 'Итого',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type SheetWord = keyof (typeof WORDS)['en'];

export function sheetWord(lang: Lang, key: SheetWord): string {
  return WORDS[lang][key];
}

/** The word in every language: a row we wrote is recognised whatever language wrote it. */
export function sheetWordAnyLang(key: SheetWord): string[] {
  return Object.values(WORDS).map((w) => w[key]);
}
