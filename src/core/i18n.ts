/**
 * The one RU/EN catalogue of user-facing words. `ru` is typed against `en`, so a
 * string added in one language and forgotten in the other fails the type check.
 */

export type Lang = 'en' | 'ru';
export const LANGS: readonly Lang[] = ['en', 'ru'];

/** A spreadsheet or user locale ("ru_RU", "en_US", "ru") to the map language. */
export function languageOf(locale: string | null | undefined): Lang {
  return /^(ru|be|uk|kk)/i.test(locale ?? '') ? 'ru' : 'en';
}

const en = {
  'addon.name': 'CJM',
  'menu.wizard': 'Open the wizard',
  'menu.newMap': 'New map…',
  'menu.addStage': 'Add stage',
  'menu.removeStage': 'Remove stage',
  'menu.moveLeft': 'Move stage left',
  'menu.moveRight': 'Move stage right',
  'menu.rename': 'Rename the map…',
  'menu.portfolio': 'Portfolio',
  'menu.formulaHelp': 'Formula help',
  'help.title': 'CJM formulas',
  'help.intro': 'Type these in any cell. Each argument can be a cell or a range; a range in gives a range out.',
  'help.params': 'Arguments',
  'help.returns': 'Returns',
  'help.examples': 'Examples',
  'help.optional': 'optional',
  'help.given': 'Given',
  'help.copy': 'Copy',
  'help.copied': 'Copied',
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;

const ru: Catalogue = {
  'addon.name': 'CJM',
  'menu.wizard': 'Открыть мастер',
  'menu.newMap': 'Новая карта…',
  'menu.addStage': 'Добавить этап',
  'menu.removeStage': 'Удалить этап',
  'menu.moveLeft': 'Сдвинуть этап влево',
  'menu.moveRight': 'Сдвинуть этап вправо',
  'menu.rename': 'Переименовать карту…',
  'menu.portfolio': 'Портфель карт',
  'menu.formulaHelp': 'Справка по формулам',
  'help.title': 'Формулы CJM',
  'help.intro': 'Вводите их в любой ячейке. Аргумент — ячейка или диапазон; диапазон на входе даёт диапазон на выходе.',
  'help.params': 'Аргументы',
  'help.returns': 'Результат',
  'help.examples': 'Примеры',
  'help.optional': 'необязательный',
  'help.given': 'Дано',
  'help.copy': 'Копировать',
  'help.copied': 'Скопировано',
};

export const CATALOGUE: Record<Lang, Catalogue> = { en, ru };

/** The message for `key`, with {name} placeholders filled from `vars`. */
export function t(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return CATALOGUE[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
