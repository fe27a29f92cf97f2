/**
 * Formula syntax in a decimal-comma spreadsheet (ru_RU). It is not documented whether a script
 * writes formulas with "," or with the locale's ";": the emulator offers both readings, and under
 * each a map is created, edited, planned and listed, and every formula computes (none is a parse
 * error). A formula a user types in the grid follows the locale, as in Sheets, and Formula help
 * writes its examples as the spreadsheet's grid takes them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorkbook, htmlFilesIn, loadAddon, PARSE_ERROR_MESSAGE } from '../../emulator/index';
import { BOOT_PLACEHOLDER, type FormulaHelp, type WizardState } from '../../src/contract';
import { ROW } from '../../src/core/map/layout';
import { formulaHelp } from '../../src/server/formula-help';

const code = readFileSync('dist/Code.js', 'utf8');
const pages = htmlFilesIn('dist');

describe.each(['comma', 'locale'] as const)(
  'formulas in a ru_RU spreadsheet that takes them with %s separators',
  (formulaSeparators) => {
    /** A spreadsheet in `locale`; `create` sends the New map form as a page in `form` would. */
    function session(locale = 'ru_RU') {
      const wb = createWorkbook({ locale, formulaSeparators });
      wb.ui.responder = () => 'OK';
      const addon = loadAddon(wb, code, pages);
      const create = (name: string, form = { lang: 'ru', locale: 'ru_RU' }) => {
        const r = addon.callFromClient('createMap', {
          name,
          segment: '',
          product: '',
          preset: 'checklist6',
          stages: [],
          ...form,
          example: true,
        }) as { ok: true; sheetName: string; mapId: string };
        return r;
      };
      return { wb, addon, create };
    }
    const english = { lang: 'en', locale: 'en_US' };
    /** The formulas of a sheet, and those Sheets could not parse. */
    const formulasOf = (wb: ReturnType<typeof session>['wb'], sheet: string) => {
      const all = wb.snapshot(sheet).cells.filter((c) => c.formula);
      return {
        all,
        unparsed: all.filter((c) => wb.cellError(sheet, c.a1) === 'Formula parse error.'),
      };
    };

    it('a new map computes its economics, and the next map is written in the syntax found for the first', () => {
      const { wb, create } = session();
      const first = create('Первая');
      expect(wb.value(first.sheetName, `B${ROW.revenue}`)).toBeCloseTo(4_680_000, 4);
      expect(wb.value(first.sheetName, `D${ROW.step}`)).toBeCloseTo(0.4, 6);
      wb.calls.reset();
      const second = create('Вторая');
      expect(wb.value(second.sheetName, `B${ROW.revenue}`)).toBeCloseTo(4_680_000, 4);
      // no second try: 3 round trips, as in a comma-decimal spreadsheet
      expect(wb.calls.roundTrips).toBeLessThanOrEqual(3);
    });

    it('stage edits, the plan and the portfolio keep every formula computing', () => {
      const { wb, addon, create } = session();
      const map = create('Карта');
      wb.range(map.sheetName, `D${ROW.header}`).activate();
      addon.run('addStage');
      wb.range(map.sheetName, `C${ROW.header}`).activate();
      addon.run('moveStageRight');
      expect(wb.value(map.sheetName, `B${ROW.revenue}`)).toBeCloseTo(4_680_000, 4);
      const errors = wb
        .snapshot(map.sheetName)
        .cells.filter((c) => c.formula && /^#/.test(String(c.value)));
      expect(errors).toEqual([]);
      const state = addon.callFromClient('savePlan', {
        mapId: map.mapId,
        actions: [
          {
            action: 'Рассрочка',
            stage: '',
            lever: 'C',
            change: '+10%',
            owner: '',
            deadline: '',
            status: '',
            start: '',
          },
        ],
        base: [],
      }) as { ok: boolean; state: WizardState };
      expect(state.ok).toBe(true);
      const plan = wb.sheetNames().find((n) => n.includes('план'))!;
      expect(wb.value(plan, 'J4')).toBeCloseTo(468_000, 2);
      addon.run('showPortfolio');
      const portfolio = wb.sheetNames().find((n) => n.startsWith('Портфель'))!;
      expect(
        wb.snapshot(portfolio).cells.filter((c) => c.formula && /^#/.test(String(c.value))),
      ).toEqual([]);
    });

    it('after values are pasted over the whole map, Add stage writes formulas Sheets can parse', () => {
      // Found by the hostile-use test: with no formula left to show the syntax, the new stage's
      // formulas were written with "," and showed #ERROR! under the ";" reading.
      const { wb, addon, create } = session();
      const map = create('Карта');
      wb.pasteValues(map.sheetName, 'A1:J60');
      wb.range(map.sheetName, `E${ROW.header}`).activate();
      addon.run('addStage');
      const formulas = wb.snapshot(map.sheetName).cells.filter((c) => c.formula);
      // the new stage (column F) gets its template formulas, and every formula parses
      expect(formulas.some((c) => /^F\d+$/.test(c.a1))).toBe(true);
      expect(
        formulas.filter((c) => wb.cellError(map.sheetName, c.a1) === 'Formula parse error.'),
      ).toEqual([]);
    });

    it('in a locale no map was made in, with no formula left, a stage edit tries the syntax first', () => {
      // Found by the hostile-use test: values pasted over a map made in English, then the locale
      // switched; nothing was known of the new locale's syntax, and "," was guessed.
      const { wb, addon, create } = session('en_US');
      const made = create('Map', english);
      wb.pasteValues(made.sheetName, 'A1:J60');
      wb.spreadsheet.setSpreadsheetLocale('ru_RU');
      wb.range(made.sheetName, `E${ROW.header}`).activate();
      addon.run('addStage');
      const formulas = formulasOf(wb, made.sheetName);
      expect(formulas.all.some((c) => /^F\d+$/.test(c.a1))).toBe(true);
      expect(formulas.unparsed).toEqual([]);
    });

    it('in a locale no map was made in, the portfolio tells the syntax by its survey: every formula computes, in five round trips', () => {
      const { wb, addon, create } = session('en_US');
      create('First', english);
      create('Second', english);
      wb.spreadsheet.setSpreadsheetLocale('ru_RU');
      wb.calls.reset();
      addon.run('showPortfolio');
      expect(wb.calls.roundTrips).toBeLessThanOrEqual(5);
      const portfolio = wb.sheetNames().find((n) => n.startsWith('Портфель')) ?? '';
      const formulas = formulasOf(wb, portfolio);
      // two maps of 15 formulas each, and the totals
      expect(formulas.all.length).toBe(2 * 15 + 3);
      expect(formulas.unparsed).toEqual([]);
    });

    it("New map writes in the spreadsheet's locale now, even from a form opened before it changed", () => {
      const { wb, create } = session('en_US');
      wb.spreadsheet.setSpreadsheetLocale('ru_RU');
      const made = create('Map', english);
      const formulas = formulasOf(wb, made.sheetName);
      expect(formulas.all.length).toBeGreaterThan(0);
      expect(formulas.unparsed).toEqual([]);
    });
  },
);

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
