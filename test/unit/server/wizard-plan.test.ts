/**
 * The wizard's plan, stages and Present calls (savePlan, editStages, insertCharts, exportMindMap,
 * mapForExport) on an emulated spreadsheet: the plan sheet written and ranked by the map's inputs,
 * stage edits asked about, charts and exports, each refusal in words.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChartType } from '../../../emulator/index';
import type { ActionRow, WizardState } from '../../../src/contract';
import {
  editStages,
  exportMindMap,
  insertCharts,
  mapForExport,
  savePlan,
} from '../../../src/server/wizard';
import { withMap } from './wizard-map';

afterEach(() => {
  vi.unstubAllGlobals();
});

const PLAN = 'Office workers — Coffee beans · plan';

const bundles = {
  action: 'Raise the check with bundles',
  stage: 'Purchase',
  lever: 'P' as const,
  change: '+10%',
  owner: 'Anna',
  deadline: '2026-12-31',
  status: 'Planned',
};
const instalments = {
  action: 'Instalments',
  stage: 'Purchase',
  lever: 'C' as const,
  change: '+2 pp',
  owner: 'Ivan',
  deadline: '',
  status: 'Planned',
};

/**
 * A map whose inputs give revenue 150 000: 1 000 leads, 50 buying at Purchase (5 %), a check of
 * 2 000 and 1.5 purchases each.
 */
function withFunnel(locale = 'en_US') {
  const m = withMap(locale);
  m.wb.setCell(m.name, 'C25', 1000);
  m.wb.setCell(m.name, 'E25', 50);
  m.wb.setCell(m.name, 'B27', 2000);
  m.wb.setCell(m.name, 'B28', 1.5);
  return m;
}

const impacts = (actions: readonly ActionRow[] | undefined) =>
  actions?.map((a) => [a.action, a.impact]);

