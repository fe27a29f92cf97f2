/**
 * A map whose footer markers are damaged (typed over or cleared, as the hostile-use test does): a save
 * never marks the stages so that one of them falls out of the map, and a stage removal never
 * breaks a formula right of the map (the user's area): it is refused, naming the cell.
 */
import { describe, expect, it } from 'vitest';
import type { EditStagesResult, SaveResult, WizardState } from '../../../src/contract';
import { ROW } from '../../../src/core/map/layout';
import { openSpreadsheet, type Session } from '../../support/addon';

function session(stages: string[], locale = 'en_US') {
  const s = openSpreadsheet(locale);
  const sheet = s.newMap({ name: 'Coffee', preset: 'custom', stages });
  const mapId = String(s.wb.value(sheet, `A${ROW.footer}`)).split(' ')[2] ?? '';
  const call = <T>(name: string, req: unknown) => s.addon.callFromClient(name, req) as T;
  const load = (step: string) => call<WizardState>('loadStep', { mapId, step }).view!;
  const stageNames = () => load('stages').stages.map((st) => st.name);
  const save = (step: string, values: Record<string, string | number>) => {
    const view = load(step);
    return call<SaveResult>('saveStep', {
      mapId,
      step,
      values: { ...view.values, ...values },
      base: view.values,
      stages: view.stages,
    });
  };
  const edit = (
    edit: Record<string, unknown>,
    stage: number,
    extra: Record<string, unknown> = {},
  ) =>
    call<EditStagesResult>('editStages', {
      mapId,
      edit,
      stageId: load('stages').stages[stage]?.id,
      confirmed: false,
      ...extra,
    });
  return { s, sheet, call, load, stageNames, save, edit };
}

const footer = (s: Session, sheet: string, cols: string) =>
  [...cols].map((c) => String(s.wb.value(sheet, `${c}${ROW.footer}`)));
const cells = (s: Session, sheet: string) => JSON.stringify(s.wb.snapshot(sheet));

describe('a save on a map whose stage markers are gone', () => {
  it("keeps every stage when a note sits in the last stage's marker cell, and stage edits then name that cell", () => {
    const { s, sheet, stageNames, save, edit } = session(['Aa', 'Bb']);
    // a sort over the footer row moved both markers up; then a note went into D53
    s.wb.sortRange(sheet, `C50:D${ROW.footer}`, 'C');
    s.wb.setCell(sheet, `D${ROW.footer}`, 'my note');
    expect(stageNames()).toEqual(['Aa', 'Bb']);
    expect(save('kpis', { 'stage.1.customers': 213 })).toMatchObject({ ok: true });
    expect(stageNames()).toEqual(['Aa', 'Bb']);
    expect(s.wb.value(sheet, `D${ROW.customers}`)).toBe(213);
    expect(s.wb.value(sheet, `D${ROW.footer}`)).toBe('my note');
    // the stages cannot be marked while the note is there: stage edits say where it is
    const before = cells(s, sheet);
    expect(edit({ kind: 'add', after: 0, name: '' }, 0)).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /^Cell D53 should hold the marker of the stage "Bb".*"my note"/,
      ),
    });
    expect(cells(s, sheet)).toBe(before);
    // once the note has moved, the next save marks both stages
    s.wb.setCell(sheet, `D${ROW.footer}`, '');
    expect(save('goal', { 'side.goal': 'More repeat buyers' })).toMatchObject({ ok: true });
    expect(footer(s, sheet, 'CD').every((m) => /^CJM stage [a-z0-9]+$/.test(m))).toBe(true);
    expect(stageNames()).toEqual(['Aa', 'Bb']);
  });

  it('in a Russian map: marks the stages it safely can, never so that a later one is left outside', () => {
    const { s, sheet, stageNames, save, edit } = session(['Аа', 'Бб', 'Вв'], 'ru_RU');
    s.wb.sortRange(sheet, `C50:E${ROW.footer}`, 'C');
    s.wb.setCell(sheet, `E${ROW.footer}`, 'заметка');
    expect(save('barriers', { 'stage.2.barriers': 'Дорого' })).toMatchObject({ ok: true });
    expect(stageNames()).toEqual(['Аа', 'Бб', 'Вв']);
    expect(s.wb.value(sheet, `E${ROW.barriers}`)).toBe('Дорого');
    expect(footer(s, sheet, 'CDE')).toEqual(['', '', 'заметка']);
    expect(edit({ kind: 'move', index: 0, by: 1 }, 0)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^В ячейке E53 должна быть метка этапа «Вв».*«заметка»/),
    });
    // a note in a middle stage's cell: the stages around it get their markers, it stays a stage by
    // its name
    s.wb.setCell(sheet, `E${ROW.footer}`, '');
    s.wb.setCell(sheet, `D${ROW.footer}`, 'заметка');
    expect(save('goal', { 'side.goal': 'Повторные покупки' })).toMatchObject({ ok: true });
    const [c, d, e] = footer(s, sheet, 'CDE');
    expect([/^CJM этап /.test(c ?? ''), d, /^CJM этап /.test(e ?? '')]).toEqual([
      true,
      'заметка',
      true,
    ]);
    expect(stageNames()).toEqual(['Аа', 'Бб', 'Вв']);
  });
});

