/**
 * The plan and portfolio sheets as a team would show them: column widths and wrapping, a link
 * to each map, the plan's totals (impact, revenue now and after the plan), the portfolio's
 * revenue after each plan and its totals; under both readings of formula syntax, with built-in
 * functions only. The map's labels wrap in column A rather than get cut.
 */
import { planAction } from '../support/journeys';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SaveResult, WizardState } from '../../src/contract';
import { ROW } from '../../src/core/map/layout';
import { t } from '../../src/core/words/i18n';
import { STYLES } from '../../src/core/map/formats';
import { createWorkbook, htmlFilesIn, loadAddon } from '../../emulator/index';

const code = readFileSync('dist/Code.js', 'utf8');
const pages = htmlFilesIn('dist');

const READINGS = [
  ['en_US', 'comma'],
  ['ru_RU', 'comma'],
  ['ru_RU', 'locale'],
] as const;

function session(locale: string, formulaSeparators: 'comma' | 'locale') {
  const wb = createWorkbook({ locale, formulaSeparators });
  wb.ui.responder = () => 'OK';
  const addon = loadAddon(wb, code, pages);
  const lang = locale.startsWith('ru') ? 'ru' : 'en';
  const create = (name: string) =>
    addon.callFromClient('createMap', {
      name,
      segment: '',
      product: '',
      preset: 'checklist6',
      stages: [],
      lang,
      locale,
      example: true,
    }) as { ok: true; sheetName: string; mapId: string };
  const call = <T>(name: string, payload: unknown) => addon.callFromClient(name, payload) as T;
  const sheet = (name: string) => {
    const found = wb.spreadsheet.getSheetByName(name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  };
  const attrs = (name: string, a1: string) =>
    cellsOf(wb, name).find((c) => c.a1 === a1)?.attrs ?? {};
  const errors = (name: string) =>
    wb
      .snapshot(name)
      .cells.filter((c) => c.formula && /^#/.test(String(c.value)))
      .map((c) => `${c.a1} ${c.formula} ${String(c.value)}`);
  return { wb, addon, lang, create, call, sheet, errors, attrs } as const;
}

/**
 * The worked example's figures, by hand: L 2 000 × C 6% × Q 1,3 = 156 times the check, 450 in
 * English (revenue 70 200) and 30 000 ₽ in Russian (4 680 000 ₽). A change of one lever by x%
 * moves revenue by x%; two levers together multiply: C +10% and P (or L) +5% give
 * 1,1 × 1,05 = 1,155, so +15,5%.
 */
const EXAMPLE = {
  en: {
    revenue: 70_200,
    // C +10%: 7 020; P +5%: 3 510; together 70 200 × 0,155 = 10 881, after 81 081
    plan: { impacts: [7_020, 3_510], together: 10_881, after: 81_081, afterP5: 73_710 },
    // with P +10% too: 70 200 × 1,155 × 1,1 = 89 189,1; its rows apart: 70 200 × 1,25 = 87 750
    portfolio: { after: 81_081, total: 70_356, totalAfter: 81_237, more: 89_189.1, apart: 87_750 },
  },
  ru: {
    revenue: 4_680_000,
    // C +10%: 468 000; P +5%: 234 000; together 4 680 000 × 0,155 = 725 400, after 5 405 400
    plan: { impacts: [468_000, 234_000], together: 725_400, after: 5_405_400, afterP5: 4_914_000 },
    // with P +10% too: 4 680 000 × 1,155 × 1,1 = 5 945 940; its rows apart: × 1,25 = 5 850 000
    portfolio: {
      after: 5_405_400,
      total: 4_680_156,
      totalAfter: 5_405_556,
      more: 5_945_940,
      apart: 5_850_000,
    },
  },
} as const;
/** The example with a check of 1: 2 000 × 6% × 1 × 1,3 = 156. */
const CHECK_OF_ONE = 156;

const cellsOf = (wb: ReturnType<typeof createWorkbook>, name: string) => wb.snapshot(name).cells;

const plan = (lever: 'L' | 'C' | 'P' | 'Q', change: string, action: string) =>
  planAction(action, lever, change);

describe.each(READINGS)(
  'presentable plan and portfolio sheets (%s, formulas with %s separators)',
  (locale, separators) => {
    it('the plan sheet: its actions, a totals block of impact, revenue now and after, a link back to the map, widths; the user stays on the map', () => {
      const s = session(locale, separators);
      // a comma and a decimal point in the name: both belong to the name in either syntax
      const map = s.create("Parents, 2.5 kids' club");
      s.wb.range(map.sheetName, 'A1').activate();
      const figures = EXAMPLE[s.lang].plan;
      expect(s.wb.value(map.sheetName, `B${ROW.revenue}`)).toBeCloseTo(EXAMPLE[s.lang].revenue, 4);
      const saved = s.call<SaveResult>('savePlan', {
        mapId: map.mapId,
        actions: [plan('C', '+10%', 'Instalments'), plan('P', '+5%', 'Bundles')],
        base: [],
      });
      if (!saved.ok) throw new Error(JSON.stringify(saved));
      const impacts = saved.state.view!.actions.map((a) => a.impact ?? NaN);
      expect(impacts[0]).toBeCloseTo(figures.impacts[0], 4);
      expect(impacts[1]).toBeCloseTo(figures.impacts[1], 4);
      const name = s.wb.sheetNames().find((n) => n !== map.sheetName && n.startsWith('Parents'))!;
      // a new plan sheet does not take the user away from the map
      expect(s.wb.spreadsheet.getActiveSheet().getName()).toBe(map.sheetName);
      expect(s.errors(name)).toEqual([]);
      // rows 4–5 actions; 6–8 the totals: label in A, value in J, nothing in B..I
      expect(s.wb.value(name, 'A6')).toBe(t(s.lang, 'plan.total'));
      expect(s.wb.value(name, 'J6')).toBeCloseTo(figures.together, 4);
      expect(s.wb.value(name, 'A7')).toBe(t(s.lang, 'plan.revenueNow'));
      expect(s.wb.value(name, 'J7')).toBeCloseTo(EXAMPLE[s.lang].revenue, 4);
      expect(s.wb.value(name, 'A8')).toBe(t(s.lang, 'plan.revenueAfter'));
      expect(s.wb.value(name, 'J8')).toBeCloseTo(figures.after, 4);
      for (const col of 'BCDEFGHI') expect(s.wb.value(name, `${col}6`)).toBe('');
      // the link back to the map: a built-in HYPERLINK to the map sheet's gid
      const link = s.wb.snapshot(name).cells.find((c) => c.a1 === 'J1')!;
      expect(link.formula).toMatch(
        new RegExp(`^=HYPERLINK\\("#gid=${s.wb.snapshot(map.sheetName).sheetId}"[,;]`),
      );
      expect(link.value).toBe(t(s.lang, 'plan.openMap'));
      // readable: every text whole (no word split, nothing cut: look.test.ts), room for the
      // actions, wrapped actions, the totals in bold
      expect(s.wb.unreadable(name)).toEqual([]);
      expect(s.sheet(name).getColumnWidth(2)).toBeGreaterThanOrEqual(260);
      expect(s.attrs(name, 'B4').wrap).toBe(true);
      expect(s.sheet(name).getRange('J8').getFontWeight()).toBe('bold');
      // the totals are not actions: the wizard reads back the two rows
      const loaded = s.call<WizardState>('loadStep', { mapId: map.mapId, step: 'plan' });
      expect(loaded.view!.actions.map((a) => a.action).sort()).toEqual(['Bundles', 'Instalments']);

      // a shorter plan: the totals move up, the old ones are blanked, the rows are plain again
      const again = s.call<SaveResult>('savePlan', {
        mapId: map.mapId,
        actions: [plan('P', '+5%', 'Bundles')],
        base: loaded.view!.actions,
      });
      expect(again.ok).toBe(true);
      expect(s.wb.value(name, 'A5')).toBe(t(s.lang, 'plan.total'));
      expect(s.wb.value(name, 'J7')).toBeCloseTo(figures.afterP5, 4);
      for (const col of 'ABJ') expect(s.wb.value(name, `${col}8`)).toBe('');
      expect(s.sheet(name).getRange('A4').getFontWeight()).not.toBe('bold');
      expect(s.errors(name)).toEqual([]);
    });

    it('the portfolio: a link to each map, revenue now and after its plan, totals, widths and wrapping', () => {
      const s = session(locale, separators);
      const planned = s.create("Parents, 2.5 kids' club");
      const other = s.create('Students');
      s.wb.setCell(other.sheetName, `B${ROW.avgCheck}`, 1);
      const saved = s.call<SaveResult>('savePlan', {
        mapId: planned.mapId,
        actions: [plan('C', '+10%', 'Instalments'), plan('L', '+5%', 'Ads')],
        base: [],
      });
      if (!saved.ok) throw new Error(JSON.stringify(saved));
      const figures = EXAMPLE[s.lang].portfolio;
      s.addon.run('showPortfolio');
      const portfolio = s.wb.sheetNames().find((n) => n.startsWith(t(s.lang, 'portfolio.sheet')))!;
      expect(s.errors(portfolio)).toEqual([]);
      // ranked by revenue: the example map first
      expect(s.wb.value(portfolio, 'B4')).toBe(s.wb.value(planned.sheetName, 'B1'));
      const b4 = s.wb.snapshot(portfolio).cells.find((c) => c.a1 === 'B4')!;
      expect(b4.formula).toMatch(
        new RegExp(`^=HYPERLINK\\("#gid=${s.wb.snapshot(planned.sheetName).sheetId}"[,;]`),
      );
      expect(s.wb.value(portfolio, 'I4')).toBeCloseTo(EXAMPLE[s.lang].revenue, 4);
      expect(s.wb.value(portfolio, 'J3')).toBe(t(s.lang, 'portfolio.after'));
      expect(s.wb.value(portfolio, 'J4')).toBeCloseTo(figures.after, 4);
      expect(s.wb.value(portfolio, 'J5')).toBeCloseTo(CHECK_OF_ONE, 4);
      expect(s.wb.value(portfolio, 'P4')).toBe(planned.mapId);
      expect(s.wb.value(portfolio, 'A6')).toBe(t(s.lang, 'portfolio.total'));
      expect(s.wb.value(portfolio, 'I6')).toBeCloseTo(figures.total, 4);
      expect(s.wb.value(portfolio, 'J6')).toBeCloseTo(figures.totalAfter, 4);
      // live: a bigger plan raises "after the plan" without a rebuild
      const more = s.call<SaveResult>('savePlan', {
        mapId: planned.mapId,
        actions: [
          ...saved.state.view!.actions.map(({ impact: _i, ...a }) => a),
          plan('P', '+10%', 'Bundles'),
        ],
        base: saved.state.view!.actions,
      });
      if (!more.ok) throw new Error(JSON.stringify(more));
      expect(s.wb.value(portfolio, 'J4')).toBeCloseTo(figures.more, 4);
      // a plan written before its total was named adds its rows' impacts, as its own sheet did
      s.wb.spreadsheet.removeNamedRange(`CJM_${planned.mapId}_PLAN_TOTAL`);
      s.addon.run('showPortfolio');
      expect(s.wb.value(portfolio, 'J4')).toBeCloseTo(figures.apart, 4);
      const p = s.sheet(portfolio);
      expect(s.wb.unreadable(portfolio)).toEqual([]);
      expect(p.getColumnWidth(2)).toBeGreaterThanOrEqual(220);
      expect(s.attrs(portfolio, 'B4').wrap).toBe(true);
      expect(p.getRange('A6').getFontWeight()).toBe('bold');
      // rebuilt: the totals row is ours, and stays one
      s.addon.run('showPortfolio');
      expect(s.wb.value(portfolio, 'A6')).toBe(t(s.lang, 'portfolio.total'));
      expect(s.wb.value(portfolio, 'A7')).toBe('');
    });
  },
);

describe('the portfolio across layouts and the map labels', () => {
  it.each([
    ['first', 'ten', 'J', 'K'],
    ['second', 'eleven', 'K', 'L'],
  ])(
    'a portfolio of the %s layout (%s columns) gains the columns since; the user columns and the totals row note move along',
    (_layout, _count, idCol, userCol) => {
      const s = session('en_US', 'comma');
      const a = s.create('A');
      s.addon.run('showPortfolio');
      // what that layout left: the map id in its last column, the user's columns after it
      const sheet = s.sheet('Portfolio');
      sheet.getRange('J3:U5').clearContent();
      sheet.getRange(`${idCol}3:${userCol}4`).setValues([
        ['Map id', 'Priority'],
        [a.mapId, 'first'],
      ]);
      s.wb.setCell('Portfolio', 'A5', '');
      s.addon.run('showPortfolio');
      expect(s.wb.values('Portfolio', 'J3:P3')).toEqual([
        [
          'Revenue after the plan',
          'Revenue change since the last review',
          'Progress to the revenue goal',
          'Last reviewed',
          'Next review',
          'Review due',
          'Map id',
        ],
      ]);
      expect(s.wb.value('Portfolio', 'P4')).toBe(a.mapId);
      expect(s.wb.value('Portfolio', 'Q3')).toBe('Priority');
      expect(s.wb.value('Portfolio', 'Q4')).toBe('first');
      // a note beside the totals goes with them when a map is added
      s.wb.setCell('Portfolio', 'Q5', 'checked by the board');
      s.create('B');
      s.addon.run('showPortfolio');
      expect(s.wb.value('Portfolio', 'A6')).toBe('Total');
      expect(s.wb.value('Portfolio', 'Q6')).toBe('checked by the board');
    },
  );

  it('the map labels wrap in column A: the title and the section labels too', () => {
    const s = session('en_US', 'comma');
    const map = s.create('A');
    for (const row of [ROW.name, ROW.kpiSection, ROW.cardSection, ROW.conversion])
      expect(s.attrs(map.sheetName, `A${row}`).wrap).toBe(true);
    expect(STYLES.section.wrap).toBe(false);
  });
});
