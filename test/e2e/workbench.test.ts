/**
 * The workbench in real Chromium, used the way a marketer would: the Extensions menu, the
 * add-on's own New map dialog and sidebar, typing into cells, the add-on's confirmations.
 * The steps build on each other (one map through the whole file), so they run in order.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/core/words/i18n-all';
import { LABEL_COL, ROW, SIDE_COL, a1, stageCol } from '../../src/core/map/layout';
import { presetStages } from '../../src/core/map/stages';
import {
  addonMenu,
  cell,
  closeSession,
  createMap,
  freshWorkbench,
  openSession,
  removeWorkbook,
  screenshot,
  typeInto,
  waitForText,
  type Session,
} from './support';

const STAGES = presetStages('checklist6', 'en').map((s) => s.name);
const COUNTS = [1000, 400, 100, 90, 60, 40];
const header = (i: number): string => a1(ROW.header, stageCol(i));
const customers = (i: number): string => a1(ROW.customers, stageCol(i));
const REVENUE = a1(ROW.revenue, SIDE_COL);

/** Waits until the grid's selected cell (and the name box) is `a1`. */
async function waitForSelected(page: Page, a1: string): Promise<void> {
  await page.locator('[role=gridcell][aria-selected=true]').and(cell(page, a1)).waitFor();
  expect(await page.getByLabel('Selected cell').inputValue()).toBe(a1);
}

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await openSession();
  page = session.page;
});

afterAll(() => closeSession(session));

