/** The wizard form's pure logic (sidebar/wizard/*.ts): what inputs show, what a save sends. */
import { describe, expect, it } from 'vitest';
import type { Conflict, FieldView, StepId, StepPage, StepView } from '../../../../src/contract';
import { STEP_IDS } from '../../../../src/core/wizard/steps';
import { formatCell, formatNumber, formatShare } from '../../../../sidebar/wizard/format';
import {
  actionsToSave,
  editedRow,
  emptyAction,
  errorsOnFormRows,
  planChanged,
  rankedPlaces,
  reordered,
  sentRowsOf,
  topActions,
} from '../../../../sidebar/wizard/plan-rows';
import {
  applyConflictChoices,
  buildSaveRequest,
  carryDraft,
  draftFrom,
  fromInput,
  keepTypedSince,
  parseNumber,
  parseShare,
  remapFieldId,
  stepFields,
  toInput,
} from '../../../../sidebar/wizard/values';

const field = (id: string, kind: FieldView['kind'], options: string[] = []): FieldView => ({
  id,
  label: id,
  hint: '',
  kind,
  options,
});

function kpisView(over: Partial<StepView> = {}): StepView {
  const page: StepPage = { sideFields: [], stageFields: [], values: {}, help: '' };
  return {
    headers: ['Awareness', 'Purchase', 'Loyalty'],
    pages: Object.fromEntries(STEP_IDS.map((s) => [s, page])) as Record<StepId, StepPage>,
    step: 'kpis',
    mapId: 'AB12',
    sheetName: 'Parents — Gym',
    lang: 'en',
    stages: [
      { id: 'aware001', name: 'Awareness', role: 'L' },
      { id: 'purch002', name: 'Purchase', role: 'C' },
      { id: 'loyal003', name: 'Loyalty', role: 'Q' },
    ],
    sideFields: [field('side.avgCheck', 'money'), field('side.purchases', 'number')],
    // The server sends stage fields as templates (the row only); the sidebar repeats them per
    // stage.
    stageFields: [field('customers', 'number'), field('target', 'share')],
    values: {
      'side.avgCheck': 2000,
      'side.purchases': '',
      'stage.0.customers': 1000,
      'stage.0.target': '',
      'stage.1.customers': 50,
      'stage.1.target': 0.07,
      'stage.2.customers': '',
      'stage.2.target': '',
    },
    metrics: {
      leads: null,
      conversion: null,
      avgCheck: null,
      purchases: null,
      revenue: null,
      weakest: '',
      underTarget: [],
      lowScores: [],
      errors: [],
    },
    rolesGuessed: false,
    actions: [],
    statuses: ['Planned', 'Done'],
    help: 'How many customers reach each stage',
    ...over,
  };
}

describe('typing numbers and shares', () => {
  it('reads a share typed in percent: 12 and 12% mean 0.12', () => {
    expect(parseShare('12', 'en')).toBe(0.12);
    expect(parseShare('12%', 'en')).toBe(0.12);
    expect(parseShare(' 12,5 % ', 'ru')).toBe(0.125);
    expect(parseShare('7', 'en')).toBe(0.07);
    expect(parseShare('many', 'en')).toBeNull();
  });

  it('reads numbers the way people write them in each language', () => {
    expect(parseNumber('1 000', 'ru')).toBe(1000);
    expect(parseNumber('1\u00a0000,5', 'ru')).toBe(1000.5);
    expect(parseNumber('1,5', 'ru')).toBe(1.5);
    expect(parseNumber('1,000', 'en')).toBe(1000);
    expect(parseNumber('1,5', 'en')).toBe(1.5);
    expect(parseNumber('1,000.25', 'en')).toBe(1000.25);
    expect(parseNumber('1.000,25', 'ru')).toBe(1000.25);
    expect(parseNumber('12abc', 'en')).toBeNull();
  });

  it('shows a share as percent and sends back the fraction, without float noise', () => {
    expect(toInput(0.07, 'share', 'en')).toBe('7%');
    expect(toInput(0.125, 'share', 'ru')).toBe('12,5%');
    expect(fromInput('7%', 'share', 'en')).toBe(0.07);
    expect(toInput(1.5, 'number', 'ru')).toBe('1,5');
    expect(fromInput('1,5', 'number', 'ru')).toBe(1.5);
  });

  it('sends what is not a number as typed, for the server to explain', () => {
    expect(fromInput('lots', 'number', 'en')).toBe('lots');
    expect(fromInput('  ', 'money', 'en')).toBe('');
    expect(fromInput('3', 'score', 'en')).toBe(3);
  });

  it('shows an ISO timestamp as its date and keeps text a date input cannot show', () => {
    expect(toInput('2025-03-01T00:00:00.000Z', 'date', 'en')).toBe('2025-03-01');
    expect(toInput('2025-03-01', 'date', 'en')).toBe('2025-03-01');
  });
});

