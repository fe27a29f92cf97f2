/**
 * Per-element errors in spilled ranges, the two languages of every message, dates, and
 * CJM_FUNNEL / CJM_BOTTLENECK with labels and targets that do not match the counts.
 */
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { CJM_BOTTLENECK } from '../../../src/formulas/bottleneck';
import { CJM_CONVERSION } from '../../../src/formulas/conversion';
import { CJM_FUNNEL } from '../../../src/formulas/funnel';
import type { Argument, CellValue } from '../../../src/formulas/grid';
import { CJM_IMPACT } from '../../../src/formulas/impact';
import { messages, WARNING, type Messages } from '../../../src/formulas/messages';
import { FORMULAS } from '../../../src/formulas/registry';
import { CJM_REQUIRED } from '../../../src/formulas/required';
import { CJM_REVENUE } from '../../../src/formulas/revenue';
import type { FormulaSpec } from '../../../src/formulas/spec';
import { ENTRY_POINTS } from '../../../src/server/entrypoints';
import { userLang as userLanguage } from '../../../src/server/menu';
import { thrown } from './thrown';

const col = (...v: CellValue[]) => v.map((x) => [x]);
const row = (...v: CellValue[]) => [v];
const en = (f: FormulaSpec, ...args: Argument[]) => f.evaluate('en', args);
const ru = (f: FormulaSpec, ...args: Argument[]) => f.evaluate('ru', args);
/** A Date made in another realm, as the emulator's vm context (or Apps Script) hands it over. */
const foreignDate = (y: number, m: number, d: number): Date =>
  runInNewContext(`new Date(${y}, ${m - 1}, ${d})`) as Date;

