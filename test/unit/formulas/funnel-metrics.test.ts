/**
 * CJM_FUNNEL and CJM_BOTTLENECK: how they read stage counts, labels and targets, what they say
 * when they cannot judge a transition, and whether their help (the sidebar's text and examples)
 * says what they do.
 */
import { describe, expect, it } from 'vitest';
import { CJM_BOTTLENECK } from '../../../src/formulas/bottleneck';
import { CJM_FUNNEL } from '../../../src/formulas/funnel';
import type { Argument, CellValue } from '../../../src/formulas/grid';
import type { FormulaSpec } from '../../../src/formulas/spec';

const col = (...v: CellValue[]) => v.map((x) => [x]);
const row = (...v: CellValue[]) => [v];
const en = (f: FormulaSpec, ...args: Argument[]) => f.evaluate('en', args);
const ru = (f: FormulaSpec, ...args: Argument[]) => f.evaluate('ru', args);

const HEADERS = {
  en: ['Stage', 'Customers', 'Step conversion', 'Overall conversion', 'Drop-off'],
  ru: ['Этап', 'Клиенты', 'Конверсия шага', 'Общая конверсия', 'Отток'],
};
const CYRILLIC = /[а-яё]/i;

describe('CJM_FUNNEL reads its counts', () => {
  it('with no counts given yet, shows the header and one blank stage, not an error', () => {
    expect(en(CJM_FUNNEL)).toEqual([HEADERS.en, ['Stage 1', '', '', '', '']]);
    expect(ru(CJM_FUNNEL)).toEqual([HEADERS.ru, ['Этап 1', '', '', '', '']]);
  });

  it('labels in a column longer than the counts column are an error naming both shapes', () => {
    expect(() => en(CJM_FUNNEL, col(100, 50), col('Visit', 'Cart', 'Order'))).toThrow(
      'CJM_FUNNEL: labels and counts must be ranges of the same shape, one label per stage; labels is 3×1 and counts is 2×1 (for counts in B2:D2 give B1:D1, not one cell more or less)',
    );
    expect(() => ru(CJM_FUNNEL, col(100, 50, 10), col('Визит', 'Корзина'))).toThrow(
      'CJM_FUNNEL: labels и counts должны быть диапазонами одной формы, по одному названию на этап; labels — 2×1, counts — 3×1 (для чисел в B2:D2 укажите B1:D1, ни ячейкой больше или меньше)',
    );
  });

  it('labels spread over several rows and columns are told to be one row or column', () => {
    const square = [
      ['Visit', 'Cart'],
      ['Order', 'Repeat'],
    ];
    expect(() => en(CJM_FUNNEL, row(100, 50, 20, 10), square)).toThrow(
      'CJM_FUNNEL: labels must be one row or one column; got a 2×2 range',
    );
    expect(() => ru(CJM_FUNNEL, row(100, 50, 20, 10), square)).toThrow(
      'CJM_FUNNEL: аргумент labels должен быть одной строкой или одним столбцом; получен диапазон 2×2',
    );
  });
});

describe('CJM_BOTTLENECK reads its counts and targets', () => {
  it('targets in a column of another length than the counts are an error, not ignored', () => {
    expect(() =>
      en(CJM_BOTTLENECK, col(1000, 400, 100), col('Visit', 'Cart', 'Order'), col('', 0.5)),
    ).toThrow(
      'CJM_BOTTLENECK: targets and counts must be ranges of the same shape, one target per stage; targets is 2×1 and counts is 3×1',
    );
  });

  it('a count typed as text is "not a number", even when the text looks negative', () => {
    // "-5" typed as text is text: the fix is to retype it as a number, not to make it 0 or more
    expect(en(CJM_BOTTLENECK, row(1000, '-5'), row('Visit', 'Cart'))).toBe(
      '⚠ the count of "Cart" is not a number; enter its customers, 0 or more',
    );
    expect(ru(CJM_BOTTLENECK, row(1000, '-5'), row('Визит', 'Корзина'))).toBe(
      '⚠ у этапа «Корзина» клиенты указаны не числом; введите число, 0 или больше',
    );
  });

  it('a target typed as text is "not a share", even when the text looks above 100%', () => {
    expect(en(CJM_BOTTLENECK, row(100, 50), row('Visit', 'Cart'), row('', '40'))).toBe(
      '⚠ the target of "Cart" is not a share from 0 to 100%; enter one, e.g. 30%',
    );
    expect(ru(CJM_BOTTLENECK, row(100, 50), row('Визит', 'Корзина'), row('', '40'))).toBe(
      '⚠ цель этапа «Корзина» — не доля от 0 до 100%; введите долю, например 30%',
    );
  });
});

