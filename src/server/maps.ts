/** Menu commands and sidebar calls that create and reshape map sheets. */
import { applyEdit, editProblem, filledCells, type StageEdit } from '../core/map/edits';
import { languageOf, t, type Lang } from '../core/words/i18n';
import type { Journey, Stage } from '../core/map/journey';
import { FIRST_STAGE_COL, MAX_STAGES, MIN_STAGES, stageCol } from '../core/map/layout';
import { journeyFromRequest, newMapId } from '../core/map/new-map';
import { newMapSchema, validate } from '../core/map/requests';
import { planMap } from '../core/map/template';
import type { CreateMapResult } from '../contract';
import { FORMAT } from '../core/map/formats';
import { applyPlan } from '../sheets/apply';
import { snapshot } from '../sheets/read';
import { insertUniqueSheet, renameUnique } from '../sheets/sheet-names';
import { asText } from '../sheets/values';
import { activeSpreadsheet, ui } from '../sheets/workbook';
import { activeMap } from './context';
import { UserError } from './errors';
import { withDocumentLock } from './lock';
import { runCommand } from './report';

/** Sidebar/dialog call: validates the form and creates the map sheet in one batched write. */
export function createMap(payload: unknown): CreateMapResult {
  const lang = languageOf((payload as { lang?: string } | null)?.lang);
  const checked = validate(newMapSchema(lang), payload, lang);
  if (!checked.ok) return { ok: false, fieldErrors: checked.fieldErrors };
  const req = checked.value;
  return withDocumentLock(req.lang, () => {
    const journey = journeyFromRequest(req, newMapId());
    const ss = activeSpreadsheet();
    const plan = planMap(journey, { sheetName: String(journey.title.name), locale: req.locale });
    const { sheet, name } = insertUniqueSheet(ss, plan.sheetName, plan.cols);
    applyPlan(sheet, plan, { spreadsheet: ss });
    return { ok: true, mapId: journey.id, sheetName: name };
  });
}

/** Why `e` cannot be done on this map, as a message for the marketer; null when it can. */
export function stageEditError(journey: Journey, e: StageEdit): UserError | null {
  const lang = journey.lang;
  const problem = editProblem(journey, e);
  if (problem === 'noStage') return UserError.of(lang, 'err.selectStage');
  if (problem === 'minStages') return UserError.of(lang, 'err.minStages', { n: MIN_STAGES });
  if (problem === 'maxStages') return UserError.of(lang, 'err.maxStages', { n: MAX_STAGES });
  if (problem === 'edge') return UserError.of(lang, 'err.edge');
  return null;
}

/**
 * Runs a stage edit on a map sheet. Sheets' own column operations move the content and
 * adjust every reference to it; the template's cells are then rewritten for the new stages.
 */
export function performStageEdit(sheet: GoogleAppsScript.Spreadsheet.Sheet, journey: Journey, locale: string, e: StageEdit): void {
  if (e.kind === 'add') sheet.insertColumnAfter(stageCol(e.after));
  if (e.kind === 'remove') sheet.deleteColumn(stageCol(e.index));
  if (e.kind === 'move') sheet.moveColumns(sheet.getRange(1, stageCol(e.index)), stageCol(e.index) + (e.by < 0 ? -1 : 2));
  const edited = applyEdit(journey, e.kind === 'add' ? { ...e, name: e.name || t(journey.lang, 'stage.new') } : e);
  applyPlan(sheet, planMap(edited, { sheetName: sheet.getName(), locale }), { keep: snapshot(sheet) });
}

function editActiveMap(edit: (index: number | null, count: number) => StageEdit | null): void {
  runCommand(() => {
    const map = activeMap();
    const { journey, sheet } = map;
    const lang = journey.lang;
    const col = map.ss.getActiveCell().getColumn();
    const index = col >= FIRST_STAGE_COL && col < FIRST_STAGE_COL + journey.stages.length ? col - FIRST_STAGE_COL : null;
    const e = edit(index, journey.stages.length);
    if (!e) throw UserError.of(lang, 'err.selectStage');
    const problem = stageEditError(journey, e);
    if (problem) throw problem;
    // Ask before taking the lock, so nobody else waits on the dialog; then work from a fresh read.
    if (e.kind === 'remove' && !confirmRemove(journey.stages[e.index], lang)) return;
    withDocumentLock(lang, () => {
      const fresh = activeMap();
      const stillValid = stageEditError(fresh.journey, e);
      if (stillValid) throw stillValid;
      performStageEdit(sheet, fresh.journey, map.locale, e);
    });
  });
}

function confirmRemove(stage: Stage | undefined, lang: Lang): boolean {
  if (!stage || filledCells(stage) === 0) return true;
  const u = ui();
  const answer = u.alert(t(lang, 'confirm.removeTitle', { name: stage.name }), t(lang, 'confirm.removeBody', { n: filledCells(stage) }), u.ButtonSet.YES_NO);
  return answer === u.Button.YES;
}

export const addStage = (): void =>
  editActiveMap((index, count) => ({ kind: 'add', after: index ?? count - 1, name: '' }));
export const removeStage = (): void => editActiveMap((index) => (index === null ? null : { kind: 'remove', index }));
export const moveStageLeft = (): void => editActiveMap((index) => (index === null ? null : { kind: 'move', index, by: -1 }));
export const moveStageRight = (): void => editActiveMap((index) => (index === null ? null : { kind: 'move', index, by: 1 }));

export function renameMap(): void {
  runCommand(() => {
    const { journey, sheet, ss } = activeMap();
    const lang = journey.lang;
    const u = ui();
    const answer = u.prompt(t(lang, 'prompt.renameTitle'), t(lang, 'prompt.renameBody'), u.ButtonSet.OK_CANCEL);
    if (answer.getSelectedButton() !== u.Button.OK) return;
    const name = answer.getResponseText().trim().slice(0, 80);
    if (!name) throw UserError.of(lang, 'field.required');
    withDocumentLock(lang, () => {
      renameUnique(ss, sheet, name);
      sheet.getRange(1, 2).setValue(asText(name, FORMAT.text));
    });
  });
}
