/**
 * The numbers users type (customers, targets, scores, average check, purchases), in the grid
 * or through the wizard, tracked by sheet, row and place (a stage id, or the map's side): the
 * same number may stand in many cells, so each tracked one claims a cell of its own. After an
 * action each is still at its place, or the user removed it (typed over it, deleted its row,
 * column, sheet or confirmed stage), or it is a violation: `values-misplaced` when it turns
 * up in another cell, `values-lost` when it is nowhere.
 */
import { a1 } from '../../../src/core/map/layout';
import type { FieldRow } from '../../../src/core/wizard/steps';
import { columnOf, placeAt, rowKeyAt, rowOf, SIDE } from './places';
import { cellAt, stageColumns, type Grid } from './scan';

export interface TrackedValue {
  value: number;
  sheetId: number;
  /** null: its label is gone from column A (a user typed over it), so any row */
  row: FieldRow | null;
  /** a stage id or SIDE; null: its stage marker is gone, so any column */
  place: string | null;
  origin: string;
}

/** What the user removed on purpose ('*' = any text, any stage), as the text checks have it. */
export interface Removed {
  sheetId: number;
  text: string;
  stage: string | null;
  /** a formula taken, not a value (FormulaTracker's) */
  formula?: true;
}

export type ValueViolation = 'values-lost' | 'values-misplaced';

const sameNumber = (g: Grid, row: number, col: number, value: number): boolean => {
  const c = cellAt(g, row, col);
  return !c.formula && typeof c.value === 'number' && Math.abs(c.value - value) < 1e-9;
};

export class ValueTracker {
  private tracked: TrackedValue[] = [];

  /** `row` null: a row without a label (under the footer), so any row of its column. */
  track(
    value: number,
    sheetId: number,
    row: FieldRow | null,
    place: string | null,
    origin: string,
  ): void {
    this.tracked.push({ value, sheetId, row, place, origin });
  }

  /** A duplicated sheet carries the values of the original (its stages keep their ids). */
  copied(from: number, to: number, how: string): void {
    for (const t of this.tracked.filter((x) => x.sheetId === from))
      this.tracked.push({ ...t, sheetId: to, origin: `${t.origin}, ${how}` });
  }

  /** A sheet that became a map of its own: its stages have new ids, column for column. */
  restaged(sheetId: number, moved: Map<string, string>): void {
    for (const t of this.tracked)
      if (t.sheetId === sheetId && t.place !== null) t.place = moved.get(t.place) ?? t.place;
  }

  /**
   * After an action: `byUser` when the user did it in the grid (what they move themselves goes
   * where they put it), `removed` what they were entitled to remove.
   */
  check(
    grids: Map<number, Grid>,
    byUser: boolean,
    removed: readonly Removed[],
    report: (kind: ValueViolation, message: string) => void,
  ): void {
    const claimed = new Set<string>();
    const claim = (sheetId: number, row: number, col: number) =>
      claimed.add(`${sheetId}:${row}:${col}`);
    const free = (sheetId: number, row: number, col: number) =>
      !claimed.has(`${sheetId}:${row}:${col}`);
    if (byUser) this.forgetGoneMarkers(grids);
    // The most precisely placed claim their cells first.
    const ordered = [...this.tracked].sort(
      (a, b) =>
        Number(a.place === null) +
        Number(a.row === null) -
        Number(b.place === null) -
        Number(b.row === null),
    );
    const missing: TrackedValue[] = [];
    for (const t of ordered) {
      const g = grids.get(t.sheetId);
      const hit = g
        ? this.cellsOf(g, t).find(([r, c]) => free(t.sheetId, r, c) && sameNumber(g, r, c, t.value))
        : undefined;
      if (hit) claim(t.sheetId, hit[0], hit[1]);
      else missing.push(t);
    }
    const gone = new Set<TrackedValue>();
    for (const t of missing) {
      const g = grids.get(t.sheetId);
      const moved = g ? this.anywhere(g, t.value, free)[0] : undefined;
      if (byUser && g && moved) {
        // The user moved it (a sort, a drag): it is theirs where it is now.
        claim(t.sheetId, moved[0], moved[1]);
        t.row = rowKeyAt(g, moved[0]);
        t.place = placeAt(g, moved[1]);
        continue;
      }
      gone.add(t);
      const entitled = removed.some(
        (e) =>
          e.sheetId === t.sheetId &&
          !e.formula &&
          (e.text === '*' || e.text === String(t.value)) &&
          (e.stage === '*' || e.stage === t.place || (e.stage === null && t.place === SIDE)),
      );
      if (entitled) continue;
      const elsewhere = [...grids.values()].flatMap((other) =>
        this.anywhere(other, t.value, free).map(([r, c]) => `'${other.name}'!${a1(r, c)}`),
      );
      const what = `${t.value} (typed ${t.origin}, row ${t.row ?? '?'}, ${t.place ? `stage ${t.place}` : 'no stage'})`;
      if (elsewhere.length)
        report(
          'values-misplaced',
          `${what} is no longer at its place; it is now in ${elsewhere.slice(0, 3).join(', ')}`,
        );
      else report('values-lost', `${what} is gone${g ? ` from '${g.name}'` : ' with its sheet'}`);
    }
    if (gone.size) this.tracked = this.tracked.filter((t) => !gone.has(t));
  }

  /** A user's own structural edit can take a stage marker away: its values keep their sheet only. */
  private forgetGoneMarkers(grids: Map<number, Grid>): void {
    for (const t of this.tracked) {
      const g = grids.get(t.sheetId);
      if (!g) continue;
      if (t.place !== null && t.place !== SIDE && ![...stageColumns(g).values()].includes(t.place))
        t.place = null;
      if (t.row !== null && rowOf(g, t.row) === null) t.row = null;
    }
  }

  /** The cells a tracked value may be in: its row (or any) crossed with its column (or any). */
  private cellsOf(g: Grid, t: TrackedValue): [number, number][] {
    const row = t.row === null ? null : rowOf(g, t.row);
    if (t.row !== null && row === null) return [];
    const col = t.place === null ? null : columnOf(g, t.place);
    if (t.place !== null && col === null) return [];
    const rows = row !== null ? [row] : g.values.map((_, i) => i + 1);
    const width = Math.max(0, ...g.values.map((l) => l.length));
    const cols = col !== null ? [col] : Array.from({ length: width }, (_, i) => i + 1);
    return rows.flatMap((r) => cols.map((c): [number, number] => [r, c]));
  }

  private anywhere(
    g: Grid,
    value: number,
    free: (sheetId: number, row: number, col: number) => boolean,
  ): [number, number][] {
    const out: [number, number][] = [];
    g.values.forEach((line, r) => {
      line.forEach((_, c) => {
        if (free(g.sheetId, r + 1, c + 1) && sameNumber(g, r + 1, c + 1, value))
          out.push([r + 1, c + 1]);
      });
    });
    return out;
  }
}
