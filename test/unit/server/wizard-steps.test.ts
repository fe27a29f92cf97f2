/**
 * The wizard's calls that open it and move between its steps (showWizard, createMapAndOpen,
 * loadStep) and save a step (saveStep), run on an emulated spreadsheet: what the sidebar is given,
 * what lands in the map's cells, and where the user is remembered to be.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SaveResult, WizardState } from '../../../src/contract';
import {
  createMapAndOpen,
  editStages,
  loadStep,
  saveStep,
  showWizard,
} from '../../../src/server/wizard';
import { emulated } from '../emulated';
import { mapForm } from './fixtures';
import { SIDEBAR, sidebarBoot, withMap } from './wizard-map';

afterEach(() => {
  vi.unstubAllGlobals();
});

const RESET = 'The saved wizard progress was damaged and has been reset. Your map is untouched.';

/** The wizard's state the last sidebar opened with. */
function shownState(e: ReturnType<typeof emulated>): WizardState {
  const boot = sidebarBoot(e);
  if (boot.view !== 'wizard') throw new Error(`expected the wizard, got ${boot.view}`);
  return boot.state;
}

describe('showWizard', () => {
  it('opens on a spreadsheet without maps offering to create one, titled in its language', () => {
    const e = emulated({ locale: 'ru_RU' }, SIDEBAR);
    showWizard();
    expect(e.wb.ui.surfaces.at(-1)).toMatchObject({ kind: 'sidebar', title: 'Мастер CJM' });
    const boot = sidebarBoot(e);
    expect(boot).toMatchObject({ view: 'wizard', lang: 'ru', locale: 'ru_RU' });
    expect(shownState(e)).toMatchObject({
      lang: 'ru',
      maps: [],
      step: 'goal',
      done: [],
      view: null,
      notice: '',
      problem: '',
    });
  });

  it('opens on the map of the active sheet, at the step the user was last on there', () => {
    const m = withMap();
    m.load('evaluate');
    showWizard();
    expect(m.wb.ui.surfaces.at(-1)?.title).toBe('CJM wizard');
    const state = shownState(m);
    expect(state).toMatchObject({
      lang: 'en',
      maps: [{ id: m.mapId, sheetName: 'Office workers — Coffee beans' }],
      step: 'evaluate',
      notice: '',
      problem: '',
    });
    expect(state.view?.mapId).toBe(m.mapId);
    expect(state.view?.sheetName).toBe('Office workers — Coffee beans');
  });

  it('prefers the map on the active sheet to the map the wizard worked on last', () => {
    const m = withMap();
    const tea = createMapAndOpen(mapForm('en_US', { segment: 'Students', product: 'Tea' }));
    if (!tea.ok) throw new Error('no second map');
    m.load('kpis');
    m.map.activate();
    showWizard();
    expect(shownState(m).view?.sheetName).toBe('Office workers — Coffee beans');
    m.sheet('Students — Tea').activate();
    showWizard();
    expect(shownState(m).view?.sheetName).toBe('Students — Tea');
  });

  it('opens on the last map the user worked on when the active sheet holds no map', () => {
    const m = withMap();
    m.load('barriers');
    m.ss.insertSheet('Notes').activate();
    showWizard();
    const state = shownState(m);
    expect(state.view?.mapId).toBe(m.mapId);
    expect(state.step).toBe('barriers');
  });

  it('says the wizard edits the original map when the active sheet is a copy of it', () => {
    const m = withMap();
    m.map.activate();
    m.ss.duplicateActiveSheet();
    showWizard();
    const state = shownState(m);
    expect(state.notice).toBe(
      'This sheet is a copy of the map "Office workers — Coffee beans"; the wizard works on that map, not on the copy. To make the copy a map of its own, choose Extensions → CJM → Rename the map… on it.',
    );
    expect(state.view?.sheetName).toBe('Office workers — Coffee beans');
  });

  it('starts over at the first step, saying so, when the stored progress is damaged', () => {
    const m = withMap();
    m.load('kpis');
    m.wb.properties.document.data.set(`cjm.wizard.v1.${m.mapId}`, '{"v":1,"step":"flying"');
    showWizard();
    expect(shownState(m)).toMatchObject({ step: 'goal', done: [], notice: RESET });
  });

  it('shows why the last map cannot be opened when its sheet was deleted, and no map', () => {
    const m = withMap();
    m.load('kpis');
    m.ss.insertSheet('Notes').activate();
    m.ss.deleteSheet(m.map);
    showWizard();
    expect(shownState(m)).toMatchObject({
      view: null,
      step: 'goal',
      maps: [],
      problem:
        'This map is no longer in the spreadsheet (its sheet was deleted). Pick another map.',
    });
  });
});

