/**
 * Sequences of hostile steps: generating them (seeded), replaying one, and running many
 * for the bench. A sequence is a language (the spreadsheet's and its maps'), the names of
 * the first map's 2–4 stages, and the steps.
 */
import fc from 'fast-check';
import type { FormulaSeparators } from '../../../emulator/index';
import type { Lang } from '../../../src/core/words/i18n';
import {
  describeStep,
  describeText,
  ordinaryTextPick,
  stepOf,
  withPrintout,
  type Mix,
  type Step,
} from './steps';
import type { TextPick } from './texts';
import { returnSession } from './session';
import { EmulatorLimit, HostileFailure, World, type Violation, type ViolationKind } from './world';

export interface HostileInput {
  lang: Lang;
  /** how Sheets takes a script's formulas in a decimal-comma locale (absent: the default) */
  syntax?: FormulaSeparators;
  stages: TextPick[];
  steps: Step[];
}

export interface InputOptions {
  min?: number;
  max?: number;
  /** how far a failure is shrunk (each try replays a sequence) */
  maxShrinks?: number;
  mix?: Mix;
}

/** Sequences of `min`–`max` steps, printed readably when a property fails. */
export function hostileInput({
  min = 30,
  max = 40,
  maxShrinks = 300,
  mix = 'full',
}: InputOptions = {}): fc.Arbitrary<HostileInput> {
  const arb = fc
    .record({
      lang: fc.constantFrom<Lang>('en', 'ru'),
      syntax: fc.constantFrom<FormulaSeparators>('comma', 'locale'),
      stages: fc
        .integer({ min: 2, max: 4 })
        .chain((n) => fc.array(ordinaryTextPick, { minLength: n, maxLength: n })),
      steps: fc.array(stepOf(mix), { minLength: min, maxLength: max }),
    })
    .map((input) => printable({ ...input, steps: withPrintout(input.steps) }));
  return fc.limitShrink(arb, maxShrinks);
}

function printable(fields: HostileInput): HostileInput {
  const input = { ...fields };
  return Object.defineProperty(input, fc.toStringMethod, {
    value: () =>
      [
        `a ${input.lang} spreadsheet${input.syntax ? ` (formulas with ${input.syntax} separators)` : ''} with one map of stages ${input.stages.map(describeText).join(', ')}, then:`,
        ...input.steps.map((s, i) => `  ${i + 1}. ${describeStep(s)}`),
      ].join('\n'),
    enumerable: false,
  });
}

/**
 * Replays a sequence; with stopAtFirst the first violation throws a HostileFailure (with the
 * resolved log).
 */
export function replayHostile(
  input: HostileInput,
  stopAtFirst = true,
  only?: (v: Violation) => boolean,
): World {
  const world = new World({ lang: input.lang, syntax: input.syntax, stopAtFirst, only });
  try {
    world.setup(input.stages);
    for (const s of input.steps) world.run(s);
  } catch (e) {
    if (e instanceof EmulatorLimit) {
      world.log.push(`the sequence stopped: ${e.message}`);
      return world;
    }
    if (stopAtFirst) throw e;
    // Counting (the bench): a crash of the harness or the emulator ends the sequence as a raw
    // error.
    world.violations.push({
      kind: 'raw-error',
      at: `#${world.steps}`,
      action: 'the harness',
      message: `the sequence stopped: ${(e as Error).message}`,
    });
  } finally {
    returnSession(world.locale, world.s);
  }
  return world;
}

/**
 * A failing sequence cut down to the steps the failure needs (fast-check's shrinking keeps at
 * least the generated minimum of 30 steps): steps are removed, in halves, quarters… then one
 * by one, as long as the same kind of violation still happens. Replays are capped by `budget`.
 */
export function minimize(
  input: HostileInput,
  failure: HostileFailure,
  budget = 400,
  same: (v: Violation) => boolean = (v) => v.kind === failure.violation.kind,
): { input: HostileInput; failure: HostileFailure } {
  let best = { input, failure };
  let tries = 0;
  const fails = (steps: Step[]): HostileFailure | null => {
    tries++;
    try {
      replayHostile(printable({ ...input, steps: withPrintout(steps) }), true, same);
    } catch (e) {
      if (e instanceof HostileFailure) return e;
    }
    return null;
  };
  let steps = input.steps;
  let n = 2;
  while (steps.length > 0 && tries < budget) {
    const chunk = Math.ceil(steps.length / n);
    let cut = false;
    for (let i = 0; i < steps.length && tries < budget; i += chunk) {
      const candidate = [...steps.slice(0, i), ...steps.slice(i + chunk)];
      const f = fails(candidate);
      if (f) {
        steps = candidate;
        best = { input: printable({ ...input, steps: withPrintout(steps) }), failure: f };
        n = Math.max(n - 1, 2);
        cut = true;
        break;
      }
    }
    if (!cut) {
      if (chunk <= 1) break;
      n = Math.min(n * 2, steps.length);
    }
  }
  return best;
}

