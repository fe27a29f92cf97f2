/**
 * What the add-on's own custom functions say, learnt by calling them (src/formulas, through
 * the FORMULAS registry) rather than copied: the brief "⚠ …" text an element of a spilled
 * range shows for each kind of bad input, whether a bad element blanks the whole range
 * instead, and the word an unnamed stage gets. The export's native formulas write these
 * texts, so a file computes and says what the add-on computes and says, in its language.
 */
import type { Lang } from '../src/core/words/i18n';
import type { Argument } from '../src/formulas/grid';
import { FORMULAS } from '../src/formulas/registry';
import type { FormulaSpec } from '../src/formulas/spec';

const SPECS = new Map<string, FormulaSpec>(FORMULAS.map((f) => [f.name, f]));

export function spec(name: string): FormulaSpec | undefined {
  return SPECS.get(name.toUpperCase());
}

/**
 * Calls a custom function as Apps Script would, in a language; older specs without evaluate() speak
 * English.
 */
function call(
  name: string,
  lang: Lang,
  args: Argument[],
): { ok: true; value: unknown } | { ok: false } {
  const s = SPECS.get(name);
  if (!s) throw new Error(`${name} is not a custom function of the add-on`);
  try {
    const value = typeof s.evaluate === 'function' ? s.evaluate(lang, args) : s.run(...args);
    return { ok: true, value };
  } catch {
    return { ok: false };
  }
}

/**
 * A bad input's outcome in a spilled range: the text its element shows, or 'whole' when the whole
 * call fails instead.
 */
export type Outcome = { brief: string } | { whole: true };

/**
 * The outcome of element 2 of a call whose element 1 is fine (its arguments as given: ranges of
 * two, or single values).
 */
function second(name: string, lang: Lang, args: Argument[]): Outcome {
  const r = call(name, lang, args);
  if (!r.ok) return { whole: true };
  const v = r.value;
  const out = Array.isArray(v) && Array.isArray(v[0]) ? (v[0] as unknown[])[1] : undefined;
  if (typeof out !== 'string' || out === '') {
    throw new Error(
      `${name}: expected a brief text for a bad element, got ${JSON.stringify(v)}; xlsx-export/probe.ts no longer matches the add-on`,
    );
  }
  return { brief: out };
}

/** Element 2 of a call with every argument a 1×2 range: element 1 `good`, element 2 `bad`. */
function secondElement(name: string, lang: Lang, good: unknown[], bad: unknown[]): Outcome {
  return second(name, lang, good.map((g, i) => [[g, bad[i]]]) as Argument[]);
}

/**
 * Outcomes of one numeric argument's problems: not a number, below 0, above 1 (shares), an error in
 * the cell.
 */
export interface NumberOutcomes {
  notNumber: Outcome;
  /**
   * text, whatever it looks like ("8 231"): the brief names it, between these two texts; or the
   * whole call fails
   */
  isText: { before: string; after: string } | { whole: true };
  /** a date-formatted cell: Apps Script hands the function a Date */
  isDate: Outcome;
  negative: Outcome;
  aboveOne?: Outcome;
  /** the text for the error "#N/A"; other codes replace it */
  errorNA: Outcome;
  /**
   * an input that is itself a brief text ("⚠ …"): its text is passed on, or the whole call fails
   */
  warningPassesOn: boolean;
}

/** Text in a numeric argument, as unlike anything a brief says as can be. */
const TEXT_PROBE = '8\u2009231 probe';

/** The outcomes of a bad value of argument `index` (a number kind: a share is also probed above 1). */
function numberOutcomes(name: string, lang: Lang, good: unknown[], index: number): NumberOutcomes {
  const share = SPECS.get(name)?.params[index]?.kind === 'share';
  const with_ = (v: unknown) => {
    const bad = [...good];
    bad[index] = v;
    return secondElement(name, lang, good, bad);
  };
  const warning = with_('⚠ probe');
  const text = with_(TEXT_PROBE);
  let isText: NumberOutcomes['isText'] = { whole: true };
  if ('brief' in text) {
    const at = text.brief.indexOf(TEXT_PROBE);
    if (at < 0 || text.brief.indexOf(TEXT_PROBE, at + 1) >= 0)
      throw new Error(
        `${name}: the brief text for text ${JSON.stringify(text.brief)} does not name the text once; xlsx-export/probe.ts no longer matches the add-on`,
      );
    isText = {
      before: text.brief.slice(0, at),
      after: text.brief.slice(at + TEXT_PROBE.length),
    };
  }
  return {
    notNumber: with_(true),
    isText,
    isDate: with_(new Date(2026, 0, 5)),
    negative: with_(-1),
    ...(share ? { aboveOne: with_(2) } : {}),
    errorNA: with_('#N/A'),
    warningPassesOn: 'brief' in warning && warning.brief === '⚠ probe',
  };
}