describe('the workbench with the add-on installed', () => {
  it('creates a map from Extensions → CJM → New map… and shows its stages and rows', async () => {
    await page.getByRole('tab', { name: 'Sheet1' }).waitFor();
    await createMap(page, { segment: 'Young parents', product: 'Fitness club' });
    const tab = page.getByRole('tab', { selected: true });
    expect(await tab.textContent()).toBe('Young parents — Fitness club');
    for (const [i, name] of STAGES.entries()) await waitForText(cell(page, header(i)), name);
    for (const row of ['segment', 'customers', 'avgCheck', 'purchases', 'revenue'] as const) {
      expect(await cell(page, a1(ROW[row], LABEL_COL)).textContent()).toBe(t('en', `row.${row}`));
    }
  });

  it('computes conversion and revenue from the numbers typed into the map', async () => {
    for (const [i, n] of COUNTS.entries())
      await typeInto(page, customers(i), String(n), n.toLocaleString('en-US'));
    await typeInto(page, a1(ROW.avgCheck, SIDE_COL), '2000', '$2,000');
    await typeInto(page, a1(ROW.purchases, SIDE_COL), '1.5', '1.5');
    // L = 1000 (first stage), C = 100 / 1000 (the Purchase stage), P = 2000, Q = 1.5.
    expect(await waitForText(cell(page, REVENUE), '$300,000')).toBe('$300,000');
    expect(await cell(page, a1(ROW.step, stageCol(1))).textContent()).toBe('40.0%');
    // The formula bar shows the formula of the selected cell.
    await cell(page, REVENUE).click();
    expect(await page.getByLabel('Formula bar').inputValue()).toMatch(/^=.*\bCJM_REVENUE\(/);
  });

  it('adds a stage after the selected one and keeps what was typed', async () => {
    await cell(page, header(1)).click();
    await addonMenu(page, t('en', 'menu.addStage'));
    await waitForText(cell(page, header(2)), t('en', 'stage.new'));
    expect(await cell(page, header(3)).textContent()).toBe(STAGES[2]);
    expect(await cell(page, customers(0)).textContent()).toBe('1,000');
    expect(await cell(page, customers(1)).textContent()).toBe('400');
    expect(await cell(page, customers(2)).textContent()).toBe('');
    expect(await cell(page, customers(3)).textContent()).toBe('100');
    expect(await cell(page, REVENUE).textContent()).toBe('$300,000');
    // the page follows the selection the add-on put on the new stage's name
    await waitForSelected(page, header(2));
  });

  it('moves the selected stage twice: the selection goes with it, the funnel keeps its order', async () => {
    await cell(page, customers(1)).click();
    await addonMenu(page, t('en', 'menu.moveRight'));
    await waitForSelected(page, customers(2));
    await addonMenu(page, t('en', 'menu.moveRight'));
    await waitForSelected(page, customers(3));
    expect(await cell(page, header(3)).textContent()).toBe(STAGES[1]);
    expect(await cell(page, customers(3)).textContent()).toBe('400');
    // as a user would, each move waits for the selection to follow the stage: a menu command
    // runs on the cell selected when it is picked
    await addonMenu(page, t('en', 'menu.moveLeft'));
    await waitForSelected(page, customers(2));
    await addonMenu(page, t('en', 'menu.moveLeft'));
    await waitForSelected(page, customers(1));
    await waitForText(cell(page, header(1)), STAGES[1] ?? '');
    expect(await cell(page, header(2)).textContent()).toBe(t('en', 'stage.new'));
    expect(await cell(page, header(3)).textContent()).toBe(STAGES[2]);
  });

  it('asks before removing a stage that holds content, then removes only that one', async () => {
    const last = STAGES.length; // the new stage shifted the original last one right by one
    await cell(page, header(last)).click();
    await addonMenu(page, t('en', 'menu.removeStage'));
    // the add-on's own dialog (an HtmlService modal), in the map's language, opening on "No"
    const confirm = page.getByRole('dialog', {
      name: t('en', 'confirm.removeTitle', { name: STAGES[STAGES.length - 1] ?? '' }),
    });
    await confirm.waitFor();
    await confirm
      .frameLocator('iframe')
      .getByRole('button', { name: t('en', 'answer.yes'), exact: true })
      .click();
    await confirm.waitFor({ state: 'detached' });
    await waitForText(cell(page, header(last)), '');
    expect(await cell(page, header(last - 1)).textContent()).toBe(STAGES[STAGES.length - 2]);
    expect(await cell(page, customers(last - 1)).textContent()).toBe('60');
    expect(await cell(page, REVENUE).textContent()).toBe('$300,000');
  });

  it('opens Formula help in the side panel', async () => {
    await addonMenu(page, t('en', 'menu.formulaHelp'));
    const panel = page.getByRole('complementary', { name: t('en', 'help.title') });
    await panel.waitFor();
    const help = panel.frameLocator('iframe');
    for (const name of ['CJM_REVENUE', 'CJM_CONVERSION', 'CJM_FUNNEL']) {
      await help.getByRole('heading', { name, exact: true }).waitFor();
    }
    const box = await panel.boundingBox();
    expect(Math.round(box?.width ?? 0)).toBeGreaterThanOrEqual(300);
  });

  it("asks for the new name in the add-on's own dialog when renaming the map", async () => {
    await addonMenu(page, t('en', 'menu.rename'));
    const dialog = page.getByRole('dialog', { name: t('en', 'prompt.renameTitle') });
    const prompt = dialog.frameLocator('iframe');
    await prompt.getByRole('textbox').fill('Parents Q3');
    await prompt.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitForText(page.getByRole('tab', { selected: true }), 'Parents Q3');
  });

  it('downloads the map as .xlsx', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download .xlsx' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Parents Q3.xlsx');
    const path = await download.path();
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a zip, as every .xlsx is
  });

  it('answers bad requests with a 4xx JSON message and keeps serving', async () => {
    const post = (body: string, type = 'application/json') =>
      fetch(new URL('/api/action', session.workbench.url), {
        method: 'POST',
        headers: { 'Content-Type': type },
        body,
      });
    for (const res of [
      await post('{not json'),
      await post('{"action":{"kind":"launch-missiles"}}'),
      await post('[]'),
      await post('hi', 'text/plain'),
    ]) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(typeof ((await res.json()) as { error: unknown }).error).toBe('string');
    }
    const answer = await fetch(new URL('/api/answer', session.workbench.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"questionId":"q999","response":"OK"}',
    });
    expect(answer.status).toBe(409);
    expect((await fetch(new URL('/nowhere', session.workbench.url))).status).toBe(404);
    // Still serving, and the page still works.
    await page.reload();
    await waitForText(cell(page, REVENUE), '$300,000');
    expect(session.pageErrors).toEqual([]);
  });

  it('keeps the workbook in its file and resets it only after confirmation', async () => {
    const saved = JSON.parse(readFileSync(session.workbench.file, 'utf8')) as {
      sheets: Array<{ name: string }>;
    };
    expect(saved.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Parents Q3']);
    await page.getByRole('button', { name: 'Reset…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Reset the workbook?' });
    await confirm.getByLabel('Spreadsheet locale').selectOption('ru_RU');
    await confirm.getByRole('button', { name: 'Reset' }).click();
    await waitForText(page.getByRole('tablist', { name: 'Sheets' }), 'Sheet1');
    expect(await page.getByRole('tab').count()).toBe(1);
    // The new workbook's user is Russian (ru_RU): the add-on's menu is in Russian too.
    await addonMenu(page, t('ru', 'menu.newMap'));
    await page.getByRole('dialog', { name: t('ru', 'dialog.newMap') }).waitFor();
  });
});

describe('screenshots for the docs', () => {
  it('shows the worked-example map and the formula help (map.png, sidebar.png)', async () => {
    const shots = await freshWorkbench();
    const shotPage = await session.browser.newPage({
      viewport: { width: 1400, height: 900 },
      deviceScaleFactor: 1,
    });
    try {
      await shotPage.goto(shots.url);
      await createMap(shotPage, {
        segment: 'Office workers',
        product: 'Fitness club',
        example: true,
      });
      await waitForText(cell(shotPage, header(0)), /\S/);
      await cell(shotPage, header(0)).click();
      await screenshot(shotPage, 'map.png');
      await addonMenu(shotPage, t('en', 'menu.formulaHelp'));
      await shotPage
        .getByRole('complementary')
        .frameLocator('iframe')
        .getByRole('heading', { name: 'CJM_REVENUE', exact: true })
        .waitFor();
      // Show the KPI block, right under the frozen stage header, with a CJM formula selected.
      await cell(shotPage, a1(ROW.kpiSection, LABEL_COL)).evaluate((node) =>
        node.scrollIntoView({ block: 'start' }),
      );
      await cell(shotPage, a1(ROW.step, stageCol(1))).click();
      await screenshot(shotPage, 'sidebar.png');
    } finally {
      await shotPage.close();
      await shots.stop();
      removeWorkbook(shots.file);
    }
  });
});
