import type { Lever } from '../core/funnel';
import { badArgument, type Position } from './errors';
import type { CellValue } from './grid';
import { toText, type NumericKind } from './kinds';

/** Every spelling a marketer may use for a lever, in both languages. */
const ALIASES: Record<string, Lever> = {
  leads: 'leads', l: 'leads', лиды: 'leads',
  conversion: 'conversion', c: 'conversion', конверсия: 'conversion',
  avg_check: 'avg_check', p: 'avg_check', чек: 'avg_check', 'средний чек': 'avg_check', 'average check': 'avg_check',
  purchases: 'purchases', q: 'purchases', покупки: 'purchases',
};

export const LEVER_KIND: Record<Lever, NumericKind> = { leads: 'count', conversion: 'share', avg_check: 'money', purchases: 'factor' };

export function readLever(fn: string, arg: string, value: CellValue, at: Position | undefined): Lever {
  const lever = ALIASES[toText(value).toLowerCase()];
  if (!lever) {
    throw badArgument(fn, arg, 'must name a factor: "leads", "conversion", "avg_check" or "purchases" (or L, C, P, Q; лиды, конверсия, чек, покупки)', value, at);
  }
  return lever;
}
