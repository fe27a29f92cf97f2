/**
 * The sidebar's poll (activeSheetMap) on an emulated spreadsheet: the map on the active sheet,
 * the maps' change stamp, and the stage headers of the wizard's own map only.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { activeSheetMap, createMapAndOpen } from '../../../src/server/wizard';
import { mapForm } from './fixtures';
import { withMap } from './wizard-map';

afterEach(() => {
  vi.unstubAllGlobals();
});

const STAGES = [
  'Initial consideration',
  'Active evaluation',
  'Purchase',
  'Experience',
  'Trigger',
  'Loyalty',
];

describe('activeSheetMap', () => {
  it('names the map on the active sheet and its headers when it is the wizard’s own map', () => {
    const m = withMap();
    m.map.activate();
    expect(activeSheetMap({ mapId: m.mapId })).toEqual({
      active: { id: m.mapId, sheetName: 'Office workers — Coffee beans' },
      stamp: m.stamp(),
      headers: STAGES,
    });
  });

  it('shows a stage renamed by hand in the grid', () => {
    const m = withMap();
    m.map.activate();
    m.wb.setCell(m.name, 'E9', 'Checkout');
    expect(activeSheetMap({ mapId: m.mapId }).headers?.[2]).toBe('Checkout');
  });

  it('sends no headers for a map the wizard is not on, or when the sidebar names none', () => {
    const m = withMap();
    const tea = createMapAndOpen(mapForm('en_US', { segment: 'Students', product: 'Tea' }));
    if (!tea.ok) throw new Error('no second map');
    m.map.activate();
    expect(activeSheetMap({ mapId: tea.mapId })).toEqual({
      active: { id: m.mapId, sheetName: 'Office workers — Coffee beans' },
      stamp: m.stamp(),
      headers: null,
    });
    expect(activeSheetMap({}).headers).toBeNull();
  });

  it('says no map is active on a sheet that holds none', () => {
    const m = withMap();
    m.ss.insertSheet('Notes').activate();
    expect(activeSheetMap({ mapId: m.mapId })).toEqual({
      active: null,
      stamp: m.stamp(),
      headers: null,
    });
  });

  it('answers the stamp the last change of a map left', () => {
    const m = withMap();
    m.wb.properties.document.data.set('cjm.maps.changed', 'abc.123');
    expect(activeSheetMap({}).stamp).toBe('abc.123');
  });

  it('records where the sidebar moved without a call, so a reopened wizard opens there', () => {
    const m = withMap();
    m.load('goal');
    activeSheetMap({ mapId: m.mapId, seen: { mapId: m.mapId, step: 'kpis', done: ['goal'] } });
    expect(m.progress()).toBe('{"v":1,"step":"kpis","done":["goal"]}');
  });
});