describe('one bad element of a spilled range', () => {
  it('CJM_CONVERSION over a KPI row: the transition that grows says so, the others compute', () => {
    // customers per stage 1000, 400, 500, 100, 50: "=CJM_CONVERSION(C25:F25, D25:G25)"
    expect(en(CJM_CONVERSION, row(1000, 400, 500, 100), row(400, 500, 100, 50))).toEqual([
      [0.4, '⚠ more than the previous stage', 0.2, 0.5],
    ]);
    expect(ru(CJM_CONVERSION, row(1000, 400, 500, 100), row(400, 500, 100, 50))).toEqual([
      [0.4, '⚠ больше, чем на предыдущем этапе', 0.2, 0.5],
    ]);
  });

  it('CJM_CONVERSION from one first-stage cell (overall conversion) names the first stage', () => {
    expect(en(CJM_CONVERSION, 1000, row(400, 1200, 0))).toEqual([
      [0.4, '⚠ more than the first stage', 0],
    ]);
    expect(ru(CJM_CONVERSION, 0, row(0, 0))).toEqual([
      ['⚠ 0 клиентов на первом этапе', '⚠ 0 клиентов на первом этапе'],
    ]);
    expect(en(CJM_CONVERSION, row(100, 0, 0), row(0, 0, 0))).toEqual([
      [0, '⚠ 0 customers at the previous stage', '⚠ 0 customers at the previous stage'],
    ]);
  });

  it('text, a date, a negative number, TRUE and an error of another cell each say what they are', () => {
    const out = en(
      CJM_CONVERSION,
      100,
      row(50, 'many', foreignDate(2026, 5, 15), -5, true, '#REF!', ''),
    );
    expect(out).toEqual([
      [
        0.5,
        '⚠ “many” is text, not a number: type a number, without an apostrophe or spaces',
        '⚠ a date, not a number',
        '⚠ less than 0',
        '⚠ not a number',
        '⚠ #REF! in an input',
        '',
      ],
    ]);
    expect(ru(CJM_CONVERSION, 100, row('много', new Date(2026, 4, 15), -5, '#N/A'))).toEqual([
      [
        '⚠ «много» — текст, а не число: введите число без апострофа и пробелов',
        '⚠ дата, а не число',
        '⚠ меньше 0',
        '⚠ #N/A во входных данных',
      ],
    ]);
  });

  it('a number typed as text is text, whatever its notation: its note names it and the fix', () => {
    for (const text of ['131', '8 231', '8,231', '8\u00a0231', ' 131 ', '1 200,50', '5%'])
      expect(en(CJM_CONVERSION, row(10_000, 10_000), row(text, 50))).toEqual([
        [
          `⚠ “${text}” is text, not a number: type a number, without an apostrophe or spaces`,
          0.005,
        ],
      ]);
    // a single cell: the full message says what the text is and what to type
    expect(() => en(CJM_CONVERSION, '8 231', 50)).toThrow(
      'CJM_CONVERSION: from_count is the text "8 231", not a number: type the number without an apostrophe or spaces',
    );
    expect(() => ru(CJM_REVENUE, 1000, 0.1, '2 000')).toThrow(
      'CJM_REVENUE: аргумент avg_check — текст "2 000", а не число: введите число без апострофа и пробелов',
    );
  });

  it('a warning another CJM formula left in an input is passed on, not called "not a number"', () => {
    expect(
      en(CJM_REVENUE, row(1000, 1000), row(0.1, '⚠ more than the previous stage'), 10),
    ).toEqual([[1000, '⚠ more than the previous stage']]);
    expect(() => en(CJM_REVENUE, 1000, '⚠ more than the previous stage', 10)).toThrow(
      'CJM_REVENUE: conversion holds a warning of another formula ("⚠ more than the previous stage"); fix what it says first',
    );
  });

  it('functions whose arguments differ in kind name the argument in the brief text', () => {
    expect(en(CJM_REVENUE, col(1000, 1000, 1000), col(0.1, 5, 0.1), col(10, 10, 'x'))).toEqual([
      [1000],
      ['⚠ conversion: more than 100%'],
      ['⚠ check: “x” is text, not a number: type a number, without an apostrophe or spaces'],
    ]);
    expect(ru(CJM_REVENUE, col(1000, -1), 0.1, 10)).toEqual([[1000], ['⚠ лиды: меньше 0']]);
    expect(
      ru(
        CJM_IMPACT,
        1000,
        0.05,
        2000,
        1.5,
        col('C', 'P', 'X', 'C'),
        col('+2 pp', '+2 pp', '+10%', 'лучше'),
      ),
    ).toEqual([
      [expect.closeTo(60_000, 6)],
      ['⚠ изменение: п.п. — только для конверсии'],
      ['⚠ рычаг: не L, C, P, Q или шаг'],
      ['⚠ изменение: укажите единицу: +10% или +2 п.п.'],
    ]);
    expect(
      en(
        CJM_REQUIRED,
        col(300_000, 10_000_000, 1000),
        1000,
        0.05,
        2000,
        col(1.5, 1.5, 1.5),
        col('leads', 'C', 'Q'),
      ),
    ).toEqual([
      [expect.closeTo(2000, 9)],
      ['⚠ unreachable: needs over 100%'],
      [expect.closeTo(0.01, 12)],
    ]);
    expect(ru(CJM_REQUIRED, col(1000, 1000), col(0, 10), 0.1, 10, 1, 'purchases')).toEqual([
      ['⚠ лиды: 0'],
      [100],
    ]);
  });

  it('a single cell, or a 1×1 range, still throws the full message', () => {
    expect(() => en(CJM_CONVERSION, 50, 1000)).toThrow(
      'CJM_CONVERSION: to_count (1000) is larger than from_count (50)',
    );
    expect(() => en(CJM_CONVERSION, [[50]], [[1000]])).toThrow(
      /^CJM_CONVERSION: to_count \(1000\) is larger/,
    );
    expect(() => en(CJM_REVENUE, [['many']], 0.1, 10)).toThrow(
      /^CJM_REVENUE: leads is the text "many", not a number: type the number .*; leads must be a number of customers/,
    );
  });

  it('ranges of different sizes are still one error for the whole call', () => {
    expect(() => ru(CJM_CONVERSION, row(1, 2, 3), row(1, 2))).toThrow(
      'CJM_CONVERSION: from_count и to_count — диапазоны разного размера (1×3 и 1×2)',
    );
  });
});

