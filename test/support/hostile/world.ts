/**
 * Replays hostile steps against the built add-on in the emulator and checks, after every
 * action, what the add-on promises about user data:
 *  (a) no raw error escapes; refusals are user errors in the map's language;
 *  (b) every value a user typed is still in its sheet (or a copy), under the same stage,
 *      unless the user removed it (typed over it, deleted its row, column or sheet, saved
 *      another value over it from the wizard, confirmed its stage's removal);
 *  (c) no string a user typed is ever a formula;
 *  (d) a damaged map is refused with a message that says where, and is not written to;
 * plus: a map's history keeps every period recorded and every cell pasted (history.ts), and a
 * review writes one period holding the map's figures; a refused or read-only call writes
 * nothing; a call changes the stages of the map it edits only as asked (by stage identity),
 * never those of another sheet, and leaves what is right of the map as it was; the wizard shows
 * the sheet's stages in the sheet's order.
 *
 * The model is small: the values typed (text, sheet, stage id from the footer marker of
 * their column), the maps made, the add-on's portfolio sheets, and the wizard's client state
 * per map (the last loaded step: its values as base and its stages). Whether a sheet is an
 * intact map, a damaged one or none is read off the sheet each time (scan.ts).
 *
 * The parts: the state and what is read off it (world-state.ts); running an action with the
 * invariants checked around it (act.ts); the steps, by where the user takes them (steps-grid,
 * steps-menu, steps-wizard, steps-plan, steps-create, steps-payloads, steps-history); the
 * invariants, by subject (invariants.ts for calls and damaged maps, invariants-stages,
 * invariants-cells, invariants-formulas; numbers, histories and the user's formulas keep their
 * trackers in values.ts, history.ts and user-formulas.ts).
 */
import { FIRST_STAGE_COL, ROW } from '../../../src/core/map/layout';
import type { Step } from './steps';
import type { TextPick } from './texts';
import { WorldState } from './world-state';
import { callClient } from './act';
import { makeACopy, structure, typeAt, grid } from './steps-grid';
import { menu, rename, portfolio, showWizard, importTable } from './steps-menu';
import { load, held, poll, save, colleague, editStages } from './steps-wizard';
import { savePlan } from './steps-plan';
import { createMap } from './steps-create';
import { garbage } from './steps-payloads';
import { review, pastePeriods, editHistory, typeUnder } from './steps-history';

export { EmulatorLimit, HostileFailure, type Violation, type ViolationKind } from './world-state';

/** A hostile sequence's world: its first map made, then its steps run one by one. */
export class World extends WorldState {
  /** The first map of the session: a custom map of 2–4 stages named by the user. */
  setup(stageNames: TextPick[]): void {
    this.stepNo = 0;
    createMap(this, {
      name: { kind: 'token', shape: 'plain' },
      segment: { kind: 'token', shape: 'plain' },
      product: { kind: 'token', shape: 'importxml' },
      stages: stageNames,
      lang: 'ok',
      preset: 'custom',
      example: 'no',
      deal: 'none',
    });
    if (this.maps.length === 0)
      throw new Error(`hostile setup: the first map was not created (${this.log.join(' | ')})`);
  }

  /** One step of a sequence (composite steps run as several checked actions). */
  run(step: Step): void {
    this.stepNo++;
    this.subNo = 0;
    this.steps++;
    switch (step.k) {
      case 'menu':
        menu(this, step.cmd, step.sheet, step.at, step.answer, step.inDialog);
        return;
      case 'rename':
        rename(this, step.sheet, step.text, step.button);
        return;
      case 'portfolio':
        portfolio(this, step.sheet);
        return;
      case 'showWizard':
        showWizard(this, step.sheet);
        return;
      case 'load':
        load(this, this.mapRef(step.map), step.step);
        return;
      case 'save':
        save(this, this.mapRef(step.map), step.edits, undefined, step.next);
        return;
      case 'held':
        held(this, this.mapRef(step.map), step.step);
        return;
      case 'poll':
        poll(this, this.mapRef(step.map));
        return;
      case 'importTable':
        importTable(this, step.sheet, step.at, step.unmatched, step.create);
        return;
      case 'round': {
        const mapId = this.mapRef(step.map);
        if (step.step === 'plan') {
          const actions = step.edits.map((e, i) => ({
            action:
              e.value.kind === 'text'
                ? e.value.text
                : { kind: 'token' as const, shape: 'plain' as const },
            owner: { kind: 'bare' as const, index: e.field },
            stage: e.field,
            lever: i,
            change: e.field,
            status: e.field,
          }));
          savePlan(this, mapId, actions, true, step.colleague);
          return;
        }
        load(this, mapId, step.step);
        if (step.colleague) colleague(this, mapId, step.colleague);
        save(this, mapId, step.edits);
        return;
      }
      case 'editStages':
        editStages(this, step);
        return;
      case 'removeRace': {
        const sheet = this.sheetByRef(step.sheet);
        const g = this.observe().grids.get(sheet.sheetId)!;
        const n = this.stageCount(g);
        if (n === 0) return;
        const col = FIRST_STAGE_COL + (step.stage % n);
        typeAt(this, sheet.sheetId, 1 + (step.row % (ROW.footer - 1)), col, this.text(step.text));
        menu(
          this,
          'removeStage',
          0,
          { zone: 'stage', row: step.row, i: step.stage },
          'YES',
          step.inDialog,
          sheet.sheetId,
        );
        return;
      }
      case 'savePlan':
        savePlan(this, this.mapRef(step.map), step.actions, step.fresh, step.colleague);
        return;
      case 'createMap':
        createMap(this, step.form);
        return;
      case 'garbage':
        garbage(this, step.fn, step.key, step.w);
        return;
      case 'charts':
      case 'mindmap': {
        const mapId = this.mapRef(step.map);
        const fn = step.k === 'charts' ? 'insertCharts' : 'exportMindMap';
        callClient(
          this,
          `${fn} ${mapId}`,
          fn,
          { mapId },
          { readOnly: true, target: this.mapSheetId(mapId) },
        );
        return;
      }
      case 'merge':
      case 'unmerge':
      case 'hide':
      case 'unhide':
      case 'group':
      case 'protect':
      case 'unprotect':
      case 'locale':
        structure(this, step);
        return;
      case 'copySpreadsheet':
        makeACopy(this);
        return;
      case 'review':
        review(this, step);
        return;
      case 'pastePeriods':
        pastePeriods(this, step);
        return;
      case 'editHistory':
        editHistory(this, step);
        return;
      case 'typeUnder':
        typeUnder(this, step);
        return;
      default:
        grid(this, step);
        return;
    }
  }
}
