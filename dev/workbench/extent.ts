/**
 * How much of a sheet the page draws: what holds content plus room to type (20 rows, 3
 * columns, at least 50 × 12), and the cells under every chart. Shared by the page and the
 * server, so conditional formats are computed for exactly the cells drawn.
 */
import type { ChartView, SheetSnapshot } from './protocol';

export const DEFAULT_WIDTH = 100;
export const DEFAULT_HEIGHT = 21;

export function drawnSize(
  snap: SheetSnapshot,
  charts: readonly ChartView[],
): { rows: number; cols: number } {
  const lastRow = snap.cells.reduce((m, c) => Math.max(m, c.row), 0);
  const lastCol = snap.cells.reduce(
    (m, c) => (c.value === '' && !c.formula ? m : Math.max(m, c.col)),
    0,
  );
  let rows = Math.max(lastRow + 20, 50);
  let cols = Math.max(lastCol + 3, 12);
  for (const chart of charts) {
    rows = Math.max(
      rows,
      chart.anchor.row + Math.ceil((chart.anchor.offsetY + chart.height) / DEFAULT_HEIGHT) + 2,
    );
    let width = chart.anchor.offsetX + chart.width;
    let col = chart.anchor.col;
    while (width > 0) width -= snap.colWidths[col++] ?? DEFAULT_WIDTH;
    cols = Math.max(cols, col + 1);
  }
  return { rows: Math.min(snap.maxRows, rows), cols: Math.min(snap.maxCols, cols) };
}
