/**
 * The user's cells of a portfolio row that a rebuild moves with its map, when the maps are ranked
 * anew. Values go as they were. A user's formula keeps referring to its map's row: its relative
 * rows move with it, as Sheets moves a formula with a sorted row (shiftRows). One that cannot be
 * moved safely is written as typed and named, so the notice asks the user to check it rather than
 * let it point at another map's row unsaid.
 */
import { a1 } from '../map/layout';
import { shiftRows } from '../map/outside-formulas';
import type { WriteCell } from '../map/plan';

export interface MovedCells {
  cells: WriteCell[];
  /** the cells (A1, where they are now) whose formula was kept as typed though its row moved */
  unmoved: string[];
}

/**
 * A row's user cells moved from sheet row `from` to `to` on the sheet `on`, the first of them in
 * column `col` there.
 */
export function moveUserCells(
  cells: readonly WriteCell[],
  { from, to, col, on }: { from: number; to: number; col: number; on: string },
): MovedCells {
  const unmoved: string[] = [];
  const moved = cells.map((cell, i): WriteCell => {
    if (!('kept' in cell) || !cell.formula) return cell;
    const formula = shiftRows(cell.formula, on, to - from);
    if (formula !== null) return { ...cell, formula };
    unmoved.push(a1(to, col + i));
    return cell;
  });
  return { cells: moved, unmoved };
}