export interface CheckOptions {
  runs: number;
  seed: number;
  mix: Mix;
  min: number;
  max: number;
  maxShrinks: number;
}

/**
 * The property: `runs` seeded sequences, none may violate. A failure is shrunk (fast-check,
 * then `minimize`) and thrown as one readable error: the seed to replay it, the short
 * sequence, and what happened at each of its actions.
 */
export function checkHostile(o: CheckOptions): void {
  const details = fc.check(
    fc.property(hostileInput(o), (input) => {
      replayHostile(input);
    }),
    { seed: o.seed, numRuns: o.runs },
  );
  if (!details.failed) return;
  const input = details.counterexample?.[0] as HostileInput | undefined;
  const error = details.errorInstance;
  if (!input || !(error instanceof HostileFailure))
    throw error instanceof Error ? error : new Error(String(error));
  const small = minimize(input, error);
  throw new Error(
    [
      `hostile use: ${small.failure.violation.kind} after ${small.failure.violation.at}: ${small.failure.violation.message}`,
      '',
      `Replay: HOSTILE_SEED=${o.seed} HOSTILE_RUNS=${o.runs} (fast-check path ${details.counterexample ? details.counterexamplePath : ''}); the sequence, cut down:`,
      String(fc.stringify(small.input)),
      '',
      'What happened, action by action:',
      ...small.failure.log.map((l) => `  ${l}`),
    ].join('\n'),
  );
}

export interface HostileFigures {
  hostile_sequences: number;
  hostile_steps: number;
  hostile_cells_lost: number;
  hostile_values_lost: number;
  hostile_values_misplaced: number;
  hostile_user_formulas_broken_silently: number;
  hostile_formulas_from_text: number;
  hostile_raw_errors: number;
  /** failed commands that changed something (cells, or formats, merges, protections, lines) */
  hostile_partial_writes: number;
  /** commands on one map that changed another map's sheets or plan */
  hostile_other_map_writes: number;
  /** formulas a command wrote that Sheets could not parse (the syntax guessed wrong) */
  hostile_formulas_unparsed: number;
  /**
   * history cells a command lost or changed (a recorded period, a pasted cell, a user's formula
   * under a map), and periods a review recorded wrong
   */
  hostile_history_lost: number;
  /** commands that left a map with more than five custom-function cells */
  hostile_custom_function_overflows: number;
}

/**
 * Runs `sequences` seeded sequences to the end, counting every violation (texts and numbers
 * lost or moved to another row, stage or map, the user's formulas broken without a word, user
 * text turned formula, raw errors). `kinds` gets every
 * violation kind counted, for a closer look.
 */
export function hostileFigures(
  sequences = 200,
  seed = 20261123,
  kinds?: Partial<Record<ViolationKind, number>>,
): HostileFigures {
  const inputs = fc.sample(hostileInput({ min: 30, max: 40 }), { numRuns: sequences, seed });
  const out: HostileFigures = {
    hostile_sequences: 0,
    hostile_steps: 0,
    hostile_cells_lost: 0,
    hostile_values_lost: 0,
    hostile_values_misplaced: 0,
    hostile_user_formulas_broken_silently: 0,
    hostile_formulas_from_text: 0,
    hostile_raw_errors: 0,
    hostile_partial_writes: 0,
    hostile_other_map_writes: 0,
    hostile_formulas_unparsed: 0,
    hostile_history_lost: 0,
    hostile_custom_function_overflows: 0,
  };
  for (const input of inputs) {
    const world = replayHostile(input, false);
    out.hostile_sequences++;
    out.hostile_steps += world.steps;
    const c = world.counts();
    out.hostile_cells_lost += (c.lost ?? 0) + (c['wrong-stage'] ?? 0);
    out.hostile_values_lost += c['values-lost'] ?? 0;
    out.hostile_values_misplaced += c['values-misplaced'] ?? 0;
    out.hostile_user_formulas_broken_silently += c['user-formula-broken'] ?? 0;
    out.hostile_formulas_from_text += c.formula ?? 0;
    out.hostile_raw_errors += (c['raw-error'] ?? 0) + (c['refusal-raw'] ?? 0);
    out.hostile_partial_writes += (c['refusal-wrote'] ?? 0) + (c['refusal-changed'] ?? 0);
    out.hostile_other_map_writes += c['other-map-write'] ?? 0;
    out.hostile_formulas_unparsed += c['formula-unparsed'] ?? 0;
    out.hostile_history_lost += (c['history-lost'] ?? 0) + (c['history-wrong'] ?? 0);
    out.hostile_custom_function_overflows += c['custom-functions'] ?? 0;
    if (kinds)
      for (const [k, n] of Object.entries(c) as [ViolationKind, number][])
        kinds[k] = (kinds[k] ?? 0) + n;
  }
  return out;
}
