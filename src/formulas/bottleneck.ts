import { conversionProblem, weakestTransition, type Count } from '../core/funnel/funnel';
import { readAligned, readCounts, readLabels } from './counts';
import { FormulaError, warning, type Call } from './errors';
import { isBlank, type CellValue } from './grid';
import { readArg } from './kinds';
import { isDate } from '../core/map/dates';
import { messages } from './messages';
import { defineFormula, type ParamSpec } from './spec';

const NAME = 'CJM_BOTTLENECK';

const PARAMS = [
  {
    name: 'counts',
    kind: 'count',
    shape: 'row',
    help: {
      en: 'Customers who reached each stage, in order.',
      ru: 'Клиенты, дошедшие до каждого этапа, по порядку.',
    },
  },
  {
    name: 'labels',
    kind: 'text',
    shape: 'row',
    help: {
      en: 'Stage names, a range of the same shape as counts.',
      ru: 'Названия этапов, диапазон той же формы, что counts.',
    },
  },
  {
    name: 'targets',
    kind: 'share',
    shape: 'row',
    optional: true,
    help: {
      en: 'Target step conversion per stage, a range of the same shape as counts (the first is ignored).',
      ru: 'Целевая конверсия шага для каждого этапа, диапазон той же формы, что counts (первая не учитывается).',
    },
  },
] as const satisfies readonly ParamSpec[];
const [COUNTS, LABELS, TARGETS] = PARAMS;

export const CJM_BOTTLENECK = defineFormula({
  name: NAME,
  summary: {
    en: 'The weakest transition of a funnel: the lowest step conversion, or the largest shortfall against targets.',
    ru: 'Самый слабый переход воронки: наименьшая конверсия шага или наибольшее отставание от цели.',
  },
  params: PARAMS,
  returns: {
    en: 'The text "<from stage> → <to stage>", judged among the transitions whose counts and target are valid; blank until two neighbouring stages have counts. If counts are typed but no transition can be judged (a count below 0 or not a number, 0 customers, more than the stage before, a target above 100%…), a short ⚠ note names the stage and what to fix.',
    ru: 'Текст «<этап> → <этап>», выбранный среди переходов с верными числами и целями; пусто, пока нет двух соседних этапов с числами. Если числа введены, но ни один переход не оценить (число меньше 0 или не число, 0 клиентов, больше, чем на предыдущем этапе, цель выше 100%…), короткое ⚠ пояснение называет этап и что исправить.',
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
    {
      given: {
        en: 'B1:C1 = Visit, Cart; B2:C2 = 1000, -5',
        ru: 'B1:C1 = Визит, Корзина; B2:C2 = 1000, -5',
      },
      formula: '=CJM_BOTTLENECK(B2:C2, B1:C1)',
      result: {
        en: '⚠ the count of "Cart" is below 0; enter its customers, 0 or more',
        ru: '⚠ у этапа «Корзина» клиентов меньше 0; введите число, 0 или больше',
      },
    },
  ],
  evaluate: (lang, [counts, labels, targets]) => {
    const call: Call = { fn: NAME, lang };
    // A stage whose count is not a number of 0 or more is left out (null), so are the transitions
    // it takes part in; a count above the stage before it stays: the step row compares neighbours,
    // and so does the weakest transition (core/funnel weakestTransition), among the steps it shows.
    const read = readCounts(call, COUNTS, counts ?? '');
    const usable = read.counts.map((c, k) =>
      read.issues[k]?.kind === 'order' ? (read.issues[k]?.count ?? null) : c,
    );
    const names = readLabels(call, LABELS, labels, read);
    const given = readAligned(call, TARGETS, targets, read);
    // aligned with the counts (readAligned): one target per stage
    const goals = given?.values.map((v, k): number | null | 'bad' => {
      if (k === 0 || isBlank(v)) return null;
      try {
        // A target of 0 sets no bar to fall short of, so it counts as no target.
        return readArg(call, TARGETS, v, given.positions[k]) || null;
      } catch (e) {
        if (!(e instanceof FormulaError)) throw e;
        return 'bad';
      }
    });
    const i = weakestTransition(usable, goals);
    if (i !== null) return `${names[i - 1]} → ${names[i]}`;
    return whyNone(call, read.values, usable, goals, given?.values, names);
  },
});

/**
 * A value read as readArg reads a number (a date is not a number, nor is text, whatever it looks
 * like): the number, or null.
 */
function numberIn(v: CellValue): number | null {
  if (isDate(v)) return null;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * Why no transition can be judged, as the cell says it: "" while inputs are still missing (no
 * transition has both its counts typed), else "⚠ …" naming the stage and the fix, for the first
 * transition whose two counts are typed. Each such transition was left out for one of these
 * reasons (weakestTransition judges every other one), checked in this order: a count that is
 * not a number of 0 or more (the earlier stage's first), 0 customers to convert from, more
 * customers than the stage before, a target that is not a share from 0 to 1. xlsx-export/native.ts
 * follows the same order.
 */
function whyNone(
  call: Call,
  values: readonly CellValue[],
  usable: readonly Count[],
  goals: readonly (number | null | 'bad')[] | undefined,
  targets: readonly CellValue[] | undefined,
  names: readonly string[],
): string {
  const t = messages(call.lang).noTransition;
  const countWhy = (k: number): string | null => {
    if (usable[k] !== null) return null;
    const n = numberIn(values[k]);
    return n !== null && n < 0 ? t.countNegative(names[k] ?? '') : t.countNotNumber(names[k] ?? '');
  };
  // the transition from stage k - 1 to stage k: why it was left out, or null if it was not
  const transitionWhy = (k: number): string | null => {
    const count = countWhy(k - 1) ?? countWhy(k);
    if (count !== null) return count;
    const problem = conversionProblem(usable[k - 1] ?? 0, usable[k] ?? 0);
    if (problem === 'fromZero') return t.fromZero(names[k - 1] ?? '');
    if (problem === 'more') return t.more(names[k] ?? '', names[k - 1] ?? '');
    if (goals?.[k] !== 'bad') return null;
    const n = numberIn(targets?.[k]);
    return n !== null && n > 1
      ? t.targetAboveOne(names[k] ?? '')
      : t.targetNotShare(names[k] ?? '');
  };
  for (let k = 1; k < values.length; k++) {
    if (isBlank(values[k - 1]) || isBlank(values[k])) continue;
    const why = transitionWhy(k);
    if (why !== null) return warning(call, why);
  }
  return '';
}
