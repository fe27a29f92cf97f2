/**
 * Real dates in the action plan and figures as the sheet shows them, through the built add-on
 * in the emulator: a plan's deadlines are dates in the sheet (shown per locale, 30.06.2026 in
 * ru_RU), ISO text for the sidebar's date input, a date typed in the sheet in the locale's form
 * reaches the sidebar whether the cell kept it as a date or as text, and anything that is not a
 * date stays as typed. The mind map shows dates, money and shares as the map's cells do.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorkbook, htmlFilesIn, loadAddon } from '../../dev/emulator/index';
import type {
  ActionRow,
  CreateMapResult,
  MindMap,
  SaveResult,
  WizardState,
} from '../../src/contract';
import { t } from '../../src/core/words/i18n';
import { formatCount, formatFactor, formatMoney, formatShare } from '../../src/core/funnel/numbers';
import { currencyOf } from '../../src/core/map/formats';
import { a1, ROW, SIDE_COL } from '../../src/core/map/layout';

const NBSP = '\u00a0';

/**
 * A spreadsheet with the example map, in Moscow by default (UTC+3: a date's midnight is the evening
 * before in UTC).
 */
function open(locale: 'ru_RU' | 'en_US' = 'ru_RU', timeZone = 'Europe/Moscow') {
  const lang = locale === 'ru_RU' ? ('ru' as const) : ('en' as const);
  const wb = createWorkbook({ locale, timeZone });
  wb.ui.responder = () => 'OK';
  const addon = loadAddon(wb, readFileSync('dist/Code.js', 'utf8'), htmlFilesIn('dist'));
  const created = addon.callFromClient('createMap', {
    name: 'Клуб',
    segment: 'Офисные сотрудники',
    product: 'Абонемент',
    preset: 'checklist6',
    stages: [],
    lang,
    locale,
    example: true,
  }) as CreateMapResult;
  if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
  const { mapId, sheetName } = created;
  const call = <T>(name: string, req: unknown) => addon.callFromClient(name, req) as T;
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
  return { wb, mapId, sheetName, call, plan, savePlan, planSheet, lang };
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

describe("the sidebar's figures are what the sheet shows", () => {
  it.each(['ru_RU', 'en_US'] as const)(
    "leads, conversion, check, purchases and revenue, formatted by the one formatter, match the map's cells (%s)",
    (locale) => {
      const { wb, sheetName, call, mapId, lang } = open(locale, 'Europe/Moscow');
      const m = call<WizardState>('loadStep', { mapId, step: 'kpis' }).view!.metrics;
      const shown = (key: 'leads' | 'conversion' | 'avgCheck' | 'purchases' | 'revenue') =>
        wb.display(sheetName, a1(ROW[key], SIDE_COL)).replace(/[\s\u00a0\u202f]/g, ' ');
      const same = (s: string) => s.replace(/[\s\u00a0\u202f]/g, ' ');
      const currency = currencyOf(locale);
      expect(same(formatCount(m.leads!, lang))).toBe(shown('leads'));
      expect(same(formatShare(m.conversion!, lang))).toBe(shown('conversion'));
      expect(same(formatMoney(m.avgCheck!, lang, currency))).toBe(shown('avgCheck'));
      expect(same(formatFactor(m.purchases!, lang))).toBe(shown('purchases'));
      expect(same(formatMoney(m.revenue!, lang, currency))).toBe(shown('revenue'));
    },
  );
});
