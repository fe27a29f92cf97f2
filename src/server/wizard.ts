/**
 * The sidebar wizard's server side: every call reads the map from the sheet (the source of
 * truth), writes only the cells of the step, and returns the new state in one answer.
 */
import type {
  ActionRow,
  CreateMapResult,
  EditStagesResult,
  MindMap,
  PollAnswer,
  ReviewResult,
  SaveResult,
  SaveStepRequest,
  Seen,
  StepPage,
  StepView,
  WizardState,
} from '../contract';
import {
  ACTION_FIELDS,
  actionImpact,
  changeReadable,
  planLever,
  planStatuses,
  rankActions,
  type ActionInput,
} from '../core/wizard/action-plan';
import { changeFormsText, parseChange } from '../core/funnel/change';
import { currencyOf } from '../core/map/formats';
import { mergePlan } from '../core/wizard/plan-merge';
import type { StageEdit } from '../core/map/edits';
import { newStageId, type CellData } from '../core/map/journey';
import { stageHeaders } from '../core/map/layout';
import {
  datedCells,
  fieldCell,
  fieldSheetValue,
  isReviewFieldId,
  stepFields,
  stepValues,
  withFieldValues,
  withReviewValues,
} from '../core/wizard/fields';
import type { ReviewFields } from '../core/review/block';
import { dueLine } from '../core/review/step-view';
import type { Economics } from '../core/funnel/funnel';
import { safeFileName } from '../core/words/file-name';
import { t, type Lang } from '../core/words/i18n';
import type { Journey } from '../core/map/journey';
import { computeMetrics, planFunnel } from '../core/map/metrics';
import { outline, toMarkdown, toOpml } from '../core/wizard/mindmap';
import type { ReviewSummary } from '../core/review/summary';
import { reviewForExport } from './review';
import {
  LAST_MAP_KEY,
  parseProgress,
  progressKey,
  visit,
  withSeen,
  type Progress,
} from '../core/wizard/progress';
import { missingMarkers } from '../core/map/markers';
import { confirmRolesWrites } from '../core/map/template';
import { checkStepValues, renumberStages, stepChanges } from '../core/wizard/step-values';
import { STEP_IDS, type StepId } from '../core/wizard/steps';
import {
  planDamageMessage,
  planSheetName,
  readPlan,
  writePlan,
  type PlanRead,
} from '../sheets/action-plan-sheet';
import { writeCells, type CellWrite } from '../sheets/cells';
import { insertCharts as insertMapCharts } from '../sheets/charts';
import { mapIdOnSheet } from '../sheets/map-lookup';
import { formatCells, headerRow, sheetId, sheetName } from '../sheets/map-sheet';
import { listMaps } from '../sheets/portfolio-sheet';
import { readMap } from '../sheets/read';
import { asText } from '../sheets/values';
import { activeSpreadsheet, ui } from '../sheets/workbook';
import { presetOptionsByLang } from './dialogs';
import { UserError } from './errors';
import { here, openMap, type Here, type OpenedMap } from './open-map';
import { knownDialect, rememberDialect } from './formula-dialect';
import { withDocumentLock } from './lock';
import {
  createMap,
  editOfStage,
  followEditIfShown,
  markerProblem,
  moveProblem,
  outsideProblem,
  performStageEdit,
  removalAsk,
  removalQuestion,
  stageEditError,
} from './maps';
import { parse } from './payload';
import { REQUESTS, type Requests } from '../requests';
import { mapsStamp, newStamp } from './stamp';
import { pageWithBoot } from './sidebar';
import { recordInWizard, reviewPage, writeNewBlock } from './wizard-review';
import { refuseMovedBlock, today } from './review';

/**
 * The map after this call's writes, as the sidebar should see it: no second read (custom functions
 * compute later).
 */
const after = (map: OpenedMap, journey: Journey, fields?: ReviewFields): OpenedMap => ({
  ...map,
  journey,
  review: fields ? { present: true, fields } : map.review,
  // The stages' names now, then whatever the row held right of them (notes typed there).
  headers: stageHeaders([
    ...journey.stages.map((s) => s.name),
    ...map.headers.slice(map.journey.stages.length),
  ]),
});

const props = () => PropertiesService.getDocumentProperties();

/**
 * The map's progress as stored, with what the sidebar saw of it since its last call (steps it moved
 * to from what it held, without a call).
 */