export interface ConversionWords {
  from: NumberOutcomes;
  to: NumberOutcomes;
  /** from_count 0, when from_count is one cell for every element (overall conversion) or a range */
  fromZeroFirst: Outcome;
  fromZeroPrevious: Outcome;
  moreFirst: Outcome;
  morePrevious: Outcome;
}

export interface RevenueWords {
  args: NumberOutcomes[];
}

export interface ImpactWords {
  args: NumberOutcomes[];
  unknownLever: Outcome;
  /** per lever L, C, P, Q and step: the brief names the forms a change for that lever takes */
  badChange: Outcome[];
  /** an action on a step (lever "step"), in the order the add-on checks it */
  step: StepWords;
  pointsNotConversion: Outcome;
  unitNotLever: Outcome;
  conversionAboveOne: Outcome;
  negativeFactor: Outcome;
  /** the total row of CJM_IMPACT(…, TRUE) when the actions together leave impossible levers */
  together: { conversionAboveOne: string; negativeFactor: string };
}

/** Why an action on a step has no impact (impact.ts stepAction), in the order it is checked. */
export interface StepWords {
  /** a change in an amount, not points or a percentage */
  unit: Outcome;
  /** stages, roles and counts are not three rows of the same width */
  noFunnel: Outcome;
  noStage: Outcome;
  unknownStage: Outcome;
  twoStages: Outcome;
  firstStage: Outcome;
  afterDeal: Outcome;
  /** a count of the step's two stages */
  counts: NumberOutcomes;
  fromZero: Outcome;
  more: Outcome;
  toZero: Outcome;
  aboveOne: Outcome;
  belowZero: Outcome;
}

/** A map's rows as the plan passes them: A (L), B (L), C (the deal), D (Q) between two edges. */
const STEP_MAP = (names = ['A', 'B', 'C', 'D'], counts: unknown[] = [1000, 400, 100, 50]) => [
  [['', ...names, '']],
  [['', 'L', 'L', 'C', 'Q', '']],
  [['', ...counts, '']],
];

/** Element 2 of a step action (element 1 is fine) on the transition into `stage`. */
function stepOutcome(
  lang: Lang,
  stage: string,
  change = '+1 pp',
  map: unknown[][][] = STEP_MAP(),
): Outcome {
  return second('CJM_IMPACT', lang, [
    100,
    0.5,
    10,
    2,
    [['C', 'step']],
    [['+1 pp', change]],
    false,
    [['', stage]],
    ...map,
  ] as Argument[]);
}

/** The outcomes of a bad count at the step's stage (B's, after A's 1000). */
function countOutcomes(lang: Lang): NumberOutcomes {
  const at = (v: unknown) =>
    stepOutcome(lang, 'B', '+1 pp', STEP_MAP(undefined, [1000, v, 100, 50]));
  const text = at(TEXT_PROBE);
  if (!('brief' in text) || !text.brief.includes(TEXT_PROBE))
    throw new Error(
      `CJM_IMPACT: the brief text for a count typed as text ${JSON.stringify(text)} does not name it; xlsx-export/probe.ts no longer matches the add-on`,
    );
  const [before = '', after = ''] = text.brief.split(TEXT_PROBE);
  const warning = at('⚠ probe');
  return {
    notNumber: at(true),
    isText: { before, after },
    isDate: at(new Date(2026, 0, 5)),
    negative: at(-1),
    errorNA: at('#N/A'),
    warningPassesOn: 'brief' in warning && warning.brief === '⚠ probe',
  };
}

