/**
 * The menu's Remove stage and Rename map ask in the add-on's own dialogs, through the built
 * bundle: Google draws Ui.alert/Ui.prompt buttons in the user's account language and opens
 * them on "Yes"/"OK" (the emulator models that strictly), so these questions are modal
 * HtmlService pages in the MAP's language, and the confirmed removal takes exactly the cells
 * the dialog showed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorkbook, htmlFilesIn, loadAddon } from '../../emulator/index';
import type { CreateMapResult, DialogResult, SidebarBoot } from '../../src/contract';
import { a1, FIRST_STAGE_COL, ROW } from '../../src/core/map/layout';
import { bootOf, openSpreadsheet } from '../support/addon';

const col = (i: number) => a1(1, FIRST_STAGE_COL + i).replace(/\d+$/, '');
const code = readFileSync('dist/Code.js', 'utf8');
const pages = htmlFilesIn('dist');

/** A user whose Google account is English, working in a Russian spreadsheet on a Russian map. */
function englishUserRussianMap() {
  const wb = createWorkbook({ locale: 'ru_RU', userLocale: 'en_US' });
  wb.ui.responder = () => 'OK';
  const addon = loadAddon(wb, code, pages);
  const created = addon.callFromClient('createMap', {
    name: 'Кофе',
    segment: 'Офисные работники',
    product: 'Кофе в зёрнах',
    preset: 'checklist6',
    stages: [],
    lang: 'ru',
    locale: 'ru_RU',
    example: false,
  }) as CreateMapResult;
  if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
  return { wb, addon, sheet: created.sheetName, mapId: created.mapId };
}

type Boot<V extends SidebarBoot['view']> = Extract<SidebarBoot, { view: V }>;

/**
 * Remove stage on the Russian map's "Активная оценка", which holds one barrier: the question
 * shown, its boot payload, and "Да" as the dialog sends it (another token or language stands for
 * a forged answer).
 */
function askToRemoveStage() {
  const map = englishUserRussianMap();
  const { wb, addon, sheet } = map;
  wb.setCell(sheet, `${col(1)}${ROW.barriers}`, 'Дорого');
  wb.range(sheet, `${col(1)}${ROW.header}`).activate();
  addon.run('removeStage');
  const shown = wb.ui.surfaces.at(-1)!;
  const boot = bootOf(shown.html) as Boot<'removeStage'>;
  const yes = (token = boot.token, lang = boot.lang) =>
    addon.callFromClient('removeStageConfirmed', {
      mapId: boot.mapId,
      sheetId: boot.sheetId,
      stageId: boot.stageId,
      token,
      lang,
    }) as DialogResult;
  return { ...map, shown, boot, yes };
}

