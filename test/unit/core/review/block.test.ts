import { describe, expect, it } from 'vitest';
import type { PlanCell } from '../../../../src/core/map/plan';
import {
  BLOCK_FIRST_ROW,
  BLOCK_KEYS,
  BLOCK_LAST_ROW,
  BLOCK_ROW,
  blockMarker,
  blockRowsFree,
  isBlockCell,
  isBlockMarker,
  movedBlockRow,
  readBlock,
  redrawsCell,
} from '../../../../src/core/review/block';
import { t, type Lang } from '../../../../src/core/words/i18n';

const ours: PlanCell = { value: '', owner: 'template', style: 'plain', numberFormat: '@' };
const users: PlanCell = { ...ours, owner: 'user' };
const row = (key: (typeof BLOCK_KEYS)[number]) => BLOCK_KEYS.indexOf(key);
// within the block: column A is 0, B is 1, the first stage (C) is 2
const stage = (i: number) => 2 + i;

describe('the review block after a stage edit', () => {
  it('draws its labels and column B again, never the goal, its date or the cadence', () => {
    const never = () => {
      throw new Error('a cell outside the stages asks where no stage was');
    };
    expect(redrawsCell(ours, row('goalNeeds'), 1, never)).toBe(true);
    expect(redrawsCell(ours, row('trend'), 0, never)).toBe(true);
    expect(redrawsCell(users, row('revenueGoal'), 1, never)).toBe(false);
  });

  it('draws a stage’s trend for the new order where it was ours, and clears it where the stage is now the first', () => {
    const was =
      (index: number | null, blank = false) =>
      () => ({ index, blank });
    // the stage at index 1 now was at 2: ours before and now
    expect(redrawsCell(ours, row('trendChange'), stage(1), was(2))).toBe(true);
    // now the first (the plan leaves the cell blank, the user's): our formula there is cleared
    expect(redrawsCell(users, row('trend'), stage(0), was(1))).toBe(true);
    // the first before, second now: a note the user typed stays; a blank cell gets the trend
    expect(redrawsCell(ours, row('trendAlert'), stage(1), was(0))).toBe(false);
    expect(redrawsCell(ours, row('trendAlert'), stage(1), was(0, true))).toBe(true);
    // first before and now (another stage moved): the user's
    expect(redrawsCell(users, row('trend'), stage(0), was(0, true))).toBe(false);
    // a stage just added: its column is new
    expect(redrawsCell(ours, row('trend'), stage(3), was(null, true))).toBe(true);
    expect(redrawsCell(users, row('trend'), stage(0), was(null, true))).toBe(false);
    // the goal rows beside the stages are the user's whatever moved
    expect(redrawsCell(users, row('goalDate'), stage(2), was(3))).toBe(false);
  });

  it('counts as its own, under the footer, what it draws: not the inputs, the first stage’s trend, nor right of the stages', () => {
    const first = 55; // the block's first row: the footer (53), one blank row
    expect(isBlockCell(first + row('goalNeeds'), 2, 3)).toBe(true);
    expect(isBlockCell(first + row('goalNeeds'), 1, 3)).toBe(true);
    // stages in C, D, E
    expect(isBlockCell(first + row('trend'), 5, 3)).toBe(true);
    expect(isBlockCell(first + row('trend'), 3, 3)).toBe(false);
    expect(isBlockCell(first + row('trend'), 6, 3)).toBe(false);
    expect(isBlockCell(first + row('revenueGoal'), 2, 3)).toBe(false);
    expect(isBlockCell(first + row('cadence'), 4, 3)).toBe(false);
    expect(isBlockCell(first - 1, 2, 3)).toBe(false);
    expect(isBlockCell(first + BLOCK_KEYS.length, 2, 3)).toBe(false);
  });
});

