/**
 * The menu's stage edits (Add, Remove, Move left / right) on the map of the selected cell: what
 * the map holds after them, where the selection goes, and the refusals, in words, before any
 * change.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROW } from '../../../src/core/map/layout';
import {
  addStage,
  moveStageLeft,
  moveProblem,
  moveStageRight,
  outsideProblem,
  removeStage,
  stageEditError,
} from '../../../src/server/maps';
import { here, openMap } from '../../../src/server/open-map';
import { journey } from '../sheets/map-on-sheet';
import { type Spreadsheet, spreadsheet } from './maps-setup';

afterEach(() => {
  vi.unstubAllGlobals();
});

const SIX = [
  'Initial consideration',
  'Active evaluation',
  'Purchase',
  'Experience',
  'Trigger',
  'Loyalty',
];

/** The stage names in the header row, from C on, as many as `n`. */
const names = (s: Spreadsheet, sheet: string, n: number) =>
  'CDEFGHIJKL'
    .slice(0, n)
    .split('')
    .map((c) => s.wb.value(sheet, `${c}${ROW.header}`));

const selected = (s: Spreadsheet) =>
  `${s.ss.getActiveSheet().getName()}!${s.ss.getActiveCell().getA1Notation()}`;

function sixStages(locale = 'en_US') {
  const s = spreadsheet(locale);
  const sheet = s.newMap({ name: 'Edits' });
  s.wb.setCell(sheet, `E${ROW.barriers}`, 'No instalments');
  return { s, sheet };
}

describe('Add a stage', () => {
  it('puts "New stage" right after the selected stage and selects its name', () => {
    const { s, sheet } = sixStages();
    s.select(sheet, `D${ROW.actions}`);
    addStage();
    expect(names(s, sheet, 8)).toEqual([
      'Initial consideration',
      'Active evaluation',
      'New stage',
      'Purchase',
      'Experience',
      'Trigger',
      'Loyalty',
      '',
    ]);
    expect(s.wb.value(sheet, `F${ROW.barriers}`)).toBe('No instalments');
    expect(selected(s)).toBe(`Edits!E${ROW.header}`);
    expect(s.wb.ui.requests).toEqual([]);
  });

  it('names the new stage in the map language', () => {
    const s = spreadsheet('ru_RU');
    const sheet = s.newMap({ name: 'Карта' });
    s.select(sheet, `C${ROW.header}`);
    addStage();
    expect(s.wb.value(sheet, `D${ROW.header}`)).toBe('Новый этап');
  });

  it('adds the stage at the end when the selected cell is left of the stages', () => {
    const { s, sheet } = sixStages();
    s.select(sheet, `B${ROW.actions}`);
    addStage();
    expect(names(s, sheet, 8)).toEqual([...SIX, 'New stage', '']);
    expect(selected(s)).toBe(`Edits!I${ROW.header}`);
  });

  it('tells the portfolio that the maps changed', () => {
    const { s, sheet } = sixStages();
    s.wb.properties.document.data.delete('cjm.maps.changed');
    s.select(sheet, `D${ROW.header}`);
    addStage();
    expect(s.wb.properties.document.data.get('cjm.maps.changed')).toMatch(/\S/);
  });

  it('refuses a 41st stage', () => {
    const s = spreadsheet();
    const stages = Array.from({ length: 40 }, (_, i) => `S${i + 1}`);
    const sheet = s.newMap({ name: 'Full', preset: 'custom', stages });
    s.select(sheet, `D${ROW.header}`);
    addStage();
    expect(s.alerted()).toBe('A map can have at most 40 stages.');
    expect(s.wb.value(sheet, `E${ROW.header}`)).toBe('S3');
  });

  it('says so on a sheet that is not a map', () => {
    const { s } = sixStages();
    s.select('Sheet1', 'D5');
    addStage();
    expect(s.alerted()).toMatch(/^This sheet is not a CJM map\. Select a cell in a map sheet/);
  });

  it('waits for another change that holds the lock, in the spreadsheet language', () => {
    const s = spreadsheet('en_US');
    const sheet = s.newMap({ name: 'Карта', lang: 'ru' });
    s.select(sheet, `D${ROW.header}`);
    s.wb.lock.holdByOther();
    addStage();
    expect(s.alerted()).toBe(
      'Another change to this spreadsheet is still running. Wait a few seconds and try again.',
    );
    expect(s.wb.value(sheet, `I${ROW.header}`)).toBe('');
  });
});