describe('dates where a number is expected', () => {
  it('is an error naming the date, never its serial number', () => {
    for (const d of [new Date(2026, 4, 15), foreignDate(2026, 5, 15)]) {
      const e = thrown(() => en(CJM_REVENUE, d, 0.1, 10));
      expect(e.name).toBe('FormulaError');
      expect(e.message).toMatch(
        /^CJM_REVENUE: leads is a date, not a number; got a date \(2026-05-15\)\. leads must be a number of customers/,
      );
      expect(thrown(() => ru(CJM_REVENUE, 1000, 0.1, d)).message).toMatch(
        /^CJM_REVENUE: аргумент avg_check — дата, а не число; получено: дата \(15\.05\.2026\)/,
      );
    }
  });

  it('a date of another realm is one cell, and a date label reads as the language writes dates', () => {
    const d = foreignDate(2026, 5, 15);
    expect(en(CJM_CONVERSION, row(100, 50), row(50, d))).toEqual([[0.5, '⚠ a date, not a number']]);
    expect(ru(CJM_BOTTLENECK, row(100, 50, 5), row('Визит', d, 'Заказ'))).toBe(
      '15.05.2026 → Заказ',
    );
    expect(en(CJM_FUNNEL, row(d, 50))).toEqual([
      ['Stage', 'Customers', 'Step conversion', 'Overall conversion', 'Drop-off'],
      ['Stage 1', '⚠ a date, not a number', '', '', ''],
      ['Stage 2', 50, '', '', ''],
    ]);
    expect(() => en(CJM_FUNNEL, d)).toThrow(/^CJM_FUNNEL: counts is a date, not a number/);
  });
});