function progressOf(mapId: string, seen?: Seen): { progress: Progress; damaged: boolean } {
  const stored = parseProgress(props().getProperty(progressKey(mapId)));
  return seen?.mapId === mapId ? { ...stored, progress: withSeen(stored.progress, seen) } : stored;
}

/**
 * Stores where the user is on this map (and, after a write, the maps' new change stamp, in the
 * same call); returns the stamp the answer carries.
 */
function remember(mapId: string, progress: Progress, { changed = false } = {}): string {
  const stamp = changed ? newStamp() : null;
  props().setProperties({
    [progressKey(mapId)]: JSON.stringify(progress),
    [LAST_MAP_KEY]: mapId,
    ...(stamp ? { [stamp.key]: stamp.value } : {}),
  });
  return stamp ? stamp.value : mapsStamp();
}

/** What the sidebar saw of a map other than the call's own, recorded before the call's work. */
function rememberSeen(seen: Seen | undefined, mapId?: string): void {
  if (seen && seen.mapId !== mapId) remember(seen.mapId, progressOf(seen.mapId, seen).progress);
}

/** The map's economics as the formulas compute them, or null while an input is missing. */
function economicsOf(j: Journey): Economics | null {
  const m = computeMetrics(j);
  return m.leads !== null && m.conversion !== null && m.avgCheck !== null && m.purchases !== null
    ? { leads: m.leads, conversion: m.conversion, avg_check: m.avgCheck, purchases: m.purchases }
    : null;
}

/**
 * The map's plan sheet, read (by the name it was given, a plan whose header row was deleted is told
 * from none).
 */
function planOf(map: OpenedMap): PlanRead {
  return readPlan(map.ss, map.journey.id, planSheetName(map.journey.lang, sheetName(map.sheet)));
}

/**
 * The plan's actions as its sheet holds them; a sheet whose shape cannot be read shows none, and
 * says why.
 */
function sheetActions(map: OpenedMap): { rows: ActionInput[]; problem: string } {
  const plan = planOf(map);
  if (plan.kind === 'damaged')
    return { rows: [], problem: planDamageMessage(map.journey.lang, plan.damage) };
  return { rows: plan.kind === 'found' ? plan.actions : [], problem: '' };
}

/**
 * The plan for an export: a damaged sheet is refused in words rather than exported without its
 * actions.
 */
function exportActions(map: OpenedMap): ActionRow[] {
  const { rows, problem } = sheetActions(map);
  if (problem) throw new UserError(problem);
  return actionsOf(map, rows);
}

const showsPlan = (step: StepId) => step === 'plan' || step === 'present';

/**
 * The plan as its sheet holds it, each impact computed from the map's inputs (not read from
 * CJM_IMPACT).
 */
function actionsOf(map: OpenedMap, rows: readonly ActionInput[]): ActionRow[] {
  const economics = economicsOf(map.journey);
  const funnel = planFunnel(map.journey);
  return rankActions(
    rows.map((a) => {
      const lever = planLever(a.lever);
      return { ...pick([a])[0]!, lever, impact: actionImpact(economics, { ...a, lever }, funnel) };
    }),
  );
}

/** A step's fields and the values the map holds for them. */
function pageOf(j: Journey, step: StepId, review: ReviewFields): StepPage {
  const fields = stepFields(step, j);
  return {
    sideFields: fields.side,
    stageFields: fields.stage,
    values: stepValues(step, j, review),
    help: t(j.lang, `stepHelp.${step}`),
  };
}

/**
 * The step's view, with every other step's page from the same read: the sidebar moves between
 * steps without a call until the map changes.
 */
function stepView(map: OpenedMap, step: StepId, actions: readonly ActionInput[]): StepView {
  const j = map.journey;
  const funnel = planFunnel(j);
  const fields = map.review.fields;
  const due = dueLine(j, () => today(map.zone));
  return {
    step,
    mapId: j.id,
    sheetName: sheetName(map.sheet),
    lang: j.lang,
    stages: j.stages.map((s, i) => ({
      id: s.id,
      name: s.name,
      role: s.role,
      customers: funnel.counts[i] ?? null,
    })),
    headers: map.headers,
    ...pageOf(j, step, fields),
    pages: Object.fromEntries(STEP_IDS.map((s) => [s, pageOf(j, s, fields)])) as Record<
      StepId,
      StepPage
    >,
    metrics: computeMetrics(j),
    rolesGuessed: j.rolesGuessed === true,
    actions: showsPlan(step) ? actionsOf(map, actions) : [],
    statuses: planStatuses(j.lang),
    ...(step === 'review' ? { review: reviewPage(map) } : {}),
    ...(due ? { due } : {}),
  };
}

