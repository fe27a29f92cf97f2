/**
 * Which spreadsheet locales write a decimal comma, so that the add-on writes their formulas with
 * ";" between arguments: every locale Sheets offers, against CLDR (Intl, which Sheets' locales
 * follow) and against the survey of Sheets' formula syntax the list comes from; and the emulator,
 * which reads a locale with CLDR itself, agrees with the add-on in each.
 */
import { describe, expect, it } from 'vitest';
import { usesLocaleSyntax, separatorsFor } from '../../../../emulator/index';
import { decimalComma, SHEETS_LOCALES } from '../../../../src/core/map/sheets-locales';

/** The decimal sign CLDR gives a locale. */
const cldrDecimal = (locale: string) =>
  new Intl.NumberFormat(locale.replace('_', '-'))
    .formatToParts(1.5)
    .find((p) => p.type === 'decimal')?.value;

/**
 * The 28 locales the survey ("Locale differences in Google Sheets", Stack Overflow 73767719,
 * September 2022) found writing "," between a formula's arguments; the other 44 write ";".
 */
const COMMA_BETWEEN_ARGUMENTS = [
  'en_AU', // Australia
  'en_CA', // Canada (English)
  'zh_CN', // China
  'ar_EG', // Egypt
  'zh_HK', // Hong Kong
  'hi_IN', // India
  'bn_IN', // India (Bangla)
  'gu_IN', // India (Gujarati)
  'kn_IN', // India (Kannada)
  'ml_IN', // India (Malayalam)
  'mr_IN', // India (Marathi)
  'pa_IN', // India (Punjabi)
  'ta_IN', // India (Tamil)
  'te_IN', // India (Telugu)
  'en_IE', // Ireland
  'iw_IL', // Israel
  'ja_JP', // Japan
  'es_MX', // Mexico
  'mn_MN', // Mongolia
  'my_MM', // Myanmar (Burma)
  'fil_PH', // Philippines
  'ko_KR', // South Korea
  'de_CH', // Switzerland
  'zh_TW', // Taiwan
  'th_TH', // Thailand
  'en_GB', // United Kingdom
  'cy_GB', // United Kingdom (Welsh)
  'en_US', // United States
];

describe('the locales Sheets offers', () => {
  it('are the 72 of the survey, the 28 with "," between arguments among them', () => {
    expect(new Set(SHEETS_LOCALES).size).toBe(72);
    expect(SHEETS_LOCALES).toHaveLength(72);
    expect(SHEETS_LOCALES.filter((l) => COMMA_BETWEEN_ARGUMENTS.includes(l))).toHaveLength(28);
  });

  it('each writes a decimal comma exactly where CLDR gives it one', () => {
    const wrong = SHEETS_LOCALES.filter((l) => decimalComma(l) !== (cldrDecimal(l) === ','));
    expect(wrong).toEqual([]);
  });

  it('each gets the formula syntax Sheets shows it: ";" between arguments exactly where decimals take a comma', () => {
    const separator = (l: string) => (decimalComma(l) ? ';' : ',');
    const wrong = SHEETS_LOCALES.filter(
      (l) => separator(l) !== (COMMA_BETWEEN_ARGUMENTS.includes(l) ? ',' : ';'),
    );
    expect(wrong).toEqual([]);
    expect(['ru_RU', 'de_DE', 'es_ES', 'fr_FR', 'pt_BR', 'tr_TR'].map(decimalComma)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    // a language is not its locale: Spanish in Mexico and German in Switzerland write "1.5"
    expect(['es_MX', 'de_CH', 'en_US', 'ja_JP'].map(decimalComma)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('the emulator reads each as the add-on does: a decimal comma, and ";" syntax, in the same ones', () => {
    const disagree = SHEETS_LOCALES.filter(
      (l) =>
        (separatorsFor(l).decimal === ',') !== decimalComma(l) ||
        usesLocaleSyntax(l, 'locale') !== decimalComma(l),
    );
    expect(disagree).toEqual([]);
  });
});

describe('a locale outside the list', () => {
  it('is read by its country first, then its language, else as writing a point', () => {
    expect(decimalComma('es_US')).toBe(false); // as en_US
    expect(decimalComma('it_CH')).toBe(false); // as de_CH
    expect(decimalComma('fr_BE')).toBe(true); // no Belgian locale listed: as fr_FR
    expect(decimalComma('de_AT')).toBe(true); // as de_DE
    expect(decimalComma('ru')).toBe(true);
    expect(decimalComma('en')).toBe(false);
    expect(decimalComma('xx_YY')).toBe(false);
  });

  it("is found under Sheets' older language codes, in either spelling", () => {
    expect(decimalComma('id_ID')).toBe(true);
    expect(decimalComma('he-IL')).toBe(false);
    expect(decimalComma('nb_NO')).toBe(true);
    expect(decimalComma('RU-ru')).toBe(true);
  });

  it('the emulator reads es_US as CLDR does, as the add-on does', () => {
    expect(separatorsFor('es_US').decimal).toBe('.');
    expect(decimalComma('es_US')).toBe(false);
  });
});
