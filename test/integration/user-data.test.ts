/**
 * What the add-on promises about a user's data, each test a way it could be lost or written over:
 * text stays text whatever the cell's format, stage edits keep what was typed
 * into the template's blank cells, structural damage is named instead of written over, a map
 * is written only on its own sheet, and colleagues' moves never redirect a save.
 */
import { describe, expect, it } from 'vitest';
import type { SaveResult, WizardState } from '../../src/contract';
import { a1, FIRST_STAGE_COL, ROW } from '../../src/core/map/layout';
import { openSpreadsheet, type Session } from '../support/addon';
import { planAction } from '../support/journeys';

const col = (i: number) => a1(1, FIRST_STAGE_COL + i).replace(/\d+$/, '');

function mapSession(locale = 'en_US') {
  const s = openSpreadsheet(locale);
  const sheet = s.newMap({ name: 'Coffee' });
  const mapId = String(s.wb.value(sheet, `A${ROW.footer}`)).split(' ')[2] ?? '';
  const call = <T>(name: string, req: unknown) => s.addon.callFromClient(name, req) as T;
  const load = (step: string) => call<WizardState>('loadStep', { mapId, step }).view!;
  return { s, sheet, mapId, call, load };
}

/**
 * Every cell of the sheet as [A1, value, formula], to compare before and after a refused command.
 */
function cells(s: Session, sheet: string) {
  const snap = s.wb.snapshot(sheet);
  return JSON.stringify(snap);
}

describe('text a user gives stays text, whatever the cell format is now', () => {
  const hostile = [
    '=IMPORTXML("http://x","//a")',
    '+1',
    '-x',
    '@a',
    '2026-01-01',
    'TRUE',
    "'quoted",
    '1,5',
  ];

  it('a wizard save into cells whose format was cleared', () => {
    const { s, sheet, mapId, call, load } = mapSession('ru_RU');
    s.wb.clearFormat(sheet, `A1:${col(5)}${ROW.footer}`);
    const view = load('goal');
    const values = {
      ...view.values,
      'side.goal': hostile[0],
      'side.product': hostile[1],
      'side.segment': hostile[2],
    };
    const result = call<SaveResult>('saveStep', {
      mapId,
      step: 'goal',
      values,
      base: view.values,
      stages: view.stages,
    });
    expect(result).toMatchObject({ ok: true });
    expect([ROW.goal, ROW.product, ROW.segment].map((r) => s.wb.formula(sheet, `B${r}`))).toEqual([
      '',
      '',
      '',
    ]);
    expect([ROW.goal, ROW.product, ROW.segment].map((r) => s.wb.value(sheet, `B${r}`))).toEqual([
      hostile[0],
      hostile[1],
      hostile[2],
    ]);
  });

  it('stage names and every hostile string, through a stage step, after the columns were cleared', () => {
    const { s, sheet, mapId, call, load } = mapSession();
    s.wb.clearFormat(sheet, `C1:${col(5)}${ROW.footer}`);
    const view = load('stages');
    const values = {
      ...view.values,
      'stage.0.header': '=HYPERLINK("http://x","y")',
      ...Object.fromEntries(hostile.map((h, i) => [`stage.${i % 6}.job`, h])),
    };
    const result = call<SaveResult>('saveStep', {
      mapId,
      step: 'stages',
      values,
      base: view.values,
      stages: view.stages,
    });
    expect(result).toMatchObject({ ok: true });
    expect(s.wb.value(sheet, `C${ROW.header}`)).toBe('=HYPERLINK("http://x","y")');
    expect(s.wb.formula(sheet, `C${ROW.header}`)).toBe('');
    for (let i = 0; i < 6; i++) expect(s.wb.formula(sheet, `${col(i)}${ROW.job}`)).toBe('');
  });

  it('Rename map, after Format → Clear formatting', () => {
    const { s, sheet } = mapSession();
    s.wb.clearFormat(sheet, 'B1');
    s.select(sheet, 'C12');
    s.run('renameMap');
    s.answerDialog({ name: '=IMPORTXML("http://x","//a")' });
    const renamed = s.wb.sheetNames().find((n) => n.startsWith('=IMPORTXML'))!;
    expect(s.wb.formula(renamed, 'B1')).toBe('');
    expect(s.wb.value(renamed, 'B1')).toBe('=IMPORTXML("http://x","//a")');
  });
});

