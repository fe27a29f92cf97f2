/**
 * The plan against what happened, on the plan sheet: each action's outcome from the map's review
 * history, written by a save of the plan and by each review.
 */
import { actionOutcome, outcomeCells, type ActionToCheck } from '../core/review/action-outcome';
import { countedPeriods, type Period } from '../core/review/history';
import type { Journey } from '../core/map/journey';
import { readActions } from '../core/wizard/action-plan';
import { findHistorySheet, readHistorySheet } from '../sheets/history-sheet';
import { writeOutcomes, type PlanRead } from '../sheets/action-plan-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The map's counted periods, oldest first; none without a history. */
export function historyPeriods(ss: Spreadsheet, j: Journey, timeZone: () => string): Period[] {
  const sheet = findHistorySheet(ss, j.id);
  return sheet ? countedPeriods(readHistorySheet(sheet, j.lang, timeZone).history.periods) : [];
}

/** Each action's outcome columns, in the actions' order. */
export function outcomesOf(
  j: Journey,
  locale: string,
  periods: readonly Period[],
  actions: readonly ActionToCheck[],
): ReturnType<typeof outcomeCells>[] {
  return actions.map((a) => outcomeCells(j.lang, locale, actionOutcome(j, periods, a)));
}

/**
 * A review's outcomes on the plan as its sheet holds it now: row by row under the header, down to
 * its last action (a row between actions gets blank outcomes).
 */
export function reviewPlan(
  plan: PlanRead,
  j: Journey,
  locale: string,
  periods: readonly Period[],
  timeZone: () => string,
): void {
  if (plan.kind !== 'found') return;
  const actions = plan.rows.map(
    (row) => readActions([row], 0, timeZone, plan.place.layout)[0] ?? null,
  );
  let end = actions.length;
  while (end > 0 && actions[end - 1] === null) end--;
  const cells = actions
    .slice(0, end)
    .map((a) => outcomeCells(j.lang, locale, a && actionOutcome(j, periods, a)));
  writeOutcomes(plan.place, cells);
}
