import { changeFormsText, impact, parseChange } from '../core/funnel/change';
import { describePosition, problem } from './errors';
import { elementwise } from './elementwise';
import { isBlank } from './grid';
import { ECONOMICS_PARAMS, readEconomics, readLever } from './levers';
import { describe, messages } from './messages';
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
    {
      name: 'lever',
      type: 'string|Array<Array<string>>',
      help: {
        en: 'The lever the action moves: L, C, P or Q (or leads, conversion, …).',
        ru: 'Рычаг, который двигает действие: L, C, P или Q (или лиды, конверсия, …).',
      },
    },
    {
      name: 'change',
      type: 'string|Array<Array<string>>',
      help: {
        en: 'Expected change with its unit: "+10%" (relative), "+2 pp" (points, conversion only), or an amount in the lever\'s own unit: "+300 leads", "+1000 ₽", "+0.5 purchases". A bare number ("+0.5") is refused: it does not say which it means.',
        ru: 'Ожидаемое изменение с единицей: "+10%" (относительное), "+2 п.п." (пункты, только для конверсии) или количество в единицах самого рычага: "+300 лидов", "+1000 ₽", "+0,5 покупки". Число без единицы ("+0,5") не принимается: непонятно, что оно значит.',
      },
    },
  ],
  returns: {
    en: 'The extra revenue (negative for a loss); blank while an input is blank; in a range, an element with a bad input holds a short ⚠ note.',
    ru: 'Прирост выручки (отрицательный — потеря); пусто, пока не заполнены входы; в диапазоне элемент с неверным входом содержит короткое ⚠ пояснение.',
  },
  examples: [
    {
      formula: '=CJM_IMPACT(1000, 5%, 2000, 1.5, "C", "+2 pp")',
      result: { en: '60,000 (conversion 5% → 7%)', ru: '60 000 (конверсия 5% → 7%)' },
    },
    {
      formula: '=CJM_IMPACT(1000, 5%, 2000, 1.5, "P", "+10%")',
      result: { en: '15,000 (check 2,000 → 2,200)', ru: '15 000 (чек 2 000 → 2 200)' },
    },
    {
      formula: '=CJM_IMPACT(1980, 50%, 3000, 2.5, "Q", "+0.5 purchases")',
      result: {
        en: '1,485,000 (purchases 2.5 → 3)',
        ru: '1 485 000 (покупки 2,5 → 3; можно "+0,5 покупки")',
      },
    },
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
      // the forms this lever takes, in the user's language: "+10% or +0.5 purchases"
      const forms = changeFormsText(lang, which);
      // one parser with the wizard: a number alone (even 10% in a percent cell) does not say its
      // unit
      const parsed = typeof change === 'string' ? parseChange(change) : null;
      if (!parsed) {
        const got = describe(change, lang);
        throw problem(
          call,
          typeof change === 'number'
            ? t.numberChange(got, where, forms)
            : t.badChange(got, where, forms),
          t.brief.badChange(forms),
          'change',
        );
      }
      const result = impact(e, which, parsed);
      if ('delta' in result) return result.delta;
      const why = result.problem;
      const full =
        why === 'pointsNotConversion'
          ? t.pointsNotConversion(where, forms)
          : why === 'unitNotLever'
            ? t.unitNotLever(
                t.unitName[parsed.kind === 'absolute' ? parsed.unit : 'money'],
                t.label[which] ?? which,
                where,
                forms,
              )
            : `${t[why]}${where}`;
      throw problem(call, full, t.brief[why], 'change');
    });
  },
});