describe('savePlan', () => {
  it('writes the plan to its own sheet ranked by revenue impact, and answers with the plan step done', () => {
    const m = withFunnel();
    const before = m.stamp();
    const result = savePlan({ mapId: m.mapId, actions: [bundles, instalments], base: [] });
    if (!result.ok) throw new Error(JSON.stringify(result));
    // +2 pp of conversion: 1 000 × 0.02 × 2 000 × 1.5 = 60 000; +10 % of the check: 15 000
    expect(impacts(result.state.view?.actions)).toEqual([
      ['Instalments', 60_000],
      ['Raise the check with bundles', 15_000],
    ]);
    expect(result.state).toMatchObject({ step: 'plan', done: ['plan'], problem: '' });
    expect(result.state).not.toHaveProperty('maps');
    expect(m.wb.value(PLAN, 'B4')).toBe('Instalments');
    expect(m.wb.value(PLAN, 'B5')).toBe('Raise the check with bundles');
    expect(m.wb.value(PLAN, 'F5')).toBe('Anna');
    expect(m.progress()).toBe('{"v":1,"step":"plan","done":["plan"]}');
    expect(m.stamp()).not.toBe(before);
    expect(result.state.stamp).toBe(m.stamp());
  });

  it('shows no impact while an input of the revenue is missing', () => {
    const m = withMap();
    m.wb.setCell(m.name, 'C25', 1000);
    m.wb.setCell(m.name, 'E25', 50);
    const result = savePlan({ mapId: m.mapId, actions: [instalments], base: [] });
    expect(result.ok && impacts(result.state.view?.actions)).toEqual([['Instalments', null]]);
  });

  it('moves on to the step asked for after saving the plan', () => {
    const m = withFunnel();
    const result = savePlan({ mapId: m.mapId, actions: [bundles], base: [], next: 'present' });
    expect(result).toMatchObject({ ok: true, state: { step: 'present', done: ['plan'] } });
    expect(m.progress()).toBe('{"v":1,"step":"present","done":["plan"]}');
  });

  it('refuses a change its lever cannot take, saying the forms it takes, and writes nothing', () => {
    const m = withFunnel();
    const result = savePlan({
      mapId: m.mapId,
      actions: [bundles, { ...bundles, change: '+2 pp' }],
      base: [],
    });
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        'actions.1.change':
          'For this lever write +10% or +$1,000 (points move conversion only; an amount, only the lever counted in it).',
      },
    });
    expect(m.wb.sheetNames()).not.toContain(PLAN);
  });

  it('refuses a bare number as a change, asking for its unit', () => {
    const m = withFunnel();
    const result = savePlan({ mapId: m.mapId, actions: [{ ...bundles, change: '5' }], base: [] });
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        'actions.0.change':
          'Write the change with its unit: +10% or +$1,000; a number alone does not say what it means.',
      },
    });
  });

  it('asks about an action a colleague changed on the plan sheet since the step was loaded', () => {
    const m = withFunnel();
    const saved = savePlan({ mapId: m.mapId, actions: [instalments], base: [] });
    if (!saved.ok) throw new Error('not saved');
    const base = saved.state.view!.actions.map(({ impact: _impact, ...a }) => a);
    m.wb.setCell(PLAN, 'F4', 'Oleg');
    const result = savePlan({
      mapId: m.mapId,
      actions: [{ ...base[0]!, owner: 'Maria' }],
      base,
    });
    expect(result).toEqual({
      ok: false,
      conflicts: [
        { id: 'actions.0.owner', label: 'Instalments: Owner', sheet: 'Oleg', yours: 'Maria' },
      ],
    });
    expect(m.wb.value(PLAN, 'F4')).toBe('Oleg');
  });

  it('keeps a colleague’s change to another action while saving the user’s', () => {
    const m = withFunnel();
    const saved = savePlan({ mapId: m.mapId, actions: [instalments, bundles], base: [] });
    if (!saved.ok) throw new Error('not saved');
    const base = saved.state.view!.actions.map(({ impact: _impact, ...a }) => a);
    m.wb.setCell(PLAN, 'F5', 'Oleg');
    const result = savePlan({
      mapId: m.mapId,
      actions: [{ ...base[0]!, owner: 'Maria' }, base[1]!],
      base,
    });
    expect(result.ok).toBe(true);
    expect(m.wb.value(PLAN, 'F4')).toBe('Maria');
    expect(m.wb.value(PLAN, 'F5')).toBe('Oleg');
  });

  it('refuses to write over a plan sheet whose columns were changed, saying how to repair it', () => {
    const m = withFunnel();
    savePlan({ mapId: m.mapId, actions: [instalments], base: [] });
    m.wb.setCell(PLAN, 'C3', '');
    expect(() => savePlan({ mapId: m.mapId, actions: [bundles], base: [] })).toThrow(
      /^The columns of the action plan \(sheet "Office workers — Coffee beans · plan"\) were changed/,
    );
    expect(m.wb.value(PLAN, 'B4')).toBe('Instalments');
  });
});

describe('the plan as the steps show it', () => {
  it('shows the plan’s actions, their impact computed from the map, on the Plan and Present steps only', () => {
    const m = withFunnel();
    savePlan({ mapId: m.mapId, actions: [bundles, instalments], base: [] });
    m.wb.setCell(m.name, 'B27', 4000);
    // the check doubled: every impact doubles with it
    expect(impacts(m.load('plan').view?.actions)).toEqual([
      ['Instalments', 120_000],
      ['Raise the check with bundles', 30_000],
    ]);
    expect(impacts(m.load('present').view?.actions)).toEqual([
      ['Instalments', 120_000],
      ['Raise the check with bundles', 30_000],
    ]);
    expect(m.load('kpis').view?.actions).toEqual([]);
  });

  it('shows no actions and why on the Plan step when the plan sheet cannot be read', () => {
    const m = withFunnel();
    savePlan({ mapId: m.mapId, actions: [instalments], base: [] });
    m.wb.setCell(PLAN, 'C3', '');
    const state = m.load('plan');
    expect(state.view?.actions).toEqual([]);
    expect(state.problem).toMatch(
      /^The columns of the action plan \(sheet "Office workers — Coffee beans · plan"\) were changed/,
    );
    expect(m.load('kpis').problem).toBe('');
  });
});

