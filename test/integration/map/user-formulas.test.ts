/**
 * Stage edits and the user's own formulas, through the built add-on.
 *
 * Remove stage: formulas anywhere in the
 * spreadsheet that refer to the stage's column alone (another sheet's `='Map'!E10`, one under the
 * map `=E25/2`) are named in the question before anything goes ("… will show #REF!"); a range that
 * only shrinks is not; what cannot be told from a formula's text (INDIRECT) is said. The question
 * is asked even when the stage holds nothing else, and "No" changes nothing.
 *
 * Move stage: Sheets moves the edge of a range with the column at it, so a sum over some stages
 * would silently cover others. Such a move is refused before anything moves, naming the formulas,
 * in the map's language.
 */
import { describe, expect, it } from 'vitest';
import { ROW } from '../../../src/core/map/layout';
import { openSpreadsheet } from '../../support/addon';

function start(locale = 'en_US') {
  const s = openSpreadsheet(locale);
  const sheet = s.newMap({ name: 'Map' });
  s.wb.spreadsheet.insertSheet('Report');
  // the stage in column E (Purchase) holds nothing but its name and role
  s.wb.setCell('Report', 'A1', "='Map'!E10");
  s.wb.setCell('Report', 'B1', '=SUM(Map!D10:E10)');
  s.wb.setCell('Report', 'C1', '=INDIRECT("Map!E10")');
  s.wb.setCell(sheet, 'A60', '=E25/2');
  s.select(sheet, `E${ROW.header}`);
  return { s, sheet };
}

describe("Remove stage names the user's formulas it would break", () => {
  it('asks, naming Report!A1 and Map!A60 and the INDIRECT it cannot check; No changes nothing', () => {
    const { s, sheet } = start();
    s.run('removeStage');
    expect(s.dialog()).toMatchObject({
      view: 'removeStage',
      title: 'Remove the stage "Purchase"?',
      body: 'Report!A1, Map!A60 will show #REF!: their formulas refer to this stage alone. Whether the formula in Report!C1 refers to this stage cannot be told from its text (INDIRECT, OFFSET or a named range): check it after the removal.',
    });
    expect(s.answerDialog('NO')).toBeNull();
    expect(s.wb.value(sheet, `E${ROW.header}`)).toBe('Purchase');
    expect(s.wb.formula('Report', 'A1')).toBe('=Map!E10');
    expect(s.wb.formula(sheet, 'A60')).toBe('=E25/2');
  });

  it('Yes removes the stage: the named formulas show #REF!, the range that only shrinks still computes', () => {
    const { s, sheet } = start();
    s.run('removeStage');
    expect(s.answerDialog('YES')).toEqual({ ok: true });
    expect(s.wb.value(sheet, `E${ROW.header}`)).toBe('Experience');
    expect(s.wb.cellError('Report', 'A1')).toBe('#REF!');
    expect(s.wb.cellError(sheet, 'A60')).toBe('#REF!');
    expect(s.wb.formula('Report', 'B1')).toBe('=SUM(Map!D10:D10)');
  });

  it('in a Russian map, in Russian', () => {
    const { s } = start('ru_RU');
    s.run('removeStage');
    expect(s.dialog()?.view === 'removeStage' && s.dialog()).toMatchObject({
      body: 'В ячейках Report!A1, Map!A60 будет #REF!: их формулы ссылаются только на этот этап. По тексту формулы в Report!C1 не понять, ссылается ли она на этот этап (INDIRECT, OFFSET или именованный диапазон): проверьте её после удаления.',
    });
  });

  it('a stage that nothing refers to and holds nothing still goes at once', () => {
    const s = openSpreadsheet('en_US');
    const sheet = s.newMap({ name: 'Map' });
    s.wb.spreadsheet.insertSheet('Report');
    s.wb.setCell('Report', 'A1', "='Map'!D10+Map!C10");
    s.select(sheet, `E${ROW.header}`);
    s.run('removeStage');
    expect(s.dialog()).toBeNull();
    expect(s.wb.value(sheet, `E${ROW.header}`)).toBe('Experience');
    expect(s.wb.formula('Report', 'A1')).toBe('=Map!D10+Map!C10');
  });
});

