/**
 * CJM_REVENUE, CJM_CONVERSION and CJM_REQUIRED as a user meets them: the help sidebar's words
 * and examples, a row of stage counts read step by step, and what it takes to reach a goal.
 */
import { describe, expect, it } from 'vitest';
import { CJM_CONVERSION } from '../../../src/formulas/conversion';
import type { Argument, CellValue } from '../../../src/formulas/grid';
import { CJM_REQUIRED } from '../../../src/formulas/required';
import { CJM_REVENUE } from '../../../src/formulas/revenue';
import type { FormulaSpec } from '../../../src/formulas/spec';
import { formulaHelp } from '../../../src/server/formula-help';

const col = (...v: CellValue[]) => v.map((x) => [x]);
const row = (...v: CellValue[]) => [v];
const en = (f: FormulaSpec, ...args: Argument[]) => f.evaluate('en', args);
const ru = (f: FormulaSpec, ...args: Argument[]) => f.evaluate('ru', args);
const help = (lang: 'en' | 'ru', name: string) => {
  const found = formulaHelp(lang).find((f) => f.name === name);
  if (!found) throw new Error(`no help for ${name}`);
  return found;
};

describe('the help sidebar describes each formula in both languages', () => {
  it('CJM_REVENUE: what it multiplies, what it returns, and two examples', () => {
    const e = help('en', 'CJM_REVENUE');
    expect(e.summary).toBe(
      'Revenue of a funnel: leads × conversion × average check × purchases per customer (L × C × P × Q).',
    );
    expect(e.returns).toBe(
      'Revenue, or a range of revenues for ranges in; blank where an input is blank; in a range, an element with a bad input holds a short ⚠ note.',
    );
    expect(e.examples).toEqual([
      { given: null, formula: '=CJM_REVENUE(1000, 5%, 2000, 1.5)', result: '150,000' },
      {
        given: 'A2:D5 hold leads, conversion, check and purchases of four segments',
        formula: '=CJM_REVENUE(A2:A5, B2:B5, C2:C5, D2:D5)',
        result: 'four revenues, one per row',
      },
    ]);
    const r = help('ru', 'CJM_REVENUE');
    expect(r.summary).toBe(
      'Выручка воронки: лиды × конверсия × средний чек × покупки на клиента (L × C × P × Q).',
    );
    expect(r.returns).toBe(
      'Выручка (или диапазон значений); пусто, если входная ячейка пуста; в диапазоне элемент с неверным входом содержит короткое ⚠ пояснение.',
    );
    // a Russian spreadsheet types ";" between arguments and "1,5"
    expect(r.examples).toEqual([
      { given: null, formula: '=CJM_REVENUE(1000; 5%; 2000; 1,5)', result: '150 000' },
      {
        given: 'в A2:D5 лиды, конверсия, чек и покупки четырёх сегментов',
        formula: '=CJM_REVENUE(A2:A5; B2:B5; C2:C5; D2:D5)',
        result: 'четыре значения выручки, по строке',
      },
    ]);
  });

  it('CJM_CONVERSION: the ratio it takes, what it returns, and its three forms', () => {
    const e = help('en', 'CJM_CONVERSION');
    expect(e.summary).toBe(
      'Conversion between two stages: customers who reached the next stage ÷ customers at this one.',
    );
    expect(e.returns).toBe(
      'A share from 0 to 1; format the cell as % to read it as a percentage. In a range, an element that cannot be computed holds a short ⚠ note ("⚠ more than the previous stage").',
    );
    expect(e.examples).toEqual([
      { given: null, formula: '=CJM_CONVERSION(1000, 50)', result: '0.05 (5%)' },
      {
        given: 'B20:G20 hold customers per stage',
        formula: '=CJM_CONVERSION(B20:G20)',
        result: '1, then the five step conversions (a column inserted inside B:G joins the range)',
      },
      {
        given: 'the same',
        formula: '=CJM_CONVERSION($B$20, B20:G20)',
        result: 'the overall conversion of each stage from the first',
      },
    ]);
    const r = help('ru', 'CJM_CONVERSION');
    expect(r.summary).toBe(
      'Конверсия между этапами: дошедшие до следующего этапа ÷ клиенты на этом этапе.',
    );
    expect(r.returns).toBe(
      'Доля от 0 до 1; формат ячейки «%» покажет проценты. В диапазоне элемент, который не посчитать, содержит короткое ⚠ пояснение («⚠ больше, чем на предыдущем этапе»).',
    );
    expect(r.examples).toEqual([
      { given: null, formula: '=CJM_CONVERSION(1000; 50)', result: '0,05 (5%)' },
      {
        given: 'в B20:G20 клиенты по этапам',
        formula: '=CJM_CONVERSION(B20:G20)',
        result:
          '1, затем пять конверсий шагов (столбец, вставленный внутри B:G, входит в диапазон)',
      },
      {
        given: 'то же',
        formula: '=CJM_CONVERSION($B$20; B20:G20)',
        result: 'общая конверсия каждого этапа от первого',
      },
    ]);
  });

  it('CJM_REQUIRED: what it solves for, what it returns, and two examples', () => {
    const e = help('en', 'CJM_REQUIRED');
    expect(e.summary).toBe(
      'What one factor of L × C × P × Q must become for revenue to reach a goal, the other three fixed.',
    );
    expect(e.returns).toBe(
      'The value the chosen factor needs; an error says when the goal is out of reach (in a range, a short ⚠ note in that element).',
    );
    expect(e.examples).toEqual([
      {
        given: null,
        formula: '=CJM_REQUIRED(300000, 1000, 5%, 2000, 1.5, "leads")',
        result: '2000 leads',
      },
      {
        given: null,
        formula: '=CJM_REQUIRED(300000, 1000, 5%, 2000, 1.5, "конверсия")',
        result: '0.1 (10%)',
      },
    ]);
    const r = help('ru', 'CJM_REQUIRED');
    expect(r.summary).toBe(
      'Каким должен стать один множитель L × C × P × Q, чтобы выручка достигла цели при остальных неизменных.',
    );
    expect(r.returns).toBe(
      'Нужное значение множителя; если цель недостижима, ошибка объясняет почему (в диапазоне — короткое ⚠ пояснение в этом элементе).',
    );
    expect(r.examples).toEqual([
      {
        given: null,
        formula: '=CJM_REQUIRED(300000; 1000; 5%; 2000; 1,5; "leads")',
        result: '2000 лидов',
      },
      {
        given: null,
        formula: '=CJM_REQUIRED(300000; 1000; 5%; 2000; 1,5; "конверсия")',
        result: '0,1 (10%)',
      },
    ]);
  });
});

