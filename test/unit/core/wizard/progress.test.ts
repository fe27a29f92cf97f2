import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAST_MAP_KEY, parseProgress, progressKey } from '../../../../src/core/wizard/progress';
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

  it('nothing stored is a fresh start, not damage; a stored text of another shape is damage', () => {
    expect(parseProgress(null)).toEqual({
      progress: { v: 1, step: 'goal', done: [] },
      damaged: false,
    });
    expect(parseProgress('{"v":2,"step":"kpis","done":[]}').damaged).toBe(true);
    expect(parseProgress('{"v":1,"step":"kpis"').damaged).toBe(true);
  });

  it('keeps the keys documents already hold, so saved progress is found after an update', () => {
    expect(progressKey('K7P2QX')).toBe('cjm.wizard.v1.K7P2QX');
    expect(LAST_MAP_KEY).toBe('cjm.wizard.v1.last');
  });
});
