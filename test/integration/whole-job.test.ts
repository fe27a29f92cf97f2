/**
 * A marketer's whole job as the sidebar calls it (bench/whole-job.ts): the executions it costs and
 * the waiting they mean under the stated model (docs/benchmarks.md), so a change that costs the
 * marketer another server execution fails here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { wholeJobFigures } from '../../bench/whole-job';

describe('the whole job, in server executions', () => {
  // Built in a hook, not while the tests are collected, so mutation testing knows which tests
  // depend on it.
  let figures: ReturnType<typeof wholeJobFigures>;
  beforeAll(() => {
    figures = wholeJobFigures();
  });

  it('costs one execution per Save and continue, none for a step left unchanged', () => {
    expect(figures.save_and_continue_executions).toBe(1);
    expect(figures.unchanged_step_next_executions).toBe(0);
  });

  it('keeps the modelled wait of the whole job within 24 s, and 2 s more for its review', () => {
    // today's figures: 15 executions, 53 round trips, 25.6 s (14, 48 and 23.6 s before the
    // review; 29, 57 and 40.4 s before one execution per click): Record the review is one
    // execution of 4 round trips, answered with the plan, and the poster reads its history
    expect(figures.whole_job_executions).toBeLessThanOrEqual(16);
    expect(figures.whole_job_modelled_wait_s).toBeLessThanOrEqual(24 + 2);
  });

  it('polls at most twice a minute once idle, and brings in a menu change with one poll and one reload', () => {
    expect(figures.idle_poll_executions_per_minute).toBeLessThanOrEqual(2);
    expect(figures.whole_job_poll_executions).toBe(2);
  });
});