describe('a map a colleague protected', () => {
  it('refuses a stage edit, naming the protected sheet, and changes nothing', () => {
    const { s, sheet } = sixStages();
    s.wb.protectAsOther(sheet, null, { by: 'boss@example.com' });
    s.select(sheet, `D${ROW.header}`);
    addStage();
    expect(s.alerted()).toBe(
      'This cannot be done: the sheet "Edits" is protected, and only its owner and the editors they chose may change it. Ask them for access or to remove the protection (Data → Protect sheets and ranges), then try again. Nothing was changed.',
    );
    expect(names(s, sheet, 7)).toEqual([...SIX, '']);
  });

  it('refuses an added stage where the new column would be protected', () => {
    const { s, sheet } = sixStages();
    s.wb.protectAsOther(sheet, `I${ROW.actions}`, { by: 'boss@example.com' });
    s.select(sheet, `H${ROW.header}`);
    addStage();
    expect(s.alerted()).toMatch(
      new RegExp(`the range I${ROW.actions} of the sheet "Edits" is protected`),
    );
    expect(names(s, sheet, 7)).toEqual([...SIX, '']);
  });
});

describe('Move a stage', () => {
  it('moves the selected stage right with its content; the selection follows it in its row', () => {
    const { s, sheet } = sixStages();
    s.select(sheet, `E${ROW.actions}`);
    moveStageRight();
    expect(names(s, sheet, 6)).toEqual([
      'Initial consideration',
      'Active evaluation',
      'Experience',
      'Purchase',
      'Trigger',
      'Loyalty',
    ]);
    expect(s.wb.value(sheet, `F${ROW.barriers}`)).toBe('No instalments');
    expect(selected(s)).toBe(`Edits!F${ROW.actions}`);
  });

  it('moves the selected stage left; the selection follows it', () => {
    const { s, sheet } = sixStages();
    s.select(sheet, `E${ROW.questions}`);
    moveStageLeft();
    expect(names(s, sheet, 3)).toEqual(['Initial consideration', 'Purchase', 'Active evaluation']);
    expect(s.wb.value(sheet, `D${ROW.barriers}`)).toBe('No instalments');
    expect(selected(s)).toBe(`Edits!D${ROW.questions}`);
  });

  it('refuses to move the first stage left or the last one right', () => {
    const { s, sheet } = sixStages();
    s.select(sheet, `C${ROW.header}`);
    moveStageLeft();
    expect(s.alerted()).toBe('This stage is already at the edge of the map.');
    s.select(sheet, `H${ROW.header}`);
    moveStageRight();
    expect(s.alerted()).toBe('This stage is already at the edge of the map.');
    expect(names(s, sheet, 6)).toEqual(SIX);
  });

  it('asks for a stage cell when the selection is outside the stages', () => {
    const { s, sheet } = sixStages();
    for (const [a1, command] of [
      [`B${ROW.header}`, moveStageLeft],
      [`I${ROW.header}`, moveStageRight],
      [`A${ROW.header}`, removeStage],
    ] as const) {
      s.wb.ui.requests.length = 0;
      s.select(sheet, a1);
      command();
      expect(s.alerted()).toBe('Select a cell in a stage column (from column C on) first.');
    }
    expect(names(s, sheet, 6)).toEqual(SIX);
  });

  it("refuses a move that would change which stages the user's formula covers, naming it", () => {
    const { s, sheet } = sixStages();
    s.wb.setCell('Sheet1', 'B2', `=SUM(Edits!C${ROW.customers}:E${ROW.customers})`);
    s.wb.setCell('Sheet1', 'B3', `=SUM(Edits!F${ROW.customers}:H${ROW.customers})`);
    s.select(sheet, `E${ROW.header}`);
    moveStageRight();
    expect(s.alerted()).toBe(
      'Not moved: moving the stage "Purchase" would change which stages your formulas in Sheet1!B2, Sheet1!B3 cover (Sheets moves the edge of a range with the column at its edge). Rewrite those formulas so that no range starts or ends at this stage or the one it would swap with, then move it.',
    );
    expect(names(s, sheet, 6)).toEqual(SIX);
  });

  it('moves a stage a formula names alone: the formula follows it', () => {
    const { s, sheet } = sixStages();
    s.wb.setCell(sheet, `K${ROW.customers}`, `=E${ROW.customers}`);
    s.select(sheet, `E${ROW.header}`);
    moveStageRight();
    expect(s.wb.formula(sheet, `K${ROW.customers}`)).toBe(`=F${ROW.customers}`);
  });
});

