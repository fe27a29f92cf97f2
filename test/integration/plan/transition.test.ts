/**
 * An action on one transition, through the built add-on: the wizard saves a plan with actions on
 * steps ("+3 п.п." into a stage), the plan sheet's one CJM_IMPACT cell computes their impact from
 * the map's rows, the sidebar's view shows the same figures, and a stage renamed, added or removed
 * on the map is followed or said in words. Under both readings of formula syntax.
 *
 * The map, worked out by hand: Визит 1 000 → Лид 400 → Пробный 110 → Оплата 30 → Удержание 20,
 * leads at «Лид» (the first L: «Визит» has no role), the deal at «Оплата»: L 400, C 30 / 400 =
 * 7,5%, P 1 100 ₽, Q 1: revenue 400 × 7,5% × 1 100 = 33 000 ₽.
 */
import { describe, expect, it } from 'vitest';
import type { ActionRow, SaveResult, WizardState } from '../../../src/contract';
import { a1, ROW, SIDE_COL, stageCol } from '../../../src/core/map/layout';
import { createWorkbook } from '../../../emulator/index';
import { sessionOn } from '../../support/addon';
import { funnelOf, liveImpact } from '../../../sidebar/wizard/plan-rows';

const READINGS = [
  ['ru_RU', 'comma'],
  ['ru_RU', 'locale'],
  ['en_US', 'comma'],
] as const;
/** The notes the plan's cell shows, in the spreadsheet's language (a custom function's). */
const NOTES = {
  ru_RU: {
    afterDeal: '⚠ этап: после сделки: повторные покупки, меняйте Q',
    unknown: '⚠ этап: такого этапа нет на карте: выберите заново',
  },
  en_US: {
    afterDeal: '⚠ stage: after the deal: repeat purchases, act on Q',
    unknown: '⚠ stage: no such stage on the map: choose it again',
  },
} as const;

type Action = Omit<ActionRow, 'impact'>;
const action = (name: string, lever: Action['lever'], change: string, stage = ''): Action => ({
  action: name,
  stage,
  lever,
  change,
  owner: '',
  deadline: '',
  status: '',
  start: '',
});

function mapWithFunnel(locale: string, formulaSeparators: 'comma' | 'locale') {
  const s = sessionOn(createWorkbook({ locale, formulaSeparators }));
  const names = ['Визит', 'Лид', 'Пробный', 'Оплата', 'Удержание'];
  const sheet = s.newMap({ preset: 'custom', stages: names, deal: 3, lang: 'ru', name: 'Курс' });
  const set = (row: number, col: number, v: string | number) =>
    s.wb.setCell(sheet, a1(row, col), v);
  for (const [i, n] of [1000, 400, 110, 30, 20].entries()) set(ROW.customers, stageCol(i), n);
  // leads at «Лид»: the first stage has no role
  set(ROW.role, stageCol(0), '');
  set(ROW.avgCheck, SIDE_COL, 1100);
  set(ROW.purchases, SIDE_COL, 1);
  const mapId = String(s.wb.value(sheet, `A${ROW.footer}`)).split(' ')[2] ?? '';
  const call = <T>(name: string, req: unknown) => s.addon.callFromClient(name, req) as T;
  const savePlan = (actions: Action[], base: Action[] = []) =>
    call<SaveResult>('savePlan', { mapId, actions, base });
  const plan = () => s.wb.sheetNames().find((n) => n !== sheet && n.startsWith('Курс'))!;
  const impacts = (rows: number) =>
    s.wb.values(plan(), `J4:J${3 + rows}`).map((r) => r[0] as number | string);
  return { s, sheet, mapId, call, savePlan, plan, impacts };
}

