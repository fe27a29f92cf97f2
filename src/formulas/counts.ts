import type { Count } from '../core/funnel/funnel';
import {
  describePosition,
  FormulaError,
  callProblem,
  problem,
  type Call,
  type Position,
} from './errors';
import {
  describeShape,
  isBlank,
  toGrid,
  toVector,
  type Argument,
  type CellValue,
  type Grid,
} from './grid';
import { readArg } from './kinds';
import { describeNumber, messages } from './messages';
import type { ParamOf } from './spec';

/** Why one stage's count is not used: a bad value, or more customers than an earlier stage. */
export interface StageIssue {
  kind: 'value' | 'order';
  error: FormulaError;
  /** the count itself, for an 'order' issue */
  count?: number;
}

export interface Counts {
  /** per stage: its customers, or null when blank or not valid (see issues) */
  counts: Count[];
  /** per stage: why its count is not used, or null */
  issues: (StageIssue | null)[];
  /** per stage: the cell as given, for callers that say what is wrong with it */
  values: CellValue[];
  /** the shape of the counts argument, which labels and targets must share */
  grid: Grid;
  positions: Position[];
}

/**
 * Stage counts of a funnel, in order. Blanks are null (a stage not measured yet), and so is
 * a count that is not valid: not a number, below 0, or more than the last valid stage before
 * it (a funnel does not grow); its issue says why. A caller decides whether an issue throws
 * (one stage: the full message) or shows in its place (the brief one).
 */
export function readCounts(call: Call, param: ParamOf<'count'>, arg: Argument): Counts {
  const t = messages(call.lang);
  const { values, positions, grid } = toVector(call, param.name, arg);
  const counts: Count[] = [];
  const issues: (StageIssue | null)[] = [];
  let last: { index: number; count: number } | null = null;
  values.forEach((v, i) => {
    let issue: StageIssue | null = null;
    let count: Count = null;
    try {
      count = isBlank(v) ? null : readArg(call, param, v, positions[i]);
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e;
      issue = { kind: 'value', error: e };
    }
    if (count !== null && last && count > last.count) {
      const full = t.countsIncrease(
        i + 1,
        describeNumber(count, call.lang),
        last.index + 1,
        describeNumber(last.count, call.lang),
        describePosition(positions[i], call.lang),
      );
      const brief = last.index === i - 1 ? t.brief.morePrevious : t.brief.moreStage(last.index + 1);
      issue = { kind: 'order', error: problem(call, full, brief), count };
      count = null;
    }
    if (count !== null) last = { index: i, count };
    counts.push(count);
    issues.push(issue);
  });
  return { counts, issues, values, grid, positions };
}

/**
 * A range aligned with the counts (labels, targets): the same shape, or an error naming both
 * shapes. Omitted (or one blank cell) gives null: the caller's default.
 */
export function readAligned(
  call: Call,
  param: ParamOf<'text' | 'share'>,
  arg: Argument | undefined,
  counts: Counts,
): ReturnType<typeof toVector> | null {
  if (arg === undefined || (!Array.isArray(arg) && isBlank(arg))) return null;
  const g = toGrid(arg);
  const t = messages(call.lang);
  const name = param.name;
  if (g.rows !== counts.grid.rows || g.cols !== counts.grid.cols) {
    if (g.rows > 1 && g.cols > 1) return toVector(call, name, arg); // throws: not one row or column
    throw callProblem(
      call,
      t.notAligned(
        name,
        describeShape(g, call.lang),
        describeShape(counts.grid, call.lang),
        param.kind === 'text' ? t.oneLabel : t.oneTarget,
      ),
    );
  }
  return toVector(call, name, arg);
}

/** Stage labels aligned with the counts; a blank label becomes "Stage N" in the call's language. */
export function readLabels(
  call: Call,
  param: ParamOf<'text'>,
  arg: Argument | undefined,
  counts: Counts,
): string[] {
  const labels = readAligned(call, param, arg, counts);
  return counts.counts.map(
    (_, i) =>
      readArg(call, param, labels?.values[i]) || `${messages(call.lang).stageWord} ${i + 1}`,
  );
}
