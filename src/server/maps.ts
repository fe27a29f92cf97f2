/** Menu commands and sidebar calls that create and reshape map sheets. */
import type * as z from 'zod/mini';
import {
  applyEdit,
  asOwnMap,
  editProblem,
  selectionAfterEdit,
  shiftValues,
  stageIndex,
  withMarkers,
  type StageEdit,
} from '../core/map/edits';
import { LANGS, quoted, t, type Lang } from '../core/words/i18n';
import type { Journey } from '../core/map/journey';
import { a1, colName, MAX_STAGES, MIN_STAGES, ROW, stageCol } from '../core/map/layout';
import { isMarked } from '../core/map/journey';
import { toCellData } from '../core/map/read-map';
import { journeyFromRequest, newMapId } from '../core/map/new-map';
import { hash } from '../core/map/hash';
import { nameProblem } from '../core/map/names';
import { userCells, withoutSpilled } from '../core/map/refresh';
import { brokenByRemoval } from '../core/map/outside-formulas';
import { newMapSchema, validate } from '../core/map/requests';
import { planMap } from '../core/map/template';
import type { SheetPlan } from '../core/map/plan';
import { dialectOf } from '../core/map/formula-syntax';
import { englishFormulas } from '../sheets/read';
import { knownDialect, rememberDialect } from './formula-dialect';
import type { CreateMapResult, DialogResult } from '../contract';
import { applyPlan, probeDialect, refreshPlan, writeIdentity } from '../sheets/apply';
import { insertUniqueSheet, renameUnique } from '../sheets/sheet-names';
import {
  formulasNarrowedByMove,
  formulasOnColumn,
  type OwnBelow,
  type RemovalFormulas,
} from '../sheets/removal-formulas';
import { retitleChanges, retitlePlan } from '../sheets/action-plan-sheet';
import { refuseProtected } from '../sheets/protections';
import {
  cellsBelowMap,
  columnChange,
  formulasOf,
  hiddenStagesAround,
  nameCell,
  reshapeColumns,
  selectCell,
  selectedRowOn,
  selectedStage,
  sheetId,
  sheetName,
  writeMapName,
} from '../sheets/map-sheet';
import { activeSpreadsheet, spreadsheetLang, ui } from '../sheets/workbook';
import { here, openMap, type OpenedMap } from './open-map';
import { UserError } from './errors';
import { pageWithBoot } from './sidebar';
import { withDocumentLock } from './lock';
import { markMapsChanged } from './stamp';
import { historyRenameChanges, renameHistory } from '../sheets/history-sheet';
import { blockChanges } from '../sheets/review-block';
import { BLOCK_LAST_ROW, isBlockCell } from '../core/review/block';
import { blockAfterEdit, blockAtHome, forgetCopiedTrend } from './review';
import { parse } from './payload';
import { REQUESTS } from '../requests';
import { runCommand } from './report';

/** Sidebar/dialog call: validates the form and creates the map sheet in one batched write. */
export function createMap(payload: unknown): CreateMapResult {
  // The form's language, if it sent a known one, else the spreadsheet's: field errors read in it.
  const asked =
    payload !== null && typeof payload === 'object'
      ? (payload as { lang?: unknown }).lang
      : undefined;
  const lang: Lang = LANGS.find((l) => l === asked) ?? spreadsheetLang();
  const checked = validate(newMapSchema(lang), payload, lang);
  if (!checked.ok) return { ok: false, fieldErrors: checked.fieldErrors };
  const req = checked.value;
  return withDocumentLock(req.lang, () => {
    const journey = journeyFromRequest(req, newMapId());
    // In the spreadsheet's locale now, not the form's: it may have changed since the page opened,
    // and it decides the syntax formulas are written in.
    const { name } = insertMapSheet(journey);
    return { ok: true, mapId: journey.id, sheetName: name };
  });
}

/**
 * The one way a new map reaches the workbook: planned, on a new sheet named after it (never over
 * an existing one), written in one batch. `adjust` changes the plan first (a map made from a
 * table adds notes to its stage names). Call under the document lock.
 */
export function insertMapSheet(
  journey: Journey,
  locale: string | null = null,
  adjust: (plan: SheetPlan) => SheetPlan = (plan) => plan,
): { sheet: GoogleAppsScript.Spreadsheet.Sheet; name: string } {
  const ss = activeSpreadsheet();
  const here = locale ?? ss.getSpreadsheetLocale();
  const plan = adjust(planMap(journey, { sheetName: String(journey.title.name), locale: here }));
  const { sheet, name } = insertUniqueSheet(ss, plan.sheetName, plan.cols);
  const known = knownDialect(here);
  rememberDialect(here, applyPlan(sheet, plan, ss, known), known);
  markMapsChanged();
  return { sheet, name };
}

