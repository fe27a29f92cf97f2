import { describePosition, FormulaError, problem, type Call, type Position } from './errors';
import type { CellValue } from './grid';
import { isDate } from '../core/map/dates';
import {
  describe,
  describeDate,
  describeNumber,
  messages,
  WARNING,
  type Lang,
  type NumericKind,
} from './messages';

export type { NumericKind };

/** The error values a cell can show; a custom function reading such a cell gets this text. */
const SHEETS_ERRORS = new Set([
  '#N/A',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#ERROR!',
  '#SPILL!',
  '#CALC!',
]);

function inRange(kind: NumericKind, n: number): boolean {
  if (kind === 'share') return n >= 0 && n <= 1;
  return n >= 0;
}

/**
 * Coerces one non-blank cell to a number of the given kind, or throws a message that says
 * how to fix it. A date is never a number here: Sheets would hand over its serial number
 * in a formula of its own, but a date where a count or money is expected is a mistake. Nor is
 * text, whatever it looks like ("8 231", "30%"): its note names it and says to type the number.
 */
export function toNumber(
  call: Call,
  arg: string,
  kind: NumericKind,
  value: CellValue,
  at?: Position,
): number {
  // The fast path first: a formula over 10 000 rows must not format a message per valid cell.
  if (typeof value === 'number' && Number.isFinite(value) && inRange(kind, value)) return value;
  const t = messages(call.lang);
  const where = describePosition(at, call.lang);
  const got = describe(value, call.lang);
  if (isDate(value))
    throw problem(call, t.isDate(arg, t.rule[kind], got, where), t.brief.isDate, arg);
  if (typeof value === 'string') {
    const s = value.trim();
    if (SHEETS_ERRORS.has(s.toUpperCase()))
      throw problem(
        call,
        t.errorInput(arg, s.toUpperCase(), where),
        t.brief.errorInput(s.toUpperCase()),
        arg,
      );
    // the brief text of another CJM formula's element: pass its reason on, it is the real cause
    if (s.startsWith(WARNING)) throw new FormulaError(call.fn, t.warningInput(arg, got, where), s);
    // A number typed as text ("8 231" after an apostrophe, or in a locale that does not read it)
    // is not a number, as Sheets' own SUM does not read it and as the map's built-in cells read it:
    // one reading of a number in the whole add-on, which an .xlsx reproduces exactly. The note
    // names the text and the fix.
    throw problem(call, t.isText(arg, t.rule[kind], got, where), t.brief.isText(value), arg);
  }
  const n = typeof value === 'number' ? value : null;
  if (n === null || !Number.isFinite(n)) {
    throw problem(call, t.notNumber(arg, t.rule[kind], got, where), t.brief.notNumber, arg);
  }
  if (!inRange(kind, n)) {
    const hint =
      kind === 'share' && n > 1 && n <= 100
        ? t.percentHint(describeNumber(n, call.lang), describeNumber(n / 100, call.lang))
        : '';
    throw problem(
      call,
      t.notInRange(arg, t.rule[kind] + hint, got, where),
      n < 0 ? t.brief.negative : t.brief.aboveOne,
      arg,
    );
  }
  return n;
}

/** A cell as a label: text trimmed, a date as the language writes it, a blank as "". */
export function toText(value: CellValue, lang: Lang): string {
  if (isDate(value)) return describeDate(value, lang);
  if (typeof value === 'number') return describeNumber(value, lang);
  return value === null || value === undefined ? '' : String(value).trim();
}
