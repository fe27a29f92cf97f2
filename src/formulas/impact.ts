import { impact, parseChange } from '../core/funnel/change';
import { describePosition, problem } from './errors';
import { elementwise } from './elementwise';
import { isBlank } from './grid';
import { ECONOMICS_PARAMS, readEconomics, readLever } from './levers';
import { messages } from './messages';
import { defineFormula } from './spec';

const NAME = 'CJM_IMPACT';
const PARAMS = ['leads', 'conversion', 'avg_check', 'purchases', 'lever', 'change'] as const;

export const CJM_IMPACT = defineFormula({
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
  returns: {
    en: 'The extra revenue (negative for a loss); blank while an input is blank; in a range, an element with a bad input holds a short ⚠ note.',
    ru: 'Прирост выручки (отрицательный — потеря); пусто, пока не заполнены входы; в диапазоне элемент с неверным входом содержит короткое ⚠ пояснение.',
  },
  examples: [
    { formula: '=CJM_IMPACT(1000, 5%, 2000, 1.5, "C", "+2 pp")', result: { en: '60 000 (conversion 5% → 7%)', ru: '60 000 (конверсия 5% → 7%)' } },
    { formula: '=CJM_IMPACT(1000, 5%, 2000, 1.5, "P", "+10%")', result: { en: '15 000 (check 2 000 → 2 200)', ru: '15 000 (чек 2 000 → 2 200)' } },
  ],
  evaluate: (lang, args) => {
    const call = { fn: NAME, lang, nameInBrief: true };
    const t = messages(lang);
    return elementwise(call, PARAMS, args, (v, at) => {
      if (v.some(isBlank)) return '';
      const [l, c, p, q, lever, change] = v;
      const e = readEconomics(call, [l, c, p, q], at);
      const which = readLever(call, 'lever', lever, at);
      const where = describePosition(at, lang);
      const parsed = typeof change === 'number' || typeof change === 'string' ? parseChange(change) : null;
      if (!parsed) throw problem(call, t.badChange(JSON.stringify(String(change)), where), t.brief.badChange, 'change');
      const result = impact(e, which, parsed);
      if ('problem' in result) throw problem(call, `${t[result.problem]}${where}`, t.brief[result.problem], 'change');
      return result.delta;
    });
  },
});
