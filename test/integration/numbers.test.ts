/**
 * A map's money cells (average check, revenue) show the currency of the spreadsheet's locale,
 * as Sheets draws the map's number format: a Russian spreadsheet in rubles, a British one in
 * pounds, a German one in euros, a Kazakh one in tenge; a locale we do not know gets plain
 * money rather than a wrong currency.
 */
import { describe, expect, it } from 'vitest';
import { a1, ROW, SIDE_COL } from '../../src/core/map/layout';
import { openSpreadsheet } from '../support/addon';

const CASES = [
  { locale: 'en_US', lang: 'en', check: '$9,000', currency: '$' },
  { locale: 'en_GB', lang: 'en', check: '£9,000', currency: '£' },
  { locale: 'de_DE', lang: 'en', check: '9.000 €', currency: '€' },
  { locale: 'fr_FR', lang: 'en', check: /^9\s000 €$/, currency: '€' },
  { locale: 'ru_RU', lang: 'ru', check: /^9\s000 ₽$/, currency: '₽' },
  { locale: 'kk_KZ', lang: 'ru', check: /^9\s000 ₸$/, currency: '₸' },
  { locale: 'ja_JP', lang: 'en', check: '9,000.00', currency: null },
] as const;

describe('money in the locale of the spreadsheet', () => {
  it.each(CASES)(
    '$locale: the average check and the revenue are written in its currency',
    ({ locale, lang, check, currency }) => {
      const s = openSpreadsheet(locale);
      const sheet = s.newMap({ lang, locale, example: true });
      const cellOf = (row: number) => s.wb.range(sheet, a1(row, SIDE_COL));
      cellOf(ROW.avgCheck).setValue(9000);
      const shown = cellOf(ROW.avgCheck).getDisplayValue();
      if (typeof check === 'string') expect(shown).toBe(check);
      else expect(shown).toMatch(check);
      const revenue = cellOf(ROW.revenue).getDisplayValue();
      for (const other of ['$', '£', '€', '₽', '₸']) {
        if (other === currency) expect(revenue).toContain(other);
        else expect(revenue).not.toContain(other);
      }
    },
  );
});
