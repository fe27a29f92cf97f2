/**
 * Names of maps and stages, through the built add-on.
 *
 * One limit per kind of name: a map's name has at most 80 characters (its sheets' names, with
 * " (2)" and " · plan", stay within Sheets' 100), a stage's 60, on every path (New map, Add stage,
 * Rename map, the wizard), refused in words; a longer name typed by hand in the grid gets a ⚠ on
 * its cell and works everywhere else.
 *
 * Line breaks and other control characters: Sheets' own sheet names hold none, so every path that
 * takes a name refuses them in words and changes nothing, and a name the add-on makes from a
 * segment and a product typed on two lines is put on one: the map is then listed in the portfolio
 * and opened by the wizard like any other.
 */
import { describe, expect, it } from 'vitest';
import type {
  CreateMapResult,
  EditStagesResult,
  SaveResult,
  WizardState,
} from '../../../src/contract';
import { ROW } from '../../../src/core/map/layout';
import { openSpreadsheet } from '../../support/addon';
import { planAction } from '../../support/journeys';

const letters = (n: number) => 'abcdefghij'.repeat(Math.ceil(n / 10)).slice(0, n);

function start() {
  const s = openSpreadsheet('en_US');
  const sheet = s.newMap({ name: 'Coffee' });
  const mapId = String(s.wb.value(sheet, `A${ROW.footer}`)).split(' ')[2]!;
  const call = <T>(name: string, req: unknown) => s.addon.callFromClient(name, req) as T;
  const load = (step: string) => call<WizardState>('loadStep', { mapId, step });
  return { s, sheet, mapId, call, load };
}

describe('one limit per kind of name', () => {
  it('New map takes an 80-character name and refuses 81 in words; the same name twice, and its plan, fit Sheets', () => {
    const { s, call } = start();
    const form = { segment: 'Office workers', product: 'Coffee beans', preset: 'checklist6' };
    const create = (name: string) =>
      call<CreateMapResult>('createMap', {
        ...form,
        name,
        stages: [],
        lang: 'en',
        locale: 'en_US',
        example: false,
      });
    expect(create(letters(81))).toEqual({
      ok: false,
      fieldErrors: { name: 'At most 80 characters.' },
    });
    const long = letters(80);
    expect(create(long)).toMatchObject({ ok: true, sheetName: long });
    const second = create(long);
    // 80 + " (2)" = 84 characters; its plan sheet "… (2) · plan" 91 (the emulator refuses past 100)
    expect(second).toMatchObject({ ok: true, sheetName: `${long} (2)` });
    const mapId = String(s.wb.value(`${long} (2)`, `A${ROW.footer}`)).split(' ')[2]!;
    const saved = call<SaveResult>('savePlan', {
      mapId,
      actions: [planAction('Loyalty card', 'Q', '+10%')],
      base: [],
    });
    expect(saved.ok).toBe(true);
    expect(s.wb.sheetNames()).toContain(`${long} (2) · plan`);
  });

  it('a name made of a long segment and product is cut to a map name, so the map is created', () => {
    const { s, call } = start();
    const result = call<CreateMapResult>('createMap', {
      name: '',
      segment: letters(300),
      product: 'Tea',
      preset: 'checklist6',
      stages: [],
      lang: 'en',
      locale: 'en_US',
      example: false,
    });
    expect(result).toMatchObject({ ok: true, sheetName: letters(80) });
    expect(s.wb.value(letters(80), `B${ROW.name}`)).toBe(letters(80));
  });

  it('New map refuses a 61-character stage name, Add stage and the wizard too, each in words', () => {
    const { s, sheet, mapId, call, load } = start();
    const custom = call<CreateMapResult>('createMap', {
      name: 'Tea',
      segment: '',
      product: '',
      preset: 'custom',
      stages: ['Saw an ad', letters(61), 'Bought'],
      lang: 'en',
      locale: 'en_US',
      example: false,
    });
    expect(custom).toEqual({ ok: false, fieldErrors: { stages: 'At most 60 characters.' } });

    const stages = load('stages').view!;
    const add = call<EditStagesResult>('editStages', {
      mapId,
      edit: { kind: 'add', after: 0, name: letters(61) },
      stageId: stages.stages[0]!.id,
      confirmed: false,
    });
    expect(add).toEqual({
      ok: false,
      message: "A stage's name has at most 60 characters (this one has 61): shorten it.",
    });
    expect(s.wb.value(sheet, `D${ROW.header}`)).toBe('Active evaluation');

    const saved = call<SaveResult>('saveStep', {
      mapId,
      step: 'stages',
      values: { ...stages.values, 'stage.1.header': letters(61) },
      base: stages.values,
      stages: stages.stages,
    });
    expect(saved).toEqual({
      ok: false,
      fieldErrors: {
        'stage.1.header': "A stage's name has at most 60 characters (this one has 61): shorten it.",
      },
    });
    const sixty = call<SaveResult>('saveStep', {
      mapId,
      step: 'stages',
      values: { ...stages.values, 'stage.1.header': letters(60) },
      base: stages.values,
      stages: stages.stages,
    });
    expect(sixty.ok).toBe(true);
    expect(s.wb.value(sheet, `D${ROW.header}`)).toBe(letters(60));
  });

  it('Rename map refuses 81 characters in words and changes nothing', () => {
    const { s, sheet } = start();
    s.select(sheet, 'A1');
    s.run('renameMap');
    expect(s.answerDialog({ name: letters(81) })).toEqual({
      ok: false,
      message: "A map's name has at most 80 characters (this one has 81): shorten it.",
    });
    expect(s.wb.sheetNames()).toContain('Coffee');
    expect(s.wb.value(sheet, `B${ROW.name}`)).toBe('Coffee');
  });

  it('Rename map says the limit for a pasted name of 5,000 characters too, not an unreadable form', () => {
    const { s, sheet } = start();
    s.select(sheet, 'A1');
    s.run('renameMap');
    expect(s.answerDialog({ name: letters(5000) })).toEqual({
      ok: false,
      message: "A map's name has at most 80 characters (this one has 5000): shorten it.",
    });
    expect(s.wb.value(sheet, `B${ROW.name}`)).toBe('Coffee');
  });

  it('a 250-character stage name typed in the grid gets a ⚠ on its cell, and a plan action on that stage saves', () => {
    const { s, sheet, mapId, call, load } = start();
    const typed = letters(250);
    s.wb.setCell(sheet, `E${ROW.header}`, typed);
    const rule = s.wb.range(sheet, `E${ROW.header}`).getDataValidation();
    expect(rule?.getAllowInvalid()).toBe(true);
    expect(rule?.getCriteriaValues()).toEqual([`=LEN(E${ROW.header})<=60`]);
    expect(rule?.getHelpText()).toBe(
      "⚠ A stage's name has at most 60 characters: shorten it, so the charts, the plan and the poster show it whole.",
    );
    expect(load('plan').view?.stages.map((st) => st.name)).toContain(typed);
    const saved = call<SaveResult>('savePlan', {
      mapId,
      actions: [{ ...planAction('Free tasting', 'C', '+2 pp'), stage: typed }],
      base: [],
    });
    expect(saved.ok).toBe(true);
    expect(s.wb.values('Coffee · plan', 'A1:I10').flat()).toContain(typed);
  });
});

