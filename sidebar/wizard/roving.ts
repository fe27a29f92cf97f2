/**
 * One Tab stop for a row of buttons (WAI-ARIA toolbar pattern, and the list of steps): the arrow
 * keys, Home and End move focus among its enabled buttons; the caller gives tabindex 0 to the one
 * the user was last on and -1 to the others.
 */
export function moveAlong(e: KeyboardEvent): number | null {
  const box = e.currentTarget as HTMLElement;
  const buttons = [...box.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const last = buttons.length - 1;
  const to =
    e.key === 'ArrowRight' || e.key === 'ArrowDown'
      ? Math.min(at + 1, last)
      : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
        ? Math.max(at - 1, 0)
        : e.key === 'Home'
          ? 0
          : e.key === 'End'
            ? last
            : null;
  if (to === null || at < 0) return null;
  e.preventDefault();
  buttons[to]?.focus();
  return to;
}
