/**
 * Russian first, in the pure parts: plural forms from Intl.PluralRules, one number parser and
 * formatter for the server and the sidebar, real dates in the map, the map marker in the map's
 * language (and the old English one still read).
 */
import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatFactor,
  formatMoney,
  formatNumber,
  formatShare,
  parseNumber,
} from '../../../../src/core/funnel/numbers';
import {
  cellDate,
  dateFormatHint,
  dateToIso,
  DATE_FORMAT,
  formatDate,
  isoToSerial,
  parseDate,
  serialToIso,
} from '../../../../src/core/map/dates';
import { exampleJourney } from '../../../../src/core/map/example';
import type { Journey } from '../../../../src/core/map/journey';
import { footerMarker, parseFooter, ROW, SIDE_COL } from '../../../../src/core/map/layout';
import { readJourney } from '../../../../src/core/map/read-map';
import { planMap } from '../../../../src/core/map/template';
import { computeMetrics } from '../../../../src/core/map/metrics';
import { presetJourney } from '../../../support/journeys';
import { datedCells, fieldSheetValue } from '../../../../src/core/wizard/fields';
import { deadlineCell, readActions } from '../../../../src/core/wizard/action-plan';
import { checkStepValues } from '../../../../src/core/wizard/step-values';
import { CATALOGUE, LANGS, t } from '../../../../src/core/words/i18n';
import { t as tUi } from '../../../../src/core/words/i18n-ui';
import { pluralCategory, pluralForm, translate } from '../../../../src/core/words/translate';
import {
  formatCell,
  formatCount as sidebarCount,
  formatFactor as sidebarFactor,
  formatMoney as sidebarMoney,
  formatNumber as sidebarNumber,
  formatShare as sidebarShare,
} from '../../../../sidebar/wizard/format';
import { fromInput, parseNumber as sidebarParse } from '../../../../sidebar/wizard/values';

const newExampleJourney = (lang: 'en' | 'ru', id: string): Journey => ({
  ...exampleJourney(lang),
  id,
});

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

describe('one number parser and formatter for the server and the sidebar', () => {
  it('reads "1,500" as the sheet of the language does: 1.5 in Russian, 1500 in English', () => {
    expect(parseNumber('1,500', 'ru')).toBe(1.5);
    expect(parseNumber('1,500', 'en')).toBe(1500);
    expect(parseNumber('1,500')).toBe(1500); // without a language: a thousands group
    expect(sidebarParse('1,500', 'ru')).toBe(1.5);
    expect(sidebarParse('1,500', 'en')).toBe(1500);
    expect(fromInput('1,500', 'number', 'ru')).toBe(1.5);
  });

  it('agrees with the sidebar on every input, in both languages', () => {
    const inputs = [
      '1 200,50',
      '1,200.50',
      '1.200,50',
      '1200',
      '1,5',
      '1,200',
      '12,5',
      '₽ 2 000',
      '2 000 руб.',
      '$1,999.99',
      '-3',
      '1e3',
      'abc',
      '1,2,3',
      '',
      '1\u00a0000,5',
    ];
    for (const lang of LANGS)
      for (const text of inputs)
        expect(sidebarParse(text, lang), `${lang} ${text}`).toBe(parseNumber(text, lang));
  });

  it('shows figures as the map cells do: grouped with no-break spaces, percent without a space', () => {
    expect(formatNumber(1500, 'ru')).toBe('1\u00a0500');
    expect(formatNumber(4680000.5, 'ru')).toBe('4\u00a0680\u00a0000,5');
    expect(formatNumber(4680000.5, 'en')).toBe('4,680,000.5');
    expect(formatNumber(100, 'en', 0)).toBe('100');
    expect(formatNumber(-0.001, 'en')).toBe('0');
    expect(formatShare(0.125, 'ru')).toBe('12,5%');
    // "0.0%" keeps its one decimal: 6,0% as the sheet shows it, not 6%
    expect(formatShare(0.06, 'ru')).toBe('6,0%');
    expect(formatShare(0.06, 'en')).toBe('6.0%');
    expect(formatShare(0.2417, 'ru')).toBe('24,2%');
    expect(formatShare(1, 'en')).toBe('100.0%');
    // "0.0#": one decimal at least, two at most
    expect(formatFactor(3, 'ru')).toBe('3,0');
    expect(formatFactor(2.5, 'ru')).toBe('2,5');
    expect(formatFactor(1.25, 'en')).toBe('1.25');
    expect(formatFactor(1.256, 'en')).toBe('1.26');
    expect(formatFactor(1234, 'en')).toBe('1,234.0');
    // "#,##0": whole and grouped
    expect(formatCount(1200, 'ru')).toBe('1\u00a0200');
    expect(formatCount(1199.6, 'en')).toBe('1,200');
    expect(formatMoney(4680000.4, 'ru', { symbol: '₽', before: false })).toBe(
      '4\u00a0680\u00a0000\u00a0₽',
    );
    expect(formatMoney(300000, 'en', { symbol: '$', before: true })).toBe('$300,000');
    expect(formatMoney(-5, 'en', { symbol: '$', before: true })).toBe('-$5');
  });

  it('is what the sidebar shows: its formatter is the core one', () => {
    for (const n of [0, 1500, 1234.5, 4680000.5, -12.25]) {
      for (const lang of LANGS) {
        expect(sidebarNumber(lang, n)).toBe(formatNumber(n, lang));
        expect(sidebarShare(lang, n / 1e7)).toBe(formatShare(n / 1e7, lang));
        expect(sidebarMoney(lang, n)).toBe(formatMoney(n, lang));
        expect(sidebarCount(lang, n)).toBe(formatCount(n, lang));
        expect(sidebarFactor(lang, n)).toBe(formatFactor(n, lang));
      }
    }
    expect(formatCell(1500, 'number', 'ru')).toBe('1\u00a0500');
    expect(formatCell('2026-05-15', 'date', 'ru')).toBe('15.05.2026');
    expect(formatCell('2026-05-15', 'date', 'en')).toBe('2026-05-15');
  });
});

