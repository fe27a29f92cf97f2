import { weakestTransition } from '../core/funnel/funnel';
import { readAligned, readCounts, readLabels } from './counts';
import { FormulaError, type Call } from './errors';
import { isBlank } from './grid';
import { toNumber } from './kinds';
import { defineFormula } from './spec';

const NAME = 'CJM_BOTTLENECK';

export const CJM_BOTTLENECK = defineFormula({
  name: NAME,
  summary: {
    en: 'The weakest transition of a funnel: the lowest step conversion, or the largest shortfall against targets.',
    ru: 'Самый слабый переход воронки: наименьшая конверсия шага или наибольшее отставание от цели.',
  },
  params: [
    {
      name: 'counts',
      type: 'Array<Array<number>>',
      help: {
        en: 'Customers who reached each stage, in order.',
        ru: 'Клиенты, дошедшие до каждого этапа, по порядку.',
      },
    },
    {
      name: 'labels',
      type: 'Array<Array<string>>',
      help: {
        en: 'Stage names, a range of the same shape as counts.',
        ru: 'Названия этапов, диапазон той же формы, что counts.',
      },
    },
    {
      name: 'targets',
      type: 'Array<Array<number>>',
      optional: true,
      help: {
        en: 'Target step conversion per stage, a range of the same shape as counts (the first is ignored).',
        ru: 'Целевая конверсия шага для каждого этапа, диапазон той же формы, что counts (первая не учитывается).',
      },
    },
  ],
  returns: {
    en: 'The text "<from stage> → <to stage>", judged among the stages whose count and target are valid; blank until two such stages have counts.',
    ru: 'Текст «<этап> → <этап>», выбранный среди этапов с верными числами и целями; пусто, пока таких этапов с числами меньше двух.',
  },
  examples: [
    {
      given: {
        en: 'B1:D1 = Visit, Cart, Order; B2:D2 = 1000, 400, 100',
        ru: 'B1:D1 = Визит, Корзина, Заказ; B2:D2 = 1000, 400, 100',
      },
      formula: '=CJM_BOTTLENECK(B2:D2, B1:D1)',
      result: {
        en: '"Cart → Order" (25% is the lowest step)',
        ru: '«Корзина → Заказ» (25% — худший шаг)',
      },
    },
    {
      given: { en: 'B3:D3 = targets 1, 30%, 50%', ru: 'B3:D3 = цели 1; 30%; 50%' },
      formula: '=CJM_BOTTLENECK(B2:D2, B1:D1, B3:D3)',
      result: {
        en: '"Cart → Order" (25% of 50% target)',
        ru: '«Корзина → Заказ» (25% при цели 50%)',
      },
    },
  ],
  evaluate: (lang, [counts, labels, targets]) => {
    const call: Call = { fn: NAME, lang };
    // A stage whose count is not a number of 0 or more is left out (null), so are the transitions
    // it takes part in; a count above the stage before it stays: the step row compares neighbours,
    // and so does the weakest transition (core/funnel weakestTransition), among the steps it shows.
    const read = readCounts(call, counts ?? '');
    const usable = read.counts.map((c, k) =>
      read.issues[k]?.kind === 'order' ? (read.issues[k]?.count ?? null) : c,
    );
    const names = readLabels(call, labels, read);
    const given = readAligned(call, 'targets', targets, read);
    // aligned with the counts (readAligned): one target per stage
    const goals = given?.values.map((v, k): number | null | 'bad' => {
      if (k === 0 || isBlank(v)) return null;
      try {
        // A target of 0 sets no bar to fall short of, so it counts as no target.
        return toNumber(call, 'targets', 'share', v, given.positions[k]) || null;
      } catch (e) {
        if (!(e instanceof FormulaError)) throw e;
        return 'bad';
      }
    });
    const i = weakestTransition(usable, goals);
    return i === null ? '' : `${names[i - 1]} → ${names[i]}`;
  },
});