describe('a step save', () => {
  it('repeats the stage fields of the server for every stage', () => {
    expect(stepFields(kpisView()).map((f) => f.id)).toEqual([
      'side.avgCheck',
      'side.purchases',
      'stage.0.customers',
      'stage.0.target',
      'stage.1.customers',
      'stage.1.target',
      'stage.2.customers',
      'stage.2.target',
    ]);
  });

  it('sends every field of the step, typed values parsed and untouched ones exactly as loaded', () => {
    const view = kpisView();
    const draft = {
      ...draftFrom(stepFields(view), view.values, 'en'),
      'stage.2.customers': '20',
      'stage.0.target': '40%',
      'side.purchases': '1.5',
    };
    const req = buildSaveRequest(view, draft, view.values);
    expect(req).toEqual({
      mapId: 'AB12',
      step: 'kpis',
      base: view.values,
      values: {
        ...view.values,
        'stage.2.customers': 20,
        'stage.0.target': 0.4,
        'side.purchases': 1.5,
      },
      // the stages the form numbered, so the server puts each value in its stage wherever it is now
      stages: [
        { id: 'aware001', name: 'Awareness' },
        { id: 'purch002', name: 'Purchase' },
        { id: 'loyal003', name: 'Loyalty' },
      ],
    });
    // 0.07 shows as "7%" and, untouched, goes back as the very 0.07 the sheet holds.
    expect(req.values['stage.1.target']).toBe(0.07);
  });

  it('does not send fields of other steps even if the server sent more values', () => {
    const view = kpisView({ values: { ...kpisView().values, 'side.segment': 'Parents' } });
    const req = buildSaveRequest(view, draftFrom(stepFields(view), view.values, 'en'), view.values);
    expect(Object.keys(req.values)).not.toContain('side.segment');
  });
});

describe('conflicts', () => {
  const view = kpisView();
  const req = buildSaveRequest(
    view,
    {
      ...draftFrom(stepFields(view), view.values, 'en'),
      'stage.0.customers': '1200',
      'side.avgCheck': '2500',
    },
    view.values,
  );
  const conflicts: Conflict[] = [
    { id: 'stage.0.customers', label: 'Awareness: Customers', sheet: 1100, yours: 1200 },
    { id: 'side.avgCheck', label: 'P', sheet: 2100, yours: 2500 },
  ];

  it('retries with the sheet values as the base and the chosen value for each cell', () => {
    const retry = applyConflictChoices(req, conflicts, {
      'stage.0.customers': 'sheet',
      'side.avgCheck': 'mine',
    });
    expect(retry.base['stage.0.customers']).toBe(1100);
    expect(retry.values['stage.0.customers']).toBe(1100);
    expect(retry.base['side.avgCheck']).toBe(2100);
    expect(retry.values['side.avgCheck']).toBe(2500);
    // Other cells are untouched.
    expect(retry.values['stage.1.target']).toBe(0.07);
    expect(req.base['side.avgCheck']).toBe(2000);
  });
});

describe('what the user typed survives new states', () => {
  it('moves unsaved stage fields with their stage when stages are added, removed or moved', () => {
    expect(remapFieldId('stage.2.touchpoints', { kind: 'add', after: 0, name: '' })).toBe(
      'stage.3.touchpoints',
    );
    expect(remapFieldId('stage.0.touchpoints', { kind: 'add', after: 0, name: '' })).toBe(
      'stage.0.touchpoints',
    );
    expect(remapFieldId('stage.1.touchpoints', { kind: 'remove', index: 1 })).toBeNull();
    expect(remapFieldId('stage.2.touchpoints', { kind: 'remove', index: 1 })).toBe(
      'stage.1.touchpoints',
    );
    expect(remapFieldId('stage.1.x', { kind: 'move', index: 1, by: 1 })).toBe('stage.2.x');
    expect(remapFieldId('stage.2.x', { kind: 'move', index: 1, by: 1 })).toBe('stage.1.x');
    expect(remapFieldId('side.goal', { kind: 'remove', index: 0 })).toBe('side.goal');
  });

  it('keeps an unsaved entry on top of the sheet after a stage edit', () => {
    const before = kpisView();
    const fields = stepFields(before);
    const draft = { ...draftFrom(fields, before.values, 'en'), 'stage.1.customers': '60' };
    // The server added a stage after the first one: the Purchase stage is now stage 2.
    const after = kpisView({
      stages: [
        before.stages[0]!,
        { id: 'newst004', name: 'New stage', role: 'L' },
        ...before.stages.slice(1),
      ],
      values: {
        ...before.values,
        'stage.1.customers': '',
        'stage.1.target': '',
        'stage.2.customers': 50,
        'stage.2.target': 0.07,
        'stage.3.customers': '',
        'stage.3.target': '',
      },
    });
    const next = carryDraft({ fields, draft, base: before.values }, after, {
      kind: 'add',
      after: 0,
      name: '',
    });
    expect(next['stage.2.customers']).toBe('60');
    expect(next['stage.1.customers']).toBe('');
    expect(next['stage.2.target']).toBe('7%');
  });

  it('keeps what was typed while a save was in flight', () => {
    const sent = { a: 'x', b: 'y' };
    const now = { a: 'x', b: 'y2' };
    expect(keepTypedSince({ a: 'X', b: 'Y' }, sent, now)).toEqual({ a: 'X', b: 'y2' });
  });
});