/** Why `e` cannot be done on this map, as a message for the marketer; null when it can. */
export function stageEditError(journey: Journey, e: StageEdit): UserError | null {
  const lang = journey.lang;
  const problem = editProblem(journey, e);
  if (problem === 'noStage') return UserError.of(lang, 'err.selectStage');
  if (problem === 'minStages') return UserError.of(lang, 'err.minStages', { n: MIN_STAGES });
  if (problem === 'maxStages') return UserError.of(lang, 'err.maxStages', { n: MAX_STAGES });
  if (problem === 'edge') return UserError.of(lang, 'err.edge');
  const name = e.kind === 'add' ? nameProblem('stage', e.name) : null;
  if (name) return UserError.of(lang, name.key, name.vars);
  return null;
}

/**
 * A stage edit needs every stage to keep its marker; a stage whose marker cell a user typed
 * over can no longer be told apart from a note once columns move, so the edit waits until the
 * cell is free. Null when every stage can be marked.
 */
export function markerProblem(map: Pick<OpenedMap, 'journey' | 'snapshot'>): UserError | null {
  const taken = map.journey.stages.findIndex(
    (s, i) =>
      !isMarked(s) && toCellData(map.snapshot.values[ROW.footer - 1]?.[stageCol(i) - 1]) !== '',
  );
  if (taken < 0) return null;
  const stage = map.journey.stages[taken];
  const cell = a1(ROW.footer, stageCol(taken));
  return UserError.of(map.journey.lang, 'err.markerTaken', {
    cell,
    name: stage?.name ?? '',
    found: String(map.snapshot.values[ROW.footer - 1]?.[stageCol(taken) - 1] ?? ''),
  });
}

/**
 * A removal deletes its stage's column, and Sheets turns a reference wholly inside it into
 * #REF!. Right of the map is the user's (notes, formulas, those of a stage whose marker was
 * typed over): a removal that would break a formula there waits until it is changed. Needs
 * the snapshot's formulas (removals read them); null when nothing there breaks.
 */
export function outsideProblem(
  map: Pick<OpenedMap, 'journey' | 'snapshot' | 'sheet'>,
  e: StageEdit,
): UserError | null {
  if (e.kind !== 'remove') return null;
  const { stages, lang } = map.journey;
  const col = stageCol(e.index);
  const cells = brokenByRemoval(map.snapshot.formulas, col, stageCol(stages.length - 1), () =>
    sheetName(map.sheet),
  );
  if (!cells.length) return null;
  const shown = cells.length > 5 ? [...cells.slice(0, 5), '…'] : cells;
  return UserError.of(lang, 'err.outsideFormula', {
    name: stages[e.index]?.name ?? '',
    n: cells.length,
    cells: shown.join(', '),
    col: colName(col),
  });
}

/**
 * What removing a stage would take away: the cells of its column that hold something a user
 * put there beyond its name and role. Removing it asks first, and the answer holds only for
 * exactly these cells (a colleague typing into the stage meanwhile means asking again).
 */
export function removalCells(map: OpenedMap, index: number): string[] {
  const plan = planMap(map.journey, { sheetName: sheetName(map.sheet), locale: map.locale });
  return [
    ...userCells(plan, map.snapshot, stageCol(index), [ROW.header, ROW.role]),
    ...cellsBelowMap(map.sheet, stageCol(index)),
  ];
}

/**
 * A short fingerprint of those cells and of the stage's name and role (what the question shows),
 * for a confirmation to name what it was given for: a colleague renaming the stage meanwhile
 * means asking again.
 */
export function removalToken(
  cells: readonly string[],
  stage: { name: string; role: string } | undefined,
): string {
  return `${cells.length}.${hash([stage?.name ?? '', stage?.role ?? '', ...cells].join('\u0000'))}`;
}

/**
 * Runs a stage edit on a map sheet. Sheets' own column operations move the content and
 * adjust every reference to it; then only the template's cells that change are written.
 * Returns the map as it is now.
 */
