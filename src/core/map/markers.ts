/**
 * Stage markers a write adds to stages that have none (a map from before markers, a column a
 * user inserted and named, markers a sort moved out of the footer row). Pure: `server` writes
 * what this returns.
 */
import { isMarked, type Journey } from './journey';
import { ROW, stageCol, stageMarker } from './layout';
import { stageColumnsIn, toCellData } from './read-map';

export interface MarkerWrite {
  row: number;
  col: number;
  marker: string;
}

/**
 * The markers for the unmarked stages whose footer cell is empty (a user's text there stays).
 * The stages run to the last marker, so marking some stages but not a later one would leave
 * that one right of the map, read as notes: then nothing is marked, and the stages are still
 * found as they are now (by their names) until the cell is free.
 */
export function missingMarkers(
  j: Journey,
  values: readonly (readonly unknown[])[],
  newId: () => string,
): MarkerWrite[] {
  const footer = values[ROW.footer - 1] ?? [];
  const writes = j.stages.flatMap((s, i) => {
    const col = stageCol(i);
    return isMarked(s) || toCellData(footer[col - 1]) !== ''
      ? []
      : [{ row: ROW.footer, col, marker: stageMarker(newId(), j.lang) }];
  });
  if (!writes.length) return [];
  const marked = [...footer];
  for (const w of writes) marked[w.col - 1] = w.marker;
  const after = values.map((line, r) => (r === ROW.footer - 1 ? marked : line));
  return stageColumnsIn(after)?.length === j.stages.length ? writes : [];
}
