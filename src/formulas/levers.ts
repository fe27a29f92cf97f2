import { LEVERS, type Economics, type Lever } from '../core/funnel/funnel';
import type { ParamSpec } from './spec';

/**
 * The four factors of L × C × P × Q as they are now: the leading arguments of CJM_REQUIRED and
 * CJM_IMPACT.
 */
export const ECONOMICS_PARAMS = [
  {
    name: 'leads',
    kind: 'count',
    shape: 'each',
    help: { en: 'Leads (L) now.', ru: 'Лиды (L) сейчас.' },
  },
  {
    name: 'conversion',
    kind: 'share',
    shape: 'each',
    help: { en: 'Conversion (C) now, 0 to 1.', ru: 'Конверсия (C) сейчас, от 0 до 1.' },
  },
  {
    name: 'avg_check',
    kind: 'money',
    shape: 'each',
    help: { en: 'Average check (P) now.', ru: 'Средний чек (P) сейчас.' },
  },
  {
    name: 'purchases',
    kind: 'factor',
    shape: 'each',
    help: { en: 'Purchases per customer (Q) now.', ru: 'Покупок на клиента (Q) сейчас.' },
  },
] as const satisfies readonly ParamSpec[];

/**
 * The four factors, each read as its kind, in the order of L × C × P × Q; `skip` is a lever whose
 * value is not needed (the one being solved for).
 */
export function readEconomics(a: { get(name: Lever): number }, skip?: Lever): Economics {
  const e: Economics = { leads: 0, conversion: 0, avg_check: 0, purchases: 0 };
  for (const l of LEVERS) if (l !== skip) e[l] = a.get(l);
  return e;
}
