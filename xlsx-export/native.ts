/**
 * The add-on's custom functions as formulas Excel and LibreOffice compute natively.
 *
 * Each translation follows its function in src/formulas step by step: the same blanks give
 * blank, the same inputs are refused in the same order (a single cell shows an error where
 * the add-on shows #ERROR!; an element of a spilled range shows the add-on's own "⚠ …" text,
 * learnt from the add-on by probe.ts), a 0 target is no target, and the arithmetic is done
 * in the same order so the doubles are the same. Work that one formula cannot hold without
 * LET or dynamic arrays (weakest-transition scores, a lever's and a change's reading) goes
 * to cells of a hidden helper sheet, one row per call or element.
 *
 * Only functions that Excel 2010 and LibreOffice both have are used (IF, AND, OR, ISNUMBER,
 * ISERROR, IFERROR, INDEX, MATCH, MIN, COUNT, COUNTIF, CHOOSE, ERROR.TYPE, TRIM, LOWER, LEFT,
 * RIGHT, LEN, SUBSTITUTE, ROUND, ABS) plus NUMBERVALUE (Excel 2013, written _xlfn.NUMBERVALUE
 * as the file format requires).
 */
import { CHANGE_SUFFIXES, MINUS_SIGNS, MONEY_PREFIXES } from '../src/core/funnel/change';
import { LEVER_ALIASES, LEVERS, STEP_ALIASES } from '../src/core/funnel/funnel';
import { formulaText } from '../src/core/map/links';
import type { Node, RefNode } from './formula';
import {
  NO_TRANSITION,
  type NumberOutcomes,
  type Outcome,
  type StageText,
  type StepWords,
  type Words,
} from './probe';

/** What Excel shows where the add-on shows #ERROR!. */
export const ERR = '#VALUE!';

/** A custom function argument as the export sees it. */
export interface ArgView {
  /** as written, for single values (a cell, a named cell, an expression) */
  node: Node;
  /**
   * a range (even of one cell), which Apps Script passes as rows of values; null for a single value
   * (a cell, a named cell, an expression)
   */
  range: { sheet: string; row: number; col: number; rows: number; cols: number } | null;
}

/** Where generated formulas go, and how they read the workbook. */
export interface CallContext {
  words: Words;
  /** renders a node (an argument as written, or an element) for a formula on `host` */
  text(node: Node, host: string): string;
  /** the element (i, j) of an argument: a cell of its range, or the single value itself */
  element(arg: ArgView, i: number, j: number): Node;
  /**
   * whether the element is a cell formatted as a date or a time: Apps Script hands its number over
   * as a Date
   */
  dated(arg: ArgView, i: number, j: number): boolean;
  helpers: Helpers;
  /** where the call is, for helper labels: "'Map'!D30" */
  where: string;
  /** the sheet the call's formula is written on */
  host: string;
}

export interface Helpers {
  /** the name render contexts use for the hidden helper sheet */
  readonly sheet: string;
  /**
   * Adds a row of helper formulas. `build` gets each cell's reference as seen from the helper
   * sheet itself (for formulas that use their neighbours) and returns the formulas.
   */
  row(label: string, build: (local: (k: number) => string) => string[]): HelperRow;
}

export interface HelperRow {
  /** cell k of the row, as seen from `host` */
  ref(k: number, host: string): string;
  /** cells k..k+n-1 of the row as one range, as seen from `host` */
  range(k: number, n: number, host: string): string;
}

/** A translated call: its shape, and each element's formula (without "=") on the call's sheet. */
export interface Translation {
  rows: number;
  cols: number;
  element(i: number, j: number): string;
}

export class Untranslatable extends Error {}

/** A condition and what an element shows when it holds. */
interface Check {
  when: string;
  /** an outcome of the add-on, or formula text (already a complete expression) */
  show: Outcome | { text: string };
}

/** One element's plan, with its inputs rendered for a host. */
interface ElementPlan {
  /** true when the element is blank (an input blank) */
  blank: string;
  checks: Check[];
  value: string;
}

const ERROR_CODES = '"#NULL!","#DIV/0!","#VALUE!","#REF!","#NAME?","#NUM!","#N/A"';

/**
 * A number and not TRUE/FALSE: LibreOffice's ISNUMBER is true for booleans, the add-on's functions
 * take them as text.
 */
export const isNum = (x: string): string => `AND(ISNUMBER(${x}),NOT(ISLOGICAL(${x})))`;

/**
 * The brief text of an outcome as formula text; `code` is the error code for an error-in-input
 * outcome.
 */
function briefText(o: Outcome | { text: string }, code?: string): string {
  if ('text' in o) return o.text;
  if ('whole' in o) return ERR;
  const at = code === undefined ? -1 : o.brief.indexOf('#N/A');
  if (at < 0) return formulaText(o.brief);
  return `${formulaText(o.brief.slice(0, at))}&${code}&${formulaText(o.brief.slice(at + 4))}`;
}

const isWhole = (o: Outcome | { text: string }): boolean => 'whole' in o;

/**
 * toNumber (src/formulas/kinds.ts), natively. `x` is the element as formula text; `fromRange`
 * says whether it came from a range (an error in a range cell arrives as text and is reported;
 * a single cell's error never reaches the function, it is the call's result).
 */
function numberChecks(x: string, o: NumberOutcomes, fromRange: boolean, dated = false): Check[] {
  const checks: Check[] = [];
  if (dated) checks.push({ when: `ISNUMBER(${x})`, show: o.isDate });
  if (fromRange)
    checks.push({
      when: `ISERROR(${x})`,
      show: { text: briefText(o.errorNA, `CHOOSE(ERROR.TYPE(${x}),${ERROR_CODES})`) },
    });
  if (o.warningPassesOn)
    checks.push({ when: `LEFT(TRIM(${x}),1)="⚠"`, show: { text: `TRIM(${x})` } });
  // text is not a number, whatever it looks like: the brief names it
  checks.push({
    when: `ISTEXT(${x})`,
    show:
      'whole' in o.isText
        ? o.isText
        : { text: `${formulaText(o.isText.before)}&${x}&${formulaText(o.isText.after)}` },
  });
  checks.push({ when: `NOT(${isNum(x)})`, show: o.notNumber });
  checks.push({ when: `${x}<0`, show: o.negative });
  if (o.aboveOne) checks.push({ when: `${x}>1`, show: o.aboveOne });
  return checks;
}

