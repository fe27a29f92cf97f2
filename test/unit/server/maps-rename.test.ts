/**
 * Renaming a map: the dialog (in the map's language, holding its name now; on a copy of a map,
 * the offer to make it a map of its own) and its "OK", which renames the sheet, the title cell,
 * the plan and the history sheets, never onto another sheet.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROW } from '../../../src/core/map/layout';
import { renameMap, renameMapTo } from '../../../src/server/maps';
import { recordReviewFromMenu } from '../../../src/server/review';
import { savePlan } from '../../../src/server/wizard';
import { planAction } from '../../support/journeys';
import { type Spreadsheet, spreadsheet } from './maps-setup';

afterEach(() => {
  vi.unstubAllGlobals();
});

const footer = `A${ROW.footer}`;
/** The map id its footer line "CJM map <id> · template v2" carries. */
const idOf = (s: Spreadsheet, sheet: string) => String(s.wb.value(sheet, footer)).split(' ')[2];

/** Opens the rename dialog on `sheet` and returns it. */
function open(s: Spreadsheet, sheet: string) {
  s.select(sheet, 'A1');
  renameMap();
  const shown = s.dialogs().at(-1);
  if (shown?.boot.view !== 'renameMap') throw new Error(`no rename dialog: ${s.alerted()}`);
  return { ...shown, boot: shown.boot };
}

/** The dialog's OK with `name`, as its page sends it. */
const ok = (boot: { mapId: string; sheetId: number; lang: string }, name: string) =>
  renameMapTo({ mapId: boot.mapId, sheetId: boot.sheetId, lang: boot.lang, name });

/** The map on `sheet` gets a plan sheet of one action ("Call", +2 pp of conversion). */
function withPlan(s: Spreadsheet, sheet: string): void {
  savePlan({ mapId: idOf(s, sheet), actions: [planAction('Call', 'C', '+2 pp')], base: [] });
}

describe('the Rename dialog', () => {
  it("opens in the map's language with the map's name in its field", () => {
    const s = spreadsheet('en_US');
    const sheet = s.newMap({ name: 'Кофе', lang: 'ru' });
    const shown = open(s, sheet);
    expect(shown.title).toBe('Переименовать карту');
    expect([shown.width, shown.height]).toEqual([420, 200]);
    expect(shown.boot).toEqual({
      view: 'renameMap',
      lang: 'ru',
      mapId: idOf(s, sheet),
      sheetId: s.sheet(sheet).getSheetId(),
      name: 'Кофе',
      label: 'Новое название карты (лист тоже будет переименован):',
    });
  });

  it('offers the sheet name when the title cell is empty', () => {
    const s = spreadsheet();
    const sheet = s.newMap({ name: 'Coffee' });
    s.wb.setCell(sheet, `B${ROW.name}`, '');
    expect(open(s, sheet).boot).toMatchObject({ name: 'Coffee' });
  });

  it('on a copy of a map, offers to make it a map of its own, naming the original', () => {
    const s = spreadsheet();
    const sheet = s.newMap({ name: 'Coffee' });
    const copy = s.wb.copySheet(sheet);
    const shown = open(s, copy);
    expect(shown.title).toBe('Rename the map');
    expect(shown.height).toBe(260);
    expect(shown.boot).toMatchObject({
      sheetId: s.sheet(copy).getSheetId(),
      label:
        'This sheet is a copy of the map on sheet "Coffee". Give it a name to make it a map of its own: it gets a new id and stage ids and no plan yet; the original is not touched. New name:',
    });
  });

  it('says so on a sheet that is not a map', () => {
    const s = spreadsheet();
    s.newMap({ name: 'Coffee' });
    s.select('Sheet1', 'A1');
    renameMap();
    expect(s.dialogs()).toEqual([]);
    expect(s.alerted()).toMatch(/^This sheet is not a CJM map\./);
  });
});

