/**
 * The sidebar's poll of the active map (activeSheetMap): it tells which map the user has open
 * in the grid, from metadata only, so the wizard can follow; it must stay cheap at any size.
 */
import { describe, expect, it } from 'vitest';
import { ROW } from '../../src/core/map/layout';
import { openSpreadsheet } from '../support/addon';

describe("activeSheetMap, the wizard's poll", () => {
  it('names the map on the active sheet, and nothing on any other sheet, reading no cell', () => {
    const s = openSpreadsheet('en_US');
    const a = s.newMap({ segment: 'A', product: 'a' });
    const b = s.newMap({ segment: 'B', product: 'b' });
    const id = (sheet: string) => String(s.wb.value(sheet, `A${ROW.footer}`)).split(' ')[2];
    const poll = () => s.addon.callFromClient('activeSheetMap', {});
    s.select(a, 'C5');
    s.wb.calls.reset();
    expect(poll()).toEqual({ id: id(a), sheetName: a });
    // metadata only: no cell read, no round trip, a handful of calls
    expect(s.wb.calls.cellsRead).toBe(0);
    expect(s.wb.calls.roundTrips).toBe(0);
    expect(s.wb.calls.total).toBeLessThanOrEqual(10);
    s.select(b, 'A1');
    expect(poll()).toEqual({ id: id(b), sheetName: b });
    s.select('Sheet1', 'A1');
    expect(poll()).toBeNull();
    // a renamed map is named as it is now
    s.wb.spreadsheet.getSheetByName(b)!.setName('Renamed');
    s.select('Renamed', 'A1');
    expect(poll()).toEqual({ id: id('Renamed'), sheetName: 'Renamed' });
  });

  it('costs the same on a big data sheet and in a workbook of many maps', () => {
    const s = openSpreadsheet('en_US');
    for (let i = 0; i < 8; i++) s.newMap({ segment: `S${i}`, product: 'p' });
    const data = s.wb.spreadsheet.insertSheet('Data');
    data.insertRowsAfter(1000, 30_000);
    s.select('Data', 'A1');
    s.wb.calls.reset();
    expect(s.addon.callFromClient('activeSheetMap', {})).toBeNull();
    expect(s.wb.calls.cellsRead).toBe(0);
    expect(s.wb.calls.total).toBeLessThanOrEqual(6);
  });
});
