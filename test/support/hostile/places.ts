/**
 * Where a map's data is on a sheet, read the way a user would find it: a row by its label in
 * column A (rows move when a user inserts or deletes some), a stage by the marker its column
 * carries in the footer row, the map's side by column B.
 */
import { LABEL_COL, ROW, ROW_ORDER, SIDE_COL, type RowKey } from '../../../src/core/map/layout';
import { BLOCK_ROW, REVIEW_FIELDS } from '../../../src/core/review/block';
import type { FieldRow } from '../../../src/core/wizard/steps';
import { CATALOGUE, LANGS } from '../../../src/core/words/i18n';
import { stageColumnOf, stageColumns, type Grid } from './scan';

/** The map's side (column B) as a place: stage ids are lower case, so no id is this. */
export const SIDE = 'SIDE';

type Catalogue = (typeof CATALOGUE)['en'];
/** A row of the map, or of its review block under the footer (the goal, its date, the cadence). */
const KEY_OF_LABEL = new Map<string, FieldRow>(
  LANGS.flatMap((l) => [
    ...ROW_ORDER.filter((k) => k !== 'footer').map(
      (k) => [CATALOGUE[l][`row.${k}` as keyof Catalogue], k] as [string, FieldRow],
    ),
    ...REVIEW_FIELDS.map((k) => [CATALOGUE[l][`review.row.${k}`], k] as [string, FieldRow]),
  ]),
);

const homeRow = (key: FieldRow): number =>
  key in BLOCK_ROW ? BLOCK_ROW[key as keyof typeof BLOCK_ROW] : ROW[key as RowKey];

/** The row a row key is on now (1-based), or null when its label is nowhere in column A. */
export function rowOf(g: Grid, key: FieldRow): number | null {
  if (rowKeyAt(g, homeRow(key)) === key) return homeRow(key);
  const i = g.values.findIndex((line) => KEY_OF_LABEL.get(String(line[LABEL_COL - 1])) === key);
  return i < 0 ? null : i + 1;
}

/** The row key a row's label names, or null. */
export function rowKeyAt(g: Grid, row: number): FieldRow | null {
  return KEY_OF_LABEL.get(String(g.values[row - 1]?.[LABEL_COL - 1] ?? '')) ?? null;
}

/** The column of a place (a stage id or SIDE), or null when that stage is not on the sheet. */
export function columnOf(g: Grid, place: string): number | null {
  return place === SIDE ? SIDE_COL : stageColumnOf(g, place);
}

/** The place a column is (SIDE, a stage id, or null for a column that carries no stage). */
export function placeAt(g: Grid, col: number): string | null {
  return col === SIDE_COL ? SIDE : (stageColumns(g).get(col) ?? null);
}