describe('OK in the Rename dialog', () => {
  it('renames the sheet and the title cell, trimmed', () => {
    const s = spreadsheet();
    const sheet = s.newMap({ name: 'Coffee' });
    const shown = open(s, sheet);
    s.wb.properties.document.data.delete('cjm.maps.changed');
    expect(ok(shown.boot, '  Tea  ')).toEqual({ ok: true });
    expect(s.wb.sheetNames()).toEqual(['Sheet1', 'Tea']);
    expect(s.wb.value('Tea', `B${ROW.name}`)).toBe('Tea');
    expect(s.wb.properties.document.data.get('cjm.maps.changed')).toMatch(/\S/);
  });

  it('never renames onto another sheet: a taken name gets " (2)", the title cell the name', () => {
    const s = spreadsheet();
    const sheet = s.newMap({ name: 'Coffee' });
    expect(ok(open(s, sheet).boot, 'Sheet1')).toEqual({ ok: true });
    expect(s.wb.sheetNames()).toEqual(['Sheet1', 'Sheet1 (2)']);
    expect(s.wb.value('Sheet1 (2)', `B${ROW.name}`)).toBe('Sheet1');
  });

  it('refuses a blank name in the dialog language', () => {
    const s = spreadsheet();
    const sheet = s.newMap({ name: 'Coffee' });
    const { boot } = open(s, sheet);
    expect(ok(boot, '   ')).toEqual({ ok: false, message: 'Fill this in.' });
    expect(ok({ ...boot, lang: 'ru' }, '')).toEqual({ ok: false, message: 'Заполните это поле.' });
    expect(s.wb.sheetNames()).toEqual(['Sheet1', 'Coffee']);
  });

  it('refuses a name on two lines or one too long, saying why', () => {
    const s = spreadsheet();
    const sheet = s.newMap({ name: 'Coffee' });
    const { boot } = open(s, sheet);
    expect(ok(boot, 'Tea\nand milk')).toEqual({
      ok: false,
      message: 'A name cannot hold line breaks or other control characters: type it on one line.',
    });
    expect(ok(boot, 'x'.repeat(81))).toEqual({
      ok: false,
      message: "A map's name has at most 80 characters (this one has 81): shorten it.",
    });
    expect(ok(boot, 'x'.repeat(80))).toEqual({ ok: true });
  });

  it('takes the spreadsheet language when the call names none', () => {
    const s = spreadsheet('ru_RU');
    const sheet = s.newMap({ name: 'Coffee', lang: 'en' });
    const { boot } = open(s, sheet);
    expect(renameMapTo({ mapId: boot.mapId, sheetId: boot.sheetId, name: ' ' })).toEqual({
      ok: false,
      message: 'Заполните это поле.',
    });
  });

  it('waits for another change that holds the lock', () => {
    const s = spreadsheet();
    const sheet = s.newMap({ name: 'Coffee' });
    const { boot } = open(s, sheet);
    s.wb.lock.holdByOther();
    expect(ok(boot, 'Tea')).toEqual({
      ok: false,
      message:
        'Another change to this spreadsheet is still running. Wait a few seconds and try again.',
    });
    expect(s.wb.sheetNames()).toEqual(['Sheet1', 'Coffee']);
  });

  it("refuses when a colleague protected the map's name", () => {
    const s = spreadsheet();
    const sheet = s.newMap({ name: 'Coffee' });
    s.wb.protectAsOther(sheet, `B${ROW.name}`, { by: 'boss@example.com' });
    const result = ok(open(s, sheet).boot, 'Tea');
    expect(result.ok ? '' : result.message).toContain(
      `the range B${ROW.name} of the sheet "Coffee" is protected`,
    );
    expect(s.wb.sheetNames()).toEqual(['Sheet1', 'Coffee']);
  });

  it('renames the action plan sheet and its title with the map', () => {
    const s = spreadsheet();
    const sheet = s.newMap({ name: 'Coffee' });
    const mapId = idOf(s, sheet);
    expect(
      savePlan({ mapId, actions: [planAction('Call back', 'C', '+2 pp')], base: [] }),
    ).toMatchObject({
      ok: true,
    });
    expect(s.wb.sheetNames()).toEqual(['Sheet1', 'Coffee', 'Coffee · plan']);
    expect(ok(open(s, sheet).boot, 'Tea')).toEqual({ ok: true });
    expect(s.wb.sheetNames()).toEqual(['Sheet1', 'Tea', 'Tea · plan']);
    expect(String(s.wb.value('Tea · plan', 'A1'))).toBe('Action plan: Tea');
  });

  it('refuses when a colleague protected the plan sheet, which would be renamed too', () => {
    const s = spreadsheet();
    const sheet = s.newMap({ name: 'Coffee' });
    withPlan(s, sheet);
    s.wb.protectAsOther('Coffee · plan', null, { by: 'boss@example.com' });
    const result = ok(open(s, sheet).boot, 'Tea');
    expect(result.ok ? '' : result.message).toContain('the sheet "Coffee · plan" is protected');
    expect(s.wb.sheetNames()).toEqual(['Sheet1', 'Coffee', 'Coffee · plan']);
  });

  it('renames the review history sheet with the map', () => {
    const s = spreadsheet();
    const sheet = s.newMap({ name: 'Coffee' });
    s.wb.setCell(sheet, `C${ROW.customers}`, '100');
    s.select(sheet, `C${ROW.header}`);
    s.wb.ui.answer({ button: 'OK', text: '' });
    recordReviewFromMenu();
    const before = s.wb.sheetNames();
    expect(before).toContain('Coffee · history');
    expect(ok(open(s, sheet).boot, 'Tea')).toEqual({ ok: true });
    expect(s.wb.sheetNames()).toEqual(before.map((n) => n.replace('Coffee', 'Tea')));
  });
});

