/**
 * Following the active map and the maps' changes. A sidebar cannot see which sheet is active or
 * what a menu command changed, so it asks the server (activeSheetMap: metadata, one property, and
 * the header row of its own map). Each poll is a server execution, counted against the script's
 * quota: it polls every few seconds while the user works, backs off as the sidebar sits idle (to
 * two a minute after a minute, which still sees a menu command's change within 30 s), and stops
 * while the page is hidden. Anything the user does in the sidebar, or the sidebar getting focus,
 * wakes it at once. One poll at a time, and none while the wizard's own call runs. Apps Script
 * runs each google.script.run call as an execution of its own, concurrently, so a poll sent just
 * before a save can be answered after it, with the sheet as it was before: an answer that a call
 * of the wizard started after is dropped, not taken for a change.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { PollAnswer, Requests } from '../../src/contract';
import { call } from '../rpc';

export const POLL_MS = 3000;
/** After a failed poll the next waits longer, up to this. */
const MAX_BACKOFF_MS = 60_000;

/** How long to wait before the next poll, by how long the sidebar has been idle. */
export function pollDelay(idleMs: number): number {
  if (idleMs < 30_000) return POLL_MS;
  if (idleMs < 60_000) return 10_000;
  return 30_000;
}

/** What the user does in the sidebar that counts as working in it. */
const ACTIVITY = ['pointerdown', 'keydown', 'input', 'focusin'] as const;

/**
 * Polls while the page is visible; `onAnswer` gets each answer and says whether it showed a change
 * (which counts as activity: the user is working in the grid). `busy()` tells whether the wizard's
 * own call is in flight; the poll then waits for its turn. `started()` counts the wizard's calls
 * started so far.
 */
export function useFollow(
  request: () => Requests['activeSheetMap'],
  onAnswer: (answer: PollAnswer) => boolean,
  busy: () => boolean,
  started: () => number,
): void {
  const latest = useRef({ request, onAnswer, busy, started });
  latest.current = { request, onAnswer, busy, started };
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let due = 0;
    let inFlight = false;
    let stopped = false;
    let failures = 0;
    let lastActive = Date.now();
    const visible = () => document.visibilityState === 'visible';
    const schedule = (ms: number) => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      if (stopped || !visible()) return;
      due = Date.now() + ms;
      timer = setTimeout(poll, ms);
    };
    const next = () =>
      Math.max(
        pollDelay(Date.now() - lastActive),
        failures ? Math.min(POLL_MS * 2 ** failures, MAX_BACKOFF_MS) : 0,
      );
    function poll(): void {
      timer = null;
      if (stopped || !visible()) return;
      if (inFlight || latest.current.busy()) {
        schedule(POLL_MS);
        return;
      }
      inFlight = true;
      const calls = latest.current.started();
      call('activeSheetMap', latest.current.request())
        .then((answer) => {
          failures = 0;
          const current = calls === latest.current.started();
          if (!stopped && current && latest.current.onAnswer(answer)) lastActive = Date.now();
        })
        .catch(() => {
          // Offline, a new deployment, a quota: try again later, more slowly; nothing to show.
          failures++;
        })
        .finally(() => {
          inFlight = false;
          schedule(next());
        });
    }
    // Working in the sidebar: polls come at the working pace again.
    const active = () => {
      lastActive = Date.now();
      if (timer !== null && due - Date.now() > POLL_MS) schedule(POLL_MS);
    };
    // Back to the page, or into the sidebar from the grid: ask at once, the sheet may have changed.
    // Hidden: the pending poll is dropped (schedule does not set one).
    const soon = () => {
      lastActive = Date.now();
      if (!inFlight) schedule(0);
    };
    for (const type of ACTIVITY) document.addEventListener(type, active, true);
    document.addEventListener('visibilitychange', soon);
    window.addEventListener('focus', soon);
    schedule(POLL_MS);
    return () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      for (const type of ACTIVITY) document.removeEventListener(type, active, true);
      document.removeEventListener('visibilitychange', soon);
      window.removeEventListener('focus', soon);
    };
  }, []);
}
