/**
 * The journey poster in real Chromium through the workbench, in a Russian spreadsheet: a map
 * made from the worked example, step 10 of the wizard, one click on Download poster; the file
 * that arrives is checked for what a director would read on it. Then the Copy buttons (the
 * outline's, formula help's), with the clipboard allowed and with it refused.
 */
import { readFileSync } from 'node:fs';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presetStages } from '../../src/core/map/stages';
import { elements, parseXml, textOf } from '../support/xml';
import {
  addonMenu,
  openWizard,
  closeSession,
  drawPoster,
  openRussianSession,
  ru,
  screenshot,
  type Session,
  wizardFrame,
} from './support';

const STAGES = presetStages('checklist6', 'ru').map((s) => s.name);
const NBSP = '\u00a0';

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await openRussianSession();
  page = session.page;
});

afterAll(() => closeSession(session));

const wizard = (): FrameLocator => wizardFrame(page, 'ru');
const button = (name: string): Locator => wizard().getByRole('button', { name, exact: true });

describe('the journey poster, downloaded from the sidebar', { timeout: 90_000 }, () => {
  it('a Russian example map, opened at step 10', async () => {
    await openWizard(page, 'ru');
    const w = wizard();
    await w.getByText(ru('wizard.noMap')).waitFor();
    await w.getByLabel(ru('row.segment')).fill('Офисные сотрудники');
    await w.getByLabel(ru('row.product'), { exact: true }).fill('Фитнес-клуб');
    await w.getByLabel(ru('form.example')).check();
    await w.getByRole('button', { name: ru('form.create') }).click();
    await w.getByRole('heading', { level: 1 }).waitFor();
    await w.getByRole('button', { name: `11. ${ru('step.present')}` }).click();
    await w.getByRole('heading', { level: 2, name: ru('step.present') }).waitFor();
  });

  it('one click saves an SVG poster in Russian: stages, curve, funnel, weakest transition, revenue', async () => {
    // the sidebar is sandboxed as HtmlService sandboxes it: downloads allowed, no top navigation
    const sandbox =
      (await page
        .getByRole('complementary', { name: ru('wizard.title') })
        .locator('iframe')
        .getAttribute('sandbox')) ?? '';
    expect(sandbox.split(' ')).toEqual(
      expect.arrayContaining(['allow-scripts', 'allow-downloads', 'allow-same-origin']),
    );
    expect(sandbox).not.toMatch(/allow-top-navigation/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      button(ru('present.poster')).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/ — постер\.svg$/);
    const svg = readFileSync(await download.path(), 'utf8');
    // well-formed for our strict check and for Chromium's own XML parser
    const root = parseXml(svg);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        errors: doc.getElementsByTagName('parsererror').length,
        root: doc.documentElement.nodeName,
      };
    }, svg);
    expect(parsed).toEqual({ errors: 0, root: 'svg' });
    const lines = elements(root)
      .filter((e) => e.name === 'text')
      .map((e) => textOf(e, ' '));
    for (const [i, name] of STAGES.entries()) expect(lines).toContain(`${i + 1}. ${name}`);
    const all = lines.join('\n');
    for (const key of [
      'row.curve',
      'poster.funnel',
      'row.weakest',
      'poster.top',
      'poster.kpiRevenue',
    ] as const)
      expect(all).toContain(ru(key));
    expect(lines).toContain(`4${NBSP}680${NBSP}000${NBSP}₽`);
    expect(lines).toContain(`${STAGES[1]} → ${STAGES[2]}`);
    expect(all).toContain(ru('poster.noActions'));
    // the link stays, for a second try where a browser held the first download back
    const again = wizard().getByRole('link', { name: ru('present.posterSave') });
    expect(await again.getAttribute('download')).toBe(download.suggestedFilename());
    await again.evaluate((node) => node.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'wizard-poster.png');

    // the poster as Chromium draws it (the guide's picture, docs/guide.md, comes from the whole
    // Russian job, with its plan)
    expect(await drawPoster(session.browser, svg)).toEqual({ width: 1123, height: 794 });
  });

  it('the outline copies through the Clipboard API, and when that is refused it is left selected for Ctrl+C', async () => {
    const w = wizard();
    await button(ru('present.mindmap')).click();
    const outline = w.getByLabel(ru('present.copy'));
    await outline.waitFor();
    const markdown = await outline.inputValue();

    await w.locator('body').evaluate(() => {
      const win = window as unknown as { copiedText?: string };
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: {
          writeText: async (text: string) => {
            win.copiedText = text;
          },
        },
      });
    });
    await button(ru('present.copyOutline')).click();
    await w.getByText(ru('help.copied'), { exact: true }).waitFor();
    expect(
      await w
        .locator('body')
        .evaluate(() => (window as unknown as { copiedText?: string }).copiedText),
    ).toBe(markdown);

    await w.locator('body').evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: {
          writeText: () =>
            Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
        },
      });
      document.execCommand = () => false;
      window.getSelection()?.removeAllRanges();
      (document.activeElement as HTMLElement | null)?.blur();
    });
    await button(ru('present.copyOutline')).click();
    await w.getByText(ru('copy.selected')).waitFor();
    const selection = await outline.evaluate((el: HTMLTextAreaElement) => ({
      focused: document.activeElement === el,
      start: el.selectionStart,
      end: el.selectionEnd,
      length: el.value.length,
    }));
    expect(selection).toEqual({
      focused: true,
      start: 0,
      end: markdown.length,
      length: markdown.length,
    });
  });

  it("formula help's Copy buttons fall back the same way: the formula is left selected", async () => {
    await addonMenu(page, ru('menu.formulaHelp'));
    const help = page.getByRole('complementary', { name: ru('help.title') }).frameLocator('iframe');
    const first = help.getByRole('button', { name: new RegExp(`^${ru('help.copy')} =`) }).first();
    await first.waitFor();
    const formula = ((await first.getAttribute('aria-label')) ?? '').slice(
      ru('help.copy').length + 1,
    );
    await help.locator('body').evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
      document.execCommand = () => false;
    });
    await first.click();
    await help.getByText(ru('copy.selected')).first().waitFor();
    expect(await help.locator('body').evaluate(() => window.getSelection()?.toString())).toBe(
      formula,
    );
    expect(session.pageErrors).toEqual([]);
  });
});