export function performStageEdit(map: OpenedMap, e: StageEdit): Journey {
  const { sheet, locale } = map;
  // The sheet's name only matters when a plan creates a sheet: not read here.
  const unnamed = { sheetName: '', locale };
  const previous = planMap(map.journey, unnamed);
  const edited = applyEdit(
    withMarkers(map.journey),
    e.kind === 'add' ? { ...e, name: e.name || t(map.journey.lang, 'stage.new') } : e,
  );
  const plan = planMap(edited, unnamed);
  const block = blockAfterEdit(map);
  // The column operation, then the template's formats over the whole grid (and the review block
  // drawn again): nothing starts if a colleague protected any of it.
  const rows = block ? BLOCK_LAST_ROW : plan.rows;
  const grid = { row: 1, col: 1, rows, cols: Math.max(plan.cols, previous.cols) };
  refuseProtected(map.journey.lang, [{ sheet, cells: [grid], columns: columnChange(e) }]);
  reshapeColumns(sheet, e, map.journey.lang);
  // Values moved with their columns; only the formulas, which Sheets rewrote, are read again.
  // They also show the syntax this spreadsheet takes formulas in; when none is left to show it
  // (values pasted over the whole map), the syntax found when a map was made here.
  const read = formulasOf(sheet, plan.rows, plan.cols);
  const formulas = englishFormulas(read);
  // Add and Move read no formulas beforehand (a round trip): they were where Sheets moved them from.
  const undo: StageEdit | null =
    e.kind === 'add'
      ? { kind: 'remove', index: e.after + 1 }
      : e.kind === 'move'
        ? { kind: 'move', index: e.index + e.by, by: e.by === 1 ? -1 : 1 }
        : null;
  const before =
    map.snapshot.formulas.length || !undo
      ? map.snapshot
      : { values: map.snapshot.values, formulas: shiftValues(formulas, undo) as string[][] };
  const current = { values: shiftValues(withoutSpilled(previous, before), e), formulas };
  // Nothing known here (values pasted over the whole map, a locale no map was made in): one
  // formula of the refresh is tried in the locale's syntax first, and what works is remembered.
  let dialect = dialectOf(read) ?? knownDialect(locale);
  if (!dialect) {
    dialect = probeDialect(sheet, plan, current, previous, e) ?? 'comma';
    rememberDialect(locale, dialect, null);
  }
  refreshPlan(sheet, plan, current, previous, e, dialect);
  block?.redraw(edited, dialect);
  return edited;
}

/**
 * The edit aimed at the stage with `stageId`, wherever it is now; a UserError when that stage is
 * gone.
 */
export function editOfStage(
  journey: Journey,
  stageId: string,
  edit: (index: number) => StageEdit,
): StageEdit {
  const index = stageIndex(journey, stageId);
  if (index === null) throw UserError.of(journey.lang, 'err.stageGone');
  return edit(index);
}

/**
 * After a stage edit on the sheet the user is looking at, the selection goes onto the stage they
 * were working on (selectionAfterEdit), in the row they were on (`row`); `count` is the number of
 * stages before the edit. The menu's next Move then moves the same stage again.
 */
function followEdit(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  e: StageEdit,
  count: number,
  row: () => number,
): void {
  const cell = selectionAfterEdit(e, count, row);
  selectCell(sheet, cell.row, cell.col);
}

/**
 * A stage a user hid is still a stage: every edit moves it with the others and the funnel counts
 * it. After an edit `e` (on a map of `count` stages before it), a short note names the hidden
 * stages beside the one the user worked on, so a stage that seems to jump a column has its reason
 * in words. Nothing is said when none is hidden there.
 */
function noteHiddenStages(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  e: StageEdit,
  count: number,
  journey: Journey,
): void {
  const worked = selectionAfterEdit(e, count, () => ROW.header).col - stageCol(0);
  const hidden = hiddenStagesAround(sheet, worked, journey.stages.length);
  if (!hidden.length) return;
  const note = t(journey.lang, 'note.hiddenStages', {
    n: hidden.length,
    names: hidden.map((i) => quoted(journey.lang, journey.stages[i]?.name ?? '')).join(', '),
    cols: hidden.map((i) => colName(stageCol(i))).join(', '),
  });
  ss.toast(note, t(journey.lang, 'note.hiddenStagesTitle'), NOTE_SECONDS);
}

const NOTE_SECONDS = 15;

/**
 * The same after an edit from a sidebar or a dialog, which names its map rather than the
 * selection: only when the user is looking at that map's sheet (another sheet's selection is
 * left alone, and the user is not taken away from where they are).
 */
