/**
 * The user's formulas a stage edit would break or change: deleting a stage's column names the
 * cells that would show #REF! and those whose reach the text does not say; moving it names the
 * ranges whose edge is the moved column or its neighbour. The map's own rows and cells are left
 * out, and each cell is named once.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formulasNarrowedByMove, formulasOnColumn } from '../../../src/sheets/removal-formulas';
import { cost, emulated } from '../emulated';

afterEach(() => {
  vi.unstubAllGlobals();
});

const none = () => false;
const sorted = (cells: string[]) => [...cells].sort();

/** A map sheet named `name` (the map's rows are 1–53) and the user's sheets Report and Notes. */
function workbook(name = 'Map') {
  const e = emulated();
  e.wb.renameSheet('Sheet1', name);
  e.ss.insertSheet('Report');
  e.ss.insertSheet('Notes');
  for (const [a1, input] of [
    ['C5', '10'],
    ['D5', '20'],
    ['E5', '30'],
  ] as const)
    e.wb.setCell(name, a1, input);
  return e;
}

describe('formulasOnColumn (deleting D)', () => {
  it('names the cells of other sheets whose reference lies wholly in the column', () => {
    const { wb, ss, sheet } = workbook();
    wb.setCell('Report', 'B2', '=Map!D5');
    wb.setCell('Report', 'E7', '=SUM(Map!C5:E5)');
    wb.setCell('Report', 'A9', '=Map!D5+Map!C5');
    wb.setCell('Report', 'D1', 'Map notes');
    wb.setCell('Report', 'C3', '=Map!C5');
    wb.setCell('Notes', 'C3', '=Map!$D$5*2');
    const got = formulasOnColumn(ss, sheet('Map'), 4, none);
    expect(sorted(got.broken)).toEqual(['Notes!C3', 'Report!A9', 'Report!B2']);
    expect(got.unchecked).toEqual([]);
  });

  it('names apart a formula that reaches cells its text does not name', () => {
    const { wb, ss, sheet } = workbook();
    wb.setCell('Report', 'F4', '=INDIRECT("Map!D5")');
    wb.setCell('Report', 'B8', '=Map!D5');
    const got = formulasOnColumn(ss, sheet('Map'), 4, none);
    expect(got).toEqual({ broken: ['Report!B8'], unchecked: ['Report!F4'] });
  });

  it("searches the map's sheet below the map only, outside the column and the add-on's cells", () => {
    const { wb, ss, sheet } = workbook();
    wb.setCell('Map', 'A10', '=D5'); // a row of the map: the removal redraws it
    wb.setCell('Map', 'B53', '=D5'); // the footer row is still the map's
    wb.setCell('Map', 'B54', '=D5');
    wb.setCell('Map', 'D60', '=D5+1'); // in the column itself: it goes with it
    wb.setCell('Map', 'C61', '=D5*2'); // the add-on's review cell
    wb.setCell('Map', 'F70', '=Map!D5');
    wb.setCell('Map', 'G71', '=SUM(C5:E5)');
    const own = (row: number, col: number) => row === 61 && col === 3;
    const got = formulasOnColumn(ss, sheet('Map'), 4, own);
    expect(sorted(got.broken)).toEqual(['Map!B54', 'Map!F70']);
    expect(got.unchecked).toEqual([]);
  });

  it('names a cell found by both searches once', () => {
    const { wb, ss, sheet } = workbook();
    wb.setCell('Map', 'B60', '=Map!D5+D5');
    expect(formulasOnColumn(ss, sheet('Map'), 4, none).broken).toEqual(['Map!B60']);
  });

  it('finds nothing in a spreadsheet with no formula on the map, in two searches', () => {
    const { wb, ss, sheet } = workbook();
    wb.setCell('Report', 'A1', '=1+2');
    const map = sheet('Map');
    wb.calls.reset();
    expect(formulasOnColumn(ss, map, 4, none)).toEqual({ broken: [], unchecked: [] });
    expect(cost(wb).roundTrips).toBe(2);
  });

  it('reads each sheet with a hit once', () => {
    const { wb, ss, sheet } = workbook();
    wb.setCell('Report', 'B2', '=Map!D5');
    wb.setCell('Report', 'E9', '=Map!D5');
    wb.setCell('Notes', 'A1', '=Map!D5');
    const map = sheet('Map');
    wb.calls.reset();
    expect(sorted(formulasOnColumn(ss, map, 4, none).broken)).toEqual([
      'Notes!A1',
      'Report!B2',
      'Report!E9',
    ]);
    expect(cost(wb).byName['Range.getFormulas']).toBe(2);
  });
});

describe('formulasNarrowedByMove (D moved right, swapping with E)', () => {
  it('names the ranges whose edge is D or E, on any sheet, once each', () => {
    const { wb, ss, sheet } = workbook();
    wb.setCell('Report', 'E7', '=SUM(Map!C5:E5)');
    wb.setCell('Report', 'B2', '=SUM(Map!D5:H5)');
    wb.setCell('Report', 'C3', '=Map!D5'); // a single cell follows its cell
    wb.setCell('Report', 'C4', '=SUM(Map!C5:F5)'); // edges C and F stay
    wb.setCell('Notes', 'A1', '=SUM(Report!D5:E5)'); // not the map's sheet
    wb.setCell('Map', 'A20', '=SUM(D5:E5)'); // the map's own row
    wb.setCell('Map', 'D60', '=SUM(D5:F5)'); // in the moved column, below the map
    wb.setCell('Map', 'B61', '=SUM(E5:G5)'); // the add-on's cell
    wb.setCell('Map', 'H62', '=SUM(A5:E5)');
    wb.setCell('Map', 'B63', '=SUM($D$5:$F$5)');
    const own = (row: number, col: number) => row === 61 && col === 2;
    expect(sorted(formulasNarrowedByMove(ss, sheet('Map'), 4, 1, own))).toEqual([
      'Map!B63',
      'Map!D60',
      'Map!H62',
      'Report!B2',
      'Report!E7',
    ]);
  });

  it('looks at the left neighbour for a move left', () => {
    const { wb, ss, sheet } = workbook();
    wb.setCell('Report', 'A1', '=SUM(Map!C5:C9)'); // only C: no range
    wb.setCell('Report', 'A2', '=SUM(Map!C5:H5)');
    wb.setCell('Report', 'A3', '=SUM(Map!E5:H5)');
    expect(formulasNarrowedByMove(ss, sheet('Map'), 4, -1, none)).toEqual(['Report!A2']);
  });

  it('reads no sheet whose formulas only end in the letters of D or E', () => {
    const { wb, ss, sheet } = workbook();
    wb.setCell('Report', 'A1', '=SUM(Map!C5:E5)');
    wb.setCell('Notes', 'A1', '=SUM(AD5:AE9)');
    const map = sheet('Map');
    wb.calls.reset();
    expect(formulasNarrowedByMove(ss, map, 4, 1, none)).toEqual(['Report!A1']);
    expect(cost(wb).byName['Range.getFormulas']).toBe(1);
  });

  it("finds a map whose name holds a search pattern's characters, in one search", () => {
    const { wb, ss, sheet } = workbook('Plan (v2');
    wb.setCell('Report', 'A1', "=SUM('Plan (v2'!C5:E5)");
    const map = sheet('Plan (v2');
    wb.calls.reset();
    expect(formulasNarrowedByMove(ss, map, 4, 1, none)).toEqual(['Report!A1']);
    expect(cost(wb).byName['TextFinder.findAll']).toBe(1);
  });
});
