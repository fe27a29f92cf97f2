/**
 * The action plan as the form edits it: rows in, rows out; the impact shown live, the ranking left
 * to the save, and the rows followed to where the save ranked them.
 */
import type { ActionRow, Conflict, Metrics, StepView } from '../../src/contract';
import { applyChange, fitProblem, impact, parseChange } from '../../src/core/funnel/change';
import { LEVER_LETTER, planLeverOf, type Economics } from '../../src/core/funnel/funnel';
import { actionEffect } from '../../src/core/funnel/plan-impact';
import type { PlanFunnel, TransitionProblem } from '../../src/core/funnel/transition';
import type { Choice } from './values';
import { ACTION_FIELDS } from '../../src/core/map/plan-layout';

type Editable = Omit<ActionRow, 'impact'>;
// the action's fields as the plan sheet lays them out: every one the user edits
const EDITABLE: readonly (keyof Editable)[] = ACTION_FIELDS;

export function emptyAction(statuses: readonly string[]): ActionRow {
  return {
    action: '',
    stage: '',
    lever: '',
    change: '',
    owner: '',
    deadline: '',
    status: statuses[0] ?? '',
    start: '',
    impact: null,
  };
}

/** A row with nothing typed in it (a defaulted status or stage does not count). */
export function isBlankAction(row: ActionRow): boolean {
  return [row.action, row.change, row.owner, row.deadline, row.start].every((v) => v.trim() === '');
}

export function planChanged(rows: readonly ActionRow[], loaded: readonly ActionRow[]): boolean {
  const kept = rows.filter((r) => !isBlankAction(r));
  return (
    kept.length !== loaded.length ||
    kept.some((r, i) => EDITABLE.some((k) => r[k] !== loaded[i]?.[k]))
  );
}

/** What savePlan gets: the typed rows without blank ones; impact is the sheet's to compute. */
export function actionsToSave(rows: readonly ActionRow[]): ActionRow[] {
  return rows
    .filter((r) => !isBlankAction(r))
    .map((r) => ({ ...r, action: r.action.trim(), impact: null }));
}

/**
 * The server numbers plan errors by position in what was sent (blank rows left out);
 * this puts each on the form row it came from.
 */
export function errorsOnFormRows(
  rows: readonly ActionRow[],
  errors: Record<string, string>,
): Record<string, string> {
  const formIndex = sentRowsOf(rows);
  return Object.fromEntries(
    Object.entries(errors).map(([key, message]) => {
      const m = /^actions\.(\d+)\.(.+)$/.exec(key);
      return [m ? `actions.${formIndex[Number(m[1])] ?? m[1]}.${m[2]}` : key, message];
    }),
  );
}

/** Form row indices of the rows a save sends (blank rows are left out): sent index → form index. */
export function sentRowsOf(rows: readonly ActionRow[]): number[] {
  return rows.flatMap((r, i) => (isBlankAction(r) ? [] : [i]));
}

/**
 * Where each row sent to savePlan is in the plan the save answered with (ranked, perhaps with a
 * colleague's rows): its index there, or null when it is not there. A row is matched by all its
 * fields first, then by its action alone (the sheet may have merged in a colleague's edit of
 * another field); equal rows in their order.
 */
export function rankedPlaces(
  sent: readonly ActionRow[],
  ranked: readonly ActionRow[],
): (number | null)[] {
  const taken = new Set<number>();
  const places: (number | null)[] = sent.map(() => null);
  const pass = (same: (a: ActionRow, b: ActionRow) => boolean) =>
    sent.forEach((row, i) => {
      if (places[i] !== null) return;
      const j = ranked.findIndex((r, k) => !taken.has(k) && same(row, r));
      if (j < 0) return;
      taken.add(j);
      places[i] = j;
    });
  pass((a, b) => EDITABLE.every((k) => a[k].trim() === b[k].trim()));
  pass((a, b) => a.action.trim() === b.action.trim());
  return places;
}

/** Whether the save put the rows sent in another order than they were sent in. */
export function reordered(places: readonly (number | null)[]): boolean {
  const found = places.filter((p): p is number => p !== null);
  return found.some((p, i) => i > 0 && p < (found[i - 1] as number));
}

/**
 * The row the user worked on last, after an edit of the form's rows (`before` → `after`): the row
 * that changed; with a row removed, the same row at its new place (null if it was the one removed).
 */
export function editedRow(
  before: readonly ActionRow[],
  after: readonly ActionRow[],
  last: number | null,
): number | null {
  if (after.length === before.length) {
    const changed = after.findIndex((r, i) => r !== before[i]);
    return changed >= 0 ? changed : last;
  }
  if (after.length === before.length - 1 && last !== null) {
    const removed = before.findIndex((r, i) => r !== after[i]);
    if (removed === last) return null;
    return removed >= 0 && removed < last ? last - 1 : last;
  }
  return last;
}

