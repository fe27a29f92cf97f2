/**
 * What keeps the sidebar to one server execution per click, through the built add-on: Save and
 * continue answered with the next step, every step's page from the same read, where the user went
 * without a call recorded by the next one, and the poll (activeSheetMap) that tells which map the
 * grid shows and whether a map changed under the wizard, cheaply at any size.
 */
import { describe, expect, it } from 'vitest';
import type { PollAnswer, SaveResult, WizardState } from '../../../src/contract';
import { ROW } from '../../../src/core/map/layout';
import { STEP_IDS } from '../../../src/core/wizard/steps';
import { openSpreadsheet } from '../../support/addon';

function start() {
  const s = openSpreadsheet('en_US');
  const sheet = s.newMap({ segment: 'Office workers', product: 'Coffee beans' });
  const mapId = String(s.wb.value(sheet, `A${ROW.footer}`)).split(' ')[2] ?? '';
  const call = <T>(name: string, req: unknown) => s.addon.callFromClient(name, req) as T;
  const poll = (req: object = { mapId }) => call<PollAnswer>('activeSheetMap', req);
  return { s, sheet, mapId, call, poll };
}

describe('one execution per click', () => {
  it('Save and continue saves the step and answers with the next one, recorded as where the user is', () => {
    const { s, sheet, mapId, call } = start();
    const goal = call<WizardState>('loadStep', { mapId, step: 'goal' }).view!;
    const saved = call<SaveResult>('saveStep', {
      mapId,
      step: 'goal',
      values: { ...goal.values, 'side.goal': 'Sell 200 subscriptions' },
      base: goal.values,
      stages: goal.stages,
      next: 'persona',
    });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(s.wb.value(sheet, `B${ROW.goal}`)).toBe('Sell 200 subscriptions');
    expect(saved.state).toMatchObject({ step: 'persona', done: ['goal'] });
    expect(saved.state.view?.step).toBe('persona');
    expect(saved.state.view?.sideFields.map((f) => f.id)).toContain('side.personaName');
    // the wizard reopened later opens on the step the save led to
    expect(call<WizardState>('loadStep', { mapId }).step).toBe('persona');
  });

  it("answers with every step's page from one read: the same fields and values as loading each step", () => {
    const { s, sheet, mapId, call } = start();
    s.wb.setCell(sheet, `D${ROW.touchpoints}`, 'Price list on the site');
    const view = call<WizardState>('loadStep', { mapId, step: 'goal' }).view!;
    for (const step of STEP_IDS) {
      const own = call<WizardState>('loadStep', { mapId, step }).view!;
      expect(view.pages[step]).toEqual({
        sideFields: own.sideFields,
        stageFields: own.stageFields,
        values: own.values,
        help: own.help,
      });
    }
    expect(view.pages.touchpoints.values['stage.1.touchpoints']).toBe('Price list on the site');
  });

  it('records the steps the sidebar moved through without a call with its next call, the poll included', () => {
    const { mapId, call, poll } = start();
    call('loadStep', { mapId, step: 'goal' });
    // Next on goal and persona with nothing changed: shown from what the sidebar held
    poll({ mapId, seen: { mapId, step: 'stages', done: ['goal', 'persona'] } });
    expect(call<WizardState>('loadStep', { mapId })).toMatchObject({
      step: 'stages',
      done: ['goal', 'persona'],
    });
  });
});

