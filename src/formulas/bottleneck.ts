import { weakestTransition } from '../core/funnel/funnel';
import { readCounts, readLabels } from './counts';
import { FormulaError } from './errors';
import { isBlank, toVector } from './grid';
import { toNumber } from './kinds';
import type { FormulaSpec } from './spec';

const NAME = 'CJM_BOTTLENECK';

export const CJM_BOTTLENECK: FormulaSpec = {
  name: NAME,
  summary: {
    en: 'The weakest transition of a funnel: the lowest step conversion, or the largest shortfall against targets.',
    ru: 'Самый слабый переход воронки: наименьшая конверсия шага или наибольшее отставание от цели.',
  },
  params: [
    { name: 'counts', type: 'Array<Array<number>>', help: { en: 'Customers who reached each stage, in order.', ru: 'Клиенты, дошедшие до каждого этапа, по порядку.' } },
    { name: 'labels', type: 'Array<Array<string>>', help: { en: 'Stage names, aligned with counts.', ru: 'Названия этапов по порядку.' } },
    { name: 'targets', type: 'Array<Array<number>>', optional: true, help: { en: 'Target step conversion per stage, aligned with counts (the first is ignored).', ru: 'Целевая конверсия шага для каждого этапа (первая не учитывается).' } },
  ],
  returns: { en: 'The text "<from stage> → <to stage>"; blank until two stages have counts.', ru: 'Текст «<этап> → <этап>»; пусто, пока не заполнены два этапа.' },
  examples: [
    { given: { en: 'B1:D1 = Visit, Cart, Order; B2:D2 = 1000, 400, 100', ru: 'B1:D1 = Визит, Корзина, Заказ; B2:D2 = 1000, 400, 100' }, formula: '=CJM_BOTTLENECK(B2:D2, B1:D1)', result: { en: '"Cart → Order" (25% is the lowest step)', ru: '«Корзина → Заказ» (25% — худший шаг)' } },
    { given: { en: 'B3:D3 = targets 1, 30%, 50%', ru: 'B3:D3 = цели 1; 30%; 50%' }, formula: '=CJM_BOTTLENECK(B2:D2, B1:D1, B3:D3)', result: { en: '"Cart → Order" (25% of 50% target)', ru: '«Корзина → Заказ» (25% при цели 50%)' } },
  ],
  run: (counts, labels, targets) => {
    const values = readCounts(NAME, counts);
    const names = readLabels(NAME, labels, values.length, 'Stage');
    let goals: (number | null)[] | undefined;
    if (targets !== undefined) {
      const t = toVector(NAME, 'targets', targets);
      if (t.values.length !== values.length) {
        throw new FormulaError(NAME, `targets has ${t.values.length} entries but counts has ${values.length}; give one target per stage (the first is ignored)`);
      }
      // A target of 0 sets no bar to fall short of, so it counts as no target.
      goals = t.values.map((v, i) => (i === 0 || isBlank(v) ? null : toNumber(NAME, 'targets', 'share', v, t.positions[i]) || null));
    }
    const i = weakestTransition(values, goals);
    return i === null ? '' : `${names[i - 1]} → ${names[i]}`;
  },
};
