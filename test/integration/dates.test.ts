/**
 * Dates are real dates, through the built add-on in the emulator: a map's review dates and a plan's
 * deadlines are dates in the sheet, shown per locale (30.06.2026 in ru_RU, ISO in en_US), ISO text
 * for the sidebar's date input, the same day in any time zone; a date typed in the wizard or in the
 * sheet in the locale's form is read whether the cell kept it as a date or as text, and anything
 * that is not a date stays as typed. The mind map shows dates, money and shares as the map's cells
 * do.
 */
import { describe, expect, it } from 'vitest';
import type { ActionRow, MindMap, SaveResult, WizardState } from '../../src/contract';
import { ROW } from '../../src/core/map/layout';
import { t } from '../../src/core/words/i18n';
import { openSpreadsheet } from '../support/addon';
import { openExampleMap } from '../support/example-map';

const NBSP = '\u00a0';

/** The example map (support/example-map.ts) with its action plan's calls. */
function open(locale: 'ru_RU' | 'en_US' = 'ru_RU', timeZone = 'Europe/Moscow') {
  const map = openExampleMap(locale, timeZone);
  const { mapId, sheetName, call, lang } = map;
  const plan = () => call<WizardState>('loadStep', { mapId, step: 'plan' }).view!.actions;
  const savePlan = (actions: Omit<ActionRow, 'impact'>[], base: readonly ActionRow[] = []) => {
    const r = call<SaveResult>('savePlan', {
      mapId,
      base: base.map(({ impact: _i, ...a }) => a),
      actions,
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r;
  };
  const planSheet = () => t(lang, 'plan.sheet', { name: sheetName });
  return { ...map, plan, savePlan, planSheet };
}

const action = (
  name: string,
  deadline: string,
  lever: ActionRow['lever'] = 'C',
  change = '+2 п.п.',
): Omit<ActionRow, 'impact'> => ({
  action: name,
  stage: '',
  lever,
  change,
  owner: 'Оля',
  deadline,
  start: '',
  status: '',
});

describe('plan deadlines are real dates', () => {
  it.each(['Europe/Moscow', 'Pacific/Auckland', 'Pacific/Honolulu'])(
    'a deadline from the sidebar is a date in the sheet, shown as ru_RU writes it, and ISO for the sidebar (%s)',
    (zone) => {
      const { wb, plan, savePlan, planSheet } = open('ru_RU', zone);
      const saved = savePlan([action('Рассрочка', '2026-06-30')]);
      const cell = wb.range(planSheet(), 'G4');
      expect(cell.getValue()).toBeInstanceOf(Date);
      expect(cell.getNumberFormat()).toBe('dd.mm.yyyy');
      expect(wb.display(planSheet(), 'G4')).toBe('30.06.2026');
      expect(saved.ok && saved.state.view?.actions[0]?.deadline).toBe('2026-06-30');
      // read back from the sheet: the same day, in any time zone, as <input type=date> takes it
      expect(plan()[0]?.deadline).toBe('2026-06-30');
    },
  );

  it('an English map shows its deadlines as the map shows its review dates', () => {
    const { wb, plan, savePlan, planSheet } = open('en_US', 'America/New_York');
    savePlan([action('Installments', '2026-06-30', 'C', '+2 pp')]);
    expect(wb.range(planSheet(), 'G4').getValue()).toBeInstanceOf(Date);
    expect(wb.display(planSheet(), 'G4')).toBe('2026-06-30');
    expect(plan()[0]?.deadline).toBe('2026-06-30');
  });

  it("a date typed in the sheet as Russian writes it reaches the sidebar's date input, kept as a date or as text", () => {
    const { wb, plan, savePlan, planSheet } = open();
    savePlan([action('Рассрочка', '2026-06-30'), action('Пакет', '', 'Q', '+0,5 покупки')]);
    const rows = plan();
    const row = (name: string) => 4 + rows.findIndex((a) => a.action === name);
    // typed into the date column: the sheet takes it as a date
    wb.setCell(planSheet(), `G${row('Рассрочка')}`, '15.06.2026');
    expect(wb.value(planSheet(), `G${row('Рассрочка')}`)).toBeInstanceOf(Date);
    // typed into a cell a user formatted as text (or a plan written before deadlines were dates):
    // the text is kept
    wb.range(planSheet(), `G${row('Пакет')}`).setNumberFormat('@');
    wb.setCell(planSheet(), `G${row('Пакет')}`, '01.07.2026');
    expect(wb.value(planSheet(), `G${row('Пакет')}`)).toBe('01.07.2026');
    const read = plan();
    expect(read.find((a) => a.action === 'Рассрочка')?.deadline).toBe('2026-06-15');
    expect(read.find((a) => a.action === 'Пакет')?.deadline).toBe('2026-07-01');
    // saved again from the sidebar (another field changed), both are dates in the sheet
    const saved = savePlan(
      read.map(({ impact: _i, ...a }) => ({ ...a, owner: 'Анна' })),
      read,
    );
    expect(saved.ok).toBe(true);
    const after = plan();
    for (const a of after) {
      const r = 4 + after.indexOf(a);
      expect(wb.value(planSheet(), `G${r}`)).toBeInstanceOf(Date);
      expect(a.owner).toBe('Анна');
    }
    expect(after.map((a) => wb.display(planSheet(), `G${4 + after.indexOf(a)}`)).sort()).toEqual([
      '01.07.2026',
      '15.06.2026',
    ]);
  });

  it('a deadline that is not a date stays exactly as typed, through reads and saves', () => {
    const { wb, plan, savePlan, planSheet } = open();
    savePlan([
      action('Рассрочка', '2026-06-30'),
      action('Пакет', 'конец квартала', 'Q', '+0,5 покупки'),
    ]);
    const rowOf = (name: string) => 4 + plan().findIndex((a) => a.action === name);
    expect(wb.value(planSheet(), `G${rowOf('Пакет')}`)).toBe('конец квартала');
    // a user types text over a date
    wb.setCell(planSheet(), `G${rowOf('Рассрочка')}`, 'после запуска');
    const read = plan();
    expect(read.find((a) => a.action === 'Рассрочка')?.deadline).toBe('после запуска');
    expect(read.find((a) => a.action === 'Пакет')?.deadline).toBe('конец квартала');
    // the sidebar's date input shows such a deadline blank, yet sends it back untouched: it
    // survives the save
    savePlan(
      read.map(({ impact: _i, ...a }) => ({ ...a, status: '' })),
      read,
    );
    const after = plan();
    expect(after.find((a) => a.action === 'Рассрочка')?.deadline).toBe('после запуска');
    expect(after.find((a) => a.action === 'Пакет')?.deadline).toBe('конец квартала');
    expect(wb.value(planSheet(), `G${rowOf('Пакет')}`)).toBe('конец квартала');
    // a text that starts like a formula is still text
    savePlan([...after.map(({ impact: _i, ...a }) => a), action('Ещё', '=1+1')], after);
    expect(plan().find((a) => a.action === 'Ещё')?.deadline).toBe('=1+1');
  });

  it.each([
    ['17:00', '17:00'],
    ['9:30', '09:30'],
    ['1', '1899-12-31'],
  ])(
    'a time or a small number typed over a deadline ("%s") reads as what it is, and the plan still saves',
    (typed, read) => {
      const { wb, plan, savePlan, planSheet } = open();
      savePlan([action('Рассрочка', '2026-06-30')]);
      // the deadline cell is a date cell: Sheets makes these Dates before 1900
      wb.setCell(planSheet(), 'G4', typed);
      const loaded = plan();
      expect(loaded[0]?.deadline).toBe(read);
      const saved = savePlan(
        [...loaded.map(({ impact: _i, ...a }) => a), action('Пакет', '')],
        loaded,
      );
      expect(saved.ok).toBe(true);
      expect(plan().find((a) => a.action === 'Рассрочка')?.deadline).toBe(read);
    },
  );
});

describe('the mind map shows dates and figures as the map does', () => {
  it('Russian: dates as 15.05.2026, money in rubles, shares with one decimal', () => {
    const { mapId, call, savePlan } = open();
    savePlan([action('Рассрочка', '2026-06-30')]);
    const { markdown } = call<MindMap>('exportMindMap', { mapId });
    // review dates and the deadline in the map's form, never ISO
    expect(markdown).toContain('01.11.2026');
    expect(markdown).toContain('01.02.2027');
    expect(markdown).toContain(' — 30.06.2026 — ');
    expect(markdown).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // money with the currency the sheet shows, the conversion as "0.0%" writes it
    expect(markdown).toMatch(new RegExp(`${t('ru', 'row.revenue')}: [\\d${NBSP}]+${NBSP}₽`));
    expect(markdown).toMatch(new RegExp(`${t('ru', 'row.avgCheck')}: [\\d${NBSP}]+${NBSP}₽`));
    expect(markdown).toMatch(new RegExp(`${t('ru', 'row.conversion')}: \\d+,\\d%`));
    expect(markdown).toMatch(new RegExp(`${t('ru', 'plan.impact')}: [\\d${NBSP}]+${NBSP}₽`));
  });

  it('English: ISO dates as the English map shows them, dollars before the figure', () => {
    const { mapId, call, savePlan } = open('en_US', 'America/New_York');
    savePlan([action('Installments', '2026-06-30', 'C', '+2 pp')]);
    const { markdown } = call<MindMap>('exportMindMap', { mapId });
    expect(markdown).toContain('2026-11-01');
    expect(markdown).toContain(' — 2026-06-30 — ');
    // "$" escaped in Markdown: mind-map tools read a text between two as a formula
    expect(markdown).toMatch(new RegExp(`${t('en', 'row.revenue')}: \\\\\\$[\\d,]+`));
    expect(markdown).toMatch(new RegExp(`${t('en', 'row.conversion')}: \\d+\\.\\d%`));
  });
});

describe('dates are real dates, shown per locale', () => {
  it.each(['Europe/Moscow', 'Pacific/Auckland', 'Pacific/Honolulu', 'Etc/GMT'])(
    'a new map writes its review dates as dates and reads them back (%s)',
    (zone) => {
      const { wb, sheetName: sheet, load } = openExampleMap('ru_RU', zone);
      const cell = wb.range(sheet, `B${ROW.reviewed}`);
      expect(cell.getValue()).toBeInstanceOf(Date);
      expect(cell.getNumberFormat()).toBe('dd.mm.yyyy');
      expect(wb.display(sheet, `B${ROW.reviewed}`)).toBe('01.11.2026');
      expect(wb.display(sheet, `B${ROW.nextReview}`)).toBe('01.02.2027');
      // the sidebar gets ISO text (google.script.run carries JSON), the same day in any time zone
      const view = load('present').view!;
      expect(view.values['side.reviewed']).toBe('2026-11-01');
      expect(view.values['side.nextReview']).toBe('2027-02-01');
    },
  );

  it('a date typed in the wizard as Russian writes it is saved as a date; an invalid one is refused in Russian', () => {
    const { wb, sheetName: sheet, mapId, call, load } = openExampleMap();
    const view = load('present').view!;
    const save = (values: Record<string, unknown>) =>
      call<SaveResult>('saveStep', {
        mapId,
        step: 'present',
        values: { ...view.values, ...values },
        base: view.values,
        stages: view.stages,
      });
    const saved = save({ 'side.nextReview': '15.05.2027' });
    expect(saved.ok).toBe(true);
    expect(wb.range(sheet, `B${ROW.nextReview}`).getValue()).toBeInstanceOf(Date);
    expect(wb.display(sheet, `B${ROW.nextReview}`)).toBe('15.05.2027');
    expect(saved.ok && saved.state.view?.values['side.nextReview']).toBe('2027-05-15');
    expect(load('present').view!.values['side.nextReview']).toBe('2027-05-15');
    const refused = save({ 'side.reviewed': '31.02.2027' });
    expect(refused).toEqual({
      ok: false,
      fieldErrors: { 'side.reviewed': 'Введите дату в виде ДД.ММ.ГГГГ, например 15.05.2026.' },
    });
  });

  it('a map made before dates were real (text in a text cell) gets a real date and a date format on save', () => {
    const { wb, sheetName: sheet, mapId, call, load } = openExampleMap();
    wb.range(sheet, `B${ROW.reviewed}`).setNumberFormat('@').setValue("'2026-03-01");
    const view = load('present').view!;
    expect(view.values['side.reviewed']).toBe('2026-03-01');
    const saved = call<SaveResult>('saveStep', {
      mapId,
      step: 'present',
      values: { ...view.values, 'side.reviewed': '2026-04-02' },
      base: view.values,
      stages: view.stages,
    });
    expect(saved.ok).toBe(true);
    expect(wb.display(sheet, `B${ROW.reviewed}`)).toBe('02.04.2026');
    expect(wb.range(sheet, `B${ROW.reviewed}`).getNumberFormat()).toBe('dd.mm.yyyy');
  });

  it('an English map shows its dates as ISO dates', () => {
    const s = openSpreadsheet('en_US');
    const sheet = s.newMap({ example: true });
    expect(s.wb.range(sheet, `B${ROW.reviewed}`).getValue()).toBeInstanceOf(Date);
    expect(s.wb.display(sheet, `B${ROW.reviewed}`)).toBe('2026-11-01');
  });
});
