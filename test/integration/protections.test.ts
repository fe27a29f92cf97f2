/**
 * A range or sheet a colleague protected: Sheets refuses the user's edits of it, so every command
 * checks what it will change before its first write, and refuses in the map's language, naming
 * the range, its sheet and its description. Nothing is half done.
 */
import { describe, expect, it } from 'vitest';
import type { DialogResult, WizardState } from '../../src/contract';
import { ROW } from '../../src/core/map/layout';
import { openSpreadsheet, type Session } from '../support/addon';

const BOSS = 'boss@example.com';

/** Everything a user sees of a sheet's cells and columns. */
function look(s: Session, sheet: string) {
  const snap = s.wb.snapshot(sheet);
  return {
    cells: snap.cells.map((c) => [c.a1, c.value, c.formula, c.attrs?.numberFormat]),
    maxCols: snap.maxCols,
    widths: snap.colWidths,
    rules: snap.conditionalRules.length,
  };
}

function protectedMap(locale = 'en_US') {
  const s = openSpreadsheet(locale);
  const sheet = s.newMap({ name: 'Coffee' });
  s.wb.setCell(sheet, `C${ROW.customers}`, 1000);
  s.wb.protectAsOther(sheet, `D${ROW.customers}:E${ROW.customers}`, {
    by: BOSS,
    description: 'Targets from finance',
  });
  return { s, sheet };
}

describe('a range a colleague protected', () => {
  it.each([
    ['addStage', 'C'],
    ['moveStageRight', 'C'],
    ['moveStageLeft', 'F'],
  ])(
    '%s refuses in words, naming the range, its sheet and description; the sheet is as it was',
    (command, column) => {
      const { s, sheet } = protectedMap();
      const before = look(s, sheet);
      s.select(sheet, `${column}${ROW.actions}`);
      s.run(command);
      expect(s.alerted()).toBe(
        `This cannot be done: the range D${ROW.customers}:E${ROW.customers} of the sheet "Coffee" ("Targets from finance") is protected, and only its owner and the editors they chose may change it. Ask them for access or to remove the protection (Data → Protect sheets and ranges), then try again. Nothing was changed.`,
      );
      expect(look(s, sheet)).toEqual(before);
    },
  );

  it('a confirmed removal refuses the same way and keeps the stage and what it holds', () => {
    const { s, sheet } = protectedMap();
    s.wb.setCell(sheet, `E${ROW.actions}`, 'Pays by card');
    const before = look(s, sheet);
    s.select(sheet, `E${ROW.header}`);
    s.run('removeStage');
    const answer = s.answerDialog('YES') as DialogResult;
    expect(answer.ok).toBe(false);
    expect(answer.ok ? '' : answer.message).toContain(`D${ROW.customers}:E${ROW.customers}`);
    expect(look(s, sheet)).toEqual(before);
  });

  it('a range the edit only shifts, a warning-only protection and the owner of the spreadsheet let the edit go on', () => {
    const s = openSpreadsheet('en_US');
    const sheet = s.newMap({ name: 'Coffee' });
    s.wb.protectAsOther(sheet, 'P3', { by: BOSS, description: 'far right' });
    s.wb.protectAsOther(sheet, `C${ROW.customers}:H${ROW.customers}`, {
      by: BOSS,
      warningOnly: true,
    });
    s.select(sheet, `C${ROW.actions}`);
    s.run('addStage');
    expect(s.wb.value(sheet, `D${ROW.header}`)).toBe('New stage');
    // the far range followed its cell, one column right
    const ranges = s.wb.spreadsheet
      .getSheetByName(sheet)!
      .getProtections(s.wb.app.ProtectionType.RANGE)
      .map((p) => p.getRange().getA1Notation());
    expect(ranges).toContain('Q3');
    const owned = openSpreadsheet('en_US');
    owned.wb.model.ownerEmail = owned.wb.model.userEmail;
    const mine = owned.newMap({ name: 'Mine' });
    owned.wb.protectAsOther(mine, `C${ROW.customers}`, { by: BOSS });
    owned.select(mine, `C${ROW.actions}`);
    owned.run('addStage');
    expect(owned.wb.value(mine, `D${ROW.header}`)).toBe('New stage');
  });

  it('a wizard save into a protected cell is refused before anything is written; one beside it is saved', () => {
    const { s, sheet } = protectedMap();
    const mapId = s.mapIdOf(sheet);
    const view = (s.addon.callFromClient('loadStep', { mapId, step: 'kpis' }) as WizardState).view!;
    const save = (values: Record<string, unknown>) =>
      s.addon.callFromClient('saveStep', {
        mapId,
        step: 'kpis',
        values: { ...view.values, ...values },
        base: view.values,
        stages: view.stages,
      });
    const before = look(s, sheet);
    expect(() => save({ 'side.avgCheck': 2000, 'stage.1.customers': 400 })).toThrow(
      `the range D${ROW.customers}:E${ROW.customers} of the sheet "Coffee" ("Targets from finance") is protected`,
    );
    expect(look(s, sheet)).toEqual(before);
    save({ 'side.avgCheck': 2000, 'stage.3.customers': 90 });
    expect(s.wb.value(sheet, `B${ROW.avgCheck}`)).toBe(2000);
    expect(s.wb.value(sheet, `F${ROW.customers}`)).toBe(90);
  });

  it('in a Russian map the refusal is Russian', () => {
    const { s, sheet } = protectedMap('ru_RU');
    s.select(sheet, `C${ROW.actions}`);
    s.run('addStage');
    expect(s.alerted()).toBe(
      `Не получится: диапазон D${ROW.customers}:E${ROW.customers} листа «${sheet}» («Targets from finance») защищён, и менять его могут только владелец защиты и выбранные им редакторы. Попросите у них доступ или снять защиту (Данные → Защитить листы и диапазоны) и повторите. Ничего не изменено.`,
    );
  });
});