describe('editStages', () => {
  const edit = (m: ReturnType<typeof withMap>, index: number, e: object, more: object = {}) =>
    editStages({
      mapId: m.mapId,
      stageId: m.stagesNow()[index]?.id ?? 'gone1234',
      edit: e,
      confirmed: false,
      ...more,
    });
  const names = (state: WizardState | undefined) => state?.view?.stages.map((s) => s.name);

  it('adds a stage after the one named, and answers with the Stages step done', () => {
    const m = withMap();
    const before = m.stamp();
    const added = edit(m, 0, { kind: 'add', after: 0, name: '' });
    if (!added.ok) throw new Error(JSON.stringify(added));
    expect(names(added.state)?.slice(0, 3)).toEqual([
      'Initial consideration',
      'New stage',
      'Active evaluation',
    ]);
    expect(added.state.view?.headers.slice(0, 3)).toEqual([
      'Initial consideration',
      'New stage',
      'Active evaluation',
    ]);
    expect(added.state).toMatchObject({ step: 'stages', done: ['stages'] });
    expect(added.state).not.toHaveProperty('maps');
    expect(m.wb.value(m.name, 'D9')).toBe('New stage');
    expect(m.stamp()).not.toBe(before);
    expect(m.progress()).toBe('{"v":1,"step":"stages","done":["stages"]}');
  });

  it('removes an empty stage without asking', () => {
    const m = withMap();
    const removed = edit(m, 4, { kind: 'remove', index: 4 });
    expect(removed.ok && names(removed.state)).toEqual([
      'Initial consideration',
      'Active evaluation',
      'Purchase',
      'Experience',
      'Loyalty',
    ]);
  });

  it('asks before a stage with content goes, and removes it only with the answer to that question', () => {
    const m = withMap();
    m.wb.setCell(m.name, 'E16', 'Queue');
    const asked = edit(m, 2, { kind: 'remove', index: 2 });
    expect(asked).toEqual({
      ok: false,
      confirm: expect.stringMatching(/^Remove the stage "Purchase"\? It holds 1 filled cell/),
      token: expect.any(String),
    });
    if (asked.ok || !('token' in asked)) throw new Error('not asked');
    // confirmed without the question's token: asked again
    expect(edit(m, 2, { kind: 'remove', index: 2 }, { confirmed: true })).toEqual(asked);
    // the token without the confirmation: asked again
    expect(edit(m, 2, { kind: 'remove', index: 2 }, { token: asked.token })).toEqual(asked);
    expect(m.wb.value(m.name, 'E9')).toBe('Purchase');
    const removed = edit(
      m,
      2,
      { kind: 'remove', index: 2 },
      { confirmed: true, token: asked.token },
    );
    expect(removed.ok && names(removed.state)).toEqual([
      'Initial consideration',
      'Active evaluation',
      'Experience',
      'Trigger',
      'Loyalty',
    ]);
  });

  it('asks again when a colleague typed into the stage since the question', () => {
    const m = withMap();
    m.wb.setCell(m.name, 'E16', 'Queue');
    const asked = edit(m, 2, { kind: 'remove', index: 2 });
    if (asked.ok || !('token' in asked)) throw new Error('not asked');
    m.wb.setCell(m.name, 'E18', 'Coach');
    const again = edit(m, 2, { kind: 'remove', index: 2 }, { confirmed: true, token: asked.token });
    expect(again).toMatchObject({
      ok: false,
      confirm: expect.stringMatching(/^Remove the stage "Purchase"\? It holds 2 filled cells/),
    });
    expect(m.wb.value(m.name, 'E9')).toBe('Purchase');
  });

  it('refuses to move the first stage further left, in words', () => {
    const m = withMap();
    expect(edit(m, 0, { kind: 'move', index: 0, by: -1 })).toEqual({
      ok: false,
      message: 'This stage is already at the edge of the map.',
    });
  });

  it('moves the stage the sidebar named, wherever a colleague moved it meanwhile', () => {
    const m = withMap();
    const purchase = m.stagesNow()[2]!;
    edit(m, 2, { kind: 'move', index: 2, by: -1 });
    // the sidebar still shows Purchase third, and asks to move it right
    const moved = editStages({
      mapId: m.mapId,
      stageId: purchase.id,
      edit: { kind: 'move', index: 2, by: 1 },
      confirmed: false,
    });
    expect(moved.ok && names(moved.state)?.slice(0, 4)).toEqual([
      'Initial consideration',
      'Active evaluation',
      'Purchase',
      'Experience',
    ]);
  });

  it('adds a stage after the stage the sidebar named, wherever a colleague moved it meanwhile', () => {
    const m = withMap();
    const purchase = m.stagesNow()[2]!;
    edit(m, 2, { kind: 'move', index: 2, by: -1 });
    const added = editStages({
      mapId: m.mapId,
      stageId: purchase.id,
      edit: { kind: 'add', after: 2, name: 'Delivery' },
      confirmed: false,
    });
    expect(added.ok && names(added.state)?.slice(0, 4)).toEqual([
      'Initial consideration',
      'Purchase',
      'Delivery',
      'Active evaluation',
    ]);
  });

  it('says a stage removed meanwhile is gone, and changes nothing', () => {
    const m = withMap();
    expect(edit(m, 9, { kind: 'move', index: 1, by: 1 })).toEqual({
      ok: false,
      message:
        'This stage is no longer on the map: someone removed it meanwhile. Nothing was changed; look at the map and try again.',
    });
    expect(m.wb.value(m.name, 'D9')).toBe('Active evaluation');
  });
});

