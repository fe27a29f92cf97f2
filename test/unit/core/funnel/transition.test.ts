/**
 * An action on one transition (a step conversion into a stage), worked out by hand: the funnel
 * 1000 → 400 → 110 → 30, leads at stage 2 (L 400), the deal at stage 4 (C 30 / 400 = 7,5%),
 * P 1000, Q 1: revenue 400 × 7,5% × 1000 × 1 = 30 000.
 */
import { describe, expect, it } from 'vitest';
import { parseChange, type Change } from '../../../../src/core/funnel/change';
import type { Economics } from '../../../../src/core/funnel/funnel';
import { actionImpactOf, togetherImpactOfText } from '../../../../src/core/funnel/plan-impact';
import {
  transition,
  transitionPlace,
  type PlanFunnel,
} from '../../../../src/core/funnel/transition';

const FUNNEL: PlanFunnel = {
  names: ['Visit', 'Lead', 'Trial', 'Paid'],
  roles: ['', 'L', 'L', 'C'],
  counts: [1000, 400, 110, 30],
};
const E: Economics = { leads: 400, conversion: 30 / 400, avg_check: 1000, purchases: 1 };
const change = (text: string): Change => {
  const c = parseChange(text);
  if (!c) throw new Error(text);
  return c;
};

describe('the transition into a stage', () => {
  it('+3 pp on the step into Trial (27,5% → 30,5%) makes C × 30,5 / 27,5: revenue 30 000 → 33 272,73', () => {
    const t = transition(FUNNEL, 'Trial', change('+3 п.п.'));
    expect(t).toMatchObject({ index: 2, factor: 'conversion' });
    if (!('index' in t)) return;
    expect(t.before).toBeCloseTo(0.275, 12);
    expect(t.after).toBeCloseTo(0.305, 12);
    // by hand: C 0,075 × 0,305 / 0,275 = 0,0831818…; 400 × 0,0831818 × 1000 × 1 = 33 272,7272…
    const after = 400 * ((0.075 * 0.305) / 0.275) * 1000;
    expect(after).toBeCloseTo(33_272.7273, 3);
    const result = actionImpactOf(E, FUNNEL, { lever: 'step', change: '+3 pp', stage: 'Trial' });
    expect(result).toEqual({ delta: expect.closeTo(after - 30_000, 6) });
  });

  it('+10% on the step into Paid (30 / 110 → 30 / 110 × 1,1) makes C × 1,1: +3 000', () => {
    const result = actionImpactOf(E, FUNNEL, { lever: 'шаг', change: '+10%', stage: ' paid ' });
    expect(result).toEqual({ delta: expect.closeTo(400 * 0.075 * 1.1 * 1000 - 30_000, 6) });
  });

  it('a step into a stage at or before the leads stage changes L by its ratio, and C not', () => {
    // Lead 400 / 1000 = 40% → 45%: the leads and every later count grow by 45 / 40
    const t = transition(FUNNEL, 'Lead', change('+5 pp'));
    expect(t).toMatchObject({ index: 1, factor: 'leads' });
    const result = actionImpactOf(E, FUNNEL, { lever: 'step', change: '+5 pp', stage: 'Lead' });
    expect(result).toEqual({ delta: expect.closeTo(((400 * 45) / 40) * 0.075 * 1000 - 30_000, 6) });
  });

  it('the roles of the map decide: without an L stage the leads are the first stage, without a C stage the deal the last', () => {
    expect(transitionPlace(['A', 'B', 'C'], ['', '', ''], 'B')).toEqual({
      index: 1,
      factor: 'conversion',
    });
    expect(transitionPlace(['A', 'B', 'C', 'D'], ['L', 'C', 'Q', 'Q'], 'C')).toEqual({
      problem: 'afterDeal',
    });
  });

  it.each<[string, string, string, string]>([
    ['a stage after the deal', 'Retention', '+3 pp', 'afterDeal'],
    ['the first stage', 'Visit', '+3 pp', 'firstStage'],
    ['a stage renamed or removed', 'Demo', '+3 pp', 'unknownStage'],
    ['no stage', '  ', '+3 pp', 'noStage'],
    ['an amount', 'Trial', '+30 leads', 'unitNotStep'],
    ['a change past 100%', 'Trial', '+80 pp', 'stepAboveOne'],
    ['a change below 0', 'Trial', '-30 pp', 'stepBelowZero'],
  ])('%s is refused (%s, %s)', (_what, stage, text, problem) => {
    const f = {
      names: [...FUNNEL.names, 'Retention'],
      roles: [...FUNNEL.roles, 'Q'],
      counts: [...FUNNEL.counts, 20],
    };
    expect(transition(f, stage, change(text))).toEqual({ problem });
  });

  it('finds the stage whatever its case and spaces, and the roles whatever theirs', () => {
    expect(transitionPlace(FUNNEL.names, FUNNEL.roles, '  trial ')).toEqual({
      index: 2,
      factor: 'conversion',
    });
    const names = ['A', 'B', 'C', 'D'];
    const roles = ['', ' l', 'c ', ''];
    expect(transitionPlace(names, roles, 'B')).toEqual({ index: 1, factor: 'leads' });
    expect(transitionPlace(names, roles, 'D')).toEqual({ problem: 'afterDeal' });
  });

  it('a deal at the first stage (paid first, then used): every later step is after the deal', () => {
    expect(transitionPlace(['Paid', 'Used', 'Renewed'], ['C', '', ''], 'Used')).toEqual({
      problem: 'afterDeal',
    });
  });

  it('a step may rise to exactly 100 % or fall to exactly 0, and equal counts are a step of 1', () => {
    const half = { ...FUNNEL, counts: [1000, 400, 200, 30] };
    expect(transition(half, 'Trial', change('+50 pp'))).toMatchObject({ before: 0.5, after: 1 });
    expect(transition(half, 'Trial', change('-50 pp'))).toMatchObject({ before: 0.5, after: 0 });
    const same = { ...FUNNEL, counts: [1000, 400, 400, 30] };
    expect(transition(same, 'Trial', change('-10%'))).toMatchObject({ before: 1, after: 0.9 });
  });

  it('an action on a step that names no stage says so', () => {
    expect(actionImpactOf(E, FUNNEL, { lever: 'step', change: '+3 pp' })).toEqual({
      problem: 'noStage',
    });
  });

  it("a step's percentage is the same percentage of its factor, exactly", () => {
    expect(transition(FUNNEL, 'Paid', change('+10%'))).toMatchObject({
      change: { lever: 'conversion', change: { kind: 'relative', percent: 10 } },
    });
  });

  it('two stages with the same name, 0 customers before the step, 0 at its stage, a count missing or growing: each said', () => {
    const with_ = (over: Partial<PlanFunnel>) => ({ ...FUNNEL, ...over });
    const c = change('+3 pp');
    expect(transition(with_({ names: ['Visit', 'Trial', 'trial', 'Paid'] }), 'Trial', c)).toEqual({
      problem: 'twoStages',
    });
    expect(transition(with_({ counts: [1000, 0, 0, 0] }), 'Trial', c)).toEqual({
      problem: 'fromZero',
    });
    expect(transition(with_({ counts: [1000, 400, 0, 0] }), 'Trial', c)).toEqual({
      problem: 'toZero',
    });
    expect(transition(with_({ counts: [1000, 400, null, 30] }), 'Trial', c)).toEqual({
      problem: 'noCount',
    });
    expect(transition(with_({ counts: [1000, 400, 500, 30] }), 'Trial', c)).toEqual({
      problem: 'more',
    });
  });

  it('together, a step is a percentage of the factor it moves: +3 pp into Trial and +10% of C give C × 30,5 / 27,5 × 1,1', () => {
    const rows = [
      { lever: 'step', change: '+3 pp', stage: 'Trial' },
      { lever: 'C', change: '+10%' },
      // refused alone, so left out of the total
      { lever: 'step', change: '+3 pp', stage: 'Visit' },
    ];
    const result = togetherImpactOfText(E, rows, FUNNEL);
    // revenue × 30,5 / 27,5 × 1,1 = 30 000 × 1,22 = 36 600: 6 600 more
    expect(result).toEqual({ delta: expect.closeTo(6_600, 6) });
    // without the map's stages a step reads as nothing
    expect(togetherImpactOfText(E, rows)).toEqual({
      delta: expect.closeTo(30_000 * 0.1, 6),
    });
  });
});