export function followEditIfShown(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  map: Pick<OpenedMap, 'sheet' | 'journey'>,
  e: StageEdit,
): void {
  const row = selectedRowOn(ss, map.sheet);
  if (row !== null) followEdit(map.sheet, e, map.journey.stages.length, () => row);
}

/**
 * A move that would make the user's formulas cover other stages (a range whose edge is the moved
 * stage or its neighbour follows the moved cells) is refused, naming them: nothing has moved yet.
 */
export function moveProblem(map: OpenedMap, e: StageEdit): UserError | null {
  if (e.kind !== 'move') return null;
  const { journey } = map;
  const cells = formulasNarrowedByMove(map.ss, map.sheet, stageCol(e.index), e.by, ownBelow(map));
  return cells.length
    ? UserError.of(journey.lang, 'err.moveNarrows', {
        name: journey.stages[e.index]?.name ?? '',
        cells: cells.join(', '),
      })
    : null;
}

/**
 * The edit the menu command means on this map: on the stage of the selected cell; with the row of
 * that cell, for the selection to follow the stage.
 */
function selectedEdit(
  map: OpenedMap,
  edit: (index: number | null, count: number) => StageEdit | null,
): { e: StageEdit; row: () => number } {
  const { journey } = map;
  const selected = selectedStage(map.ss, journey.stages.length);
  const e = edit(selected.stage, journey.stages.length);
  if (!e) throw UserError.of(journey.lang, 'err.selectStage');
  const problem =
    stageEditError(journey, e) ??
    markerProblem(map) ??
    outsideProblem(map, e) ??
    moveProblem(map, e);
  if (problem) throw problem;
  return { e, row: selected.row };
}

function editActiveMap(
  edit: (index: number | null, count: number) => StageEdit | null,
  kind: StageEdit['kind'],
): void {
  runCommand(() => {
    // Adding and moving ask nothing: lock first and read once.
    if (kind !== 'remove') {
      withDocumentLock(spreadsheetLang, () => {
        const map = openMap(here(), 'active');
        const { e, row } = selectedEdit(map, edit);
        const edited = performStageEdit(map, e);
        markMapsChanged();
        followEdit(map.sheet, e, map.journey.stages.length, row);
        noteHiddenStages(map.ss, map.sheet, e, map.journey.stages.length, edited);
      });
      return;
    }
    const map = openMap(here(), 'active', { formulas: true });
    const { e, row } = selectedEdit(map, edit);
    if (e.kind !== 'remove') return;
    const asked = removalAsk(map, e.index);
    // A stage that holds nothing beyond its name and role, and that no formula elsewhere refers to,
    // goes at once, under the lock, from a fresh read.
    if (asked.shown.length === 0) {
      const stage = map.journey.stages[e.index];
      withDocumentLock(map.journey.lang, () => {
        const fresh = sameSheet(openMap(here(), 'active', { formulas: true }), map);
        const done = removeConfirmed(fresh, stage?.id ?? '', asked.token);
        markMapsChanged();
        followEdit(fresh.sheet, done.e, fresh.journey.stages.length, row);
        noteHiddenStages(fresh.ss, fresh.sheet, done.e, fresh.journey.stages.length, done.edited);
      });
      return;
    }
    showRemovalDialog(map, e.index, asked);
  });
}

/**
 * The removal's question in the map's language: its title, and a body naming the stage's filled
 * cells and the user's formulas elsewhere that would show #REF! (or may: INDIRECT, named ranges).
 */
export function removalQuestion(
  journey: Journey,
  index: number,
  asked: RemovalAsk,
): { title: string; body: string } {
  const lang = journey.lang;
  const title = t(lang, 'confirm.removeTitle', { name: journey.stages[index]?.name ?? '' });
  const { cells, formulas } = asked;
  const listed = (where: readonly string[]) => ({ n: where.length, cells: shortList(where) });
  const body = [
    cells.length ? t(lang, 'confirm.removeBody', { n: cells.length }) : '',
    formulas.broken.length ? t(lang, 'confirm.removeFormulas', listed(formulas.broken)) : '',
    formulas.unchecked.length ? t(lang, 'confirm.removeUnchecked', listed(formulas.unchecked)) : '',
  ]
    .filter((line) => line !== '')
    .join(' ');
  return { title, body };
}

