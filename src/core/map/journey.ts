/**
 * The journey map as data: one segment + product pair, its stages and what is recorded
 * for each. The sheet is the source of truth; this is what `sheets` reads out of it and
 * what `template` plans back into it.
 */
import type { Lang } from '../words/i18n';
import type { Role } from './stages';

/** Text rows of a stage (customer goal, actions, questions, …) in map order. */
export const CONTENT_KEYS = [
  'job',
  'actions',
  'questions',
  'touchpoints',
  'channels',
  'content',
  'barriers',
  'barrierType',
  'drivers',
  'driverType',
  'score',
  'evidence',
  'weakSpots',
] as const;
export type ContentKey = (typeof CONTENT_KEYS)[number];

/**
 * Two key lists as one, in order. A call marked pure: a bundle that uses neither list (the
 * sidebar) leaves it out, which an array spread would not let it do.
 */
function joined<A extends readonly string[], B extends readonly string[]>(
  a: A,
  b: B,
): readonly [...A, ...B] {
  return [...a, ...b];
}

/** Title block fields a user writes as text, top to bottom; the review dates follow them. */
export const TITLE_TEXT_KEYS = ['name', 'segment', 'product', 'persona', 'goal', 'owner'] as const;
/** Title block fields, top to bottom. */
export const TITLE_KEYS = /* @__PURE__ */ joined(TITLE_TEXT_KEYS, [
  'reviewed',
  'nextReview',
] as const);
export type TitleKey = (typeof TITLE_KEYS)[number];

/**
 * The persona card, the product card and the jobs to be done: who the customer is, what is sold to
 * them, and what they hire it to do, the three things a journey map is drawn for.
 */
export const PERSONA_KEYS = [
  'personaName',
  'personaAge',
  'personaGender',
  'personaEducation',
  'personaProfession',
  'personaIncome',
  'personaInterests',
  'personaTraits',
  'personaGoals',
] as const;
export const PRODUCT_KEYS = [
  'productValue',
  'productAdvantages',
  'productSubstitutes',
  'productSeasonality',
  'productDemand',
] as const;
export const CARD_KEYS = /* @__PURE__ */ joined(
  /* @__PURE__ */ joined(PERSONA_KEYS, PRODUCT_KEYS),
  ['jobs'] as const,
);
export type CardKey = (typeof CARD_KEYS)[number];

/** A cell as the map holds it: text, a number, or blank (""). */
export type CellData = string | number;

export interface Stage {
  /**
   * Who the stage is, whoever moves its column: the stage marker in the footer row. A column
   * without a marker (a v1 map, or one a user inserted and named) gets an id made from its
   * name, starting with "~", until the add-on writes it a real marker.
   */
  id: string;
  name: string;
  /** funnel role; "" when the user cleared the dropdown */
  role: Role | '';
  /**
   * what the role cell holds when it is not a role (someone typed over the dropdown): shown, never
   * silently replaced
   */
  roleText?: string;
  content: Record<ContentKey, CellData>;
  /** customers who reached the stage */
  customers: CellData;
  /** target step conversion into this stage, a share */
  target: CellData;
}

export interface Journey {
  /** workbook-unique id, part of the map's named ranges (CJM_<id>_REVENUE) */
  id: string;
  lang: Lang;
  title: Record<TitleKey, CellData>;
  /** persona and product cards; `jobs` holds one job to be done per line */
  card: Record<CardKey, CellData>;
  stages: Stage[];
  /** P: average check */
  avgCheck: CellData;
  /** Q: purchases per customer in the period */
  purchases: CellData;
  /**
   * The funnel roles were guessed from the stages' order (custom stages with no deal stage
   * chosen), and no one has confirmed them yet: the map says so next to its revenue.
   */
  rolesGuessed?: boolean;
}

export function emptyContent(): Record<ContentKey, CellData> {
  return blankRecord(CONTENT_KEYS);
}

export function blankRecord<K extends string>(keys: readonly K[]): Record<K, CellData> {
  return Object.fromEntries(keys.map((k) => [k, ''])) as Record<K, CellData>;
}

/** `length` characters drawn at random from `alphabet`. */
export function randomId(alphabet: string, length: number, random: () => number): string {
  return Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
}

/** 8 characters: stage ids only need to be unique within one map. */
export function newStageId(random: () => number = Math.random): string {
  return randomId('abcdefghjkmnpqrstuvwxyz23456789', 8, random);
}

export function newStage(name: string, role: Role | '', id: string = newStageId()): Stage {
  return { id, name, role, content: emptyContent(), customers: '', target: '' };
}

/** Whether the sheet carries the stage's marker (else the add-on writes one on its next write). */
export const isMarked = (stage: Pick<Stage, 'id'>): boolean => !stage.id.startsWith('~');
