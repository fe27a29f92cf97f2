/**
 * Russian first, through the built add-on in the emulator: real dates in the map (written,
 * shown per locale, read back in the spreadsheet's time zone), count messages that agree
 * with their number, the map marker in the map's language (the old English one still read),
 * numbers read as the map's language reads them, and formulas typed in a ru_RU grid in the
 * locale's syntax, as in Sheets.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorkbook, htmlFilesIn, loadAddon } from '../../dev/emulator/index';
import {
  BOOT_PLACEHOLDER,
  type CreateMapResult,
  type FormulaHelp,
  type SaveResult,
  type WizardState,
} from '../../src/contract';
import { a1, FIRST_STAGE_COL, ROW } from '../../src/core/map/layout';
import { t } from '../../src/core/words/i18n';
import { PARSE_ERROR_MESSAGE } from '../../dev/emulator/formula-syntax';
import { formulaHelp } from '../../src/server/formula-help';
import { openSpreadsheet } from '../support/addon';

const col = (i: number) => a1(1, FIRST_STAGE_COL + i).replace(/\d+$/, '');

/** A Russian spreadsheet in Moscow (UTC+3: a date's midnight is the evening before in UTC). */
function moscow(timeZone = 'Europe/Moscow') {
  const wb = createWorkbook({ locale: 'ru_RU', timeZone });
  wb.ui.responder = () => 'OK';
  const addon = loadAddon(wb, readFileSync('dist/Code.js', 'utf8'), htmlFilesIn('dist'));
  const created = addon.callFromClient('createMap', {
    name: 'Родители',
    segment: 'Родители школьников',
    product: 'Онлайн-курс английского',
    preset: 'checklist6',
    stages: [],
    lang: 'ru',
    locale: 'ru_RU',
    example: true,
  }) as CreateMapResult;
  if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
  const sheet = created.sheetName;
  const mapId = created.mapId;
  const call = <T>(name: string, req: unknown) => addon.callFromClient(name, req) as T;
  const load = (step: string) => call<WizardState>('loadStep', { mapId, step });
  return { wb, addon, sheet, mapId, call, load };
}

