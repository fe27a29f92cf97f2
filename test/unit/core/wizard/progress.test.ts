import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseProgress } from '../../../../src/core/wizard/progress';
import { STEP_IDS } from '../../../../src/core/wizard/steps';

describe('stored wizard progress', () => {
  it('never throws on whatever is stored, and says when it had to reset', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.constant('{"v":1,"step":"kpis","done":["goal","goal"]}'),
        ),
        (raw) => {
          const { progress, damaged } = parseProgress(raw);
          expect(STEP_IDS).toContain(progress.step);
          if (damaged) expect(progress).toEqual({ v: 1, step: 'goal', done: [] });
        },
      ),
    );
    expect(parseProgress('{"v":1,"step":"kpis","done":["goal","goal"]}')).toEqual({
      progress: { v: 1, step: 'kpis', done: ['goal'] },
      damaged: false,
    });
  });
});