describe('renaming a map', () => {
  it('renames its action plan sheet and title too', () => {
    const { s, sheet, mapId, call } = mapSession();
    call('savePlan', {
      mapId,
      actions: [planAction('Call back', 'C', '+2 pp')],
      base: [],
    });
    s.select(sheet, 'C12');
    s.run('renameMap');
    s.answerDialog({ name: 'Tea' });
    expect(s.wb.sheetNames()).toContain('Tea');
    const plan = s.wb.sheetNames().find((n) => n.startsWith('Tea') && n !== 'Tea')!;
    expect(plan).toBeTruthy();
    expect(String(s.wb.value(plan, 'A1'))).toContain('Tea');
  });
});

describe('stage edits keep what was typed into the blank cells the template owns', () => {
  const notes = (i: number) =>
    [
      [`${col(i)}${ROW.kpiSection}`, `kpi note ${i}`],
      [`${col(i)}${ROW.curve}`, `curve note ${i}`],
      [`${col(i)}${ROW.personaAge}`, `card note ${i}`],
      [`${col(i)}${ROW.cardSection}`, `section note ${i}`],
    ] as const;

  it('through add, move and remove of other stages, each note stays under its stage', () => {
    const { s, sheet } = mapSession();
    for (let i = 0; i < 6; i++)
      for (const [cell, text] of notes(i)) s.wb.setCell(sheet, cell, text);
    const where = () => {
      const out: Record<string, string> = {};
      for (let c = 0; c < 8; c++) {
        const stage = String(s.wb.value(sheet, `${col(c)}${ROW.header}`));
        for (const row of [ROW.kpiSection, ROW.curve, ROW.personaAge, ROW.cardSection]) {
          const v = String(s.wb.value(sheet, `${col(c)}${row}`) ?? '');
          if (v.includes('note')) out[v] = stage;
        }
      }
      return out;
    };
    const before = where();
    expect(Object.keys(before)).toHaveLength(24);
    s.select(sheet, `D${ROW.header}`);
    s.run('addStage');
    s.select(sheet, `C${ROW.header}`);
    s.run('moveStageRight');
    expect(where()).toEqual(before);
    // removing a stage whose only content is a note asks first, and takes only that stage's notes
    s.select(sheet, `H${ROW.header}`);
    s.run('removeStage');
    expect(s.dialog()?.frameTitle).toBe('Remove the stage "Trigger"?');
    expect(s.answerDialog('YES')).toEqual({ ok: true });
    const after = where();
    const lost = Object.keys(before).filter((k) => !(k in after));
    expect(lost.sort()).toEqual(
      notes(4)
        .map(([, t]) => t)
        .sort(),
    );
    for (const [k, stage] of Object.entries(after)) expect(stage).toBe(before[k]);
  });
});

