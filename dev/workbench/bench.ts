/**
 * Benchmark hooks for the lead's `npm run bench` (they need a built dist/):
 *   measureStart()   ms from launching the workbench process to its page answering 200
 *   measureNewMap()  ms, measured in Chromium, from the click on Extensions → CJM → New map…
 *                    to the new map drawn in the grid (dialog filled and submitted by script)
 * Each call starts its own workbench on a free port with a throwaway workbook file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { t } from '../../src/core/words/i18n-all';
import { launchChromium } from './chromium';
import { launchWorkbench, type LaunchedWorkbench } from './launch';

async function withWorkbench<T>(
  use: (wb: LaunchedWorkbench, startedAt: number) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'cjm-bench-'));
  const startedAt = performance.now();
  const wb = await launchWorkbench(['--port', '0', '--file', join(dir, 'workbook.json')]);
  try {
    return await use(wb, startedAt);
  } finally {
    await wb.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function measureStart(): Promise<number> {
  return withWorkbench(async (wb, startedAt) => {
    const res = await fetch(wb.url);
    await res.text();
    if (!res.ok) throw new Error(`the workbench page answered ${res.status}`);
    return performance.now() - startedAt;
  });
}

interface NewMapWords {
  extensions: string;
  addon: string;
  newMap: string;
  segment: string;
  product: string;
  create: string;
}

/** Runs inside the page: every step by DOM, timed with the page's own clock. */
async function newMapInPage(words: NewMapWords): Promise<number> {
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

export function measureNewMap(): Promise<number> {
  return withWorkbench(async (wb) => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(wb.url);
      await page.getByRole('tab', { name: 'Sheet1' }).waitFor();
      const words: NewMapWords = {
        extensions: 'Extensions',
        addon: 'CJM',
        newMap: t('en', 'menu.newMap'),
        segment: t('en', 'row.segment'),
        product: t('en', 'row.product'),
        create: t('en', 'form.create'),
      };
      // tsx compiles with keepNames, which wraps functions in a __name() helper the page lacks.
      const script = `(() => { const __name = (f) => f; return (${newMapInPage.toString()})(${JSON.stringify(words)}); })()`;
      return (await page.evaluate(script)) as number;
    } finally {
      await browser.close();
    }
  });
}