/**
 * Asks before removing a stage that holds content, in the add-on's own dialog: Google draws
 * Ui.alert's buttons in the user's account language and opens it on "Yes" (its reference says
 * nothing of either), while this dialog speaks the map's language, names the stage and its
 * filled cells, and opens on the safe answer. "Yes" calls removeStageConfirmed with the token of
 * exactly the cells shown; no lock is held while the dialog is open.
 */
function showRemovalDialog(map: OpenedMap, index: number, asked: RemovalAsk): void {
  const { journey } = map;
  const stage = journey.stages[index];
  const { title, body } = removalQuestion(journey, index, asked);
  const { formulas } = asked;
  const page = pageWithBoot({
    view: 'removeStage',
    lang: journey.lang,
    mapId: journey.id,
    sheetId: sheetId(map.sheet),
    stageId: stage?.id ?? '',
    title,
    body,
    token: asked.token,
  });
  const height = 190 + (formulas.broken.length || formulas.unchecked.length ? 80 : 0);
  ui().showModalDialog(page.setWidth(420).setHeight(height), title);
}

/** At most five cells by name, then "…". */
const shortList = (where: readonly string[]) =>
  (where.length > 5 ? [...where.slice(0, 5), '…'] : where).join(', ');

/**
 * What a removal asks about: the stage's filled cells, the user's formulas elsewhere it breaks or
 * may break, and the token of exactly these (a change to any of them meanwhile means asking again).
 */
export interface RemovalAsk {
  cells: string[];
  formulas: RemovalFormulas;
  /** everything the question names, one entry each */
  shown: string[];
  token: string;
}

/** The review block's own cells under the footer, which a stage edit draws again (none without one). */
function ownBelow(map: OpenedMap): OwnBelow {
  const stages = map.journey.stages.length;
  return blockAtHome(map) ? (row, col) => isBlockCell(row, col, stages) : () => false;
}

export function removalAsk(map: OpenedMap, index: number): RemovalAsk {
  const cells = removalCells(map, index);
  const formulas = formulasOnColumn(map.ss, map.sheet, stageCol(index), ownBelow(map));
  const shown = [
    ...cells,
    ...formulas.broken.map((c) => `#REF!:${c}`),
    ...formulas.unchecked.map((c) => `?:${c}`),
  ];
  return { cells, formulas, shown, token: removalToken(shown, map.journey.stages[index]) };
}

/**
 * Removes the stage `stageId` of a map read under the lock, if the cells it holds are still the
 * ones the question was asked about (`token`); otherwise refuses in words and changes nothing.
 * Returns the edit done and the map after it.
 */
function removeConfirmed(
  map: OpenedMap,
  stageId: string,
  token: string,
): { e: StageEdit; edited: Journey } {
  const lang = map.journey.lang;
  const e = editOfStage(map.journey, stageId, (index) => ({ kind: 'remove', index }));
  const problem = stageEditError(map.journey, e) ?? markerProblem(map) ?? outsideProblem(map, e);
  if (problem) throw problem;
  if (e.kind !== 'remove' || removalAsk(map, e.index).token !== token)
    throw UserError.of(lang, 'err.stageChanged');
  return { e, edited: performStageEdit(map, e) };
}

/**
 * The map read again under the lock must be the one the command started on (the user may have
 * switched sheets).
 */
function sameSheet(fresh: OpenedMap, before: Pick<OpenedMap, 'sheet' | 'journey'>): OpenedMap {
  if (sheetId(fresh.sheet) !== sheetId(before.sheet) || fresh.journey.id !== before.journey.id)
    throw UserError.of(before.journey.lang, 'err.stageChanged');
  return fresh;
}

/**
 * A dialog's call: its payload checked whole, then run; a known failure is answered in words for
 * the dialog to show.
 */
function dialogCall<T extends { lang?: Lang | undefined }>(
  schema: z.ZodMiniType<T>,
  payload: unknown,
  run: (req: T, lang: Lang) => DialogResult,
): DialogResult {
  try {
    const req = parse(schema, payload);
    // Refusals before the map is read are in the dialog's language, which is the map's.
    return run(req, req.lang ?? spreadsheetLang());
  } catch (e) {
    if (e instanceof UserError) return { ok: false, message: e.message };
    throw e;
  }
}

/**
 * The map a dialog was opened on: the sheet it was shown for (a copy of a map carries its footer
 * and is worked on as the menu found it, never its original), still holding that map.
 */