describe.each(READINGS)('an action on one transition (%s, %s separators)', (locale, separators) => {
  it('+3 п.п. into «Пробный» (27,5% → 30,5%) adds 3 600 ₽, as the sidebar shows too; the plan keeps one custom-function cell', () => {
    const m = mapWithFunnel(locale, separators);
    const saved = m.savePlan([
      action('Звонок после пробного', 'step', '+3 п.п.', 'Пробный'),
      action('Скидка на первый месяц', 'C', '+10%'),
      action('Письмо через месяц', 'step', '+5 п.п.', 'Удержание'),
      action('Лендинг', 'step', '+10 п.п.', 'Лид'),
    ]);
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    // by hand: C 7,5% × 30,5 / 27,5 → 400 × 0,0831818… × 1 100 = 36 600: +3 600;
    // C × 1,1: +3 300; the step into «Лид» 40% → 50% is L × 1,25: 500 × 7,5% × 1 100 = 41 250: +8 250
    expect(400 * ((0.075 * 30.5) / 27.5) * 1100).toBeCloseTo(36_600, 6);
    // ranked by impact; the step after the deal says what it changes instead
    expect(m.impacts(5)).toEqual([
      expect.closeTo(8_250, 6),
      expect.closeTo(3_600, 6),
      expect.closeTo(3_300, 6),
      NOTES[locale].afterDeal,
      // all together: L × 1,25, C × 30,5 / 27,5 × 1,1
      expect.closeTo(500 * ((0.075 * 30.5) / 27.5) * 1.1 * 1100 - 33_000, 6),
    ]);
    expect(m.s.wb.values(m.plan(), 'B4:D4')[0]).toEqual(['Лендинг', 'Лид', 'Шаг']);
    // the sidebar's figures are the sheet's
    expect(saved.state.view?.actions.map((a) => [a.action, a.lever, a.impact])).toEqual([
      ['Лендинг', 'step', expect.closeTo(8_250, 6)],
      ['Звонок после пробного', 'step', expect.closeTo(3_600, 6)],
      ['Скидка на первый месяц', 'C', expect.closeTo(3_300, 6)],
      ['Письмо через месяц', 'step', null],
    ]);
    // and while the user types, from the view the wizard holds: the step, then the factor it moves
    const view = saved.state.view!;
    const row = action('Звонок после пробного', 'step', '+3 п.п.', 'Пробный');
    expect(liveImpact(view.metrics, row, funnelOf(view))).toEqual({
      kind: 'impact',
      impact: expect.closeTo(3_600, 6),
      lever: 'C',
      before: 0.075,
      after: expect.closeTo((0.075 * 30.5) / 27.5, 12),
      step: { before: 0.275, after: expect.closeTo(0.305, 12) },
    });
    expect(liveImpact(view.metrics, { ...row, stage: 'Удержание' }, funnelOf(view))).toEqual({
      kind: 'step',
      note: 'afterDeal',
    });
    // the mind map names the lever in the map's language
    const mind = m.call<{ markdown: string }>('exportMindMap', { mapId: m.mapId });
    expect(mind.markdown).toMatch(/Пробный — Шаг \+3 п\.п\. — Влияние на выручку: \S*3\s600/);
    // one custom-function cell, counted as the other plan tests count it
    const calls = m.s.wb
      .snapshot(m.plan())
      .cells.filter((c) => /\bCJM_[A-Z]+\s*\(/.test(c.formula ?? ''));
    expect(calls.map((c) => c.a1)).toEqual(['J4']);
    expect(m.s.wb.snapshot(m.plan()).cells.filter((c) => /^#/.test(String(c.value)))).toEqual([]);
  });

  it('follows the map: a stage renamed is said in its row; one added at the end is in the rows the formula reads', () => {
    const m = mapWithFunnel(locale, separators);
    const saved = m.savePlan([action('Звонок', 'step', '+3 п.п.', 'Пробный')]);
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    expect(m.impacts(1)).toEqual([expect.closeTo(3_600, 6)]);
    // the plan names its stage by text: renamed on the map, the row says so, and the sidebar
    // shows no impact
    m.s.wb.setCell(m.sheet, a1(ROW.header, stageCol(2)), 'Демо');
    expect(m.impacts(1)).toEqual([NOTES[locale].unknown]);
    const loaded = m.call<WizardState>('loadStep', { mapId: m.mapId, step: 'plan' });
    expect(loaded.view?.actions[0]?.impact).toBeNull();
    // back to its name, and a stage added after the last one (at the edge of the rows read)
    m.s.wb.setCell(m.sheet, a1(ROW.header, stageCol(2)), 'Пробный');
    m.s.select(m.sheet, a1(ROW.header, stageCol(4)));
    m.s.run('addStage');
    m.s.wb.setCell(m.sheet, a1(ROW.header, stageCol(5)), 'Рекомендации');
    m.s.wb.setCell(m.sheet, a1(ROW.customers, stageCol(5)), 5);
    m.s.wb.setCell(m.plan(), 'C4', 'Рекомендации');
    expect(m.impacts(1)).toEqual([NOTES[locale].afterDeal]);
    m.s.wb.setCell(m.plan(), 'C4', 'Пробный');
    expect(m.impacts(1)).toEqual([expect.closeTo(3_600, 6)]);
  });
});
