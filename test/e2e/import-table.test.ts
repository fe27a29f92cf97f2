/**
 * Make a map from this table in a Russian workbench, in real Chromium: a table typed into the
 * grid, one cell of it selected, the menu's command; the dialog speaks Russian, shows where the
 * stage names are, where each row goes (a dropdown each) and the numbers a KPI row is read as;
 * Create makes the map and opens the wizard on it, and the table stays as it was.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROW, a1, stageCol } from '../../src/core/map/layout';
import {
  addonMenu,
  axeViolations,
  cell,
  closeSession,
  openRussianSession,
  plain,
  ru,
  type Session,
  waitForText,
  wizardFrame,
} from './support';

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await openRussianSession();
  page = session.page;
});

afterAll(() => closeSession(session));

const TABLE = [
  ['Этап', 'Поиск', 'Выбор', 'Покупка'],
  ['Действия', 'Ищет курс', 'Сравнивает', 'Платит'],
  ['Боли', 'Много рекламы', 'Нет цен', 'Долгая оплата'],
  ['Что чувствует', 'Любопытство', 'Сомнения', 'Облегчение'],
  ['Лиды', '1200', '300', '45'],
];

/** Types into a cell through the formula bar (the test's keyboard has no Cyrillic keys). */
async function typeCell(ref: string, text: string): Promise<void> {
  await cell(page, ref).click();
  await page.getByRole('textbox', { name: 'Formula bar' }).fill(text);
  await page.keyboard.press('Enter');
  await waitForText(cell(page, ref), text);
}

describe('a map from a table, in Russian', { timeout: 90_000 }, () => {
  it('previews the table in Russian, each row with its place in the map, and makes the map', async () => {
    for (const [r, line] of TABLE.entries())
      for (const [c, text] of line.entries()) await typeCell(a1(r + 1, c + 1), text);
    await cell(page, 'C3').click();
    await addonMenu(page, ru('menu.importTable'));
    const dialog = page.getByRole('dialog', { name: ru('dialog.importTable') });
    const form = dialog.frameLocator('iframe');
    await form.getByText('Названия этапов: B1:D1 (3 этапа).').waitFor();
    // each row of the table with where it goes, changeable
    const target = (label: string) => form.getByRole('combobox', { name: `В карте: ${label}` });
    expect(await target('Действия').inputValue()).toBe('actions');
    expect(await target('Боли').inputValue()).toBe('barriers');
    expect(await target('Что чувствует').inputValue()).toBe('keep');
    expect(await target('Лиды').inputValue()).toBe('customers');
    expect(plain(await form.getByRole('row', { name: /^Лиды/ }).textContent())).toContain(
      'числа: 1 200 · 300 · 45',
    );
    // the deal stage found by its name
    expect(await form.getByLabel(ru('form.deal')).inputValue()).toBe('2');
    await form.getByRole('radio', { name: 'Примечания к названиям этапов' }).check();
    expect(await axeViolations(page, ['#grid-scroll'])).toEqual([]);
    await form.getByRole('button', { name: 'Создать карту' }).click();
    await dialog.waitFor({ state: 'detached' });
    // the map, on its own sheet, named after the table's sheet; the wizard opens on it
    await waitForText(cell(page, a1(ROW.header, stageCol(0))), 'Поиск');
    await waitForText(cell(page, a1(ROW.barriers, stageCol(1))), 'Нет цен');
    await waitForText(cell(page, a1(ROW.customers, stageCol(0))), /^1\s200$/);
    await waitForText(cell(page, a1(ROW.role, stageCol(2))), 'C');
    await wizardFrame(page, 'ru').getByRole('heading').first().waitFor();
    expect(session.pageErrors).toEqual([]);
  });
});
