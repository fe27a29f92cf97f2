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

export function separatorsFor(locale: string): Separators {
  const lang = locale.toLowerCase().split(/[_-]/)[0] ?? 'en';
  return BY_LANGUAGE[lang] ?? { decimal: '.', group: ',' };
}
