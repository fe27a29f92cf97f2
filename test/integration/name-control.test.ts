/**
 * Line breaks and other control characters in a name, through the built add-on: Sheets' own sheet
 * names hold none, so every path that takes a name refuses them in words and changes nothing, and a
 * name the add-on makes from a segment and a product typed on two lines is put on one: the map is
 * then listed in the portfolio and opened by the wizard like any other.
 */
import { describe, expect, it } from 'vitest';
import type {
  CreateMapResult,
  EditStagesResult,
  SaveResult,
  WizardState,
} from '../../src/contract';
import { ROW } from '../../src/core/map/layout';
import { openSpreadsheet } from '../support/addon';

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
