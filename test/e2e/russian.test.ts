/**
 * Russian first, in real Chromium through a ru_RU workbench: the host's question buttons in
 * Russian with the safe answer as the default (Enter keeps the stage), the sidebar's own
 * confirmation opening on "Отмена", a formula typed in the grid with ";" and a decimal comma,
 * the count in the removal question agreeing with its number, and a review date that is a
 * real date shown as 15.05.2026.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROW, SIDE_COL, a1, stageCol } from '../../src/core/map/layout';
import { presetStages } from '../../src/core/map/stages';
import {
  addonMenu,
  openWizard,
  axeViolations,
  cell,
  closeSession,
  openRussianSession,
  plain,
  ru,
  type Session,
  typeInto,
  waitForText,
  wizardFrame,
} from './support';

const STAGES = presetStages('checklist6', 'ru').map((s) => s.name);
const at = (row: keyof typeof ROW, stage: number | null): string =>
  a1(ROW[row], stage === null ? SIDE_COL : stageCol(stage));

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await openRussianSession();
  page = session.page;
});

afterAll(() => closeSession(session));

const wizard = (): FrameLocator => wizardFrame(page, 'ru');

describe('a Russian workbench, Russian first', { timeout: 90_000 }, () => {
  it('takes a formula typed with ";" and a decimal comma, as Sheets does in ru_RU', async () => {
    await typeInto(page, 'A1', '=CJM_REVENUE(1000; 5%; 2000; 1,5)', /^150\s?000$/);
    // the formula bar shows it as typed
    await cell(page, 'A1').click();
    expect(await page.getByRole('textbox', { name: 'Formula bar' }).inputValue()).toBe(
      '=CJM_REVENUE(1000; 5%; 2000; 1,5)',
    );
    expect(session.pageErrors).toEqual([]);
  });

  it('creates a Russian map in the New map dialog, its frame and its map marker in Russian', async () => {
    await addonMenu(page, ru('menu.newMap'));
    const dialog = page.getByRole('dialog', { name: ru('dialog.newMap') });
    const form = dialog.frameLocator('iframe');
    await form.getByLabel(ru('row.segment')).fill('Родители школьников');
    await form.getByLabel(ru('row.product')).fill('Онлайн-курс английского');
    expect(await dialog.getByRole('button', { name: 'Закрыть' }).count()).toBe(1);
    await form.getByRole('button', { name: ru('form.create') }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitForText(cell(page, at('header', 0)), STAGES[0] ?? '');
    expect(await cell(page, a1(ROW.footer, 1)).textContent()).toMatch(
      /^Карта CJM [A-Z0-9]+ · шаблон v2$/,
    );
  });

  it('asks before removing a stage in the add-on\'s own dialog, in Russian, on "Нет" by default: Enter and Escape keep the stage', async () => {
    // (typed in Latin letters: the test's keyboard has no Cyrillic keys to press)
    await typeInto(page, at('actions', 1), 'Looks for a course', 'Looks for a course');
    await typeInto(page, at('barriers', 1), 'Too dear', 'Too dear');
    await cell(page, at('header', 1)).click();
    await addonMenu(page, ru('menu.removeStage'));
    // not Ui.alert (Google would draw its buttons in the account's language, on "Yes"): a modal of
    // the add-on's own page
    const question = page.getByRole('dialog', {
      name: ru('confirm.removeTitle', { name: STAGES[1] ?? '' }),
    });
    await question.waitFor();
    const inside = question.frameLocator('iframe');
    await inside
      .getByText('В нём 2 заполненных ячейки. Они будут удалены вместе с этапом.')
      .waitFor();
    expect(await inside.locator('html').getAttribute('lang')).toBe('ru');
    const names = await inside.getByRole('button').allTextContents();
    expect(names).toEqual(['Нет', 'Да']);
    const no = inside.getByRole('button', { name: 'Нет', exact: true });
    await expect.poll(() => no.evaluate((b) => b === document.activeElement)).toBe(true);
    const found = await axeViolations(page, ['#grid-scroll']);
    expect(found).toEqual([]);
    await page.keyboard.press('Enter');
    await question.waitFor({ state: 'detached' });
    expect(await cell(page, at('header', 1)).textContent()).toBe(STAGES[1]);
    expect(await cell(page, at('actions', 1)).textContent()).toBe('Looks for a course');
    // Escape is "Нет" too
    await addonMenu(page, ru('menu.removeStage'));
    await inside.getByRole('button', { name: 'Нет', exact: true }).waitFor();
    await expect.poll(() => no.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    expect(await cell(page, at('header', 1)).textContent()).toBe(STAGES[1]);
    // and a deliberate "Да" removes it
    await addonMenu(page, ru('menu.removeStage'));
    await inside.getByRole('button', { name: 'Да', exact: true }).click();
    await question.waitFor({ state: 'detached' });
    await waitForText(cell(page, at('header', 1)), STAGES[2] ?? '');
  });

  it("renames the map in the add-on's own dialog: its name in the field, ОК / Отмена in Russian", async () => {
    const before = (await page.getByRole('tab', { selected: true }).textContent()) ?? '';
    await addonMenu(page, ru('menu.rename'));
    const dialog = page.getByRole('dialog', { name: ru('prompt.renameTitle') });
    await dialog.waitFor();
    const inside = dialog.frameLocator('iframe');
    const field = inside.getByLabel(ru('prompt.renameBody'));
    await expect.poll(() => field.inputValue()).toBe(before.trim());
    expect(await inside.getByRole('button').allTextContents()).toEqual(['ОК', 'Отмена']);
    const found = await axeViolations(page, ['#grid-scroll']);
    expect(found).toEqual([]);
    await field.fill('Parents Q3');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await waitForText(page.getByRole('tab', { selected: true }), 'Parents Q3');
  });

  it('shows the status line in Russian while the add-on works', async () => {
    const seen = new Promise<string>((resolve) => {
      void page.exposeFunction('cjmStatusSeen', resolve).then(() =>
        page.evaluate(() => {
          const node = document.getElementById('status');
          if (!node) return;
          new MutationObserver(() => {
            if (node.textContent)
              (window as unknown as { cjmStatusSeen(t: string): void }).cjmStatusSeen(
                node.textContent,
              );
          }).observe(node, { childList: true, characterData: true, subtree: true });
        }),
      );
    });
    await page.waitForTimeout(100);
    await typeInto(page, at('drivers', 0), 'Discount', 'Discount');
    expect(await seen).toBe('Работаем…');
  });

  it('opens the sidebar\'s own removal confirmation on "Отмена": Enter keeps the stage', async () => {
    await openWizard(page, 'ru');
    const w = wizard();
    await w.getByRole('button', { name: `3. ${ru('step.stages')}` }).click();
    await w.getByRole('heading', { level: 2, name: ru('step.stages') }).waitFor();
    // the first stage holds the driver typed above, so removing it asks first
    await w
      .getByRole('button', { name: ru('stages.remove') })
      .first()
      .click();
    const confirm = w.getByRole('alertdialog');
    await confirm.waitFor();
    const cancel = confirm.getByRole('button', { name: ru('form.cancel'), exact: true });
    expect(await cancel.evaluate((b) => b === document.activeElement)).toBe(true);
    await cancel.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    expect(await cell(page, at('header', 0)).textContent()).toBe(STAGES[0]);
  });

  it('saves a review date from the sidebar as a real date, shown as 15.05.2026', async () => {
    const w = wizard();
    await w.getByRole('button', { name: `11. ${ru('step.present')}` }).click();
    await w.getByRole('heading', { level: 2, name: ru('step.present') }).waitFor();
    await w.getByLabel(ru('row.nextReview')).fill('2026-05-15');
    await w.getByRole('button', { name: ru('wizard.save'), exact: true }).click();
    await w.getByRole('status').getByText(ru('wizard.saved')).waitFor();
    await waitForText(cell(page, at('nextReview', null)), '15.05.2026');
    // read back: the form shows the same day
    await w.getByRole('button', { name: `10. ${ru('step.plan')}` }).click();
    await w.getByRole('button', { name: new RegExp(`^11\\. ${ru('step.present')}`) }).click();
    await w.getByRole('heading', { level: 2, name: ru('step.present') }).waitFor();
    expect(await w.getByLabel(ru('row.nextReview')).inputValue()).toBe('2026-05-15');
    expect(session.pageErrors).toEqual([]);
  });

  it('names a damaged map in the sidebar as an alert that stays, in Russian, saying where and how to repair it', async () => {
    // a colleague typed over the map's own marker in A53
    const marker = plain(await cell(page, a1(ROW.footer, 1)).textContent());
    await typeInto(page, a1(ROW.footer, 1), 'note', 'note');
    await openWizard(page, 'ru');
    const alert = wizard().getByRole('alert');
    await alert.waitFor();
    const text = plain(await alert.textContent());
    expect(text).toContain(`A${ROW.footer}`);
    expect(text).toMatch(/[а-яё]{4}/i);
    expect(text).not.toMatch(/\b(the|cell|should)\b/i);
    // it is still there after the status line has moved on
    await page.waitForTimeout(1500);
    expect(await alert.isVisible()).toBe(true);
    expect(marker).toMatch(/^Карта CJM /);
    expect(session.pageErrors).toEqual([]);
  });
});