interface StateOptions {
  notice?: string;
  /** a refusal to open the map, shown until it is repaired */
  problem?: string;
  /** the plan as just written, so it is not read back */
  actions?: readonly ActionInput[];
  /** a save: the list of maps did not change, and is not listed again */
  saved?: boolean;
  /** the maps' change stamp after this call (read when not given) */
  stamp?: string;
}

function state(
  h: Here,
  map: OpenedMap | null,
  progress: Progress,
  { notice = '', problem = '', actions, saved = false, stamp }: StateOptions = {},
): WizardState {
  const plan = map && !actions && showsPlan(progress.step) ? sheetActions(map) : null;
  return {
    lang: map ? map.journey.lang : h.lang,
    ...(saved
      ? {}
      : {
          maps: listMaps(h.ss, { withRevenue: false }).map((m) => ({
            id: m.id,
            sheetName: m.sheetName,
          })),
        }),
    step: progress.step,
    done: progress.done,
    view: map ? stepView(map, progress.step, actions ?? plan?.rows ?? []) : null,
    notice,
    problem: [problem, plan?.problem ?? ''].filter((n) => n !== '').join(' '),
    stamp: stamp ?? mapsStamp(),
  };
}

/** Menu: opens the wizard where the user left off, on the active map sheet if there is one. */
export function showWizard(): void {
  const h = here();
  const { ss, locale, lang } = h;
  const activeSheet = ss.getActiveSheet();
  const active = readMap(activeSheet, false, h.zone).result;
  const mapId = active.ok ? active.journey.id : props().getProperty(LAST_MAP_KEY);
  let wizard: WizardState;
  try {
    const map = mapId ? openMap(h, { mapId }) : null;
    const { progress, damaged } = mapId ? progressOf(mapId) : parseProgress(null);
    // A duplicated sheet carries the footer of its original but not its named cells: say which map
    // the wizard edits.
    const copy = active.ok && map && sheetId(map.sheet) !== sheetId(activeSheet);
    const notice = copy
      ? t(lang, 'wizard.copiedSheet', { name: sheetName(map.sheet) })
      : damaged
        ? t(lang, 'wizard.stateReset')
        : '';
    wizard = state(h, map, progress, { notice });
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    wizard = state(h, null, parseProgress(null).progress, { problem: e.message });
  }
  ui().showSidebar(
    pageWithBoot({
      view: 'wizard',
      lang,
      locale,
      state: wizard,
      presets: presetOptionsByLang(),
    }).setTitle(t(lang, 'wizard.title')),
  );
}

/**
 * New map, from the wizard's own form: the map made and, in the same call, the wizard on its first
 * step (the dialog's form opens the wizard with showWizard instead).
 */
export function createMapAndOpen(payload: unknown): CreateMapResult {
  const made = createMap(payload);
  const open = (payload as { open?: unknown } | null)?.open === true;
  if (!made.ok || !open) return made;
  const h = here();
  const progress = visit(progressOf(made.mapId).progress, 'goal', false);
  const stamp = remember(made.mapId, progress);
  return { ...made, state: state(h, openMap(h, { mapId: made.mapId }), progress, { stamp }) };
}

export function loadStep(payload: unknown): WizardState {
  const req = parse(REQUESTS.loadStep(), payload);
  rememberSeen(req.seen, req.mapId);
  const h = here();
  const map = openMap(h, { mapId: req.mapId });
  const { progress, damaged } = progressOf(req.mapId, req.seen);
  const next = visit(progress, req.step ?? progress.step, false);
  const stamp = remember(req.mapId, next);
  return state(h, map, next, {
    notice: damaged ? t(map.journey.lang, 'wizard.stateReset') : '',
    stamp,
  });
}

