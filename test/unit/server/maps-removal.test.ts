/**
 * Removing a stage that holds something: the question (the add-on's own dialog, in the map's
 * language, naming the stage, its filled cells and the formulas elsewhere that would break), and
 * its "Yes", which removes exactly what was shown, re-checked under the lock.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROW } from '../../../src/core/map/layout';
import type { RemovalAsk } from '../../../src/server/maps';
import {
  removalQuestion,
  removalToken,
  removeStage,
  removeStageConfirmed,
} from '../../../src/server/maps';
import { journey } from '../sheets/map-on-sheet';
import { type Spreadsheet, spreadsheet } from './maps-setup';

afterEach(() => {
  vi.unstubAllGlobals();
});

const header = (s: Spreadsheet, sheet: string) =>
  'CDEFGH'.split('').map((c) => s.wb.value(sheet, `${c}${ROW.header}`));

/** A six-stage map "Edits" whose Purchase (E) holds a barrier and a count. */
function filled(locale = 'en_US', lang: 'en' | 'ru' = 'en') {
  const s = spreadsheet(locale);
  const sheet = s.newMap({ name: 'Edits', lang });
  s.wb.setCell(sheet, `E${ROW.barriers}`, 'No instalments');
  s.wb.setCell(sheet, `E${ROW.customers}`, '100');
  return { s, sheet };
}

/** Removes Purchase from the menu and returns the dialog it opened. */
function ask(s: Spreadsheet, sheet: string) {
  s.select(sheet, `E${ROW.actions}`);
  removeStage();
  const shown = s.dialogs().at(-1);
  if (shown?.boot.view !== 'removeStage') throw new Error('no removal dialog');
  return { ...shown, boot: shown.boot };
}

/** The dialog's "Yes", as its page sends it. */
function yes(boot: {
  mapId: string;
  sheetId: number;
  stageId: string;
  token: string;
  lang: string;
}) {
  const { mapId, sheetId, stageId, token, lang } = boot;
  return removeStageConfirmed({ mapId, sheetId, stageId, token, lang });
}