function stepWords(lang: Lang): StepWords {
  return {
    unit: stepOutcome(lang, 'B', '+5 leads'),
    noFunnel: stepOutcome(lang, 'B', '+1 pp', []),
    noStage: stepOutcome(lang, ''),
    unknownStage: stepOutcome(lang, 'no such stage'),
    twoStages: stepOutcome(lang, 'B', '+1 pp', STEP_MAP(['A', 'B', 'b', 'D'])),
    firstStage: stepOutcome(lang, 'A'),
    afterDeal: stepOutcome(lang, 'D'),
    counts: countOutcomes(lang),
    fromZero: stepOutcome(lang, 'B', '+1 pp', STEP_MAP(undefined, [0, 0, 0, 0])),
    more: stepOutcome(lang, 'B', '+1 pp', STEP_MAP(undefined, [100, 400, 100, 50])),
    toZero: stepOutcome(lang, 'B', '+1 pp', STEP_MAP(undefined, [1000, 0, 0, 0])),
    aboveOne: stepOutcome(lang, 'B', '+80 pp'),
    belowZero: stepOutcome(lang, 'B', '-50 pp'),
  };
}

/** A text with the names of the two stages of a transition in it: 'prev' (earlier) and 'cur'. */
export type StageText = readonly (string | 'prev' | 'cur')[];

/**
 * Why no transition can be judged (bottleneck.ts whyNone), for the first transition whose two
 * counts are typed, in the order the add-on checks: the earlier stage's count not a number or
 * below 0, the later stage's, 0 customers at the earlier stage, more at the later one, the later
 * stage's target above 100% or not a share.
 */
export const NO_TRANSITION = [
  'prevNotNumber',
  'prevNegative',
  'curNotNumber',
  'curNegative',
  'fromZero',
  'more',
  'targetAboveOne',
  'targetNotShare',
] as const;

export interface BottleneckWords {
  /** "Stage" in "Stage 3", the name a stage without a label gets */
  stageWord: string;
  /** between the two stages of the answer: " → " */
  arrow: string;
  decimal: string;
  /** the text for each reason of NO_TRANSITION, in that order */
  noTransition: Record<(typeof NO_TRANSITION)[number], StageText>;
}

/** Two stage names no message contains, to find where a message puts the names. */
const PREV = '@@prev@@';
const CUR = '@@cur@@';

/** What CJM_BOTTLENECK says for two stages named PREV and CUR, with the names as placeholders. */
function noTransitionText(lang: Lang, counts: unknown[], targets?: unknown[]): StageText {
  const args = [[counts], [[PREV, CUR]], ...(targets ? [[targets]] : [])] as Argument[];
  const r = call('CJM_BOTTLENECK', lang, args);
  const text = r.ok && typeof r.value === 'string' ? r.value : '';
  if (!text.startsWith('⚠') || !(text.includes(PREV) || text.includes(CUR)))
    throw new Error(
      `CJM_BOTTLENECK(${JSON.stringify(args)}) says ${JSON.stringify(r.ok ? r.value : 'an error')}, not why no transition can be judged; xlsx-export/probe.ts no longer matches the add-on`,
    );
  return text
    .split(/(@@prev@@|@@cur@@)/)
    .filter((part) => part !== '')
    .map((part) => (part === PREV ? 'prev' : part === CUR ? 'cur' : part));
}

export interface Words {
  lang: Lang;
  conversion: ConversionWords;
  revenue: RevenueWords;
  impact: ImpactWords;
  bottleneck: BottleneckWords;
}

/** The total row of CJM_IMPACT(…, TRUE) for two actions that are the same `change` of `lever`. */
function totalRow(lang: Lang, lever: string, change: string): string {
  const r = call('CJM_IMPACT', lang, [
    100,
    0.5,
    10,
    2,
    [[lever], [lever]],
    [[change], [change]],
    true,
  ]);
  const out = r.ok && Array.isArray(r.value) ? (r.value as unknown[][])[2]?.[0] : undefined;
  if (typeof out !== 'string' || !out.startsWith('⚠'))
    throw new Error(
      `CJM_IMPACT(…, TRUE) totals ${JSON.stringify(r.ok ? r.value : 'an error')}; xlsx-export/probe.ts no longer matches the add-on`,
    );
  return out;
}

