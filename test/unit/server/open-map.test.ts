/**
 * The one way a command opens a map: the active sheet (a menu command), the sheet a dialog was
 * shown for, or the sheet of the map the sidebar names; refused in words when there is no usable
 * map there.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BLOCK_ROW } from '../../../src/core/review/block';
import { UserError } from '../../../src/server/errors';
import { here, type MapPlace, openMap, type OpenOptions } from '../../../src/server/open-map';
import { cost, emulated } from '../emulated';
import * as fixtures from './fixtures';

afterEach(() => {
  vi.unstubAllGlobals();
});

const NAMED_SUFFIXES = ['REVENUE', 'L', 'C', 'P', 'Q'];

/** A new map on its own sheet: "Coffee" in English or "Чай" in Russian, five stages. */
const newMap = (lang: 'en' | 'ru' = 'en') =>
  lang === 'en'
    ? fixtures.newMap('en_US', { name: 'Coffee', product: 'Beans', preset: 'funnel5' })
    : fixtures.newMap('ru_RU', {
        name: 'Чай',
        segment: 'Студенты',
        product: 'Листовой чай',
        preset: 'funnel5',
      });

/** The spreadsheet with an English map "Coffee", its sheet active. */
function coffee(opts: Parameters<typeof emulated>[0] = {}) {
  const e = emulated(opts);
  const map = newMap('en');
  const sheet = e.sheet('Coffee');
  e.ss.setActiveSheet(sheet);
  return { ...e, ...map, sheetId: sheet.getSheetId() };
}

