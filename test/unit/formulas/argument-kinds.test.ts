/**
 * How an argument of each kind is read (kinds.ts readArg): a number of customers, a share, money,
 * purchases per customer, a label, a language, TRUE/FALSE; and what a bad one is told, in full
 * (the #ERROR! of a single cell) and briefly (the ⚠ note of one element of a spilled range).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Argument } from '../../../src/formulas/grid';
import { readArg, type ParamKind } from '../../../src/formulas/kinds';

type Lang = 'en' | 'ru';
const call = (lang: Lang, fn = 'CJM_REVENUE') => ({ fn, lang });

/** The value read, or what the user is told: the full message and the brief note. */
const read = (
  lang: Lang,
  kind: ParamKind,
  name: string,
  value: Argument | undefined,
  fn?: string,
) => {
  try {
    return { value: readArg(call(lang, fn), { name, kind }, value) };
  } catch (e) {
    return { message: (e as Error).message, brief: (e as { brief: string }).brief };
  }
};

describe('a cell that shows an error of another cell', () => {
  const CODES = [
    '#N/A',
    '#DIV/0!',
    '#VALUE!',
    '#REF!',
    '#NAME?',
    '#NUM!',
    '#NULL!',
    '#ERROR!',
    '#SPILL!',
    '#CALC!',
  ];

  it.each(CODES)('%s: says to fix that cell first, not that it is text', (code) => {
    expect(read('en', 'count', 'leads', code)).toEqual({
      message: `CJM_REVENUE: leads is the error ${code} of another cell; fix that cell first`,
      brief: `⚠ ${code} in an input`,
    });
  });

  it('is recognised in any case and with spaces around, and named in capitals, in either language', () => {
    expect(read('en', 'money', 'avg_check', ' #value! ')).toEqual({
      message: 'CJM_REVENUE: avg_check is the error #VALUE! of another cell; fix that cell first',
      brief: '⚠ #VALUE! in an input',
    });
    expect(read('ru', 'share', 'conversion', '#div/0!')).toEqual({
      message:
        'CJM_REVENUE: в аргументе conversion ошибка #DIV/0! другой ячейки; сначала исправьте ту ячейку',
      brief: '⚠ #DIV/0! во входных данных',
    });
  });

  it('a text that only looks like one is text', () => {
    expect(read('en', 'count', 'leads', '#OOPS!').brief).toBe(
      '⚠ “#OOPS!” is text, not a number: type a number, without an apostrophe or spaces',
    );
  });
});

describe('numbers that are no amount', () => {
  it.each([
    [
      'count',
      'leads',
      Infinity,
      'must be a number of customers, 0 or more (e.g. 1000); got Infinity',
    ],
    [
      'money',
      'avg_check',
      Infinity,
      'must be an amount of money, 0 or more (e.g. 2000); got Infinity',
    ],
    [
      'count',
      'leads',
      -Infinity,
      'must be a number of customers, 0 or more (e.g. 1000); got -Infinity',
    ],
    ['share', 'conversion', Number.NaN, 'must be a share from 0 to 1 (5% or 0.05); got NaN'],
  ] as const)('%s %s = %s is not a number', (kind, name, value, rule) => {
    expect(read('en', kind, name, value)).toEqual({
      message: `CJM_REVENUE: ${name} ${rule}`,
      brief: '⚠ not a number',
    });
  });
});

describe('each kind says what it must be', () => {
  it.each([
    [
      'count',
      'leads',
      'must be a number of customers, 0 or more (e.g. 1000)',
      'должен быть числом клиентов, 0 или больше (например, 1000)',
    ],
    [
      'money',
      'avg_check',
      'must be an amount of money, 0 or more (e.g. 2000)',
      'должен быть суммой денег, 0 или больше (например, 2000)',
    ],
    [
      'factor',
      'purchases',
      'must be a number of purchases per customer, 0 or more (e.g. 1.5)',
      'должен быть числом покупок на клиента, 0 или больше (например, 1,5)',
    ],
  ] as const)('%s below 0: "%s …", less than 0', (kind, name, en, ru) => {
    expect(read('en', kind, name, -1)).toEqual({
      message: `CJM_REVENUE: ${name} ${en}; got -1`,
      brief: '⚠ less than 0',
    });
    expect(read('ru', kind, name, -1.5)).toEqual({
      message: `CJM_REVENUE: аргумент ${name} ${ru}; получено: -1,5`,
      brief: '⚠ меньше 0',
    });
  });
});