describe('the help of CJM_FUNNEL says what it does', () => {
  it('its summary and return value are written in both languages', () => {
    expect(CJM_FUNNEL.summary.en).toMatch(/funnel table.*conversion.*drop-off/i);
    expect(CJM_FUNNEL.summary.ru).toMatch(/воронк.*конверси.*отток/i);
    // the columns the help lists are the header row the formula writes
    expect(CJM_FUNNEL.returns.en).toContain(HEADERS.en.join(' | '));
    expect(CJM_FUNNEL.returns.ru).toContain(HEADERS.ru.join(' | '));
    expect((en(CJM_FUNNEL, row(10, 5)) as unknown[][])[0]).toEqual(HEADERS.en);
  });

  it('has two examples, each with its cells, formula and result in both languages', () => {
    expect(CJM_FUNNEL.examples).toHaveLength(2);
    for (const e of CJM_FUNNEL.examples) {
      expect(e.given?.en).toMatch(/^[A-Z]\d+:[A-Z]\d+ = /);
      expect(e.given?.ru).toMatch(/^[A-Z]\d+:[A-Z]\d+ = /);
      expect(e.formula).toMatch(/^=CJM_FUNNEL\(/);
      expect(e.result.en).not.toMatch(CYRILLIC);
      expect(e.result.ru).toMatch(CYRILLIC);
    }
  });

  it('the first example: 1000, 400, 100 customers step 1, 0.4, 0.25 and drop 0, 600, 300', () => {
    const [example] = CJM_FUNNEL.examples;
    expect(example?.given).toEqual({ en: 'A2:A4 = 1000, 400, 100', ru: 'A2:A4 = 1000, 400, 100' });
    expect(example?.formula).toBe('=CJM_FUNNEL(A2:A4)');
    expect(example?.result.en).toContain('step conversions 1, 0.4, 0.25; drop-off 0, 600, 300');
    // the decimal comma of a Russian spreadsheet
    expect(example?.result.ru).toContain('конверсии шагов 1; 0,4; 0,25; отток 0, 600, 300');
    const table = en(CJM_FUNNEL, col(1000, 400, 100)) as unknown[][];
    expect(table.slice(1).map((r) => [r[2], r[4]])).toEqual([
      [1, 0],
      [0.4, 600],
      [0.25, 300],
    ]);
  });

  it('the second example: names from a row and headers in the language argument', () => {
    const example = CJM_FUNNEL.examples[1];
    expect(example?.given?.en).toContain('B1:D1 = stage names');
    expect(example?.given?.en).toContain('B2:D2 = counts');
    expect(example?.given?.ru).toContain('B1:D1 = названия этапов');
    expect(example?.formula).toBe('=CJM_FUNNEL(B2:D2, B1:D1, "ru")');
    expect(example?.result.en).toMatch(/Russian headers/);
    expect(example?.result.ru).toMatch(/русскими заголовками/);
    const table = en(CJM_FUNNEL, row(1000, 400, 100), row('Визит', 'Корзина', 'Заказ'), 'ru');
    expect((table as unknown[][])[0]).toEqual(HEADERS.ru);
  });
});

describe('the help of CJM_BOTTLENECK says what it does', () => {
  const visitCartOrder = {
    en: row('Visit', 'Cart', 'Order'),
    ru: row('Визит', 'Корзина', 'Заказ'),
  };

  it('its summary and return value are written in both languages', () => {
    expect(CJM_BOTTLENECK.summary.en).toMatch(/weakest transition.*lowest step conversion/i);
    expect(CJM_BOTTLENECK.summary.ru).toMatch(/слабый переход.*наименьшая конверсия/i);
    expect(CJM_BOTTLENECK.returns.en).toMatch(/"<from stage> → <to stage>".*⚠/);
    expect(CJM_BOTTLENECK.returns.ru).toMatch(/«<этап> → <этап>».*⚠/);
  });

  it('the first example: 1000, 400, 100 customers: Cart → Order, whose 25% is the lowest step', () => {
    const [example] = CJM_BOTTLENECK.examples;
    expect(example?.given).toEqual({
      en: 'B1:D1 = Visit, Cart, Order; B2:D2 = 1000, 400, 100',
      ru: 'B1:D1 = Визит, Корзина, Заказ; B2:D2 = 1000, 400, 100',
    });
    expect(example?.formula).toBe('=CJM_BOTTLENECK(B2:D2, B1:D1)');
    expect(example?.result).toEqual({
      en: '"Cart → Order" (25% is the lowest step)',
      ru: '«Корзина → Заказ» (25% — худший шаг)',
    });
    expect(en(CJM_BOTTLENECK, row(1000, 400, 100), visitCartOrder.en)).toBe('Cart → Order');
    expect(ru(CJM_BOTTLENECK, row(1000, 400, 100), visitCartOrder.ru)).toBe('Корзина → Заказ');
  });

  it('the second example: with targets 30% and 50%, 25% of 50% is the largest shortfall', () => {
    const example = CJM_BOTTLENECK.examples[1];
    expect(example?.given).toEqual({
      en: 'B3:D3 = targets 1, 30%, 50%',
      ru: 'B3:D3 = цели 1; 30%; 50%',
    });
    expect(example?.formula).toBe('=CJM_BOTTLENECK(B2:D2, B1:D1, B3:D3)');
    expect(example?.result).toEqual({
      en: '"Cart → Order" (25% of 50% target)',
      ru: '«Корзина → Заказ» (25% при цели 50%)',
    });
    // 40% of a 30% target is above it; 25% of a 50% target is half of it
    const targets = row(1, 0.3, 0.5);
    expect(en(CJM_BOTTLENECK, row(1000, 400, 100), visitCartOrder.en, targets)).toBe(
      'Cart → Order',
    );
  });

  it('the third example names its cells: a count of -5 for Cart', () => {
    expect(CJM_BOTTLENECK.examples).toHaveLength(3);
    expect(CJM_BOTTLENECK.examples[2]?.given).toEqual({
      en: 'B1:C1 = Visit, Cart; B2:C2 = 1000, -5',
      ru: 'B1:C1 = Визит, Корзина; B2:C2 = 1000, -5',
    });
  });
});
