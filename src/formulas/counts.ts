import type { Count } from '../core/funnel/funnel';
import { describePosition, FormulaError } from './errors';
import { isBlank, toVector, type Argument, type CellValue } from './grid';
import { toNumber, toText } from './kinds';

/** Stage counts of a funnel, in order; blanks stay null (a stage not measured yet). */
export function readCounts(fn: string, arg: Argument): Count[] {
  const { values, positions } = toVector(fn, 'counts', arg);
  const counts = values.map((v, i) => (isBlank(v) ? null : toNumber(fn, 'counts', 'count', v, positions[i])));
  let last: { index: number; count: number } | null = null;
  counts.forEach((count, i) => {
    if (count === null) return;
    if (last && count > last.count) {
      throw new FormulaError(
        fn,
        `counts must not increase along the funnel: stage ${i + 1} has ${count}, more than stage ${last.index + 1} (${last.count})` +
          `${describePosition(positions[i])}; list the customers who reached each stage, first stage first`,
      );
    }
    last = { index: i, count };
  });
  return counts;
}

/** Stage labels aligned with `count` stages; a missing or blank label becomes "Stage N". */
export function readLabels(fn: string, arg: Argument | undefined, count: number, stageWord: string): string[] {
  const values: CellValue[] = arg === undefined ? [] : toVector(fn, 'labels', arg).values;
  if (values.length > count && values.slice(count).some((v) => !isBlank(v))) {
    throw new FormulaError(fn, `labels has ${values.length} entries but counts has ${count}; give one label per stage`);
  }
  return Array.from({ length: count }, (_, i) => toText(values[i]) || `${stageWord} ${i + 1}`);
}
