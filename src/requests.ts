/**
 * Every request the add-on's pages send through google.script.run, declared once as a zod/mini
 * schema. The request types of the contract are inferred from here, the server checks each payload
 * against its schema before anything is read or written, and the workbench refuses at its door
 * what the schema would refuse. The sidebar imports these types only: zod stays out of its bundle.
 */
import * as z from 'zod/mini';
import { PAIR_TARGETS, ROW_TARGETS } from './core/import/labels';
import {
  CHAR_LIMIT,
  characters,
  type ImportRequest,
  PAIR_LIMIT,
  ROW_LIMIT,
} from './core/import/to-journey';
import { MAX_STAGES, MIN_STAGES } from './core/map/layout';
import { CELL_LIMIT } from './core/map/names';
import { PRESET_IDS } from './core/map/stages';
import { once } from './core/once';
import { STEP_IDS } from './core/wizard/steps';
import { LANGS } from './core/words/i18n';

const mapId = () => z.string().check(z.regex(/^[A-Z0-9]{4,12}$/));
const stageId = () => z.string().check(z.minLength(1), z.maxLength(40));
const text = (max: number) => z.string().check(z.maxLength(max));
const cell = () => z.union([z.string(), z.number()]);
const step = () => z.enum(STEP_IDS);

/**
 * Where the user was in the wizard while no call ran (a step moved to from what the sidebar
 * held): recorded by the next call, so a reopened wizard opens there.
 */
const seen = () => z.optional(z.object({ mapId: mapId(), step: step(), done: z.array(step()) }));

/**
 * An action as the plan's form sends it back: each text is what its cell of the plan sheet holds
 * (typed there by hand, too), so it may be as long as a cell; a shorter limit would refuse every
 * later save of the plan, however often the user retried.
 */
const action = () =>
  z.object({
    action: text(CELL_LIMIT),
    stage: text(CELL_LIMIT),
    lever: z.enum(['L', 'C', 'P', 'Q', 'step', '']),
    change: text(CELL_LIMIT),
    owner: text(CELL_LIMIT),
    deadline: text(CELL_LIMIT),
    status: text(CELL_LIMIT),
    // (a sidebar opened before actions had a start date sends none)
    start: z.optional(text(CELL_LIMIT)),
  });
const actions = () => z.array(action()).check(z.maxLength(200));

/** What every menu dialog sends: its map, the sheet it was shown for, and its language. */
const dialog = () => ({
  mapId: mapId(),
  sheetId: z.number().check(z.int()),
  lang: z.optional(z.enum(LANGS)),
});

export const REQUESTS = {
  /**
   * The New map form. Its fields' contents (lengths, a name or a segment) are checked by the
   * server in the user's language, field by field: here only its shape.
   */
  createMap: once(() =>
    z.object({
      name: z.string(),
      segment: z.string(),
      product: z.string(),
      preset: z.enum(PRESET_IDS),
      stages: z.array(z.string()),
      lang: z.enum(LANGS),
      locale: z.string(),
      example: z.boolean(),
      deal: z.optional(z.nullable(z.number())),
      /** made in the wizard: answer with the wizard's state on the new map */
      open: z.optional(z.boolean()),
    }),
  ),
  showWizard: once(() => z.optional(z.object({}))),
  loadStep: once(() => z.object({ mapId: mapId(), step: z.optional(step()), seen: seen() })),
  saveStep: once(() =>
    z.object({
      mapId: mapId(),
      step: step(),
      values: z.record(z.string(), cell()),
      base: z.record(z.string(), cell()),
      stages: z
        .array(z.object({ id: stageId(), name: text(CELL_LIMIT) }))
        .check(z.maxLength(MAX_STAGES)),
      next: z.optional(step()),
      seen: seen(),
    }),
  ),
  editStages: once(() =>
    z.object({
      mapId: mapId(),
      edit: z.union([
        z.object({
          kind: z.literal('add'),
          after: z.number().check(z.int()),
          // the name's own limit is said in words by the server
          name: text(CELL_LIMIT),
        }),
        z.object({ kind: z.literal('remove'), index: z.number().check(z.int()) }),
        z.object({
          kind: z.literal('move'),
          index: z.number().check(z.int()),
          by: z.union([z.literal(-1), z.literal(1)]),
        }),
      ]),
      stageId: stageId(),
      confirmed: z.boolean(),
      token: z.optional(text(40)),
      seen: seen(),
    }),
  ),
  savePlan: once(() =>
    z.object({
      mapId: mapId(),
      actions: actions(),
      base: actions(),
      next: z.optional(step()),
      seen: seen(),
    }),
  ),
  /**
   * The review step's Record the review: its fields as typed and as loaded (as a save sends
   * them), the period (ISO days) and the note; `sameSpan`, the user's answer when the period
   * already has a review; `next`, the step to answer with.
   */
  recordReviewFromWizard: once(() =>
    z.object({
      mapId: mapId(),
      values: z.record(z.string(), cell()),
      base: z.record(z.string(), cell()),
      from: text(10),
      to: text(10),
      // the note's own limit is said in words by the server
      note: text(CELL_LIMIT + 1),
      sameSpan: z.optional(z.enum(['replace', 'keep'])),
      next: z.optional(step()),
      seen: seen(),
    }),
  ),
  insertCharts: once(() => z.object({ mapId: mapId(), seen: seen() })),
  exportMindMap: once(() => z.object({ mapId: mapId() })),
  exportPoster: once(() => z.object({ mapId: mapId() })),
  activeSheetMap: once(() => z.object({ mapId: z.optional(mapId()), seen: seen() })),
  removeStageConfirmed: once(() => z.object({ ...dialog(), stageId: stageId(), token: text(60) })),
  // the name's own limit is said in words by the server
  renameMapTo: once(() => z.object({ ...dialog(), name: text(CELL_LIMIT) })),
  /** the Make a map from this table dialog's Create: the table it previewed, and the choices */
  createMapFromTable: once((): z.ZodMiniType<ImportRequest> => {
    const cellText = text(CELL_LIMIT);
    const value = z.union([cellText, z.number()]);
    return z
      .object({
        lang: z.enum(LANGS),
        name: text(1000),
        source: z.object({ sheet: text(200), range: text(40) }),
        stages: z
          .array(z.object({ name: cellText, phase: cellText }))
          .check(z.minLength(MIN_STAGES), z.maxLength(MAX_STAGES)),
        rows: z
          .array(
            z.object({
              label: cellText,
              values: z.array(value).check(z.maxLength(MAX_STAGES)),
              target: z.enum(ROW_TARGETS),
            }),
          )
          .check(z.maxLength(ROW_LIMIT)),
        pairs: z
          .array(z.object({ label: cellText, value, target: z.enum(PAIR_TARGETS) }))
          .check(z.maxLength(PAIR_LIMIT)),
        unmatched: z.enum(['rows', 'notes']),
        deal: z.nullable(z.number().check(z.int(), z.minimum(0), z.maximum(MAX_STAGES - 1))),
      })
      .check(
        z.refine((r) => r.rows.every((row) => row.values.length === r.stages.length), {
          path: ['rows'],
        }),
        z.refine((r) => r.deal === null || r.deal < r.stages.length, { path: ['deal'] }),
        z.refine((r) => characters(r) <= CHAR_LIMIT, { path: ['rows'] }),
      );
  }),
} as const;

export type RpcName = keyof typeof REQUESTS;
export type Requests = { [K in RpcName]: z.infer<ReturnType<(typeof REQUESTS)[K]>> };

/** A map id as the add-on makes them: a call naming anything else names no map. */
export const mapIdSchema = mapId;
