/**
 * The cells a table is imported from, in one read: around one selected cell (100 rows up and down,
 * 45 columns each side), or the selection with the 10 rows above it, at most 300 rows and 80
 * columns; and writing imported rows back as text, never as formulas.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readAroundSelection, writeCells } from '../../../src/sheets/table-source';
import { emulated } from '../emulated';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A spreadsheet whose "Sheet1" is 1000 rows × `cols` columns, with `a1` selected. */
function selecting(a1: string | [number, number], cols = 26, opts = {}) {
  const e = emulated(opts);
  const s = e.sheet();
  if (cols > 26) s.insertColumnsAfter(26, cols - 26);
  (typeof a1 === 'string' ? s.getRange(a1) : s.getRange(a1[0], a1[1])).activate();
  return { ...e, s };
}

const size = (cells: readonly (readonly unknown[])[]) => [cells.length, cells[0]?.length];

describe('reading around one selected cell', () => {
  it('reads the cells up to the sheet edges near the top-left, as text, numbers and ISO dates', () => {
    // evening in New York is the next day in UTC: the date is the spreadsheet's
    const { wb } = selecting('C5', 26, { timeZone: 'America/New_York' });
    wb.setCell('Sheet1', 'B3', 'Stage');
    wb.setCell('Sheet1', 'D4', '42');
    wb.setCell('Sheet1', 'C6', 'TRUE');
    wb.setCell('Sheet1', 'A2', '2026-03-15 21:30');
    wb.calls.reset();
    const { sheetName, window, selection } = readAroundSelection(wb.spreadsheet);
    expect(sheetName).toBe('Sheet1');
    expect([window.row, window.col]).toEqual([1, 1]);
    // rows 1..105 of 1000, all 26 columns
    expect(size(window.cells)).toEqual([105, 26]);
    expect(window.open).toEqual({ top: false, left: false, bottom: true, right: false });
    expect(selection).toEqual({ row: 4, col: 2, rows: 1, cols: 1 });
    expect(window.cells[2]?.[1]).toBe('Stage');
    expect(window.cells[3]?.[3]).toBe(42);
    expect(window.cells[5]?.[2]).toBe('TRUE');
    expect(window.cells[1]?.[0]).toBe('2026-03-15');
    expect(window.cells[0]?.[0]).toBe('');
    expect(wb.calls.snapshot()).toMatchObject({ roundTrips: 1, cellsRead: 105 * 26 });
  });

  it('reads 100 rows up and down and 45 columns each side in the middle of a wide sheet', () => {
    const { wb } = selecting([300, 60], 120);
    wb.setCell('Sheet1', 'O200', 'top-left');
    wb.setCell('Sheet1', 'DA400', 'bottom-right');
    const { window, selection } = readAroundSelection(wb.spreadsheet);
    // rows 200..400, columns O (15)..DA (105)
    expect([window.row, window.col]).toEqual([200, 15]);
    expect(size(window.cells)).toEqual([201, 91]);
    expect(window.cells[0]?.[0]).toBe('top-left');
    expect(window.cells[200]?.[90]).toBe('bottom-right');
    expect(window.open).toEqual({ top: true, left: true, bottom: true, right: true });
    expect(selection).toEqual({ row: 100, col: 45, rows: 1, cols: 1 });
  });

  it('says which edges the sheet goes on past, exactly at 100 rows and 45 columns', () => {
    const open = (row: number, col: number) =>
      readAroundSelection(selecting([row, col], 120).ss).window.open;
    expect(open(101, 46)).toMatchObject({ top: false, left: false });
    expect(open(102, 47)).toMatchObject({ top: true, left: true });
    expect(open(900, 75)).toMatchObject({ bottom: false, right: false });
    expect(open(899, 74)).toMatchObject({ bottom: true, right: true });
  });

  it('stops at the bottom-right edges of the sheet', () => {
    const { ss } = selecting([950, 118], 120);
    const { window, selection } = readAroundSelection(ss);
    // rows 850..1000, columns 73..120
    expect([window.row, window.col]).toEqual([850, 73]);
    expect(size(window.cells)).toEqual([151, 48]);
    expect(window.open).toEqual({ top: true, left: true, bottom: false, right: false });
    expect(selection).toEqual({ row: 100, col: 45, rows: 1, cols: 1 });
  });

  it('reads the active sheet, whichever it is', () => {
    const { wb, ss } = selecting('A1');
    ss.insertSheet('Data');
    const data = ss.getSheetByName('Data');
    data?.getRange('B2').activate();
    wb.setCell('Data', 'B2', 'here');
    const { sheetName, window, selection } = readAroundSelection(ss);
    expect(sheetName).toBe('Data');
    expect(window.cells[selection.row]?.[selection.col]).toBe('here');
  });
});