const cache = new Map<Lang, Words>();

/**
 * Everything the native formulas need to say, in `lang` (the language the add-on's formulas speak
 * to this user).
 */
export function probeWords(lang: Lang): Words {
  const hit = cache.get(lang);
  if (hit) return hit;
  const revenueGood = [100, 0.5, 10, 2];
  const impactGood: unknown[] = [100, 0.5, 10, 2, 'C', '+1 pp'];
  const impact = (bad: Partial<Record<number, unknown>>) => {
    const b = [...impactGood];
    for (const [i, v] of Object.entries(bad)) b[Number(i)] = v;
    return secondElement('CJM_IMPACT', lang, impactGood, b);
  };
  const named = call('CJM_BOTTLENECK', lang, [[[10, 5]], [['', '']]]);
  const text = named.ok && typeof named.value === 'string' ? named.value : '';
  const m = /^(.*?)\s*1(\s*\S+\s*)\1\s*2$/u.exec(text) ?? /^(.*) 1( → )(?:.*) 2$/u.exec(text);
  if (!m)
    throw new Error(
      `CJM_BOTTLENECK names unlabelled stages as ${JSON.stringify(text)}; xlsx-export/probe.ts no longer matches the add-on`,
    );
  const decimal = call('CJM_BOTTLENECK', lang, [[[10, 5]], [[1.5, 'x']]]);
  const words: Words = {
    lang,
    conversion: {
      from: numberOutcomes('CJM_CONVERSION', lang, [10, 5], 0),
      to: numberOutcomes('CJM_CONVERSION', lang, [10, 5], 1),
      // one from_count for all (overall conversion): element 1 is blank, element 2 is bad
      fromZeroFirst: second('CJM_CONVERSION', lang, [0, [['', 5]]] as Argument[]),
      moreFirst: second('CJM_CONVERSION', lang, [10, [[5, 20]]] as Argument[]),
      fromZeroPrevious: secondElement('CJM_CONVERSION', lang, [10, 5], [0, 0]),
      morePrevious: secondElement('CJM_CONVERSION', lang, [10, 5], [10, 20]),
    },
    revenue: {
      args: revenueGood.map((_, i) => numberOutcomes('CJM_REVENUE', lang, revenueGood, i)),
    },
    impact: {
      args: [0, 1, 2, 3].map((i) => numberOutcomes('CJM_IMPACT', lang, impactGood, i)),
      unknownLever: impact({ 4: 'no such lever' }),
      badChange: ['L', 'C', 'P', 'Q', 'step'].map((lever) => impact({ 4: lever, 5: 'soon' })),
      step: stepWords(lang),
      pointsNotConversion: impact({ 4: 'L' }),
      unitNotLever: impact({ 4: 'L', 5: '+5 purchases' }),
      conversionAboveOne: impact({ 5: '+60 pp' }),
      negativeFactor: impact({ 4: 'P', 5: '-200%' }),
      together: {
        // each fits alone (C 0,5 + 0,3; P 10 − 6), together they do not
        conversionAboveOne: totalRow(lang, 'C', '+30 pp'),
        negativeFactor: totalRow(lang, 'P', '-6 $'),
      },
    },
    bottleneck: {
      stageWord: (m[1] ?? '').trim(),
      arrow: m[2] ?? ' → ',
      decimal:
        decimal.ok && typeof decimal.value === 'string' && decimal.value.startsWith('1,5')
          ? ','
          : '.',
      noTransition: {
        prevNotNumber: noTransitionText(lang, ['x', 10]),
        prevNegative: noTransitionText(lang, [-1, 10]),
        curNotNumber: noTransitionText(lang, [10, 'x']),
        curNegative: noTransitionText(lang, [10, -1]),
        fromZero: noTransitionText(lang, [0, 0]),
        more: noTransitionText(lang, [5, 10]),
        targetAboveOne: noTransitionText(lang, [10, 5], ['', 2]),
        targetNotShare: noTransitionText(lang, [10, 5], ['', 'x']),
      },
    },
  };
  cache.set(lang, words);
  return words;
}
