/**
 * The plan against what happened, through the built add-on: an action with a start date shows
 * what it predicted (its lever in the period before it started, changed as it says, and that
 * period's revenue times the lever's ratio) next to what was observed in the latest period, and a
 * verdict in the map's language; a review a month later brings the columns up to date, on a plan
 * saved when the history held one period. Reviews a month apart on the emulator's clock; the
 * figures worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { createWorkbook, type FormulaSeparators } from '../../dev/emulator/index';
import type { SaveResult, WizardState } from '../../src/contract';
import { ROW } from '../../src/core/map/layout';
import { t, type Lang } from '../../src/core/words/i18n';
import { sessionOn } from '../support/addon';

const STAGE_COLS = ['C', 'D', 'E', 'F', 'G', 'H'];

function cycle(locale: string, formulaSeparators: FormulaSeparators) {
  const lang: Lang = locale.startsWith('ru') ? 'ru' : 'en';
  const s = sessionOn(createWorkbook({ locale, formulaSeparators }));
  s.wb.clock.set('2026-11-06T10:00:00Z');
  const sheet = s.newMap({ name: lang === 'ru' ? 'Кофе' : 'Coffee' });
  const mapId = /([A-Z0-9]{4,12}) ·/.exec(String(s.wb.value(sheet, `A${ROW.footer}`)))?.[1] ?? '';
  const counts = (n: readonly number[]) => {
    for (const [i, v] of n.entries()) s.wb.setCell(sheet, `${STAGE_COLS[i]}${ROW.customers}`, v);
  };
  const stage = (i: number) => String(s.wb.value(sheet, `${STAGE_COLS[i]}${ROW.header}`));
  const review = () => {
    s.wb.ui.answer({ button: 'OK', text: '' });
    s.run('recordReview');
  };
  const call = <T>(name: string, req: object) => s.addon.callFromClient(name, req) as T;
  const load = () => call<WizardState>('loadStep', { mapId, step: 'plan' });
  const plan = t(lang, 'plan.sheet', { name: sheet });
  const row = (n: number) => s.wb.values(plan, `K${n}:O${n}`)[0] ?? [];
  const verdict = (k: string) => t(lang, `plan.verdict.${k}` as 'plan.verdict');
  return { s, lang, sheet, mapId, counts, stage, review, call, load, plan, row, verdict };
}

describe.each([
  ['ru_RU', 'comma'],
  ['ru_RU', 'locale'],
  ['en_US', 'comma'],
] as const)('the plan against what happened (%s, %s separators)', (locale, separators) => {
  it('shows what each action predicted, what was observed, and a verdict; a review brings it up to date', () => {
    const c = cycle(locale, separators);
    const { s, sheet, counts } = c;
    counts([1000, 400, 100, 60, 30, 20]);
    s.wb.setCell(sheet, `B${ROW.avgCheck}`, 2000);
    s.wb.setCell(sheet, `B${ROW.purchases}`, 1);
    // October, recorded on 6 November
    c.review();
    const octoberRevenue = Number(s.wb.value(sheet, `B${ROW.revenue}`));
    expect(octoberRevenue).toBeGreaterThan(0);
    const actions = [
      // P +10% from 10 November: 2 000 → 2 200
      { action: 'Upsell', stage: c.stage(5), lever: 'P', change: '+10%', start: '2026-11-10' },
      // the step into the third stage +3 pp: 100 / 400 = 25% → 28%
      { action: 'Trial', stage: c.stage(2), lever: 'step', change: '+3 pp', start: '2026-11-10' },
      // starts after the latest period
      { action: 'Later', stage: c.stage(5), lever: 'Q', change: '+10%', start: '2026-12-15' },
      // before any period
      { action: 'Early', stage: c.stage(5), lever: 'P', change: '+5%', start: '2026-09-01' },
      // no start date: no outcome
      { action: 'Someday', stage: c.stage(5), lever: 'P', change: '+5%', start: '' },
    ].map((a) => ({ ...a, owner: '', deadline: '', status: '' }));
    const saved = c.call<SaveResult>('savePlan', { mapId: c.mapId, actions, base: [] });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    // ranked by impact; find each action's row by its name
    const rowOf = (name: string) => {
      const names = s.wb.values(c.plan, 'B4:B8').map((r) => r[0]);
      return 4 + names.indexOf(name);
    };
    // only October so far: nothing observed after the start yet
    expect(c.row(rowOf('Upsell'))).toEqual([
      expect.closeTo(2200, 6),
      '',
      expect.closeTo(octoberRevenue * 1.1, 6),
      '',
      c.verdict('notStarted'),
    ]);
    expect(c.row(rowOf('Early'))).toEqual(['', '', '', '', c.verdict('noBefore')]);
    expect(c.row(rowOf('Someday'))).toEqual(['', '', '', '', '']);

    // a month later: the check rose to 2 100 (less than planned), the step to 150 / 500 = 30%
    s.wb.clock.advance({ days: 31 });
    counts([1000, 500, 150, 90, 40, 25]);
    s.wb.setCell(sheet, `B${ROW.avgCheck}`, 2100);
    c.review();
    const novemberRevenue = Number(s.wb.value(sheet, `B${ROW.revenue}`));
    expect(c.row(rowOf('Upsell'))).toEqual([
      expect.closeTo(2200, 6),
      2100,
      expect.closeTo(octoberRevenue * 1.1, 6),
      expect.closeTo(novemberRevenue, 6),
      c.verdict('less'),
    ]);
    expect(c.row(rowOf('Trial'))).toEqual([
      expect.closeTo(0.28, 9),
      expect.closeTo(0.3, 9),
      expect.closeTo((octoberRevenue * 0.28) / 0.25, 6),
      expect.closeTo(novemberRevenue, 6),
      c.verdict('asPlanned'),
    ]);
    // Q from the period before 15 December (November): 1 → 1,1, nothing after it yet
    expect(c.row(rowOf('Later'))).toEqual([
      expect.closeTo(1.1, 9),
      '',
      expect.closeTo(novemberRevenue * 1.1, 6),
      '',
      c.verdict('notStarted'),
    ]);
    expect(c.row(rowOf('Early'))[4]).toBe(c.verdict('noBefore'));
    // the plan keeps its one custom-function cell
    expect(
      s.wb.snapshot(c.plan).cells.filter((x) => /\bCJM_[A-Z]+\s*\(/.test(x.formula ?? '')),
    ).toHaveLength(1);
    // and reads back as it was saved
    expect(
      c
        .load()
        .view?.actions.map((a) => a.action)
        .sort(),
    ).toEqual(['Early', 'Later', 'Someday', 'Trial', 'Upsell']);
  });
});