describe('CJM_FUNNEL', () => {
  it('marks each bad stage and computes the rest', () => {
    expect(en(CJM_FUNNEL, col(1000, 'n/a', 100, 200, 50))).toEqual([
      ['Stage', 'Customers', 'Step conversion', 'Overall conversion', 'Drop-off'],
      ['Stage 1', 1000, 1, 1, 0],
      [
        'Stage 2',
        '⚠ “n/a” is text, not a number: type a number, without an apostrophe or spaces',
        '',
        '',
        '',
      ],
      ['Stage 3', 100, '', 0.1, ''],
      ['Stage 4', 200, '⚠ more than the previous stage', '', ''],
      ['Stage 5', 50, '', 0.05, ''],
    ]);
    // a stage above an earlier one, with a blank stage between: the stage it exceeds is named
    expect((ru(CJM_FUNNEL, col(100, 50, '', 70)) as unknown[][])[4]).toEqual([
      'Этап 4',
      70,
      '⚠ больше, чем на этапе 2',
      '',
      '',
    ]);
  });

  it('a first stage of 0 customers says so and leaves the conversions blank', () => {
    expect(en(CJM_FUNNEL, row(0, 0))).toEqual([
      ['Stage', 'Customers', 'Step conversion', 'Overall conversion', 'Drop-off'],
      ['Stage 1', 0, '⚠ 0 customers', '', 0],
      ['Stage 2', 0, '', '', 0],
    ]);
    expect(() => ru(CJM_FUNNEL, 0)).toThrow(
      'CJM_FUNNEL: на первом этапе 0 клиентов, поэтому конверсию не посчитать',
    );
    expect(() => ru(CJM_FUNNEL, [['x']])).toThrow(
      /^CJM_FUNNEL: аргумент counts — текст "x", а не число: введите число без апострофа и пробелов .*; аргумент counts должен быть числом клиентов, 0 или больше \(например, 1000\)$/,
    );
  });

  it('headers and notes follow the user language unless the language argument says otherwise', () => {
    expect((ru(CJM_FUNNEL, row(10, 5)) as unknown[][])[0]).toEqual([
      'Этап',
      'Клиенты',
      'Конверсия шага',
      'Общая конверсия',
      'Отток',
    ]);
    expect((ru(CJM_FUNNEL, row(10, 'x'), '', 'en') as unknown[][])[2]).toEqual([
      'Stage 2',
      '⚠ “x” is text, not a number: type a number, without an apostrophe or spaces',
      '',
      '',
      '',
    ]);
    expect((en(CJM_FUNNEL, row(10, 5), row('', ''), 'RU') as unknown[][])[1]).toEqual([
      'Этап 1',
      10,
      1,
      1,
      0,
    ]);
    expect(() => ru(CJM_FUNNEL, row(10, 5), '', 'de')).toThrow(
      'CJM_FUNNEL: аргумент language должен быть "en" или "ru"; получено: "de"',
    );
  });

  it('labels of another shape than the counts are an error, not "Stage 3"', () => {
    expect(() => en(CJM_FUNNEL, row(100, 50, 10), row('Visit', 'Cart'))).toThrow(
      'CJM_FUNNEL: labels and counts must be ranges of the same shape, one label per stage; labels is 1×2 and counts is 1×3',
    );
    expect(() => en(CJM_FUNNEL, row(100, 50), row('Visit', 'Cart', ''))).toThrow(
      /labels is 1×3 and counts is 1×2/,
    );
    expect(() => en(CJM_FUNNEL, col(100, 50), row('Visit', 'Cart'))).toThrow(
      /labels is 1×2 and counts is 2×1/,
    );
    expect(() => ru(CJM_FUNNEL, row(100, 50), 'Визит')).toThrow(
      'CJM_FUNNEL: labels и counts должны быть диапазонами одной формы, по одному названию на этап; labels — одна ячейка, counts — 1×2',
    );
    // omitted or blank labels are the default names; blank cells of a matching range too
    expect((en(CJM_FUNNEL, row(100, 50), '') as unknown[][])[2]?.[0]).toBe('Stage 2');
    expect((en(CJM_FUNNEL, row(100, 50), row('Visit', '')) as unknown[][])[2]?.[0]).toBe('Stage 2');
  });
});

