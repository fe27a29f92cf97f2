import { describe, expect, it } from 'vitest';
import type { SaveResult, SidebarBoot, WizardState } from '../../../src/contract';
import { ROW } from '../../../src/core/map/layout';
import { openSpreadsheet, type Session } from '../../support/addon';

function boot(s: Session): SidebarBoot {
  const html = s.wb.ui.surfaces.at(-1)?.html ?? '';
  return JSON.parse(
    /<script id="cjm-boot" type="application\/json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? 'null',
  );
}

function start(locale = 'en_US') {
  const s = openSpreadsheet(locale);
  const sheet = s.newMap({ segment: 'Office workers', product: 'Coffee beans' });
  const mapId = s.wb.value(sheet, `A${ROW.footer}`)!.toString().split(' ')[2]!;
  const call = <T>(name: string, req: unknown) => s.addon.callFromClient(name, req) as T;
  const load = (step: string) => call<WizardState>('loadStep', { mapId, step });
  /** the ids of the stages as the map has them now, as the sidebar sends them back */
  const stageIds = () => load('goal').view!.stages;
  return { s, sheet, mapId, call, load, stageIds };
}

describe('the wizard, server side', () => {
  it('opens on an empty spreadsheet offering to create a map, with no server call needed', () => {
    const s = openSpreadsheet('ru_RU');
    s.run('showWizard');
    const b = boot(s);
    expect(b.view).toBe('wizard');
    if (b.view !== 'wizard') return;
    expect(b.state).toMatchObject({ lang: 'ru', maps: [], step: 'goal', view: null });
    expect(s.wb.ui.surfaces.at(-1)?.title).toBe('Мастер CJM');
  });

  it("opens a map chosen in the picker on the step that map was last on, not the other map's", () => {
    const { s, call, mapId, load } = start();
    expect(load('present').step).toBe('present');
    const other = s.newMap({ segment: 'Students', product: 'Tea' });
    const otherId = s.wb.value(other, `A${ROW.footer}`)!.toString().split(' ')[2]!;
    // the picker names the map only: a new map starts at the first step, with nothing done
    const opened = call<WizardState>('loadStep', { mapId: otherId });
    expect(opened).toMatchObject({ step: 'goal', done: [] });
    expect(opened.view?.mapId).toBe(otherId);
    // and the first map resumes where it was
    expect(call<WizardState>('loadStep', { mapId }).step).toBe('present');
  });

  it('shows each step with what the sheet holds now, including what was typed in the grid', () => {
    const { s, sheet, load } = start();
    s.wb.setCell(sheet, `D${ROW.touchpoints}`, 'Price list on the site');
    const state = load('touchpoints');
    expect(state.step).toBe('touchpoints');
    expect(state.view?.stageFields.map((f) => f.id)).toEqual(['touchpoints', 'channels']);
    expect(state.view?.values['stage.1.touchpoints']).toBe('Price list on the site');
    expect(state.view?.stages).toHaveLength(6);
  });

  it('writes only the cells of the step, as text, with a constant number of calls', () => {
    const { s, sheet, load, call, mapId, stageIds } = start();
    s.wb.setCell(sheet, `C${ROW.actions}`, 'kept as it is');
    const base = load('touchpoints').view!.values;
    const values = {
      ...base,
      'stage.0.touchpoints': '=IMPORTXML("x","//a")',
      'stage.5.channels': 'Telegram',
    };
    s.wb.calls.reset();
    const result = call<SaveResult>('saveStep', {
      mapId,
      step: 'touchpoints',
      values,
      base,
      stages: stageIds(),
    });
    expect(result.ok).toBe(true);
    expect(s.wb.value(sheet, `C${ROW.touchpoints}`)).toBe('=IMPORTXML("x","//a")');
    expect(s.wb.formula(sheet, `C${ROW.touchpoints}`)).toBe('');
    expect(s.wb.value(sheet, `H${ROW.channels}`)).toBe('Telegram');
    expect(s.wb.value(sheet, `C${ROW.actions}`)).toBe('kept as it is');
    // one write per run of changed cells: nothing between them is written again
    expect(s.wb.calls.byName['Range.setValues']).toBe(2);
    if (result.ok) expect(result.state.done).toContain('touchpoints');
  });

  it('says which field is wrong and how to fix it, in the map language, and writes nothing', () => {
    const { s, sheet, load, call, mapId, stageIds } = start('ru_RU');
    const base = load('evaluate').view!.values;
    const result = call<SaveResult>('saveStep', {
      mapId,
      step: 'evaluate',
      values: { ...base, 'stage.0.score': 7, 'stage.1.evidence': 'maybe' },
      base,
      stages: stageIds(),
    });
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        'stage.0.score': 'Введите целую оценку от 1 до 5.',
        'stage.1.evidence': 'Выберите один из вариантов.',
      },
    });
    expect(s.wb.value(sheet, `C${ROW.score}`)).toBe('');
  });

  it('detects a cell changed in the grid after the step was loaded and asks instead of overwriting', () => {
    const { s, sheet, load, call, mapId, stageIds } = start();
    const base = load('barriers').view!.values;
    s.wb.setCell(sheet, `E${ROW.barriers}`, 'No instalments (typed in the grid)');
    const values = { ...base, 'stage.2.barriers': 'Pushy sales', 'stage.3.drivers': 'Coach' };
    const result = call<SaveResult>('saveStep', {
      mapId,
      step: 'barriers',
      values,
      base,
      stages: stageIds(),
    });
    expect(result).toEqual({
      ok: false,
      conflicts: [
        {
          id: 'stage.2.barriers',
          label: 'Purchase: Barriers',
          sheet: 'No instalments (typed in the grid)',
          yours: 'Pushy sales',
        },
      ],
    });
    expect(s.wb.value(sheet, `F${ROW.drivers}`)).toBe('');
    // the user keeps theirs: the client resends with the sheet's value as the new base
    const resolved = call<SaveResult>('saveStep', {
      mapId,
      step: 'barriers',
      values,
      base: { ...base, 'stage.2.barriers': 'No instalments (typed in the grid)' },
      stages: stageIds(),
    });
    expect(resolved.ok).toBe(true);
    expect(s.wb.value(sheet, `E${ROW.barriers}`)).toBe('Pushy sales');
    expect(s.wb.value(sheet, `F${ROW.drivers}`)).toBe('Coach');
  });

  it('shows the live L, C, P, Q and revenue the sheet computed after the KPIs are saved', () => {
    const { load, call, mapId, stageIds } = start();
    const base = load('kpis').view!.values;
    const counts = [1000, 400, 100, 90, 60, 40];
    const values = {
      ...base,
      'side.avgCheck': 2000,
      'side.purchases': '1,5',
      ...Object.fromEntries(counts.map((n, i) => [`stage.${i}.customers`, n])),
      'stage.2.target': '30%',
    };
    const result = call<SaveResult>('saveStep', {
      mapId,
      step: 'kpis',
      values,
      base,
      stages: stageIds(),
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.state.view?.metrics).toMatchObject({
      leads: 1000,
      avgCheck: 2000,
      purchases: 1.5,
      weakest: 'Active evaluation → Purchase',
    });
    expect(result.state.view?.metrics.revenue).toBeCloseTo(300_000, 6);
    expect(result.state.view?.metrics.underTarget).toEqual([
      { stage: 'Purchase', step: 0.25, target: 0.3 },
    ]);
  });

  it('edits stages from the sidebar, asking before a stage with content goes', () => {
    const { s, sheet, call, mapId, stageIds } = start();
    s.wb.setCell(sheet, `E${ROW.barriers}`, 'Queue');
    const edit = (e: object, index: number, confirmed: boolean, token?: string) =>
      call('editStages', { mapId, edit: e, stageId: stageIds()[index]?.id, confirmed, token });
    const added = edit({ kind: 'add', after: 0, name: '' }, 0, false) as {
      ok: boolean;
      state: WizardState;
    };
    expect(added.state.view?.stages.map((st) => st.name)[1]).toBe('New stage');
    const asked = edit({ kind: 'remove', index: 3 }, 3, false) as {
      ok: false;
      confirm: string;
      token: string;
    };
    expect(asked).toEqual({
      ok: false,
      confirm: expect.stringMatching(/^Remove the stage "Purchase"\? It holds 1 filled cell/),
      token: expect.any(String),
    });
    // a confirmation without its token (or for other cells) asks again instead of removing
    expect(edit({ kind: 'remove', index: 3 }, 3, true)).toMatchObject({
      ok: false,
      confirm: asked.confirm,
    });
    const removed = edit({ kind: 'remove', index: 3 }, 3, true, asked.token) as {
      ok: boolean;
      state: WizardState;
    };
    expect(removed.state.view?.stages.map((st) => st.name)).toEqual([
      'Initial consideration',
      'New stage',
      'Active evaluation',
      'Experience',
      'Trigger',
      'Loyalty',
    ]);
    expect(edit({ kind: 'move', index: 0, by: -1 }, 0, false)).toEqual({
      ok: false,
      message: 'This stage is already at the edge of the map.',
    });
  });

  it('keeps the action plan in its own sheet, ranked by live revenue impact', () => {
    const { s, load, call, mapId, stageIds } = start();
    const base = load('kpis').view!.values;
    call('saveStep', {
      mapId,
      step: 'kpis',
      base,
      values: {
        ...base,
        'side.avgCheck': 2000,
        'side.purchases': 1.5,
        'stage.0.customers': 1000,
        'stage.2.customers': 50,
      },
      stages: stageIds(),
    });
    const actions = [
      {
        action: 'Raise the check with bundles',
        stage: 'Purchase',
        lever: 'P',
        change: '+10%',
        owner: 'Anna',
        deadline: '2026-12-31',
        status: 'Planned',
      },
      {
        action: 'Instalments',
        stage: 'Purchase',
        lever: 'C',
        change: '+2 pp',
        owner: 'Ivan',
        deadline: '',
        status: 'Planned',
      },
    ];
    const result = call<SaveResult>('savePlan', { mapId, actions, base: [] });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.state.view?.actions.map((a) => [a.action, a.impact])).toEqual([
      ['Instalments', 60_000],
      ['Raise the check with bundles', 15_000],
    ]);
    const plan = s.wb.sheetNames().find((n) => n.endsWith('· plan'))!;
    expect(s.wb.value(plan, 'B4')).toBe('Instalments');
    expect(s.wb.value(plan, 'J4')).toBeCloseTo(60_000, 6);
    expect(s.wb.value(plan, 'A5')).toBe(2);
    // the deadline is a real date, shown as the English map shows its dates
    expect(s.wb.value(plan, 'G5')).toBeInstanceOf(Date);
    expect(s.wb.display(plan, 'G5')).toBe('2026-12-31');
    const bad = call<SaveResult>('savePlan', {
      mapId,
      actions: [{ ...actions[0], change: '+2 pp' }],
      base: [],
    });
    expect(bad).toEqual({
      ok: false,
      fieldErrors: {
        'actions.0.change':
          'For this lever write +10% or +$1,000 (points move conversion only; an amount, only the lever counted in it).',
      },
    });
  });

  it('inserts the funnel chart and the experience curve once, and exports a mind map', () => {
    const { s, sheet, call, mapId } = start();
    call('insertCharts', { mapId });
    call('insertCharts', { mapId });
    const charts = s.wb.range(sheet, 'A1').getSheet().getCharts();
    expect(charts).toHaveLength(2);
    const mind = call<{ markdown: string; opml: string; fileName: string }>('exportMindMap', {
      mapId,
    });
    expect(mind.fileName).toBe('Office workers — Coffee beans');
    expect(mind.markdown).toMatch(/^# Office workers — Coffee beans\n/);
    expect(mind.markdown).toContain('  - 3\\. Purchase (C)');
    expect(mind.opml).toContain('<outline text="Stages">');
  });

  it('resumes where the user left off, and resets damaged progress with a message', () => {
    const { s, load, mapId } = start();
    load('evaluate');
    s.run('showWizard');
    const b = boot(s);
    if (b.view !== 'wizard') throw new Error('expected the wizard');
    expect(b.state.step).toBe('evaluate');
    expect(b.state.view?.mapId).toBe(mapId);
    s.wb.properties.document.data.set(`cjm.wizard.v1.${mapId}`, '{"v":1,"step":"flying"');
    const state = load('kpis');
    expect(state.notice).toBe(
      'The saved wizard progress was damaged and has been reset. Your map is untouched.',
    );
    expect(state.step).toBe('kpis');
  });

  it('rejects a malformed request with a message, not a stack', () => {
    const { s } = start();
    expect(() => s.addon.callFromClient('saveStep', { mapId: 'x', step: 'nope' })).toThrow(
      /^The form could not be read: these fields are missing or malformed: mapId, step, values, base, stages\. Reopen it and try again\.$/,
    );
  });
});
