/**
 * The columns of a map's action plan sheet (core/wizard/action-plan.ts writes and reads it), here so
 * that what reads a plan from outside it (the portfolio's sum of a plan's impacts) finds them too.
 */

/** Column order of an action row after the rank column; the impact column is computed. */
export const ACTION_FIELDS = [
  'action',
  'stage',
  'lever',
  'change',
  'owner',
  'deadline',
  'status',
  'start',
] as const;
export type ActionField = (typeof ACTION_FIELDS)[number];

/**
 * The plan's columns from A: the rank, the action's fields, then what CJM_IMPACT computes. The
 * impact column is last, the anchor of the plan's one custom-function cell: columns computed from
 * the same call later (what an action predicted and what was observed, from the review history) go
 * after it, the call's result growing to the right over them, so the sheet keeps one
 * custom-function cell. A plan of a former layout (PLAN_LAYOUTS) is still read, and its next write
 * lays it out anew, growing to the right (sheets/action-plan-sheet.ts): what a user typed in a
 * former layout's columns stays where it is, so a new column takes the place of a computed one or
 * comes after the last (the start took the former impact column, I; the impact moved to J).
 */
export const PLAN_COLUMNS = ['rank', ...ACTION_FIELDS, 'impact'] as const;
export type PlanColumn = (typeof PLAN_COLUMNS)[number];
export type PlanLayout = readonly PlanColumn[];

/**
 * Every layout a plan sheet may have, the current one first: plans saved before actions had a
 * start date have no start column and their impact in I.
 */
export const PLAN_LAYOUTS: readonly PlanLayout[] = [
  PLAN_COLUMNS,
  PLAN_COLUMNS.filter((c) => c !== 'start'),
];

/** A column of the layout, 1-based; 0 when the layout has none. */
export const columnOf = (key: PlanColumn, layout: PlanLayout = PLAN_COLUMNS): number =>
  layout.indexOf(key) + 1;

export const PLAN_COLS = PLAN_COLUMNS.length;
export const IMPACT_COL = columnOf('impact');
/** The deadline's and the start's columns: real dates, shown in the map's date format. */
export const DEADLINE_COL = columnOf('deadline');
export const START_COL = columnOf('start');
