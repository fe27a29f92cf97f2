import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkStepValues, stepChanges } from '../../../../src/core/wizard/step-values';
import { STEP_IDS, stepFieldIds } from '../../../../src/core/wizard/steps';
import { journeyArb, presetJourney } from '../../../support/journeys';

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