describe('structural damage is named, and nothing is written', () => {
  it.each([
    [
      'a column inserted between the labels and the values',
      (s: Session, sheet: string) => s.wb.insertColumns(sheet, 'B'),
      /a column was inserted at column B/,
    ],
    [
      'column B deleted',
      (s: Session, sheet: string) => s.wb.deleteColumns(sheet, 'B'),
      /column B \(the map's name, segment, P and Q\) was deleted/,
    ],
    [
      'a column inserted before column A',
      (s: Session, sheet: string) => s.wb.insertColumns(sheet, 'A'),
      /a column was inserted before column A: the row labels are now in column B/,
    ],
    [
      'an unnamed column inserted among the stages',
      (s: Session, sheet: string) => s.wb.insertColumns(sheet, 'E'),
      /column E inside the map holds no stage/,
    ],
  ])('%s', (_, damage, message) => {
    const { s, sheet } = mapSession();
    damage(s, sheet);
    const before = cells(s, sheet);
    for (const command of ['addStage', 'removeStage', 'moveStageRight']) {
      s.select(sheet, 'F12');
      s.run(command);
      expect(s.wb.ui.requests.at(-1)?.request.prompt).toMatch(message);
    }
    expect(cells(s, sheet)).toBe(before);
  });

  it('a note typed in the header row right of the map is not a stage', () => {
    const { s, sheet, load } = mapSession();
    s.wb.setCell(sheet, `J${ROW.header}`, 'ask the sales team');
    s.select(sheet, `H${ROW.header}`);
    s.run('addStage');
    expect(load('stages').stages.map((st) => st.name)).toHaveLength(7);
    // the new stage went in after H, so the note moved one column right, and stays a note
    expect(s.wb.value(sheet, `K${ROW.header}`)).toBe('ask the sales team');
    expect(s.wb.formula(sheet, `K${ROW.step}`)).toBe('');
    expect(s.wb.value(sheet, `K${ROW.footer}`)).toBe('');
  });

  it('a stage column the user inserted and named is adopted as a stage, and gets its marker on the next write', () => {
    const { s, sheet, load } = mapSession();
    s.wb.insertColumns(sheet, 'E');
    s.wb.setCell(sheet, `E${ROW.header}`, 'Call back');
    expect(load('stages').stages.map((st) => st.name)[2]).toBe('Call back');
    s.select(sheet, `H${ROW.header}`);
    s.run('moveStageLeft');
    expect(String(s.wb.value(sheet, `E${ROW.footer}`))).toMatch(/^CJM stage [a-z0-9]+$/);
  });
});

describe('found by the hostile-use test', () => {
  it('a colleague typing into a stage while its removal is being confirmed means asking again (menu and wizard)', () => {
    const { s, sheet, mapId, call, load } = mapSession();
    s.wb.setCell(sheet, `C${ROW.target}`, "'+1");
    s.select(sheet, `C${ROW.target}`);
    s.run('removeStage');
    expect(s.dialog()?.frameTitle).toMatch(/Remove the stage/);
    s.wb.setCell(sheet, `C${ROW.target}`, 'typed meanwhile');
    expect(s.answerDialog('YES')).toEqual({
      ok: false,
      message:
        'The map changed while you were deciding (someone edited it). Nothing was changed; try again.',
    });
    expect(s.wb.value(sheet, `C${ROW.target}`)).toBe('typed meanwhile');
    const view = load('stages');
    const ask = call<{ ok: false; token: string }>('editStages', {
      mapId,
      edit: { kind: 'remove', index: 0 },
      stageId: view.stages[0]?.id,
      confirmed: false,
    });
    s.wb.setCell(sheet, `C${ROW.target}`, 'typed again');
    expect(
      call('editStages', {
        mapId,
        edit: { kind: 'remove', index: 0 },
        stageId: view.stages[0]?.id,
        confirmed: true,
        token: ask.token,
      }),
    ).toMatchObject({ ok: false, confirm: expect.any(String) });
    expect(s.wb.value(sheet, `C${ROW.target}`)).toBe('typed again');
  });

  it('a stage whose marker cell a user typed over: stage edits refuse and name the cell; saves still land under that stage', () => {
    const { s, sheet, mapId, call, load } = mapSession();
    s.wb.setCell(sheet, `C${ROW.footer}`, 'my note');
    const before = cells(s, sheet);
    s.select(sheet, `D${ROW.header}`);
    s.run('moveStageLeft');
    expect(s.wb.ui.requests.at(-1)?.request.prompt).toMatch(
      new RegExp(
        `Cell C${ROW.footer} should hold the marker of the stage "Initial consideration".*"my note"`,
      ),
    );
    const view = load('stages');
    expect(
      call('editStages', {
        mapId,
        edit: { kind: 'add', after: 0, name: '' },
        stageId: view.stages[0]?.id,
        confirmed: false,
      }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/should hold the marker/) });
    expect(cells(s, sheet)).toBe(before);
    const saved = call<SaveResult>('saveStep', {
      mapId,
      step: 'stages',
      values: { ...view.values, 'stage.0.actions': 'hello' },
      base: view.values,
      stages: view.stages,
    });
    expect(saved).toMatchObject({ ok: true, state: { notice: '' } });
    expect(s.wb.value(sheet, `C${ROW.actions}`)).toBe('hello');
  });

  it('text typed over a role dropdown is shown in the wizard, so a save never replaces what the user did not see', () => {
    const { s, sheet, load } = mapSession();
    s.wb.setCell(sheet, `C${ROW.role}`, '@ask Anna');
    expect(load('stages').values['stage.0.role']).toBe('@ask Anna');
  });

  it('a Russian map with a row inserted above it, in an English spreadsheet: refused in Russian, naming the row', () => {
    const { s, call } = mapSession();
    const made = call<{ ok: true; sheetName: string; mapId: string }>('createMap', {
      name: 'Карта',
      segment: 'a',
      product: 'b',
      preset: 'checklist6',
      stages: [],
      lang: 'ru',
      locale: 'ru_RU',
      example: false,
    });
    s.wb.insertRows(made.sheetName, 1);
    expect(() => call('loadStep', { mapId: made.mapId, step: 'goal' })).toThrow(
      /^Этот лист — не карта CJM или повреждён: в строке 1 должно быть «Карта пути клиента», а стоит «»/,
    );
  });
});

