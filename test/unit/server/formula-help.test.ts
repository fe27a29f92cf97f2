/**
 * The formula reference of the help sidebar: each formula's signature, summary, parameters and
 * examples in one language, the examples written as this spreadsheet takes a typed formula.
 */
import { describe, expect, it } from 'vitest';
import { FORMULAS } from '../../../src/formulas/registry';
import { formulaHelp, signatureOf } from '../../../src/server/formula-help';

const byName = (name: string) => {
  const f = FORMULAS.find((x) => x.name === name);
  if (!f) throw new Error(`no formula ${name}`);
  return f;
};
const helpOf = (help: ReturnType<typeof formulaHelp>, name: string) =>
  help.find((f) => f.name === name);

describe("a formula's signature", () => {
  it('lists the parameters, an optional one in brackets', () => {
    expect(signatureOf(byName('CJM_CONVERSION'))).toBe('CJM_CONVERSION(from_count, [to_count])');
  });

  it('has no brackets when every parameter is required', () => {
    expect(signatureOf(byName('CJM_REQUIRED'))).toBe(
      'CJM_REQUIRED(target_revenue, leads, conversion, avg_check, purchases, solve_for)',
    );
  });
});

describe('the formula reference', () => {
  it('describes every formula, in the order of the registry', () => {
    expect(formulaHelp('en').map((f) => f.name)).toEqual([
      'CJM_REVENUE',
      'CJM_CONVERSION',
      'CJM_FUNNEL',
      'CJM_BOTTLENECK',
      'CJM_REQUIRED',
      'CJM_IMPACT',
    ]);
  });

  it('describes a formula in English for an English spreadsheet, its examples with commas', () => {
    expect(helpOf(formulaHelp('en'), 'CJM_CONVERSION')).toEqual({
      name: 'CJM_CONVERSION',
      signature: 'CJM_CONVERSION(from_count, [to_count])',
      summary:
        'Conversion between two stages: customers who reached the next stage ÷ customers at this one.',
      params: [
        { name: 'from_count', optional: false, help: 'Customers at the earlier stage.' },
        {
          name: 'to_count',
          optional: true,
          help: 'Customers who reached the later stage (not more than from_count). Omitted: from_count is the customers of every stage in order, and each is divided by its neighbour before it (the first stage shows 1).',
        },
      ],
      returns:
        'A share from 0 to 1; format the cell as % to read it as a percentage. In a range, an element that cannot be computed holds a short ⚠ note ("⚠ more than the previous stage").',
      examples: [
        { given: null, formula: '=CJM_CONVERSION(1000, 50)', result: '0.05 (5%)' },
        {
          given: 'B20:G20 hold customers per stage',
          formula: '=CJM_CONVERSION(B20:G20)',
          result:
            '1, then the five step conversions (a column inserted inside B:G joins the range)',
        },
        {
          given: 'the same',
          formula: '=CJM_CONVERSION($B$20, B20:G20)',
          result: 'the overall conversion of each stage from the first',
        },
      ],
    });
  });

  it('describes a formula in Russian, its examples typed as in a Russian spreadsheet (";" and "1,5")', () => {
    const required = helpOf(formulaHelp('ru'), 'CJM_REQUIRED');
    expect(required?.summary).toBe(
      'Каким должен стать один множитель L × C × P × Q, чтобы выручка достигла цели при остальных неизменных.',
    );
    expect(required?.returns).toBe(
      'Нужное значение множителя; если цель недостижима, ошибка объясняет почему (в диапазоне — короткое ⚠ пояснение в этом элементе).',
    );
    expect(required?.params[0]).toEqual({
      name: 'target_revenue',
      optional: false,
      help: 'Цель по выручке.',
    });
    expect(required?.examples[0]).toEqual({
      given: null,
      formula: '=CJM_REQUIRED(300000; 1000; 5%; 2000; 1,5; "leads")',
      result: '2000 лидов',
    });
  });

  it('writes the examples as the spreadsheet takes them, whatever the language', () => {
    expect(helpOf(formulaHelp('en', 'de_DE'), 'CJM_REQUIRED')?.examples[0]?.formula).toBe(
      '=CJM_REQUIRED(300000; 1000; 5%; 2000; 1,5; "leads")',
    );
    expect(helpOf(formulaHelp('ru', 'en_US'), 'CJM_REQUIRED')?.examples[0]?.formula).toBe(
      '=CJM_REQUIRED(300000, 1000, 5%, 2000, 1.5, "leads")',
    );
  });
});
