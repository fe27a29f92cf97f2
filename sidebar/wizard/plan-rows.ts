/** The action plan as the form edits it: rows in, rows out, the computed impact left to the sheet. */
import type { ActionRow } from '../../src/contract';

type Editable = Omit<ActionRow, 'impact'>;
const EDITABLE: readonly (keyof Editable)[] = ['action', 'stage', 'lever', 'change', 'owner', 'deadline', 'status'];

export function emptyAction(statuses: readonly string[]): ActionRow {
  return { action: '', stage: '', lever: '', change: '', owner: '', deadline: '', status: statuses[0] ?? '', impact: null };
}

/** A row with nothing typed in it (a defaulted status or stage does not count). */
export function isBlankAction(row: ActionRow): boolean {
  return [row.action, row.change, row.owner, row.deadline].every((v) => v.trim() === '');
}

export function planChanged(rows: readonly ActionRow[], loaded: readonly ActionRow[]): boolean {
  const kept = rows.filter((r) => !isBlankAction(r));
  return kept.length !== loaded.length || kept.some((r, i) => EDITABLE.some((k) => r[k] !== loaded[i]?.[k]));
}

/** What savePlan gets: the typed rows without blank ones; impact is the sheet's to compute. */
export function actionsToSave(rows: readonly ActionRow[]): ActionRow[] {
  return rows.filter((r) => !isBlankAction(r)).map((r) => ({ ...r, action: r.action.trim(), impact: null }));
}

/**
 * The server numbers plan errors by position in what was sent (blank rows left out);
 * this puts each on the form row it came from.
 */
export function errorsOnFormRows(rows: readonly ActionRow[], errors: Record<string, string>): Record<string, string> {
  const formIndex = rows.flatMap((r, i) => (isBlankAction(r) ? [] : [i]));
  return Object.fromEntries(
    Object.entries(errors).map(([key, message]) => {
      const m = /^actions\.(\d+)\.(.+)$/.exec(key);
      return [m ? `actions.${formIndex[Number(m[1])] ?? m[1]}.${m[2]}` : key, message];
    }),
  );
}

/** The actions with the largest revenue impact first; rows without an impact go last. */
export function topActions(rows: readonly ActionRow[], n: number): ActionRow[] {
  const key = (r: ActionRow): number => r.impact ?? Number.NEGATIVE_INFINITY;
  return [...rows].sort((a, b) => (key(a) === key(b) ? 0 : key(b) > key(a) ? 1 : -1)).slice(0, n);
}