/** isBlank of an element: a range's error cell is not blank (it arrives as its text). */
const blankOf = (x: string, fromRange: boolean): string =>
  fromRange ? `IFERROR(${x}="",FALSE)` : `${x}=""`;

const or = (conds: string[]): string =>
  conds.length === 1 ? (conds[0] as string) : `OR(${conds.join(',')})`;

/** Nested IFs: the first check that holds gives its outcome, else the value. */
function chain(checks: readonly Check[], value: string, outcome: (c: Check) => string): string {
  return checks.reduceRight((rest, c) => `IF(${c.when},${outcome(c)},${rest})`, value);
}

/**
 * The common shape of element-wise arguments (elementwise.ts broadcastShape): null when ranges
 * disagree.
 */
function broadcast(args: readonly (ArgView | null)[]): { rows: number; cols: number } | null {
  let shape: { rows: number; cols: number } | null = null;
  for (const a of args) {
    if (!a?.range || a.range.rows * a.range.cols === 1) continue;
    if (shape && (shape.rows !== a.range.rows || shape.cols !== a.range.cols)) return null;
    shape ??= { rows: a.range.rows, cols: a.range.cols };
  }
  return shape ?? { rows: 1, cols: 1 };
}

/**
 * An element-wise function (elementwise.ts): a single result, or a spilled range whose bad
 * elements show their brief text (or, if the add-on fails the whole call for one bad
 * element, whose first cell shows an error and the rest are blank).
 */
type PlanOf = (
  el: (k: number) => string,
  fromRange: (k: number) => boolean,
  i: number,
  j: number,
  host: string,
  dated: (k: number) => boolean,
) => ElementPlan;

/**
 * A single value shared by every element whose cell is an error: the call's result is that error
 * (its first cell shows it), nothing spills. `guard` blanks a non-first element in that case.
 */
function sharedErrorGuard(
  ctx: CallContext,
  args: readonly (ArgView | null)[],
): (formula: string, anchor: boolean) => string {
  const shared = args.filter(
    (a): a is ArgView => a !== null && a.range === null && a.node.t !== 'num' && a.node.t !== 'str',
  );
  // (a one-cell range shared by every element arrives as text when it is an error: it is reported,
  // not passed on)
  return (formula, anchor) =>
    anchor || shared.length === 0
      ? formula
      : `IF(OR(${shared.map((a) => `ISERROR(${ctx.text(a.node, ctx.host)})`).join(',')}),"",${formula})`;
}

/** The plan of element (i, j), its arguments rendered for `host`. */
function planAtOf(
  ctx: CallContext,
  args: readonly (ArgView | null)[],
  plan: PlanOf,
): (i: number, j: number, host: string) => ElementPlan {
  const fromRange = (k: number) => args[k]?.range != null;
  return (i, j, host) =>
    plan(
      (k) => {
        const a = args[k];
        if (!a) throw new Untranslatable('missing argument');
        return ctx.text(ctx.element(a, i, j), host);
      },
      fromRange,
      i,
      j,
      host,
      (k) => {
        const a = args[k];
        return a ? ctx.dated(a, i, j) : false;
      },
    );
}

/**
 * `spill`: the result is a range even of one element (a bad element shows its brief text, as in a
 * longer range), as CJM_IMPACT's column with its total is.
 */
function elementwise(
  ctx: CallContext,
  args: readonly (ArgView | null)[],
  plan: PlanOf,
  { spill = false } = {},
): Translation {
  const shape = broadcast(args);
  if (!shape) return { rows: 1, cols: 1, element: () => ERR };
  const spills = spill || shape.rows * shape.cols > 1;
  const planAt = planAtOf(ctx, args, plan);

  if (!spills) {
    return {
      rows: 1,
      cols: 1,
      element: () => {
        const p = planAt(0, 0, ctx.host);
        return `IF(${p.blank},"",${chain(p.checks, p.value, () => ERR)})`;
      },
    };
  }
  const guard = sharedErrorGuard(ctx, args);

  const whole = planAt(0, 0, ctx.host).checks.some((c) => isWhole(c.show));
  if (!whole) {
    return {
      ...shape,
      element: (i, j) => {
        const p = planAt(i, j, ctx.host);
        return guard(
          `IF(${p.blank},"",${chain(p.checks, p.value, (c) => ('text' in c.show ? c.show.text : briefText(c.show)))})`,
          i === 0 && j === 0,
        );
      },
    };
  }
  // The add-on fails the whole call when one element is bad: validity of every element in a helper
  // row.
  const flags = ctx.helpers.row(`${ctx.where}: inputs valid`, () => {
    const out: string[] = [];
    for (let i = 0; i < shape.rows; i++) {
      for (let j = 0; j < shape.cols; j++) {
        const p = planAt(i, j, ctx.helpers.sheet);
        out.push(`IFERROR(IF(${p.blank},TRUE,${chain(p.checks, 'TRUE', () => 'FALSE')}),FALSE)`);
      }
    }
    return out;
  });
  const n = shape.rows * shape.cols;
  return {
    ...shape,
    element: (i, j) => {
      const p = planAt(i, j, ctx.host);
      const anchor = i === 0 && j === 0;
      return guard(
        `IF(AND(${flags.range(0, n, ctx.host)}),IF(${p.blank},"",${p.value}),${anchor ? ERR : '""'})`,
        anchor,
      );
    },
  };
}

