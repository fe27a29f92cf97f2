import {
  changeFormsText,
  impact,
  togetherImpact,
  type Change,
  type LeverChange,
} from '../core/funnel/change';
import { LEVERS, type Economics } from '../core/funnel/funnel';
import {
  stepChange,
  stepLeverChange,
  transitionPlace,
  type PlaceProblem,
  type StepProblem,
} from '../core/funnel/transition';
import {
  callProblem,
  describePosition,
  FormulaError,
  problem,
  warning,
  type Call,
  type Position,
} from './errors';
import { elementArgs, eachParams, elementwise, type ElementArgs } from './elementwise';
import {
  broadcastShape,
  describeShape,
  isBlank,
  toGrid,
  type Argument,
  type CellValue,
  type Grid,
} from './grid';
import { ECONOMICS_PARAMS, readEconomics } from './levers';
import { readArg } from './kinds';
import { describe, messages } from './messages';
import { defineFormula, type ParamSpec } from './spec';

const NAME = 'CJM_IMPACT';

const TOGETHER = {
  name: 'together',
  kind: 'flag',
  shape: 'cell',
  optional: true,
  help: {
    en: 'TRUE for a plan: lever and change are its column of actions, and one more row under them gives the impact of all the actions together, each lever changed by all of its actions: amounts (pp, leads, money, purchases) first, then percentages. An action that cannot apply alone is left out. FALSE or omitted: no such row.',
    ru: 'TRUE для плана: lever и change — его столбец действий, и ещё одна строка под ними даёт влияние всех действий вместе, когда каждый рычаг изменён всеми своими действиями: сначала количества (п.п., лиды, деньги, покупки), затем проценты. Действие, которое не применимо и само по себе, не учитывается. FALSE или не задан: такой строки нет.',
  },
} as const satisfies ParamSpec;

/** The map's rows an action on a step reads whole, once per call. */
const FUNNEL_ROWS = [
  { name: 'stages', kind: 'text' },
  { name: 'roles', kind: 'text' },
  { name: 'counts', kind: 'count' },
] as const;

/**
 * Element-wise: the four factors, the action's lever and change, and (after `together`) the stage
 * of an action on a step; then the map's stages, roles and counts, read whole.
 */
const PARAMS = [
  ...ECONOMICS_PARAMS,
  {
    name: 'lever',
    kind: 'planLever',
    shape: 'each',
    help: {
      en: 'The lever the action moves: L, C, P or Q (or leads, conversion, …), or "step": the step conversion into the stage named in stage. A step into a stage after the leads stage, up to the deal stage, changes C by the step\'s ratio (new step ÷ old step); one into a stage at or before the leads stage changes L by it; one after the deal is refused (repeat purchases: act on Q).',
      ru: 'Рычаг, который двигает действие: L, C, P или Q (или лиды, конверсия, …) либо "шаг": конверсия шага в этап, названный в stage. Шаг в этап после этапа лидов до этапа сделки меняет C во столько раз, во сколько меняется шаг (новый шаг ÷ прежний); шаг в этап до этапа лидов включительно меняет во столько же раз L; шаг после сделки не принимается (это повторные покупки: меняйте Q).',
    },
  },
  {
    name: 'change',
    kind: 'change',
    shape: 'each',
    help: {
      en: 'Expected change with its unit: "+10%" (relative), "+2 pp" (points, conversion or a step only), or an amount in the lever\'s own unit: "+300 leads", "+1000 ₽", "+0.5 purchases". A bare number ("+0.5") is refused: it does not say which it means.',
      ru: 'Ожидаемое изменение с единицей: "+10%" (относительное), "+2 п.п." (пункты, только для конверсии или шага) или количество в единицах самого рычага: "+300 лидов", "+1000 ₽", "+0,5 покупки". Число без единицы ("+0,5") не принимается: непонятно, что оно значит.',
    },
  },
  TOGETHER,
  {
    name: 'stage',
    kind: 'text',
    shape: 'each',
    optional: true,
    help: {
      en: 'For lever "step": the stage whose step (its customers ÷ those of the stage before it) the action changes, by its name on the map (any case).',
      ru: 'Для рычага "шаг": этап, шаг в который (его клиенты ÷ клиенты этапа перед ним) меняет действие, по названию на карте (регистр не важен).',
    },
  },
  ...FUNNEL_ROWS.map(({ name, kind }) => ({
    name,
    kind,
    shape: 'row' as const,
    optional: true,
    help: {
      en: `For lever "step": the map's row of stage ${name === 'stages' ? 'names' : name === 'roles' ? 'funnel roles (L, C, Q)' : 'customer counts'}, from the column before the first stage to the column after the last (those two edges are not read as stages: they keep the range whole when a stage is added, moved or removed at either end).`,
      ru: `Для рычага "шаг": строка карты с ${name === 'stages' ? 'названиями этапов' : name === 'roles' ? 'ролями этапов в воронке (L, C, Q)' : 'числом клиентов этапов'}, от столбца перед первым этапом до столбца после последнего (эти два крайних столбца не читаются как этапы: благодаря им диапазон остаётся целым, когда этап добавляют, двигают или удаляют с любого края).`,
    },
  })),
] as const satisfies readonly ParamSpec[];
const TOGETHER_ARG = PARAMS.indexOf(TOGETHER);
const FIRST_ROW_ARG = PARAMS.findIndex((p) => p.name === FUNNEL_ROWS[0].name);
/** An action is blank until its factors, lever and change are typed. */
const ACTION_INPUTS = ['leads', 'conversion', 'avg_check', 'purchases', 'lever', 'change'] as const;

