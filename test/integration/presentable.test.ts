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
import { createWorkbook, htmlFilesIn, loadAddon } from '../../dev/emulator/index';

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
      const revenue = s.wb.value(map.sheetName, `B${ROW.revenue}`) as number;
      const saved = s.call<SaveResult>('savePlan', {
        mapId: map.mapId,
        actions: [plan('C', '+10%', 'Instalments'), plan('P', '+5%', 'Bundles')],
        base: [],
      });
      if (!saved.ok) throw new Error(JSON.stringify(saved));
      const impacts = saved.state.view!.actions.map((a) => a.impact ?? NaN);
      // together: C × 1,1 and P × 1,05, more than the two impacts apart
      const together = revenue * 1.1 * 1.05 - revenue;
      expect(together).toBeGreaterThan(impacts.reduce((a, b) => a + b, 0));
      const name = s.wb.sheetNames().find((n) => n !== map.sheetName && n.startsWith('Parents'))!;
      // a new plan sheet does not take the user away from the map
      expect(s.wb.spreadsheet.getActiveSheet().getName()).toBe(map.sheetName);
      expect(s.errors(name)).toEqual([]);
      // rows 4–5 actions; 6–8 the totals: label in A, value in I, nothing in B..H
      expect(s.wb.value(name, 'A6')).toBe(t(s.lang, 'plan.total'));
      expect(s.wb.value(name, 'I6')).toBeCloseTo(together, 4);
      expect(s.wb.value(name, 'A7')).toBe(t(s.lang, 'plan.revenueNow'));
      expect(s.wb.value(name, 'I7')).toBeCloseTo(revenue, 4);
      expect(s.wb.value(name, 'A8')).toBe(t(s.lang, 'plan.revenueAfter'));
      expect(s.wb.value(name, 'I8')).toBeCloseTo(revenue + together, 4);
      for (const col of 'BCDEFGH') expect(s.wb.value(name, `${col}6`)).toBe('');
      // the link back to the map: a built-in HYPERLINK to the map sheet's gid
      const link = s.wb.snapshot(name).cells.find((c) => c.a1 === 'I1')!;
      expect(link.formula).toMatch(
        new RegExp(`^=HYPERLINK\\("#gid=${s.wb.snapshot(map.sheetName).sheetId}"[,;]`),
      );
      expect(link.value).toBe(t(s.lang, 'plan.openMap'));
      // readable: every text whole (no word split, nothing cut: look.test.ts), room for the
      // actions, wrapped actions, the totals in bold
      expect(s.wb.unreadable(name)).toEqual([]);
      expect(s.sheet(name).getColumnWidth(2)).toBeGreaterThanOrEqual(260);
      expect(s.attrs(name, 'B4').wrap).toBe(true);
      expect(s.sheet(name).getRange('I8').getFontWeight()).toBe('bold');
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
      expect(s.wb.value(name, 'I7')).toBeCloseTo(revenue + impacts[1]!, 4);
      for (const col of 'ABI') expect(s.wb.value(name, `${col}8`)).toBe('');
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
      const revenue = (sheet: string) => s.wb.value(sheet, `B${ROW.revenue}`) as number;
      // the plan all together, as its sheet shows it: C × 1,1 and L × 1,05
      const impact = revenue(planned.sheetName) * (1.1 * 1.05 - 1);
      s.addon.run('showPortfolio');
      const portfolio = s.wb.sheetNames().find((n) => n.startsWith(t(s.lang, 'portfolio.sheet')))!;
      expect(s.errors(portfolio)).toEqual([]);
      // ranked by revenue: the example map first
      expect(s.wb.value(portfolio, 'B4')).toBe(s.wb.value(planned.sheetName, 'B1'));
      const b4 = s.wb.snapshot(portfolio).cells.find((c) => c.a1 === 'B4')!;
      expect(b4.formula).toMatch(
        new RegExp(`^=HYPERLINK\\("#gid=${s.wb.snapshot(planned.sheetName).sheetId}"[,;]`),
      );
      expect(s.wb.value(portfolio, 'I4')).toBeCloseTo(revenue(planned.sheetName), 4);
      expect(s.wb.value(portfolio, 'J3')).toBe(t(s.lang, 'portfolio.after'));
      expect(s.wb.value(portfolio, 'J4')).toBeCloseTo(revenue(planned.sheetName) + impact, 4);
      expect(s.wb.value(portfolio, 'J5')).toBeCloseTo(revenue(other.sheetName), 4);
      expect(s.wb.value(portfolio, 'P4')).toBe(planned.mapId);
      expect(s.wb.value(portfolio, 'A6')).toBe(t(s.lang, 'portfolio.total'));
      expect(s.wb.value(portfolio, 'I6')).toBeCloseTo(
        revenue(planned.sheetName) + revenue(other.sheetName),
        4,
      );
      expect(s.wb.value(portfolio, 'J6')).toBeCloseTo(
        revenue(planned.sheetName) + revenue(other.sheetName) + impact,
        4,
      );
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
      expect(s.wb.value(portfolio, 'J4')).toBeCloseTo(
        revenue(planned.sheetName) * 1.1 * 1.05 * 1.1,
        4,
      );
      // a plan written before its total was named adds its rows' impacts, as its own sheet did
      const apart = more.state.view!.actions.reduce((a, x) => a + (x.impact ?? 0), 0);
      s.wb.spreadsheet.removeNamedRange(`CJM_${planned.mapId}_PLAN_TOTAL`);
      s.addon.run('showPortfolio');
      expect(s.wb.value(portfolio, 'J4')).toBeCloseTo(revenue(planned.sheetName) + apart, 4);
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