describe('a share out of 0 to 1', () => {
  const SHARE = 'conversion must be a share from 0 to 1 (5% or 0.05)';

  it('above 1 and up to 100 reads as a percentage typed without its sign: the fix is suggested', () => {
    expect(read('en', 'share', 'conversion', 1.5)).toEqual({
      message: `CJM_REVENUE: ${SHARE} (for 1.5 percent type 1.5% or 0.015); got 1.5`,
      brief: '⚠ more than 100%',
    });
    expect(read('en', 'share', 'conversion', 100).message).toBe(
      `CJM_REVENUE: ${SHARE} (for 100 percent type 100% or 1); got 100`,
    );
    expect(read('ru', 'share', 'conversion', 12.5).message).toBe(
      'CJM_REVENUE: аргумент conversion должен быть долей от 0 до 1 (5% или 0,05) (для 12,5 процентов введите 12,5% или 0,125); получено: 12,5',
    );
  });

  it('above 100, or below 0, is no percentage: no such hint', () => {
    expect(read('en', 'share', 'conversion', 100.5)).toEqual({
      message: `CJM_REVENUE: ${SHARE}; got 100.5`,
      brief: '⚠ more than 100%',
    });
    expect(read('en', 'share', 'conversion', -5)).toEqual({
      message: `CJM_REVENUE: ${SHARE}; got -5`,
      brief: '⚠ less than 0',
    });
  });

  it('any share from 0 to 1 reads as itself; any number above 1 is refused, with the hint up to 100 only', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (n) => {
        expect(read('en', 'share', 'conversion', n)).toEqual({ value: n });
      }),
      { seed: 42 },
    );
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1000, noNaN: true, minExcluded: true }), (n) => {
        const { message } = read('en', 'share', 'conversion', n);
        expect(message?.includes(' percent type ')).toBe(n <= 100);
      }),
      { seed: 42 },
    );
  });
});

describe('a label (text kind)', () => {
  it('is the text trimmed; a number as the language writes it, rounded to 9 decimals', () => {
    expect(read('en', 'text', 'stage', '  Paid ').value).toBe('Paid');
    expect(read('en', 'text', 'stage', 2.5).value).toBe('2.5');
    expect(read('ru', 'text', 'stage', 2.5).value).toBe('2,5');
    expect(read('en', 'text', 'stage', 0.1 + 0.2).value).toBe('0.3');
  });

  it('a blank, however it arrives, is empty', () => {
    for (const blank of ['', null, undefined])
      expect(read('en', 'text', 'stage', blank).value).toBe('');
  });
});

describe('the language argument', () => {
  const lang = (callLang: Lang, value: Argument | undefined) =>
    read(callLang, 'language', 'language', value, 'CJM_FUNNEL');

  it('omitted or blank, is the spreadsheet’s own', () => {
    for (const own of ['en', 'ru'] as const)
      for (const blank of [undefined, '', null]) expect(lang(own, blank).value).toBe(own);
  });

  it('"en" or "ru" in any case, spaces around', () => {
    expect(lang('en', ' RU ').value).toBe('ru');
    expect(lang('ru', 'En').value).toBe('en');
  });

  it('another language, or a range, is refused by name', () => {
    expect(lang('en', 'de').message).toBe('CJM_FUNNEL: language must be "en" or "ru"; got "de"');
    expect(lang('en', [['en']]).message).toBe(
      'CJM_FUNNEL: language must be "en" or "ru"; got "a range"',
    );
    expect(lang('ru', [['ru', 'en']]).message).toBe(
      'CJM_FUNNEL: аргумент language должен быть "en" или "ru"; получено: "a range"',
    );
  });
});

describe('a TRUE/FALSE flag', () => {
  const flag = (value: Argument | undefined) => read('en', 'flag', 'together', value, 'CJM_IMPACT');

  it('omitted, blank or FALSE is false; TRUE is true', () => {
    for (const no of [undefined, false, '', null]) expect(flag(no).value).toBe(false);
    expect(flag(true).value).toBe(true);
  });

  it('anything else is refused, naming what it got', () => {
    expect(flag('yes').message).toBe(
      'CJM_IMPACT: together must be TRUE (one more row under the actions: their impact all together) or FALSE; got "yes"',
    );
    expect(flag([[true, false]]).message).toMatch(/or FALSE; got 1×2$/);
  });
});