/** One action read: the factor it moves and by how much (a step's as its factor's), its impact alone. */
interface Action extends LeverChange {
  delta: number;
}

/**
 * The map's stages as the call reads them: the columns between the edges of its three rows (the
 * edges are the column before the first stage and the one after the last: see core/wizard/action-plan
 * mapRows); or, when they are not three rows of the same width, what was given.
 */
type Funnel = { names: string[]; roles: string[]; counts: CellValue[] } | { got: string };

function readFunnel(call: Call, args: readonly (Argument | undefined)[]): Funnel {
  const grids = FUNNEL_ROWS.map((_, i) => toGrid(args[i] ?? ''));
  const width = grids[0]?.cols ?? 0;
  if (grids.every((g) => g.isRange && g.rows === 1 && g.cols === width) && width >= 3) {
    const inside = (g: Grid) => Array.from({ length: width - 2 }, (_, i) => g.at(0, i + 1));
    const [names, roles, counts] = grids.map(inside) as [CellValue[], CellValue[], CellValue[]];
    const text = (v: CellValue) => readArg(call, FUNNEL_ROWS[0], v);
    return { names: names.map(text), roles: roles.map(text), counts };
  }
  const shape = (g: Grid) =>
    g.isRange ? describeShape(g, call.lang) : describe(g.at(0, 0), call.lang);
  return {
    got: FUNNEL_ROWS.map(({ name }, i) => `${name} ${shape(grids[i] as Grid)}`).join(', '),
  };
}

/**
 * One action's impact, from its inputs: '' while one is blank; a FormulaError when an input is
 * wrong or the change cannot apply to the lever.
 */
