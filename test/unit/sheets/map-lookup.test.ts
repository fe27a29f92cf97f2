/**
 * Finding a map's sheet by its id: through its named cells (CJM_<id>_REVENUE first, then the
 * others), else through the one sheet whose markers row names it; and telling a map's own sheet
 * from a copy, from metadata only.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  findMapSheet,
  mapIdOnSheet,
  originalOf,
  PLAN_MARKER,
  PLAN_TOTAL_MARKER,
  planRangeName,
  planTotalRangeName,
} from '../../../src/sheets/map-lookup';
import { emulated } from '../emulated';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A spreadsheet with the sheets "Map", "Copy" and "Other" besides "Sheet1". */
function spreadsheet() {
  const e = emulated();
  for (const name of ['Map', 'Copy', 'Other']) e.ss.insertSheet(name);
  /** Names the cell `a1` of `sheet` as Sheets' Data → Named ranges does. */
  const name = (rangeName: string, sheet: string, a1 = 'B20') =>
    e.ss.setNamedRange(rangeName, e.sheet(sheet).getRange(a1));
  return { ...e, name };
}

const nameOf = (sheet: GoogleAppsScript.Spreadsheet.Sheet | null) => sheet?.getName() ?? null;

describe("finding a map's sheet by its id", () => {
  it('goes by the named revenue cell, before any other named cell of the map', () => {
    const { ss, name } = spreadsheet();
    name('CJM_K7P2QX_L', 'Other', 'B5');
    name('CJM_K7P2QX_REVENUE', 'Map');
    expect(nameOf(findMapSheet(ss, 'K7P2QX'))).toBe('Map');
  });

  it('goes by any other of its named cells when the revenue name was deleted', () => {
    for (const suffix of ['L', 'C', 'P', 'Q']) {
      const { ss, name } = spreadsheet();
      name(`CJM_K7P2QX_${suffix}`, 'Map');
      expect(nameOf(findMapSheet(ss, 'K7P2QX'))).toBe('Map');
    }
  });

  it('takes the named cells in the order leads, conversion, check, purchases', () => {
    const { ss, name } = spreadsheet();
    name('CJM_K7P2QX_Q', 'Other');
    name('CJM_K7P2QX_P', 'Copy');
    name('CJM_K7P2QX_C', 'Sheet1');
    name('CJM_K7P2QX_L', 'Map');
    expect(nameOf(findMapSheet(ss, 'K7P2QX'))).toBe('Map');
    ss.removeNamedRange('CJM_K7P2QX_L');
    expect(nameOf(findMapSheet(ss, 'K7P2QX'))).toBe('Sheet1');
    ss.removeNamedRange('CJM_K7P2QX_C');
    expect(nameOf(findMapSheet(ss, 'K7P2QX'))).toBe('Copy');
  });

  it('falls back on the one sheet whose markers row names the map, in either language', () => {
    for (const marker of ['CJM map K7P2QX · template v2', 'Карта CJM K7P2QX · шаблон v2']) {
      const { wb, ss } = spreadsheet();
      wb.setCell('Other', 'A40', 'CJM map ZZ99ZZ · template v2');
      wb.setCell('Map', 'A40', marker);
      expect(nameOf(findMapSheet(ss, 'K7P2QX'))).toBe('Map');
    }
  });

  it('takes a sheet whose markers row names the map twice', () => {
    const { wb, ss } = spreadsheet();
    wb.setCell('Map', 'A40', 'CJM map K7P2QX · template v2');
    wb.setCell('Map', 'A80', 'CJM map K7P2QX · template v1');
    expect(nameOf(findMapSheet(ss, 'K7P2QX'))).toBe('Map');
  });

  it('does not guess between a map and its copy, both carrying its markers row', () => {
    const { wb, ss } = spreadsheet();
    wb.setCell('Map', 'A40', 'CJM map K7P2QX · template v2');
    wb.setCell('Copy', 'A40', 'CJM map K7P2QX · template v2');
    expect(findMapSheet(ss, 'K7P2QX')).toBeNull();
  });

  it('finds nothing in a cell that only mentions the marker, or spells it in another case', () => {
    for (const text of [
      'see CJM map K7P2QX · template v2',
      'CJM map K7P2QX · template v2 (old)',
      'cjm map K7P2QX · template v2',
      'CJM map k7p2qx · template v2',
      'CJM map K7P2QX · template v',
    ]) {
      const { wb, ss } = spreadsheet();
      wb.setCell('Map', 'A40', text);
      expect(findMapSheet(ss, 'K7P2QX')).toBeNull();
    }
  });

  it("finds nothing for a map no sheet holds, though other maps' names and markers are there", () => {
    const { wb, ss, name } = spreadsheet();
    name('CJM_ZZ99ZZ_REVENUE', 'Map');
    wb.setCell('Map', 'A40', 'CJM map ZZ99ZZ · template v2');
    expect(findMapSheet(ss, 'K7P2QX')).toBeNull();
  });
});

