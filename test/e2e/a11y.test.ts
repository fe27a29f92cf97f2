/**
 * axe-core (WCAG 2.x A/AA and best practices) on everything a user sees in the workbench:
 * the page itself, the add-on's New map dialog, every step of the wizard, Formula help, the
 * add-on's questions (a confirmation and a prompt), the wizard's own confirmation and the
 * workbench's Reset dialog. The add-on's pages are iframes of the workbench page; axe runs
 * inside each frame. Every check expects 0 violations, listed by rule and element if not.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/core/words/i18n-all';
import { ROW, a1, stageCol } from '../../src/core/map/layout';
import { STEP_IDS } from '../../src/core/wizard/steps';
import {
  addonMenu,
  openWizard,
  axeViolations,
  cell,
  closeSession,
  createMap,
  insertChartsFromWizard,
  en,
  newMapDialog,
  openReadySession,
  type Session,
  wizardFrame,
} from './support';

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await openReadySession();
  page = session.page;
});

afterAll(() => closeSession(session));

/**
 * The sheet's cells cost axe most of its time (about 15 s for a map's 600 cells, against 3 s for
 * the rest of the page), so they are checked once, with a map: its formats, notes and conditional
 * colours. The other checks leave out the whole sheet (GRID) or only its cells (CELLS: the charts
 * drawn over them stay in).
 */
const GRID = ['#grid-scroll'];
const CELLS = ['#grid-scroll table'];

const wizard = (): FrameLocator => wizardFrame(page, 'en');

