import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyEdit,
  asOwnMap,
  editColumn,
  editProblem,
  selectionAfterEdit,
  shiftValues,
  stageIndex,
  withMarkers,
  type StageEdit,
} from '../../../../src/core/map/edits';
import type { Journey } from '../../../../src/core/map/journey';
import { MAX_STAGES, ROW, stageCol } from '../../../../src/core/map/layout';
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

  it('allows an edit right up to each limit and refuses the first one past it', () => {
    const j = presetJourney();
    const withStages = (n: number): Journey => ({
      ...j,
      stages: Array.from({ length: n }, (_, i) => ({ ...j.stages[0]!, id: `s${i}` })),
    });
    // 40 stages is the most a map holds: a 39th can take one more, a 40th cannot
    expect(editProblem(withStages(MAX_STAGES - 1), { kind: 'add', after: 0, name: '' })).toBe(null);
    expect(editProblem(withStages(MAX_STAGES), { kind: 'add', after: 0, name: '' })).toBe(
      'maxStages',
    );
    // three stages can lose one; two cannot
    expect(editProblem(withStages(3), { kind: 'remove', index: 0 })).toBe(null);
    // one step in from either edge can still move outwards
    expect(editProblem(j, { kind: 'move', index: 1, by: -1 })).toBe(null);
    expect(editProblem(j, { kind: 'move', index: 4, by: 1 })).toBe(null);
    // the first and the last stage are real stages to add after or remove
    expect(editProblem(j, { kind: 'add', after: 0, name: '' })).toBe(null);
    expect(editProblem(j, { kind: 'add', after: 5, name: '' })).toBe(null);
    expect(editProblem(j, { kind: 'remove', index: 5 })).toBe(null);
    // a stage that is not on the map (a stale sidebar, a colleague removed it) is no stage
    expect(editProblem(j, { kind: 'add', after: 6, name: '' })).toBe('noStage');
    expect(editProblem(j, { kind: 'add', after: -1, name: '' })).toBe('noStage');
    expect(editProblem(j, { kind: 'remove', index: -1 })).toBe('noStage');
    expect(editProblem(j, { kind: 'move', index: 6, by: -1 })).toBe('noStage');
  });

  it("gives a stage added after a lead or unset stage that stage's role, not the repeat role", () => {
    const j = presetJourney();
    // stage 0 is a lead stage (L): the new stage 1 is one too
    expect(applyEdit(j, { kind: 'add', after: 0, name: 'Ads' }).stages[1]).toMatchObject({
      name: 'Ads',
      role: 'L',
    });
    const unset = { ...j, stages: j.stages.map((s) => ({ ...s, role: '' as const })) };
    expect(applyEdit(unset, { kind: 'add', after: 3, name: 'X' }).stages[4]?.role).toBe('');
  });

  it('removes exactly the chosen stage and moves a stage by one place, keeping the others', () => {
    const j = presetJourney();
    const names = (e: StageEdit) => applyEdit(j, e).stages.map((s) => s.name);
    expect(names({ kind: 'remove', index: 1 })).toEqual([
      'Initial consideration',
      'Purchase',
      'Experience',
      'Trigger',
      'Loyalty',
    ]);
    expect(names({ kind: 'move', index: 2, by: -1 })).toEqual([
      'Initial consideration',
      'Purchase',
      'Active evaluation',
      'Experience',
      'Trigger',
      'Loyalty',
    ]);
    // the journey the user opened is untouched: an edit that fails later changes nothing
    expect(j.stages).toHaveLength(6);
    expect(j.stages[2]?.name).toBe('Purchase');
  });

  it('finds a stage by its id wherever it is now, the first one included, and null when gone', () => {
    const j = presetJourney();
    const ids = j.stages.map((s) => s.id);
    expect(stageIndex(j, ids[0]!)).toBe(0);
    expect(stageIndex(j, ids[5]!)).toBe(5);
    expect(stageIndex(applyEdit(j, { kind: 'move', index: 0, by: 1 }), ids[0]!)).toBe(1);
    expect(stageIndex(applyEdit(j, { kind: 'remove', index: 0 }), ids[0]!)).toBe(null);
  });

  it('gives a marker only to stages without one, and a copied map all-new ids', () => {
    const j = presetJourney();
    const ids = j.stages.map((s) => s.id);
    // every stage marked: the same journey, nothing to write
    expect(withMarkers(j, () => 0)).toBe(j);
    // a column a user inserted by hand has no marker ("~"): it alone gets one
    const typed = { ...j, stages: j.stages.map((s, i) => (i === 2 ? { ...s, id: '~2' } : s)) };
    const marked = withMarkers(typed, () => 0);
    expect(marked.stages.map((s) => s.id)).toEqual([
      ...ids.slice(0, 2),
      'aaaaaaaa',
      ...ids.slice(3),
    ]);
    expect(marked.stages[2]?.name).toBe('Purchase');
    // a copy: its own map id, fresh stage ids, the same stages and content
    const copy = asOwnMap(j, 'COPY01', () => 0.999);
    expect(copy.id).toBe('COPY01');
    expect(copy.stages.map((s) => s.id)).toEqual(Array(6).fill('99999999'));
    expect(copy.stages.map(({ id: _id, ...s }) => s)).toEqual(
      j.stages.map(({ id: _id, ...s }) => s),
    );
    expect(copy.title).toEqual(j.title);
  });

  it('names the sheet column each edit inserts, deletes or moves', () => {
    // stage i is column 3 + i (C is the first stage)
    expect(editColumn({ kind: 'add', after: 1, name: '' })).toBe(5);
    expect(editColumn({ kind: 'remove', index: 1 })).toBe(4);
    expect(editColumn({ kind: 'move', index: 0, by: 1 })).toBe(3);
  });

  it("moves the sheet's values with their columns, as Sheets' column operations do", () => {
    // columns A, B (labels, hints), then stages 0, 1, 2 in C, D, E
    const rows = [
      ['Role', 'hint', 'L', 'C', 'Q'],
      ['Leads', '', 1000, 300, 90],
    ];
    expect(shiftValues(rows, { kind: 'add', after: 0, name: '' })).toEqual([
      ['Role', 'hint', 'L', '', 'C', 'Q'],
      ['Leads', '', 1000, '', 300, 90],
    ]);
    expect(shiftValues(rows, { kind: 'remove', index: 1 })).toEqual([
      ['Role', 'hint', 'L', 'Q'],
      ['Leads', '', 1000, 90],
    ]);
    expect(shiftValues(rows, { kind: 'move', index: 1, by: 1 })).toEqual([
      ['Role', 'hint', 'L', 'Q', 'C'],
      ['Leads', '', 1000, 90, 300],
    ]);
    // a row read shorter than the map (its last cells empty) still moves its cell one column on
    expect(shiftValues([['x', '', 'last']], { kind: 'move', index: 0, by: 1 })).toEqual([
      ['x', '', '', 'last'],
    ]);
    // the rows given are left as they were
    expect(rows[0]).toEqual(['Role', 'hint', 'L', 'C', 'Q']);
  });
});
