import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit, editProblem, type StageEdit } from '../../src/core/map/edits';
import { journeyArb, presetJourney } from '../support/journeys';

describe('stage edits', () => {
  it('adds a stage after the selected one; after the deal it is a repeat-purchase stage', () => {
    const j = applyEdit(presetJourney(), { kind: 'add', after: 2, name: 'Delivery' });
    expect(j.stages.map((s) => s.name)).toEqual([
      'Initial consideration',
      'Active evaluation',
      'Purchase',
      'Delivery',
      'Experience',
      'Trigger',
      'Loyalty',
    ]);
    expect(j.stages[3]?.role).toBe('Q');
  });

  it('refuses to go below two stages, past the edges, or off the map', () => {
    const two = { ...presetJourney(), stages: presetJourney().stages.slice(0, 2) };
    expect(editProblem(two, { kind: 'remove', index: 0 })).toBe('minStages');
    expect(editProblem(presetJourney(), { kind: 'move', index: 0, by: -1 })).toBe('edge');
    expect(editProblem(presetJourney(), { kind: 'move', index: 5, by: 1 })).toBe('edge');
    expect(editProblem(presetJourney(), { kind: 'remove', index: 6 })).toBe('noStage');
  });

  it('never loses a stage: any sequence of edits keeps every untouched stage and its content', () => {
    const editArb = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), after: fc.nat(12), name: fc.constant('New') }),
      fc.record({
        kind: fc.constant('move' as const),
        index: fc.nat(12),
        by: fc.constantFrom(-1 as const, 1 as const),
      }),
    );
    fc.assert(
      fc.property(journeyArb, fc.array(editArb, { maxLength: 8 }), (journey, edits) => {
        let j = journey;
        for (const e of edits as StageEdit[]) if (editProblem(j, e) === null) j = applyEdit(j, e);
        for (const stage of journey.stages) expect(j.stages).toContainEqual(stage);
      }),
    );
  });
});
