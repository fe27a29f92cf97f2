/**
 * After Add, Move and Remove stage the selection is on the stage the user was
 * working on. The emulator keeps a selection at the same column index when a script inserts,
 * deletes or moves columns (Google does not say where it goes), so without this a second Move
 * moved whichever stage slid under the selection and scrambled the funnel.
 */
import { describe, expect, it } from 'vitest';
import type { EditStagesResult, WizardState } from '../../../src/contract';
import { a1, FIRST_STAGE_COL, ROW } from '../../../src/core/map/layout';
import { openSpreadsheet, type Session } from '../../support/addon';

const col = (i: number) => a1(1, FIRST_STAGE_COL + i).replace(/\d+$/, '');
const names = (s: Session, sheet: string, n: number) =>
  Array.from({ length: n }, (_, i) => s.wb.value(sheet, `${col(i)}${ROW.header}`));
const counts = (s: Session, sheet: string, n: number) =>
  Array.from({ length: n }, (_, i) => s.wb.value(sheet, `${col(i)}${ROW.customers}`));
/** The sheet shown and the selected range, as the user sees them. */
function selection(s: Session): string {
  const r = s.wb.model.activeRange;
  const at = r ? a1(r.row + 1, r.col + 1) : 'none';
  return `${s.wb.model.active.name}!${at}`;
}

function funnel() {
  const s = openSpreadsheet('en_US');
  const sheet = s.newMap({ name: 'Funnel' });
  [1000, 400, 100, 90, 60, 40].forEach((n, i) => {
    s.wb.setCell(sheet, `${col(i)}${ROW.customers}`, n);
  });
  s.wb.setCell(sheet, `D${ROW.barriers}`, 'Too many tabs');
  return { s, sheet };
}

describe('the selection follows the stage the user is working on', () => {
  it('Move right twice moves the same stage two places, then Move left brings it back one', () => {
    const { s, sheet } = funnel();
    s.select(sheet, `D${ROW.barriers}`); // Active evaluation
    s.run('moveStageRight');
    expect(selection(s)).toBe(`${sheet}!E${ROW.barriers}`);
    s.run('moveStageRight');
    expect(selection(s)).toBe(`${sheet}!F${ROW.barriers}`);
    expect(names(s, sheet, 6)).toEqual([
      'Initial consideration',
      'Purchase',
      'Experience',
      'Active evaluation',
      'Trigger',
      'Loyalty',
    ]);
    // each count and note travelled with its stage: the funnel is reordered, not scrambled
    expect(counts(s, sheet, 6)).toEqual([1000, 100, 90, 400, 60, 40]);
    expect(s.wb.value(sheet, `F${ROW.barriers}`)).toBe('Too many tabs');
    s.run('moveStageLeft');
    expect(selection(s)).toBe(`${sheet}!E${ROW.barriers}`);
    expect(names(s, sheet, 4)[2]).toBe('Active evaluation');
    expect(counts(s, sheet, 6)).toEqual([1000, 100, 400, 90, 60, 40]);
    expect(s.wb.ui.requests).toEqual([]);
  });

  it("Add puts the selection on the new stage's name, ready to type; Remove on the neighbour", () => {
    const { s, sheet } = funnel();
    s.select(sheet, `E${ROW.actions}`); // Purchase
    s.run('addStage');
    expect(selection(s)).toBe(`${sheet}!F${ROW.header}`);
    expect(s.wb.value(sheet, `F${ROW.header}`)).toBe('New stage');
    s.wb.setCell(sheet, `F${ROW.header}`, 'Delivery');
    expect(names(s, sheet, 7)[3]).toBe('Delivery');
    // Delivery holds nothing beyond its name: it goes at once; the stage that took its place is
    // selected, in the row the user was on
    s.select(sheet, `F${ROW.job}`);
    s.run('removeStage');
    expect(s.dialog()).toBeNull();
    expect(names(s, sheet, 6)[3]).toBe('Experience');
    expect(selection(s)).toBe(`${sheet}!F${ROW.job}`);
    // the last stage holds a count: asked first; then the previous one is selected
    s.select(sheet, `H${ROW.actions}`);
    s.run('removeStage');
    expect(s.answerDialog('YES')).toEqual({ ok: true });
    expect(names(s, sheet, 6)).toEqual([
      'Initial consideration',
      'Active evaluation',
      'Purchase',
      'Experience',
      'Trigger',
      '',
    ]);
    expect(selection(s)).toBe(`${sheet}!G${ROW.actions}`);
    // …and the next Move moves that one
    s.run('moveStageLeft');
    expect(names(s, sheet, 5).slice(3)).toEqual(['Trigger', 'Experience']);
    expect(selection(s)).toBe(`${sheet}!F${ROW.actions}`);
  });

  it('costs one more call and no round trip', () => {
    const { s, sheet } = funnel();
    for (const cmd of ['addStage', 'moveStageRight', 'moveStageLeft']) {
      s.select(sheet, `D${ROW.job}`);
      s.wb.calls.reset();
      s.run(cmd);
      expect(s.wb.calls.byName['Sheet.setActiveSelection']).toBe(1);
      expect(s.wb.calls.roundTripsByName['Sheet.setActiveSelection']).toBeUndefined();
      // the map, the protection check, the column operation, the formulas, the flush; a move also
      // searches the spreadsheet once for formulas whose range edge it would shift
      expect(s.wb.calls.roundTrips).toBeLessThanOrEqual(cmd === 'addStage' ? 5 : 6);
    }
  });

  it("the sidebar's stage tools move the selection too, but only when the sheet shows that map", () => {
    const { s, sheet } = funnel();
    const mapId = String(s.wb.value(sheet, `A${ROW.footer}`)).split(' ')[2];
    const stages = () =>
      (s.addon.callFromClient('loadStep', { mapId, step: 'stages' }) as WizardState).view!.stages;
    const edit = (edit: Record<string, unknown>, stage: number) =>
      s.addon.callFromClient('editStages', {
        mapId,
        edit,
        stageId: stages()[stage]?.id,
        confirmed: false,
      }) as EditStagesResult;

    s.select(sheet, `G${ROW.job}`);
    expect(edit({ kind: 'move', index: 1, by: 1 }, 1)).toMatchObject({ ok: true });
    expect(selection(s)).toBe(`${sheet}!E${ROW.job}`);
    expect(edit({ kind: 'add', after: 0, name: 'Visit' }, 0)).toMatchObject({ ok: true });
    expect(selection(s)).toBe(`${sheet}!D${ROW.header}`);
    expect(s.wb.value(sheet, `D${ROW.header}`)).toBe('Visit');

    // another sheet is shown: the user stays there, their selection untouched
    s.select('Sheet1', 'B2');
    expect(edit({ kind: 'move', index: 0, by: 1 }, 0)).toMatchObject({ ok: true });
    expect(names(s, sheet, 2)).toEqual(['Visit', 'Initial consideration']);
    expect(selection(s)).toBe('Sheet1!B2');
  });

  it('the removal dialog answered after the user went to another sheet leaves them there', () => {
    const { s, sheet } = funnel();
    s.select(sheet, `D${ROW.actions}`);
    s.run('removeStage');
    expect(s.dialog()?.view).toBe('removeStage');
    s.select('Sheet1', 'C3');
    expect(s.answerDialog('YES')).toEqual({ ok: true });
    expect(names(s, sheet, 2)).toEqual(['Initial consideration', 'Purchase']);
    expect(selection(s)).toBe('Sheet1!C3');
  });
});
