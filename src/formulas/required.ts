import { LEVERS, required } from '../core/funnel/funnel';
import { describeValue } from '../core/funnel/numbers';
import { describePosition, FormulaError } from './errors';
import { ECONOMICS_PARAMS, readEconomics, readLever } from './levers';
import { elementwise } from './elementwise';
import { isBlank } from './grid';
import { toNumber } from './kinds';
import type { FormulaSpec } from './spec';

const NAME = 'CJM_REQUIRED';
const PARAMS = ['target_revenue', 'leads', 'conversion', 'avg_check', 'purchases', 'solve_for'] as const;
const round = (n: number): string => describeValue(Math.round(n * 100) / 100);

export const CJM_REQUIRED: FormulaSpec = {
  name: NAME,
  summary: {
    en: 'What one factor of L × C × P × Q must become for revenue to reach a goal, the other three fixed.',
    ru: 'Каким должен стать один множитель L × C × P × Q, чтобы выручка достигла цели при остальных неизменных.',
  },
  params: [
    { name: 'target_revenue', type: 'number|Array<Array<number>>', help: { en: 'The revenue goal.', ru: 'Цель по выручке.' } },
    ...ECONOMICS_PARAMS,
    { name: 'solve_for', type: 'string|Array<Array<string>>', help: { en: '"leads", "conversion", "avg_check" or "purchases" (or L, C, P, Q).', ru: '"лиды", "конверсия", "чек" или "покупки" (или L, C, P, Q).' } },
  ],
  returns: { en: 'The value the chosen factor needs; an error says when the goal is out of reach.', ru: 'Нужное значение множителя; если цель недостижима, ошибка объясняет почему.' },
  examples: [
    { formula: '=CJM_REQUIRED(300000, 1000, 5%, 2000, 1.5, "leads")', result: { en: '2000 leads', ru: '2000 лидов' } },
    { formula: '=CJM_REQUIRED(300000, 1000, 5%, 2000, 1.5, "конверсия")', result: { en: '0.1 (10%)', ru: '0,1 (10%)' } },
  ],
  run: (...args) =>
    elementwise(NAME, PARAMS, args, (v, at) => {
      const [target, , , , , solveFor] = v;
      if (isBlank(solveFor) || isBlank(target)) return '';
      const lever = readLever(NAME, 'solve_for', solveFor, at);
      const known = LEVERS.filter((l) => l !== lever);
      if (known.some((l) => isBlank(v[PARAMS.indexOf(l)]))) return '';
      const e = readEconomics(NAME, v.slice(1, 5), at, lever);
      const goal = toNumber(NAME, 'target_revenue', 'money', target, at);
      const need = required(goal, e, lever);
      if (need === null) {
        const zero = known.find((l) => e[l] === 0);
        throw new FormulaError(NAME, `${zero} is 0${describePosition(at)}, so no ${lever} can reach ${round(goal)}; enter a ${zero} above 0`);
      }
      // Rounding may put an exactly reachable goal a hair above 100%; that is still 100%.
      if (lever === 'conversion' && need > 1 + 1e-9) {
        const best = e.leads * e.avg_check * e.purchases;
        throw new FormulaError(
          NAME,
          `the goal ${round(goal)} is unreachable by conversion alone${describePosition(at)}: it would take ${round(need * 100)}% conversion, ` +
            `and even 100% gives ${round(best)}; raise leads to at least ${round(goal / (e.avg_check * e.purchases))}, or the check or purchases`,
        );
      }
      return lever === 'conversion' ? Math.min(need, 1) : need;
    }),
};
