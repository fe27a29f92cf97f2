import {
  changeFormsText,
  impact,
  parseChange,
  togetherImpact,
  type Change,
} from '../core/funnel/change';
import type { Lever } from '../core/funnel/funnel';
import {
  callProblem,
  describePosition,
  FormulaError,
  problem,
  warning,
  type Call,
  type Position,
} from './errors';
import { elementwise } from './elementwise';
import {
  broadcastShape,
  describeShape,
  isBlank,
  toGrid,
  type Argument,
  type CellValue,
} from './grid';
import { ECONOMICS_PARAMS, readEconomics, readLever } from './levers';
import { describe, messages } from './messages';
import { defineFormula } from './spec';

const NAME = 'CJM_IMPACT';
const PARAMS = ['leads', 'conversion', 'avg_check', 'purchases', 'lever', 'change'] as const;

/** One action read: its lever, its change and its impact alone. */
interface Action {
  lever: Lever;
  change: Change;
  delta: number;
}

/**
 * One action's impact, from its six inputs: '' while one is blank; a FormulaError when an input is
 * wrong or the change cannot apply to the lever.
 */
function readAction(call: Call, v: readonly CellValue[], at: Position | undefined): Action | '' {
  const t = messages(call.lang);
  if (v.some(isBlank)) return '';
  const [l, c, p, q, lever, change] = v;
  const e = readEconomics(call, [l, c, p, q], at);
  const which = readLever(call, 'lever', lever, at);
  const where = describePosition(at, call.lang);
  // the forms this lever takes, in the user's language: "+10% or +0.5 purchases"
  const forms = changeFormsText(call.lang, which);
  // one parser with the wizard: a number alone (even 10% in a percent cell) does not say its unit
  const parsed = typeof change === 'string' ? parseChange(change) : null;
  if (!parsed) {
    const got = describe(change, call.lang);
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
  if ('delta' in result) return { lever: which, change: parsed, delta: result.delta };
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
}

/** The `together` argument: TRUE asks for the row of all the actions together. */
function readTogether(call: Call, arg: Argument | undefined): boolean {
  if (arg === undefined || arg === false || (!Array.isArray(arg) && isBlank(arg))) return false;
  if (arg === true) return true;
  const got = Array.isArray(arg) ? describeShape(toGrid(arg), call.lang) : describe(arg, call.lang);
  throw callProblem(call, messages(call.lang).badTogether(got));
}

/**
 * A plan's column of actions, each with its impact alone, and under them one more row: the impact
 * of all of them together (core/funnel/change.ts togetherImpact: on each lever the amounts first,
 * then the percentages). Always a range, so a bad action holds its ⚠ note and is left out of the
 * total, as in any spilled range.
 */
function together(call: Call, args: readonly (Argument | undefined)[]): (number | string)[][] {
  const grids = PARAMS.map((_, i) => toGrid(args[i] ?? ''));
  const t = messages(call.lang);
  const wrong = grids.flatMap((g, i) =>
    (i < 4 ? g.rows * g.cols > 1 : g.cols > 1)
      ? [`${PARAMS[i]} ${describeShape(g, call.lang)}`]
      : [],
  );
  if (wrong.length) throw callProblem(call, t.togetherShape(wrong.join(', ')));
  const { rows } = broadcastShape(call, PARAMS, grids);
  const shared = grids.slice(0, 4).map((g) => g.at(0, 0));
  const actions: Action[] = [];
  const column = Array.from({ length: rows }, (_, r): (number | string)[] => {
    const at = { row: r, col: 0, rows, cols: 1 };
    const values = [
      ...shared,
      grids[4]!.at(grids[4]!.rows === 1 ? 0 : r, 0),
      grids[5]!.at(grids[5]!.rows === 1 ? 0 : r, 0),
    ];
    try {
      const a = readAction(call, values, at);
      if (a === '') return [''];
      actions.push(a);
      return [a.delta];
    } catch (e) {
      if (e instanceof FormulaError) return [e.brief];
      throw e;
    }
  });
  return [...column, [totalOf(call, shared, actions)]];
}

/** The row under the actions: their impact together, '' while the economics are blank. */
function totalOf(
  call: Call,
  economics: readonly CellValue[],
  actions: readonly Action[],
): number | string {
  if (economics.some(isBlank)) return '';
  try {
    const result = togetherImpact(readEconomics(call, economics, undefined), actions);
    if ('delta' in result) return result.delta;
    const t = messages(call.lang);
    const brief =
      result.problem === 'conversionAboveOne'
        ? t.brief.conversionAboveOne
        : t.brief.negativeTogether;
    return warning(call, brief, 'together');
  } catch (e) {
    if (e instanceof FormulaError) return e.brief;
    throw e;
  }
}

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
    {
      name: 'together',
      type: 'boolean',
      optional: true,
      help: {
        en: 'TRUE for a plan: lever and change are its column of actions, and one more row under them gives the impact of all the actions together, each lever changed by all of its actions: amounts (pp, leads, money, purchases) first, then percentages. An action that cannot apply alone is left out. FALSE or omitted: no such row.',
        ru: 'TRUE для плана: lever и change — его столбец действий, и ещё одна строка под ними даёт влияние всех действий вместе, когда каждый рычаг изменён всеми своими действиями: сначала количества (п.п., лиды, деньги, покупки), затем проценты. Действие, которое не применимо и само по себе, не учитывается. FALSE или не задан: такой строки нет.',
      },
    },
  ],
  returns: {
    en: "The extra revenue (negative for a loss); blank while an input is blank; in a range, an element with a bad input holds a short ⚠ note. With together TRUE, the actions' impacts, each alone, and under them their impact together.",
    ru: 'Прирост выручки (отрицательный — потеря); пусто, пока не заполнены входы; в диапазоне элемент с неверным входом содержит короткое ⚠ пояснение. При together = TRUE — влияние каждого действия по отдельности и под ними влияние всех вместе.',
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
    {
      given: {
        en: 'D2:D6 = L, C, C, P, Q; E2:E6 = +10%, +2 pp, +10%, +1000 ₽, +0.5 purchases',
        ru: 'D2:D6 = L, C, C, P, Q; E2:E6 = +10%, +2 п.п., +10%, +1000 ₽, +0,5 покупки',
      },
      formula: '=CJM_IMPACT(5000, 3%, 9000, 2.5, D2:D6, E2:E6, TRUE)',
      result: {
        en: '337,500; 2,250,000; 337,500; 375,000; 675,000 — each alone, and in a sixth row 5,700,000: all together 5,500 × 5.5% × 10,000 × 3 = 9,075,000, not 3,375,000 + 3,975,000',
        ru: '337 500; 2 250 000; 337 500; 375 000; 675 000 — каждое по отдельности, и в шестой строке 5 700 000: все вместе 5 500 × 5,5% × 10 000 × 3 = 9 075 000, а не 3 375 000 + 3 975 000',
      },
    },
  ],
  evaluate: (lang, args) => {
    const call = { fn: NAME, lang, nameInBrief: true };
    if (readTogether(call, args[6])) return together(call, args);
    return elementwise(call, PARAMS, args.slice(0, PARAMS.length), (v, at) => {
      const a = readAction(call, v, at);
      return a === '' ? '' : a.delta;
    });
  },
});
