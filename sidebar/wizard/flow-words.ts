/**
 * The sidebar's words for following the active map, the map switcher and the step help, in
 * both languages. Kept here until they move into the catalogue (src/core/words/i18n-ui), which
 * is being reworked meanwhile.
 */
import type { Lang } from '../../src/contract';

const WORDS = {
  en: {
    'flow.offer': 'The sheet shows another map: {name}.',
    'flow.offerUnsaved': 'Your changes here are saved first.',
    'flow.switchTo': 'Switch to {name}',
    'flow.stay': 'Stay here',
    'flow.followed': 'Now on {name}, the map open in the sheet.',
    'flow.switcher': 'Map to work on',
    'flow.more': 'More',
    'flow.less': 'Less',
  },
  ru: {
    'flow.offer': 'В таблице открыта другая карта: {name}.',
    'flow.offerUnsaved': 'Ваши изменения здесь сначала сохранятся.',
    'flow.switchTo': 'Перейти к карте {name}',
    'flow.stay': 'Остаться здесь',
    'flow.followed': 'Показана карта {name} — та, что открыта в таблице.',
    'flow.switcher': 'Карта для работы',
    'flow.more': 'Подробнее',
    'flow.less': 'Свернуть',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type FlowWord = keyof (typeof WORDS)['en'];

export function flowWord(lang: Lang, key: FlowWord, vars: Record<string, string | number> = {}): string {
  return WORDS[lang][key].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