/** The message openMap refused with; fails when it opened the map. */
function refusal(place: MapPlace, lang?: 'en' | 'ru', options?: OpenOptions): string {
  try {
    openMap(here(lang), place, options);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('opened');
}

const FIVE_STAGES = ['Awareness', 'Consideration', 'Purchase', 'Retention', 'Advocacy'];
const MAP_GONE_EN =
  'This map is no longer in the spreadsheet (its sheet was deleted). Pick another map.';
const NOT_MAP_RU =
  'Этот лист — не карта CJM. Выберите ячейку на листе карты или создайте карту: Расширения → CJM → Новая карта.';

describe('what a call works in', () => {
  it("is the spreadsheet, its locale, and refusals in the spreadsheet's language", () => {
    emulated({ name: 'Budget 2027', locale: 'ru_RU', userLocale: 'en_US' });
    const h = here();
    expect(h.ss.getName()).toBe('Budget 2027');
    expect(h.locale).toBe('ru_RU');
    expect(h.lang).toBe('ru');
  });

  it("speaks a dialog's language when the dialog names one", () => {
    emulated({ locale: 'ru_RU' });
    expect(here('en').lang).toBe('en');
  });

  it('asks for the time zone only when a date needs it, and once', () => {
    const { wb } = emulated({ timeZone: 'Europe/Moscow' });
    wb.calls.reset();
    const h = here();
    expect(cost(wb).byName['Spreadsheet.getSpreadsheetTimeZone']).toBeUndefined();
    expect(h.zone()).toBe('Europe/Moscow');
    expect(h.zone()).toBe('Europe/Moscow');
    expect(cost(wb).byName['Spreadsheet.getSpreadsheetTimeZone']).toBe(1);
  });
});

describe('opening the map on the active sheet', () => {
  it('reads the map, its stage headers and where it is', () => {
    const { sheetId, mapId } = coffee({ timeZone: 'Europe/Berlin' });
    const map = openMap(here(), 'active');
    expect(map.journey.id).toBe(mapId);
    expect(map.journey.lang).toBe('en');
    expect(map.journey.stages.map((s) => s.name)).toEqual(FIVE_STAGES);
    expect(map.sheet.getSheetId()).toBe(sheetId);
    expect(map.headers).toEqual(FIVE_STAGES);
    expect(map.original).toBeNull();
    expect(map.locale).toBe('en_US');
    expect(map.zone()).toBe('Europe/Berlin');
    expect(map.review).toEqual({
      present: false,
      fields: { revenueGoal: '', goalDate: '', cadence: '' },
    });
    expect(map.snapshot.values[0]?.slice(0, 2)).toEqual(['Customer journey map', 'Coffee']);
  });

  it('keeps a note typed in the header row right of the stages in the headers', () => {
    const { wb } = coffee();
    wb.setCell('Coffee', 'I9', 'ideas');
    expect(openMap(here(), 'active').headers).toEqual([...FIVE_STAGES, '', 'ideas']);
  });

  it('reads the formulas only when asked for them', () => {
    coffee();
    expect(openMap(here(), 'active').snapshot.formulas).toEqual([]);
    const withFormulas = openMap(here(), 'active', { formulas: true }).snapshot.formulas;
    expect(withFormulas[0]?.slice(0, 2)).toEqual(['', '']);
    expect(withFormulas.flat().some((f) => f.includes('CJM_REVENUE('))).toBe(true);
  });

  it('reads the review block under the footer: the goal, its date and the cadence', () => {
    const { wb } = coffee();
    wb.setCell('Coffee', `B${BLOCK_ROW.reviewSection}`, 'CJM reviews');
    wb.setCell('Coffee', `B${BLOCK_ROW.revenueGoal}`, '300000');
    wb.setCell('Coffee', `B${BLOCK_ROW.goalDate}`, '2027-03-31');
    wb.setCell('Coffee', `B${BLOCK_ROW.cadence}`, 'monthly');
    expect(openMap(here(), 'active').review).toEqual({
      present: true,
      fields: { revenueGoal: 300000, goalDate: '2027-03-31', cadence: 'monthly' },
    });
  });

  it("refuses a sheet without a map, in the call's language", () => {
    const { ss, sheet } = coffee();
    ss.setActiveSheet(sheet('Sheet1'));
    expect(refusal('active', 'ru')).toBe(NOT_MAP_RU);
  });

  it('refuses a copy of a map, naming the sheet of the map it copies', () => {
    const { wb, ss, sheet } = coffee();
    wb.copySheet('Coffee');
    ss.setActiveSheet(sheet('Copy of Coffee'));
    expect(refusal('active')).toBe(
      'This sheet is a copy of the map on sheet "Coffee" and carries its id, so the add-on does not work on it: a change here could reach that map. To make this sheet a map of its own (a new id and stage ids, no plan yet; nothing of the original changes), choose Extensions → CJM → Rename the map… here and give it a name. To work on the map itself, go to sheet "Coffee". Nothing was changed.',
    );
  });

  it('opens a copy of a map for a command that makes its own offer, with the sheet it copies', () => {
    const { wb, ss, sheet, sheetId } = coffee();
    wb.copySheet('Coffee');
    ss.setActiveSheet(sheet('Copy of Coffee'));
    const map = openMap(here(), 'active', { copies: 'allow' });
    expect(map.sheet.getName()).toBe('Copy of Coffee');
    expect(map.original?.getSheetId()).toBe(sheetId);
  });
});

describe('opening the map on the sheet a dialog was shown for', () => {
  it('reads the map when the sheet still holds it', () => {
    const { ss, sheet, sheetId, mapId } = coffee();
    ss.setActiveSheet(sheet('Sheet1'));
    const map = openMap(here(), { sheetId, mapId });
    expect(map.sheet.getName()).toBe('Coffee');
    expect(map.headers).toEqual(FIVE_STAGES);
    expect(map.original).toBeNull();
  });

  it('says the map is gone when its sheet was deleted', () => {
    const { wb, sheetId, mapId } = coffee();
    wb.deleteSheet('Coffee');
    expect(refusal({ sheetId, mapId }, 'en')).toBe(MAP_GONE_EN);
  });

  it("says the map changed, in the map's language, when the sheet now holds another map", () => {
    const { mapId } = coffee();
    newMap('ru');
    const tea = here().ss.getSheetByName('Чай')?.getSheetId() ?? -1;
    expect(refusal({ sheetId: tea, mapId }, 'en')).toBe(
      'Карта изменилась, пока вы решали (её кто-то правил). Ничего не изменено; повторите.',
    );
  });

  it('refuses a copy of the map unless the command allows it', () => {
    const { wb, sheet, mapId, sheetId } = coffee();
    wb.copySheet('Coffee');
    const copy = sheet('Copy of Coffee').getSheetId();
    expect(refusal({ sheetId: copy, mapId })).toMatch(
      /^This sheet is a copy of the map on sheet "Coffee"/,
    );
    expect(
      openMap(here(), { sheetId: copy, mapId }, { copies: 'allow' }).original?.getSheetId(),
    ).toBe(sheetId);
  });

  it("refuses a sheet that holds no map, in the call's language", () => {
    const { sheet, mapId } = coffee();
    expect(refusal({ sheetId: sheet('Sheet1').getSheetId(), mapId }, 'ru')).toBe(NOT_MAP_RU);
  });
});

describe('opening the map the sidebar names', () => {
  it('finds its sheet by its id, wherever the active sheet is', () => {
    const { ss, sheet, mapId } = coffee();
    ss.setActiveSheet(sheet('Sheet1'));
    const map = openMap(here(), { mapId });
    expect(map.sheet.getName()).toBe('Coffee');
    expect(map.journey.id).toBe(mapId);
    expect(map.original).toBeNull();
  });

  it('reads the formulas only when asked for them', () => {
    const { mapId } = coffee();
    expect(openMap(here(), { mapId }).snapshot.formulas).toEqual([]);
    expect(
      openMap(here(), { mapId }, { formulas: true })
        .snapshot.formulas.flat()
        .some((f) => f.includes('CJM_REVENUE(')),
    ).toBe(true);
  });

  it('says the map is gone when no sheet holds it', () => {
    coffee();
    expect(refusal({ mapId: 'ZZZZ99' }, 'en')).toBe(MAP_GONE_EN);
    expect(refusal({ mapId: 'ZZZZ99' }, 'ru')).toBe(
      'Этой карты больше нет в таблице (её лист удалён). Выберите другую карту.',
    );
  });

  it("refuses to write when its named cells were moved onto another map's sheet, naming that sheet in the caller's language", () => {
    const { ss, mapId } = coffee();
    newMap('ru');
    const tea = ss.getSheetByName('Чай');
    if (!tea) throw new Error('no second map');
    for (const suffix of NAMED_SUFFIXES) {
      ss.removeNamedRange(`CJM_${mapId}_${suffix}`);
      ss.setNamedRange(`CJM_${mapId}_${suffix}`, tea.getRange('B20'));
    }
    expect(refusal({ mapId }, 'en')).toBe(
      'This map\'s named cells point to the sheet "Чай", which holds another map (they were moved or copied). Nothing was changed; recreate the map or fix its named ranges (Data → Named ranges).',
    );
    expect(refusal({ mapId }, 'ru')).toBe(
      'Именованные ячейки этой карты указывают на лист «Чай» с другой картой (их перенесли или скопировали). Ничего не изменено; создайте карту заново или исправьте именованные диапазоны (Данные → Именованные диапазоны).',
    );
  });
});