describe('a stage removal never breaks a formula right of the map', () => {
  it('a stage whose marker was typed over is outside the map; removing the stage its formulas refer to is refused, naming the cell', () => {
    const { s, sheet, stageNames, edit } = session(['Aa', 'Bb', 'Cc', 'Dd']);
    // typing over the last marker leaves Dd's column (and its drop-off formula) right of the map
    s.wb.setCell(sheet, `F${ROW.footer}`, "'quoted");
    expect(stageNames()).toEqual(['Aa', 'Bb', 'Cc']);
    const formula = s.wb.formula(sheet, `F${ROW.dropOff}`);
    expect(formula).toMatch(/E25/);
    const before = cells(s, sheet);
    const refused = edit({ kind: 'remove', index: 2 }, 2, { confirmed: true });
    expect(refused).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /^Removing the stage "Cc" would break the formula in F31, right of the map/,
      ),
    });
    expect(cells(s, sheet)).toBe(before);
    // a stage no formula right of the map refers to alone is removed as ever
    expect(edit({ kind: 'remove', index: 0 }, 0)).toMatchObject({ ok: true });
    expect(stageNames()).toEqual(['Bb', 'Cc']);
    expect(s.wb.formula(sheet, `E${ROW.dropOff}`)).not.toMatch(/#REF!/);
  });

  it("a user's formula right of the map that refers to one stage alone stops its removal from the menu (Russian); a sum over the stages does not", () => {
    const s = openSpreadsheet('ru_RU');
    const sheet = s.newMap({ name: 'Кофе' });
    s.wb.setCell(sheet, `J${ROW.customers}`, `=D${ROW.customers}*2`);
    s.wb.setCell(sheet, `K${ROW.customers}`, `=SUM(C${ROW.customers}:H${ROW.customers})`);
    const before = cells(s, sheet);
    s.select(sheet, `D${ROW.header}`);
    s.run('removeStage');
    expect(s.dialog()).toBeNull();
    expect(s.wb.ui.requests.at(-1)?.request.prompt).toMatch(
      /^Удаление этапа «Активная оценка» сломает формулу в ячейке J25 справа от карты/,
    );
    expect(cells(s, sheet)).toBe(before);
    s.select(sheet, `E${ROW.header}`);
    s.run('removeStage');
    if (s.dialog()) s.answerDialog('YES');
    expect(s.wb.value(sheet, `E${ROW.header}`)).not.toBe('Покупка');
    expect(s.wb.formula(sheet, `J${ROW.customers}`)).toBe(
      `=SUM(C${ROW.customers}:G${ROW.customers})`,
    );
    expect(s.wb.formula(sheet, `I${ROW.customers}`)).toBe(`=D${ROW.customers}*2`);
  });

  it("a formula right of the map that names the map's own sheet stops the removal as a bare reference does", () => {
    const s = openSpreadsheet('en_US');
    const sheet = s.newMap({ name: 'Coffee' });
    s.wb.setCell(sheet, `J${ROW.customers}`, `='${sheet}'!D${ROW.customers}*2`);
    const before = cells(s, sheet);
    s.select(sheet, `D${ROW.header}`);
    s.run('removeStage');
    expect(s.wb.ui.requests.at(-1)?.request.prompt).toMatch(
      /would break the formula in J25, right of the map/,
    );
    expect(cells(s, sheet)).toBe(before);
  });
});