describe('accessibility (axe-core): 0 violations', { timeout: 180_000 }, () => {
  it('on the empty workbench page', async () => {
    expect(await axeViolations(page, CELLS)).toEqual([]);
  });

  it('on the New map dialog, in its frame', async () => {
    await addonMenu(page, en('menu.newMap'));
    const { dialog, form } = newMapDialog(page);
    await form.getByLabel(en('row.segment')).waitFor();
    const found = await axeViolations(page, GRID);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(found).toEqual([]);
  });

  it('on the workbench with a map: its formats, notes and conditional colours', async () => {
    await createMap(page, { segment: 'Office workers', product: 'Fitness club', example: true });
    await page.getByRole('gridcell', { name: a1(ROW.header, stageCol(0)), exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('looks inside the add-on frames (a broken control put into the New map dialog is found)', async () => {
    // The New map dialog of the test before opened the wizard: the dialog's frame is the only one.
    const closeSidebar = page.getByRole('button', { name: 'Close sidebar' });
    if (await closeSidebar.count()) await closeSidebar.click();
    await addonMenu(page, en('menu.newMap'));
    const { dialog, form } = newMapDialog(page);
    await form.getByLabel(en('row.segment')).waitFor();
    const frame = page.frames().find((f) => f.url().includes('/surface/'));
    await frame?.evaluate(() =>
      document.body.insertAdjacentHTML(
        'beforeend',
        '<input id="axe-probe"><button id="axe-probe-2"></button>',
      ),
    );
    const found = await axeViolations(page, GRID);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(found.some((v) => /^label .* at iframe >>> #axe-probe:/.test(v))).toBe(true);
    expect(found.some((v) => /^button-name .* at iframe >>> #axe-probe-2:/.test(v))).toBe(true);
  });

  it('on every step of the wizard', async () => {
    await openWizard(page, 'en');
    const found: Record<string, string[]> = {};
    for (const [i, step] of STEP_IDS.entries()) {
      const w = wizard();
      const nav = w.getByRole('navigation', { name: en('wizard.stepsNav') });
      const current = nav.getByRole('button', { name: new RegExp(`^${i + 1}\\. `) });
      if ((await current.getAttribute('aria-current')) !== 'step') await current.click();
      await w.getByRole('heading', { level: 2, name: en(`step.${step}`) }).waitFor();
      await w
        .getByText(en('wizard.progress', { n: i + 1, total: STEP_IDS.length }), { exact: true })
        .waitFor();
      const v = await axeViolations(page, GRID);
      if (v.length) found[step] = v;
    }
    expect(found).toEqual({});
  });

  it('on a wizard step with a field error and with a plan row', async () => {
    const w = wizard();
    const nav = w.getByRole('navigation', { name: en('wizard.stepsNav') });
    await nav.getByRole('button', { name: /^7\. / }).click();
    await w.getByRole('heading', { level: 2, name: en('step.kpis') }).waitFor();
    const check = w.getByLabel(en('row.avgCheck'));
    const before = await check.inputValue();
    await check.fill('a lot');
    await w.getByRole('button', { name: en('wizard.save'), exact: true }).click();
    await w.locator('[aria-invalid="true"]').first().waitFor();
    const withError = await axeViolations(page, GRID);
    await check.fill(before);
    await nav.getByRole('button', { name: /^10\. / }).click();
    await w.getByRole('heading', { level: 2, name: en('step.plan') }).waitFor();
    await w.getByRole('button', { name: en('plan.add') }).click();
    await w.getByLabel(en('plan.action'), { exact: true }).first().waitFor();
    const withRow = await axeViolations(page, GRID);
    expect({ withError, withRow }).toEqual({ withError: [], withRow: [] });
  });

  it('on the wizard after inserting the charts, the charts drawn on the sheet included', async () => {
    const w = wizard();
    // Leaving the plan step saves the new (empty) action row: remove it first.
    await w
      .getByRole('button', { name: en('plan.remove') })
      .first()
      .click();
    await insertChartsFromWizard(w);
    const chart = page.getByRole('img', { name: en('chart.funnel') });
    await chart.waitFor();
    // the sheet is drawn again when the add-on's selection arrives: scroll to the chart drawn last
    for (let tries = 1; ; tries++) {
      try {
        await chart.scrollIntoViewIfNeeded({ timeout: 2000 });
        break;
      } catch (e) {
        if (tries === 5) throw e;
        await page.waitForTimeout(200);
      }
    }
    expect(await axeViolations(page, CELLS)).toEqual([]);
  });

  it("on the wizard's own confirmation (removing a stage)", async () => {
    const w = wizard();
    await w
      .getByRole('navigation', { name: en('wizard.stepsNav') })
      .getByRole('button', { name: /^3\. / })
      .click();
    await w.getByRole('heading', { level: 2, name: en('step.stages') }).waitFor();
    await w
      .getByRole('button', { name: en('stages.remove') })
      .first()
      .click();
    const confirm = w.getByRole('alertdialog');
    await confirm.waitFor();
    const found = await axeViolations(page, GRID);
    await confirm.getByRole('button').last().click();
    await confirm.waitFor({ state: 'detached' });
    expect(found).toEqual([]);
  });

  it('on Formula help in the side panel', async () => {
    await addonMenu(page, en('menu.formulaHelp'));
    await page
      .getByRole('complementary')
      .frameLocator('iframe')
      .getByRole('heading', { name: 'CJM_REVENUE', exact: true })
      .waitFor();
    expect(await axeViolations(page, GRID)).toEqual([]);
  });

  it("on the add-on's removal dialog (Remove stage)", async () => {
    await cell(page, a1(ROW.header, stageCol(5))).click();
    await addonMenu(page, en('menu.removeStage'));
    const confirm = page.getByRole('dialog', { name: /^Remove the stage/ });
    await confirm
      .frameLocator('iframe')
      .getByRole('button', { name: en('answer.no'), exact: true })
      .waitFor();
    const found = await axeViolations(page, GRID);
    await confirm
      .frameLocator('iframe')
      .getByRole('button', { name: en('answer.no'), exact: true })
      .click();
    await confirm.waitFor({ state: 'detached' });
    expect(found).toEqual([]);
  });

  it("on the add-on's rename dialog (Rename the map…)", async () => {
    await addonMenu(page, en('menu.rename'));
    const dialog = page.getByRole('dialog', { name: en('prompt.renameTitle') });
    await dialog.frameLocator('iframe').getByRole('textbox').waitFor();
    const found = await axeViolations(page, GRID);
    await dialog
      .frameLocator('iframe')
      .getByRole('button', { name: en('answer.cancel') })
      .click();
    await dialog.waitFor({ state: 'detached' });
    expect(found).toEqual([]);
  });

  it("on the workbench's own Reset dialog", async () => {
    await page.getByRole('button', { name: 'Reset…' }).click();
    const reset = page.getByRole('alertdialog', { name: 'Reset the workbook?' });
    await reset.waitFor();
    const found = await axeViolations(page, GRID);
    await reset.getByRole('button', { name: 'Close' }).click();
    await reset.waitFor({ state: 'detached' });
    expect(found).toEqual([]);
  });

  it('in Russian: the New map dialog says its language (lang="ru") and passes', async () => {
    await page.getByRole('button', { name: 'Reset…' }).click();
    const reset = page.getByRole('alertdialog', { name: 'Reset the workbook?' });
    await reset.getByLabel('Spreadsheet locale').selectOption('ru_RU');
    await reset.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.getByRole('tab', { name: 'Sheet1', exact: true, selected: true }).waitFor();
    await addonMenu(page, t('ru', 'menu.newMap'));
    const dialog = page.getByRole('dialog', { name: t('ru', 'dialog.newMap') });
    const form = dialog.frameLocator('iframe');
    await form.getByLabel(t('ru', 'row.segment')).waitFor();
    expect(await form.locator('html').getAttribute('lang')).toBe('ru');
    expect(await axeViolations(page, GRID)).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