describe('the removal question', () => {
  it("asks in the add-on's dialog, naming the stage and how many cells go with it", () => {
    const { s, sheet } = filled();
    const shown = ask(s, sheet);
    expect(shown.title).toBe('Remove the stage "Purchase"?');
    expect(shown.width).toBe(420);
    expect(shown.height).toBe(190);
    expect(shown.boot).toMatchObject({
      view: 'removeStage',
      lang: 'en',
      mapId: s.sheet(sheet).getRange(`A${ROW.footer}`).getValue().toString().split(' ')[2],
      sheetId: s.sheet(sheet).getSheetId(),
      title: 'Remove the stage "Purchase"?',
      body: 'It holds 2 filled cells. They will be deleted with the stage.',
    });
    expect(String(s.wb.value(sheet, `E${ROW.footer}`))).toBe(`CJM stage ${shown.boot.stageId}`);
    expect(shown.boot.token).toMatch(/^2\./);
    // nothing changed while the question is open
    expect(header(s, sheet)[2]).toBe('Purchase');
  });

  it('counts a note under the map in the stage column among the cells that go', () => {
    const s = spreadsheet();
    const sheet = s.newMap({ name: 'Edits' });
    s.wb.setCell(sheet, `E${ROW.footer + 3}`, 'Interview notes');
    const shown = ask(s, sheet);
    expect(shown.boot.body).toBe('It holds 1 filled cell. It will be deleted with the stage.');
    expect(s.wb.value(sheet, `E${ROW.footer + 3}`)).toBe('Interview notes');
  });

  it('speaks the map language', () => {
    const { s, sheet } = filled('en_US', 'ru');
    const shown = ask(s, sheet);
    expect(shown.title).toBe('Удалить этап «Сделка»?');
    expect(shown.boot.lang).toBe('ru');
    expect(shown.boot.body).toBe('В нём 2 заполненных ячейки. Они будут удалены вместе с этапом.');
  });

  it('names the formulas on other sheets that would show #REF!, in a taller dialog', () => {
    const { s, sheet } = filled();
    s.wb.setCell('Sheet1', 'B2', `=Edits!E${ROW.customers}*2`);
    const shown = ask(s, sheet);
    expect(shown.boot.body).toBe(
      'It holds 2 filled cells. They will be deleted with the stage. Sheet1!B2 will show #REF!: its formula refers to this stage alone.',
    );
    expect(shown.height).toBe(270);
  });

  it('asks about an empty stage that a formula on another sheet refers to', () => {
    const s = spreadsheet();
    const sheet = s.newMap({ name: 'Edits' });
    s.wb.setCell('Sheet1', 'B2', `=Edits!F${ROW.customers}`);
    s.select(sheet, `F${ROW.header}`);
    removeStage();
    expect(s.dialogs().at(-1)?.boot).toMatchObject({
      body: 'Sheet1!B2 will show #REF!: its formula refers to this stage alone.',
    });
    expect(header(s, sheet)[3]).toBe('Experience');
  });

  it('asks about an empty stage that a formula elsewhere refers to', () => {
    const s = spreadsheet();
    const sheet = s.newMap({ name: 'Edits' });
    s.wb.setCell('Sheet1', 'C4', `=INDIRECT("Edits!F${ROW.customers}")`);
    s.select(sheet, `F${ROW.header}`);
    removeStage();
    const shown = s.dialogs().at(-1);
    expect(shown?.boot).toMatchObject({
      title: 'Remove the stage "Experience"?',
      body: 'Whether the formula in Sheet1!C4 refers to this stage cannot be told from its text (INDIRECT, OFFSET or a named range): check it after the removal.',
    });
    expect(shown?.height).toBe(270);
    expect(header(s, sheet)[3]).toBe('Experience');
  });
});

describe("the question's words", () => {
  const map = journey('en', [
    ['aaaa1111', 'Awareness'],
    ['bbbb2222', 'Purchase'],
  ]);
  const asked = (cells: string[], broken: string[], unchecked: string[]): RemovalAsk => ({
    cells,
    formulas: { broken, unchecked },
    shown: [],
    token: '',
  });

  it('names one cell, and at most five formulas of each kind before "…"', () => {
    const q = removalQuestion(
      map,
      1,
      asked(['D9'], ['A!B1', 'A!B2', 'A!B3', 'A!B4', 'A!B5', 'A!B6'], ['C!X1', 'C!X2']),
    );
    expect(q.title).toBe('Remove the stage "Purchase"?');
    expect(q.body).toBe(
      'It holds 1 filled cell. It will be deleted with the stage. A!B1, A!B2, A!B3, A!B4, A!B5, … will show #REF!: their formulas refer to this stage alone. Whether the formulas in C!X1, C!X2 refer to this stage cannot be told from their text (INDIRECT, OFFSET or a named range): check them after the removal.',
    );
  });

  it('lists exactly five formulas without "…", and leaves out the cells when none is filled', () => {
    const q = removalQuestion(map, 0, asked([], ['A!B1', 'A!B2', 'A!B3', 'A!B4', 'A!B5'], []));
    expect(q.title).toBe('Remove the stage "Awareness"?');
    expect(q.body).toBe(
      'A!B1, A!B2, A!B3, A!B4, A!B5 will show #REF!: their formulas refer to this stage alone.',
    );
  });

  it('has an empty stage name for a stage that is not on the map', () => {
    expect(removalQuestion(map, 5, asked([], [], [])).title).toBe('Remove the stage ""?');
  });
});

