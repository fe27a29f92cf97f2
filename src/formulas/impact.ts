import { impact, parseChange } from '../core/funnel/change';
import { describePosition, FormulaError } from './errors';
import { elementwise } from './elementwise';
import { isBlank } from './grid';
import { ECONOMICS_PARAMS, readEconomics, readLever } from './levers';
import type { FormulaSpec } from './spec';

const NAME = 'CJM_IMPACT';
const PARAMS = ['leads', 'conversion', 'avg_check', 'purchases', 'lever', 'change'] as const;

const PROBLEMS = {
  pointsNotConversion: 'points (pp) apply to conversion only; write a relative change such as +10% for this lever',
  conversionAboveOne: 'the change would take conversion above 100%; use a smaller change',
  negativeFactor: 'the change would make the factor negative; use a change above -100%',
} as const;

export const CJM_IMPACT: FormulaSpec = {
  name: NAME,
  summary: {
    en: 'Revenue impact of an action: how much L × C × P × Q grows when one lever changes by the expected amount.',
    ru: 'Влияние действия на выручку: насколько вырастет L × C × P × Q, если один рычаг изменится на ожидаемую величину.',
  },
  params: [
    ...ECONOMICS_PARAMS,
    { name: 'lever', type: 'string|Array<Array<string>>', help: { en: 'The lever the action moves: L, C, P or Q (or leads, conversion, …).', ru: 'Рычаг, который двигает действие: L, C, P или Q (или лиды, конверсия, …).' } },
    { name: 'change', type: 'string|number|Array<Array<string>>', help: { en: 'Expected change: "+10%" (relative) or "+2 pp" (points of conversion).', ru: 'Ожидаемое изменение: "+10%" (относительное) или "+2 п.п." (пункты конверсии).' } },
  ],
  returns: { en: 'The extra revenue (negative for a loss); blank while an input is blank.', ru: 'Прирост выручки (отрицательный — потеря); пусто, пока не заполнены входы.' },
  examples: [
    { formula: '=CJM_IMPACT(1000, 5%, 2000, 1.5, "C", "+2 pp")', result: { en: '60 000 (conversion 5% → 7%)', ru: '60 000 (конверсия 5% → 7%)' } },
    { formula: '=CJM_IMPACT(1000, 5%, 2000, 1.5, "P", "+10%")', result: { en: '15 000 (check 2 000 → 2 200)', ru: '15 000 (чек 2 000 → 2 200)' } },
  ],
  run: (...args) =>
    elementwise(NAME, PARAMS, args, (v, at) => {
      if (v.some(isBlank)) return '';
      const [l, c, p, q, lever, change] = v;
      const e = readEconomics(NAME, [l, c, p, q], at);
      const which = readLever(NAME, 'lever', lever, at);
      const parsed = typeof change === 'number' || typeof change === 'string' ? parseChange(change) : null;
      if (!parsed) {
        throw new FormulaError(NAME, `change must read like "+10%", "-5%" or "+2 pp"; got ${JSON.stringify(String(change))}${describePosition(at)}`);
      }
      const result = impact(e, which, parsed);
      if ('problem' in result) throw new FormulaError(NAME, `${PROBLEMS[result.problem]}${describePosition(at)}`);
      return result.delta;
    }),
};
