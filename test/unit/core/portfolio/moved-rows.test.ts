import { describe, expect, it } from 'vitest';
import { moveUserCells } from '../../../../src/core/portfolio/moved-rows';

describe("a map's row moved by a rebuild takes the user's cells with it", () => {
  it('formulas keep referring to its row; values, and text that looks like a formula, stay as they were', () => {
    const cells = [
      { kept: 'B — b checked', formula: '=B4&" checked"' },
      { kept: '=B4', formula: '' },
      { kept: 42 },
      { kept: 7, formula: '=$B$4+Notes!B4' },
    ];
    const moved = moveUserCells(cells, { from: 4, to: 6, col: 17, on: 'Portfolio' });
    expect(moved.cells).toEqual([
      { kept: 'B — b checked', formula: '=B6&" checked"' },
      { kept: '=B4', formula: '' },
      { kept: 42 },
      { kept: 7, formula: '=$B$4+Notes!B4' },
    ]);
    expect(moved.unmoved).toEqual([]);
  });

  it('a formula it cannot move safely is kept as typed and named where it now stands', () => {
    const cells = [{ kept: 1 }, { kept: 2, formula: '=INDIRECT("B4")' }];
    const moved = moveUserCells(cells, { from: 4, to: 5, col: 17, on: 'Portfolio' });
    expect(moved.cells[1]).toEqual({ kept: 2, formula: '=INDIRECT("B4")' });
    expect(moved.unmoved).toEqual(['R5']);
  });
});