describe('Remove a stage', () => {
  it('removes an empty stage at once, without asking; the selection stays in the row', () => {
    const { s, sheet } = sixStages();
    s.select(sheet, `F${ROW.actions}`);
    removeStage();
    expect(s.dialogs()).toEqual([]);
    expect(names(s, sheet, 6)).toEqual([
      'Initial consideration',
      'Active evaluation',
      'Purchase',
      'Trigger',
      'Loyalty',
      '',
    ]);
    expect(selected(s)).toBe(`Edits!F${ROW.actions}`);
  });

  it('selects the new last stage after removing the last one', () => {
    const { s, sheet } = sixStages();
    s.wb.properties.document.data.delete('cjm.maps.changed');
    s.select(sheet, `H${ROW.questions}`);
    removeStage();
    expect(names(s, sheet, 6)).toEqual([...SIX.slice(0, 5), '']);
    expect(selected(s)).toBe(`Edits!G${ROW.questions}`);
    expect(s.wb.properties.document.data.get('cjm.maps.changed')).toMatch(/\S/);
  });

  it('refuses to remove one of the last two stages', () => {
    const s = spreadsheet();
    const sheet = s.newMap({ name: 'Two', preset: 'custom', stages: ['Visit', 'Buy'] });
    s.select(sheet, `D${ROW.header}`);
    removeStage();
    expect(s.alerted()).toBe('A map needs at least 2 stages, so this one cannot be removed.');
    expect(names(s, sheet, 2)).toEqual(['Visit', 'Buy']);
  });

  it("waits for the lock in the map's language", () => {
    const s = spreadsheet('en_US');
    const sheet = s.newMap({ name: 'Карта', lang: 'ru' });
    s.select(sheet, `D${ROW.header}`);
    s.wb.lock.holdByOther();
    removeStage();
    expect(s.alerted()).toMatch(/^Другое изменение/);
    expect(s.wb.value(sheet, `H${ROW.header}`)).not.toBe('');
  });

  it('refuses a removal that would break a formula right of the map, naming it', () => {
    const { s, sheet } = sixStages();
    s.wb.setCell(sheet, `K${ROW.customers}`, `=E${ROW.customers}*2`);
    s.select(sheet, `E${ROW.header}`);
    removeStage();
    expect(s.alerted()).toBe(
      `Removing the stage "Purchase" would break the formula in K${ROW.customers}, right of the map: it refers to column E alone, which goes with the stage (Sheets would show #REF!). Change or clear that formula and try again. Nothing was changed.`,
    );
    expect(names(s, sheet, 6)).toEqual(SIX);
  });

  it('refuses for a formula in the first column right of the map too', () => {
    const { s, sheet } = sixStages();
    s.wb.setCell(sheet, `I${ROW.customers}`, `=E${ROW.customers}*2`);
    s.select(sheet, `E${ROW.header}`);
    removeStage();
    expect(s.alerted()).toMatch(
      new RegExp(`^Removing the stage "Purchase" would break the formula in I${ROW.customers},`),
    );
  });

  it('names five of many such formulas, then "…"', () => {
    const { s, sheet } = sixStages();
    for (const row of [1, 2, 3, 4, 5, 6]) s.wb.setCell(sheet, `K${row}`, `=F${ROW.customers}`);
    s.select(sheet, `F${ROW.header}`);
    removeStage();
    expect(s.alerted()).toBe(
      'Removing the stage "Experience" would break the formulas in K1, K2, K3, K4, K5, …, right of the map: they refer to column F alone, which goes with the stage (Sheets would show #REF!). Change or clear those formulas and try again. Nothing was changed.',
    );
  });

  it('names exactly five such formulas without "…"', () => {
    const { s, sheet } = sixStages();
    for (const row of [1, 2, 3, 4, 5]) s.wb.setCell(sheet, `K${row}`, `=F${ROW.customers}`);
    s.select(sheet, `F${ROW.header}`);
    removeStage();
    expect(s.alerted()).toMatch(/ in K1, K2, K3, K4, K5, right of the map/);
  });
});

