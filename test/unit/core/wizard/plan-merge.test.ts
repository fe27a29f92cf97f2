import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActionInput } from '../../../../src/core/wizard/action-plan';
import { mergePlan } from '../../../../src/core/wizard/plan-merge';

const row = (action: string, over: Partial<ActionInput> = {}): ActionInput => ({
  action,
  stage: 'Purchase',
  lever: 'C',
  change: '+2 pp',
  owner: 'Anna',
  deadline: '',
  start: '',
  status: 'Planned',
  ...over,
});

describe("saving the plan over a colleague's edits", () => {
  it('takes what only one side changed from that side', () => {
    const base = [row('Instalments'), row('Bundles', { lever: 'P', change: '+10%' })];
    const mine = [row('Instalments', { owner: 'Ivan' }), base[1]!];
    const current = [
      row('Instalments', { status: 'Done' }),
      row('Bundles', { lever: 'P', change: '+15%' }),
    ];
    expect(mergePlan(base, mine, current)).toEqual({
      rows: [
        row('Instalments', { owner: 'Ivan', status: 'Done' }),
        row('Bundles', { lever: 'P', change: '+15%' }),
      ],
      conflicts: [],
    });
  });

  it("keeps a colleague's new row and the user's new row, and drops a row the user removed that nobody changed", () => {
    const base = [row('Instalments'), row('Old idea')];
    const mine = [row('Instalments'), row('Mine new')];
    const current = [row('Instalments'), row('Old idea'), row('Theirs new')];
    expect(mergePlan(base, mine, current).rows.map((r) => r.action)).toEqual([
      'Instalments',
      'Mine new',
      'Theirs new',
    ]);
  });

  it('a row both changed differently is a conflict, with both values', () => {
    const base = [row('Instalments')];
    expect(
      mergePlan(
        base,
        [row('Instalments', { status: 'Doing' })],
        [row('Instalments', { status: 'Done' })],
      ).conflicts,
    ).toEqual([{ index: 0, field: 'status', sheet: 'Done', yours: 'Doing' }]);
  });

  it('drops a row a colleague removed, unless the user changed it meanwhile', () => {
    const base = [row('Instalments'), row('Bundles')];
    const current = [row('Instalments')];
    expect(mergePlan(base, base, current).rows).toEqual([row('Instalments')]);
    const mine = [row('Instalments'), row('Bundles', { owner: 'Ivan' })];
    expect(mergePlan(base, mine, current).rows).toEqual(mine);
  });

  it('matches rows by their action, whatever their order and the spaces around it', () => {
    const base = [row('Instalments'), row('Bundles')];
    const mine = [row('Bundles'), row('Instalments', { owner: 'Ivan' })];
    const current = [row('Instalments ', { status: 'Done' }), row('Bundles')];
    expect(mergePlan(base, mine, current)).toEqual({
      rows: [row('Bundles'), row('Instalments ', { owner: 'Ivan', status: 'Done' })],
      conflicts: [],
    });
  });

  it('a cell both sides changed to the same value is no conflict', () => {
    const base = [row('Instalments')];
    const both = [row('Instalments', { status: 'Done' })];
    expect(mergePlan(base, both, both)).toEqual({ rows: both, conflicts: [] });
  });

  it('never loses a row or a change of either side (property)', () => {
    const actionArb = fc.record({
      action: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
      stage: fc.constantFrom('s1', 's2'),
      lever: fc.constantFrom('L', 'C', 'P', 'Q', ''),
      change: fc.constantFrom('+1%', '+2 pp', ''),
      owner: fc.constantFrom('Anna', 'Ivan'),
      deadline: fc.constant(''),
      start: fc.constantFrom('', '2026-07-01'),
      status: fc.constantFrom('Planned', 'Done'),
    }) as fc.Arbitrary<ActionInput>;
    const list = fc.uniqueArray(actionArb, { maxLength: 5, selector: (r) => r.action });
    fc.assert(
      fc.property(list, list, list, (base, mine, current) => {
        const { rows, conflicts } = mergePlan(base, mine, current);
        const has = (r: ActionInput) => rows.some((x) => x.action === r.action);
        // every row the user sends is kept (unless a colleague removed it and the user had not
        // touched it),
        // and every row a colleague added or changed
        const same = (a?: ActionInput, b?: ActionInput) => JSON.stringify(a) === JSON.stringify(b);
        for (const r of mine) {
          const removedUntouched =
            !current.some((c) => c.action === r.action) &&
            same(
              base.find((b) => b.action === r.action),
              r,
            );
          expect(has(r)).toBe(!removedUntouched);
        }
        for (const r of current)
          if (!base.some((b) => JSON.stringify(b) === JSON.stringify(r))) expect(has(r)).toBe(true);
        // a cell both sides changed differently is asked about, never decided silently
        for (const y of mine) {
          const b = base.find((r) => r.action === y.action);
          const c = current.find((r) => r.action === y.action);
          if (!b || !c) continue;
          for (const f of ['stage', 'lever', 'change', 'owner', 'status'] as const) {
            if (y[f] !== b[f] && c[f] !== b[f] && y[f] !== c[f])
              expect(conflicts.some((x) => x.field === f && x.yours === y[f])).toBe(true);
          }
        }
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});
