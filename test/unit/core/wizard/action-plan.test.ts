import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankActions } from '../../../../src/core/wizard/action-plan';

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