export function saveStep(payload: unknown): SaveResult {
  const req: SaveStepRequest = parse(REQUESTS.saveStep(), payload);
  rememberSeen(req.seen, req.mapId);
  // One read, under the lock: what the sheet holds now is what conflicts are judged against.
  const h = here();
  return withDocumentLock(h.lang, () => {
    const map = openMap(h, { mapId: req.mapId });
    const lang = map.journey.lang;
    // Only what the user changed is checked: a cell they never touched must not block the save.
    const changedShown = Object.fromEntries(
      Object.entries(req.values).filter(([id, v]) => String(v) !== String(req.base[id] ?? '')),
    );
    // Each value goes to its stage, wherever a colleague moved it since the step was loaded.
    const now = map.journey.stages.map((s) => s.id);
    const shown = req.stages.map((s) => s.id);
    const changed = renumberStages(changedShown, shown, now);
    const base = renumberStages(req.base, shown, now).values;
    const checked = checkStepValues(req.step, map.journey, changed.values, lang);
    if (!checked.ok)
      return {
        ok: false,
        fieldErrors: Object.fromEntries(
          Object.entries(checked.fieldErrors).map(([id, m]) => [changed.toShown(id), m]),
        ),
      };
    const current = stepValues(req.step, map.journey, map.review.fields);
    const { writes, conflicts } = stepChanges(checked.values, base, current);
    const fields = stepFields(req.step, map.journey);
    const labels = Object.fromEntries(
      [...fields.side, ...fields.stage].map((f) => [f.id, f.label]),
    );
    if (conflicts.length) {
      return {
        ok: false,
        conflicts: conflicts.map((c) => ({
          ...c,
          id: changed.toShown(c.id),
          label: conflictLabel(map, c.id, labels),
        })),
      };
    }
    // The review block's inputs on a map made before reviews: the first save writes the block.
    const blockWrites = Object.keys(writes).some(isReviewFieldId);
    if (blockWrites) refuseMovedBlock(map.snapshot.values, lang);
    const newBlock = blockWrites && !map.review.present;
    const review = withReviewValues(map.review.fields, writes);
    const cells = Object.entries(writes).flatMap(([id, value]) => {
      if (newBlock && isReviewFieldId(id)) return [];
      const cell = fieldCell(id);
      const v = fieldSheetValue(id, value);
      return cell ? [{ ...cell, value: typeof v === 'string' ? asText(v) : v }] : [];
    });
    // Saving the stages step is seeing the roles: guessed roles are confirmed.
    const confirmed =
      req.step === 'stages' && map.journey.rolesGuessed
        ? confirmRolesWrites(map.journey, (row, col) => map.snapshot.values[row - 1]?.[col - 1])
        : [];
    writeCells(map.sheet, [...cells, ...confirmed, ...markerWrites(map)], lang);
    const moved = newBlock ? writeNewBlock(map, review) : '';
    // A date is written as a real date: its cell shows it in the map's date format.
    const dated = datedCells(writes, lang);
    if (dated) formatCells(map.sheet, dated.a1s, dated.format);
    // Save and continue: the answer shows the next step, recorded as where the user is.
    const saved = visit(progressOf(req.mapId, req.seen).progress, req.step, true);
    const progress = visit(saved, req.next ?? req.step, false);
    const stamp = remember(req.mapId, progress, { changed: true });
    return {
      ok: true,
      state: state(
        h,
        after(map, withFieldValues(rolesSeen(map.journey, confirmed), writes), review),
        progress,
        {
          notice: [goneNotice(lang, changed.gone, req), moved].filter(Boolean).join(' '),
          saved: true,
          stamp,
        },
      ),
    };
  });
}

const rolesSeen = (j: Journey, confirmed: readonly unknown[]): Journey =>
  confirmed.length ? { ...j, rolesGuessed: false } : j;

/**
 * What the user typed for stages a colleague removed meanwhile: said back to them, so nothing they
 * typed is lost unseen.
 */
function goneNotice(
  lang: Lang,
  gone: { stage: number; id: string; value: CellData }[],
  req: SaveStepRequest,
): string {
  const byStage = new Map<number, string[]>();
  for (const g of gone)
    if (String(g.value) !== '')
      byStage.set(g.stage, [...(byStage.get(g.stage) ?? []), String(g.value)]);
  return [...byStage]
    .map(([stage, values]) =>
      t(lang, 'wizard.stageGoneSaved', {
        name: req.stages[stage]?.name ?? '',
        values: values.join('; '),
      }),
    )
    .join(' ');
}

/**
 * A map from before stage markers (or a column a user inserted and named) gets its markers with a
 * save, where that keeps every stage.
 */
function markerWrites(map: OpenedMap): CellWrite[] {
  return missingMarkers(map.journey, map.snapshot.values, () => newStageId()).map((w) => ({
    row: w.row,
    col: w.col,
    value: asText(w.marker),
  }));
}

function conflictLabel(map: OpenedMap, id: string, labels: Record<string, string>): string {
  const m = /^stage\.(\d+)\.(\w+)$/.exec(id);
  if (!m) return labels[id] ?? id;
  return `${map.journey.stages[Number(m[1])]?.name ?? ''}: ${labels[m[2] ?? ''] ?? m[2]}`;
}