describe('createMapAndOpen', () => {
  it('makes the map and answers with the wizard on its first step, remembered there', () => {
    emulated({ locale: 'en_US' }, SIDEBAR);
    const made = createMapAndOpen(mapForm('en_US', { open: true }));
    if (!made.ok) throw new Error('refused');
    expect(made.sheetName).toBe('Office workers — Coffee beans');
    expect(made.state).toMatchObject({
      step: 'goal',
      done: [],
      maps: [{ id: made.mapId, sheetName: 'Office workers — Coffee beans' }],
    });
    expect(made.state?.view?.mapId).toBe(made.mapId);
    const props = PropertiesService.getDocumentProperties();
    expect(props.getProperty(`cjm.wizard.v1.${made.mapId}`)).toBe(
      '{"v":1,"step":"goal","done":[]}',
    );
    expect(props.getProperty('cjm.wizard.v1.last')).toBe(made.mapId);
    expect(made.state?.stamp).toBe(props.getProperty('cjm.maps.changed'));
  });

  it('answers with the map alone when the form does not ask to open it (the dialog)', () => {
    emulated({ locale: 'en_US' }, SIDEBAR);
    const made = createMapAndOpen(mapForm('en_US'));
    expect(made).toEqual({
      ok: true,
      mapId: expect.stringMatching(/^[A-Z0-9]{4,12}$/),
      sheetName: 'Office workers — Coffee beans',
    });
    expect(createMapAndOpen(mapForm('en_US', { open: false }))).not.toHaveProperty('state');
    expect(PropertiesService.getDocumentProperties().getProperty('cjm.wizard.v1.last')).toBeNull();
  });

  it('returns the field errors of a refused form, with no map and no wizard state', () => {
    const e = emulated({ locale: 'en_US' }, SIDEBAR);
    const refused = createMapAndOpen(
      mapForm('en_US', { open: true, preset: 'custom', stages: ['Only one'] }),
    );
    expect(refused.ok).toBe(false);
    expect(refused).toHaveProperty('fieldErrors');
    expect(refused).not.toHaveProperty('state');
    expect(e.wb.sheetNames()).toEqual(['Sheet1']);
  });
});

