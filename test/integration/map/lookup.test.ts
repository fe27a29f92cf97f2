/**
 * What the wizard says when it cannot open a map, through the built add-on: the reason found on
 * the sheet (column B deleted by hand, the markers row changed), never "its sheet was deleted" while
 * the sheet is there; a map whose revenue's named range alone was deleted still opens.
 */
import { describe, expect, it } from 'vitest';
import type { WizardState } from '../../../src/contract';
import { ROW } from '../../../src/core/map/layout';
import { openSpreadsheet } from '../../support/addon';

function start(locale = 'en_US') {
  const s = openSpreadsheet(locale);
  const sheet = s.newMap({ name: 'Coffee' });
  const mapId = String(s.wb.value(sheet, `A${ROW.footer}`)).split(' ')[2]!;
  const load = () => s.addon.callFromClient('loadStep', { mapId, step: 'kpis' }) as WizardState;
  return { s, sheet, mapId, load };
}

describe('the reason a map cannot be opened', () => {
  it('column B deleted by hand: the wizard names column B, not a deleted sheet', () => {
    const { s, sheet, load } = start();
    s.wb.deleteColumns(sheet, 'B');
    expect(load).toThrow(
      "column B (the map's name, segment, P and Q) was deleted: column B now holds a stage",
    );
    expect(load).not.toThrow(/sheet was deleted/);
  });

  it('the same in a Russian map, in Russian', () => {
    const { s, sheet, load } = start('ru_RU');
    s.wb.deleteColumns(sheet, 'B');
    expect(load).toThrow(
      'удалён столбец B (название карты, сегмент, P и Q): теперь в столбце B этап',
    );
  });

  it("the revenue's named range deleted by hand: the map still opens in the wizard", () => {
    const { s, mapId, load } = start();
    s.wb.spreadsheet.removeNamedRange(`CJM_${mapId}_REVENUE`);
    expect(load().view?.mapId).toBe(mapId);
  });

  it('every named range of the map deleted: found by its markers row; that row changed too, nothing names the map', () => {
    const { s, sheet, mapId, load } = start();
    for (const suffix of ['REVENUE', 'L', 'C', 'P', 'Q'])
      s.wb.spreadsheet.removeNamedRange(`CJM_${mapId}_${suffix}`);
    // found by its markers row alone: it opens
    expect(load().view?.mapId).toBe(mapId);
    s.wb.setCell(sheet, `A${ROW.footer}`, 'notes');
    // nothing in the spreadsheet names the map any more: only now is it gone
    expect(load).toThrow('This map is no longer in the spreadsheet');
  });

  it('the sheet deleted: the wizard says so', () => {
    const { s, sheet, load } = start();
    s.wb.deleteSheet(sheet);
    expect(load).toThrow('This map is no longer in the spreadsheet (its sheet was deleted)');
  });
});
