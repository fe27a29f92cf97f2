/**
 * Following the active map. A sidebar cannot see which sheet is active, so while it is visible it
 * asks the server every few seconds (activeSheetMap: metadata only, no cell read). One poll at a
 * time, and none while the wizard's own call runs: with it, at most two calls are in flight, far
 * under Apps Script's ten. A hidden page (another tab, a minimised window) does not poll at all.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { MapSummary } from '../../src/contract';
import { call } from '../rpc';

export const POLL_MS = 3000;
/** After a failed poll the next waits longer, up to this. */
const MAX_BACKOFF_MS = 60_000;

/**
 * Calls `onAnswer` with the map on the active sheet (null: another sheet) after each poll.
 * `busy()` tells whether the wizard's own call is in flight; the poll then waits for its turn.
 */
export function useActiveMapPoll(
  onAnswer: (map: MapSummary | null) => void,
  busy: () => boolean,
): void {
  const latest = useRef({ onAnswer, busy });
  latest.current = { onAnswer, busy };
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let inFlight = false;
    let stopped = false;
    let wait = POLL_MS;
    const visible = () => document.visibilityState === 'visible';
    const schedule = (ms: number) => {
      if (timer !== null) clearTimeout(timer);
      timer = stopped || !visible() ? null : setTimeout(poll, ms);
    };
    function poll(): void {
      timer = null;
      if (stopped || !visible()) return;
      if (inFlight || latest.current.busy()) {
        schedule(POLL_MS);
        return;
      }
      inFlight = true;
      call('activeSheetMap', {})
        .then((map) => {
          wait = POLL_MS;
          if (!stopped) latest.current.onAnswer(map);
        })
        .catch(() => {
          // Offline, a new deployment, a quota: try again later, more slowly; nothing to show.
          wait = Math.min(wait * 2, MAX_BACKOFF_MS);
        })
        .finally(() => {
          inFlight = false;
          schedule(wait);
        });
    }
    // Back to the page (or into the sidebar from the grid): ask at once, the sheet may have
    // changed.
    // Hidden: the pending poll is dropped (schedule does not set one).
    const soon = () => schedule(0);
    document.addEventListener('visibilitychange', soon);
    window.addEventListener('focus', soon);
    schedule(POLL_MS);
    return () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      document.removeEventListener('visibilitychange', soon);
      window.removeEventListener('focus', soon);
    };
  }, []);
}
