/**
 * What the add-on costs in Apps Script, counted by the emulator's cost model
 * (emulator/cost.ts):
 * service calls, round trips (reads, structural changes and write-cache flushes), cells read, and
 * custom-function executions (each custom-function cell is one server execution in Sheets).
 */
import { describe, expect, it } from 'vitest';
import type { WizardState } from '../../src/contract';
import { ROW } from '../../src/core/map/layout';
import { openSpreadsheet } from '../support/addon';

const stages = (n: number) => ({
  preset: 'custom' as const,
  stages: Array.from({ length: n }, (_, i) => `Stage ${i + 1}`),
});

describe('the cost of the add-on in Apps Script', () => {
  it.each([6, 30])('creating a map of %i stages: at most 3 round trips and 28 calls', (n) => {
    const s = openSpreadsheet();
    s.wb.calls.reset();
    s.newMap({ name: 'Big', ...stages(n) });
    expect(s.wb.calls.roundTrips).toBeLessThanOrEqual(3);
    // 25, the maps' change stamp the open wizards poll (a document property, no round trip), and
    // the spreadsheet's locale now (metadata: the form's may be stale)
    expect(s.wb.calls.total).toBeLessThanOrEqual(28);
  });

  // A command that changes a sheet first asks whether a colleague protected what it will change
  // (Range.canEdit, one read before the first write: src/sheets/protections.ts); without it Sheets
  // refuses the write with its raw message and the command is half done.
  it.each([6, 30])(
    'adding a stage to a map of %i stages: at most 5 round trips (the map, the protection check, the insert, the formulas, the flush), 39 calls and 5 custom-function executions',
    (n) => {
      const s = openSpreadsheet();
      const sheet = s.newMap({ name: 'Big', ...stages(n) });
      s.select(sheet, 'D12');
      s.wb.calls.reset();
      s.run('addStage');
      expect(s.wb.value(sheet, `E${ROW.header}`)).toBe('New stage');
      expect(s.wb.calls.roundTrips).toBeLessThanOrEqual(5);
      // 25, the protection check over the sheet (its size, the range, canEdit), the selection put
      // on the new stage's name (a cached write: no round trip), whether the stages beside it are
      // hidden (three columns' metadata, for the note on hidden stages: no round trip), the check
      // that the sheet is the map's own and not a copy (4 metadata calls, no round trip), and the
      // maps' change stamp (a document property, no round trip)
      expect(s.wb.calls.total).toBeLessThanOrEqual(39);
      expect(s.wb.calls.customFunctionExecutions).toBeLessThanOrEqual(5);
    },
  );

  it('adding a stage to a reviewed map: one round trip more, the history read to draw the review block again', () => {
    const s = openSpreadsheet();
    const sheet = s.newMap({ name: 'Reviewed' });
    s.wb.ui.answer({ button: 'OK', text: '' });
    s.run('recordReview');
    s.select(sheet, 'D12');
    s.wb.calls.reset();
    s.run('addStage');
    expect(s.wb.value(sheet, `E${ROW.header}`)).toBe('New stage');
    expect(s.wb.calls.roundTrips).toBeLessThanOrEqual(6);
    expect(s.wb.calls.roundTripsByName['Range.getValues']).toBe(2);
  });

  // A save also reads the merges around its cells: a value written under a user's merge would be
  // saved out of sight (src/sheets/merges.ts).
  it('saving a wizard step: at most 4 round trips (the map, the protection check, the merges, the flush) and 28 calls, and the revenue it shows is computed, not read back', () => {
    const s = openSpreadsheet();
    const sheet = s.newMap({ name: 'Coffee' });
    const mapId = String(s.wb.value(sheet, `A${ROW.footer}`)).split(' ')[2];
    const view = (s.addon.callFromClient('loadStep', { mapId, step: 'kpis' }) as WizardState).view!;
    const values = {
      ...view.values,
      'side.avgCheck': 2000,
      'side.purchases': 1.5,
      'stage.0.customers': 1000,
      'stage.2.customers': 100,
    };
    s.wb.calls.reset();
    const saved = s.addon.callFromClient('saveStep', {
      mapId,
      step: 'kpis',
      values,
      base: view.values,
      stages: view.stages,
    }) as { ok: true; state: WizardState };
    expect(s.wb.calls.roundTrips).toBeLessThanOrEqual(4);
    expect(s.wb.calls.total).toBeLessThanOrEqual(28);
    // 1000 leads × 10% × 2000 × 1.5: what the sheet will show once its formulas have run
    expect(saved.state.view?.metrics.revenue).toBeCloseTo(300_000, 6);
    expect(s.wb.value(sheet, `B${ROW.revenue}`)).toBeCloseTo(300_000, 6);
  });

  // (past 17 stages the 26 columns of a new sheet leave no room right of the map: the columns the
  // charts need are added, one structural round trip more; look.test.ts)
  it.each([6, 17])(
    'inserting the charts (Present) on a map of %i stages: 4 round trips (the map, the protection check, the chart list, the flush) and at most 39 calls',
    (n) => {
      const s = openSpreadsheet();
      const sheet = s.newMap({ name: 'Charts', ...stages(n) });
      const mapId = String(s.wb.value(sheet, `A${ROW.footer}`)).split(' ')[2];
      s.wb.calls.reset();
      s.addon.callFromClient('insertCharts', { mapId });
      expect(s.wb.calls.roundTrips).toBe(4);
      expect(s.wb.calls.total).toBeLessThanOrEqual(39);
    },
  );

  it("a menu command on a big data sheet (past a new sheet's 1,000 rows, 26 columns) reads at most 1,000 cells and says it is not a map", () => {
    const s = openSpreadsheet();
    const data = s.wb.spreadsheet.insertSheet('Data');
    data.insertRowsAfter(1000, 9_000);
    data.getRange(1, 1, 10_000, 1).setValue('x');
    data.getRange(1, 26).setValue('last column');
    s.select('Data', 'C5');
    s.wb.calls.reset();
    s.run('addStage');
    expect(s.wb.calls.cellsRead).toBeLessThanOrEqual(1000);
    expect(s.wb.ui.requests.at(-1)?.request.prompt).toMatch(/not a CJM map/);
  });
});
