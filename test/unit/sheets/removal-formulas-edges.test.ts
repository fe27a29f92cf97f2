/**
 * The user's formulas a stage edit would break, found far down and right on a sheet: the one
 * read of a sheet with a hit covers just the cells found, inside the sheet.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formulasNarrowedByMove, formulasOnColumn } from '../../../src/sheets/removal-formulas';
import { emulated } from '../emulated';

afterEach(() => {
  vi.unstubAllGlobals();
});

const none = () => false;

/** A map sheet "Map" and the user's sheet "Report" (1000 rows × 26 columns). */
function workbook() {
  const e = emulated();
  e.wb.renameSheet('Sheet1', 'Map');
  e.ss.insertSheet('Report');
  e.wb.setCell('Map', 'D5', '20');
  return e;
}

describe('a formula near the bottom-right corner of another sheet', () => {
  it('is named as broken by deleting the column it refers to', () => {
    const { wb, ss, sheet } = workbook();
    wb.setCell('Report', 'Z900', '=Map!D5*2');
    expect(formulasOnColumn(ss, sheet('Map'), 4, none)).toEqual({
      broken: ['Report!Z900'],
      unchecked: [],
    });
  });

  it('is named as changed by moving the column at the edge of its range', () => {
    const { wb, ss, sheet } = workbook();
    wb.setCell('Report', 'Y950', '=SUM(Map!C5:D5)');
    expect(formulasNarrowedByMove(ss, sheet('Map'), 4, 1, none)).toEqual(['Report!Y950']);
  });
});
