import { describe, expect, it } from 'vitest';
import type { PlanCell } from '../../../../src/core/map/plan';
import { BLOCK_KEYS, isBlockCell, redrawsCell } from '../../../../src/core/review/block';

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