describe('dates are real dates, shown per locale', () => {
  it.each(['Europe/Moscow', 'Pacific/Auckland', 'Pacific/Honolulu', 'Etc/GMT'])(
    'a new map writes its review dates as dates and reads them back (%s)',
    (zone) => {
      const { wb, sheet, load } = moscow(zone);
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
    const { wb, sheet, mapId, call, load } = moscow();
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
    const { wb, sheet, mapId, call, load } = moscow();
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

describe('numbers are read as the map language reads them', () => {
  it('"1 500,5" and "1,500" in a Russian map are what a ru_RU sheet makes of them', () => {
    const { mapId, call, load, wb, sheet } = moscow();
    const view = load('kpis').view!;
    const saved = call<SaveResult>('saveStep', {
      mapId,
      step: 'kpis',
      values: { ...view.values, 'side.avgCheck': '1 500,5', 'side.purchases': '1,500' },
      base: view.values,
      stages: view.stages,
    });
    expect(saved.ok).toBe(true);
    expect(wb.value(sheet, `B${ROW.avgCheck}`)).toBe(1500.5);
    expect(wb.value(sheet, `B${ROW.purchases}`)).toBe(1.5);
  });
});

describe('count messages agree with their number', () => {
  it.each([
    [1, 'В нём 1 заполненная ячейка. Она будет удалена вместе с этапом.'],
    [2, 'В нём 2 заполненных ячейки. Они будут удалены вместе с этапом.'],
    [5, 'В нём 5 заполненных ячеек. Они будут удалены вместе с этапом.'],
  ])('the removal question counts %i filled cells in Russian forms', (n, prompt) => {
    const s = openSpreadsheet('ru_RU');
    const sheet = s.newMap({ segment: 'Родители', product: 'Курс' });
    const rows = [ROW.actions, ROW.barriers, ROW.drivers, ROW.questions, ROW.touchpoints].slice(
      0,
      n,
    );
    for (const row of rows) s.wb.setCell(sheet, `${col(1)}${row}`, 'заметка');
    s.select(sheet, `${col(1)}${ROW.header}`);
    s.run('removeStage');
    const asked = s.dialog();
    expect(asked?.view).toBe('removeStage');
    expect(asked?.view === 'removeStage' ? asked.body : '').toBe(prompt);
    s.answerDialog('NO');
    expect(s.wb.value(sheet, `${col(1)}${ROW.actions}`)).toBe('заметка');
  });
});

describe('the footer is in the map language', () => {
  const footer = (s: ReturnType<typeof openSpreadsheet>, sheet: string, cols: number) =>
    Array.from({ length: cols }, (_, i) => String(s.wb.value(sheet, a1(ROW.footer, i + 1))));

  it('a Russian map says "Карта CJM …", "CJM сводка" and "CJM этап …"; a map with the old English markers is still read, and gets Russian ones with its next stage edit', () => {
    const s = openSpreadsheet('ru_RU');
    const sheet = s.newMap({ segment: 'Родители', product: 'Курс' });
    const before = footer(s, sheet, 8);
    expect(before[0]).toMatch(/^Карта CJM [A-Z0-9]+ · шаблон v2$/);
    expect(before[1]).toBe('CJM сводка');
    expect(before.slice(2).every((m) => /^CJM этап [a-z0-9]+$/.test(m))).toBe(true);
    expect(before.join(' ')).not.toMatch(/\b(map|template|side|stage)\b/);
    // the markers as every map had them before they were translated
    const id = (before[0] ?? '').split(' ')[2];
    const ids = before.slice(2).map((m) => m.split(' ')[2]);
    s.wb.range(sheet, a1(ROW.footer, 1)).setValue(`'CJM map ${id} · template v2`);
    s.wb.range(sheet, a1(ROW.footer, 2)).setValue(`'CJM side`);
    ids.forEach((stage, i) => {
      s.wb.range(sheet, a1(ROW.footer, FIRST_STAGE_COL + i)).setValue(`'CJM stage ${stage}`);
    });
    s.select(sheet, `${col(0)}${ROW.header}`);
    s.run('addStage');
    expect(s.wb.ui.requests).toEqual([]);
    expect(s.wb.value(sheet, `${col(1)}${ROW.header}`)).toBe(t('ru', 'stage.new'));
    const after = footer(s, sheet, 9);
    expect(after.slice(0, 3)).toEqual(before.slice(0, 3));
    // each stage keeps its id, in Russian now, and the new one has its own
    expect(after.slice(4)).toEqual(before.slice(3));
    expect(after[3]).toMatch(/^CJM этап [a-z0-9]+$/);
    expect(ids).not.toContain(after[3]?.split(' ')[2]);
  });

  it('an English map keeps its English footer', () => {
    const s = openSpreadsheet('en_US');
    const sheet = s.newMap();
    const line = footer(s, sheet, 4);
    expect(line[0]).toMatch(/^CJM map [A-Z0-9]+ · template v2$/);
    expect(line[1]).toBe('CJM side');
    expect(line.slice(2).every((m) => /^CJM stage [a-z0-9]+$/.test(m))).toBe(true);
  });
});

describe('a formula typed in a ru_RU grid follows the locale, as in Sheets', () => {
  it('takes ";" between arguments and a decimal comma, whatever scripts use', () => {
    for (const formulaSeparators of ['comma', 'locale'] as const) {
      const wb = createWorkbook({ locale: 'ru_RU', formulaSeparators });
      loadAddon(wb, readFileSync('dist/Code.js', 'utf8'), { Sidebar: '' });
      wb.setCell('Sheet1', 'A1', '=CJM_REVENUE(1000; 5%; 2000; 1,5)');
      expect(wb.value('Sheet1', 'A1')).toBe(150_000);
      expect(wb.display('Sheet1', 'A1')).not.toMatch(/ERROR/);
      // the formula bar shows it as typed
      expect(wb.snapshot('Sheet1').cells.find((c) => c.a1 === 'A1')?.formula).toBe(
        '=CJM_REVENUE(1000; 5%; 2000; 1,5)',
      );
      wb.setCell('Sheet1', 'A2', '=ROUND(2,345;1)');
      expect(wb.value('Sheet1', 'A2')).toBe(2.3);
      // English separators are a parse error in a ru_RU grid, as the Sheets UI answers them
      wb.setCell('Sheet1', 'A3', '=CJM_REVENUE(1000, 5%, 2000, 1.5)');
      expect(wb.display('Sheet1', 'A3')).toBe('#ERROR!');
    }
  });

  it('takes every Russian example of Formula help as typed, and computes what the English one does', () => {
    const code = readFileSync('dist/Code.js', 'utf8');
    const ruWb = createWorkbook({ locale: 'ru_RU' });
    const enWb = createWorkbook({ locale: 'en_US' });
    loadAddon(ruWb, code, { Sidebar: '' });
    loadAddon(enWb, code, { Sidebar: '' });
    const ru = formulaHelp('ru').flatMap((f) => f.examples.map((e) => e.formula));
    const en = formulaHelp('en').flatMap((f) => f.examples.map((e) => e.formula));
    expect(ru.some((f) => f.includes(';'))).toBe(true);
    let compared = 0;
    ru.forEach((formula, i) => {
      const at = `A${1 + i * 12}`;
      ruWb.setCell('Sheet1', at, formula);
      enWb.setCell('Sheet1', at, en[i]);
      const cell = ruWb.snapshot('Sheet1').cells.find((c) => c.a1 === at);
      expect(cell?.error?.message ?? '', formula).not.toBe(PARSE_ERROR_MESSAGE);
      expect(cell?.formula, formula).toBe(formula);
      const english = enWb.value('Sheet1', at);
      if (typeof english !== 'number') return;
      expect(ruWb.value('Sheet1', at), formula).toBeCloseTo(english, 9);
      compared++;
    });
    expect(compared).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['en', 'de_DE'],
    ['en', 'fr_FR'],
    ['ru', 'kk_KZ'],
  ] as const)(
    'Formula help in %s for a %s spreadsheet writes its examples as that grid takes them',
    (lang, locale) => {
      const wb = createWorkbook({ locale });
      const addon = loadAddon(wb, readFileSync('dist/Code.js', 'utf8'), {
        Sidebar: `<script id="cjm-boot" type="application/json">${BOOT_PLACEHOLDER}</script>`,
      });
      // through the menu command, as the sidebar gets them
      addon.run('showFormulaHelp');
      const html = wb.ui.surfaces.at(-1)?.html ?? '';
      const boot = JSON.parse(
        /<script id="cjm-boot" type="application\/json">([\s\S]*?)<\/script>/.exec(html)?.[1] ??
          '{}',
      ) as { lang?: string; formulas?: FormulaHelp[] };
      expect(boot.lang).toBe(lang);
      const examples = (boot.formulas ?? []).flatMap((f) => f.examples.map((e) => e.formula));
      expect(examples.some((f) => f.includes(';'))).toBe(true);
      examples.forEach((formula, i) => {
        const at = `A${1 + i * 12}`;
        wb.setCell('Sheet1', at, formula);
        const cell = wb.snapshot('Sheet1').cells.find((c) => c.a1 === at);
        expect(cell?.error?.message ?? '', formula).not.toBe(PARSE_ERROR_MESSAGE);
      });
    },
  );

  it('in an English grid "," stays the separator', () => {
    const wb = createWorkbook({ locale: 'en_US' });
    loadAddon(wb, readFileSync('dist/Code.js', 'utf8'), { Sidebar: '' });
    wb.setCell('Sheet1', 'A1', '=CJM_REVENUE(1000, 5%, 2000, 1.5)');
    expect(wb.value('Sheet1', 'A1')).toBe(150_000);
  });
});

describe("the formulas' notes are in the spreadsheet's language, whoever opens it", () => {
  const outOfOrder = (locale: string, userLocale: string, lang: 'en' | 'ru') => {
    const wb = createWorkbook({ locale, userLocale });
    const addon = loadAddon(wb, readFileSync('dist/Code.js', 'utf8'), htmlFilesIn('dist'));
    const created = addon.callFromClient('createMap', {
      name: '',
      segment: 'Родители',
      product: 'Курс',
      preset: 'checklist6',
      stages: [],
      lang,
      locale,
      example: false,
    }) as CreateMapResult;
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    // the third stage has more customers than the second
    [1000, 400, 500].forEach((n, i) => {
      wb.setCell(created.sheetName, `${col(i)}${ROW.customers}`, n);
    });
    return String(wb.value(created.sheetName, `${col(2)}${ROW.step}`));
  };

  it('a Russian map in a Russian spreadsheet, opened by a colleague whose account is in English', () => {
    expect(outOfOrder('ru_RU', 'en', 'ru')).toBe('⚠ больше, чем на предыдущем этапе');
  });

  it('an English map in an English spreadsheet, opened by a colleague whose account is in Russian', () => {
    expect(outOfOrder('en_US', 'ru_RU', 'en')).toBe('⚠ more than the previous stage');
  });
});
