import { describeValue } from '../core/funnel/numbers';
import { describePosition, FormulaError } from './errors';
import { elementwise } from './elementwise';
import { isBlank } from './grid';
import { toNumber } from './kinds';
import type { FormulaSpec } from './spec';

const NAME = 'CJM_CONVERSION';

export const CJM_CONVERSION: FormulaSpec = {
  name: NAME,
  summary: {
    en: 'Conversion between two stages: customers who reached the next stage ÷ customers at this one.',
    ru: 'Конверсия между этапами: дошедшие до следующего этапа ÷ клиенты на этом этапе.',
  },
  params: [
    { name: 'from_count', type: 'number|Array<Array<number>>', help: { en: 'Customers at the earlier stage.', ru: 'Клиентов на более раннем этапе.' } },
    { name: 'to_count', type: 'number|Array<Array<number>>', help: { en: 'Customers who reached the later stage (not more than from_count).', ru: 'Дошедших до следующего этапа (не больше from_count).' } },
  ],
  returns: { en: 'A share from 0 to 1; format the cell as % to read it as a percentage.', ru: 'Доля от 0 до 1; формат ячейки «%» покажет проценты.' },
  examples: [
    { formula: '=CJM_CONVERSION(1000, 50)', result: { en: '0.05 (5%)', ru: '0,05 (5%)' } },
    { given: { en: 'B20:G20 hold customers per stage', ru: 'в B20:G20 клиенты по этапам' }, formula: '=CJM_CONVERSION(B20:F20, C20:G20)', result: { en: 'the five step conversions', ru: 'пять конверсий шагов' } },
  ],
  run: (...args) =>
    elementwise(NAME, ['from_count', 'to_count'], args, (v, at) => {
      const [f, t] = v;
      if (isBlank(f) || isBlank(t)) return '';
      const from = toNumber(NAME, 'from_count', 'count', f, at);
      const to = toNumber(NAME, 'to_count', 'count', t, at);
      if (from === 0) {
        throw new FormulaError(NAME, `from_count is 0${describePosition(at)}: no customers reached the earlier stage, so there is nothing to convert; enter the stage's customer count`);
      }
      if (to > from) {
        throw new FormulaError(
          NAME,
          `to_count (${describeValue(to)}) is larger than from_count (${describeValue(from)})${describePosition(at)}: ` +
            'a later stage cannot have more customers than an earlier one; check the order of the arguments',
        );
      }
      return to / from;
    }),
};