export function editStages(payload: unknown): EditStagesResult {
  const req = parse(REQUESTS.editStages(), payload);
  rememberSeen(req.seen, req.mapId);
  const h = here();
  return withDocumentLock(h.lang, () => {
    const map = openMap(h, { mapId: req.mapId }, { formulas: req.edit.kind === 'remove' });
    // The edit names its stage by id: a colleague may have moved columns since the step was shown.
    let edit: StageEdit;
    try {
      edit = editOfStage(map.journey, req.stageId, (i) =>
        req.edit.kind === 'add' ? { ...req.edit, after: i } : { ...req.edit, index: i },
      );
    } catch (e) {
      if (e instanceof UserError) return { ok: false, message: e.message };
      throw e;
    }
    const problem =
      stageEditError(map.journey, edit) ??
      markerProblem(map) ??
      outsideProblem(map, edit) ??
      moveProblem(map, edit);
    if (problem) return { ok: false, message: problem.message };
    if (edit.kind === 'remove') {
      // A confirmation holds for the cells it was asked about: if a colleague typed into the stage
      // since, ask again.
      // As the menu's dialog does, it names the user's formulas elsewhere that would show #REF!.
      const stage = map.journey.stages[edit.index];
      const asked = removalAsk(map, edit.index);
      if (stage && asked.shown.length > 0 && !(req.confirmed && req.token === asked.token)) {
        const { title, body } = removalQuestion(map.journey, edit.index, asked);
        return { ok: false, confirm: `${title} ${body}`, token: asked.token };
      }
    }
    const edited = performStageEdit(map, edit);
    // The menu's Move and Remove act on the selected stage: when the sheet shows this map, the
    // selection follows the stage the sidebar just worked on, as after the menu's own commands.
    followEditIfShown(h.ss, map, edit);
    const progress = visit(progressOf(req.mapId, req.seen).progress, 'stages', true);
    const stamp = remember(req.mapId, progress, { changed: true });
    return { ok: true, state: state(h, after(map, edited), progress, { saved: true, stamp }) };
  });
}

export function savePlan(payload: unknown): SaveResult {
  const req = parse(REQUESTS.savePlan(), payload);
  rememberSeen(req.seen, req.mapId);
  const h = here();
  return withDocumentLock(h.lang, () => savePlanLocked(h, req));
}

const pick = (rows: readonly Partial<ActionInput>[]): ActionInput[] =>
  rows.map((r) => Object.fromEntries(ACTION_FIELDS.map((f) => [f, r[f] ?? ''])) as ActionInput);

function savePlanLocked(h: Here, req: Requests['savePlan']): SaveResult {
  const map = openMap(h, { mapId: req.mapId });
  const lang = map.journey.lang;
  const economics = economicsOf(map.journey);
  const fieldErrors: Record<string, string> = {};
  req.actions.forEach((a, i) => {
    if (changeReadable(a)) return;
    // the message shows the forms the row's lever takes ("+10% or +0.5 purchases"), in the map's
    // language
    const forms = { forms: changeFormsText(lang, a.lever || null, currencyOf(map.locale)?.symbol) };
    fieldErrors[`actions.${i}.change`] = t(
      lang,
      parseChange(a.change) ? 'field.changeLever' : 'field.change',
      forms,
    );
  });
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  // Read where the plan is now (a user may have moved its header); a sheet that no longer shows
  // which cells are actions is not written over.
  const plan = planOf(map);
  if (plan.kind === 'damaged') throw new UserError(planDamageMessage(lang, plan.damage));
  // A colleague may have edited the plan sheet since the step was loaded: their changes are merged
  // in, clashes asked about.
  const current = (plan.kind === 'found' ? plan.actions : []).map(({ impact: _impact, ...a }) => ({
    ...a,
    lever: planLever(a.lever),
  }));
  const merged = mergePlan(pick(req.base), pick(req.actions), current);
  if (merged.conflicts.length) {
    return {
      ok: false,
      conflicts: merged.conflicts.map((c) => ({
        id: `actions.${c.index}.${c.field}`,
        label: `${req.actions[c.index]?.action ?? ''}: ${t(lang, `plan.${c.field}`)}`,
        sheet: c.sheet,
        yours: c.yours,
      })),
    };
  }
  const funnel = planFunnel(map.journey);
  const ranked = pick(
    rankActions(merged.rows.map((a) => ({ ...a, impact: actionImpact(economics, a, funnel) }))),
  );
  const known = knownDialect(map.locale);
  const place = plan.kind === 'found' ? plan.place : null;
  const held = writePlan(
    map.ss,
    lang,
    map.locale,
    {
      id: map.journey.id,
      sheetName: sheetName(map.sheet),
      stages: map.journey.stages.length,
      sheet: map.sheet,
      columnsRead: map.snapshot.values[0]?.length ?? 0,
    },
    ranked,
    known,
    place,
  );
  if (held) rememberDialect(map.locale, held, known);
  const saved = visit(progressOf(req.mapId, req.seen).progress, 'plan', true);
  const progress = visit(saved, req.next ?? 'plan', false);
  const stamp = remember(req.mapId, progress, { changed: true });
  return { ok: true, state: state(h, map, progress, { actions: ranked, saved: true, stamp }) };
}

