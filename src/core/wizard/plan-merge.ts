/**
 * Saving the action plan when someone else edited the plan sheet since the step was loaded:
 * a three-way merge of the list as loaded (base), as the user sends it (mine) and as the
 * sheet holds it now (current). Rows are matched by their action text. What only one side
 * changed is taken from that side, a row only a colleague added is kept, and a cell both
 * changed differently is a conflict for the user to decide, as in the other steps.
 */
import { ACTION_FIELDS, type ActionInput } from './action-plan';

export type ActionField = (typeof ACTION_FIELDS)[number];

export interface PlanConflict {
  /** position of the row in `mine` */
  index: number;
  field: ActionField;
  sheet: string;
  yours: string;
}

const key = (row: ActionInput) => row.action.trim();
const same = (a: ActionInput, b: ActionInput) => ACTION_FIELDS.every((f) => a[f] === b[f]);

/** Index of the first row with this action not taken yet, or -1. */
function take(rows: readonly ActionInput[], k: string, taken: Set<number>): number {
  const i = rows.findIndex((r, j) => !taken.has(j) && key(r) === k);
  if (i >= 0) taken.add(i);
  return i;
}

export function mergePlan(
  base: readonly ActionInput[],
  mine: readonly ActionInput[],
  current: readonly ActionInput[],
): { rows: ActionInput[]; conflicts: PlanConflict[] } {
  const fromBase = new Set<number>();
  const fromCurrent = new Set<number>();
  const rows: ActionInput[] = [];
  const conflicts: PlanConflict[] = [];
  mine.forEach((yours, index) => {
    const b = base[take(base, key(yours), fromBase)];
    const c = current[take(current, key(yours), fromCurrent)];
    if (!c) {
      // Removed by a colleague: gone unless the user changed it meanwhile (then theirs is kept).
      if (!b || !same(b, yours)) rows.push(yours);
      return;
    }
    const merged = { ...yours };
    for (const field of ACTION_FIELDS) {
      const was = b?.[field];
      if (yours[field] === c[field] || c[field] === was) continue;
      if (yours[field] === was) merged[field] = c[field];
      else conflicts.push({ index, field, sheet: c[field], yours: yours[field] });
    }
    rows.push(merged);
  });
  current.forEach((c, i) => {
    if (fromCurrent.has(i)) return;
    // A row the user removed is gone if nobody changed it since; a colleague's new or edited row
    // stays.
    const b = base.findIndex((r, j) => !fromBase.has(j) && same(r, c));
    if (b >= 0) fromBase.add(b);
    else rows.push(c);
  });
  return { rows, conflicts };
}