describe('a map is written only where it is', () => {
  it('a deleted map: the wizard says so, in words, for that map only', () => {
    const { s, sheet, mapId, call } = mapSession();
    const other = s.newMap({ name: 'Tea' });
    s.wb.deleteSheet(sheet);
    expect(() => call('loadStep', { mapId, step: 'goal' })).toThrow(
      /This map is no longer in the spreadsheet/,
    );
    s.select(other, 'C12');
    s.run('showWizard');
    expect(s.wb.ui.surfaces.at(-1)?.html).toContain('Tea');
  });

  it("a map whose named cells point at another map's sheet is refused before anything is written", () => {
    const { s, sheet } = mapSession();
    const b = s.newMap({ name: 'Tea' });
    const idB = String(s.wb.value(b, `A${ROW.footer}`)).split(' ')[2] ?? '';
    // someone re-pointed map B's named cells at map A's sheet
    s.wb.pointName(`CJM_${idB}_REVENUE`, sheet, `B${ROW.revenue}`);
    const before = cells(s, sheet);
    const call = (name: string, req: unknown) => () => s.addon.callFromClient(name, req);
    expect(call('loadStep', { mapId: idB, step: 'goal' })).toThrow(
      /named cells point to the sheet "Coffee", which holds another map/,
    );
    expect(
      call('saveStep', {
        mapId: idB,
        step: 'goal',
        values: { 'side.goal': 'x' },
        base: { 'side.goal': '' },
        stages: [],
      }),
    ).toThrow(/named cells point to the sheet "Coffee", which holds another map/);
    expect(
      call('editStages', {
        mapId: idB,
        edit: { kind: 'add', after: 0, name: '' },
        stageId: 'abcdefgh',
        confirmed: false,
      }),
    ).toThrow(/named cells point to the sheet "Coffee", which holds another map/);
    expect(cells(s, sheet)).toBe(before);
  });
});