describe('CJM_BOTTLENECK', () => {
  const labels = row('Visit', 'Cart', 'Order', 'Repeat');

  it('labels or targets of another shape are an error', () => {
    expect(() => en(CJM_BOTTLENECK, row(1000, 400, 100), row('Visit', 'Cart'))).toThrow(
      /^CJM_BOTTLENECK: labels and counts must be ranges of the same shape/,
    );
    expect(() => ru(CJM_BOTTLENECK, row(1000, 400, 100), row('A', 'B', 'C'), row('', 0.5))).toThrow(
      /^CJM_BOTTLENECK: targets и counts должны быть диапазонами одной формы, по одной цели на этап; targets — 1×2, counts — 1×3/,
    );
  });

  it('finds the weakest transition among stages with valid counts', () => {
    // stage 3 is text: Cart → Order and Order → Repeat cannot be judged, Visit → Cart can
    expect(en(CJM_BOTTLENECK, row(1000, 400, 'lots', 80), labels)).toBe('Visit → Cart');
    // a stage that grows: the step into it is not judged (the step row shows ⚠), the step out of it
    // is (16%)
    expect(en(CJM_BOTTLENECK, row(1000, 400, 500, 80, 70), row('A', 'B', 'C', 'D', 'E'))).toBe(
      'C → D',
    );
    expect(en(CJM_BOTTLENECK, row(1000, 400, 500, 300, 70), row('A', 'B', 'C', 'D', 'E'))).toBe(
      'D → E',
    );
    expect(en(CJM_BOTTLENECK, row(1000, foreignDate(2026, 1, 1), 100, 90), labels)).toBe(
      'Order → Repeat',
    );
  });

  it('leaves out transitions with an invalid target, with or without valid ones', () => {
    // steps 0.4, 0.25, 0.8; targets: 0.8 → 0.5, invalid, 0.9 → 0.89
    expect(en(CJM_BOTTLENECK, row(1000, 400, 100, 80), labels, row('', 0.8, 'x', 0.9))).toBe(
      'Visit → Cart',
    );
    // no valid target: plain steps of the transitions whose target is not invalid
    expect(en(CJM_BOTTLENECK, row(1000, 400, 100, 80), labels, row('', '', 250, ''))).toBe(
      'Visit → Cart',
    );
    expect(en(CJM_BOTTLENECK, row(1000, 400, 100, 80), labels, row('', '', '', ''))).toBe(
      'Cart → Order',
    );
  });

  it('is blank while inputs are still missing: no two neighbouring stages have counts', () => {
    expect(en(CJM_BOTTLENECK, row(100, '', ''), row('A', 'B', 'C'))).toBe('');
    expect(en(CJM_BOTTLENECK, row('', ''), row('A', 'B'), row('', 'x'))).toBe('');
    // a bad count with no typed neighbour: the transitions it is in are not typed yet either
    expect(en(CJM_BOTTLENECK, row(100, '', -5), row('A', 'B', 'C'))).toBe('');
    expect(ru(CJM_BOTTLENECK, row(100), row('A'))).toBe('');
  });

  it('with counts typed but no transition to judge, says why and how to fix it, in the call language', () => {
    const says = (counts: CellValue[], targets?: CellValue[]) => ({
      en: en(
        CJM_BOTTLENECK,
        row(...counts),
        row('Visit', 'Cart'),
        ...(targets ? [row(...targets)] : []),
      ),
      ru: ru(
        CJM_BOTTLENECK,
        row(...counts),
        row('Визит', 'Корзина'),
        ...(targets ? [row(...targets)] : []),
      ),
    });
    expect(says([1000, -5])).toEqual({
      en: '⚠ the count of "Cart" is below 0; enter its customers, 0 or more',
      ru: '⚠ у этапа «Корзина» клиентов меньше 0; введите число, 0 или больше',
    });
    // a number typed as text is text, whatever it looks like
    expect(says(['-1 200', 5]).en).toBe(
      '⚠ the count of "Visit" is not a number; enter its customers, 0 or more',
    );
    for (const bad of ['lots', '#N/A', true, foreignDate(2026, 1, 5), '⚠ not a number'])
      expect(says([1000, bad])).toEqual({
        en: '⚠ the count of "Cart" is not a number; enter its customers, 0 or more',
        ru: '⚠ у этапа «Корзина» клиенты указаны не числом; введите число, 0 или больше',
      });
    expect(says([0, 0])).toEqual({
      en: '⚠ 0 customers at "Visit", so no step from it; enter how many reached it',
      ru: '⚠ у этапа «Визит» 0 клиентов, шаг от него не посчитать; введите, сколько клиентов дошло',
    });
    expect(says([100, 500])).toEqual({
      en: '⚠ "Cart" has more customers than "Visit" before it; check both counts',
      ru: '⚠ у этапа «Корзина» больше клиентов, чем у предыдущего «Визит»; проверьте оба числа',
    });
    // 40 typed into a % cell is 4000%
    for (const target of [40])
      expect(says([100, 50], ['', target])).toEqual({
        en: '⚠ the target of "Cart" is above 100%; enter a share, e.g. 30%',
        ru: '⚠ цель этапа «Корзина» больше 100%; введите долю, например 30%',
      });
    // (text is not a share, whatever it looks like: "150%" typed as text too)
    for (const target of [-0.2, 'high', '150%', '#REF!', foreignDate(2026, 1, 5)])
      expect(says([100, 50], ['', target])).toEqual({
        en: '⚠ the target of "Cart" is not a share from 0 to 100%; enter one, e.g. 30%',
        ru: '⚠ цель этапа «Корзина» — не доля от 0 до 100%; введите долю, например 30%',
      });
  });

  it('names the first typed transition that cannot be judged, the earlier stage first, and unnamed stages as the header does', () => {
    const labels = row('A', 'B', 'C', 'D');
    // A → B is not typed yet; B → C has the bad count of C
    expect(en(CJM_BOTTLENECK, row('', 'x', -3, 5), labels)).toBe(
      '⚠ the count of "B" is not a number; enter its customers, 0 or more',
    );
    expect(en(CJM_BOTTLENECK, row(10, 20, 30, 40), labels)).toBe(
      '⚠ "B" has more customers than "A" before it; check both counts',
    );
    // each transition invalid for its own reason: the first one speaks
    expect(en(CJM_BOTTLENECK, row(0, 0, 'x', 5), labels)).toBe(
      '⚠ 0 customers at "A", so no step from it; enter how many reached it',
    );
    expect(ru(CJM_BOTTLENECK, row(10, -1), row('', ''))).toBe(
      '⚠ у этапа «Этап 2» клиентов меньше 0; введите число, 0 или больше',
    );
    // one judged transition is enough for an answer
    expect(en(CJM_BOTTLENECK, row(0, 0, 10, 5), labels)).toBe('C → D');
    // a column works as a row does
    expect(en(CJM_BOTTLENECK, col(100, -5), col('Visit', 'Cart'))).toBe(
      '⚠ the count of "Cart" is below 0; enter its customers, 0 or more',
    );
  });

  it('its help example of a note is what it says', () => {
    const example = CJM_BOTTLENECK.examples.at(-1);
    expect(example?.formula).toBe('=CJM_BOTTLENECK(B2:C2, B1:C1)');
    expect(en(CJM_BOTTLENECK, row(1000, -5), row('Visit', 'Cart'))).toBe(example?.result.en);
    expect(ru(CJM_BOTTLENECK, row(1000, -5), row('Визит', 'Корзина'))).toBe(example?.result.ru);
  });
});

