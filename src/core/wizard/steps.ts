/**
 * The wizard's ten steps, from the checklists of the seeds: which cells of the map
 * each step shows and writes. A field id names its cell: "side.<row>" is column B,
 * "stage.<i>.<row>" is stage i's column.
 */
import type { CardKey, TitleKey } from '../map/journey';
import type { RowKey } from '../map/layout';

export const STEP_IDS = [
  'goal',
  'persona',
  'stages',
  'touchpoints',
  'questions',
  'barriers',
  'kpis',
  'evaluate',
  'plan',
  'present',
] as const;
export type StepId = (typeof STEP_IDS)[number];

export type FieldKind =
  | 'text'
  | 'longtext'
  | 'number'
  | 'share'
  | 'money'
  | 'score'
  | 'select'
  | 'date';

export interface StepDef {
  side: readonly RowKey[];
  stage: readonly RowKey[];
}

const PERSONA: readonly CardKey[] = [
  'personaName',
  'personaAge',
  'personaGender',
  'personaEducation',
  'personaProfession',
  'personaIncome',
  'personaInterests',
  'personaTraits',
  'personaGoals',
  'productValue',
  'productAdvantages',
  'productSubstitutes',
  'productSeasonality',
  'productDemand',
  'jobs',
];
// The pair is repeated on the last step: the summary shows it and a review may sharpen it.
const PRESENT: readonly TitleKey[] = ['segment', 'product', 'owner', 'reviewed', 'nextReview'];

export const STEPS: Record<StepId, StepDef> = {
  goal: { side: ['goal', 'name', 'segment', 'product'], stage: [] },
  persona: { side: ['persona', ...PERSONA], stage: [] },
  stages: { side: [], stage: ['header', 'role', 'job', 'actions'] },
  touchpoints: { side: [], stage: ['touchpoints', 'channels'] },
  questions: { side: [], stage: ['questions', 'content'] },
  barriers: { side: [], stage: ['barriers', 'barrierType', 'drivers', 'driverType'] },
  kpis: { side: ['avgCheck', 'purchases'], stage: ['customers', 'target'] },
  evaluate: { side: [], stage: ['score', 'evidence', 'weakSpots'] },
  plan: { side: [], stage: [] },
  present: { side: PRESENT, stage: [] },
};

export const FIELD_KIND: Partial<Record<RowKey, FieldKind>> = {
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
};

export function fieldKind(row: RowKey): FieldKind {
  return FIELD_KIND[row] ?? 'text';
}

export function sideId(row: RowKey): string {
  return `side.${row}`;
}

export function stageId(index: number, row: RowKey): string {
  return `stage.${index}.${row}`;
}

/** The cell a field id names, or null for an id no step has. */
export function parseFieldId(id: string): { row: RowKey; stage: number | null } | null {
  const m = /^(?:side|stage\.(\d{1,3}))\.([A-Za-z]+)$/.exec(id);
  if (!m) return null;
  return { row: m[2] as RowKey, stage: m[1] === undefined ? null : Number(m[1]) };
}

/** Ids of every field of a step for a map with `stages` stages. */
export function stepFieldIds(step: StepId, stages: number): string[] {
  const def = STEPS[step];
  return [
    ...def.side.map(sideId),
    ...Array.from({ length: stages }, (_, i) => def.stage.map((r) => stageId(i, r))).flat(),
  ];
}
