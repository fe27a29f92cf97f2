import {
  LEVER_ALIASES,
  planLeverOf,
  type Economics,
  type Lever,
  type PlanLever,
} from '../core/funnel/funnel';
import { describePosition, problem, type Call, type Position } from './errors';
import type { CellValue } from './grid';
import { toNumber, toText, type NumericKind } from './kinds';
import { describe, messages } from './messages';
import type { ParamSpec } from './spec';

export const LEVER_KIND: Record<Lever, NumericKind> = {
  leads: 'count',
  conversion: 'share',
  avg_check: 'money',
  purchases: 'factor',
};

export function readLever(
  call: Call,
  arg: string,
  value: CellValue,
  at: Position | undefined,
): Lever {
  const key = toText(value, call.lang).toLowerCase();
  // own keys only: "constructor" is no lever
  const lever = Object.hasOwn(LEVER_ALIASES, key) ? LEVER_ALIASES[key] : undefined;
  if (!lever) throw unknownLever(call, arg, value, at, false);
  return lever;
}

/** A plan's lever: a factor, or "step" (the step conversion into the action's stage). */
export function readPlanLever(
  call: Call,
  arg: string,
  value: CellValue,
  at: Position | undefined,
): PlanLever {
  const lever = planLeverOf(toText(value, call.lang));
  if (!lever) throw unknownLever(call, arg, value, at, true);
  return lever;
}

function unknownLever(
  call: Call,
  arg: string,
  value: CellValue,
  at: Position | undefined,
  step: boolean,
) {
  const t = messages(call.lang);
  const full = t.unknownLever(arg, describe(value, call.lang), describePosition(at, call.lang));
  return step
    ? problem(call, `${full}${t.orStep}`, t.brief.unknownPlanLever, arg)
    : problem(call, full, t.brief.unknownLever, arg);
}

/**
 * The four factors of L × C × P × Q as they are now: the leading arguments of CJM_REQUIRED and
 * CJM_IMPACT.
 */
export const ECONOMICS_PARAMS: readonly ParamSpec[] = [
  {
    name: 'leads',
    type: 'number|Array<Array<number>>',
    help: { en: 'Leads (L) now.', ru: 'Лиды (L) сейчас.' },
  },
  {
    name: 'conversion',
    type: 'number|Array<Array<number>>',
    help: { en: 'Conversion (C) now, 0 to 1.', ru: 'Конверсия (C) сейчас, от 0 до 1.' },
  },
  {
    name: 'avg_check',
    type: 'number|Array<Array<number>>',
    help: { en: 'Average check (P) now.', ru: 'Средний чек (P) сейчас.' },
  },
  {
    name: 'purchases',
    type: 'number|Array<Array<number>>',
    help: { en: 'Purchases per customer (Q) now.', ru: 'Покупок на клиента (Q) сейчас.' },
  },
];

/**
 * Coerces the four factors; `skip` is a lever whose value is not needed (the one being solved for).
 */
export function readEconomics(
  call: Call,
  values: readonly CellValue[],
  at: Position | undefined,
  skip?: Lever,
): Economics {
  const e: Economics = { leads: 0, conversion: 0, avg_check: 0, purchases: 0 };
  (['leads', 'conversion', 'avg_check', 'purchases'] as const).forEach((l, i) => {
    if (l !== skip) e[l] = toNumber(call, l, LEVER_KIND[l], values[i], at);
  });
  return e;
}
