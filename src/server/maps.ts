/** Menu commands and sidebar calls that create and reshape map sheets. */
import { applyEdit, editProblem, filledCells, type StageEdit } from '../core/edits';
import { languageOf, t } from '../core/i18n';
import { FIRST_STAGE_COL, MAX_STAGES, MIN_STAGES, stageCol } from '../core/layout';
import { journeyFromRequest, newMapId } from '../core/new-map';
import { newMapSchema, validate } from '../core/requests';
import { planMap } from '../core/template';
import type { CreateMapResult } from '../contract';
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

function editActiveMap(edit: (index: number | null, count: number) => StageEdit | null): void {
  runCommand(() => {
    const map = activeMap();
    const { journey, sheet } = map;
    const lang = journey.lang;
    withDocumentLock(lang, () => {
      const col = map.ss.getActiveCell().getColumn();
      const index = col >= FIRST_STAGE_COL && col < FIRST_STAGE_COL + journey.stages.length ? col - FIRST_STAGE_COL : null;
      const picked = edit(index, journey.stages.length);
      if (!picked) throw UserError.of(lang, 'err.selectStage');
      const e: StageEdit = picked.kind === 'add' ? { ...picked, name: t(lang, 'stage.new') } : picked;
      const problem = editProblem(journey, e);
      if (problem === 'noStage') throw UserError.of(lang, 'err.selectStage');
      if (problem === 'minStages') throw UserError.of(lang, 'err.minStages', { n: MIN_STAGES });
      if (problem === 'maxStages') throw UserError.of(lang, 'err.maxStages', { n: MAX_STAGES });
      if (problem === 'edge') throw UserError.of(lang, 'err.edge');
      if (e.kind === 'remove' && !confirmRemove(journey.stages[e.index], lang)) return;
      // Sheets' own column operations move the content and adjust every reference to it;
      // the template's cells are then rewritten for the new stage set.
      if (e.kind === 'add') sheet.insertColumnAfter(stageCol(e.after));
      if (e.kind === 'remove') sheet.deleteColumn(stageCol(e.index));
      if (e.kind === 'move') sheet.moveColumns(sheet.getRange(1, stageCol(e.index)), stageCol(e.index) + (e.by < 0 ? -1 : 2));
      const plan = planMap(applyEdit(journey, e), { sheetName: sheet.getName(), locale: map.locale });
      applyPlan(sheet, plan, { keep: snapshot(sheet) });
    });
  });
}

function confirmRemove(stage: Parameters<typeof filledCells>[0] | undefined, lang: ReturnType<typeof languageOf>): boolean {
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
      sheet.getRange(1, 2).setValue(asText(name));
    });
  });
}
