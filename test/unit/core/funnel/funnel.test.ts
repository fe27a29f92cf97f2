/** The funnel's arithmetic and its lever names, worked out by hand. */
import { describe, expect, it } from 'vitest';
import {
  funnelSteps,
  planLeverOf,
  required,
  type Economics,
} from '../../../../src/core/funnel/funnel';

describe('a lever as a marketer names it', () => {
  it.each([
    ['лиды', 'leads'],
    ['L', 'leads'],
    ['Конверсия', 'conversion'],
    ['чек', 'avg_check'],
    ['Средний чек', 'avg_check'],
    ['average check', 'avg_check'],
    ['P', 'avg_check'],
    ['покупки', 'purchases'],
    ['  Q ', 'purchases'],
    ['step', 'step'],
    ['Шаг', 'step'],
    ['transition', 'step'],
    ['переход', 'step'],
    ['Step conversion', 'step'],
    ['конверсия шага', 'step'],
  ])('%j is %s', (text, lever) => {
    expect(planLeverOf(text)).toBe(lever);
  });

  it.each(['', 'revenue', 'toString', 'leads!', 'step 2'])('%j names no lever', (text) => {
    expect(planLeverOf(text)).toBeNull();
  });
});

describe('what a lever must be for a revenue goal', () => {
  const e: Economics = { leads: 1000, conversion: 0.05, avg_check: 2000, purchases: 2 };

  it('the goal over the product of the other three', () => {
    // 400 000 ÷ (0,05 × 2 000 × 2) = 2 000 leads
    expect(required(400_000, e, 'leads')).toBe(2000);
  });

  it('a goal of 0 needs 0, even when the others multiply to 0; any other goal cannot be reached then', () => {
    const none = { ...e, conversion: 0 };
    expect(required(0, none, 'leads')).toBe(0);
    expect(required(400_000, none, 'leads')).toBeNull();
  });
});

describe('steps, overall conversion and drop-off of each stage', () => {
  it('the first stage converts all it has; each later one from the stage before it', () => {
    expect(funnelSteps([1000, 400, 100])).toEqual([
      { customers: 1000, step: 1, overall: 1, dropOff: 0 },
      { customers: 400, step: 0.4, overall: 0.4, dropOff: 600 },
      { customers: 100, step: 0.25, overall: 0.1, dropOff: 300 },
    ]);
  });

  it('a stage with more customers than the one before has no step and no drop-off', () => {
    expect(funnelSteps([100, 150])[1]).toEqual({
      customers: 150,
      step: null,
      overall: null,
      dropOff: null,
    });
  });

  it('a blank count has nothing, and leaves the next stage without a step', () => {
    expect(funnelSteps([null, 50, 10])).toEqual([
      { customers: null, step: null, overall: null, dropOff: null },
      { customers: 50, step: null, overall: null, dropOff: null },
      { customers: 10, step: 0.2, overall: null, dropOff: 40 },
    ]);
  });
});
