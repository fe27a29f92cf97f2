/**
 * A user's merged cells on a map: Sheets refuses a column operation that cuts a merge, so a stage
 * edit through one is refused in words; a wizard save into a cell a merge hides is refused, naming
 * the merged range. Nothing is half done.
 */
import { describe, expect, it } from 'vitest';
import type { WizardState } from '../../../src/contract';
import { ROW } from '../../../src/core/map/layout';
import { openSpreadsheet, type Session } from '../../support/addon';

const look = (s: Session, sheet: string) => {
  const snap = s.wb.snapshot(sheet);
  return { cells: snap.cells.map((c) => [c.a1, c.value, c.formula]), merges: snap.merges };
};

function mergedMap(locale = 'en_US') {
  const s = openSpreadsheet(locale);
  const sheet = s.newMap({ name: 'Coffee' });
  s.wb.setCell(sheet, `C${ROW.customers}`, 1000);
  s.wb.merge(sheet, `C${ROW.customers}:D${ROW.customers}`);
  return { s, sheet };
}

describe('a merge across two stages', () => {
  it.each([
    ['moveStageLeft', 'E'],
    ['moveStageRight', 'C'],
    ['moveStageRight', 'D'],
    ['addStage', 'C'],
  ])(
    '%s on stage %s would cut it: refused in words naming it, the map as it was',
    (command, column) => {
      const { s, sheet } = mergedMap();
      const before = look(s, sheet);
      s.select(sheet, `${column}${ROW.header}`);
      s.run(command);
      expect(s.alerted()).toBe(
        `This cannot be done: the column it would insert, delete or move cuts through the merged cells C${ROW.customers}:D${ROW.customers} of the sheet "Coffee", which Sheets does not allow. Unmerge them (Format → Merge cells → Unmerge), then try again. Nothing was changed.`,
      );
      expect(look(s, sheet)).toEqual(before);
    },
  );

  it('a stage edit away from it goes on, and the merge moves whole with its columns', () => {
    const { s, sheet } = mergedMap();
    s.select(sheet, `F${ROW.header}`);
    s.run('moveStageRight');
    s.select(sheet, `E${ROW.header}`);
    s.run('addStage');
    expect(s.wb.value(sheet, `F${ROW.header}`)).toBe('New stage');
    expect(s.wb.snapshot(sheet).merges).toEqual([`C${ROW.customers}:D${ROW.customers}`]);
  });

  it('a wizard save into the cell it hides is refused naming both; into its top-left cell it is saved', () => {
    const { s, sheet } = mergedMap('ru_RU');
    const mapId = String(s.wb.value(sheet, `A${ROW.footer}`)).split(' ')[2];
    const view = (s.addon.callFromClient('loadStep', { mapId, step: 'kpis' }) as WizardState).view!;
    const save = (values: Record<string, unknown>) =>
      s.addon.callFromClient('saveStep', {
        mapId,
        step: 'kpis',
        values: { ...view.values, ...values },
        base: view.values,
        stages: view.stages,
      });
    const before = look(s, sheet);
    expect(() => save({ 'side.avgCheck': 2000, 'stage.1.customers': 400 })).toThrow(
      `Ничего не сохранено: ячейка D${ROW.customers} скрыта под объединёнными ячейками C${ROW.customers}:D${ROW.customers}`,
    );
    expect(look(s, sheet)).toEqual(before);
    save({ 'side.avgCheck': 2000, 'stage.0.customers': 900 });
    expect(s.wb.value(sheet, `C${ROW.customers}`)).toBe(900);
    expect(s.wb.value(sheet, `B${ROW.avgCheck}`)).toBe(2000);
  });
});
