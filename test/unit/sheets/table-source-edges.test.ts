/**
 * Importing from a selection one row high or one column wide: it is a table's selection (the
 * selection with the 10 rows above it), not a single cell to look around.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readAroundSelection } from '../../../src/sheets/table-source';
import { emulated } from '../emulated';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('reading a selection of one row or one column', () => {
  it('reads a one-row selection with the 10 rows above it, not the cells around it', () => {
    const { wb, ss, sheet } = emulated();
    sheet().getRange('B20:D20').activate();
    wb.setCell('Sheet1', 'B12', 'Title');
    wb.setCell('Sheet1', 'A20', 'left of it');
    const { window, selection } = readAroundSelection(ss);
    // rows 10..20, columns B..D
    expect([window.row, window.col]).toEqual([10, 2]);
    expect([window.cells.length, window.cells[0]?.length]).toEqual([11, 3]);
    expect(window.cells[2]?.[0]).toBe('Title');
    expect(window.cells.flat()).not.toContain('left of it');
    expect(window.open).toEqual({ top: false, left: false, bottom: false, right: false });
    expect(selection).toEqual({ row: 10, col: 0, rows: 1, cols: 3 });
  });

  it('reads a one-column selection with the 10 rows above it, not the cells around it', () => {
    const { ss, sheet } = emulated();
    sheet().getRange('B20:B25').activate();
    const { window, selection } = readAroundSelection(ss);
    // rows 10..25, column B only
    expect([window.row, window.col]).toEqual([10, 2]);
    expect([window.cells.length, window.cells[0]?.length]).toEqual([16, 1]);
    expect(window.open).toEqual({ top: false, left: false, bottom: false, right: false });
    expect(selection).toEqual({ row: 10, col: 0, rows: 6, cols: 1 });
  });
});
