/**
 * The locales a spreadsheet can have in Google Sheets (File > Settings > Locale), as
 * getSpreadsheetLocale() names them, by whether they write decimals with a comma. A locale that
 * writes "1,5" separates a formula's arguments with ";" (the decimal-comma syntax); the others
 * write "1.5" (Egypt "١٫٥") and separate arguments with ",".
 *
 * Google publishes no list. The locales are the 72 Sheets offered in September 2022, as surveyed
 * in "Locale differences in Google Sheets" (Stack Overflow question 73767719), named with the
 * codes getSpreadsheetLocale() returns (Java's older language codes: "in" for Indonesian, "iw" for
 * Hebrew, "no" for Norwegian Bokmål). Which of them write a decimal comma is CLDR's answer, as
 * `Intl.NumberFormat(locale).formatToParts(1.5)` gives it, which matches Sheets in all 72: the
 * survey's 28 locales with "," between arguments are exactly the others
 * (test/unit/sheets-locales.test.ts checks both). Each language's home locale comes first.
 */
const DECIMAL_COMMA = [
  'az_AZ be_BY bg_BG ca_ES cs_CZ da_DK de_DE el_GR es_ES es_AR es_BO es_CL es_CO es_EC es_PY',
  'es_UY es_VE fi_FI fr_FR fr_CA hr_HR hu_HU hy_AM in_ID it_IT ka_GE kk_KZ lt_LT lv_LV nl_NL',
  'nn_NO no_NO pl_PL pt_PT pt_BR ro_RO ru_RU sk_SK sl_SI sr_RS sv_SE tr_TR uk_UA vi_VN',
]
  .join(' ')
  .split(' ');

const DECIMAL_POINT = [
  'ar_EG bn_IN cy_GB de_CH en_US en_AU en_CA en_GB en_IE es_MX fil_PH gu_IN hi_IN iw_IL ja_JP',
  'kn_IN ko_KR ml_IN mn_MN mr_IN my_MM pa_IN ta_IN te_IN th_TH zh_CN zh_HK zh_TW',
]
  .join(' ')
  .split(' ');

/** Every locale Sheets offers, those that write a decimal comma first. */
export const SHEETS_LOCALES: readonly string[] = [...DECIMAL_COMMA, ...DECIMAL_POINT];

/** Today's language codes where Sheets (like Java) keeps the older ones. */
const OLDER_CODE: Readonly<Record<string, string>> = { id: 'in', he: 'iw', nb: 'no' };

/**
 * Whether a spreadsheet locale writes decimals with a comma. A locale not in the list (one Sheets
 * has added since, or a bare language such as "ru") is read as the first listed locale of its
 * country, since decimals follow the country more than the language (es_US as en_US); else of its
 * language (de_AT as de_DE, "ru" as ru_RU); else as writing a point, as en_US does.
 */
export function decimalComma(locale: string): boolean {
  const [first = '', second = ''] = locale.split(/[_-]/);
  const language = OLDER_CODE[first.toLowerCase()] ?? first.toLowerCase();
  const country = second.toUpperCase();
  const code =
    SHEETS_LOCALES.find((l) => l === `${language}_${country}`) ??
    (country ? SHEETS_LOCALES.find((l) => l.endsWith(`_${country}`)) : undefined) ??
    SHEETS_LOCALES.find((l) => l.startsWith(`${language}_`));
  return code !== undefined && DECIMAL_COMMA.includes(code);
}
