import { parseNumber } from '../core/funnel/numbers';
import { badArgument, type Position } from './errors';
import type { CellValue } from './grid';

/** What a numeric argument means; decides its accepted range and the fix the message suggests. */
export type NumericKind = 'count' | 'share' | 'money' | 'factor';

const RULES: Record<NumericKind, string> = {
  count: 'must be a number of customers, 0 or more (e.g. 1000)',
  share: 'must be a share from 0 to 1 (5% or 0.05)',
  money: 'must be an amount of money, 0 or more (e.g. 2000)',
  factor: 'must be a number of purchases per customer, 0 or more (e.g. 1.5)',
};

function inRange(kind: NumericKind, n: number): boolean {
  if (kind === 'share') return n >= 0 && n <= 1;
  return n >= 0;
}

/** Coerces one non-blank cell to a number of the given kind, or throws a message that says how to fix it. */
export function toNumber(fn: string, arg: string, kind: NumericKind, value: CellValue, at?: Position): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? parseNumber(value) : null;
  if (n === null || !Number.isFinite(n)) {
    throw badArgument(fn, arg, `${RULES[kind]}, not text or a date`, value, at);
  }
  if (!inRange(kind, n)) {
    const hint = kind === 'share' && n > 1 && n <= 100 ? ` (for ${n} percent type ${n}% or ${n / 100})` : '';
    throw badArgument(fn, arg, RULES[kind] + hint, value, at);
  }
  return n;
}

export function toText(value: CellValue): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value === null || value === undefined ? '' : String(value).trim();
}
