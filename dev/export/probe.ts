/**
 * What the add-on's own custom functions say, learnt by calling them (src/formulas, through
 * the FORMULAS registry) rather than copied: the brief "⚠ …" text an element of a spilled
 * range shows for each kind of bad input, whether a bad element blanks the whole range
 * instead, and the word an unnamed stage gets. The export's native formulas write these
 * texts, so a file computes and says what the add-on computes and says, in its language.
 */
import type { Lang } from '../../src/core/words/i18n';
import type { Argument } from '../../src/formulas/grid';
import { FORMULAS } from '../../src/formulas/registry';
import type { FormulaSpec } from '../../src/formulas/spec';

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
      `${name}: expected a brief text for a bad element, got ${JSON.stringify(v)}; dev/export/probe.ts no longer matches the add-on`,
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

function numberOutcomes(
  name: string,
  lang: Lang,
  good: unknown[],
  index: number,
  share: boolean,
): NumberOutcomes {
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
        `${name}: the brief text for text ${JSON.stringify(text.brief)} does not name the text once; dev/export/probe.ts no longer matches the add-on`,
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
  /** per lever L, C, P, Q: the brief names the forms a change for that lever takes */
  badChange: Outcome[];
  pointsNotConversion: Outcome;
  unitNotLever: Outcome;
  conversionAboveOne: Outcome;
  negativeFactor: Outcome;
}

export interface BottleneckWords {
  /** "Stage" in "Stage 3", the name a stage without a label gets */
  stageWord: string;
  /** between the two stages of the answer: " → " */
  arrow: string;
  decimal: string;
}

export interface Words {
  lang: Lang;
  conversion: ConversionWords;
  revenue: RevenueWords;
  impact: ImpactWords;
  bottleneck: BottleneckWords;
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
      `CJM_BOTTLENECK names unlabelled stages as ${JSON.stringify(text)}; dev/export/probe.ts no longer matches the add-on`,
    );
  const decimal = call('CJM_BOTTLENECK', lang, [[[10, 5]], [[1.5, 'x']]]);
  const words: Words = {
    lang,
    conversion: {
      from: numberOutcomes('CJM_CONVERSION', lang, [10, 5], 0, false),
      to: numberOutcomes('CJM_CONVERSION', lang, [10, 5], 1, false),
      // one from_count for all (overall conversion): element 1 is blank, element 2 is bad
      fromZeroFirst: second('CJM_CONVERSION', lang, [0, [['', 5]]] as Argument[]),
      moreFirst: second('CJM_CONVERSION', lang, [10, [[5, 20]]] as Argument[]),
      fromZeroPrevious: secondElement('CJM_CONVERSION', lang, [10, 5], [0, 0]),
      morePrevious: secondElement('CJM_CONVERSION', lang, [10, 5], [10, 20]),
    },
    revenue: {
      args: revenueGood.map((_, i) => numberOutcomes('CJM_REVENUE', lang, revenueGood, i, i === 1)),
    },
    impact: {
      args: [0, 1, 2, 3].map((i) => numberOutcomes('CJM_IMPACT', lang, impactGood, i, i === 1)),
      unknownLever: impact({ 4: 'no such lever' }),
      badChange: ['L', 'C', 'P', 'Q'].map((lever) => impact({ 4: lever, 5: 'soon' })),
      pointsNotConversion: impact({ 4: 'L' }),
      unitNotLever: impact({ 4: 'L', 5: '+5 purchases' }),
      conversionAboveOne: impact({ 5: '+60 pp' }),
      negativeFactor: impact({ 4: 'P', 5: '-200%' }),
    },
    bottleneck: {
      stageWord: (m[1] ?? '').trim(),
      arrow: m[2] ?? ' → ',
      decimal:
        decimal.ok && typeof decimal.value === 'string' && decimal.value.startsWith('1,5')
          ? ','
          : '.',
    },
  };
  cache.set(lang, words);
  return words;
}
