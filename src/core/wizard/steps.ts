/**
 * The wizard's eleven steps, from the checklists of the seeds: which cells of the map
 * each step shows and writes. A field id names its cell: "side.<row>" is column B (a row of the
 * map, or of its review block under the footer), "stage.<i>.<row>" is stage i's column.
 */
import { CARD_KEYS, type TitleKey } from '../map/journey';
import type { RowKey } from '../map/layout';
import { REVIEW_FIELDS, type ReviewField } from '../review/block';
import type { StepId } from './step-ids';

export { STEP_IDS, type StepId } from './step-ids';

export type FieldKind =
  | 'text'
  | 'longtext'
  | 'number'
  | 'share'
  | 'money'
  | 'score'
  | 'select'
  | 'date';

/** What a field's row names: a row of the map, or an input of its review block. */
export type FieldRow = RowKey | ReviewField;

export const isReviewField = (row: string): row is ReviewField =>
  (REVIEW_FIELDS as readonly string[]).includes(row);

export interface StepDef {
  side: readonly FieldRow[];
  stage: readonly RowKey[];
}

// The pair is repeated on the last step: the summary shows it and a review may sharpen it.
const PRESENT: readonly TitleKey[] = ['segment', 'product', 'owner', 'reviewed', 'nextReview'];

export const STEPS: Record<StepId, StepDef> = {
  // The numeric goal and its date beside the text goal: the review block's cells.
  goal: { side: ['goal', 'name', 'segment', 'product', 'revenueGoal', 'goalDate'], stage: [] },
  persona: { side: ['persona', ...CARD_KEYS], stage: [] },
  stages: { side: [], stage: ['header', 'role', 'job', 'actions'] },
  touchpoints: { side: [], stage: ['touchpoints', 'channels'] },
  questions: { side: [], stage: ['questions', 'content'] },
  barriers: { side: [], stage: ['barriers', 'barrierType', 'drivers', 'driverType'] },
  kpis: { side: ['avgCheck', 'purchases'], stage: ['customers', 'target'] },
  evaluate: { side: [], stage: ['score', 'evidence', 'weakSpots'] },
  review: { side: REVIEW_FIELDS, stage: [] },
  plan: { side: [], stage: [] },
  present: { side: PRESENT, stage: [] },
};

export const FIELD_KIND: Partial<Record<FieldRow, FieldKind>> = {
  goal: 'longtext',
  persona: 'longtext',
  jobs: 'longtext',
  personaGoals: 'longtext',
  productValue: 'longtext',
  productAdvantages: 'longtext',
  job: 'longtext',
  actions: 'longtext',
  touchpoints: 'longtext',
  channels: 'longtext',
  questions: 'longtext',
  content: 'longtext',
  barriers: 'longtext',
  drivers: 'longtext',
  weakSpots: 'longtext',
  role: 'select',
  barrierType: 'select',
  driverType: 'select',
  evidence: 'select',
  customers: 'number',
  target: 'share',
  avgCheck: 'money',
  purchases: 'number',
  score: 'score',
  reviewed: 'date',
  nextReview: 'date',
  revenueGoal: 'money',
  goalDate: 'date',
  cadence: 'select',
};

export function fieldKind(row: FieldRow): FieldKind {
  return FIELD_KIND[row] ?? 'text';
}

export function sideId(row: FieldRow): string {
  return `side.${row}`;
}

export function stageId(index: number, row: FieldRow): string {
  return `stage.${index}.${row}`;
}

/** The cell a field id names, or null for an id no step has. */
export function parseFieldId(id: string): { row: FieldRow; stage: number | null } | null {
  const m = /^(?:side|stage\.(\d{1,3}))\.([A-Za-z]+)$/.exec(id);
  if (!m) return null;
  return { row: m[2] as FieldRow, stage: m[1] === undefined ? null : Number(m[1]) };
}

/** Ids of every field of a step for a map with `stages` stages. */
export function stepFieldIds(step: StepId, stages: number): string[] {
  const def = STEPS[step];
  return [
    ...def.side.map(sideId),
    ...Array.from({ length: stages }, (_, i) => def.stage.map((r) => stageId(i, r))).flat(),
  ];
}