/**
 * Step "review": Record the review. One execution saves the step's fields, records the review and
 * answers with the next step (the plan), the review summed up in its notice.
 */
export function recordReviewFromWizard(payload: unknown): ReviewResult {
  const req = parse(REQUESTS.recordReviewFromWizard(), payload);
  rememberSeen(req.seen, req.mapId);
  const h = here();
  return withDocumentLock(h.lang, () => {
    const map = openMap(h, { mapId: req.mapId });
    const fields = stepFields('review', map.journey).side;
    const done = recordInWizard(map, req, Object.fromEntries(fields.map((f) => [f.id, f.label])));
    if (!done.ok) return done;
    const saved = visit(progressOf(req.mapId, req.seen).progress, 'review', true);
    const progress = visit(saved, req.next ?? 'review', false);
    const stamp = remember(req.mapId, progress, { changed: true });
    return {
      ok: true,
      state: state(h, after(map, done.journey, done.fields), progress, {
        notice: done.notice,
        saved: true,
        stamp,
      }),
    };
  });
}

export function insertCharts(payload: unknown): WizardState {
  const req = parse(REQUESTS.insertCharts(), payload);
  rememberSeen(req.seen, req.mapId);
  const h = here();
  return withDocumentLock(h.lang, () => {
    const map = openMap(h, { mapId: req.mapId });
    insertMapCharts(
      map.sheet,
      map.journey.lang,
      map.journey.stages.map((s) => s.name),
    );
    const progress = visit(progressOf(req.mapId, req.seen).progress, 'present', false);
    if (req.seen) remember(req.mapId, progress);
    return state(h, map, progress, { saved: true });
  });
}

export function exportMindMap(payload: unknown): MindMap {
  const req = parse(REQUESTS.exportMindMap(), payload);
  const map = openMap(here(), { mapId: req.mapId });
  const tree = outline(
    map.journey,
    computeMetrics(map.journey),
    exportActions(map),
    map.locale,
    reviewForExport(map),
  );
  const fileName = safeFileName(String(map.journey.title.name || sheetName(map.sheet)), 'cjm');
  return { markdown: toMarkdown(tree), opml: toOpml(tree), fileName };
}

/**
 * A map for an export (the poster): the call checked, the map read and its plan ranked, as
 * exportMindMap does.
 */
export function mapForExport(payload: unknown): {
  journey: Journey;
  locale: string;
  sheetName: string;
  actions: ActionRow[];
  review: ReviewSummary | null;
} {
  const req = parse(REQUESTS.exportPoster(), payload);
  const map = openMap(here(), { mapId: req.mapId });
  return {
    journey: map.journey,
    locale: map.locale,
    sheetName: sheetName(map.sheet),
    actions: exportActions(map),
    review: reviewForExport(map),
  };
}

/**
 * The sidebar's poll (while it is in use): the map on the active sheet, so the wizard can follow
 * the user, and the maps' change stamp, so it sees a menu command's change. Metadata and one
 * property, and one row of cells only when the active sheet is the wizard's own map (a stage
 * renamed by hand shows there); no lock: it must stay cheap at any size of map or workbook.
 */
export function activeSheetMap(payload: unknown): PollAnswer {
  const req = parse(REQUESTS.activeSheetMap(), payload);
  rememberSeen(req.seen);
  const sheet = activeSpreadsheet().getActiveSheet();
  const id = mapIdOnSheet(sheet);
  return {
    active: id ? { id, sheetName: sheetName(sheet) } : null,
    stamp: mapsStamp(),
    headers: id !== null && id === req.mapId ? stageHeaders(headerRow(sheet)) : null,
  };
}