describe('a stage marker typed over', () => {
  it('refuses every edit until the cell is free, naming the cell, the stage and the text', () => {
    const { s, sheet } = sixStages();
    s.wb.setCell(sheet, `C${ROW.footer}`, 'my note');
    const said = `Cell C${ROW.footer} should hold the marker of the stage "Initial consideration" (a line starting with "CJM stage"), but holds "my note". Move that text to another cell and try again: without its marker the stage cannot be followed when columns move. Nothing was changed.`;
    s.select(sheet, `E${ROW.header}`);
    addStage();
    expect(s.alerted()).toBe(said);
    moveStageLeft();
    expect(s.alerted()).toBe(said);
    removeStage();
    expect(s.alerted()).toBe(said);
    expect(names(s, sheet, 6)).toEqual(SIX);
  });

  it("names a later stage's cell and the number typed there", () => {
    const { s, sheet } = sixStages();
    s.wb.setCell(sheet, `G${ROW.footer}`, '42');
    s.select(sheet, `D${ROW.header}`);
    addStage();
    expect(s.alerted()).toMatch(
      new RegExp(
        `^Cell G${ROW.footer} should hold the marker of the stage "Trigger" .* but holds "42"\\.`,
      ),
    );
  });

  it('lets the edit run when the marker was only cleared, and marks the stage again', () => {
    const { s, sheet } = sixStages();
    s.wb.setCell(sheet, `C${ROW.footer}`, '');
    s.select(sheet, `D${ROW.header}`);
    addStage();
    expect(s.wb.ui.requests).toEqual([]);
    expect(s.wb.value(sheet, `E${ROW.header}`)).toBe('New stage');
    expect(String(s.wb.value(sheet, `C${ROW.footer}`))).toMatch(/^CJM stage \w+$/);
  });
});

describe('a hidden stage beside the edited one', () => {
  it('is named in a note after the edit', () => {
    const { s, sheet } = sixStages();
    s.wb.hideColumns(sheet, 7); // G: Trigger
    s.select(sheet, `F${ROW.header}`);
    addStage();
    expect(s.wb.ui.toasts).toEqual([
      {
        message:
          'The stage "Trigger" is hidden (column H): it stays on the map and in its funnel, and moves with every stage edit. To see it, select the columns around it and choose Unhide columns from the right-click menu.',
        title: 'Hidden stages',
        timeoutSeconds: 15,
      },
    ]);
  });

  it('names all hidden neighbours, and none further away', () => {
    const { s, sheet } = sixStages();
    for (const col of [3, 4, 5, 8]) s.wb.hideColumns(sheet, col); // C, D, E, H
    s.select(sheet, `D${ROW.header}`);
    addStage();
    // the new stage is in E, between Active evaluation (D) and Purchase (now F)
    expect(s.wb.ui.toasts.map((t) => t.message)).toEqual([
      'The stages "Active evaluation", "Purchase" are hidden (column D, F): they stay on the map and in its funnel, and move with every stage edit. To see them, select the columns around them and choose Unhide columns from the right-click menu.',
    ]);
  });

  it('says nothing when no stage beside it is hidden', () => {
    const { s, sheet } = sixStages();
    s.wb.hideColumns(sheet, 3);
    s.select(sheet, `G${ROW.header}`);
    moveStageRight();
    expect(s.wb.ui.toasts).toEqual([]);
  });
});

