/**
 * Numbers in a map, through the built add-on: the money cells (average check, revenue) show the
 * currency of the spreadsheet's locale, as Sheets draws the map's number format (a Russian
 * spreadsheet in rubles, a British one in pounds, a German one in euros, a Kazakh one in tenge; a
 * locale we do not know gets plain money rather than a wrong currency); numbers typed in the
 * wizard are read as the map's language reads them; the sidebar's figures are what the cells show.
 */
import { describe, expect, it } from 'vitest';
import type { SaveResult, WizardState } from '../../src/contract';
import { formatCount, formatFactor, formatMoney, formatShare } from '../../src/core/funnel/numbers';
import { currencyOf } from '../../src/core/map/formats';
import { a1, ROW, SIDE_COL } from '../../src/core/map/layout';
import { openSpreadsheet } from '../support/addon';
import { openExampleMap } from '../support/example-map';

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

describe('numbers are read as the map language reads them', () => {
  it('"1 500,5" and "1,500" in a Russian map are what a ru_RU sheet makes of them', () => {
    const { mapId, call, load, wb, sheetName: sheet } = openExampleMap();
    const view = load('kpis').view!;
    const saved = call<SaveResult>('saveStep', {
      mapId,
      step: 'kpis',
      values: { ...view.values, 'side.avgCheck': '1 500,5', 'side.purchases': '1,500' },
      base: view.values,
      stages: view.stages,
    });
    expect(saved.ok).toBe(true);
    expect(wb.value(sheet, `B${ROW.avgCheck}`)).toBe(1500.5);
    expect(wb.value(sheet, `B${ROW.purchases}`)).toBe(1.5);
  });
});

describe("the sidebar's figures are what the sheet shows", () => {
  // the worked example: L 2 000, C 6%, Q 1,3 and a check of 30 000 ₽ (ru) or $450 (en), so revenue
  // 2 000 × 6% × 1,3 = 156 checks: 4 680 000 ₽ and $70,200
  it.each([
    ['ru_RU', ['2 000', '6,0%', '30 000 ₽', '1,3', '4 680 000 ₽']],
    ['en_US', ['2,000', '6.0%', '$450', '1.3', '$70,200']],
  ] as const)(
    "leads, conversion, check, purchases and revenue, formatted by the one formatter, match the map's cells (%s)",
    (locale, figures) => {
      const { wb, sheetName, call, mapId, lang } = openExampleMap(locale);
      const m = call<WizardState>('loadStep', { mapId, step: 'kpis' }).view!.metrics;
      const same = (s: string) => s.replace(/[\s\u00a0\u202f]/g, ' ');
      const keys = ['leads', 'conversion', 'avgCheck', 'purchases', 'revenue'] as const;
      expect(keys.map((key) => same(wb.display(sheetName, a1(ROW[key], SIDE_COL))))).toEqual(
        figures,
      );
      const currency = currencyOf(locale);
      expect(
        [
          formatCount(m.leads!, lang),
          formatShare(m.conversion!, lang),
          formatMoney(m.avgCheck!, lang, currency),
          formatFactor(m.purchases!, lang),
          formatMoney(m.revenue!, lang, currency),
        ].map(same),
      ).toEqual(figures);
    },
  );
});