export function conversion(ctx: CallContext, args: readonly ArgView[]): Translation {
  if (args.length === 1 && args[0]) return stepsAlong(ctx, args[0]);
  if (args.length !== 2) return { rows: 1, cols: 1, element: () => ERR };
  const w = ctx.words.conversion;
  // conversion.ts: one from_count (a single value, or a range of one cell) for a range of to_counts
  // is the first stage (overall conversion).
  const from = args[0]?.range;
  const fromFirst = !from || from.rows * from.cols === 1;
  return elementwise(ctx, args, (el, fromRange, _i, _j, _host, dated) => {
    const [f, t] = [el(0), el(1)];
    return {
      blank: or([blankOf(f, fromRange(0)), blankOf(t, fromRange(1))]),
      checks: [
        ...numberChecks(f, w.from, fromRange(0), dated(0)),
        ...numberChecks(t, w.to, fromRange(1), dated(1)),
        { when: `${f}=0`, show: fromFirst ? w.fromZeroFirst : w.fromZeroPrevious },
        { when: `${t}>${f}`, show: fromFirst ? w.moreFirst : w.morePrevious },
      ],
      value: `${t}/${f}`,
    };
  });
}

/**
 * CJM_CONVERSION(counts): each count over its neighbour before it, the first 1 once its count is
 * checked (conversion.ts `neighbours`), as one formula per element.
 */
function stepsAlong(ctx: CallContext, counts: ArgView): Translation {
  const r = counts.range;
  if (!r) return { rows: 1, cols: 1, element: () => ERR };
  const w = ctx.words.conversion;
  const byRow = r.rows === 1;
  return elementwise(
    ctx,
    [counts],
    (el, _fromRange, i, j, host, dated) => {
      const t = el(0);
      const first = byRow ? j === 0 : i === 0;
      const [pi, pj] = byRow ? [i, Math.max(j - 1, 0)] : [Math.max(i - 1, 0), j];
      const f = first ? t : ctx.text(ctx.element(counts, pi, pj), host);
      if (first)
        return {
          blank: blankOf(t, true),
          checks: numberChecks(t, w.from, true, dated(0)),
          value: '1',
        };
      return {
        blank: or([blankOf(f, true), blankOf(t, true)]),
        checks: [
          ...numberChecks(f, w.from, true, ctx.dated(counts, pi, pj)),
          ...numberChecks(t, w.to, true, dated(0)),
          { when: `${f}=0`, show: w.fromZeroPrevious },
          { when: `${t}>${f}`, show: w.morePrevious },
        ],
        value: `${t}/${f}`,
      };
    },
    { spill: true },
  );
}

export function revenue(ctx: CallContext, args: readonly ArgView[]): Translation {
  if (args.length < 3 || args.length > 4) return { rows: 1, cols: 1, element: () => ERR };
  const w = ctx.words.revenue;
  const n = args.length;
  return elementwise(ctx, args, (el, fromRange, _i, _j, _host, dated) => {
    const x = args.map((_, k) => el(k));
    return {
      blank: or(x.map((v, k) => blankOf(v, fromRange(k)))),
      checks: x.flatMap((v, k) =>
        numberChecks(v, w.args[k] as NumberOutcomes, fromRange(k), dated(k)),
      ),
      // revenue(): leads × conversion × avg_check × purchases, in that order (× 1 when purchases is
      // omitted)
      value: n === 4 ? x.join('*') : `${x.join('*')}*1`,
    };
  });
}

/**
 * The lever aliases (funnel.ts LEVER_ALIASES, and STEP_ALIASES) as two array constants: spellings,
 * and the lever's number 1..4, or STEP for a step.
 */
function leverTable(): { keys: string; index: string } {
  const entries: [string, number][] = [
    ...Object.entries(LEVER_ALIASES).map(([k, lever]): [string, number] => [
      k,
      LEVERS.indexOf(lever) + 1,
    ]),
    ...STEP_ALIASES.map((k): [string, number] => [k, STEP]),
  ];
  return {
    keys: `{${entries.map(([k]) => formulaText(k)).join(',')}}`,
    index: `{${entries.map(([, n]) => n).join(',')}}`,
  };
}

/**
 * MATCH treats * ? ~ as wildcards: escaped, a lever typed "*" matches nothing, as in the add-on.
 */
const noWildcards = (x: string): string =>
  `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${x},"~","~~"),"*","~*"),"?","~?")`;

/**
 * The change grammar of core/funnel/change.ts, from its exported word lists.
 * Kinds as numbers: 1 relative (%), 2 points, 3 leads, 4 money, 5 purchases.
 */
const CHANGE_KIND = { percent: 1, points: 2, leads: 3, money: 4, purchases: 5 } as const;
/** The lever (1 L, 2 C, 3 P, 4 Q) counted in each unit (core/funnel/change.ts UNIT_OF_LEVER). */
const LEVER_OF_UNIT = { 3: 1, 4: 3, 5: 4 } as const;

function grammar(): { suffixes: [string, number][]; prefixes: string[]; minus: string[] } {
  const suffixes = Object.entries(CHANGE_SUFFIXES)
    .flatMap(([kind, words]) =>
      words.map((w): [string, number] => [
        w.toLowerCase(),
        CHANGE_KIND[kind as keyof typeof CHANGE_KIND],
      ]),
    )
    .sort((a, b) => b[0].length - a[0].length);
  return { suffixes, prefixes: [...MONEY_PREFIXES], minus: [...MINUS_SIGNS] };
}

/**
 * parseNumber (core/funnel/numbers.ts) of the digits of a change, natively: spaces and
 * apostrophes go; of a comma and a dot the last is the decimal mark; one comma before exactly
 * three digits (after one to three, not starting with 0) groups thousands, else it is the
 * decimal mark; several commas or several dots group thousands. Groups of unequal length
 * ("1,23,4567") are not told apart from regular ones.
 */
function digitsOf(t: string): string {
  let u = t;
  for (const ch of [' ', '\u00a0', '\u202f', "'"]) u = `SUBSTITUTE(${u},${formulaText(ch)},"")`;
  return u;
}

