/**
 * What a formula's parameter holds, and the one conversion every argument goes through: each
 * parameter in the registry declares its kind (as HyperFormula's function plugins declare an
 * argumentType), and readArg reads a value as that kind or throws the message that says how to
 * fix it.
 */
import { changeFormsText, parseChange, type Change } from '../core/funnel/change';
import { LEVER_ALIASES, planLeverOf, type Lever, type PlanLever } from '../core/funnel/funnel';
import {
  callProblem,
  describePosition,
  FormulaError,
  problem,
  type Call,
  type Position,
} from './errors';
import { describeShape, isBlank, toGrid, type Argument, type CellValue } from './grid';
import type { ParamOf } from './spec';
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

/**
 * What a parameter holds: a number of some kind (customers, a share from 0 to 1, money,
 * purchases per customer), a lever of L × C × P × Q (`planLever`: or "step"), a change of a lever
 * ("+10%", "+2 pp", "+300 leads"), a label, a language of the call's words, or TRUE/FALSE.
 */
export type ParamKind =
  | NumericKind
  | 'lever'
  | 'planLever'
  | 'change'
  | 'text'
  | 'language'
  | 'flag';

/** What a value of each kind is read as. */
export interface KindValue {
  count: number;
  share: number;
  money: number;
  factor: number;
  lever: Lever;
  planLever: PlanLever;
  change: Change;
  text: string;
  language: Lang;
  flag: boolean;
}

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

/** A lever of L × C × P × Q, by its letter or name in either language. */
function readLever(call: Call, arg: string, value: CellValue, at: Position | undefined): Lever {
  const key = toText(value, call.lang).toLowerCase();
  // own keys only: "constructor" is no lever
  const lever = Object.hasOwn(LEVER_ALIASES, key) ? LEVER_ALIASES[key] : undefined;
  if (!lever) throw unknownLever(call, arg, value, at, false);
  return lever;
}

/** A plan's lever: a factor, or "step" (the step conversion into the action's stage). */
function readPlanLever(
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
 * A change of `lever` with its unit, by the parser the wizard uses: a number alone (even 10% in a
 * percent cell) does not say its unit. The message names the forms this lever takes ("+10% or
 * +0.5 purchases"), in the user's language.
 */
function readChange(
  call: Call,
  arg: string,
  value: CellValue,
  at: Position | undefined,
  lever: PlanLever | null,
): Change {
  const parsed = typeof value === 'string' ? parseChange(value) : null;
  if (parsed) return parsed;
  const t = messages(call.lang);
  const got = describe(value, call.lang);
  const where = describePosition(at, call.lang);
  const forms = changeFormsText(call.lang, lever);
  throw problem(
    call,
    typeof value === 'number' ? t.numberChange(got, where, forms) : t.badChange(got, where, forms),
    t.brief.badChange(forms),
    arg,
  );
}

/** The language of the call's words: "en" or "ru"; omitted or blank, the call's own. */
function readLanguage(call: Call, arg: Argument | undefined): Lang {
  if (arg === undefined || (!Array.isArray(arg) && isBlank(arg))) return call.lang;
  const lang = Array.isArray(arg) ? '' : toText(arg, call.lang).toLowerCase();
  if (lang === 'en' || lang === 'ru') return lang;
  throw callProblem(
    call,
    messages(call.lang).badLanguage(JSON.stringify(Array.isArray(arg) ? 'a range' : lang)),
  );
}

/** TRUE or FALSE; omitted or blank, FALSE. */
function readFlag(call: Call, arg: Argument | undefined): boolean {
  if (arg === undefined || arg === false || (!Array.isArray(arg) && isBlank(arg))) return false;
  if (arg === true) return true;
  const got = Array.isArray(arg) ? describeShape(toGrid(arg), call.lang) : describe(arg, call.lang);
  throw callProblem(call, messages(call.lang).badTogether(got));
}

type Reader<K extends ParamKind> = (
  call: Call,
  arg: string,
  value: Argument | undefined,
  at: Position | undefined,
  lever: PlanLever | null,
) => KindValue[K];

// Every kind but language and flag is read one cell at a time: elementwise and the row readers
// hand over cells, never ranges.
const cell = (value: Argument | undefined) => value as CellValue;
const numeric =
  (kind: NumericKind) =>
  (call: Call, arg: string, value: Argument | undefined, at: Position | undefined): number =>
    toNumber(call, arg, kind, cell(value), at);

const READERS: { [K in ParamKind]: Reader<K> } = {
  count: numeric('count'),
  share: numeric('share'),
  money: numeric('money'),
  factor: numeric('factor'),
  lever: (call, arg, value, at) => readLever(call, arg, cell(value), at),
  planLever: (call, arg, value, at) => readPlanLever(call, arg, cell(value), at),
  change: (call, arg, value, at, lever) => readChange(call, arg, cell(value), at, lever),
  text: (call, _arg, value) => toText(cell(value), call.lang),
  language: (call, _arg, value) => readLanguage(call, value),
  flag: (call, _arg, value) => readFlag(call, value),
};

/**
 * `value` read as the kind its parameter declares, or the FormulaError that names the function,
 * the argument, the value, its place `at` in a range, and the fix. `lever`: the lever a change is
 * read for (its message names the forms that lever takes).
 */
export function readArg<K extends ParamKind>(
  call: Call,
  param: ParamOf<K>,
  value: Argument | undefined,
  at?: Position,
  lever: PlanLever | null = null,
): KindValue[K] {
  return (READERS[param.kind] as Reader<K>)(call, param.name, value, at, lever);
}
