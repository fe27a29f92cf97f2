/**
 * What the add-on's pages send, checked whole before anything is read or written: a malformed call
 * is refused in words naming its fields, in its map's language when it names a map that exists.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { REQUESTS } from '../../../src/requests';
import { UserError } from '../../../src/server/errors';
import { parse } from '../../../src/server/payload';
import { cost, emulated } from '../emulated';
import { newMap } from './fixtures';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A map "Кофе" made in Russian (in whatever spreadsheet is open); its id. */
const russianMap = (): string =>
  newMap('ru_RU', {
    name: 'Кофе',
    segment: 'Офисные работники',
    product: 'Кофе в зёрнах',
    preset: 'funnel5',
  }).mapId;

/** The message parse refused with; fails when it did not refuse. */
function refusal(schema: z.ZodMiniType<unknown>, payload: unknown): string {
  try {
    parse(schema, payload);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('accepted');
}

const rename = () => REQUESTS.renameMapTo() as z.ZodMiniType<unknown>;
const LONG = 'x'.repeat(50_001);

/** A form of three texts: two as long as a cell may be, one of at most 10 characters. */
const form = z.object({
  note: z.string().check(z.maxLength(50_000)),
  owner: z.string().check(z.maxLength(50_000)),
  code: z.string().check(z.maxLength(10)),
});

describe('a payload from a page', () => {
  it('is handed over as sent when it is well formed', () => {
    emulated();
    const payload = { mapId: 'K7P2QX', sheetId: 12, name: 'Coffee', lang: 'en' };
    expect(parse(rename(), payload)).toEqual(payload);
  });

  it('is refused naming its missing or malformed fields, in the order checked', () => {
    emulated();
    expect(refusal(rename(), { mapId: 'K7P2QX', sheetId: 1.5 })).toBe(
      'The form could not be read: these fields are missing or malformed: sheetId, name. Reopen it and try again.',
    );
  });

  it('names a nested field by its path, and a field failing twice once', () => {
    emulated();
    const nested = z.object({
      source: z.object({ range: z.string().check(z.minLength(2), z.regex(/^[A-Z]/)) }),
    });
    expect(refusal(nested, { source: { range: '1' } })).toBe(
      'The form could not be read: these fields are missing or malformed: source.range. Reopen it and try again.',
    );
    expect(refusal(z.array(z.number()), [1, 'two'])).toBe(
      'The form could not be read: these fields are missing or malformed: 1. Reopen it and try again.',
    );
  });

  it('names the whole payload "—" when it is not an object at all', () => {
    emulated();
    expect(refusal(rename(), null)).toBe(
      'The form could not be read: these fields are missing or malformed: —. Reopen it and try again.',
    );
    expect(refusal(rename(), 'rename')).toBe(
      'The form could not be read: these fields are missing or malformed: —. Reopen it and try again.',
    );
  });

  it('says a text longer than a cell holds is to be shortened, naming the fields', () => {
    emulated();
    expect(refusal(form, { note: LONG, owner: LONG, code: 'A1' })).toBe(
      'A text you typed is longer than a cell of Sheets holds (at most 50000 characters): note, owner. Shorten it and save again; what you typed is still in the form.',
    );
  });

  it('is refused as malformed when a long text comes with another fault', () => {
    emulated();
    expect(refusal(form, { note: LONG, owner: 'Ann', code: 7 })).toBe(
      'The form could not be read: these fields are missing or malformed: note, code. Reopen it and try again.',
    );
  });

  it("is refused as malformed when a text passes a shorter limit than a cell's", () => {
    emulated();
    expect(refusal(form, { note: '', owner: '', code: 'ABCDEFGHIJK' })).toBe(
      'The form could not be read: these fields are missing or malformed: code. Reopen it and try again.',
    );
  });
});

describe('a list too long', () => {
  it('is refused as malformed, not as a text too long, even at the length of a cell', () => {
    emulated();
    const list = z.object({ rows: z.array(z.number()).check(z.maxLength(50_000)) });
    expect(refusal(list, { rows: new Array(50_001).fill(1) })).toBe(
      'The form could not be read: these fields are missing or malformed: rows. Reopen it and try again.',
    );
  });
});

describe('the language of a refusal', () => {
  it("is the spreadsheet's when the payload names no map", () => {
    emulated({ locale: 'ru_RU', userLocale: 'en_US' });
    expect(refusal(rename(), {})).toBe(
      'Не удалось прочитать форму: эти поля отсутствуют или заполнены неверно: mapId, sheetId, name. Откройте её заново и повторите.',
    );
  });

  it("is the map's own when the payload names a map that exists, whatever the spreadsheet's", () => {
    emulated({ locale: 'en_US' });
    const mapId = russianMap();
    expect(refusal(rename(), { mapId, sheetId: 'first', name: 'Чай' })).toBe(
      'Не удалось прочитать форму: эти поля отсутствуют или заполнены неверно: sheetId. Откройте её заново и повторите.',
    );
    expect(refusal(form, { mapId, note: LONG, owner: '', code: '' })).toBe(
      'Введённый текст длиннее, чем вмещает ячейка Таблиц (не больше 50000 символов): note. Сократите его и сохраните снова; введённое осталось в форме.',
    );
  });

  it('looks for no map when the id named is malformed', () => {
    const { wb } = emulated({ locale: 'en_US' });
    russianMap();
    wb.calls.reset();
    refusal(rename(), { mapId: 'not an id', sheetId: 1 });
    expect(cost(wb).byName['Spreadsheet.getRangeByName']).toBeUndefined();
  });

  it("is the spreadsheet's when the map named is not in it, or its id is malformed", () => {
    emulated({ locale: 'en_US' });
    russianMap();
    expect(refusal(rename(), { mapId: 'ZZZZ99', sheetId: 'first' })).toBe(
      'The form could not be read: these fields are missing or malformed: sheetId, name. Reopen it and try again.',
    );
    expect(refusal(rename(), { mapId: 42, sheetId: 1, name: 'Tea' })).toBe(
      'The form could not be read: these fields are missing or malformed: mapId. Reopen it and try again.',
    );
  });
});
