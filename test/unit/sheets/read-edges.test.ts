/**
 * Reading a map that is damaged (a row label changed, rows deleted) or on a big sheet: the
 * add-on still reads its formulas, never fails on a sheet shorter than the map, and gives the
 * formulas of the review block under a map that fits the first look.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { planMap } from '../../../src/core/map/template';
import { applyPlan } from '../../../src/sheets/apply';
import { readMap } from '../../../src/sheets/read';
import { presetJourney } from '../../support/journeys';
import { cost, emulated } from '../emulated';

afterEach(() => {
  vi.unstubAllGlobals();
});

const zone = () => 'Etc/UTC';
const size = (grid: unknown[][]) => [grid.length, grid[0]?.length ?? 0];

/** The preset 6-stage map laid out on Sheet1, as the add-on writes one. */
function withMap() {
  const e = emulated();
  applyPlan(
    e.sheet(),
    planMap(presetJourney(), { sheetName: 'Sheet1', locale: 'en_US' }),
    e.ss,
    'comma',
  );
  return e;
}

describe('readMap on a damaged map', () => {
  it('reads the formulas of a map whose row label was typed over, in two reads', () => {
    const { wb, sheet } = withMap();
    wb.setCell('Sheet1', 'A12', 'my own label');
    wb.setCell('Sheet1', 'Z30', '=1+1');
    const s = sheet();
    wb.calls.reset();
    const got = readMap(s, true, zone);
    expect(got.result.ok ? 'ok' : got.result.problem).toBe('damaged');
    expect(cost(wb).roundTrips).toBe(2);
    expect(size(got.snapshot.formulas)).toEqual([63, 26]);
    expect(got.snapshot.formulas[29]?.[25]).toBe('=1+1');
  });

  it('says a map cut short by deleted rows is damaged, reading the 40 rows left', () => {
    const { sheet } = withMap();
    const s = sheet();
    s.deleteRows(41, 960);
    const got = readMap(s, true, zone);
    expect(got.result.ok ? 'ok' : got.result.problem).toBe('damaged');
    expect(size(got.snapshot.values)).toEqual([40, 26]);
    expect(size(got.snapshot.formulas)).toEqual([40, 26]);
  });
});

describe('readMap on a big sheet whose map fits the first look', () => {
  it('gives the formulas of every column of the map and its review block', () => {
    const { wb, sheet } = withMap();
    const s = sheet();
    s.insertRowsAfter(1000, 1);
    wb.setCell('Sheet1', 'Z60', '=2*3');
    wb.setCell('Sheet1', 'X20', '=4+4');
    const got = readMap(s, true, zone);
    expect(got.result.ok && got.result.journey.stages.length).toBe(6);
    expect(size(got.snapshot.formulas)).toEqual([63, 26]);
    expect(got.snapshot.formulas[59]?.[25]).toBe('=2*3');
    expect(got.snapshot.formulas[19]?.[23]).toBe('=4+4');
  });
});
