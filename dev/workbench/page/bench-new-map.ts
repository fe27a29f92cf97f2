/**
 * The in-page half of `measureNewMap` (bench/workbench.ts): bundled and evaluated in the
 * workbench page, it clicks through Extensions → CJM → New map…, fills the dialog and waits for
 * the new map in the grid, timed with the page's own clock.
 */
import type { NewMapWords } from '../protocol';

/** Runs inside the page: every step by DOM, timed with the page's own clock. */
export async function newMapInPage(words: NewMapWords): Promise<number> {
  const until = async <T>(probe: () => T | null | undefined, what: string): Promise<T> => {
    const deadline = performance.now() + 15_000;
    for (;;) {
      const found = probe();
      if (found) return found;
      if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 2));
    }
  };
  const item = (root: ParentNode, name: string): HTMLElement | undefined =>
    [...root.querySelectorAll<HTMLElement>('[role=menuitem]')].find(
      (n) => n.textContent?.replace('▸', '').trim() === name,
    );
  const revision = Number(document.body.dataset.revision ?? 0);

  const t0 = performance.now();
  item(document, words.extensions)?.click();
  (await until(() => item(document, words.addon), 'the add-on menu')).click();
  (await until(() => item(document, words.newMap), 'New map…')).click();
  const frame = await until(
    () => document.querySelector<HTMLIFrameElement>('[role=dialog] iframe'),
    'the New map dialog',
  );
  const doc = await until(
    () => (frame.contentDocument?.querySelector('form') ? frame.contentDocument : null),
    'the form',
  );
  const field = (label: string): HTMLInputElement | null => {
    const l = [...doc.querySelectorAll('label')].find((n) => n.textContent?.trim() === label);
    return l ? (doc.getElementById(l.htmlFor) as HTMLInputElement | null) : null;
  };
  for (const [label, value] of [
    [words.segment, 'Bench segment'],
    [words.product, 'Bench product'],
  ] as const) {
    const input = await until(() => field(label), label);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
  await new Promise((r) => setTimeout(r, 0)); // let the form's state take the values
  const create = await until(
    () => [...doc.querySelectorAll('button')].find((b) => b.textContent?.trim() === words.create),
    'Create',
  );
  create.click();
  await until(() => {
    const tab = document.querySelector('[role=tab][aria-selected=true]')?.textContent ?? '';
    return Number(document.body.dataset.revision) > revision && tab.includes('Bench segment')
      ? tab
      : null;
  }, 'the new map in the grid');
  return performance.now() - t0;
}
