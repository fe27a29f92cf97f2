/** Menu commands and sidebar calls that create and reshape map sheets. */
import { applyEdit, editProblem, stageIndex, withMarkers, type StageEdit } from '../core/map/edits';
import { LANGS, t, type Lang } from '../core/words/i18n';
import type { Journey } from '../core/map/journey';
import { FIRST_STAGE_COL, MAX_STAGES, MIN_STAGES, ROW, stageCol } from '../core/map/layout';
import { journeyFromRequest, newMapId } from '../core/map/new-map';
import { userCellCount } from '../core/map/refresh';
import { newMapSchema, validate } from '../core/map/requests';
import { planMap } from '../core/map/template';
import type { CreateMapResult } from '../contract';
import { applyPlan, refreshPlan, type GridSnapshot } from '../sheets/apply';
import { snapshot } from '../sheets/read';
import { insertUniqueSheet, renameUnique } from '../sheets/sheet-names';
import { asText } from '../sheets/values';
import { activeSpreadsheet, spreadsheetLang, ui } from '../sheets/workbook';
import { activeMap, type ActiveMap } from './context';
import { UserError } from './errors';
import { withDocumentLock } from './lock';
import { runCommand } from './report';

/** Sidebar/dialog call: validates the form and creates the map sheet in one batched write. */
export function createMap(payload: unknown): CreateMapResult {
  // The form's language, if it sent a known one, else the spreadsheet's: field errors read in it.
  const asked = payload !== null && typeof payload === 'object' ? (payload as { lang?: unknown }).lang : undefined;
  const lang: Lang = LANGS.find((l) => l === asked) ?? spreadsheetLang();
  const checked = validate(newMapSchema(lang), payload, lang);
  if (!checked.ok) return { ok: false, fieldErrors: checked.fieldErrors };
  const req = checked.value;
  return withDocumentLock(req.lang, () => {
    const journey = journeyFromRequest(req, newMapId());
    const ss = activeSpreadsheet();
    const plan = planMap(journey, { sheetName: String(journey.title.name), locale: req.locale });
    const { sheet, name } = insertUniqueSheet(ss, plan.sheetName, plan.cols);
    applyPlan(sheet, plan, ss);
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

/** A map as read under the lock: what a stage edit works from. */
export interface MapOnSheet {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  journey: Journey;
  snapshot: GridSnapshot;
  locale: string;
}

/** How many cells of a stage hold something a user put there beyond its name and role: removing it asks first. */
export function removalCount(map: MapOnSheet, index: number): number {
  const plan = planMap(map.journey, { sheetName: map.sheet.getName(), locale: map.locale });
  return userCellCount(plan, map.snapshot, stageCol(index), [ROW.header, ROW.role]);
}

/**
 * Runs a stage edit on a map sheet. Sheets' own column operations move the content and
 * adjust every reference to it; then only the template's cells that change are written.
 */
export function performStageEdit(map: MapOnSheet, e: StageEdit): void {
  const { sheet, locale } = map;
  const sheetName = sheet.getName();
  const previous = planMap(map.journey, { sheetName, locale });
  if (e.kind === 'add') sheet.insertColumnAfter(stageCol(e.after));
  if (e.kind === 'remove') sheet.deleteColumn(stageCol(e.index));
  if (e.kind === 'move') sheet.moveColumns(sheet.getRange(1, stageCol(e.index)), stageCol(e.index) + (e.by < 0 ? -1 : 2));
  const edited = applyEdit(withMarkers(map.journey), e.kind === 'add' ? { ...e, name: e.name || t(map.journey.lang, 'stage.new') } : e);
  refreshPlan(sheet, planMap(edited, { sheetName, locale }), snapshot(sheet), previous);
}

/** The edit aimed at the stage with `stageId`, wherever it is now; a UserError when that stage is gone. */
export function editOfStage(journey: Journey, stageId: string, edit: (index: number) => StageEdit): StageEdit {
  const index = stageIndex(journey, stageId);
  if (index === null) throw UserError.of(journey.lang, 'err.stageGone');
  return edit(index);
}

function editActiveMap(edit: (index: number | null, count: number) => StageEdit | null): void {
  runCommand(() => {
    const map = activeMap();
    const { journey } = map;
    const lang = journey.lang;
    const col = map.ss.getActiveCell().getColumn();
    const index = col >= FIRST_STAGE_COL && col < FIRST_STAGE_COL + journey.stages.length ? col - FIRST_STAGE_COL : null;
    const e = edit(index, journey.stages.length);
    if (!e) throw UserError.of(lang, 'err.selectStage');
    const problem = stageEditError(journey, e);
    if (problem) throw problem;
    // The stage is named by its id: a colleague may move columns while the dialog is open.
    const target = journey.stages[e.kind === 'add' ? e.after : e.index];
    const asked = e.kind === 'remove' ? removalCount(map, e.index) : 0;
    // Ask before taking the lock, so nobody else waits on the dialog; then work from a fresh read.
    if (asked > 0 && !confirmRemove(target?.name ?? '', asked, lang)) return;
    withDocumentLock(lang, () => {
      const fresh = sameSheet(activeMap(), map);
      const now = editOfStage(fresh.journey, target?.id ?? '', (i) => (e.kind === 'add' ? { ...e, after: i } : { ...e, index: i }));
      const stillValid = stageEditError(fresh.journey, now);
      if (stillValid) throw stillValid;
      if (now.kind === 'remove' && removalCount(fresh, now.index) > asked) throw UserError.of(lang, 'err.stageChanged');
      performStageEdit(fresh, now);
    });
  });
}

/** The map read again under the lock must be the one the command started on (the user may have switched sheets). */
function sameSheet(fresh: ActiveMap, before: Pick<ActiveMap, 'sheet' | 'journey'>): ActiveMap {
  if (fresh.sheet.getSheetId() !== before.sheet.getSheetId() || fresh.journey.id !== before.journey.id) throw UserError.of(before.journey.lang, 'err.stageChanged');
  return fresh;
}

function confirmRemove(name: string, n: number, lang: Lang): boolean {
  const u = ui();
  const answer = u.alert(t(lang, 'confirm.removeTitle', { name }), t(lang, 'confirm.removeBody', { n }), u.ButtonSet.YES_NO);
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
      // The sheet must still be this map: a colleague may have changed it while the prompt was open.
      const fresh = sameSheet(activeMap(), { journey, sheet });
      renameUnique(ss, fresh.sheet, name);
      fresh.sheet.getRange(1, 2).setValue(asText(name));
    });
  });
}
