import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChange } from '../../../../src/core/funnel/change';
import { rankActions } from '../../../../src/core/wizard/action-plan';
import { parseProgress } from '../../../../src/core/wizard/progress';
import { checkStepValues, stepChanges } from '../../../../src/core/wizard/step-values';
import { STEP_IDS, stepFieldIds } from '../../../../src/core/wizard/steps';
import { journeyArb, presetJourney } from '../../../support/journeys';

describe('expected changes of an action', () => {
  it.each([
    ['+10%', { kind: 'relative', percent: 10 }],
    ['-5 %', { kind: 'relative', percent: -5 }],
    ['+2 pp', { kind: 'points', points: 2 }],
    ['+1,5 п.п.', { kind: 'points', points: 1.5 }],
  ])('reads %j', (text, change) => {
    expect(parseChange(text)).toEqual(change);
  });
  it.each(['a lot', '15', '0.2', '', '++2'])('refuses %j', (text) => {
    expect(parseChange(text)).toBeNull();
  });
});

describe('ranking the plan', () => {
  it('largest impact first; equal impacts in the order listed, so ranks are distinct; unknown last', () => {
    const a = (action: string, impact: number | null) => ({ action, impact });
    const plan = [a('x', 10), a('tie 1', 50), a('none', null), a('top', 90), a('tie 2', 50)];
    expect(rankActions(plan).map((r) => r.action)).toEqual(['top', 'tie 1', 'tie 2', 'x', 'none']);
    // any order listed: the ties follow it, the rest is the same
    fc.assert(
      fc.property(fc.shuffledSubarray(plan, { minLength: plan.length }), (listed) => {
        const ranked = rankActions(listed).map((r) => r.action);
        const ties = listed.filter((r) => r.impact === 50).map((r) => r.action);
        expect(ranked).toEqual(['top', ...ties, 'x', 'none']);
      }),
    );
  });
});

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

describe('step values from the sidebar', () => {
  it('accept exactly the step fields, each checked against its kind, for any input', () => {
    fc.assert(
      fc.property(
        journeyArb,
        fc.constantFrom(...STEP_IDS),
        fc.dictionary(
          fc.string({ maxLength: 20 }),
          fc.oneof(fc.string(), fc.double(), fc.integer(), fc.constant(null)),
        ),
        (j, step, junk) => {
          const ids = stepFieldIds(step, j.stages.length);
          const values = {
            ...junk,
            ...Object.fromEntries(ids.slice(0, 3).map((id) => [id, junk[id] ?? ''])),
          };
          const checked = checkStepValues(step, j, values, j.lang);
          if (checked.ok) {
            for (const [id, v] of Object.entries(checked.values)) {
              expect(ids).toContain(id);
              expect(typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))).toBe(
                true,
              );
            }
          } else {
            for (const message of Object.values(checked.fieldErrors))
              expect(message.length).toBeGreaterThan(5);
          }
        },
      ),
    );
  });

  it('turns "12%" into a share and refuses a share above 100%', () => {
    const j = presetJourney();
    expect(
      checkStepValues('kpis', j, { 'stage.1.target': '12%', 'stage.0.customers': '1 200' }, 'en'),
    ).toEqual({ ok: true, values: { 'stage.1.target': 0.12, 'stage.0.customers': 1200 } });
    expect(checkStepValues('kpis', j, { 'stage.1.target': 1.5 }, 'en')).toEqual({
      ok: false,
      fieldErrors: { 'stage.1.target': 'Enter a percentage from 0% to 100%.' },
    });
  });

  it('writes what only the user changed, and flags what both changed differently', () => {
    expect(
      stepChanges(
        { a: 'mine', b: 'same', c: 'x' },
        { a: '', b: 'same', c: '' },
        { a: '', b: 'theirs', c: 'y' },
      ),
    ).toEqual({
      writes: { a: 'mine' },
      conflicts: [{ id: 'c', sheet: 'y', yours: 'x' }],
    });
  });
});
