/**
 * Helpers for driving the workbench as a marketer would: by roles and labels, never CSS.
 * Row numbers, labels and stage names come from the add-on's own layout and catalogue,
 * so the tests follow the template when it changes.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContextOptions, FrameLocator, Locator, Page } from 'playwright-core';
import { launchChromium } from '../../dev/workbench/chromium';
import { t, type AnyMessageKey as MessageKey } from '../../src/core/words/i18n-all';
import { launchWorkbench, type LaunchedWorkbench } from '../../dev/workbench/launch';

/**
 * Screenshots are taken on every run (so the shots are tested too); `npm run screenshots`
 * (SCREENSHOTS=1) writes them into docs/screenshots for the README and docs/, otherwise a temp
 * folder.
 */
export const SCREENSHOT_DIR =
  process.env.SCREENSHOTS === '1' ? 'docs/screenshots' : mkdtempSync(join(tmpdir(), 'cjm-shots-'));

/** Saves a screenshot of `page` as `name` in SCREENSHOT_DIR and checks it is a real picture. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, name);
  await page.screenshot({ path });
  const png = readFileSync(path);
  if (png.subarray(1, 4).toString() !== 'PNG' || png.length < 10_000)
    throw new Error(`${path} is not a usable screenshot`);
}

/**
 * A poster SVG as Chromium draws it, on an A4-landscape page of its own: proof the file renders
 * at its size; `name` also saves it as a screenshot. The page is closed afterwards.
 */
export async function drawPoster(
  browser: Browser,
  svg: string,
  name?: string,
): Promise<{ width: number; height: number } | null> {
  const view = await browser.newPage({ viewport: { width: 1123, height: 794 } });
  try {
    await view.setContent(
      `<!DOCTYPE html><body style="margin:0">${svg.replace(/^<\?xml[^>]*>\s*/, '').replace(/width="297mm" height="210mm"/, 'width="1123" height="794"')}</body>`,
    );
    const box = await view.locator('svg').boundingBox();
    if (name) await screenshot(view, name);
    return box && { width: box.width, height: box.height };
  } finally {
    await view.close();
  }
}

/** A workbench on a free port with its own workbook file in a temp folder. */
export async function freshWorkbench(
  locale = 'en_US',
): Promise<LaunchedWorkbench & { file: string }> {
  const file = join(mkdtempSync(join(tmpdir(), 'cjm-workbench-')), 'workbook.json');
  const wb = await launchWorkbench(['--port', '0', '--file', file, '--locale', locale]);
  return { ...wb, file };
}

/** Deletes the temp folder of a freshWorkbench() file once the workbench is stopped. */
export function removeWorkbook(file: string | undefined): void {
  if (file) rmSync(dirname(file), { recursive: true, force: true });
}

/** A message of the add-on in English or Russian, as a test names what it looks for. */
export const en = (key: MessageKey, vars?: Record<string, string | number>): string =>
  t('en', key, vars);
export const ru = (key: MessageKey, vars?: Record<string, string | number>): string =>
  t('ru', key, vars);

/**
 * Text as the page shows it, with any kind of space as a plain one ("7 425 000 ₽" uses no-break
 * spaces).
 */
export const plain = (s: string | null | undefined): string =>
  (s ?? '').replace(/\s+/g, ' ').trim();

/**
 * The wizard's page: the frame inside the side panel the host titles in the spreadsheet's language.
 */
export function wizardFrame(page: Page, lang: 'en' | 'ru'): FrameLocator {
  return page.getByRole('complementary', { name: t(lang, 'wizard.title') }).frameLocator('iframe');
}

/**
 * Opens the wizard from Extensions → CJM and waits until its page is a new one: the menu replaces
 * a side panel already open (New map… opens the wizard too), and until it does, a wait for what
 * the wizard shows could be met by the old page, which is about to go.
 */
export async function openWizard(page: Page, lang: 'en' | 'ru'): Promise<FrameLocator> {
  const panel = page.getByRole('complementary').locator('iframe');
  const before = (await panel.count()) ? await panel.getAttribute('src') : null;
  await addonMenu(page, t(lang, 'menu.wizard'));
  await page
    .getByRole('complementary', { name: t(lang, 'wizard.title') })
    .locator(before ? `iframe:not([src="${before}"])` : 'iframe')
    .waitFor();
  return wizardFrame(page, lang);
}

/**
 * Opens the step's "N optional fields" disclosure (the fields a first pass may leave empty wait
 * behind it while they are empty); nothing when the step has none or it is open.
 */
export async function showOptional(frame: FrameLocator, lang: 'en' | 'ru'): Promise<void> {
  const forms = [1, 2, 5].map((n) =>
    t(lang, 'fields.optional', { n })
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(String(n), '\\d+'),
  );
  const more = frame.getByRole('button', {
    name: new RegExp(`^(${forms.join('|')})$`),
    expanded: false,
  });
  if (await more.count()) await more.click();
}