describe('loadStep', () => {
  it('answers with the step asked for and remembers it as where the user is on this map', () => {
    const m = withMap();
    const before = m.stamp();
    const state = m.load('touchpoints');
    expect(state).toMatchObject({ step: 'touchpoints', done: [], notice: '', problem: '' });
    expect(m.progress()).toBe('{"v":1,"step":"touchpoints","done":[]}');
    expect(m.wb.properties.document.data.get('cjm.wizard.v1.last')).toBe(m.mapId);
    // only looking: the maps did not change
    expect(m.stamp()).toBe(before);
    expect(state.stamp).toBe(before);
  });

  it('speaks the map’s language, not the spreadsheet’s', () => {
    const m = withMap('en_US', { lang: 'ru' });
    const state = m.load('touchpoints');
    expect(state.lang).toBe('ru');
    expect(state.view?.stageFields.map((f) => f.label)).toEqual([
      'Точки контакта',
      'Каналы: где аудитория',
    ]);
  });

  it('resumes the step the user was on when none is asked for', () => {
    const m = withMap();
    m.load('questions');
    expect(m.load().step).toBe('questions');
  });

  it('shows what the sheet holds now, typed in the grid too, with the step’s own fields', () => {
    const m = withMap();
    m.wb.setCell(m.name, 'D13', 'Price list on the site');
    const view = m.load('touchpoints').view!;
    expect(view.stageFields.map((f) => f.id)).toEqual(['touchpoints', 'channels']);
    expect(view.values['stage.1.touchpoints']).toBe('Price list on the site');
    expect(view.stages.map((s) => [s.name, s.role])).toEqual([
      ['Initial consideration', 'L'],
      ['Active evaluation', 'L'],
      ['Purchase', 'C'],
      ['Experience', 'Q'],
      ['Trigger', 'Q'],
      ['Loyalty', 'Q'],
    ]);
    expect(view.headers).toEqual(view.stages.map((s) => s.name));
    expect(view.help).toBe(
      'Where the customer meets you at each stage (own and external places) and where the audience lives.',
    );
    expect(view.rolesGuessed).toBe(false);
    expect(view.review).toBeUndefined();
    expect(view.pages.kpis.sideFields.map((f) => f.id)).toEqual([
      'side.avgCheck',
      'side.purchases',
    ]);
  });

  it('counts each stage’s customers from the figures typed in the grid', () => {
    const m = withMap();
    for (const [col, n] of [
      ['C', 1000],
      ['D', 400],
      ['E', 100],
    ] as const)
      m.wb.setCell(m.name, `${col}25`, n);
    const view = m.load('kpis').view!;
    expect(view.stages.map((s) => s.customers).slice(0, 3)).toEqual([1000, 400, 100]);
    expect(view.metrics.leads).toBe(1000);
  });

  it('shows the review page on the Review step only', () => {
    const m = withMap();
    expect(m.load('review').view?.review?.lines[0]).toBe(
      'No review recorded yet: record the first one below.',
    );
    expect(m.load('goal').view?.review).toBeUndefined();
  });

  it('says in the map’s language that damaged progress was reset, and opens the step asked for', () => {
    const m = withMap('ru_RU');
    m.wb.properties.document.data.set(`cjm.wizard.v1.${m.mapId}`, 'not json');
    const state = m.load('kpis');
    expect(state.notice).toBe(
      'Сохранённый прогресс мастера был повреждён и сброшен. Карта не изменилась.',
    );
    expect(state.step).toBe('kpis');
    expect(m.load('kpis').notice).toBe('');
  });

  it('records where the sidebar moved on another map before opening this one', () => {
    const m = withMap();
    const tea = createMapAndOpen(mapForm('en_US', { segment: 'Students', product: 'Tea' }));
    if (!tea.ok) throw new Error('no second map');
    const state = m.load('goal');
    expect(state.step).toBe('goal');
    const answer = loadStep({
      mapId: m.mapId,
      step: 'persona',
      seen: { mapId: tea.mapId, step: 'barriers', done: ['goal', 'persona'] },
    });
    expect(answer.step).toBe('persona');
    expect(m.wb.properties.document.data.get(`cjm.wizard.v1.${tea.mapId}`)).toBe(
      '{"v":1,"step":"barriers","done":["goal","persona"]}',
    );
    expect(m.wb.properties.document.data.get('cjm.wizard.v1.last')).toBe(m.mapId);
  });

  it('opens where the sidebar moved on this map without a call, with the steps it saw done', () => {
    const m = withMap();
    m.load('goal');
    const state = loadStep({
      mapId: m.mapId,
      seen: { mapId: m.mapId, step: 'questions', done: ['stages'] },
    });
    expect(state).toMatchObject({ step: 'questions', done: ['stages'] });
    expect(m.progress()).toBe('{"v":1,"step":"questions","done":["stages"]}');
  });
});

