// Number separators per spreadsheet locale (the part of a locale the emulator needs).

export interface Separators {
  decimal: string;
  group: string;
}

const BY_LANGUAGE: Record<string, Separators> = {
  en: { decimal: '.', group: ',' },
  ru: { decimal: ',', group: ' ' },
  uk: { decimal: ',', group: ' ' },
  fr: { decimal: ',', group: ' ' },
  de: { decimal: ',', group: '.' },
  es: { decimal: ',', group: '.' },
  it: { decimal: ',', group: '.' },
  pt: { decimal: ',', group: '.' },
};

/**
 * The languages above as the emulator has always drawn them; any other locale as CLDR (which
 * Sheets' locales follow) writes it, e.g. kk_KZ "9 000,5". Spaces of any width read as one.
 */
export function separatorsFor(locale: string): Separators {
  const lang = locale.toLowerCase().split(/[_-]/)[0] ?? 'en';
  return BY_LANGUAGE[lang] ?? fromCldr(locale);
}

function fromCldr(locale: string): Separators {
  try {
    const parts = new Intl.NumberFormat(locale.replace('_', '-')).formatToParts(12345.5);
    const part = (type: string) => parts.find((p) => p.type === type)?.value.replace(/\s/g, ' ');
    return { decimal: part('decimal') ?? '.', group: part('group') ?? ',' };
  } catch {
    return { decimal: '.', group: ',' };
  }
}