describe('the action plan form', () => {
  const row = {
    ...emptyAction(['Planned']),
    action: ' Call back within an hour ',
    stage: 'Purchase',
    lever: 'C' as const,
    change: '+2 pp',
    impact: 5000,
  };

  it('drops blank rows and leaves the impact to the sheet', () => {
    expect(actionsToSave([row, emptyAction(['Planned'])])).toEqual([
      { ...row, action: 'Call back within an hour', impact: null },
    ]);
  });

  it('notices edits but not a blank row added and left empty', () => {
    expect(planChanged([row, emptyAction(['Planned'])], [row])).toBe(false);
    expect(planChanged([{ ...row, owner: 'Anna' }], [row])).toBe(true);
  });

  it('picks the top actions by revenue impact, unknown impact last', () => {
    const a = { ...row, action: 'a', impact: null };
    const b = { ...row, action: 'b', impact: 100 };
    const c = { ...row, action: 'c', impact: 300 };
    expect(topActions([a, b, c], 2).map((r) => r.action)).toEqual(['c', 'b']);
  });
});

describe('following the actions a save ranks', () => {
  const act = (action: string, change = '+10%') => ({
    ...emptyAction(['Planned']),
    action,
    lever: 'L' as const,
    change,
  });
  const [a, b, c] = [act('Ads'), act('Trial', '+2 pp'), act('Club', '+1000 ₽')];

  it("finds each sent row in the saved plan, by all its fields, else by its action (a colleague's edit merged in)", () => {
    expect(rankedPlaces([a!, b!, c!], [c!, a!, b!])).toEqual([1, 2, 0]);
    expect(rankedPlaces([a!, b!], [{ ...b!, owner: 'Anna' }, a!])).toEqual([1, 0]);
    // equal rows keep their order; a row a colleague removed is nowhere
    expect(rankedPlaces([a!, a!, b!], [a!, a!])).toEqual([0, 1, null]);
  });

  it('tells a new order from rows added around the same order', () => {
    expect(reordered([1, 2, 0])).toBe(true);
    expect(reordered([0, 1, 2])).toBe(false);
    // a colleague's row ranked between them: the user's rows are still in their order
    expect(reordered([0, 2, null])).toBe(false);
  });

  it('keeps the row the user typed in last, across removals above it', () => {
    const rows = [a!, b!, c!];
    const typed = rows.map((r, i) => (i === 1 ? { ...r, change: '+3 pp' } : r));
    expect(editedRow(rows, typed, null)).toBe(1);
    expect(
      editedRow(
        typed,
        typed.filter((_, i) => i !== 0),
        1,
      ),
    ).toBe(0);
    expect(
      editedRow(
        typed,
        typed.filter((_, i) => i !== 1),
        1,
      ),
    ).toBeNull();
    expect(
      editedRow(
        typed,
        typed.filter((_, i) => i !== 2),
        1,
      ),
    ).toBe(1);
    expect(editedRow(typed, [...typed, emptyAction(['Planned'])], 1)).toBe(1);
  });

  it('numbers the sent rows as the form shows them (blank rows are not sent)', () => {
    expect(sentRowsOf([emptyAction(['Planned']), a!, emptyAction(['Planned']), b!])).toEqual([
      1, 3,
    ]);
  });
});

describe('figures in the map language', () => {
  it('groups thousands with spaces and uses comma decimals in Russian', () => {
    expect(formatNumber('ru', 150000).replace(/\s/g, ' ')).toBe('150 000');
    expect(formatNumber('ru', 1234.5).replace(/\s/g, ' ')).toBe('1 234,5');
    expect(formatNumber('en', 150000)).toBe('150,000');
    expect(formatShare('en', 0.05)).toBe('5.0%');
    expect(formatCell(0.4, 'share', 'en')).toBe('40.0%');
    expect(formatCell('text', 'text', 'en')).toBe('text');
  });
});

describe('plan errors on the form', () => {
  it('lands an error on the row the user typed, whatever blank rows are above it', () => {
    const row = (change: string) => ({
      action: change ? 'Do it' : '',
      stage: '',
      lever: 'P' as const,
      change,
      owner: '',
      deadline: '',
      start: '',
      status: 'Planned',
      impact: null,
    });
    const rows = [row(''), row('+10%'), row(''), row('+2 pp')];
    expect(
      errorsOnFormRows(rows, { 'actions.1.change': 'Write the change like +10% or +2 pp.' }),
    ).toEqual({ 'actions.3.change': 'Write the change like +10% or +2 pp.' });
  });
});
