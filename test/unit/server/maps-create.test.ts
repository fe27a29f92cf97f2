/**
 * Creating a map from the New map form: the form checked in its own language, the map written on
 * a sheet of its own (never over another), the formulas in the spreadsheet's syntax.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROW } from '../../../src/core/map/layout';
import { journeyFromRequest } from '../../../src/core/map/new-map';
import { createMap, insertMapSheet } from '../../../src/server/maps';
import { mapForm } from './fixtures';
import { spreadsheet } from './maps-setup';

afterEach(() => {
  vi.unstubAllGlobals();
});

const form = mapForm();

describe('createMap', () => {
  it('writes the map on a new sheet named after the pair and answers with its id and sheet', () => {
    const s = spreadsheet();
    const result = createMap(form);
    expect(result).toMatchObject({ ok: true, sheetName: 'Office workers — Coffee beans' });
    const id = result.ok ? result.mapId : '';
    expect(id).toMatch(/^[A-Z0-9]{6}$/);
    const sheet = 'Office workers — Coffee beans';
    expect(s.wb.sheetNames()).toEqual(['Sheet1', sheet]);
    expect(s.wb.value(sheet, `A${ROW.footer}`)).toBe(`CJM map ${id} · template v2`);
    expect(s.wb.value(sheet, `B${ROW.name}`)).toBe('Office workers — Coffee beans');
    expect(s.wb.value(sheet, `E${ROW.header}`)).toBe('Purchase');
    expect(s.wb.properties.document.data.get('cjm.maps.changed')).toMatch(/\S/);
  });

  it('never writes over a sheet: a taken name gets " (2)"', () => {
    const s = spreadsheet();
    s.wb.setCell('Sheet1', 'C9', 'mine');
    expect(createMap({ ...form, name: 'Sheet1' })).toMatchObject({
      ok: true,
      sheetName: 'Sheet1 (2)',
    });
    expect(s.wb.value('Sheet1', 'C9')).toBe('mine');
    expect(s.wb.value('Sheet1 (2)', `B${ROW.name}`)).toBe('Sheet1');
  });

  it("refuses an empty pair in the form's language, writing nothing", () => {
    const s = spreadsheet('en_US');
    expect(createMap({ ...form, segment: '', product: '', lang: 'ru' })).toEqual({
      ok: false,
      fieldErrors: { segment: 'Заполните это поле.' },
    });
    expect(createMap({ ...form, segment: '', lang: 'en' })).toEqual({
      ok: false,
      fieldErrors: { segment: 'Fill this in.' },
    });
    expect(s.wb.sheetNames()).toEqual(['Sheet1']);
  });

  it("answers a form of an unknown language, or none, in the spreadsheet's", () => {
    spreadsheet('ru_RU');
    expect(createMap({ ...form, segment: '', lang: 'de' })).toEqual({
      ok: false,
      fieldErrors: { lang: 'Выберите один из вариантов.' },
    });
    const { lang: _, ...noLang } = form;
    expect(createMap(noLang)).toEqual({
      ok: false,
      fieldErrors: { lang: 'Выберите один из вариантов.' },
    });
  });

  it("answers a call that is no form at all in the spreadsheet's language", () => {
    spreadsheet('ru_RU');
    for (const payload of [null, 'map', 7]) {
      expect(createMap(payload)).toEqual({
        ok: false,
        fieldErrors: { _form: 'Недопустимое значение; проверьте его и попробуйте снова.' },
      });
    }
  });

  it('makes a map in the language the form asks for, whatever the spreadsheet', () => {
    const s = spreadsheet('en_US');
    createMap({ ...form, name: 'Кофе', lang: 'ru' });
    expect(s.wb.value('Кофе', `A${ROW.name}`)).toBe('Карта пути клиента');
  });

  it('waits for another change that holds the lock, in the form language, creating nothing', () => {
    const s = spreadsheet('en_US');
    s.wb.lock.holdByOther();
    expect(() => createMap({ ...form, lang: 'ru' })).toThrow(/^Другое изменение/);
    expect(s.wb.sheetNames()).toEqual(['Sheet1']);
  });
});

describe('the formula syntax of a new map', () => {
  it('is found once in a decimal-comma spreadsheet and remembered for its locale', () => {
    const s = spreadsheet('ru_RU');
    createMap({ ...form, name: 'Кофе', lang: 'ru', locale: 'ru_RU' });
    expect(s.wb.properties.document.data.get('cjm.formulaDialect')).toBe('ru_RU:comma');
    s.wb.setCell('Кофе', `C${ROW.customers}`, '1000');
    expect(s.wb.value('Кофе', `B${ROW.leads}`)).toBe(1000);
  });

  it("is the locale's own where the spreadsheet takes that", () => {
    const s = spreadsheet('ru_RU');
    s.wb.model.formulaSeparators = 'locale';
    createMap({ ...form, name: 'Кофе', lang: 'ru', locale: 'ru_RU' });
    expect(s.wb.properties.document.data.get('cjm.formulaDialect')).toBe('ru_RU:locale');
    s.wb.setCell('Кофе', `C${ROW.customers}`, '1000');
    expect(s.wb.value('Кофе', `B${ROW.leads}`)).toBe(1000);
  });

  it('is written in the locale a caller names, and remembered for it', () => {
    const s = spreadsheet('en_US');
    const journey = journeyFromRequest(
      { ...form, preset: 'checklist6', lang: 'en', name: 'Imported', deal: null },
      'ABC234',
    );
    const { name } = insertMapSheet(journey, 'de_DE', (plan) => ({
      ...plan,
      sheetName: 'From a table',
    }));
    expect(name).toBe('From a table');
    expect(s.wb.properties.document.data.get('cjm.formulaDialect')).toBe('de_DE:comma');
    expect(s.wb.value(name, `A${ROW.footer}`)).toBe('CJM map ABC234 · template v2');
  });
});