describe('reading a selection', () => {
  it('reads the selection and the 10 rows above it, where a title sits, edges closed', () => {
    const { wb } = selecting('B20:D25');
    wb.setCell('Sheet1', 'B12', 'Title');
    wb.setCell('Sheet1', 'E22', 'beside');
    wb.calls.reset();
    const { window, selection } = readAroundSelection(wb.spreadsheet);
    expect([window.row, window.col]).toEqual([10, 2]);
    expect(size(window.cells)).toEqual([16, 3]);
    expect(window.cells[2]?.[0]).toBe('Title');
    expect(window.cells.flat()).not.toContain('beside');
    expect(window.open).toEqual({ top: false, left: false, bottom: false, right: false });
    expect(selection).toEqual({ row: 10, col: 0, rows: 6, cols: 3 });
    expect(wb.calls.snapshot()).toMatchObject({ roundTrips: 1, cellsRead: 48 });
  });

  it('reads from the first row when fewer than 10 are above', () => {
    const { ss } = selecting('B3:D5');
    const { window, selection } = readAroundSelection(ss);
    expect([window.row, window.col]).toEqual([1, 2]);
    expect(selection).toEqual({ row: 2, col: 0, rows: 3, cols: 3 });
  });

  it('reads at most 300 rows and 80 columns of it, leaving the rest open', () => {
    const { ss } = selecting('A5:CV400', 100);
    const { window, selection } = readAroundSelection(ss);
    // rows 1..304 (300 from the selection's first), columns A..CB (80)
    expect(size(window.cells)).toEqual([304, 80]);
    expect(window.open).toEqual({ top: false, left: false, bottom: true, right: true });
    expect(selection).toEqual({ row: 4, col: 0, rows: 300, cols: 80 });
  });

  it('reads a selection of exactly 300 rows and 80 columns whole, closed', () => {
    const { ss } = selecting('A5:CB304', 100);
    const { window, selection } = readAroundSelection(ss);
    expect(size(window.cells)).toEqual([304, 80]);
    expect(window.open).toEqual({ top: false, left: false, bottom: false, right: false });
    expect(selection).toEqual({ row: 4, col: 0, rows: 300, cols: 80 });
  });
});

describe('writing imported rows', () => {
  it('writes text as text, numbers as numbers, from the cell given, in one call', () => {
    const { wb, sheet } = emulated();
    const s = sheet();
    wb.calls.reset();
    writeCells(s, 2, 3, [
      ['=SUM(A1:A3)', 5, '+1'],
      ['Queue', '', 'TRUE'],
    ]);
    expect(wb.calls.byName['Range.setValues']).toBe(1);
    expect(wb.values('Sheet1', 'C2:E3')).toEqual([
      ['=SUM(A1:A3)', 5, '+1'],
      ['Queue', '', 'TRUE'],
    ]);
    expect(wb.formula('Sheet1', 'C2')).toBe('');
    expect(wb.value('Sheet1', 'B2')).toBe('');
  });

  it('writes nothing for no rows', () => {
    const { wb, sheet } = emulated();
    const s = sheet();
    wb.calls.reset();
    writeCells(s, 2, 3, []);
    expect(wb.calls.total).toBe(0);
  });
});