describe('OK on a copy of a map', () => {
  it("makes it a map of its own and leaves the original's sheets alone", () => {
    const s = spreadsheet();
    const sheet = s.newMap({ name: 'Coffee' });
    const mapId = idOf(s, sheet);
    const copy = s.wb.copySheet(sheet);
    const original = s.wb.snapshot(sheet);
    expect(ok(open(s, copy).boot, 'Tea')).toEqual({ ok: true });
    expect(s.wb.sheetNames()).toEqual(['Sheet1', 'Coffee', 'Tea']);
    expect(s.wb.value('Tea', `B${ROW.name}`)).toBe('Tea');
    expect(idOf(s, 'Tea')).toMatch(/^[A-Z0-9]{6}$/);
    expect(idOf(s, 'Tea')).not.toBe(mapId);
    expect(s.wb.value('Tea', `C${ROW.footer}`)).not.toBe(s.wb.value(sheet, `C${ROW.footer}`));
    expect(s.wb.snapshot(sheet)).toEqual(original);
  });

  it("on a copy of a map with a plan, the original's plan keeps its name", () => {
    const s = spreadsheet();
    const sheet = s.newMap({ name: 'Coffee' });
    withPlan(s, sheet);
    const copy = s.wb.copySheet(sheet);
    expect(ok(open(s, copy).boot, 'Tea')).toEqual({ ok: true });
    expect(s.wb.sheetNames()).toEqual(['Sheet1', 'Coffee', 'Tea', 'Coffee · plan']);
    expect(s.wb.value('Coffee · plan', 'A1')).toBe('Action plan: Coffee');
  });

  it("refuses while a stage marker of the copy holds someone's text", () => {
    const s = spreadsheet();
    const sheet = s.newMap({ name: 'Coffee' });
    const copy = s.wb.copySheet(sheet);
    s.wb.setCell(copy, `D${ROW.footer}`, 'typed');
    const result = ok(open(s, copy).boot, 'Tea');
    expect(result).toEqual({
      ok: false,
      message: `Cell D${ROW.footer} should hold the marker of the stage "Active evaluation" (a line starting with "CJM stage"), but holds "typed". Move that text to another cell and try again: without its marker the stage cannot be followed when columns move. Nothing was changed.`,
    });
    expect(s.wb.sheetNames()).toEqual(['Sheet1', 'Coffee', copy]);
  });
});