/** Saves `step` with the values it was loaded with, but for `edits`, as the sidebar shows it. */
function saver(m: ReturnType<typeof withMap>) {
  return (step: string) => {
    const stages = m.stagesNow();
    const base = m.load(step).view!.values;
    return (edits: Record<string, string | number>, more: object = {}): SaveResult =>
      saveStep({ mapId: m.mapId, step, values: { ...base, ...edits }, base, stages, ...more });
  };
}

describe('saveStep', () => {
  it('writes only the changed cells, as text, and answers with the step done and the maps changed', () => {
    const m = withMap();
    m.wb.setCell(m.name, 'C11', 'kept as it is');
    m.wb.setCell(m.name, 'I9', 'notes');
    const save = saver(m)('touchpoints');
    const before = m.stamp();
    const result = save({ 'stage.0.touchpoints': '=1+1', 'stage.5.channels': 'Telegram' });
    expect(m.wb.value(m.name, 'C13')).toBe('=1+1');
    expect(m.wb.formula(m.name, 'C13')).toBe('');
    expect(m.wb.value(m.name, 'H14')).toBe('Telegram');
    expect(m.wb.value(m.name, 'C11')).toBe('kept as it is');
    // no review field was saved: the map gets no review block
    expect(m.wb.value(m.name, 'A58')).toBe('');
    expect(m.wb.value(m.name, 'B58')).toBe('');
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.state).toMatchObject({ step: 'touchpoints', done: ['touchpoints'], notice: '' });
    // a save does not list the maps again: they did not change
    expect(result.state).not.toHaveProperty('maps');
    expect(result.state.view?.values['stage.5.channels']).toBe('Telegram');
    // the header row as it is: the stages, then a note typed right of them
    expect(result.state.view?.headers).toEqual([
      'Initial consideration',
      'Active evaluation',
      'Purchase',
      'Experience',
      'Trigger',
      'Loyalty',
      'notes',
    ]);
    expect(m.progress()).toBe('{"v":1,"step":"touchpoints","done":["touchpoints"]}');
    expect(m.stamp()).not.toBe(before);
    expect(result.state.stamp).toBe(m.stamp());
  });

  it('moves on to the next step on Save and continue, remembered there', () => {
    const m = withMap();
    const result = saver(m)('touchpoints')({ 'stage.1.channels': 'Forums' }, { next: 'questions' });
    expect(result).toMatchObject({ ok: true, state: { step: 'questions', done: ['touchpoints'] } });
    expect(m.progress()).toBe('{"v":1,"step":"questions","done":["touchpoints"]}');
  });

  it('checks only what the user changed: a wrong score typed in the grid does not block the save', () => {
    const m = withMap();
    m.wb.setCell(m.name, 'C20', 9);
    const result = saver(m)('evaluate')({ 'stage.1.score': 4 });
    expect(result.ok).toBe(true);
    expect(m.wb.value(m.name, 'D20')).toBe(4);
    expect(m.wb.value(m.name, 'C20')).toBe(9);
  });

  it('says which field is wrong, in the map’s language, and writes nothing', () => {
    const m = withMap('ru_RU');
    const result = saver(m)('evaluate')({ 'stage.0.score': 7, 'stage.1.evidence': 'maybe' });
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        'stage.0.score': 'Введите целую оценку от 1 до 5.',
        'stage.1.evidence': 'Выберите один из вариантов.',
      },
    });
    expect(m.wb.value(m.name, 'C20')).toBe('');
  });

  it('names a wrong field as the sidebar shows it after a colleague moved its stage', () => {
    const m = withMap();
    const save = saver(m)('evaluate');
    const first = m.stagesNow()[0]!;
    editStages({
      mapId: m.mapId,
      stageId: first.id,
      edit: { kind: 'move', index: 0, by: 1 },
      confirmed: false,
    });
    expect(save({ 'stage.0.score': 7 })).toEqual({
      ok: false,
      fieldErrors: { 'stage.0.score': 'Enter a whole score from 1 to 5.' },
    });
  });

  it('writes each value to its stage wherever a colleague moved it since the step was loaded', () => {
    const m = withMap();
    const save = saver(m)('touchpoints');
    const first = m.stagesNow()[0]!;
    editStages({
      mapId: m.mapId,
      stageId: first.id,
      edit: { kind: 'move', index: 0, by: 1 },
      confirmed: false,
    });
    expect(m.wb.value(m.name, 'D9')).toBe('Initial consideration');
    expect(save({ 'stage.0.touchpoints': 'Ads' }).ok).toBe(true);
    expect(m.wb.value(m.name, 'D13')).toBe('Ads');
    expect(m.wb.value(m.name, 'C13')).toBe('');
  });

  it('asks about a cell changed in the grid since the step was loaded instead of overwriting it', () => {
    const m = withMap();
    const save = saver(m)('barriers');
    m.wb.setCell(m.name, 'E16', 'No instalments');
    expect(save({ 'stage.2.barriers': 'Pushy sales', 'stage.3.drivers': 'Coach' })).toEqual({
      ok: false,
      conflicts: [
        {
          id: 'stage.2.barriers',
          label: 'Purchase: Barriers',
          sheet: 'No instalments',
          yours: 'Pushy sales',
        },
      ],
    });
    expect(m.wb.value(m.name, 'F18')).toBe('');
    expect(m.wb.value(m.name, 'E16')).toBe('No instalments');
  });

  it('names a clash by the field as shown, and its stage as the map names it now, after a move', () => {
    const m = withMap();
    const save = saver(m)('barriers');
    const purchase = m.stagesNow()[2]!;
    editStages({
      mapId: m.mapId,
      stageId: purchase.id,
      edit: { kind: 'move', index: 2, by: -1 },
      confirmed: false,
    });
    m.wb.setCell(m.name, 'D16', 'No instalments');
    expect(save({ 'stage.2.barriers': 'Pushy sales' })).toEqual({
      ok: false,
      conflicts: [
        {
          id: 'stage.2.barriers',
          label: 'Purchase: Barriers',
          sheet: 'No instalments',
          yours: 'Pushy sales',
        },
      ],
    });
  });

  it('names a clash on a side field by its label', () => {
    const m = withMap();
    const save = saver(m)('goal');
    m.wb.setCell(m.name, 'B5', 'More repeat orders');
    expect(save({ 'side.goal': 'More first orders' })).toEqual({
      ok: false,
      conflicts: [
        {
          id: 'side.goal',
          label: 'Goal of the map',
          sheet: 'More repeat orders',
          yours: 'More first orders',
        },
      ],
    });
  });

  it('says back what was typed for a stage a colleague removed meanwhile, and saves the rest', () => {
    const m = withMap();
    m.wb.setCell(m.name, 'G13', 'Old text');
    const save = saver(m)('touchpoints');
    const trigger = m.stagesNow()[4]!;
    m.wb.setCell(m.name, 'G13', '');
    editStages({
      mapId: m.mapId,
      stageId: trigger.id,
      edit: { kind: 'remove', index: 4 },
      confirmed: false,
    });
    expect(m.wb.value(m.name, 'G9')).toBe('Loyalty');
    const result = save({
      'stage.4.touchpoints': '',
      'stage.4.channels': 'Stories',
      'stage.3.channels': 'Mail',
      'stage.0.touchpoints': 'Ads',
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.state.notice).toBe(
      'Someone removed the stage "Trigger" while you edited it, so these values were not saved: Stories.',
    );
    expect(m.wb.value(m.name, 'C13')).toBe('Ads');
    expect(m.wb.value(m.name, 'F14')).toBe('Mail');
    expect(m.wb.value(m.name, 'G14')).toBe('');
  });

  it('joins every value typed for the stages removed meanwhile, stage by stage', () => {
    const m = withMap();
    const save = saver(m)('touchpoints');
    const [experience, trigger] = m.stagesNow().slice(3, 5);
    for (const stage of [trigger!, experience!])
      editStages({
        mapId: m.mapId,
        stageId: stage.id,
        edit: { kind: 'remove', index: 3 },
        confirmed: false,
      });
    const result = save({
      'stage.3.touchpoints': 'Mail',
      'stage.4.touchpoints': 'Push',
      'stage.4.channels': 'Stories',
    });
    expect(result.ok && result.state.notice).toBe(
      'Someone removed the stage "Experience" while you edited it, so these values were not saved: Mail. Someone removed the stage "Trigger" while you edited it, so these values were not saved: Push; Stories.',
    );
  });

  it('writes a date as a real date, shown in the map’s date format', () => {
    const m = withMap();
    // a format the user set on the cell is replaced by the map's date format
    m.map.getRange('B7').setNumberFormat('0.00');
    expect(saver(m)('present')({ 'side.reviewed': '2026-12-01' }).ok).toBe(true);
    expect(m.wb.value(m.name, 'B7')).toEqual(new Date('2026-12-01T00:00:00Z'));
    expect(m.wb.display(m.name, 'B7')).toBe('2026-12-01');
    expect(m.map.getRange('B7').getNumberFormat()).toBe('yyyy-mm-dd');
  });

  it('writes the whole review block with the first goal saved, on free rows under the footer', () => {
    const m = withMap();
    const result = saver(m)('goal')({
      'side.goal': 'More repeat orders',
      'side.revenueGoal': 400000,
      'side.goalDate': '2026-12-31',
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.state.notice).toBe('');
    expect(m.wb.value(m.name, 'B56')).toBe(400000);
    expect(m.wb.value(m.name, 'B57')).toEqual(new Date('2026-12-31T00:00:00Z'));
    expect(m.wb.value(m.name, 'B58')).toBe('monthly');
    expect(m.wb.value(m.name, 'B5')).toBe('More repeat orders');
    expect(result.state.view?.values['side.revenueGoal']).toBe(400000);
    // the second save writes the goal's cell alone
    expect(saver(m)('goal')({ 'side.revenueGoal': 500000 }).ok).toBe(true);
    expect(m.wb.value(m.name, 'B56')).toBe(500000);
    expect(m.wb.value(m.name, 'B57')).toEqual(new Date('2026-12-31T00:00:00Z'));
  });

  it('moves a user’s cells under the footer down whole for the review block, and says so', () => {
    const m = withMap();
    m.wb.setCell(m.name, 'B56', 'my note');
    const result = saver(m)('goal')({ 'side.revenueGoal': 400000 });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.state.notice).toBe(
      'The map took its review rows under the footer; your cells that were there moved down 10 rows, nothing was lost.',
    );
    expect(m.wb.value(m.name, 'B66')).toBe('my note');
    expect(m.wb.value(m.name, 'B56')).toBe(400000);
  });

  it('confirms guessed roles when the Stages step is saved, and only then', () => {
    const m = withMap('en_US', { preset: 'custom', stages: ['Ad', 'Visit', 'Buy'] });
    expect(m.load('stages').view?.rolesGuessed).toBe(true);
    saver(m)('touchpoints')({ 'stage.0.touchpoints': 'Ads' });
    expect(m.load('stages').view?.rolesGuessed).toBe(true);
    const result = saver(m)('stages')({ 'stage.0.job': 'Find a shop' });
    expect(result.ok && result.state.view?.rolesGuessed).toBe(false);
    expect(m.load('stages').view?.rolesGuessed).toBe(false);
    expect(String(m.wb.value(m.name, 'B24'))).not.toMatch(/^⚠/);
  });

  it('marks a stage whose marker was cleared when any step is saved', () => {
    const m = withMap();
    m.wb.setCell(m.name, 'C53', '');
    expect(saver(m)('touchpoints')({ 'stage.1.touchpoints': 'Ads' }).ok).toBe(true);
    expect(String(m.wb.value(m.name, 'C53'))).toMatch(/^CJM stage [a-z0-9]{4,12}$/);
  });
});