const shownFor = (req: { sheetId: number; mapId: string }) => ({
  sheetId: req.sheetId,
  mapId: req.mapId,
});

/**
 * The removal dialog's "Yes": removes exactly the stage and the cells it showed, re-checked under
 * the lock.
 */
export function removeStageConfirmed(payload: unknown): DialogResult {
  return dialogCall(REQUESTS.removeStageConfirmed(), payload, (req, lang) =>
    withDocumentLock(lang, () => {
      const map = openMap(here(lang), shownFor(req), { formulas: true });
      const done = removeConfirmed(map, req.stageId, req.token);
      followEditIfShown(map.ss, map, done.e);
      noteHiddenStages(map.ss, map.sheet, done.e, map.journey.stages.length, done.edited);
      markMapsChanged();
      return { ok: true };
    }),
  );
}

/** The rename dialog's "OK": renames the map's sheet, its title cell and its plan sheet. */
export function renameMapTo(payload: unknown): DialogResult {
  return dialogCall(REQUESTS.renameMapTo(), payload, (req, lang) => {
    const name = req.name.trim();
    if (!name) return { ok: false, message: t(lang, 'field.required') };
    const problem = nameProblem('map', name);
    if (problem) return { ok: false, message: t(lang, problem.key, problem.vars) };
    return withDocumentLock(lang, () => {
      const map = openMap(here(lang), shownFor(req), { copies: 'allow' });
      refuseProtected(map.journey.lang, [
        { sheet: map.sheet, sheetItself: true, cells: [{ ...nameCell, rows: 1, cols: 1 }] },
        ...(map.original ? [] : retitleChanges(map.ss, map.journey.id)),
        ...(map.original ? [] : historyRenameChanges(map.ss, map.journey.id)),
        ...(map.original && map.review.present
          ? [blockChanges(map.sheet, map.snapshot.values[0]?.length ?? 1, true)]
          : []),
      ]);
      // A copy takes its own identity first, so nothing below can reach the original's sheets.
      if (map.original) makeOwnMap(map);
      const sheetName = renameUnique(map.ss, map.sheet, name);
      writeMapName(map.sheet, name);
      // The action plan's sheet and title carry the map's name: they follow it.
      if (!map.original) {
        retitlePlan(map.ss, map.journey.id, map.journey.lang, sheetName);
        renameHistory(map.ss, map.journey.id, map.journey.lang, sheetName);
      }
      markMapsChanged();
      return { ok: true };
    });
  });
}

export const addStage = (): void =>
  editActiveMap((index, count) => ({ kind: 'add', after: index ?? count - 1, name: '' }), 'add');
export const removeStage = (): void =>
  editActiveMap((index) => (index === null ? null : { kind: 'remove', index }), 'remove');
export const moveStageLeft = (): void =>
  editActiveMap((index) => (index === null ? null : { kind: 'move', index, by: -1 }), 'move');
export const moveStageRight = (): void =>
  editActiveMap((index) => (index === null ? null : { kind: 'move', index, by: 1 }), 'move');

/**
 * A copy of a map (Sheets' Duplicate) made a map of its own: a new id and stage ids in its markers
 * row, and named cells of its own; no plan, and a review block that reads no history yet. Refused in words, before any write, while a stage's
 * marker cell holds someone's text.
 */
function makeOwnMap(map: OpenedMap): void {
  const problem = markerProblem(map);
  if (problem) throw problem;
  const own = asOwnMap(map.journey, newMapId());
  writeIdentity(map.sheet, planMap(own, { sheetName: '', locale: map.locale }), map.ss);
  forgetCopiedTrend(map, own);
}

/**
 * Opens the rename dialog, in the map's language, its field holding the map's name now; on a copy
 * of a map, its words offer to make the copy a map of its own.
 */
export function renameMap(): void {
  runCommand(() => {
    const { journey, sheet, original } = openMap(here(), 'active', { copies: 'allow' });
    const lang = journey.lang;
    const title = t(lang, 'prompt.renameTitle');
    const name = String(journey.title.name ?? '') || sheetName(sheet);
    const page = pageWithBoot({
      view: 'renameMap',
      lang,
      mapId: journey.id,
      sheetId: sheetId(sheet),
      name,
      label: original
        ? t(lang, 'prompt.renameCopy', { sheet: sheetName(original) })
        : t(lang, 'prompt.renameBody'),
    });
    ui().showModalDialog(page.setWidth(420).setHeight(original ? 260 : 200), title);
  });
}