describe('the examples in the help give what they promise', () => {
  it('=CJM_REVENUE(1000, 5%, 2000, 1.5) is 150 000', () => {
    expect(en(CJM_REVENUE, 1000, 0.05, 2000, 1.5)).toBeCloseTo(150_000, 6);
  });

  it('=CJM_REVENUE over four segment rows gives four revenues, one per row', () => {
    // 100·0.1·50·1, 200·0.5·10·2, 1000·0.05·2000·1.5, 40·0.25·8·3
    const out = en(
      CJM_REVENUE,
      col(100, 200, 1000, 40),
      col(0.1, 0.5, 0.05, 0.25),
      col(50, 10, 2000, 8),
      col(1, 2, 1.5, 3),
    ) as number[][];
    expect(out).toHaveLength(4);
    [500, 2000, 150_000, 240].forEach((want, i) => {
      expect(out[i]).toHaveLength(1);
      expect(out[i]?.[0]).toBeCloseTo(want, 6);
    });
  });

  it('=CJM_CONVERSION(1000, 50) is 0.05', () => {
    expect(en(CJM_CONVERSION, 1000, 50)).toBe(0.05);
  });

  it('=CJM_REQUIRED(300000, 1000, 5%, 2000, 1.5, "leads") is 2000 leads', () => {
    expect(en(CJM_REQUIRED, 300_000, 1000, 0.05, 2000, 1.5, 'leads')).toBeCloseTo(2000, 6);
  });

  it('=CJM_REQUIRED(300000, 1000, 5%, 2000, 1.5, "конверсия") is 10%', () => {
    expect(en(CJM_REQUIRED, 300_000, 1000, 0.05, 2000, 1.5, 'конверсия')).toBeCloseTo(0.1, 12);
  });
});

describe('CJM_CONVERSION over one row of stage counts: each stage from the one before it', () => {
  it('a row of counts gives 1 for the first stage, then each step conversion', () => {
    // 400/1000, 100/400, 50/100: steps, not the overall 0.1 and 0.05
    expect(en(CJM_CONVERSION, row(1000, 400, 100, 50))).toEqual([[1, 0.4, 0.25, 0.5]]);
  });

  it('a column of counts goes down the column the same way', () => {
    expect(en(CJM_CONVERSION, col(1000, 400, 100))).toEqual([[1], [0.4], [0.25]]);
  });

  it('the first stage shows 1 even with 0 customers; the stage after it says why it has no step', () => {
    expect(en(CJM_CONVERSION, row(0, 0, 0))).toEqual([
      [1, '⚠ 0 customers at the previous stage', '⚠ 0 customers at the previous stage'],
    ]);
    expect(ru(CJM_CONVERSION, col(0, 0))).toEqual([[1], ['⚠ 0 клиентов на предыдущем этапе']]);
  });

  it("a bad first count is named in the first stage's cell, and spoils the step after it", () => {
    expect(en(CJM_CONVERSION, row(-5, 3, 2))).toEqual([['⚠ less than 0', '⚠ less than 0', 2 / 3]]);
    expect(ru(CJM_CONVERSION, row(-5, 3, 2))).toEqual([['⚠ меньше 0', '⚠ меньше 0', 2 / 3]]);
  });

  it('a stage with more customers than the one before it says so, the others compute', () => {
    expect(en(CJM_CONVERSION, row(100, 50, 70, 35))).toEqual([
      [1, 0.5, '⚠ more than the previous stage', 0.5],
    ]);
  });

  it('a stage not counted yet stays blank, and so does the step after it', () => {
    expect(en(CJM_CONVERSION, row(100, '', 20))).toEqual([[1, '', '']]);
  });

  it('one first-stage cell before the row gives the overall conversion of each stage instead', () => {
    // "=CJM_CONVERSION($B$20, B20:G20)"
    expect(en(CJM_CONVERSION, 1000, row(1000, 400, 100, 50))).toEqual([[1, 0.4, 0.1, 0.05]]);
  });
});