function numberOf(c: string): string {
  const count = (ch: string) => `(LEN(${c})-LEN(SUBSTITUTE(${c},"${ch}","")))`;
  const last = (ch: string) =>
    `IFERROR(FIND(CHAR(1),SUBSTITUTE(${c},"${ch}",CHAR(1),${count(ch)})),0)`;
  const commas = count(',');
  const dots = count('.');
  const both = `IF(${last(',')}>${last('.')},IF(${commas}>1,"",SUBSTITUTE(SUBSTITUTE(${c},".",""),",",".")),IF(${dots}>1,"",SUBSTITUTE(${c},",","")))`;
  const oneComma = `IF(AND(FIND(",",${c})>=2,FIND(",",${c})<=4,LEFT(${c},1)<>"0",LEN(${c})-FIND(",",${c})=3),SUBSTITUTE(${c},",",""),SUBSTITUTE(${c},",","."))`;
  const groups = (ch: string, n: string) =>
    `IF(AND(FIND("${ch}",${c})>=2,FIND("${ch}",${c})<=4,LEN(${c})-FIND("${ch}",${c})+1=4*${n}),SUBSTITUTE(${c},"${ch}",""),"")`;
  const normal = `IF(AND(${commas}>0,${dots}>0),${both},IF(${commas}=1,${oneComma},IF(${commas}>1,${groups(',', commas)},IF(${dots}>1,${groups('.', dots)},${c}))))`;
  // only digits, separators and an exponent; it starts with a digit, or a separator before a digit
  let rest = c;
  for (const ch of ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ',', '.', 'e', 'E', '+', '-'])
    rest = `SUBSTITUTE(${rest},"${ch}","")`;
  return `IF(OR(${c}="",${rest}<>"",ISERROR(FIND(LEFT(${c},1),"0123456789.,"))),"",IFERROR(_xlfn.NUMBERVALUE(${normal},".",","),""))`;
}

/** The lever number of an action on a step (leverTable); 1..4 are L, C, P, Q. */
const STEP = 5;
/**
 * The helper cells of one CJM_IMPACT element that the plan's total reads (see impactPlan): the
 * factor it moves, how (1 a percentage, 2 points, 3.. an amount) and by how much; a step's as the
 * percentage of the factor it moves.
 */
const LEVER_CELL = 22;
const KIND_CELL = 23;
const VALUE_CELL = 24;

/**
 * The map's rows an action on a step reads (impact.ts readFunnel): three one-row ranges of the same
 * width, their inside columns the stages (the first and last are the edges), or null when they are
 * not (a step then says so).
 */
interface FunnelRefs {
  names: RefNode;
  roles: RefNode;
  counts: RefNode;
  stages: number;
}

function funnelRefs(args: readonly (ArgView | undefined)[]): FunnelRefs | null {
  const rows = args.map((a) => a?.range ?? null);
  const first = rows[0];
  if (!first || rows.length !== 3) return null;
  if (!rows.every((r) => r && r.rows === 1 && r.cols === first.cols) || first.cols < 3) return null;
  const inside = (r: NonNullable<ArgView['range']>): RefNode => ({
    t: 'ref',
    sheet: r.sheet,
    kind: 'range',
    a: { row: r.row, col: r.col + 1 },
    b: { row: r.row, col: r.col + r.cols - 2 },
  });
  const [names, roles, counts] = rows.map((r) => inside(r as NonNullable<typeof r>)) as [
    RefNode,
    RefNode,
    RefNode,
  ];
  return { names, roles, counts, stages: first.cols - 2 };
}

/**
 * CJM_IMPACT (impact.ts), element by element; its `together` argument (TRUE) adds a row under the
 * actions, their impact all together (see together below).
 */
export function impact(ctx: CallContext, args: readonly ArgView[]): Translation {
  if (args.length < 6 || args.length > 11) return { rows: 1, cols: 1, element: () => ERR };
  const flag = args.length > 6 ? literalBoolean(args[6]?.node) : false;
  if (flag === null)
    throw new Untranslatable('CJM_IMPACT with a together argument that is not TRUE or FALSE');
  // the element-wise arguments: the six, and a step's stage (blank when not given)
  const elements = [...args.slice(0, 6), args[7] ?? { node: { t: 'str', value: '' }, range: null }];
  const funnel = funnelRefs(args.slice(8));
  return flag
    ? together(ctx, elements, funnel)
    : elementwise(ctx, elements, impactPlan(ctx, elements, funnel).plan);
}

/** TRUE, FALSE, TRUE() or FALSE() as written; null for anything else. */
function literalBoolean(node: Node | undefined): boolean | null {
  if (node?.t === 'bool') return node.value;
  if (node?.t === 'call' && node.args.length === 0 && /^(TRUE|FALSE)$/i.test(node.name))
    return node.name.toUpperCase() === 'TRUE';
  return null;
}

