import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyEdit,
  editProblem,
  selectionAfterEdit,
  type StageEdit,
} from '../../../../src/core/map/edits';
import { ROW, stageCol } from '../../../../src/core/map/layout';
import { journeyArb, presetJourney } from '../../../support/journeys';

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

  it('puts the selection on the stage worked on: the new one, the moved one, the neighbour', () => {
    const row = () => 12;
    const at = (e: StageEdit) => selectionAfterEdit(e, 6, row);
    // stages start in column C (3): stage i (from 0) is column 3 + i
    // added after stage 2: the new stage 3, column F
    expect(at({ kind: 'add', after: 2, name: '' })).toEqual({ row: ROW.header, col: 6 });
    // stage 2 moved right is stage 3 (F), moved left stage 1 (D)
    expect(at({ kind: 'move', index: 2, by: 1 })).toEqual({ row: 12, col: 6 });
    expect(at({ kind: 'move', index: 2, by: -1 })).toEqual({ row: 12, col: 4 });
    // removed: the neighbour that slid into its column (E), or the stage before the last (G)
    expect(at({ kind: 'remove', index: 2 })).toEqual({ row: 12, col: 5 });
    expect(at({ kind: 'remove', index: 5 })).toEqual({ row: 12, col: 7 });
    // the stage followed is the edited one in the journey after the edit
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.oneof(
              fc.record({
                kind: fc.constant('add' as const),
                after: fc.nat(n - 1),
                name: fc.constant(''),
              }),
              fc.record({ kind: fc.constant('remove' as const), index: fc.nat(n - 1) }),
              fc.record({
                kind: fc.constant('move' as const),
                index: fc.nat(n - 1),
                by: fc.constantFrom(-1 as const, 1 as const),
              }),
            ),
          ),
        ),
        ([n, e]) => {
          const j = { ...presetJourney(), stages: presetJourney().stages.slice(0, 1) };
          const stages = Array.from({ length: n }, (_, i) => ({ ...j.stages[0]!, id: `s${i}` }));
          const journey = { ...j, stages };
          fc.pre(editProblem(journey, e) === null);
          const after = applyEdit(journey, e).stages;
          const index = selectionAfterEdit(e, n, row).col - stageCol(0);
          expect(index).toBeGreaterThanOrEqual(0);
          expect(index).toBeLessThan(after.length);
          if (e.kind === 'move') expect(after[index]?.id).toBe(`s${e.index}`);
          if (e.kind === 'add') expect(stages.some((st) => st.id === after[index]?.id)).toBe(false);
          if (e.kind === 'remove')
            expect(after[index]?.id).toBe(`s${e.index === n - 1 ? e.index - 1 : e.index + 1}`);
        },
      ),
    );
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
