/**
 * The wizard's model (sidebar/wizard/model.ts): which steps it shows from what it holds, what it
 * records for the next call, and how a server answer meets what the user typed.
 */
import { describe, expect, it } from 'vitest';
import type { ActionRow, StepId, StepPage, StepView, WizardState } from '../../../../src/contract';
import { heldView, initialModel, isDirty, reduce } from '../../../../sidebar/wizard/model';
import { STEP_IDS } from '../../../../src/core/wizard/step-ids';

const text = (id: string) => ({ id, label: id, hint: '', kind: 'text' as const, options: [] });
const pageOf = (step: StepId): StepPage => ({
  sideFields: [text(`side.${step}`)],
  stageFields: [],
  values: { [`side.${step}`]: `${step} in the sheet` },
  help: `What ${step} is for`,
});
const action: ActionRow = {
  action: 'Call back',
  stage: 'Purchase',
  lever: 'C',
  change: '+10%',
  owner: '',
  deadline: '',
  start: '',
  status: '',
  impact: 1200,
};

function stateOn(step: StepId, over: Partial<StepView> = {}): WizardState {
  const pages = Object.fromEntries(STEP_IDS.map((s) => [s, pageOf(s)])) as Record<StepId, StepPage>;
  return {
    lang: 'en',
    maps: [{ id: 'MAP1', sheetName: 'Map' }],
    step,
    done: [],
    notice: '',
    problem: '',
    stamp: 's1',
    view: {
      step,
      mapId: 'MAP1',
      sheetName: 'Map',
      lang: 'en',
      stages: [
        { id: 'a', name: 'Awareness', role: 'L' },
        { id: 'b', name: 'Purchase', role: 'C' },
      ],
      headers: ['Awareness', 'Purchase'],
      pages,
      ...pages[step],
      metrics: {
        leads: 100,
        conversion: 0.1,
        avgCheck: 50,
        purchases: 1,
        revenue: 500,
        weakest: '',
        underTarget: [],
        lowScores: [],
        errors: [],
      },
      rolesGuessed: false,
      actions: step === 'plan' || step === 'present' ? [action] : [],
      statuses: [],
      ...over,
    },
  };
}

describe('the wizard model', () => {
  it('shows another step from the pages it holds and records it, with the step left as done', () => {
    const m = reduce(initialModel(stateOn('goal')), { type: 'shown', step: 'persona', done: true });
    expect(m.state.step).toBe('persona');
    expect(m.form.draft).toEqual({ 'side.persona': 'persona in the sheet' });
    expect(m.state.done).toEqual(['goal']);
    expect(m.seen).toEqual({ mapId: 'MAP1', step: 'persona', done: ['goal'] });
    // a jump from the step list does not count the step left as done
    const jumped = reduce(m, { type: 'shown', step: 'kpis', done: false });
    expect(jumped.state.done).toEqual(['goal']);
    expect(jumped.seen).toEqual({ mapId: 'MAP1', step: 'kpis', done: ['goal'] });
  });

  it('needs the server for the plan until it has read the plan for these numbers', () => {
    const onGoal = initialModel(stateOn('goal'));
    expect(heldView(onGoal, 'persona')).not.toBeNull();
    expect(heldView(onGoal, 'plan')).toBeNull();
    // the plan read on the plan step is held while the metrics stay the same
    const onPlan = initialModel(stateOn('plan'));
    const back = reduce(onPlan, { type: 'shown', step: 'goal', done: false });
    expect(heldView(back, 'present')?.actions).toEqual([action]);
    // a save that changed the numbers makes the held impacts stale
    const changed = stateOn('kpis');
    changed.view!.metrics = { ...changed.view!.metrics, revenue: 900, leads: 180 };
    const after = reduce(back, { type: 'arrived', state: changed, arrival: { kind: 'fresh' } });
    expect(heldView(after, 'plan')).toBeNull();
  });

  it('a step typed in is dirty; the sent seen is cleared only if nothing moved since', () => {
    let m = initialModel(stateOn('goal'));
    expect(isDirty(m)).toBe(false);
    m = reduce(m, { type: 'typed', id: 'side.goal', value: 'New goal' });
    expect(isDirty(m)).toBe(true);
    m = reduce(m, { type: 'shown', step: 'persona', done: false });
    const sent = m.seen!;
    m = reduce(m, { type: 'shown', step: 'stages', done: false });
    expect(reduce(m, { type: 'seenSent', seen: sent }).seen?.step).toBe('stages');
    expect(reduce(m, { type: 'seenSent', seen: m.seen! }).seen).toBeNull();
  });

  it("a reload carries the user's unsaved text to the same stage, wherever it moved", () => {
    const withStages = (order: [string, string][]) => {
      const s = stateOn('touchpoints', {
        stages: order.map(([id, name]) => ({ id, name, role: '' })),
        stageFields: [text('touchpoints')],
        values: Object.fromEntries(order.map(([id], i) => [`stage.${i}.touchpoints`, `${id} now`])),
      });
      return s;
    };
    let m = initialModel(
      withStages([
        ['a', 'Awareness'],
        ['b', 'Purchase'],
      ]),
    );
    m = reduce(m, { type: 'typed', id: 'stage.0.touchpoints', value: 'typed for a' });
    // a colleague moved the stages from the menu: b is now first
    const moved = withStages([
      ['b', 'Purchase'],
      ['a', 'Awareness'],
    ]);
    m = reduce(m, { type: 'arrived', state: moved, arrival: { kind: 'carry', edit: null } });
    expect(m.form.draft['stage.1.touchpoints']).toBe('typed for a');
    expect(m.form.draft['stage.0.touchpoints']).toBe('b now');
  });
});