describe('CJM_REQUIRED: what it takes to reach a revenue goal', () => {
  it('is blank until both the goal and the factor to solve for are typed', () => {
    expect(en(CJM_REQUIRED, 300_000, 1000, 0.05, 2000, 1.5, '')).toBe('');
    expect(en(CJM_REQUIRED, '', 1000, 0.05, 2000, 1.5, 'leads')).toBe('');
    expect(en(CJM_REQUIRED, '', 1000, 0.05, 2000, 1.5, '')).toBe('');
  });

  it('is blank while one of the three fixed factors is missing', () => {
    expect(en(CJM_REQUIRED, 300_000, '', 0.05, 2000, 1.5, 'conversion')).toBe('');
    expect(en(CJM_REQUIRED, 300_000, 1000, 0.05, '', 1.5, 'leads')).toBe('');
  });

  it('does not need the factor it solves for: that cell may be blank', () => {
    // 300 000 ÷ (1000 × 2000 × 1.5) = 0.1
    expect(en(CJM_REQUIRED, 300_000, 1000, '', 2000, 1.5, 'conversion')).toBeCloseTo(0.1, 12);
  });

  it('names the factor that is 0 when no value of the solved one can reach the goal', () => {
    // solving for the check: leads come first among the fixed factors, but conversion is the 0
    expect(() => en(CJM_REQUIRED, 300_000, 1000, 0, 2000, 1.5, 'avg_check')).toThrow(
      'CJM_REQUIRED: conversion is 0, so no avg_check can reach 300000; enter a conversion above 0',
    );
    expect(() => ru(CJM_REQUIRED, 300_000, 1000, 0, 2000, 1.5, 'avg_check')).toThrow(
      'CJM_REQUIRED: conversion = 0, поэтому никакое значение avg_check не даст 300000; введите conversion больше 0',
    );
    expect(() => en(CJM_REQUIRED, 300_000, 1000, 0.05, 2000, 0, 'leads')).toThrow(
      'CJM_REQUIRED: purchases is 0, so no leads can reach 300000; enter a purchases above 0',
    );
  });

  it('in a range, the element whose factor is 0 says which one briefly', () => {
    // 150 ÷ (10 × 0.5 × 1) = 30
    expect(en(CJM_REQUIRED, col(150, 150), 10, col(0.5, 0), '', 1, 'P')).toEqual([
      [30],
      ['⚠ conversion is 0'],
    ]);
    expect(ru(CJM_REQUIRED, col(150, 150), 10, col(0.5, 0), '', 1, 'P')).toEqual([
      [30],
      ['⚠ конверсия: 0'],
    ]);
  });

  it('in a range, a bad input names its argument in the brief note', () => {
    const args: Argument[] = [col(300_000, 300_000), 1000, col(0.05, 5), 2000, 1.5, 'leads'];
    const enOut = en(CJM_REQUIRED, ...args) as (number | string)[][];
    expect(enOut[0]?.[0]).toBeCloseTo(2000, 6);
    expect(enOut[1]).toEqual(['⚠ conversion: more than 100%']);
    expect((ru(CJM_REQUIRED, ...args) as unknown[][])[1]).toEqual(['⚠ конверсия: больше 100%']);
  });

  it('a goal that rounding puts a hair above 100% conversion reads as exactly 100%', () => {
    // 3 leads × check 0.7 is 2.0999999999999996 in floating point; the goal 2.1 needs all of them
    expect(en(CJM_REQUIRED, 2.1, 3, '', 0.7, 1, 'C')).toBe(1);
  });

  it('a billionth above 100% still counts as reachable, anything more is unreachable', () => {
    expect(en(CJM_REQUIRED, 1 + 1e-9, 1, '', 1, 1, 'conversion')).toBe(1);
    expect(() => en(CJM_REQUIRED, 1 + 1e-8, 1, '', 1, 1, 'conversion')).toThrow(
      /unreachable by conversion alone/,
    );
  });

  it('other factors are not capped at 100%', () => {
    // 300 000 ÷ (0.05 × 2000 × 1) = 3000 leads
    expect(en(CJM_REQUIRED, 300_000, '', 0.05, 2000, 1, 'L')).toBeCloseTo(3000, 6);
    // 3 ÷ (1 × 1 × 1) = 3 purchases
    expect(en(CJM_REQUIRED, 3, 1, 1, 1, '', 'Q')).toBe(3);
  });
});