/** The actions with the largest revenue impact first; rows without an impact go last. */
export function topActions(rows: readonly ActionRow[], n: number): ActionRow[] {
  const key = (r: ActionRow): number => r.impact ?? Number.NEGATIVE_INFINITY;
  return [...rows].sort((a, b) => (key(a) === key(b) ? 0 : key(b) > key(a) ? 1 : -1)).slice(0, n);
}

/**
 * The user's answers to plan conflicts: each chosen value goes into its form row, and the
 * sheet's value becomes the base of that cell (the user has seen it), so the retry merges cleanly.
 * Conflict ids number rows as sent (blank rows left out), like errors.
 */
export function resolvePlanConflicts(
  rows: readonly ActionRow[],
  base: readonly ActionRow[],
  conflicts: readonly Conflict[],
  choices: Record<string, Choice>,
): { rows: ActionRow[]; base: ActionRow[] } {
  const nextRows = rows.map((r) => ({ ...r }));
  const nextBase = base.map((r) => ({ ...r }));
  const formIndex = sentRowsOf(rows);
  for (const c of conflicts) {
    const m = /^actions\.(\d+)\.(\w+)$/.exec(c.id);
    const row = nextRows[formIndex[Number(m?.[1])] ?? -1];
    const field = m?.[2] as keyof ActionRow | undefined;
    if (!row || !field || !(EDITABLE as readonly string[]).includes(field)) continue;
    const inBase = nextBase.find((b) => b.action.trim() === row.action.trim());
    if (inBase) (inBase as Record<string, unknown>)[field] = String(c.sheet);
    (row as Record<string, unknown>)[field] = String(choices[c.id] === 'sheet' ? c.sheet : c.yours);
  }
  return { rows: nextRows, base: nextBase };
}

export type Factor = 'leads' | 'conversion' | 'avgCheck' | 'purchases';

/** The factors of revenue the map does not have yet, in the order of the formula. */
export function missingFactors(m: Metrics): Factor[] {
  return (['leads', 'conversion', 'avgCheck', 'purchases'] as const).filter((k) => m[k] === null);
}

/** The map's L, C, P and Q as the view shows them; null while one is not known. */
export function economicsOf(m: Metrics): Economics | null {
  return m.leads !== null && m.conversion !== null && m.avgCheck !== null && m.purchases !== null
    ? { leads: m.leads, conversion: m.conversion, avg_check: m.avgCheck, purchases: m.purchases }
    : null;
}

/** The map's stages as an action on a step reads them, from the view. */
export function funnelOf(view: Pick<StepView, 'stages'>): PlanFunnel {
  return {
    names: view.stages.map((s) => s.name),
    roles: view.stages.map((s) => s.role),
    counts: view.stages.map((s) => s.customers ?? null),
  };
}

/**
 * Why an action on a step has no impact, as the sidebar says it (i18n-ui "plan.step.*"): the stage
 * chosen, the deal before it, or the counts and the change (the plan sheet's note says which).
 */
export type StepNote = 'stage' | 'afterDeal' | 'counts';
const stepNote = (p: TransitionProblem): StepNote =>
  p === 'afterDeal' ? p : /Stage/.test(p) ? 'stage' : 'counts';

/**
 * What a row's change does, computed while the user types by the same core functions the server
 * ranks with.
 */
export type LiveImpact =
  | { kind: 'none' }
  /** the change cannot be read, or does not fit the lever: the hint says which forms it takes */
  | { kind: 'unreadable' }
  /** the map lacks a factor of revenue (L, C, P or Q): no impact can be computed yet */
  | { kind: 'missing'; factors: Factor[] }
  /** an action on a step that cannot apply: why */
  | { kind: 'step'; note: StepNote }
  | {
      kind: 'impact';
      impact: number;
      /** the factor it moves (a step's: L or C), before and after */
      lever: 'L' | 'C' | 'P' | 'Q';
      before: number;
      after: number;
      /** an action on a step: the step before and after */
      step?: { before: number; after: number };
    };

export function liveImpact(
  m: Metrics,
  row: Pick<ActionRow, 'lever' | 'change'> & { stage?: string },
  funnel: PlanFunnel | null = null,
): LiveImpact {
  if (!row.change.trim()) return { kind: 'none' };
  const change = parseChange(row.change);
  const lever = planLeverOf(row.lever);
  if (!change || (lever && fitProblem(lever, change))) return { kind: 'unreadable' };
  const e = economicsOf(m);
  if (!lever || row.lever === '') return { kind: 'none' };
  if (!e) return { kind: 'missing', factors: missingFactors(m) };
  const effect = actionEffect(funnel, row);
  if (!effect) return { kind: 'none' };
  if ('problem' in effect) return { kind: 'step', note: stepNote(effect.problem) };
  const { lever: factor, change: moved } = effect.change;
  const result = impact(e, factor, moved);
  return 'delta' in result
    ? {
        kind: 'impact',
        impact: result.delta,
        lever: LEVER_LETTER[factor],
        before: e[factor],
        after: applyChange(e[factor], moved),
        ...(effect.step ? { step: { before: effect.step.before, after: effect.step.after } } : {}),
      }
    : { kind: 'none' };
}
