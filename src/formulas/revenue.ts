import { revenue } from '../core/funnel/funnel';
import { elementwise } from './elementwise';
import { isBlank } from './grid';
import { toNumber } from './kinds';
import { defineFormula } from './spec';

const NAME = 'CJM_REVENUE';
const PARAMS = ['leads', 'conversion', 'avg_check', 'purchases'] as const;

export const CJM_REVENUE = defineFormula({
  name: NAME,
  summary: {
    en: 'Revenue of a funnel: leads × conversion × average check × purchases per customer (L × C × P × Q).',
    ru: 'Выручка воронки: лиды × конверсия × средний чек × покупки на клиента (L × C × P × Q).',
  },
  params: [
    {
      name: 'leads',
      type: 'number|Array<Array<number>>',
      help: {
        en: 'Leads (L): potential customers, a cell or a range.',
        ru: 'Лиды (L): потенциальные клиенты, ячейка или диапазон.',
      },
    },
    {
      name: 'conversion',
      type: 'number|Array<Array<number>>',
      help: {
        en: 'Conversion (C) into the deal, a share from 0 to 1 (5% or 0.05).',
        ru: 'Конверсия (C) в сделку, доля от 0 до 1 (5% или 0,05).',
      },
    },
    {
      name: 'avg_check',
      type: 'number|Array<Array<number>>',
      help: {
        en: 'Average check (P): money per purchase.',
        ru: 'Средний чек (P): сумма одной покупки.',
      },
    },
    {
      name: 'purchases',
      type: 'number|Array<Array<number>>',
      optional: true,
      help: {
        en: 'Purchases per customer in the period (Q); 1 if omitted.',
        ru: 'Покупок на клиента за период (Q); по умолчанию 1.',
      },
    },
  ],
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
    return elementwise(call, PARAMS, args, (v, at) => {
      const [l, c, p, q] = v;
      const purchasesOmitted = args[3] === undefined;
      if (isBlank(l) || isBlank(c) || isBlank(p) || (!purchasesOmitted && isBlank(q))) return '';
      return revenue({
        leads: toNumber(call, 'leads', 'count', l, at),
        conversion: toNumber(call, 'conversion', 'share', c, at),
        avg_check: toNumber(call, 'avg_check', 'money', p, at),
        purchases: purchasesOmitted ? 1 : toNumber(call, 'purchases', 'factor', q, at),
      });
    });
  },
});
