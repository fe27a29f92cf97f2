// Number separators per spreadsheet locale (the part of a locale the emulator needs).

export interface Separators {
  decimal: string;
  group: string;
}

/**
 * A locale's separators as CLDR (which Sheets' locales follow) writes them, e.g. kk_KZ "9 000,5",
 * es_MX "9,000.5", de_CH "9'000.5". Spaces of any width read as one. The add-on keeps its own
 * table of the locales Sheets offers (src/core/map/sheets-locales); a unit test holds the two to
 * the same decimal sign in every one of them.
 */
export function separatorsFor(locale: string): Separators {
  try {
    const parts = new Intl.NumberFormat(locale.replace('_', '-')).formatToParts(12345.5);
    const part = (type: string) => parts.find((p) => p.type === type)?.value.replace(/\s/g, ' ');
    return { decimal: part('decimal') ?? '.', group: part('group') ?? ',' };
  } catch {
    return { decimal: '.', group: ',' };
  }
}