/** Each CJM_IMPACT element's plan, and its helper row (made by the plan on first use). */
function impactPlan(
  ctx: CallContext,
  args: readonly ArgView[],
  funnel: FunnelRefs | null,
): { plan: PlanOf; helper: (i: number, j: number) => HelperRow | undefined } {
  const w = ctx.words.impact;
  const table = leverTable();
  const g = grammar();
  const rows = new Map<string, HelperRow>();
  const H = ctx.helpers.sheet;
  const plan: PlanOf = (el, fromRange, i, j, host, dated) => {
    const x = args.map((_, k) => el(k));
    const [l, c, p, q] = x as [string, string, string, string];
    // Helper cells of the element: 0 the lever's number (0 unknown, STEP a step); the change read as
    // core/funnel/change.ts parseChange reads it: 1 its text, 2 its sign, 3 after the sign, 4 a
    // currency sign before the number, 5 after it, 6 the unit word's kind × 100 + its length, 7 the
    // number's text, 8 its digits, 9 the number, 10 the kind (0 unreadable), 11 the signed value; 12
    // the factor after the change. A step (core/funnel/transition.ts): 13 its stage as typed, 14 the
    // stage's place among the map's stages (0 none), 15 how many stages have its name, 16 the leads
    // stage's place, 17 the deal's, 18 the factor it moves (1 L, 2 C), 19 the step now, 20 after the
    // change, 21 the factor's percentage. 22-24 the factor moved, the kind and the value: the change's
    // own, or a step's as a percentage of its factor.
    const key = `${i},${j}`;
    let h = rows.get(key);
    if (!h) {
      const hx = args.map((_, k) => ctx.text(ctx.element(args[k] as ArgView, i, j), H));
      h = ctx.helpers.row(
        `${ctx.where}: element ${i + 1},${j + 1} (lever; the change read as the add-on reads it; the factor after the change; a step's stage, place and ratio)`,
        (local) => {
          const [hl, hc, hp, hq, lever, change, stage] = hx as [
            string,
            string,
            string,
            string,
            string,
            string,
            string,
          ];
          const leverNo = `IFERROR(INDEX(${table.index},MATCH(${noWildcards(`LOWER(TRIM(${lever}))`)},${table.keys},0)),0)`;
          const text = `IF(AND(ISTEXT(${change}),LEN(${change})<=200),TRIM(SUBSTITUTE(${change},"\u00a0"," ")),"")`;
          const s = local(1);
          const sign = `IF(OR(${['+', ...g.minus].map((m) => `LEFT(${s},1)=${formulaText(m)}`).join(',')}),LEFT(${s},1),"")`;
          const r1 = `TRIM(MID(${s},LEN(${local(2)})+1,999))`;
          const prefix = `IF(OR(${g.prefixes.map((m) => `LEFT(${local(3)},1)=${formulaText(m)}`).join(',')}),LEFT(${local(3)},1),"")`;
          const r2 = `TRIM(MID(${local(3)},LEN(${local(4)})+1,999))`;
          const r = local(5);
          // the longest unit word the text ends with (as the regex's longest-first alternation
          // finds it): one MATCH per length
          const lengths = [...new Set(g.suffixes.map(([word]) => word.length))].sort(
            (a, b) => b - a,
          );
          const unit = lengths.reduceRight((rest, n) => {
            const words = g.suffixes.filter(([word]) => word.length === n);
            const found = `MATCH(${noWildcards(`RIGHT(LOWER(${r}),${n})`)},{${words.map(([word]) => formulaText(word)).join(',')}},0)`;
            return `IFERROR(INDEX({${words.map(([, kind]) => kind * 100 + n).join(',')}},${found}),${rest})`;
          }, '0');
          const numText = `TRIM(LEFT(${r},LEN(${r})-MOD(${local(6)},100)))`;
          const kindOf = `IF(NOT(ISNUMBER(${local(9)})),0,IF(${local(4)}<>"",IF(${local(6)}=0,4,0),INT(${local(6)}/100)))`;
          const value = `IF(OR(${local(2)}="+",${local(2)}=""),${local(9)},-${local(9)})`;
          const [factor, kind, amount] = [local(LEVER_CELL), local(KIND_CELL), local(VALUE_CELL)];
          const now = `CHOOSE(${factor},${hl},${hc},${hp},${hq})`;
          const after = `IF(${kind}=1,${now}*(1+${amount}/100),IF(${kind}=2,${now}+${amount}/100,${now}+${amount}))`;
          const step = funnel
            ? stepCells(local, stage, {
                names: ctx.text(funnel.names, H),
                roles: ctx.text(funnel.roles, H),
                counts: ctx.text(funnel.counts, H),
                stages: funnel.stages,
              })
            : Array<string>(9).fill('""');
          return [
            leverNo,
            text,
            sign,
            r1,
            prefix,
            r2,
            unit,
            numText,
            digitsOf(local(7)),
            numberOf(local(8)),
            `IFERROR(${kindOf},0)`,
            `IFERROR(${value},"")`,
            `IFERROR(${after},"")`,
            ...step,
            `IF(${local(0)}=${STEP},${local(18)},${local(0)})`,
            `IF(${local(0)}=${STEP},1,${local(10)})`,
            `IF(${local(0)}=${STEP},${local(21)},${local(11)})`,
          ];
        },
      );
      rows.set(key, h);
    }
    const lever = h.ref(0, host);
    const kind = h.ref(10, host);
    const after = h.ref(12, host);
    const moved = h.ref(LEVER_CELL, host);
    const factor = (n: number, v: string) => `IF(${moved}=${n},${after},${v})`;
    const unitLever = `CHOOSE(${kind}-2,${LEVER_OF_UNIT[3]},${LEVER_OF_UNIT[4]},${LEVER_OF_UNIT[5]})`;
    const badChange: Check['show'] = w.badChange.some(isWhole)
      ? { whole: true }
      : { text: `CHOOSE(${lever},${w.badChange.map((o) => briefText(o)).join(',')})` };
    // a step's checks hold only for a step (IF, not AND: the map's cells are read only then)
    const onStep = (when: string) => `IF(${lever}=${STEP},${when},FALSE)`;
    return {
      blank: or(x.slice(0, 6).map((v, k) => blankOf(v, fromRange(k)))),
      checks: [
        ...[l, c, p, q].flatMap((v, k) =>
          numberChecks(v, w.args[k] as NumberOutcomes, fromRange(k), dated(k)),
        ),
        { when: `${lever}=0`, show: w.unknownLever },
        { when: `${kind}=0`, show: badChange },
        { when: onStep(`${kind}>=3`), show: w.step.unit },
        ...(funnel
          ? stepChecks(h, host, funnel, ctx, w.step, onStep)
          : [{ when: onStep('TRUE'), show: w.step.noFunnel }]),
        { when: `AND(${kind}=2,${lever}<>2,${lever}<>${STEP})`, show: w.pointsNotConversion },
        // (IF, not AND: AND would evaluate CHOOSE with a kind below 3, an error)
        {
          when: `IF(AND(${kind}>=3,${lever}<>${STEP}),${unitLever}<>${lever},FALSE)`,
          show: w.unitNotLever,
        },
        { when: `IF(${moved}=2,${after}>1,FALSE)`, show: w.conversionAboveOne },
        { when: `${after}<0`, show: w.negativeFactor },
      ],
      // impact(): revenue(next) - revenue(now), each leads × conversion × avg_check × purchases
      value: `${factor(1, l)}*${factor(2, c)}*${factor(3, p)}*${factor(4, q)}-${l}*${c}*${p}*${q}`,
    };
  };
  return { plan, helper: (i, j) => rows.get(`${i},${j}`) };
}

/**
 * A step's helper cells 13..21 (see impactPlan): its stage, its place among the map's stages (by
 * name, any case; MATCH's wildcards escaped), how many stages have that name, the leads and deal
 * stages' places (the first L, else the first stage; the first C, else the last), the factor it
 * moves, the step now (its count ÷ the one before) and after the change, and that as a percentage
 * of the factor (transition.ts stepLeverChange), each as the add-on computes it.
 */
