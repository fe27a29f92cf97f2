/**
 * Where keyboard focus goes as the wizard changes: to a new step's title, to the first field in
 * error after a refused save, to the computed result after a save, and back to the control the
 * user worked with when a call ends (or to the plan row its action was ranked into).
 */
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { StepId } from '../../src/contract';

export interface FocusPlan {
  /** after a failed save the first field in error takes focus; after a save the result is shown */
  afterSave: 'errors' | 'result' | null;
  /** the control the user worked with when a call started */
  back: HTMLElement | null;
  /** a plan control the save moved to another row with its action: focus follows it there */
  followTo: string | null;
  /** a step shown by following the grid: not a reason to pull focus out of it */
  quiet: boolean;
}

/** Where a step's computed result shows, brought into view after a save. */
const RESULT: Partial<Record<StepId, string>> = {
  kpis: '.metrics',
  evaluate: '.metrics',
  present: '.summary',
  plan: '.plan-total',
};

export function useWizardFocus(
  at: { mapId: string | undefined; step: StepId; errors: object; state: object; busy: boolean },
  title: RefObject<HTMLButtonElement | null>,
): FocusPlan {
  const plan = useRef<FocusPlan>({ afterSave: null, back: null, followTo: null, quiet: false });
  const p = plan.current;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the map or the step changes
  useEffect(() => {
    if (p.quiet) p.quiet = false;
    else title.current?.focus();
  }, [at.mapId, at.step]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a save's errors arrive
  useEffect(() => {
    if (p.afterSave !== 'errors') return;
    p.afterSave = null;
    const control = document.querySelector<HTMLElement>('main [aria-invalid="true"]');
    control?.focus();
    control?.scrollIntoView({ block: 'center' });
  }, [at.errors]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a save's result arrives
  useEffect(() => {
    if (p.afterSave !== 'result') return;
    p.afterSave = null;
    // The "Saved" line is in the footer, always in view: the numbers computed from the save are not.
    const result = RESULT[at.step];
    if (result) document.querySelector(result)?.scrollIntoView({ block: 'nearest' });
  }, [at.state]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a call ends
  useEffect(() => {
    if (at.busy) return;
    const back = p.back;
    p.back = null;
    const follow = p.followTo;
    p.followTo = null;
    const moved = follow === null ? null : document.getElementById(follow);
    if (moved) {
      moved.focus();
      return;
    }
    // Only when nothing else took focus (a new step's title, a field in error): the user stays
    // where they were.
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (back?.isConnected && lost && !(back as HTMLButtonElement).disabled)
      back.focus({ preventScroll: true });
  }, [at.busy]);
  return p;
}

/** The control that has focus now, to come back to when a call ends. */
export const focusedControl = (): HTMLElement | null =>
  document.activeElement instanceof HTMLElement && document.activeElement !== document.body
    ? document.activeElement
    : null;