describe("activeSheetMap, the wizard's poll", () => {
  it('names the map on the active sheet, and nothing on any other sheet, from metadata and one row', () => {
    const s = openSpreadsheet('en_US');
    const a = s.newMap({ segment: 'A', product: 'a' });
    const b = s.newMap({ segment: 'B', product: 'b' });
    const id = (sheet: string) => String(s.wb.value(sheet, `A${ROW.footer}`)).split(' ')[2] ?? '';
    const poll = (mapId?: string) =>
      s.addon.callFromClient('activeSheetMap', mapId ? { mapId } : {}) as PollAnswer;
    s.select(a, 'C5');
    s.wb.calls.reset();
    expect(poll().active).toEqual({ id: id(a), sheetName: a });
    // another map than the wizard's: metadata only, no cell read, no round trip
    expect(s.wb.calls.cellsRead).toBe(0);
    expect(s.wb.calls.roundTrips).toBe(0);
    expect(s.wb.calls.total).toBeLessThanOrEqual(12);
    // the wizard's own map: its header row, one read
    s.wb.calls.reset();
    const names = (s.addon.callFromClient('loadStep', { mapId: id(a) }) as WizardState).view!
      .stages;
    s.wb.calls.reset();
    expect(poll(id(a)).headers).toEqual(names.map((st) => st.name));
    expect(s.wb.calls.roundTrips).toBe(1);
    s.select(b, 'A1');
    expect(poll().active).toEqual({ id: id(b), sheetName: b });
    s.select('Sheet1', 'A1');
    expect(poll().active).toBeNull();
    // a renamed map is named as it is now
    s.wb.spreadsheet.getSheetByName(b)!.setName('Renamed');
    s.select('Renamed', 'A1');
    expect(poll().active).toEqual({ id: id('Renamed'), sheetName: 'Renamed' });
  });

  it('costs the same on a big data sheet and in a workbook of many maps', () => {
    const s = openSpreadsheet('en_US');
    for (let i = 0; i < 8; i++) s.newMap({ segment: `S${i}`, product: 'p' });
    const data = s.wb.spreadsheet.insertSheet('Data');
    data.insertRowsAfter(1000, 30_000);
    s.select('Data', 'A1');
    s.wb.calls.reset();
    expect((s.addon.callFromClient('activeSheetMap', {}) as PollAnswer).active).toBeNull();
    expect(s.wb.calls.cellsRead).toBe(0);
    expect(s.wb.calls.total).toBeLessThanOrEqual(6);
  });

  it('changes its stamp when a menu command changes a map, and not when nothing changed', () => {
    const { s, sheet, mapId, call, poll } = start();
    const opened = call<WizardState>('loadStep', { mapId, step: 'stages' });
    expect(poll().stamp).toBe(opened.stamp);
    s.select(sheet, 'E10');
    s.run('addStage');
    const after = poll();
    expect(after.stamp).not.toBe(opened.stamp);
    // the new stage is in the header row the poll reads, and in the step the wizard reloads
    expect(after.headers).toContain('New stage');
    const reloaded = call<WizardState>('loadStep', { mapId, step: 'stages' });
    expect(reloaded.view?.stages.map((st) => st.name)).toContain('New stage');
    expect(reloaded.stamp).toBe(after.stamp);
    expect(reloaded.view?.headers).toEqual(after.headers);
  });

  it("sees a stage renamed by hand in the header row, which the wizard's view no longer matches", () => {
    const { s, sheet, mapId, call, poll } = start();
    const view = call<WizardState>('loadStep', { mapId, step: 'stages' }).view!;
    expect(poll().headers).toEqual(view.headers);
    s.wb.setCell(sheet, `D${ROW.header}`, 'Curiosity');
    expect(poll().headers).not.toEqual(view.headers);
    expect(poll().headers?.[1]).toBe('Curiosity');
  });

  it("a wizard's own save carries the new stamp, so its poll sees no change but another wizard's does", () => {
    const { mapId, call, poll } = start();
    const before = poll().stamp;
    const goal = call<WizardState>('loadStep', { mapId, step: 'goal' }).view!;
    const saved = call<SaveResult>('saveStep', {
      mapId,
      step: 'goal',
      values: { ...goal.values, 'side.goal': 'More' },
      base: goal.values,
      stages: goal.stages,
      next: 'persona',
    });
    if (!saved.ok) throw new Error('not saved');
    expect(saved.state.stamp).not.toBe(before);
    expect(poll().stamp).toBe(saved.state.stamp);
  });
});