describe('the Remove stage dialog', () => {
  it("opens the add-on's modal, not Ui.alert, with the map's words: the stage named, its filled cells counted", () => {
    const s = openSpreadsheet('en_US');
    const sheet = s.newMap({ name: 'Coffee' });
    s.wb.setCell(sheet, `${col(2)}${ROW.barriers}`, 'No instalments');
    s.wb.setCell(sheet, `${col(2)}${ROW.actions}`, 'Offer instalments');
    s.select(sheet, `${col(2)}${ROW.header}`);
    s.run('removeStage');
    expect(s.wb.ui.requests).toEqual([]);
    const shown = s.wb.ui.surfaces.at(-1);
    expect(shown?.kind).toBe('modal');
    expect(shown?.title).toBe('Remove the stage "Purchase"?');
    const boot = bootOf(shown?.html ?? '') as Boot<'removeStage'>;
    expect(boot).toMatchObject({
      view: 'removeStage',
      lang: 'en',
      title: 'Remove the stage "Purchase"?',
      body: 'It holds 2 filled cells. They will be deleted with the stage.',
    });
    // "No" closes the dialog: nothing is called, nothing changes
    expect(s.answerDialog('NO')).toBeNull();
    expect(s.wb.value(sheet, `${col(2)}${ROW.header}`)).toBe('Purchase');
  });

  it('speaks Russian in a Russian map to a user whose Google account is English (Ui.alert would have said Yes/No)', () => {
    const { wb, addon, sheet, mapId, shown, boot } = askToRemoveStage();
    expect(wb.ui.requests).toEqual([]);
    expect(shown.title).toBe('Удалить этап «Активная оценка»?');
    expect(boot).toMatchObject({
      view: 'removeStage',
      lang: 'ru',
      mapId,
      body: 'В нём 1 заполненная ячейка. Она будет удалена вместе с этапом.',
    });
    // the page draws its buttons from the boot's language: Да / Нет, and "Работаем…" while it works
    expect(pages.Dialog).toContain('Нет');
    expect(pages.Dialog).toContain('Работаем…');
    // the same user's Ui.alert (an error message) gets Google's English buttons, focused on the
    // first
    wb.range(sheet, `A${ROW.header}`).activate();
    addon.run('removeStage');
    expect(wb.ui.requests.at(-1)?.request).toMatchObject({
      prompt: expect.stringMatching(/^Сначала выберите ячейку/),
      labels: ['OK'],
      focused: 'OK',
    });
  });

  it('"Yes" removes exactly the stage shown, wherever a colleague moved it meanwhile', () => {
    const s = openSpreadsheet('en_US');
    const sheet = s.newMap({ name: 'Coffee' });
    s.wb.setCell(sheet, `${col(3)}${ROW.barriers}`, 'Slow delivery');
    s.wb.setCell(sheet, `${col(4)}${ROW.barriers}`, 'Keep me');
    s.select(sheet, `${col(3)}${ROW.header}`);
    s.run('removeStage');
    expect(s.dialog()?.frameTitle).toBe('Remove the stage "Experience"?');
    // a colleague moves another stage in front of it while the dialog is open
    s.select(sheet, `${col(4)}${ROW.header}`);
    s.addon.run('moveStageLeft');
    expect(s.wb.value(sheet, `${col(4)}${ROW.header}`)).toBe('Experience');
    expect(s.answerDialog('YES')).toEqual({ ok: true });
    const names = Array.from({ length: 5 }, (_, i) => s.wb.value(sheet, `${col(i)}${ROW.header}`));
    expect(names).toEqual([
      'Initial consideration',
      'Active evaluation',
      'Purchase',
      'Trigger',
      'Loyalty',
    ]);
    expect(s.wb.values(sheet, `A1:Z${ROW.footer}`).flat()).toContain('Keep me');
    expect(s.wb.values(sheet, `A1:Z${ROW.footer}`).flat()).not.toContain('Slow delivery');
  });

  it("refuses, in the map's language, a token for cells that are no longer those shown; nothing is removed", () => {
    const { wb, sheet, yes } = askToRemoveStage();
    // a colleague types into the stage while the question is open
    wb.setCell(sheet, `${col(1)}${ROW.drivers}`, 'Отзывы');
    expect(yes()).toEqual({
      ok: false,
      message:
        'Карта изменилась, пока вы решали (её кто-то правил). Ничего не изменено; повторите.',
    });
    expect(wb.value(sheet, `${col(1)}${ROW.header}`)).toBe('Активная оценка');
    expect(wb.value(sheet, `${col(1)}${ROW.drivers}`)).toBe('Отзывы');
    // a forged token is refused the same way
    expect(yes('0.0', 'ru').ok).toBe(false);
    expect(wb.value(sheet, `${col(1)}${ROW.header}`)).toBe('Активная оценка');
  });

  it('refuses when a colleague renamed the stage the question names; nothing is removed', () => {
    const { wb, sheet, yes } = askToRemoveStage();
    wb.setCell(sheet, `${col(1)}${ROW.header}`, 'Оценка (не трогать!)');
    expect(yes().ok).toBe(false);
    expect(wb.value(sheet, `${col(1)}${ROW.header}`)).toBe('Оценка (не трогать!)');
    expect(wb.value(sheet, `${col(1)}${ROW.barriers}`)).toBe('Дорого');
  });

  it('asks before removing a stage whose only content is a note under the map: deleting the column would take it', () => {
    const s = openSpreadsheet('en_US');
    const sheet = s.newMap({ name: 'Coffee' });
    s.wb.setCell(sheet, `${col(2)}${ROW.footer + 2}`, 'Interview notes for Purchase');
    s.select(sheet, `${col(2)}${ROW.header}`);
    s.run('removeStage');
    expect(s.dialog()).toMatchObject({
      view: 'removeStage',
      frameTitle: 'Remove the stage "Purchase"?',
    });
    expect(s.answerDialog('NO')).toBeNull();
    expect(s.wb.value(sheet, `${col(2)}${ROW.header}`)).toBe('Purchase');
    expect(s.wb.value(sheet, `${col(2)}${ROW.footer + 2}`)).toBe('Interview notes for Purchase');
  });

  it('on a copy of a map, asks nothing until the copy is a map of its own; then removes the stage from the copy, never from the original', () => {
    const s = openSpreadsheet('en_US');
    const sheet = s.newMap({ name: 'Coffee' });
    s.wb.setCell(sheet, `${col(1)}${ROW.barriers}`, 'Too dear');
    const copy = s.wb.copySheet(sheet);
    s.select(copy, `${col(1)}${ROW.header}`);
    s.run('removeStage');
    expect(s.dialog()).toBeNull();
    expect(s.wb.ui.requests.at(-1)?.request.prompt).toMatch(/^This sheet is a copy of the map/);
    s.run('renameMap');
    expect(s.answerDialog({ name: 'Coffee 2' })).toEqual({ ok: true });
    s.select('Coffee 2', `${col(1)}${ROW.header}`);
    s.run('removeStage');
    expect(s.answerDialog('YES')).toEqual({ ok: true });
    expect(s.wb.value('Coffee 2', `${col(1)}${ROW.header}`)).toBe('Purchase');
    expect(s.wb.value(sheet, `${col(1)}${ROW.header}`)).toBe('Active evaluation');
    expect(s.wb.value(sheet, `${col(1)}${ROW.barriers}`)).toBe('Too dear');
  });

  it('removes a stage holding nothing but its name at once, without a dialog', () => {
    const s = openSpreadsheet('en_US');
    const sheet = s.newMap({ name: 'Coffee' });
    s.select(sheet, `${col(5)}${ROW.header}`);
    s.run('removeStage');
    expect(s.dialog()).toBeNull();
    expect(s.wb.value(sheet, `${col(5)}${ROW.header}`)).toBe('');
  });
});