describe('the language of every message', () => {
  /** One bad call per message of the catalogue (a full message: the single-cell form). */
  const BAD: [FormulaSpec, ...Argument[]][] = [
    [CJM_REVENUE, 'many', 0.1, 10],
    [CJM_REVENUE, new Date(2026, 0, 1), 0.1, 10],
    [CJM_REVENUE, -1, 0.1, 10],
    [CJM_REVENUE, 1, 5, 10],
    [CJM_REVENUE, '#REF!', 0.1, 10],
    [CJM_REVENUE, '⚠ x', 0.1, 10],
    [CJM_REVENUE, row(1, 2), row(1, 2, 3), 10],
    [CJM_CONVERSION, 0, 5],
    [CJM_CONVERSION, 5, 10],
    [CJM_FUNNEL, 0],
    [
      CJM_FUNNEL,
      [
        [1, 2],
        [3, 4],
      ],
    ],
    [CJM_FUNNEL, row(3, 2), row('a')],
    [CJM_FUNNEL, row(3, 2), '', 'xx'],
    [CJM_BOTTLENECK, row(3, 2), row('a', 'b'), row(1)],
    [CJM_REQUIRED, 1000, 0, 0.1, 10, 1, 'purchases'],
    [CJM_REQUIRED, 10_000_000, 1000, 0.05, 2000, 1.5, 'C'],
    [CJM_REQUIRED, 1, 1, 0.1, 1, 1, 'price'],
    [CJM_IMPACT, 1000, 0.05, 2000, 1.5, 'C', 'a lot'],
    [CJM_IMPACT, 1000, 0.05, 2000, 1.5, 'P', '+2 pp'],
    [CJM_IMPACT, 1000, 0.99, 2000, 1.5, 'C', '+2 pp'],
    [CJM_IMPACT, 1000, 0.05, 2000, 1.5, 'L', '-300%'],
  ];
  const CYRILLIC = /[а-яё]/i;

  it.each(BAD.map((b, i) => [i, b] as const))(
    'bad call %i: English and Russian full messages, same function prefix',
    (_, [f, ...args]) => {
      const e = thrown(() => f.evaluate('en', args));
      const r = thrown(() => f.evaluate('ru', args));
      expect(e.name).toBe('FormulaError');
      expect(r.name).toBe('FormulaError');
      expect(e.message.startsWith(`${f.name}: `)).toBe(true);
      expect(r.message.startsWith(`${f.name}: `)).toBe(true);
      // English has no Russian words except the lever names it lists as accepted spellings
      expect(e.message.replace('лиды, конверсия, чек, покупки', '')).not.toMatch(CYRILLIC);
      expect(r.message).toMatch(CYRILLIC);
      expect(r.message).not.toBe(e.message);
    },
  );

  it('every brief text exists in both languages, differs between them and starts with ⚠ once shown', () => {
    const keys = (m: Messages['brief']) => Object.keys(m).sort();
    expect(keys(messages('ru').brief)).toEqual(keys(messages('en').brief));
    for (const k of Object.keys(messages('en').brief) as (keyof Messages['brief'])[]) {
      const text = (lang: 'en' | 'ru') => {
        const m = messages(lang).brief[k];
        return typeof m === 'function' ? (m as (x: never) => string)('#REF!' as never) : m;
      };
      expect(text('ru'), k).not.toBe(text('en'));
      if (k !== 'zeroFactor') expect(text('ru'), k).toMatch(CYRILLIC);
    }
    const shown = en(CJM_CONVERSION, 10, row(20, 5)) as string[][];
    expect(shown[0]?.[0]?.startsWith(`${WARNING} `)).toBe(true);
  });
});