describe('a sheet a colleague protected', () => {
  it('refuses a stage edit and a rename naming the sheet, while a save into the cells it leaves open is saved', () => {
    const s = openSpreadsheet('en_US');
    const sheet = s.newMap({ name: 'Coffee' });
    s.wb.protectAsOther(sheet, null, { by: BOSS, unprotected: [`B${ROW.avgCheck}`] });
    const before = look(s, sheet);
    s.select(sheet, `C${ROW.header}`);
    s.run('addStage');
    expect(s.alerted()).toContain('the sheet "Coffee" is protected');
    s.run('renameMap');
    const renamed = s.answerDialog({ name: 'Tea' }) as DialogResult;
    expect(renamed.ok ? '' : renamed.message).toContain('the sheet "Coffee" is protected');
    expect(s.wb.sheetNames()).toContain('Coffee');
    expect(look(s, sheet)).toEqual(before);
    const mapId = s.mapIdOf(sheet);
    const view = (s.addon.callFromClient('loadStep', { mapId, step: 'kpis' }) as WizardState).view!;
    s.addon.callFromClient('saveStep', {
      mapId,
      step: 'kpis',
      values: { ...view.values, 'side.avgCheck': 1500 },
      base: view.values,
      stages: view.stages,
    });
    expect(s.wb.value(sheet, `B${ROW.avgCheck}`)).toBe(1500);
  });

  it('the portfolio sheet protected: the rebuild refuses and leaves it as it was', () => {
    const s = openSpreadsheet('en_US');
    s.newMap({ name: 'Coffee' });
    s.run('showPortfolio');
    const portfolio = s.wb.sheetNames().find((n) => n === 'Portfolio')!;
    s.wb.protectAsOther(portfolio, 'A1:C3', { by: BOSS, description: 'Board view' });
    s.newMap({ name: 'Tea' });
    const before = look(s, portfolio);
    s.run('showPortfolio');
    expect(s.alerted()).toContain(
      'the range A1:C3 of the sheet "Portfolio" ("Board view") is protected',
    );
    expect(look(s, portfolio)).toEqual(before);
  });
});