function stepCells(
  local: (k: number) => string,
  stage: string,
  map: { names: string; roles: string; counts: string; stages: number },
): string[] {
  const [name, place, leads, before, after] = [
    local(13),
    local(14),
    local(16),
    local(19),
    local(20),
  ];
  const count = (at: string) => `INDEX(${map.counts},1,${at})`;
  return [
    `TRIM(${stage}&"")`,
    `IF(${name}="",0,IFERROR(MATCH(${noWildcards(name)},${map.names},0),0))`,
    `SUMPRODUCT((${map.names}=${name})*1)`,
    `IFERROR(MATCH("L",${map.roles},0),1)`,
    `IFERROR(MATCH("C",${map.roles},0),${map.stages})`,
    `IF(${place}<=${leads},1,2)`,
    `IFERROR(${count(place)}/${count(`${place}-1`)},"")`,
    `IFERROR(IF(${local(10)}=1,${before}*(1+${local(11)}/100),${before}+${local(11)}/100),"")`,
    // (a percentage of the step is that percentage of its factor, exactly)
    `IF(${local(10)}=1,${local(11)},IFERROR((${after}/${before}-1)*100,""))`,
  ];
}

/** A step's checks after its change's unit, in the order impact.ts stepAction makes them. */
function stepChecks(
  h: HelperRow,
  host: string,
  funnel: FunnelRefs,
  ctx: CallContext,
  w: StepWords,
  onStep: (when: string) => string,
): Check[] {
  const [name, place, named, leads, deal, after] = [13, 14, 15, 16, 17, 20].map((k) =>
    h.ref(k, host),
  ) as [string, string, string, string, string, string];
  const counts = ctx.text(funnel.counts, host);
  const [from, to] = [`INDEX(${counts},1,${place}-1)`, `INDEX(${counts},1,${place})`];
  const step = (when: string, show: Check['show']): Check => ({ when: onStep(when), show });
  return [
    step(`${name}=""`, w.noStage),
    step(`${place}=0`, w.unknownStage),
    step(`${named}>1`, w.twoStages),
    step(`${place}=1`, w.firstStage),
    step(`AND(${place}>${leads},${place}>${deal})`, w.afterDeal),
    // a count not typed yet: blank, as the add-on
    step(`OR(${blankOf(from, true)},${blankOf(to, true)})`, { text: '""' }),
    ...[from, to].flatMap((x) => numberChecks(x, w.counts, true).map((c) => step(c.when, c.show))),
    step(`${from}=0`, w.fromZero),
    step(`${to}>${from}`, w.more),
    step(`${to}=0`, w.toZero),
    step(`${after}>1`, w.aboveOne),
    step(`${after}<0`, w.belowZero),
  ];
}

/**
 * CJM_IMPACT(…, TRUE) (impact.ts together): the actions' column, each element as alone but always
 * a range, and one more row, their impact together (core/funnel/change.ts togetherImpact). Its
 * helper row: whether each element computes; then, lever by lever, the lever after each element's
 * amount (points / 100, or the amount, added in the actions' order; the lever now before the
 * first), then after each element's percentage (multiplied in the same order): the same
 * operations in the same order as applyTogether, so the doubles are the same.
 */
function together(
  ctx: CallContext,
  args: readonly ArgView[],
  funnel: FunnelRefs | null,
): Translation {
  const rows = args[4]?.range?.rows ?? 1;
  const single = (a: ArgView | undefined) => !a?.range || a.range.rows * a.range.cols === 1;
  const column = (a: ArgView | undefined) => !a?.range || a.range.cols === 1;
  // impact.ts refuses any other shape for the whole call
  if (!args.slice(0, 4).every(single) || !args.slice(4).every(column))
    return { rows: 1, cols: 1, element: () => ERR };
  const { plan, helper } = impactPlan(ctx, args, funnel);
  const per = elementwise(ctx, args, plan, { spill: true });
  if (per.rows * per.cols === 1 && rows > 1) return per; // (mismatched ranges: the call's error)
  const n = per.rows;
  const planAt = planAtOf(ctx, args, plan);
  const w = ctx.words.impact;
  const H = ctx.helpers.sheet;
  // each element's plan on the helper sheet, which makes its helper row
  const valid = Array.from({ length: n }, (_, k) => {
    const p = planAt(k, 0, H);
    if (p.checks.some((c) => isWhole(c.show)))
      throw new Untranslatable('CJM_IMPACT whose bad element fails the whole call');
    return `IFERROR(IF(${p.blank},FALSE,${chain(p.checks, 'TRUE', () => 'FALSE')}),FALSE)`;
  });
  const cells = Array.from({ length: n }, (_, k) => {
    const h = helper(k, 0);
    if (!h) throw new Untranslatable('CJM_IMPACT element without its helper row');
    return { lever: h.ref(LEVER_CELL, H), kind: h.ref(KIND_CELL, H), value: h.ref(VALUE_CELL, H) };
  });
  const now = [0, 1, 2, 3].map((k) => ctx.text(ctx.element(args[k] as ArgView, 0, 0), H));
  // layout: valid 0..n-1; lever m (0..3): amounts at n + 2nm + k, percentages at n + 2nm + n + k
  const amountAt = (m: number, k: number) => n + 2 * n * m + k;
  const percentAt = (m: number, k: number) => n + 2 * n * m + n + k;
  const row = ctx.helpers.row(
    `${ctx.where}: all together (each action computes; each lever after the amounts, then after the percentages)`,
    (local) => {
      const out = [...valid];
      for (let m = 0; m < 4; m++) {
        const mine = (k: number, kind: string) => {
          const x = cells[k] as (typeof cells)[number];
          return `AND(${local(k)},${x.lever}=${m + 1},${x.kind}${kind})`;
        };
        for (let k = 0; k < n; k++) {
          const x = cells[k] as (typeof cells)[number];
          const before = k === 0 ? (now[m] as string) : local(amountAt(m, k - 1));
          out.push(
            `IFERROR(IF(${mine(k, '>=2')},${before}+IF(${x.kind}=2,${x.value}/100,${x.value}),${before}),"")`,
          );
        }
        for (let k = 0; k < n; k++) {
          const x = cells[k] as (typeof cells)[number];
          const before = local(k === 0 ? amountAt(m, n - 1) : percentAt(m, k - 1));
          out.push(`IFERROR(IF(${mine(k, '=1')},${before}*(1+${x.value}/100),${before}),"")`);
        }
      }
      return out;
    },
  );
  const after = (m: number) => row.ref(percentAt(m, n - 1), ctx.host);
  const guard = sharedErrorGuard(ctx, args);
  const fromRange = (k: number) => args[k]?.range != null;
  const total = (): string => {
    const x = [0, 1, 2, 3].map((k) => ctx.text(ctx.element(args[k] as ArgView, 0, 0), ctx.host));
    const checks: Check[] = [
      ...x.flatMap((v, k) =>
        numberChecks(
          v,
          w.args[k] as NumberOutcomes,
          fromRange(k),
          ctx.dated(args[k] as ArgView, 0, 0),
        ),
      ),
      { when: `${after(1)}>1`, show: { text: formulaText(w.together.conversionAboveOne) } },
      {
        when: `OR(${[0, 1, 2, 3].map((m) => `${after(m)}<0`).join(',')})`,
        show: { text: formulaText(w.together.negativeFactor) },
      },
    ];
    if (checks.some((c) => isWhole(c.show)))
      throw new Untranslatable('CJM_IMPACT whose bad input fails the whole call');
    const value = `${[0, 1, 2, 3].map(after).join('*')}-${x.join('*')}`;
    const formula = `IF(${or(x.map((v, k) => blankOf(v, fromRange(k))))},"",${chain(checks, value, (c) => ('text' in c.show ? c.show.text : briefText(c.show)))})`;
    return guard(formula, false);
  };
  return {
    rows: n + 1,
    cols: 1,
    element: (i, j) => (i < n ? per.element(i, j) : total()),
  };
}

