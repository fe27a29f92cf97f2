import { LEVERS, required } from '../core/funnel/funnel';
import { describePosition, problem } from './errors';
import { ECONOMICS_PARAMS, readEconomics, readLever } from './levers';
import { elementwise } from './elementwise';
import { isBlank } from './grid';
import { toNumber } from './kinds';
import { describeNumber, messages, type Lang } from './messages';
import { defineFormula } from './spec';

const NAME = 'CJM_REQUIRED';
const PARAMS = [
  'target_revenue',
  'leads',
  'conversion',
  'avg_check',
  'purchases',
  'solve_for',
] as const;
const round = (n: number, lang: Lang): string => describeNumber(Math.round(n * 100) / 100, lang);

export const CJM_REQUIRED = defineFormula({
  name: NAME,
  summary: {
    en: 'What one factor of L × C × P × Q must become for revenue to reach a goal, the other three fixed.',
    ru: 'Каким должен стать один множитель L × C × P × Q, чтобы выручка достигла цели при остальных неизменных.',
  },
  params: [
    {
      name: 'target_revenue',
      type: 'number|Array<Array<number>>',
      help: { en: 'The revenue goal.', ru: 'Цель по выручке.' },
    },
    ...ECONOMICS_PARAMS,
    {
      name: 'solve_for',
      type: 'string|Array<Array<string>>',
      help: {
        en: '"leads", "conversion", "avg_check" or "purchases" (or L, C, P, Q).',
        ru: '"лиды", "конверсия", "чек" или "покупки" (или L, C, P, Q).',
      },
    },
  ],
  returns: {
    en: 'The value the chosen factor needs; an error says when the goal is out of reach (in a range, a short ⚠ note in that element).',
    ru: 'Нужное значение множителя; если цель недостижима, ошибка объясняет почему (в диапазоне — короткое ⚠ пояснение в этом элементе).',
  },
  examples: [
    {
      formula: '=CJM_REQUIRED(300000, 1000, 5%, 2000, 1.5, "leads")',
      result: { en: '2000 leads', ru: '2000 лидов' },
    },
    {
      formula: '=CJM_REQUIRED(300000, 1000, 5%, 2000, 1.5, "конверсия")',
      result: { en: '0.1 (10%)', ru: '0,1 (10%)' },
    },
  ],
  evaluate: (lang, args) => {
    const call = { fn: NAME, lang, nameInBrief: true };
    const t = messages(lang);
    return elementwise(call, PARAMS, args, (v, at) => {
      const [target, , , , , solveFor] = v;
      if (isBlank(solveFor) || isBlank(target)) return '';
      const lever = readLever(call, 'solve_for', solveFor, at);
      const known = LEVERS.filter((l) => l !== lever);
      if (known.some((l) => isBlank(v[PARAMS.indexOf(l)]))) return '';
      const e = readEconomics(call, v.slice(1, 5), at, lever);
      const goal = toNumber(call, 'target_revenue', 'money', target, at);
      const need = required(goal, e, lever);
      const where = describePosition(at, lang);
      if (need === null) {
        const zero = known.find((l) => e[l] === 0) ?? known[0] ?? lever;
        throw problem(
          call,
          t.zeroFactor(zero, where, lever, round(goal, lang)),
          t.brief.zeroFactor(t.label[zero] ?? zero),
        );
      }
      // Rounding may put an exactly reachable goal a hair above 100%; that is still 100%.
      if (lever === 'conversion' && need > 1 + 1e-9) {
        const best = e.leads * e.avg_check * e.purchases;
        throw problem(
          call,
          t.unreachable(
            round(goal, lang),
            where,
            round(need * 100, lang),
            round(best, lang),
            round(goal / (e.avg_check * e.purchases), lang),
          ),
          t.brief.unreachable,
        );
      }
      return lever === 'conversion' ? Math.min(need, 1) : need;
    });
  },
});