describe('colleagues', () => {
  it('a save lands under the stage the user saw, after a colleague moved stages between load and save', () => {
    const { s, sheet, mapId, call, load } = mapSession();
    const view = load('barriers');
    // the colleague moves the first stage to the right, and adds one before Purchase
    s.select(sheet, `C${ROW.header}`);
    s.run('moveStageRight');
    s.select(sheet, `D${ROW.header}`);
    s.run('addStage');
    const values = {
      ...view.values,
      'stage.0.barriers': 'for the first stage',
      'stage.2.barriers': 'for Purchase',
    };
    const result = call<SaveResult>('saveStep', {
      mapId,
      step: 'barriers',
      values,
      base: view.values,
      stages: view.stages,
    });
    expect(result.ok).toBe(true);
    const under = (text: string) => {
      for (let c = 0; c < 8; c++)
        if (s.wb.value(sheet, `${col(c)}${ROW.barriers}`) === text)
          return s.wb.value(sheet, `${col(c)}${ROW.header}`);
      return null;
    };
    expect(under('for the first stage')).toBe(view.stages[0]?.name);
    expect(under('for Purchase')).toBe(view.stages[2]?.name);
  });

  it('a value for a stage a colleague removed is not written elsewhere, and the user is told what was not saved', () => {
    const { s, sheet, mapId, call, load } = mapSession();
    const view = load('barriers');
    s.select(sheet, `D${ROW.header}`);
    s.run('removeStage');
    const values = { ...view.values, 'stage.1.barriers': 'typed for the removed stage' };
    const result = call<SaveResult>('saveStep', {
      mapId,
      step: 'barriers',
      values,
      base: view.values,
      stages: view.stages,
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.state.notice).toBe(
      `Someone removed the stage "${view.stages[1]?.name}" while you edited it, so these values were not saved: typed for the removed stage.`,
    );
    for (let c = 0; c < 6; c++) expect(s.wb.value(sheet, `${col(c)}${ROW.barriers}`)).toBe('');
  });

  it('a removal confirmed for one stage never removes another after a colleague moved them', () => {
    const { s, sheet, mapId, call, load } = mapSession();
    s.wb.setCell(sheet, `E${ROW.barriers}`, 'Queue');
    const view = load('stages');
    const ask = call<{ ok: false; confirm: string; token: string }>('editStages', {
      mapId,
      edit: { kind: 'remove', index: 2 },
      stageId: view.stages[2]?.id,
      confirmed: false,
    });
    expect(ask.confirm).toContain(view.stages[2]?.name);
    s.select(sheet, `E${ROW.header}`);
    s.run('moveStageLeft');
    const done = call<{ ok: true; state: WizardState }>('editStages', {
      mapId,
      edit: { kind: 'remove', index: 2 },
      stageId: view.stages[2]?.id,
      confirmed: true,
      token: ask.token,
    });
    expect(done.state.view?.stages.map((st) => st.name)).toEqual(
      view.stages.filter((_, i) => i !== 2).map((st) => st.name),
    );
  });
});

describe('the action plan, saved over a colleague', () => {
  const action = (over: object = {}) => ({
    action: 'Instalments',
    stage: 'Purchase',
    lever: 'C',
    change: '+2 pp',
    owner: 'Anna',
    deadline: '',
    status: 'Planned',
    impact: null,
    ...over,
  });

  it("merges the colleague's status and new row, and asks when both changed the same cell", () => {
    const { s, mapId, call, load } = mapSession();
    const saved = call<SaveResult>('savePlan', { mapId, actions: [action()], base: [] });
    expect(saved.ok).toBe(true);
    const base = load('plan').actions;
    const planSheet = s.wb.sheetNames().find((n) => n.endsWith('plan'))!;
    // the colleague marks the action done and adds one of their own, in the plan sheet
    s.wb.setCell(planSheet, 'H4', 'Done');
    s.wb.setCell(planSheet, 'B5', 'Call back every lead');
    const merged = call<SaveResult>('savePlan', {
      mapId,
      actions: [action({ owner: 'Ivan' })],
      base,
    });
    if (!merged.ok) throw new Error(JSON.stringify(merged));
    expect(load('plan').actions.map((a) => [a.action, a.owner, a.status])).toEqual([
      ['Instalments', 'Ivan', 'Done'],
      ['Call back every lead', '', ''],
    ]);
    // now both change the owner: the user is asked, nothing is written
    const base2 = load('plan').actions;
    s.wb.setCell(planSheet, 'F4', 'Olga');
    const clash = call<SaveResult>('savePlan', {
      mapId,
      actions: [action({ owner: 'Petr', status: 'Done' }), base2[1]!],
      base: base2,
    });
    expect(clash).toEqual({
      ok: false,
      conflicts: [
        { id: 'actions.0.owner', label: 'Instalments: Owner', sheet: 'Olga', yours: 'Petr' },
      ],
    });
    expect(s.wb.value(planSheet, 'F4')).toBe('Olga');
  });
});

describe('payloads', () => {
  it('createMap with the language as an object gets a field error, not a crash', () => {
    const { call } = mapSession();
    const result = call<{ ok: false; fieldErrors: Record<string, string> }>('createMap', {
      name: 'x',
      segment: '',
      product: '',
      preset: 'checklist6',
      stages: [],
      lang: { ru: true },
      locale: 'en_US',
      example: false,
    });
    expect(result).toEqual({ ok: false, fieldErrors: { lang: 'Pick one of the options.' } });
  });

  it("a map id with anything before or after it is no map's id: refused, nothing read or written", () => {
    const { s, mapId } = mapSession();
    s.wb.calls.reset();
    for (const id of [`x${mapId}`, `${mapId}!`, ` ${mapId}`])
      expect(() => s.addon.callFromClient('loadStep', { mapId: id, step: 'goal' }), id).toThrow(
        'The form could not be read: these fields are missing or malformed: mapId.',
      );
    // (the spreadsheet's locale, to answer in its language, is all it asked Sheets)
    expect(s.wb.calls.roundTrips).toBe(0);
    expect(s.addon.callFromClient('loadStep', { mapId, step: 'goal' })).toMatchObject({
      view: { step: 'goal' },
    });
  });

  it('a malformed call on a Russian map is refused in Russian, naming the field', () => {
    const { s, mapId } = mapSession('ru_RU');
    expect(() =>
      s.addon.callFromClient('saveStep', {
        mapId,
        step: 'goal',
        values: {},
        base: {},
        stages: 'all',
      }),
    ).toThrow(
      'Не удалось прочитать форму: эти поля отсутствуют или заполнены неверно: stages. Откройте её заново и повторите.',
    );
  });
});