describe('dates', () => {
  it('are read as typed (ISO, or day first with dots) and shown per language', () => {
    expect(parseDate('15.05.2026')).toBe('2026-05-15');
    expect(parseDate('5.5.2026')).toBe('2026-05-05');
    expect(parseDate('2026-05-15')).toBe('2026-05-15');
    expect(parseDate('31.02.2026')).toBeNull();
    expect(parseDate('next spring')).toBeNull();
    expect(formatDate('2026-05-15', 'ru')).toBe('15.05.2026');
    expect(formatDate('2026-05-15', 'en')).toBe('2026-05-15');
    expect(dateFormatHint('ru')).toEqual({ format: 'ДД.ММ.ГГГГ', example: '15.05.2026' });
  });

  it('are date serials in the sheet, and come back as the same day', () => {
    expect(isoToSerial('1900-01-01')).toBe(2);
    expect(isoToSerial('2026-05-15')).toBe(46157);
    expect(serialToIso(46157)).toBe('2026-05-15');
    expect(serialToIso(46157.75)).toBe('2026-05-15');
    // midnight of 15 May in Moscow is 21:00 UTC the day before; in Auckland, noon the day before
    const moscow = new Date(Date.UTC(2026, 4, 14, 21));
    const auckland = new Date(Date.UTC(2026, 4, 14, 12));
    expect(dateToIso(moscow, 'Europe/Moscow')).toBe('2026-05-15');
    expect(dateToIso(moscow)).toBe('2026-05-15');
    expect(dateToIso(auckland, 'Pacific/Auckland')).toBe('2026-05-15');
    expect(dateToIso(new Date(Date.UTC(2026, 4, 15, 10)), 'Pacific/Honolulu')).toBe('2026-05-15');
  });

  it("are planned as real dates with the language's date format; other text stays text", () => {
    const j = newExampleJourney('ru', 'ABCD12');
    const plan = planMap(j, { sheetName: 'x', locale: 'ru_RU' });
    const reviewed = plan.cells[ROW.reviewed - 1]![SIDE_COL - 1]!;
    expect(reviewed).toMatchObject({
      value: isoToSerial(String(j.title.reviewed)),
      numberFormat: DATE_FORMAT.ru,
    });
    const later = planMap(
      { ...j, title: { ...j.title, nextReview: 'после запуска' } },
      { sheetName: 'x', locale: 'ru_RU' },
    );
    expect(later.cells[ROW.nextReview - 1]![SIDE_COL - 1]!.value).toBe('после запуска');
    expect(
      planMap(newExampleJourney('en', 'ABCD12'), { sheetName: 'x', locale: 'en_US' }).cells[
        ROW.reviewed - 1
      ]![SIDE_COL - 1]!.numberFormat,
    ).toBe('yyyy-mm-dd');
  });

  it("are a plan's deadlines too: written as serials, read back as ISO from a Date or typed text; other text as typed", () => {
    expect(deadlineCell('2026-06-30')).toEqual({ number: isoToSerial('2026-06-30') });
    expect(deadlineCell('15.06.2026')).toEqual({ number: isoToSerial('2026-06-15') });
    expect(deadlineCell('после запуска')).toEqual({ text: 'после запуска' });
    expect(deadlineCell('')).toEqual({ text: '' });
    expect(deadlineCell('31.02.2026')).toEqual({ text: '31.02.2026' });
    const row = (deadline: unknown) => [
      '1',
      'Рассрочка',
      '',
      'C',
      '+2 п.п.',
      'Оля',
      deadline,
      '',
      1000,
    ];
    const header = [
      'Место',
      'Действие',
      'Этап',
      'Рычаг',
      'Изменение',
      'Ответственный',
      'Срок',
      'Статус',
      'Влияние',
    ];
    const read = (deadline: unknown, zone?: string) =>
      readActions([[''], [''], header, row(deadline)], 3, () => zone)[0]?.deadline;
    expect(read(new Date(Date.UTC(2026, 5, 14, 21)), 'Europe/Moscow')).toBe('2026-06-15');
    expect(read(new Date(Date.UTC(2026, 5, 14, 12)), 'Pacific/Auckland')).toBe('2026-06-15');
    expect(read('15.06.2026')).toBe('2026-06-15');
    expect(read(' 2026-06-15 ')).toBe('2026-06-15');
    // a number is in a cell that shows a number (a date cell hands over a Date): it stays that
    // number
    expect(read(46188)).toBe('46188');
    expect(read('  конец квартала ')).toBe('конец квартала');
    expect(read('')).toBe('');
    // the time zone is asked for only when a Date is met
    let asked = 0;
    readActions([[''], [''], header, row('15.06.2026')], 3, () => {
      asked++;
      return 'Europe/Moscow';
    });
    expect(asked).toBe(0);
    expect(cellDate(true, () => undefined)).toBeNull();
  });

  it("are read back as ISO days from a Date, a serial or dated text, in the spreadsheet's time zone", () => {
    const j = newExampleJourney('ru', 'ABCD12');
    const plan = planMap(j, { sheetName: 'x', locale: 'ru_RU' });
    const values: unknown[][] = plan.cells.map((row) => row.map((c) => (c.formula ? '' : c.value)));
    values[ROW.reviewed - 1]![SIDE_COL - 1] = new Date(Date.UTC(2026, 4, 14, 21)); // 15 May, Moscow
    values[ROW.nextReview - 1]![SIDE_COL - 1] = '01.09.2026';
    const read = readJourney(values, () => 'Europe/Moscow');
    expect(read.ok && read.journey.title).toMatchObject({
      reviewed: '2026-05-15',
      nextReview: '2026-09-01',
    });
    values[ROW.reviewed - 1]![SIDE_COL - 1] = 46157;
    values[ROW.nextReview - 1]![SIDE_COL - 1] = 'после запуска';
    const again = readJourney(values);
    expect(again.ok && again.journey.title).toMatchObject({
      reviewed: '2026-05-15',
      nextReview: 'после запуска',
    });
  });

  it('typed in the wizard as the language writes them are checked, kept as ISO and written as serials', () => {
    const j = newExampleJourney('ru', 'ABCD12');
    const ok = checkStepValues(
      'present',
      j,
      { 'side.reviewed': '15.05.2026', 'side.nextReview': '2026-09-01' },
      'ru',
    );
    expect(ok).toEqual({
      ok: true,
      values: { 'side.reviewed': '2026-05-15', 'side.nextReview': '2026-09-01' },
    });
    const bad = checkStepValues('present', j, { 'side.reviewed': '15/05/26' }, 'ru');
    expect(bad).toEqual({
      ok: false,
      fieldErrors: { 'side.reviewed': 'Введите дату в виде ДД.ММ.ГГГГ, например 15.05.2026.' },
    });
    expect(fieldSheetValue('side.reviewed', '2026-05-15')).toBe(46157);
    expect(fieldSheetValue('side.owner', '2026-05-15')).toBe('2026-05-15');
    expect(datedCells({ 'side.reviewed': '2026-05-15', 'side.owner': 'Анна' }, 'ru')).toEqual({
      a1s: [`B${ROW.reviewed}`],
      format: 'dd.mm.yyyy',
    });
    expect(datedCells({ 'side.owner': 'Анна' }, 'ru')).toBeNull();
  });
});

describe('the map marker', () => {
  it("is in the map's language, and both languages and the old English form are read", () => {
    expect(footerMarker('K7P2QX', 'ru')).toBe('Карта CJM K7P2QX · шаблон v2');
    expect(footerMarker('K7P2QX', 'en')).toBe('CJM map K7P2QX · template v2');
    expect(parseFooter('Карта CJM K7P2QX · шаблон v2')).toEqual({ id: 'K7P2QX', version: 2 });
    expect(parseFooter('CJM map K7P2QX · template v1')).toEqual({ id: 'K7P2QX', version: 1 });
    expect(parseFooter('Карта CJM k7 · шаблон v2')).toBeNull();
    const ru = planMap(newExampleJourney('ru', 'ABCD12'), { sheetName: 'x', locale: 'ru_RU' });
    expect(ru.cells[ROW.footer - 1]![0]!.value).toBe('Карта CJM ABCD12 · шаблон v2');
  });
});
