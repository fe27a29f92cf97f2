import { LEVERS, revenue } from '../core/funnel/funnel';
import { elementwise } from './elementwise';
import { readEconomics } from './levers';
import { defineFormula, type ParamSpec } from './spec';

const NAME = 'CJM_REVENUE';

const PARAMS = [
  {
    name: 'leads',
    kind: 'count',
    shape: 'each',
    help: {
      en: 'Leads (L): potential customers, a cell or a range.',
      ru: 'Лиды (L): потенциальные клиенты, ячейка или диапазон.',
    },
  },
  {
    name: 'conversion',
    kind: 'share',
    shape: 'each',
    help: {
      en: 'Conversion (C) into the deal, a share from 0 to 1 (5% or 0.05).',
      ru: 'Конверсия (C) в сделку, доля от 0 до 1 (5% или 0,05).',
    },
  },
  {
    name: 'avg_check',
    kind: 'money',
    shape: 'each',
    help: {
      en: 'Average check (P): money per purchase.',
      ru: 'Средний чек (P): сумма одной покупки.',
    },
  },
  {
    name: 'purchases',
    kind: 'factor',
    shape: 'each',
    optional: true,
    defaultValue: 1,
    help: {
      en: 'Purchases per customer in the period (Q); 1 if omitted.',
      ru: 'Покупок на клиента за период (Q); по умолчанию 1.',
    },
  },
] as const satisfies readonly ParamSpec[];

export const CJM_REVENUE = defineFormula({
  name: NAME,
  summary: {
    en: 'Revenue of a funnel: leads × conversion × average check × purchases per customer (L × C × P × Q).',
    ru: 'Выручка воронки: лиды × конверсия × средний чек × покупки на клиента (L × C × P × Q).',
  },
  params: PARAMS,
  returns: {
    en: 'Revenue, or a range of revenues for ranges in; blank where an input is blank; in a range, an element with a bad input holds a short ⚠ note.',
    ru: 'Выручка (или диапазон значений); пусто, если входная ячейка пуста; в диапазоне элемент с неверным входом содержит короткое ⚠ пояснение.',
  },
  examples: [
    { formula: '=CJM_REVENUE(1000, 5%, 2000, 1.5)', result: { en: '150,000', ru: '150 000' } },
    {
      given: {
        en: 'A2:D5 hold leads, conversion, check and purchases of four segments',
        ru: 'в A2:D5 лиды, конверсия, чек и покупки четырёх сегментов',
      },
      formula: '=CJM_REVENUE(A2:A5, B2:B5, C2:C5, D2:D5)',
      result: { en: 'four revenues, one per row', ru: 'четыре значения выручки, по строке' },
    },
  ],
  evaluate: (lang, args) => {
    const call = { fn: NAME, lang, nameInBrief: true };
    // blank until every factor is typed (purchases may be left out: 1)
    return elementwise(call, PARAMS, args, (a) =>
      LEVERS.some((l) => a.blank(l)) ? '' : revenue(readEconomics(a)),
    );
  },
});