/**
 * CJM_BOTTLENECK (bottleneck.ts with counts.ts and core/funnel weakestTransition), in one
 * helper row: each stage's usable count (blank, not a number or below 0 are left out), each
 * transition's step from its neighbour (none from 0 customers or to more customers), each target's
 * reading (blank, a goal, or "x" for a bad
 * one; the first stage's and 0 targets are no goal), each transition's score, the weakest
 * transition's position, and the answer. When no transition can be judged, the answer is why
 * (bottleneck.ts whyNone): each stage's count state, each transition's reason (probe.ts
 * NO_TRANSITION, 0 for none), the first transition with a reason, its two stages' names and the
 * add-on's text for it.
 */
export function bottleneck(ctx: CallContext, args: readonly ArgView[]): Translation {
  const [counts, labels, targets] = args;
  const single = (formula: string): Translation => ({ rows: 1, cols: 1, element: () => formula });
  if (!counts || args.length > 3) return single(ERR);
  const vec = (a: ArgView): { n: number; rows: number; cols: number } | null => {
    const r = a.range ?? { rows: 1, cols: 1 };
    return r.rows > 1 && r.cols > 1 ? null : { n: r.rows * r.cols, rows: r.rows, cols: r.cols };
  };
  const cv = vec(counts);
  if (!cv) return single(ERR);
  // readAligned: labels and targets have the counts' shape exactly (a blank single value means
  // omitted).
  const aligned = (a: ArgView | undefined) => {
    if (!a) return 'omitted' as const;
    if (!a.range && cv.n === 1) return 'ok' as const;
    if (!a.range) return 'single' as const;
    return a.range.rows === cv.rows && a.range.cols === cv.cols
      ? ('ok' as const)
      : ('bad' as const);
  };
  const la = aligned(labels);
  const ta = aligned(targets);
  if (la === 'bad' || ta === 'bad') return single(ERR);
  const n = cv.n;
  const at = (k: number): [number, number] => (cv.rows === 1 ? [0, k] : [k, 0]);
  const H = ctx.helpers.sheet;
  const cnt = (k: number) => ctx.text(ctx.element(counts, ...at(k)), H);
  const tgt = (k: number) => ctx.text(ctx.element(targets as ArgView, ...at(k)), H);
  const lab = (k: number) => ctx.text(ctx.element(labels as ArgView, ...at(k)), H);
  const w = ctx.words.bottleneck;
  const hasTargets = ta === 'ok';

  // Helper row layout: counts 0..n-1, goals n..2n-1, scores 2n..3n-1, position 3n, answer 3n+1,
  // judged goals 3n+2..4n+1; why no transition can be judged: count states 4n+2..5n+1, reasons
  // 5n+2..6n+1, positions of the transitions with a reason 6n+2..7n+1, the first of them 7n+2, its
  // reason 7n+3, its two stages' names 7n+4 and 7n+5, the text 7n+6.
  const row = ctx.helpers.row(
    `${ctx.where}: usable counts, goals, scores, weakest position, answer`,
    (local) => {
      const v = (k: number) => local(k);
      const g = (k: number) => local(n + k);
      const range = (from: number, len: number) => `${local(from)}:${local(from + len - 1)}`;
      const cells: string[] = [];
      for (let k = 0; k < n; k++) {
        const x = cnt(k);
        // a date-formatted count reaches the add-on as a Date: not a count; a count above the stage
        // before it stays (the step from a neighbour with fewer customers is not judged, below)
        cells.push(
          ctx.dated(counts, ...at(k))
            ? `IF(ISNUMBER(${x}),"",IF(${isNum(x)},${x},""))`
            : `IF(${isNum(x)},IF(${x}>=0,${x},""),"")`,
        );
      }
      for (let k = 0; k < n; k++) {
        if (!hasTargets || k === 0) {
          cells.push('""');
          continue;
        }
        const t = tgt(k);
        if (ctx.dated(targets as ArgView, ...at(k))) {
          cells.push(`IF(ISNUMBER(${t}),"x",IF(ISERROR(${t}),"x",IF(${t}="","","x")))`);
          continue;
        }
        cells.push(
          `IF(ISERROR(${t}),"x",IF(${isNum(t)},IF(AND(${t}>=0,${t}<=1),IF(${t}=0,"",${t}),"x"),IF(${t}="","","x")))`,
        );
      }
      const stepOf = (k: number) =>
        `IF(OR(${v(k - 1)}="",${v(k)}=""),"",IF(OR(${v(k - 1)}=0,${v(k)}>${v(k - 1)}),"",${v(k)}/${v(k - 1)}))`;
      // the goals of the transitions whose step can be computed: after the answer, at 3n+2 … 4n+1
      const judged = range(3 * n + 2, n);
      for (let k = 0; k < n; k++) {
        if (k === 0) {
          cells.push('""');
          continue;
        }
        const step = stepOf(k);
        // With a goal on any computed step: only those, step ÷ goal. Without: every computed step
        // but those whose target is bad.
        const score = hasTargets
          ? `IF(COUNT(${judged})>0,IF(ISNUMBER(${g(k)}),${step}/${g(k)},""),IF(${g(k)}="x","",${step}))`
          : step;
        cells.push(`IF(${step}="","",${score})`);
      }
      const scores = range(2 * n, n);
      cells.push(`IF(COUNT(${scores})=0,0,MATCH(MIN(${scores}),${scores},0))`);
      const pos = local(3 * n);
      const name = (p: string) => {
        const unnamed = `${formulaText(w.stageWord)}&" "&${p}`;
        if (la !== 'ok') return unnamed;
        const cell = labels?.range
          ? `INDEX(${ctx.text(labels.node, H)},${cv.rows === 1 ? `1,${p}` : `${p},1`})`
          : lab(0);
        const asText = `IF(ISNUMBER(${cell}),SUBSTITUTE(ROUND(${cell},9)&"",".",${formulaText(w.decimal)}),IF(OR(LEFT(${cell},1)=" ",RIGHT(${cell},1)=" "),TRIM(${cell}),${cell}&""))`;
        return `IF(${asText}="",${unnamed},${asText})`;
      };
      const why = local(7 * n + 6);
      cells.push(`IF(${pos}=0,${why},${name(`(${pos}-1)`)}&${formulaText(w.arrow)}&${name(pos)})`);
      for (let k = 0; k < n; k++)
        cells.push(
          k === 0 || !hasTargets ? '""' : `IF(AND(ISNUMBER(${g(k)}),${stepOf(k)}<>""),${g(k)},"")`,
        );
      // Each stage's count as whyNone reads it: 0 blank, 1 usable, 2 not a number (a date, an
      // error, text, TRUE), 3 below 0.
      const state = (k: number) => local(4 * n + 2 + k);
      for (let k = 0; k < n; k++) {
        const x = cnt(k);
        const blank = `IFERROR(${x}="",FALSE)`;
        cells.push(
          ctx.dated(counts, ...at(k))
            ? `IF(${blank},0,2)`
            : `IF(${blank},0,IF(ISERROR(${x}),2,IF(NOT(${isNum(x)}),2,IF(${x}<0,3,1))))`,
        );
      }
      // Each transition's reason, numbered as NO_TRANSITION from 1; 0 when a count is blank or the
      // transition can be judged.
      const reason = (k: number) => local(5 * n + 2 + k);
      const no = (r: (typeof NO_TRANSITION)[number]) => NO_TRANSITION.indexOf(r) + 1;
      for (let k = 0; k < n; k++) {
        if (k === 0) {
          cells.push('""');
          continue;
        }
        let target = '0';
        if (hasTargets) {
          const t = tgt(k);
          const [above, notShare] = [no('targetAboveOne'), no('targetNotShare')];
          const kind = ctx.dated(targets as ArgView, ...at(k))
            ? `${notShare}`
            : `IF(ISERROR(${t}),${notShare},IF(${isNum(t)},IF(${t}>1,${above},${notShare}),${notShare}))`;
          target = `IF(${g(k)}="x",${kind},0)`;
        }
        const [a, b] = [state(k - 1), state(k)];
        cells.push(
          `IF(OR(${a}=0,${b}=0),0,IF(${a}=2,${no('prevNotNumber')},IF(${a}=3,${no('prevNegative')},` +
            `IF(${b}=2,${no('curNotNumber')},IF(${b}=3,${no('curNegative')},` +
            `IF(${v(k - 1)}=0,${no('fromZero')},IF(${v(k)}>${v(k - 1)},${no('more')},${target})))))))`,
        );
      }
      for (let k = 0; k < n; k++) cells.push(k === 0 ? '""' : `IF(${reason(k)}>0,${k + 1},"")`);
      const flagged = range(6 * n + 2, n);
      const first = local(7 * n + 2);
      cells.push(`IF(COUNT(${flagged})=0,0,MIN(${flagged}))`);
      const code = local(7 * n + 3);
      cells.push(`IF(${first}=0,0,INDEX(${range(5 * n + 2, n)},1,${first}))`);
      cells.push(`IF(${first}=0,"",${name(`(${first}-1)`)})`);
      cells.push(`IF(${first}=0,"",${name(first)})`);
      const stage = { prev: local(7 * n + 4), cur: local(7 * n + 5) };
      const text = (parts: StageText) =>
        parts.map((p) => (p === 'prev' || p === 'cur' ? stage[p] : formulaText(p))).join('&');
      cells.push(
        `IF(${code}=0,"",CHOOSE(${code},${NO_TRANSITION.map((r) => text(w.noTransition[r])).join(',')}))`,
      );
      return cells;
    },
  );
  const answer = row.ref(3 * n + 1, ctx.host);
  if (la === 'single' && labels) {
    // one label for several stages: an error unless it is blank (then it counts as omitted)
    return single(`IF(${ctx.text(labels.node, ctx.host)}="",${answer},${ERR})`);
  }
  if (ta === 'single' && targets)
    return single(`IF(${ctx.text(targets.node, ctx.host)}="",${answer},${ERR})`);
  return single(answer);
}

export type NativeFunction = (ctx: CallContext, args: readonly ArgView[]) => Translation;

/** The custom functions with a native equivalent; others are exported as their values. */
export const NATIVE: Record<string, NativeFunction> = {
  CJM_CONVERSION: conversion,
  CJM_REVENUE: revenue,
  CJM_IMPACT: impact,
  CJM_BOTTLENECK: bottleneck,
};