/** In an English wizard: step 11, Present, from the step list, and "Insert charts" until done. */
export async function insertChartsFromWizard(w: FrameLocator): Promise<void> {
  await w
    .getByRole('navigation', { name: en('wizard.stepsNav') })
    .getByRole('button', { name: /^11\. / })
    .click();
  await w.getByRole('heading', { level: 2, name: en('step.present') }).waitFor();
  await w.getByRole('button', { name: en('present.charts'), exact: true }).click();
  await w.getByText(en('present.chartsDone')).waitFor();
}

export function cell(page: Page, a1: string): Locator {
  return page.getByRole('gridcell', { name: a1, exact: true });
}

/** Extensions → CJM → <item>. */
export async function addonMenu(page: Page, item: string): Promise<void> {
  await page.getByRole('menuitem', { name: 'Extensions' }).click();
  await page.getByRole('menuitem', { name: 'CJM', exact: true }).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
}

/** Selects a cell, types, presses Enter, and waits for the sheet to show `shown`. */
export async function typeInto(
  page: Page,
  a1: string,
  text: string,
  shown: string | RegExp,
): Promise<void> {
  await cell(page, a1).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await waitForText(cell(page, a1), shown);
}

/**
 * The longest a browser test waits for one thing to appear: generous, because `npm test` runs
 * two test files at a time on two cores, and a wait that is met returns at once.
 */
export const WAIT_MS = 20_000;

/** Waits until the locator's text is `expected` (the grid redraws after the server answers). */
export async function waitForText(
  locator: Locator,
  expected: string | RegExp,
  timeoutMs = WAIT_MS,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    last = ((await locator.textContent({ timeout: timeoutMs })) ?? '').trim();
    if (typeof expected === 'string' ? last === expected : expected.test(last)) return last;
    if (Date.now() > deadline)
      throw new Error(`expected ${String(expected)}, still "${last}" after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The New map dialog's page (an iframe of the add-on's Sidebar.html). */
export function newMapDialog(page: Page): { dialog: Locator; form: FrameLocator } {
  const title = t('en', 'dialog.newMap');
  return {
    dialog: page.getByRole('dialog', { name: title }),
    form: page.getByRole('dialog', { name: title }).frameLocator('iframe'),
  };
}

export async function createMap(
  page: Page,
  opts: { segment: string; product: string; example?: boolean },
): Promise<void> {
  await addonMenu(page, t('en', 'menu.newMap'));
  const { dialog, form } = newMapDialog(page);
  await form.getByLabel(t('en', 'row.segment')).fill(opts.segment);
  await form.getByLabel(t('en', 'row.product')).fill(opts.product);
  if (opts.example) await form.getByLabel(t('en', 'form.example')).check();
  await form.getByRole('button', { name: t('en', 'form.create') }).click();
  await dialog.waitFor({ state: 'detached' });
}

export interface Session {
  workbench: Awaited<ReturnType<typeof freshWorkbench>>;
  browser: Browser;
  page: Page;
  /** uncaught errors of the page, which every test expects to stay empty */
  pageErrors: string[];
}

/**
 * A fresh workbench (a spreadsheet in `locale`) and Chromium, with the workbench open in a 1400×900
 * page.
 */
export async function openSession(
  options: BrowserContextOptions = {},
  locale = 'en_US',
): Promise<Session> {
  const [workbench, browser] = await Promise.all([freshWorkbench(locale), launchChromium()]);
  // A context of its own (not browser.newPage): axe's checks open a blank page beside this one.
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    deviceScaleFactor: 1,
    ...options,
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(workbench.url);
  return { workbench, browser, page, pageErrors };
}

/** A session whose workbench has drawn its first sheet, with WAIT_MS as its default wait. */
export async function openReadySession(
  options: BrowserContextOptions = {},
  locale = 'en_US',
): Promise<Session> {
  const s = await openSession(options, locale);
  s.page.setDefaultTimeout(WAIT_MS);
  await s.page.getByRole('tab', { selected: true }).waitFor();
  return s;
}

/** A Russian spreadsheet (ru_RU) in a Russian browser that accepts downloads. */
export const openRussianSession = (): Promise<Session> =>
  openReadySession({ locale: 'ru-RU', acceptDownloads: true }, 'ru_RU');

export async function closeSession(s: Partial<Session> | undefined): Promise<void> {
  await s?.browser?.close();
  await s?.workbench?.stop();
  removeWorkbook(s?.workbench?.file);
}

/**
 * axe-core on the whole page, the add-on's sidebar and dialogs included (they are iframes of
 * the page: axe runs inside each frame). Returns one line per violation and element, so a
 * failing test names the rule, the element and how to fix it; [] means none. `skip` leaves
 * parts of the page out (CSS selectors), e.g. the grid when checking the side panel: axe
 * takes seconds over a sheet's cells.
 */
export async function axeViolations(page: Page, skip: string[] = []): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (skip.length) builder = builder.exclude(skip);
  const results = await builder.analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id} (${v.impact ?? 'n/a'}) at ${n.target.map(String).join(' >>> ')}: ${v.help}. ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''} ${n.html.slice(0, 160)}`,
    ),
  );
}
