import { LEVERS, required } from '../core/funnel/funnel';
import { describePosition, problem } from './errors';
import { ECONOMICS_PARAMS, readEconomics } from './levers';
import { elementwise } from './elementwise';
import { describeNumber, messages, type Lang } from './messages';
import { defineFormula, type ParamSpec } from './spec';

const NAME = 'CJM_REQUIRED';
const PARAMS = [
  {
    name: 'target_revenue',
    kind: 'money',
    shape: 'each',
    help: { en: 'The revenue goal.', ru: 'Цель по выручке.' },
  },
  ...ECONOMICS_PARAMS,
  {
    name: 'solve_for',
    kind: 'lever',
    shape: 'each',
    help: {
      en: '"leads", "conversion", "avg_check" or "purchases" (or L, C, P, Q).',
      ru: '"лиды", "конверсия", "чек" или "покупки" (или L, C, P, Q).',
    },
  },
] as const satisfies readonly ParamSpec[];
const round = (n: number, lang: Lang): string => describeNumber(Math.round(n * 100) / 100, lang);

export const CJM_REQUIRED = defineFormula({
  name: NAME,
  summary: {
    en: 'What one factor of L × C × P × Q must become for revenue to reach a goal, the other three fixed.',
    ru: 'Каким должен стать один множитель L × C × P × Q, чтобы выручка достигла цели при остальных неизменных.',
  },
  params: PARAMS,
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
    return elementwise(call, PARAMS, args, (a, at) => {
      if (a.blank('solve_for') || a.blank('target_revenue')) return '';
      const lever = a.get('solve_for');
      const known = LEVERS.filter((l) => l !== lever);
      if (known.some((l) => a.blank(l))) return '';
      const e = readEconomics(a, lever);
      const goal = a.get('target_revenue');
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