describe('the entry point passes the user language in', () => {
  const g = globalThis as { Session?: unknown };
  afterEach(() => {
    delete g.Session;
  });
  const entry = (name: string) =>
    ENTRY_POINTS.find((e) => e.name === name)?.run as (...a: unknown[]) => unknown;

  it('reads Session.getActiveUserLocale() and falls back to English when it throws or says nothing', () => {
    expect(userLanguage()).toBe('en'); // no Session at all (a bare context)
    g.Session = { getActiveUserLocale: () => 'ru_RU' };
    expect(userLanguage()).toBe('ru');
    expect(entry('CJM_CONVERSION')(row(100, 50), row(50, 70))).toEqual([
      [0.5, '⚠ больше, чем на предыдущем этапе'],
    ]);
    expect(() => entry('CJM_CONVERSION')(5, 10)).toThrow(
      /^CJM_CONVERSION: to_count \(10\) больше, чем from_count \(5\)/,
    );
    g.Session = { getActiveUserLocale: () => 'en_GB' };
    expect(userLanguage()).toBe('en');
    g.Session = { getActiveUserLocale: () => '' };
    expect(userLanguage()).toBe('en');
    g.Session = { getActiveUserLocale: () => null };
    expect(userLanguage()).toBe('en');
    g.Session = {
      getActiveUserLocale: () => {
        throw new Error('You do not have permission to call Session.getActiveUserLocale');
      },
    };
    expect(userLanguage()).toBe('en');
    expect(entry('CJM_CONVERSION')(row(100, 50), row(50, 70))).toEqual([
      [0.5, '⚠ more than the previous stage'],
    ]);
  });

  it('gives every custom function the arguments exactly as Sheets passed them (an omitted one stays omitted)', () => {
    g.Session = { getActiveUserLocale: () => 'ru' };
    expect(entry('CJM_REVENUE')(1000, 0.05, 2000)).toBeCloseTo(100_000, 6);
    for (const f of FORMULAS) expect(typeof entry(f.name), f.name).toBe('function');
  });
});
