/**
 * Benchmark hooks for `npm run bench` (they need a built dist/):
 *   measureStart()   ms from launching the workbench process to its page answering 200
 *   measureNewMap()  ms, measured in Chromium, from the click on Extensions → CJM → New map…
 *                    to the new map drawn in the grid (dialog filled and submitted by script)
 * Each call starts its own workbench on a free port with a throwaway workbook file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { t } from '../src/core/words/i18n-all';
import { bundle } from '../dev/workbench/assets';
import { launchChromium } from '../dev/workbench/chromium';
import { launchWorkbench, type LaunchedWorkbench } from '../dev/workbench/launch';
import type { NewMapWords } from '../dev/workbench/protocol';

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
      // The in-page part is browser code (dev/workbench/page/bench-new-map.ts), bundled like the page.
      const script = await bundle('./page/bench-new-map.ts', 'cjmBench');
      return (await page.evaluate(
        `${script}\ncjmBench.newMapInPage(${JSON.stringify(words)})`,
      )) as number;
    } finally {
      await browser.close();
    }
  });
}