describe('the Rename map dialog', () => {
  it("opens with the current name, in the map's language, and renames the sheet, B1 and the plan sheet", () => {
    const { wb, addon, sheet, mapId } = englishUserRussianMap();
    addon.callFromClient('savePlan', {
      mapId,
      actions: [
        {
          action: 'Перезвонить',
          stage: '',
          lever: 'C',
          change: '+2 п.п.',
          owner: '',
          deadline: '',
          status: '',
        },
      ],
      base: [],
    });
    wb.range(sheet, 'A1').activate();
    addon.run('renameMap');
    expect(wb.ui.requests).toEqual([]);
    const shown = wb.ui.surfaces.at(-1)!;
    expect(shown.kind).toBe('modal');
    expect(shown.title).toBe('Переименовать карту');
    const boot = bootOf(shown.html) as Boot<'renameMap'>;
    expect(boot).toMatchObject({
      view: 'renameMap',
      lang: 'ru',
      mapId,
      name: 'Кофе',
      label: 'Новое название карты (лист тоже будет переименован):',
    });
    // an empty name is refused in the map's words
    expect(
      addon.callFromClient('renameMapTo', {
        mapId,
        sheetId: boot.sheetId,
        name: '   ',
        lang: 'ru',
      }),
    ).toEqual({ ok: false, message: 'Заполните это поле.' });
    expect(
      addon.callFromClient('renameMapTo', {
        mapId,
        sheetId: boot.sheetId,
        name: 'Чай',
        lang: 'ru',
      }),
    ).toEqual({ ok: true });
    expect(wb.sheetNames()).toContain('Чай');
    expect(wb.value('Чай', 'B1')).toBe('Чай');
    const plan = wb.sheetNames().find((n) => n.startsWith('Чай') && n !== 'Чай');
    expect(plan).toBeTruthy();
    expect(String(wb.value(plan!, 'A1'))).toContain('Чай');
  });

  it('writes a name that looks like a formula as text', () => {
    const s = openSpreadsheet('en_US');
    const sheet = s.newMap({ name: 'Coffee' });
    s.select(sheet, 'A1');
    s.run('renameMap');
    expect(s.answerDialog({ name: '=1+1' })).toEqual({ ok: true });
    expect(s.wb.value('=1+1', 'B1')).toBe('=1+1');
    expect(s.wb.formula('=1+1', 'B1')).toBe('');
  });

  it('Cancel changes nothing', () => {
    const s = openSpreadsheet('en_US');
    const sheet = s.newMap({ name: 'Coffee' });
    s.select(sheet, 'A1');
    s.run('renameMap');
    expect(s.dialog()).toMatchObject({
      view: 'renameMap',
      name: 'Coffee',
      frameTitle: 'Rename the map',
    });
    expect(s.answerDialog('CANCEL')).toBeNull();
    expect(s.wb.sheetNames()).toContain(sheet);
  });
});