describe('the id of the map on a sheet', () => {
  it('is read from the named revenue cell on the sheet, without reading a cell', () => {
    const { wb, sheet, name } = spreadsheet();
    name('Budget', 'Map', 'A1');
    name('CJM_K7P2QX_L', 'Map', 'B5');
    name('CJM_K7P2QX_PLAN', 'Map', 'C1');
    name('CJM_K7P2QX_REVENUE', 'Map');
    name('CJM_ZZ99ZZ_REVENUE', 'Other');
    const map = sheet('Map');
    wb.calls.reset();
    expect(mapIdOnSheet(map)).toBe('K7P2QX');
    expect(wb.calls.roundTrips).toBe(0);
  });

  it('is none on a sheet without a named revenue cell (a copy of a map, a plain sheet)', () => {
    const { sheet, name } = spreadsheet();
    name('CJM_K7P2QX_REVENUE', 'Map');
    name('CJM_K7P2QX_L', 'Copy');
    name('cjm_k7p2qx_revenue_old', 'Other');
    expect(mapIdOnSheet(sheet('Copy'))).toBeNull();
    expect(mapIdOnSheet(sheet('Other'))).toBeNull();
    expect(mapIdOnSheet(sheet('Sheet1'))).toBeNull();
  });
});

describe('the original of a copied map', () => {
  it("is the sheet holding the map's named cells when the sheet asked about is a copy", () => {
    const { ss, sheet, name } = spreadsheet();
    name('CJM_K7P2QX_REVENUE', 'Map');
    expect(nameOf(originalOf(ss, sheet('Copy'), 'K7P2QX'))).toBe('Map');
  });

  it("is none for the map's own sheet, or when no sheet holds the map", () => {
    const { ss, sheet, name } = spreadsheet();
    name('CJM_K7P2QX_REVENUE', 'Map');
    expect(originalOf(ss, sheet('Map'), 'K7P2QX')).toBeNull();
    expect(originalOf(ss, sheet('Copy'), 'ZZ99ZZ')).toBeNull();
  });

  it('goes by the revenue name first, then the others in order, costing no round trip', () => {
    const { wb, ss, sheet, name } = spreadsheet();
    name('CJM_K7P2QX_L', 'Copy');
    name('CJM_K7P2QX_Q', 'Other');
    const copy = sheet('Copy');
    wb.calls.reset();
    expect(originalOf(ss, copy, 'K7P2QX')).toBeNull();
    expect(wb.calls.roundTrips).toBe(0);
    name('CJM_K7P2QX_REVENUE', 'Map');
    expect(nameOf(originalOf(ss, copy, 'K7P2QX'))).toBe('Map');
    for (const suffix of ['REVENUE', 'L']) ss.removeNamedRange(`CJM_K7P2QX_${suffix}`);
    expect(nameOf(originalOf(ss, copy, 'K7P2QX'))).toBe('Other');
  });
});

describe("the action plan's named cells", () => {
  it('are named after the map id, and read back only as a whole name', () => {
    expect(planRangeName('K7P2QX')).toBe('CJM_K7P2QX_PLAN');
    expect(planTotalRangeName('K7P2QX')).toBe('CJM_K7P2QX_PLAN_TOTAL');
    expect(PLAN_MARKER.exec('CJM_K7P2QX_PLAN')?.[1]).toBe('K7P2QX');
    expect(PLAN_TOTAL_MARKER.exec('CJM_K7P2QX_PLAN_TOTAL')?.[1]).toBe('K7P2QX');
    for (const other of ['CJM_K7P2QX_PLAN_TOTAL', 'X_CJM_K7P2QX_PLAN', 'CJM__PLAN', 'CJM_k7_PLAN'])
      expect(PLAN_MARKER.test(other)).toBe(false);
    for (const other of ['CJM_K7P2QX_PLAN', 'CJM_K7P2QX_PLAN_TOTAL2', 'X_CJM_K7P2QX_PLAN_TOTAL'])
      expect(PLAN_TOTAL_MARKER.test(other)).toBe(false);
  });
});