function readAction(
  call: Call,
  a: ElementArgs<typeof PARAMS>,
  at: Position | undefined,
  funnel: Funnel,
): Action | '' {
  const t = messages(call.lang);
  if (ACTION_INPUTS.some((name) => a.blank(name))) return '';
  const e = readEconomics(a);
  const which = a.get('lever');
  const parsed = a.get('change');
  if (which === 'step') return stepAction(call, e, parsed, a.get('stage'), funnel, at);
  const where = describePosition(at, call.lang);
  // the forms this lever takes, in the user's language: "+10% or +0.5 purchases"
  const forms = changeFormsText(call.lang, which);
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

/**
 * An action on the transition into `stage` (core/funnel/transition.ts): the step from the counts
 * of the stage and the one before it, changed, as the change of the factor it moves.
 */
function stepAction(
  call: Call,
  e: Economics,
  change: Change,
  name: string,
  funnel: Funnel,
  at: Position | undefined,
): Action | '' {
  const t = messages(call.lang);
  const where = describePosition(at, call.lang);
  if (change.kind === 'absolute')
    throw problem(
      call,
      t.step.unit(where, changeFormsText(call.lang, 'step')),
      t.brief.stepUnit,
      'change',
    );
  if ('got' in funnel) throw problem(call, t.step.noFunnel(funnel.got), t.brief.noFunnel, 'stage');
  const named = describe(name, call.lang);
  const place = transitionPlace(funnel.names, funnel.roles, name);
  if ('problem' in place) {
    const full: Record<PlaceProblem, string> = {
      noStage: t.step.noStage(where),
      unknownStage: t.step.unknownStage(
        named,
        where,
        funnel.names.map((n) => describe(n, call.lang)).join(', '),
      ),
      twoStages: t.step.twoStages(named, where),
      firstStage: t.step.firstStage(named, where),
      afterDeal: t.step.afterDeal(named, where),
    };
    throw problem(call, full[place.problem], t.brief[place.problem], 'stage');
  }
  const cells = [funnel.counts[place.index - 1], funnel.counts[place.index]];
  if (cells.some(isBlank)) return '';
  // a count is named by its column in the counts row (the first column is the edge)
  const [from, to] = cells.map((v, k) =>
    readArg(call, FUNNEL_ROWS[2], v, {
      row: 0,
      col: place.index + k,
      rows: 1,
      cols: funnel.counts.length + 2,
    }),
  ) as [number, number];
  const step = stepChange(from, to, change);
  if ('problem' in step) {
    const words: Record<Exclude<StepProblem, 'unitNotStep'>, [string, string]> = {
      fromZero: [t.step.fromZero(named, where), t.brief.fromZeroPrevious],
      more: [t.step.more(named, where), t.brief.morePrevious],
      toZero: [t.step.toZero(named, where), t.brief.toZero],
      stepAboveOne: [t.step.aboveOne(named, where), t.brief.stepAboveOne],
      stepBelowZero: [t.step.belowZero(named, where), t.brief.stepBelowZero],
    };
    // (an amount is refused above, before the stage is looked at)
    const [full, brief] = words[step.problem as keyof typeof words];
    throw problem(call, full, brief, 'stage');
  }
  const moved = stepLeverChange(place.factor, step, change);
  const result = impact(e, moved.lever, moved.change);
  if ('delta' in result) return { ...moved, delta: result.delta };
  const why = result.problem === 'conversionAboveOne' ? 'conversionAboveOne' : 'negativeFactor';
  throw problem(call, `${t[why]}${where}`, t.brief[why], 'change');
}

/**
 * A plan's column of actions, each with its impact alone, and under them one more row: the impact
 * of all of them together (core/funnel/change.ts togetherImpact: on each lever the amounts first,
 * then the percentages). Always a range, so a bad action holds its ⚠ note and is left out of the
 * total, as in any spilled range.
 */
function together(
  call: Call,
  args: readonly (Argument | undefined)[],
  funnel: Funnel,
): (number | string)[][] {
  const each = eachParams(PARAMS);
  const names = each.map(({ param }) => param.name);
  const grids = each.map(({ index }) => toGrid(args[index] ?? ''));
  const t = messages(call.lang);
  const wrong = grids.flatMap((g, i) =>
    (i < 4 ? g.rows * g.cols > 1 : g.cols > 1)
      ? [`${names[i]} ${describeShape(g, call.lang)}`]
      : [],
  );
  if (wrong.length) throw callProblem(call, t.togetherShape(wrong.join(', ')));
  const { rows } = broadcastShape(call, names, grids);
  const shared = grids.slice(0, 4).map((g) => g.at(0, 0));
  const element = elementArgs(call, PARAMS, args);
  const actions: Action[] = [];
  const column = Array.from({ length: rows }, (_, r): (number | string)[] => {
    const at = { row: r, col: 0, rows, cols: 1 };
    const values = [...shared, ...grids.slice(4).map((g) => g.at(g.rows === 1 ? 0 : r, 0))];
    try {
      const a = readAction(call, element.set(values, at), at, funnel);
      if (a === '') return [''];
      actions.push(a);
      // (one cell per plan column from the impact on: core/map/plan-layout.ts PLAN_COLUMNS)
      return [a.delta];
    } catch (e) {
      if (e instanceof FormulaError) return [e.brief];
      throw e;
    }
  });
  return [...column, [totalOf(call, element.set(shared, undefined), actions)]];
}

/** The row under the actions: their impact together, '' while the economics are blank. */
function totalOf(
  call: Call,
  economics: ElementArgs<typeof PARAMS>,
  actions: readonly Action[],
): number | string {
  if (LEVERS.some((l) => economics.blank(l))) return '';
  try {
    const result = togetherImpact(readEconomics(economics), actions);
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
  params: PARAMS,
  returns: {
    en: "The extra revenue (negative for a loss); blank while an input is blank; in a range, an element with a bad input holds a short ⚠ note. With together TRUE, the actions' impacts, each alone, and under them their impact together (a step's as the change of the factor it moves).",
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
    {
      given: {
        en: 'Map!B9:G9 = (side), Visit, Lead, Trial, Paid, (blank); Map!B24:G24 = (side), (blank), L, L, C, (blank); Map!B25:G25 = (side), 1000, 400, 110, 30, (blank)',
        ru: 'Map!B9:G9 = (боковой), Visit, Lead, Trial, Paid, (пусто); Map!B24:G24 = (боковой), (пусто), L, L, C, (пусто); Map!B25:G25 = (боковой), 1000, 400, 110, 30, (пусто)',
      },
      formula:
        '=CJM_IMPACT(400, 7.5%, 1100, 1, "step", "+3 pp", FALSE, "Trial", Map!B9:G9, Map!B24:G24, Map!B25:G25)',
      result: {
        en: '3,600: leads at Lead (400), the deal at Paid; the step into Trial 27.5% → 30.5% takes C from 7.5% to 7.5% × 30.5 / 27.5, and revenue from 33,000 to 36,600',
        ru: '3 600: лиды — Lead (400), сделка — Paid; шаг в Trial 27,5% → 30,5% меняет C с 7,5% на 7,5% × 30,5 / 27,5, а выручку — с 33 000 до 36 600',
      },
    },
  ],
  evaluate: (lang, args) => {
    const call = { fn: NAME, lang, nameInBrief: true };
    const funnel = readFunnel(call, args.slice(FIRST_ROW_ARG));
    if (readArg(call, TOGETHER, args[TOGETHER_ARG])) return together(call, args, funnel);
    return elementwise(call, PARAMS, args, (a, at) => {
      const action = readAction(call, a, at, funnel);
      return action === '' ? '' : action.delta;
    });
  },
});