describe("the wizard's Remove asks the same question", () => {
  it('names the formulas before removing from the stages step, and removes only once confirmed', () => {
    const { s, sheet } = start();
    const mapId = String(s.wb.value(sheet, `A${ROW.footer}`)).split(' ')[2] ?? '';
    const view = (
      s.addon.callFromClient('loadStep', { mapId, step: 'stages' }) as {
        view: { stages: { id: string }[] };
      }
    ).view;
    const remove = (confirmed: boolean, token?: string) =>
      s.addon.callFromClient('editStages', {
        mapId,
        edit: { kind: 'remove', index: 2 },
        stageId: view.stages[2]?.id,
        confirmed,
        ...(token ? { token } : {}),
      }) as { ok: boolean; confirm?: string; token?: string };
    const asked = remove(false);
    expect(asked.ok).toBe(false);
    expect(asked.confirm).toContain('Report!A1, Map!A60 will show #REF!');
    expect(s.wb.value(sheet, `E${ROW.header}`)).toBe('Purchase');
    expect(remove(true, asked.token).ok).toBe(true);
    expect(s.wb.value(sheet, `E${ROW.header}`)).toBe('Experience');
  });
});

function mapWithReport(locale: string) {
  const s = openSpreadsheet(locale);
  const sheet = s.newMap({ segment: 'Office workers', product: 'Coffee beans' });
  s.wb.spreadsheet.insertSheet('Report');
  s.wb.setCell('Report', 'A1', `=SUM('${sheet}'!C${ROW.customers}:E${ROW.customers})`);
  s.wb.setCell('Report', 'A2', `='${sheet}'!D${ROW.customers}`);
  return { s, sheet };
}

describe('Move stage and the formulas that sum over stages', () => {
  it('refuses to move a stage at the edge of a range, naming the formula; nothing moves', () => {
    const { s, sheet } = mapWithReport('en_US');
    const names = () => ['C', 'D', 'E', 'F'].map((c) => s.wb.value(sheet, `${c}${ROW.header}`));
    const before = names();
    s.select(sheet, `E${ROW.header}`);
    s.run('moveStageRight');
    const said = s.wb.ui.requests.at(-1)?.request.prompt ?? '';
    expect(said).toMatch(/^Not moved: moving the stage ".+" would change which stages/);
    expect(said).toContain('Report!A1');
    expect(said).not.toContain('Report!A2');
    expect(names()).toEqual(before);
    expect(s.wb.formula('Report', 'A1')).toBe(
      `=SUM('${sheet}'!C${ROW.customers}:E${ROW.customers})`,
    );
  });

  it('moves a stage away from the range; refuses one whose neighbour is its edge, in Russian', () => {
    const { s, sheet } = mapWithReport('ru_RU');
    const [f, g] = [s.wb.value(sheet, `F${ROW.header}`), s.wb.value(sheet, `G${ROW.header}`)];
    s.select(sheet, `F${ROW.header}`);
    s.run('moveStageRight');
    expect([s.wb.value(sheet, `F${ROW.header}`), s.wb.value(sheet, `G${ROW.header}`)]).toEqual([
      g,
      f,
    ]);
    // D is inside C:E, but it would swap with C, the range's edge
    const d = s.wb.value(sheet, `D${ROW.header}`);
    s.select(sheet, `D${ROW.header}`);
    s.run('moveStageLeft');
    expect(s.wb.ui.requests.at(-1)?.request.prompt ?? '').toMatch(
      /^Этап не перенесён: .*Report!A1/,
    );
    expect(s.wb.value(sheet, `D${ROW.header}`)).toBe(d);
  });
});
