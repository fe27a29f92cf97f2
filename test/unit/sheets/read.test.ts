/**
 * Reading a sheet: its used cells cut to the data, a map's rows and review block, and the map a
 * menu command runs on, recognised in as few reads as its comments promise (a big data sheet is
 * only glanced at).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newStage } from '../../../src/core/map/journey';
import { planMap } from '../../../src/core/map/template';
import { applyPlan } from '../../../src/sheets/apply';
import { englishFormulas, mapCells, readMap, sheetCells, snapshot } from '../../../src/sheets/read';
import { presetJourney } from '../../support/journeys';
import { cost, emulated } from '../emulated';

afterEach(() => {
  vi.unstubAllGlobals();
});

const zone = () => 'Etc/UTC';
const size = (grid: unknown[][]) => [grid.length, grid[0]?.length ?? 0];

describe('sheetCells', () => {
  it('keeps the block up to the last filled row and column, blanks inside kept, in two reads', () => {
    const { wb, sheet } = emulated();
    wb.setCell('Sheet1', 'A1', 'x');
    wb.setCell('Sheet1', 'C2', '5');
    wb.setCell('Sheet1', 'B4', 'y');
    const s = sheet();
    wb.calls.reset();
    const got = sheetCells(s);
    expect(cost(wb).roundTrips).toBe(2);
    expect(got.values).toEqual([
      ['x', '', ''],
      ['', '', 5],
      ['', '', ''],
      ['', 'y', ''],
    ]);
    expect(got.formulas).toEqual([
      ['', '', ''],
      ['', '', ''],
      ['', '', ''],
      ['', '', ''],
    ]);
  });

  it('counts a formula that shows nothing as filled', () => {
    const { wb, sheet } = emulated();
    wb.setCell('Sheet1', 'A1', 'x');
    wb.setCell('Sheet1', 'D3', '=""');
    const got = sheetCells(sheet());
    expect(size(got.values)).toEqual([3, 4]);
    expect(got.formulas[2]).toEqual(['', '', '', '=""']);
    expect(got.values[2]).toEqual(['', '', '', '']);
  });

  it('is empty for an empty sheet', () => {
    const { sheet } = emulated();
    expect(sheetCells(sheet())).toEqual({ values: [], formulas: [] });
  });
});

describe('snapshot', () => {
  it('gives the data range, with its formulas only when asked', () => {
    const { wb, sheet } = emulated();
    wb.setCell('Sheet1', 'A1', '2');
    wb.setCell('Sheet1', 'B2', '=A1*3');
    const s = sheet();
    expect(snapshot(s)).toEqual({
      values: [
        [2, ''],
        ['', 6],
      ],
      formulas: [
        ['', ''],
        ['', '=A1*3'],
      ],
    });
    wb.calls.reset();
    expect(snapshot(s, false)).toEqual({
      values: [
        [2, ''],
        ['', 6],
      ],
      formulas: [],
    });
    expect(cost(wb).byName['Range.getFormulas'] ?? 0).toBe(0);
  });
});

describe('mapCells', () => {
  it("reads the map's rows and its review block (63 rows), every column, in one read", () => {
    const { wb, sheet } = emulated();
    wb.setCell('Sheet1', 'B2', '=1+1');
    wb.setCell('Sheet1', 'Z70', 'far below');
    const s = sheet();
    wb.calls.reset();
    const got = mapCells(s, false);
    expect(cost(wb).roundTrips).toBe(1);
    expect(size(got.values)).toEqual([63, 26]);
    expect(got.formulas).toEqual([]);
    const withFormulas = mapCells(s);
    expect(size(withFormulas.formulas)).toEqual([63, 26]);
    expect(withFormulas.formulas[1]?.[1]).toBe('=1+1');
  });

  it('stops at the last row of a short sheet', () => {
    const { sheet } = emulated();
    const s = sheet();
    s.deleteRows(41, 960);
    expect(size(mapCells(s).values)).toEqual([40, 26]);
  });

  it('gives formulas in English syntax from a sheet that answers in its locale syntax', () => {
    const { wb, sheet } = emulated({ locale: 'ru_RU', formulaSeparators: 'locale' });
    wb.setCell('Sheet1', 'C3', '=SUM(A1;B1)');
    expect(mapCells(sheet()).formulas[2]?.[2]).toBe('=SUM(A1,B1)');
  });
});

describe('englishFormulas', () => {
  it('turns locale syntax into English, and leaves English and undecided grids as they are', () => {
    expect(englishFormulas([['', '=IF(A1;1;2)'], ['=A1']])).toEqual([['', '=IF(A1,1,2)'], ['=A1']]);
    const english = [['=IF(A1,1,2)', '=ROUND(1.5)']];
    expect(englishFormulas(english)).toEqual([['=IF(A1,1,2)', '=ROUND(1.5)']]);
    expect(englishFormulas([['=A1']])).toEqual([['=A1']]);
  });
});

describe('readMap', () => {
  /** A map of `stages` stages laid out on Sheet1, as the add-on writes one. */
  function withMap(stages?: number) {
    const e = emulated();
    const base = presetJourney();
    const journey = stages
      ? {
          ...base,
          stages: Array.from({ length: stages }, (_, i) => newStage(`Stage ${i + 1}`, 'C')),
        }
      : base;
    applyPlan(e.sheet(), planMap(journey, { sheetName: 'Sheet1', locale: 'en_US' }), e.ss, 'comma');
    return e;
  }

  it('says a blank sheet is no map after one read of its rows and review block', () => {
    const { wb, sheet } = emulated();
    const s = sheet();
    wb.calls.reset();
    const got = readMap(s, true, zone);
    expect(cost(wb).roundTrips).toBe(1);
    expect(got.result).toEqual({ ok: false, problem: 'notMap' });
    expect(size(got.snapshot.values)).toEqual([63, 26]);
    expect(got.snapshot.formulas).toEqual([]);
  });

  it("glances at only the map's 53 rows and 18 columns of a big data sheet", () => {
    const { wb, sheet } = emulated();
    const s = sheet();
    s.insertRowsAfter(1000, 1);
    wb.calls.reset();
    const got = readMap(s, true, zone);
    expect(cost(wb).roundTrips).toBe(1);
    expect(got.result).toEqual({ ok: false, problem: 'notMap' });
    expect(size(got.snapshot.values)).toEqual([53, 18]);
  });

  it('recognises a map with its formulas in English, in two reads', () => {
    const { wb, sheet } = withMap();
    const s = sheet();
    wb.calls.reset();
    const got = readMap(s, true, zone);
    expect(cost(wb).roundTrips).toBe(2);
    expect(got.result.ok && got.result.journey.stages.length).toBe(6);
    expect(size(got.snapshot.values)).toEqual([63, 26]);
    expect(size(got.snapshot.formulas)).toEqual([63, 26]);
    expect(got.snapshot.formulas.flat().some((f) => f.startsWith('='))).toBe(true);
    wb.calls.reset();
    const plain = readMap(s, false, zone);
    expect(cost(wb).roundTrips).toBe(1);
    expect(plain.snapshot.formulas).toEqual([]);
    expect(plain.result.ok && plain.result.journey.stages.length).toBe(6);
  });

  it('reads the rest of a big sheet once it shows a map: every stage, its review block', () => {
    const { wb, sheet } = withMap(20);
    const s = sheet();
    s.insertRowsAfter(1000, 1);
    wb.setCell('Sheet1', 'A60', 'block note');
    const got = readMap(s, true, zone);
    expect(got.result.ok && got.result.journey.stages.map((st) => st.name).at(-1)).toBe('Stage 20');
    expect(got.result.ok && got.result.journey.stages.length).toBe(20);
    expect(size(got.snapshot.values)).toEqual([63, 26]);
    expect(got.snapshot.values.every((line) => line.length === 26)).toBe(true);
    expect(got.snapshot.values[59]?.[0]).toBe('block note');
    expect(got.snapshot.values[8]?.[21]).toBe('Stage 20');
    expect(size(got.snapshot.formulas)).toEqual([63, 26]);
  });

  it('reads on past the first look when only the header row or only the footer row goes on', () => {
    for (const cleared of ['R9', 'R53']) {
      const { wb, sheet } = withMap(17);
      const s = sheet();
      s.insertRowsAfter(1000, 1);
      wb.setCell('Sheet1', cleared, '');
      const got = readMap(s, false, zone);
      expect(got.result.ok && got.result.journey.stages.at(-1)?.name).toBe('Stage 17');
    }
  });

  it("reads a big sheet that ends at the first look's last column", () => {
    const { sheet } = withMap(16);
    const s = sheet();
    s.insertRowsAfter(1000, 1);
    s.deleteColumns(19, 8);
    const got = readMap(s, true, zone);
    expect(got.result.ok && got.result.journey.stages.length).toBe(16);
    expect(size(got.snapshot.values)).toEqual([63, 18]);
  });

  it('reads no further column of a big sheet whose map fits the first look', () => {
    const { wb, sheet } = withMap();
    const s = sheet();
    s.insertRowsAfter(1000, 1);
    wb.setCell('Sheet1', 'Z20', 'aside');
    wb.calls.reset();
    const got = readMap(s, false, zone);
    // the first look, then the review block under the map
    expect(cost(wb).roundTrips).toBe(2);
    expect(got.result.ok && got.result.journey.stages.length).toBe(6);
    expect(size(got.snapshot.values)).toEqual([63, 26]);
    expect(got.snapshot.values[19]?.[25]).toBe('');
  });
});
