/**
 * What a wizard step's Save does with each value, through the built add-on as the sidebar calls it:
 * text that looks like a formula, a number or a quote stays the text typed; a text at the limit of
 * a cell is saved and one character more is refused in words; a choice not in the list is refused;
 * and a colleague's edit between load and save is asked about only when it differs from the
 * user's, read as the map reads it (a number and its text, a date as the map's language writes it).
 */
import { describe, expect, it } from 'vitest';
import type { SaveResult, WizardState } from '../../../src/contract';
import { ROW } from '../../../src/core/map/layout';
import { BLOCK_ROW } from '../../../src/core/review/block';
import { openSpreadsheet } from '../../support/addon';

function start(locale = 'en_US') {
  const s = openSpreadsheet(locale);
  const sheet = s.newMap({ segment: 'Office workers', product: 'Coffee beans' });
  const mapId = String(s.wb.value(sheet, `A${ROW.footer}`)).split(' ')[2] ?? '';
  const call = <T>(name: string, req: unknown) => s.addon.callFromClient(name, req) as T;
  const load = (step: string) => call<WizardState>('loadStep', { mapId, step }).view!;
  /** Saves the step as the sidebar would: the values as loaded but for `edits`. */
  const save = (view: NonNullable<WizardState['view']>, step: string, edits: object) =>
    call<SaveResult>('saveStep', {
      mapId,
      step,
      values: { ...view.values, ...edits },
      base: view.values,
      stages: view.stages,
    });
  return { s, sheet, load, save };
}

describe('a wizard field keeps what the user typed', () => {
  it('as text, when it starts like a formula, a number or a quoted text', () => {
    const { s, sheet, load, save } = start();
    const typed = ['=SUM(1,2)', '+7 999 123-45-67', '-20% off', '@support', "'quoted'"];
    const view = load('barriers');
    const result = save(
      view,
      'barriers',
      Object.fromEntries(typed.map((text, i) => [`stage.${i}.barriers`, text])),
    );
    expect(result.ok).toBe(true);
    const cells = ['C', 'D', 'E', 'F', 'G'].map((c) => `${c}${ROW.barriers}`);
    expect(cells.map((a1) => s.wb.value(sheet, a1))).toEqual(typed);
    expect(cells.map((a1) => s.wb.formula(sheet, a1))).toEqual(['', '', '', '', '']);
    // read back into the next step's form as typed
    expect(load('barriers').values['stage.4.barriers']).toBe("'quoted'");
  });

  it('up to the 50,000 characters a cell holds; one more is refused, saying the limit', () => {
    const { s, sheet, load, save } = start();
    const view = load('goal');
    const full = 'x'.repeat(50_000);
    expect(save(view, 'goal', { 'side.goal': full }).ok).toBe(true);
    expect(s.wb.value(sheet, `B${ROW.goal}`)).toBe(full);
    const again = load('goal');
    expect(save(again, 'goal', { 'side.goal': `${full}y` })).toEqual({
      ok: false,
      fieldErrors: { 'side.goal': 'At most 50000 characters.' },
    });
    expect(s.wb.value(sheet, `B${ROW.goal}`)).toBe(full);
  });

  it("refuses a choice that is not one of the list's, in the map's language", () => {
    const { s, sheet, load, save } = start('ru_RU');
    const view = load('barriers');
    // the English word for a Russian map's option, and a role that does not exist
    expect(save(view, 'barriers', { 'stage.0.barrierType': 'Unclarity' })).toEqual({
      ok: false,
      fieldErrors: { 'stage.0.barrierType': 'Выберите один из вариантов.' },
    });
    expect(save(load('stages'), 'stages', { 'stage.1.role': 'X' })).toEqual({
      ok: false,
      fieldErrors: { 'stage.1.role': 'Выберите один из вариантов.' },
    });
    expect(s.wb.value(sheet, `C${ROW.barrierType}`)).toBe('');
    expect(save(view, 'barriers', { 'stage.0.barrierType': 'Неясность' }).ok).toBe(true);
    expect(s.wb.value(sheet, `C${ROW.barrierType}`)).toBe('Неясность');
  });
});

describe('a colleague typed into the grid between load and save', () => {
  it('the same text the user typed: saved without asking', () => {
    const { s, sheet, load, save } = start();
    const view = load('barriers');
    s.wb.setCell(sheet, `E${ROW.barriers}`, 'Queue at the till');
    expect(save(view, 'barriers', { 'stage.2.barriers': 'Queue at the till' }).ok).toBe(true);
    expect(s.wb.value(sheet, `E${ROW.barriers}`)).toBe('Queue at the till');
  });

  it('the same count retyped as text: not a change, so the user’s new count is written', () => {
    const { s, sheet, load, save } = start();
    s.wb.setCell(sheet, `C${ROW.customers}`, 1000);
    const view = load('kpis');
    expect(view.values['stage.0.customers']).toBe(1000);
    s.wb.setCell(sheet, `C${ROW.customers}`, "'1000");
    expect(save(view, 'kpis', { 'stage.0.customers': '1 500' }).ok).toBe(true);
    expect(s.wb.value(sheet, `C${ROW.customers}`)).toBe(1500);
  });

  it('a trailing space added: a change the user is asked about, not written over', () => {
    const { s, sheet, load, save } = start();
    s.wb.setCell(sheet, `E${ROW.barriers}`, 'Queue');
    const view = load('barriers');
    s.wb.setCell(sheet, `E${ROW.barriers}`, 'Queue ');
    expect(save(view, 'barriers', { 'stage.2.barriers': 'Long queue' })).toEqual({
      ok: false,
      conflicts: [
        {
          id: 'stage.2.barriers',
          label: 'Purchase: Barriers',
          sheet: 'Queue ',
          yours: 'Long queue',
        },
      ],
    });
    expect(s.wb.value(sheet, `E${ROW.barriers}`)).toBe('Queue ');
  });

  it('the same date, typed as the Russian map writes it: saved without asking; another date is asked about', () => {
    const { s, sheet, load, save } = start('ru_RU');
    const view = load('goal');
    s.wb.setCell(sheet, `B${BLOCK_ROW.goalDate}`, '31.12.2026');
    expect(save(view, 'goal', { 'side.goalDate': '31.12.2026' }).ok).toBe(true);
    const again = load('goal');
    s.wb.setCell(sheet, `B${BLOCK_ROW.goalDate}`, '30.06.2027');
    expect(save(again, 'goal', { 'side.goalDate': '31.03.2027' })).toMatchObject({
      ok: false,
      conflicts: [{ id: 'side.goalDate', yours: '2027-03-31' }],
    });
    expect(s.wb.display(sheet, `B${BLOCK_ROW.goalDate}`)).toBe('30.06.2027');
  });
});
