/**
 * Plural forms in both languages: taken from Intl.PluralRules, picked by a {n|…} placeholder, and
 * every count message of the catalogue agreeing with its number.
 */
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../../src/core/map/metrics';
import { CATALOGUE, LANGS, t } from '../../../../src/core/words/i18n';
import { t as tUi } from '../../../../src/core/words/i18n-ui';
import {
  pluralCategory,
  pluralForm,
  ruleByHand,
  translate,
} from '../../../../src/core/words/translate';
import { presetJourney } from '../../../support/journeys';

describe('plural forms', () => {
  it('come from Intl.PluralRules: one, few, many in Russian; one, other in English', () => {
    expect([1, 2, 5, 11, 21, 22, 25, 101, 111, 1.5].map((n) => pluralCategory('ru', n))).toEqual([
      'one',
      'few',
      'many',
      'many',
      'one',
      'few',
      'many',
      'one',
      'many',
      'other',
    ]);
    expect([0, 1, 2, 1.5].map((n) => pluralCategory('en', n))).toEqual([
      'other',
      'one',
      'other',
      'other',
    ]);
  });

  it('by hand, where a runtime has no Intl.PluralRules, they are the same as Intl gives', () => {
    const ns = [...Array.from({ length: 1201 }, (_, i) => i), -1, -2, -5, -11, -21, 0.5, 1.5, 2.25];
    for (const lang of ['en', 'ru'] as const) {
      const intl = new Intl.PluralRules(lang);
      const differ = ns.filter((n) => ruleByHand(lang, n) !== intl.select(n));
      expect(differ, lang).toEqual([]);
    }
  });

  it('pick the form of a {n|…} placeholder; a fraction takes the "few" form in Russian', () => {
    const cells = ['ячейка', 'ячейки', 'ячеек'];
    expect([1, 2, 5, 21, 1.5].map((n) => pluralForm('ru', n, cells))).toEqual([
      'ячейка',
      'ячейки',
      'ячеек',
      'ячейка',
      'ячейки',
    ]);
    const cat = { k: '{n} {n|заполненная ячейка|заполненных ячейки|заполненных ячеек}' };
    expect(translate(cat, 'k', { n: 2 }, 'ru')).toBe('2 заполненных ячейки');
    expect(translate(cat, 'k', { n: '1\u00a0500' }, 'ru')).toBe('1\u00a0500 заполненных ячеек');
  });

  it('read a count given as text the way the map writes it, and leave a placeholder without its variable as it is', () => {
    const cat = { k: '{n} {n|день|дня|дней}, {who}' };
    // "1,5" is one and a half: Russian "other", which takes the "few" form
    expect(translate(cat, 'k', { n: '1,5', who: 'Оля' }, 'ru')).toBe('1,5 дня, Оля');
    expect(translate(cat, 'k', { n: '1 021', who: '' }, 'ru')).toBe('1 021 день, ');
    // not a number: counted as 0, "many"
    expect(translate(cat, 'k', { n: 'n/a' }, 'ru')).toBe('n/a дней, {who}');
    // fewer forms than the language has: the last one given stands in
    expect(translate({ k: '{n|cell}' }, 'k', { n: 2 }, 'en')).toBe('cell');
    expect(translate({ k: '{n|ячейка|ячейки}' }, 'k', { n: 5 }, 'ru')).toBe('ячейки');
  });

  it('make the removal question agree with its count in both languages', () => {
    expect(t('ru', 'confirm.removeBody', { n: 1 })).toBe(
      'В нём 1 заполненная ячейка. Она будет удалена вместе с этапом.',
    );
    expect(t('ru', 'confirm.removeBody', { n: 2 })).toBe(
      'В нём 2 заполненных ячейки. Они будут удалены вместе с этапом.',
    );
    expect(t('ru', 'confirm.removeBody', { n: 5 })).toBe(
      'В нём 5 заполненных ячеек. Они будут удалены вместе с этапом.',
    );
    expect(t('ru', 'confirm.removeBody', { n: 22 })).toContain('22 заполненных ячейки');
    expect(t('en', 'confirm.removeBody', { n: 1 })).toBe(
      'It holds 1 filled cell. It will be deleted with the stage.',
    );
    expect(t('en', 'confirm.removeBody', { n: 3 })).toBe(
      'It holds 3 filled cells. They will be deleted with the stage.',
    );
  });

  it('make every other count message agree too', () => {
    expect(t('ru', 'portfolio.skippedDeleted', { n: 1, ids: 'AB12' })).toBe(
      'Пропущена 1 карта: её лист удалён (AB12).',
    );
    expect(t('ru', 'portfolio.skippedDeleted', { n: 3, ids: 'A, B, C' })).toBe(
      'Пропущены 3 карты: их листы удалены (A, B, C).',
    );
    expect(t('ru', 'portfolio.skippedDeleted', { n: 5, ids: '…' })).toMatch(/^Пропущено 5 карт: /);
    expect(t('en', 'portfolio.skippedDeleted', { n: 2, ids: 'A, B' })).toBe(
      '2 maps were left out because their sheets were deleted (A, B).',
    );
    expect(t('ru', 'portfolio.skippedRows', { n: 1 })).toMatch(/^Её строка остаётся/);
    expect(t('ru', 'err.minStages', { n: 2 })).toContain('не меньше 2 этапов');
    expect(t('ru', 'err.maxStages', { n: 41 })).toContain('не больше 41 этапа');
    expect(t('ru', 'field.tooLong', { n: 80 })).toBe('Не больше 80 символов.');
    expect(t('en', 'field.tooLong', { n: 1 })).toBe('At most 1 character.');
    expect(t('ru', 'metrics.moreThanPrevious', { stage: 'Покупка', n: 3, prev: 2 })).toMatch(
      /^Покупка: 3 клиента — больше/,
    );
  });

  it("write the counts in the sidebar's messages as the map's cells do, the plural agreeing with the number", () => {
    const j = presetJourney('ru');
    [5000, 330, 1200, '', '', ''].forEach((n, i) => {
      j.stages[i]!.customers = n;
    });
    const [problem] = computeMetrics(j).errors;
    expect(problem).toBe(
      `${j.stages[2]!.name}: 1\u00a0200 клиентов — больше, чем 330 на предыдущем этапе; проверьте числа или порядок этапов`,
    );
    const en = presetJourney('en');
    [5000, 330, 1201, '', '', ''].forEach((n, i) => {
      en.stages[i]!.customers = n;
    });
    expect(computeMetrics(en).errors[0]).toMatch(
      /: 1,201 customers is more than the 330 of the stage before it/,
    );
  });

  it('leave no placeholder unfilled and no bare count-noun pair in either catalogue', () => {
    for (const lang of LANGS) {
      for (const [key, text] of Object.entries(CATALOGUE[lang])) {
        // every {n|…} lists the forms its language has
        for (const m of text.matchAll(/\{(\w+)((?:\|[^|{}]*)+)\}/g)) {
          expect(m[2]!.split('|').length - 1, `${lang} ${key}`).toBeGreaterThanOrEqual(
            lang === 'ru' ? 3 : 2,
          );
        }
      }
    }
    expect(tUi('ru', 'wizard.progress', { n: 2, total: 10 })).toBe('Шаг 2 из 10');
  });
});
