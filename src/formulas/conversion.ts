import { conversionProblem } from '../core/funnel/funnel';
import { describePosition, problem } from './errors';
import { elementwise } from './elementwise';
import { isBlank, toGrid } from './grid';
import { toNumber } from './kinds';
import { describeNumber, messages } from './messages';
import { defineFormula } from './spec';

const NAME = 'CJM_CONVERSION';

export const CJM_CONVERSION = defineFormula({
  name: NAME,
  summary: {
    en: 'Conversion between two stages: customers who reached the next stage ÷ customers at this one.',
    ru: 'Конверсия между этапами: дошедшие до следующего этапа ÷ клиенты на этом этапе.',
  },
  params: [
    {
      name: 'from_count',
      type: 'number|Array<Array<number>>',
      help: { en: 'Customers at the earlier stage.', ru: 'Клиентов на более раннем этапе.' },
    },
    {
      name: 'to_count',
      type: 'number|Array<Array<number>>',
      help: {
        en: 'Customers who reached the later stage (not more than from_count).',
        ru: 'Дошедших до следующего этапа (не больше from_count).',
      },
    },
  ],
  returns: {
    en: 'A share from 0 to 1; format the cell as % to read it as a percentage. In a range, an element that cannot be computed holds a short ⚠ note ("⚠ more than the previous stage").',
    ru: 'Доля от 0 до 1; формат ячейки «%» покажет проценты. В диапазоне элемент, который не посчитать, содержит короткое ⚠ пояснение («⚠ больше, чем на предыдущем этапе»).',
  },
  examples: [
    { formula: '=CJM_CONVERSION(1000, 50)', result: { en: '0.05 (5%)', ru: '0,05 (5%)' } },
    {
      given: { en: 'B20:G20 hold customers per stage', ru: 'в B20:G20 клиенты по этапам' },
      formula: '=CJM_CONVERSION(B20:F20, C20:G20)',
      result: { en: 'the five step conversions', ru: 'пять конверсий шагов' },
    },
    {
      given: { en: 'the same', ru: 'то же' },
      formula: '=CJM_CONVERSION($B$20, C20:G20)',
      result: {
        en: 'the overall conversion of each stage from the first',
        ru: 'общая конверсия каждого этапа от первого',
      },
    },
  ],
  evaluate: (lang, args) => {
    const call = { fn: NAME, lang };
    const t = messages(lang);
    // One from_count cell for a range of to_counts is the first stage (overall conversion,
    // "=CJM_CONVERSION($C$25, D25:H25)"); a range of from_counts goes stage to stage.
    const fromFirst = !toGrid(args[0] ?? '').isRange;
    return elementwise(call, ['from_count', 'to_count'], args, (v, at) => {
      const [f, t0] = v;
      if (isBlank(f) || isBlank(t0)) return '';
      const from = toNumber(call, 'from_count', 'count', f, at);
      const to = toNumber(call, 'to_count', 'count', t0, at);
      const where = describePosition(at, lang);
      // the map's one rule for a transition (core/funnel conversionProblem)
      const why = conversionProblem(from, to);
      if (why === 'fromZero')
        throw problem(
          call,
          t.fromZero(where),
          fromFirst ? t.brief.fromZeroFirst : t.brief.fromZeroPrevious,
        );
      if (why === 'more') {
        throw problem(
          call,
          t.toAboveFrom(describeNumber(to, lang), describeNumber(from, lang), where),
          fromFirst ? t.brief.moreFirst : t.brief.morePrevious,
        );
      }
      return to / from;
    });
  },
});