describe('the token of what was shown', () => {
  const stage = { name: 'Purchase', role: 'C' };

  it('starts with the number of cells shown and is the same for the same cells', () => {
    const token = removalToken(['E9', 'E25'], stage);
    expect(token).toMatch(/^2\.\w+$/);
    expect(removalToken(['E9', 'E25'], { ...stage })).toBe(token);
  });

  it('changes with any cell, the stage name or its role', () => {
    const token = removalToken(['E9', 'E25'], stage);
    expect(removalToken(['E9', 'E26'], stage)).not.toBe(token);
    expect(removalToken(['E9', 'E25'], { ...stage, name: 'Buy' })).not.toBe(token);
    expect(removalToken(['E9', 'E25'], { ...stage, role: '' })).not.toBe(token);
    expect(removalToken(['E9'], stage)).toMatch(/^1\./);
  });

  it('reads a missing stage as one without name and role', () => {
    expect(removalToken([], undefined)).toBe(removalToken([], { name: '', role: '' }));
    expect(removalToken([], undefined)).toMatch(/^0\./);
  });
});

describe('"Yes" in the removal dialog', () => {
  it('removes the stage with its cells; the selection stays on the row, on the stage now there', () => {
    const { s, sheet } = filled();
    const shown = ask(s, sheet);
    s.wb.properties.document.data.delete('cjm.maps.changed');
    expect(yes(shown.boot)).toEqual({ ok: true });
    expect(header(s, sheet)).toEqual([
      'Initial consideration',
      'Active evaluation',
      'Experience',
      'Trigger',
      'Loyalty',
      '',
    ]);
    expect(s.wb.value(sheet, `E${ROW.barriers}`)).toBe('');
    expect(s.ss.getActiveCell().getA1Notation()).toBe(`E${ROW.actions}`);
    expect(s.wb.properties.document.data.get('cjm.maps.changed')).toMatch(/\S/);
  });

  it('selects the new last stage after the last one was removed', () => {
    const { s, sheet } = filled();
    s.wb.setCell(sheet, `H${ROW.barriers}`, 'Forgets us');
    s.select(sheet, `H${ROW.questions}`);
    removeStage();
    const shown = s.dialogs().at(-1);
    expect(yes(shown?.boot as Parameters<typeof yes>[0])).toEqual({ ok: true });
    expect(header(s, sheet)[5]).toBe('');
    expect(s.ss.getActiveCell().getA1Notation()).toBe(`G${ROW.questions}`);
  });

  it('leaves the selection alone when the user is on another sheet', () => {
    const { s, sheet } = filled();
    const shown = ask(s, sheet);
    s.select('Sheet1', 'B7');
    expect(yes(shown.boot)).toEqual({ ok: true });
    expect(header(s, sheet)[2]).toBe('Experience');
    expect(`${s.ss.getActiveSheet().getName()}!${s.ss.getActiveCell().getA1Notation()}`).toBe(
      'Sheet1!B7',
    );
  });

  it('names a hidden stage beside the removed one', () => {
    const { s, sheet } = filled();
    s.wb.hideColumns(sheet, 6); // F: Experience, next to Purchase
    const shown = ask(s, sheet);
    yes(shown.boot);
    expect(s.wb.ui.toasts.map((t) => [t.title, t.message.slice(0, 47)])).toEqual([
      ['Hidden stages', 'The stage "Experience" is hidden (column E): it'],
    ]);
  });

  it('asks again, changing nothing, when a cell of the stage was typed into meanwhile', () => {
    const { s, sheet } = filled();
    const shown = ask(s, sheet);
    s.wb.setCell(sheet, `E${ROW.questions}`, 'Is it in stock?');
    expect(yes(shown.boot)).toEqual({
      ok: false,
      message:
        'The map changed while you were deciding (someone edited it). Nothing was changed; try again.',
    });
    expect(header(s, sheet)[2]).toBe('Purchase');
  });

  it('asks again when the stage was renamed meanwhile', () => {
    const { s, sheet } = filled();
    const shown = ask(s, sheet);
    s.wb.setCell(sheet, `E${ROW.header}`, 'Checkout');
    expect(yes(shown.boot)).toMatchObject({ ok: false, message: /^The map changed while/ });
    expect(header(s, sheet)[2]).toBe('Checkout');
  });

  it('says the stage is gone when someone removed it meanwhile', () => {
    const { s, sheet } = filled();
    const shown = ask(s, sheet);
    s.select(sheet, `E${ROW.header}`);
    removeStage();
    yes(s.dialogs().at(-1)?.boot as Parameters<typeof yes>[0]);
    expect(yes(shown.boot)).toEqual({
      ok: false,
      message:
        'This stage is no longer on the map: someone removed it meanwhile. Nothing was changed; look at the map and try again.',
    });
    expect(header(s, sheet)[2]).toBe('Experience');
  });

  it('refuses, in the dialog language, while another change holds the lock', () => {
    const { s, sheet } = filled('en_US', 'ru');
    const shown = ask(s, sheet);
    s.wb.lock.holdByOther();
    expect(yes(shown.boot)).toMatchObject({ ok: false, message: /^Другое изменение/ });
    expect(header(s, sheet)[2]).toBe('Сделка');
  });

  it("without a language, refuses in the spreadsheet's", () => {
    const { s, sheet } = filled('ru_RU', 'en');
    const shown = ask(s, sheet);
    s.wb.lock.holdByOther();
    const { mapId, sheetId, stageId, token } = shown.boot;
    expect(removeStageConfirmed({ mapId, sheetId, stageId, token })).toMatchObject({
      ok: false,
      message: /^Другое изменение/,
    });
  });

  it('refuses when a marker was typed over meanwhile', () => {
    const { s, sheet } = filled();
    const shown = ask(s, sheet);
    s.wb.setCell(sheet, `D${ROW.footer}`, 'x');
    expect(yes(shown.boot)).toMatchObject({
      ok: false,
      message: new RegExp(
        `^Cell D${ROW.footer} should hold the marker of the stage "Active evaluation"`,
      ),
    });
    expect(header(s, sheet)[2]).toBe('Purchase');
  });

  it('refuses when a formula right of the map came to refer to the stage meanwhile', () => {
    const { s, sheet } = filled();
    const shown = ask(s, sheet);
    s.wb.setCell(sheet, `K${ROW.target}`, `=E${ROW.customers}`);
    expect(yes(shown.boot)).toMatchObject({
      ok: false,
      message: new RegExp(
        `^Removing the stage "Purchase" would break the formula in K${ROW.target},`,
      ),
    });
  });

  it('refuses when the dialog names another sheet than the map it was shown for', () => {
    const { s, sheet } = filled();
    const shown = ask(s, sheet);
    const other = s.newMap({ name: 'Other' });
    expect(yes({ ...shown.boot, sheetId: s.sheet(other).getSheetId() })).toMatchObject({
      ok: false,
      message: /^The map changed while/,
    });
    expect(header(s, sheet)[2]).toBe('Purchase');
  });

  it('answers a malformed call in words', () => {
    const { s, sheet } = filled();
    const shown = ask(s, sheet);
    const result = removeStageConfirmed({ ...shown.boot, token: 7 });
    expect(result.ok).toBe(false);
    expect(header(s, sheet)[2]).toBe('Purchase');
  });
});

describe('an empty stage removed from the menu', () => {
  it('goes at once and is checked again under the lock', () => {
    const s = spreadsheet();
    const sheet = s.newMap({ name: 'Edits' });
    s.wb.hideColumns(sheet, 7); // G: Trigger
    s.select(sheet, `F${ROW.header}`);
    removeStage();
    expect(s.dialogs()).toEqual([]);
    expect(header(s, sheet)[3]).toBe('Trigger');
    expect(s.wb.ui.toasts.map((t) => t.message.slice(0, 44))).toEqual([
      'The stage "Trigger" is hidden (column F): it',
    ]);
  });
});