describe('the checks before an edit, asked directly', () => {
  const two = journey('en');

  it('asks for a stage when the edit names none on the map', () => {
    expect(stageEditError(two, { kind: 'remove', index: 2 })?.message).toBe(
      'Select a cell in a stage column (from column C on) first.',
    );
    expect(stageEditError(two, { kind: 'move', index: 0, by: 1 })).toBeNull();
  });

  it("refuses a new stage's name on two lines or too long", () => {
    expect(stageEditError(two, { kind: 'add', after: 0, name: 'Visit\nshop' })?.message).toBe(
      'A name cannot hold line breaks or other control characters: type it on one line.',
    );
    expect(stageEditError(two, { kind: 'add', after: 0, name: 'x'.repeat(61) })?.message).toBe(
      "A stage's name has at most 60 characters (this one has 61): shorten it.",
    );
    expect(stageEditError(two, { kind: 'add', after: 0, name: 'x'.repeat(60) })).toBeNull();
  });

  it('finds no narrowed range for an edit that moves nothing', () => {
    const { s, sheet } = sixStages();
    s.wb.setCell('Sheet1', 'B2', `=SUM(Edits!C${ROW.customers}:E${ROW.customers})`);
    s.select(sheet, `E${ROW.header}`);
    const map = openMap(here(), 'active');
    expect(moveProblem(map, { kind: 'remove', index: 2 })).toBeNull();
    expect(moveProblem(map, { kind: 'add', after: 2, name: '' })).toBeNull();
    expect(moveProblem(map, { kind: 'move', index: 2, by: 1 })?.message).toMatch(
      /^Not moved: moving the stage "Purchase"/,
    );
  });

  it('finds no broken formula for an edit that removes nothing', () => {
    const { s, sheet } = sixStages();
    s.wb.setCell(sheet, `K${ROW.customers}`, `=E${ROW.customers}*2`);
    s.select(sheet, `E${ROW.header}`);
    const map = openMap(here(), 'active', { formulas: true });
    expect(outsideProblem(map, { kind: 'move', index: 2, by: 1 })).toBeNull();
    expect(outsideProblem(map, { kind: 'remove', index: 3 })).toBeNull();
    expect(outsideProblem(map, { kind: 'remove', index: 2 })?.message).toMatch(
      /^Removing the stage "Purchase"/,
    );
  });
});

describe('the formula syntax of a stage edit', () => {
  it("is read from the map's own formulas, with nothing to remember", () => {
    const s = spreadsheet('ru_RU');
    s.wb.model.formulaSeparators = 'locale';
    const sheet = s.newMap({ name: 'Карта', lang: 'ru', locale: 'ru_RU' });
    s.wb.properties.document.data.delete('cjm.formulaDialect');
    s.select(sheet, `D${ROW.header}`);
    addStage();
    expect(s.wb.properties.document.data.has('cjm.formulaDialect')).toBe(false);
    s.wb.setCell(sheet, `C${ROW.customers}`, '1000');
    expect(s.wb.value(sheet, `B${ROW.leads}`)).toBe(1000);
  });

  it('is tried and remembered when values were pasted over the whole map', () => {
    const s = spreadsheet('ru_RU');
    s.wb.model.formulaSeparators = 'locale';
    const sheet = s.newMap({ name: 'Карта', lang: 'ru', locale: 'ru_RU' });
    s.wb.properties.document.data.delete('cjm.formulaDialect');
    s.wb.pasteValues(sheet, `A1:H${ROW.footer}`);
    s.select(sheet, `D${ROW.header}`);
    addStage();
    expect(s.wb.properties.document.data.get('cjm.formulaDialect')).toBe('ru_RU:locale');
  });
});