const REFUSED = 'A name cannot hold line breaks or other control characters: type it on one line.';
const form = {
  segment: 'Office workers',
  product: 'Coffee beans',
  preset: 'checklist6',
  stages: [],
  lang: 'en',
  locale: 'en_US',
  example: false,
};

describe('control characters in names', () => {
  it.each([
    ['a line feed', 'Line\nbreak'],
    ['a carriage return', 'Line\rbreak'],
    ['a line separator (U+2028)', 'Line\u2028break'],
    ['a paragraph separator (U+2029)', 'Line\u2029break'],
    ['a bell (U+0007)', 'Line\u0007break'],
  ])('New map refuses a name with %s, in words, and creates no sheet', (_, name) => {
    const s = openSpreadsheet('en_US');
    const result = s.addon.callFromClient('createMap', { ...form, name }) as CreateMapResult;
    expect(result).toEqual({ ok: false, fieldErrors: { name: REFUSED } });
    expect(s.wb.sheetNames()).toEqual(['Sheet1']);
  });

  it('a name made of a segment typed on two lines is put on one, and the map is listed and opened', () => {
    const s = openSpreadsheet('en_US');
    const result = s.addon.callFromClient('createMap', {
      ...form,
      name: '',
      segment: 'Office\nworkers',
    }) as CreateMapResult;
    expect(result).toMatchObject({ ok: true, sheetName: 'Office workers — Coffee beans' });
    if (!result.ok) return;
    // the segment itself is kept as typed, in its own cell
    expect(s.wb.value(result.sheetName, `B${ROW.segment}`)).toBe('Office\nworkers');
    s.run('showPortfolio');
    expect(s.wb.ui.requests).toEqual([]);
    expect(s.wb.values('Portfolio', 'B4:B4')).toEqual([['Office workers — Coffee beans']]);
    const opened = s.addon.callFromClient('loadStep', { mapId: result.mapId }) as WizardState;
    expect(opened.view?.mapId).toBe(result.mapId);
  });

  it('Rename map, Add stage and the wizard refuse a line break, in the map’s words, and change nothing', () => {
    const s = openSpreadsheet('ru_RU');
    const sheet = s.newMap({ name: 'Кофе' });
    const mapId = String(s.wb.value(sheet, `A${ROW.footer}`)).split(' ')[2]!;
    const control =
      'В названии не может быть переносов строки и других управляющих символов: введите его в одну строку.';
    s.select(sheet, 'A1');
    s.run('renameMap');
    expect(s.answerDialog({ name: 'Кофе\u2028в зёрнах' })).toEqual({ ok: false, message: control });
    expect(s.wb.sheetNames()).toContain('Кофе');

    const stages = (s.addon.callFromClient('loadStep', { mapId, step: 'stages' }) as WizardState)
      .view!;
    const add = s.addon.callFromClient('editStages', {
      mapId,
      edit: { kind: 'add', after: 0, name: 'Увидел\nрекламу' },
      stageId: stages.stages[0]!.id,
      confirmed: false,
    }) as EditStagesResult;
    expect(add).toEqual({ ok: false, message: control });
    const saved = s.addon.callFromClient('saveStep', {
      mapId,
      step: 'stages',
      values: { ...stages.values, 'stage.0.header': 'Увидел\r\nрекламу' },
      base: stages.values,
      stages: stages.stages,
    }) as SaveResult;
    expect(saved).toEqual({ ok: false, fieldErrors: { 'stage.0.header': control } });
    expect(s.wb.value(sheet, `C${ROW.header}`)).toBe(stages.values['stage.0.header']);
    const goal = (s.addon.callFromClient('loadStep', { mapId, step: 'goal' }) as WizardState).view!;
    const named = s.addon.callFromClient('saveStep', {
      mapId,
      step: 'goal',
      values: { ...goal.values, 'side.name': 'Кофе\n' },
      base: goal.values,
      stages: goal.stages,
    }) as SaveResult;
    expect(named).toEqual({ ok: false, fieldErrors: { 'side.name': control } });
    expect(s.wb.value(sheet, `B${ROW.name}`)).toBe('Кофе');
  });
});