describe('insertCharts', () => {
  it('inserts the funnel and the curve once, and answers with the Present step', () => {
    const m = withMap();
    vi.stubGlobal('Charts', { ChartType });
    m.load('evaluate');
    const before = m.stamp();
    insertCharts({ mapId: m.mapId });
    const state = insertCharts({ mapId: m.mapId });
    expect(m.map.getCharts()).toHaveLength(2);
    expect(state).toMatchObject({ step: 'present', done: [] });
    expect(state).not.toHaveProperty('maps');
    // called from the Present step itself: where the user is was stored when the step opened
    expect(m.progress()).toBe('{"v":1,"step":"evaluate","done":[]}');
    expect(m.stamp()).toBe(before);
  });

  it('remembers the Present step when the sidebar moved there without a call', () => {
    const m = withMap();
    vi.stubGlobal('Charts', { ChartType });
    m.load('evaluate');
    insertCharts({ mapId: m.mapId, seen: { mapId: m.mapId, step: 'plan', done: ['kpis'] } });
    expect(m.progress()).toBe('{"v":1,"step":"present","done":["kpis"]}');
  });
});

describe('exportMindMap and mapForExport', () => {
  it('exports the map as a mind map named after the map', () => {
    const m = withFunnel();
    savePlan({ mapId: m.mapId, actions: [instalments], base: [] });
    const mind = exportMindMap({ mapId: m.mapId });
    expect(mind.fileName).toBe('Office workers — Coffee beans');
    expect(mind.markdown).toMatch(/^# Office workers — Coffee beans\n/);
    expect(mind.markdown).toContain('  - 3\\. Purchase (C)');
    expect(mind.markdown).toContain('Instalments');
    expect(mind.opml).toContain('<outline text="Stages">');
  });

  it('names the file after the sheet when the map’s name cell is empty', () => {
    const m = withMap('en_US', { name: 'Beans' });
    m.wb.setCell(m.name, 'B1', '');
    expect(exportMindMap({ mapId: m.mapId }).fileName).toBe('Beans');
  });

  it('refuses to export a plan whose sheet cannot be read, rather than leave its actions out', () => {
    const m = withFunnel();
    savePlan({ mapId: m.mapId, actions: [instalments], base: [] });
    m.wb.setCell(PLAN, 'C3', '');
    expect(() => exportMindMap({ mapId: m.mapId })).toThrow(/^The columns of the action plan/);
    expect(() => mapForExport({ mapId: m.mapId })).toThrow(/^The columns of the action plan/);
  });

  it('gives the poster the map, its locale and sheet, and the plan ranked', () => {
    const m = withFunnel('ru_RU');
    savePlan({
      mapId: m.mapId,
      actions: [
        { ...bundles, stage: 'Сделка' },
        { ...instalments, stage: 'Сделка', change: '+2 п.п.' },
      ],
      base: [],
    });
    const poster = mapForExport({ mapId: m.mapId });
    expect(poster).toMatchObject({
      locale: 'ru_RU',
      sheetName: 'Office workers — Coffee beans',
      review: null,
    });
    expect(poster.journey.id).toBe(m.mapId);
    expect(impacts(poster.actions)).toEqual([
      ['Instalments', 60_000],
      ['Raise the check with bundles', 15_000],
    ]);
  });
});
