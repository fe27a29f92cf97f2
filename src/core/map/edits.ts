/** Structural edits of a journey, mirrored by the column operations `sheets` runs on the map. */
import { isMarked, newStage, newStageId, type Journey, type Stage } from './journey';
import { MAX_STAGES, MIN_STAGES, ROW, stageCol } from './layout';
import type { Role } from './stages';

export type StageEdit =
  | { kind: 'add'; after: number; name: string }
  | { kind: 'remove'; index: number }
  | { kind: 'move'; index: number; by: -1 | 1 };

export type EditProblem = 'maxStages' | 'minStages' | 'edge' | 'noStage';

/** Why an edit cannot be done on this journey, or null when it can. */
export function editProblem(j: Journey, e: StageEdit): EditProblem | null {
  const n = j.stages.length;
  const index = e.kind === 'add' ? e.after : e.index;
  if (index < 0 || index >= n) return 'noStage';
  if (e.kind === 'add') return n >= MAX_STAGES ? 'maxStages' : null;
  if (e.kind === 'remove') return n <= MIN_STAGES ? 'minStages' : null;
  return index + e.by < 0 || index + e.by >= n ? 'edge' : null;
}

export function applyEdit(j: Journey, e: StageEdit): Journey {
  const stages = [...j.stages];
  if (e.kind === 'add') {
    // A new stage takes the role of the one it follows unless that was the deal: then it is a
    // repeat stage.
    const prevRole = stages[e.after]?.role ?? '';
    const role: Role | '' = prevRole === 'C' ? 'Q' : prevRole;
    stages.splice(e.after + 1, 0, newStage(e.name, role));
  } else if (e.kind === 'remove') {
    stages.splice(e.index, 1);
  } else {
    const [moved] = stages.splice(e.index, 1) as [Stage];
    stages.splice(e.index + e.by, 0, moved);
  }
  return { ...j, stages };
}

/**
 * The journey with a real id for every stage still without a marker, for a write to give them one.
 */
export function withMarkers(j: Journey, random: () => number = Math.random): Journey {
  return j.stages.every(isMarked)
    ? j
    : { ...j, stages: j.stages.map((s) => (isMarked(s) ? s : { ...s, id: newStageId(random) })) };
}

/**
 * A copy of a map made a map of its own: the same content under a new id and new stage ids, so
 * nothing of it is ever taken for the original's (its plan, its progress, its named cells).
 */
export function asOwnMap(j: Journey, id: string, random: () => number = Math.random): Journey {
  return { ...j, id, stages: j.stages.map((s) => ({ ...s, id: newStageId(random) })) };
}

/** Where the stage with this id is now, or null when it is gone (someone removed it). */
export function stageIndex(j: Journey, id: string): number | null {
  const i = j.stages.findIndex((s) => s.id === id);
  return i < 0 ? null : i;
}

/**
 * The sheet column a stage edit inserts, deletes or moves, as Sheets' own column operation sees it.
 */
export function editColumn(e: StageEdit): number {
  return stageCol(e.kind === 'add' ? e.after + 1 : e.index);
}

/**
 * Where the selection goes after `e` on a map of `count` stages (before the edit): onto the stage
 * the user was working on. After Add, the new stage's name cell, ready to type; after Move, the
 * moved stage in its new column; after Remove, the stage that took its place, or the previous one
 * when the last was removed — in the row the user was on (`row`, asked only then). Sheets does not
 * say where a selection goes when a script inserts, deletes or moves its column, and it may well
 * stay at the same column index: a second Move would then move whichever stage slid under it.
 */
export function selectionAfterEdit(
  e: StageEdit,
  count: number,
  row: () => number,
): { row: number; col: number } {
  if (e.kind === 'add') return { row: ROW.header, col: stageCol(e.after + 1) };
  const index = e.kind === 'move' ? e.index + e.by : Math.min(e.index, count - 2);
  return { row: row(), col: stageCol(Math.max(0, index)) };
}

/**
 * The sheet's values after the column operation of `e`, worked out instead of read again:
 * values move with their columns untouched (only formulas are rewritten by Sheets).
 */
export function shiftValues(values: readonly (readonly unknown[])[], e: StageEdit): unknown[][] {
  const col = editColumn(e) - 1;
  return values.map((line) => {
    const row = [...line];
    while (row.length < col + 2) row.push('');
    if (e.kind === 'add') row.splice(col, 0, '');
    else if (e.kind === 'remove') row.splice(col, 1);
    else row.splice(col + e.by, 0, ...row.splice(col, 1));
    return row;
  });
}