/** A map's values down to the block: each key's label in A and, for the section, the marker in B. */
function sheetValues(lang: Lang, over: (values: unknown[][]) => void = () => {}): unknown[][] {
  const values: unknown[][] = Array.from({ length: BLOCK_LAST_ROW }, () => ['', '', '']);
  BLOCK_KEYS.forEach((key, i) => {
    const row = values[BLOCK_FIRST_ROW - 1 + i] as unknown[];
    row[0] = key === 'reviewSection' ? t(lang, 'review.section') : t(lang, `review.row.${key}`);
  });
  (values[BLOCK_ROW.reviewSection - 1] as unknown[])[1] = blockMarker(lang);
  over(values);
  return values;
}
const put = (values: unknown[][], row: number, col: number, v: unknown) => {
  (values[row - 1] as unknown[])[col - 1] = v;
};

describe("the review block's inputs read from the map", () => {
  it('the goal, its date and the cadence, where the marker says the block is', () => {
    let asked = 0;
    const zone = () => {
      asked++;
      return 'UTC';
    };
    const values = sheetValues('en', (v) => {
      put(v, BLOCK_ROW.revenueGoal, 2, 500000);
      put(v, BLOCK_ROW.goalDate, 2, '2026-12-31');
      put(v, BLOCK_ROW.cadence, 2, 'quarter');
    });
    expect(readBlock(values, zone)).toEqual({
      present: true,
      fields: { revenueGoal: 500000, goalDate: '2026-12-31', cadence: 'quarter' },
    });
    // the time zone is asked for a date only
    expect(asked).toBe(0);
    put(values, BLOCK_ROW.goalDate, 2, new Date(Date.UTC(2026, 11, 31, 12)));
    expect(readBlock(values, zone).fields.goalDate).toBe('2026-12-31');
    expect(asked).toBe(1);
  });

  it('no block without its marker (either language, spaces aside) in its place', () => {
    expect(
      readBlock(sheetValues('ru', (v) => put(v, BLOCK_ROW.reviewSection, 2, ' CJM обзоры '))),
    ).toMatchObject({ present: true });
    expect(
      readBlock(sheetValues('en', (v) => put(v, BLOCK_ROW.reviewSection, 2, 'CJM review'))),
    ).toEqual({
      present: false,
      fields: { revenueGoal: '', goalDate: '', cadence: '' },
    });
    expect(readBlock([])).toMatchObject({ present: false });
    expect([isBlockMarker('CJM reviews'), isBlockMarker(null)]).toEqual([true, false]);
  });
});

describe('a block that is no longer where the add-on wrote it', () => {
  it('none while the marker and every input label are in their rows, in either language', () => {
    expect(movedBlockRow(sheetValues('en'))).toBeNull();
    expect(movedBlockRow(sheetValues('ru'))).toBeNull();
    expect(movedBlockRow([])).toBeNull();
  });

  it('the row its marker moved to, when rows were inserted above it', () => {
    const values = sheetValues('en');
    values.splice(BLOCK_FIRST_ROW - 1, 0, ['', '', ''], ['', '', '']);
    expect(movedBlockRow(values)).toBe(BLOCK_ROW.reviewSection + 2);
  });

  it('the row of an input whose label is not beside it', () => {
    const values = sheetValues('en', (v) => put(v, BLOCK_ROW.cadence, 1, 'My note'));
    expect(movedBlockRow(values)).toBe(BLOCK_ROW.cadence);
  });

  it("the goal's row, when the marker's row was deleted", () => {
    const values = sheetValues('ru');
    values.splice(BLOCK_ROW.reviewSection - 1, 1);
    expect(movedBlockRow(values)).toBe(BLOCK_ROW.revenueGoal - 1);
  });

  it('the rows a new block would take are free until something is typed there', () => {
    const empty: unknown[][] = Array.from({ length: BLOCK_LAST_ROW + 3 }, () => ['', '']);
    expect(blockRowsFree(empty)).toBe(true);
    empty[BLOCK_LAST_ROW] = ['below the block'];
    expect(blockRowsFree(empty)).toBe(true);
    empty[BLOCK_LAST_ROW - 1] = ['', 'typed'];
    expect(blockRowsFree(empty)).toBe(false);
  });
});
