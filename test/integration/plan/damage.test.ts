/**
 * The action plan sheet after a user inserted or deleted rows or columns in it (as the hostile-use
 * test does): the plan is read from where its named header cell is now, the wizard shows every action,
 * a save keeps them all and lays the plan out again without writing over a user's cell, and a
 * plan whose shape can no longer be read is refused in words, in the map's language, never
 * written over.
 */
import { describe, expect, it } from 'vitest';
import type { ActionRow, SaveResult, WizardState } from '../../../src/contract';
import { ROW } from '../../../src/core/map/layout';
import { openSpreadsheet } from '../../support/addon';

type Action = Omit<ActionRow, 'impact'>;
const action = (name: string, owner: string, over: Partial<Action> = {}): Action => ({
  action: name,
  stage: '',
  lever: 'C',
  change: '+2 pp',
  owner,
  deadline: '',
  start: '',
  status: '',
  ...over,
});
/**
 * What a user typed into the plan: the texts the harness saw lost (a formula-like action, a "+"
 * owner).
 */
const TYPED = [
  action('=HYPERLINK("x/Tq5x")', '+Tq6x'),
  action('note Tq7x', 'note Tq8x', { lever: 'L', change: '+10%' }),
];

function planSession(locale: 'en_US' | 'ru_RU' = 'en_US') {
  const s = openSpreadsheet(locale);
  const sheet = s.newMap({ name: 'Coffee' });
  const mapId = String(s.wb.value(sheet, `A${ROW.footer}`)).split(' ')[2] ?? '';
  const call = <T>(name: string, req: unknown) => s.addon.callFromClient(name, req) as T;
  const load = () => call<WizardState>('loadStep', { mapId, step: 'plan' });
  const save = (actions: readonly Action[], base: readonly Action[]) =>
    call<SaveResult>('savePlan', { mapId, actions, base });
  const first = save(TYPED, []);
  if (!first.ok) throw new Error(JSON.stringify(first));
  const plan = s.wb.sheetNames().find((n) => n !== sheet && n.startsWith(sheet))!;
  /** Every text in the plan sheet, wherever it is. */
  const texts = () => s.wb.snapshot(plan).cells.map((c) => String(c.value ?? ''));
  const shown = () => (load().view?.actions ?? []).map(({ impact: _impact, ...a }) => a);
  return { s, sheet, mapId, plan, call, load, save, texts, shown };
}

const names = (actions: readonly Action[]) => actions.map((a) => a.action).sort();
const userTexts = TYPED.flatMap((a) => [a.action, a.owner]);
const ADDED = action('Call back every lead', 'Anna');

/** The wizard shows the typed plan, saves it with one action more, and every text typed stays. */
function addOneAction(p: ReturnType<typeof planSession>): void {
  const loaded = p.shown();
  expect(names(loaded)).toEqual(names(TYPED));
  const saved = p.save([...loaded, ADDED], loaded);
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  for (const text of [...userTexts, ADDED.action, ADDED.owner]) expect(p.texts()).toContain(text);
}

/**
 * The plan laid out from its header row `header`: its three actions under the header, their total
 * under them, and the wizard shows the same three.
 */
function expectPlanUnder(p: ReturnType<typeof planSession>, header: number): void {
  const all = names([...TYPED, ADDED]);
  expect(p.s.wb.value(p.plan, `B${header}`)).toBe('Action');
  const listed = p.s.wb.values(p.plan, `B${header + 1}:B${header + 3}`).map((r) => r[0]);
  expect(listed.sort()).toEqual(all);
  expect(p.s.wb.value(p.plan, `A${header + 4}`)).toBe('Impact of the plan, all actions together');
  expect(names(p.shown())).toEqual(all);
}

describe('rows deleted above the plan header', () => {
  it.each([
    ['rows 1–2 (the title and the note)', 1, 2],
    ['row 1 (the title)', 1, 1],
    ['row 2 (the note)', 2, 1],
  ])(
    '%s: the wizard shows every action, and the next save keeps them all, laid out again',
    (_what, at, n) => {
      const p = planSession();
      p.s.wb.setCell(p.plan, 'K5', 'my remark');
      p.s.wb.deleteRows(p.plan, at, n);
      addOneAction(p);
      // the title and the note are back above the header, which is row 3 again; a remark right of
      // the plan moved back with it
      expect(p.s.wb.value(p.plan, 'A1')).toBe('Action plan: Coffee');
      expectPlanUnder(p, 3);
      expect(p.s.wb.value(p.plan, 'A2')).toMatch(/^\S/);
      expect(p.s.wb.value(p.plan, 'K5')).toBe('my remark');
      expect(p.s.wb.snapshot(p.plan).frozenRows).toBe(3);
    },
  );

  it('a sidebar that loaded the plan before the rows went saves after: its edit lands and nothing is lost', () => {
    const p = planSession();
    p.s.wb.deleteRows(p.plan, 1, 2);
    const before = TYPED;
    const saved = p.save([{ ...before[0]!, owner: 'Olga' }, before[1]!, action('1,5', '')], before);
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    expect(
      p
        .shown()
        .map((a) => [a.action, a.owner])
        .sort(),
    ).toEqual(
      [
        ['1,5', ''],
        [TYPED[0]!.action, 'Olga'],
        [TYPED[1]!.action, TYPED[1]!.owner],
      ].sort(),
    );
  });
});

describe('rows inserted above the plan header', () => {
  it('the header row is not read as an action, and what the user typed in the new rows stays', () => {
    const p = planSession();
    p.s.wb.insertRows(p.plan, 1, 2);
    p.s.wb.setCell(p.plan, 'B1', 'Approved by Olga');
    // one more row between the note (row 4 now) and the header
    p.s.wb.insertRows(p.plan, 5, 1);
    p.s.wb.setCell(p.plan, 'A5', 'Budget: 10k');
    p.s.wb.setCell(p.plan, 'K5', 'ask Ivan');
    addOneAction(p);
    expect([
      p.s.wb.value(p.plan, 'B1'),
      p.s.wb.value(p.plan, 'A5'),
      p.s.wb.value(p.plan, 'K5'),
    ]).toEqual(['Approved by Olga', 'Budget: 10k', 'ask Ivan']);
    // the plan stays under its header, where the user moved it; the title block above is theirs now
    expect(p.s.wb.value(p.plan, 'A3')).toBe('Action plan: Coffee');
    expectPlanUnder(p, 6);
  });

  it('Rename map renames the plan and its title where the title is now, never a cell the user typed in', () => {
    const p = planSession();
    // two rows in between: the title moved down to A3 with the header (row 5)
    p.s.wb.insertRows(p.plan, 1, 2);
    p.s.wb.setCell(p.plan, 'A1', 'Approved by Olga');
    p.s.select(p.sheet, 'A1');
    p.s.run('renameMap');
    p.s.answerDialog({ name: 'Coffee beans' });
    const plan = p.s.wb
      .sheetNames()
      .find((n) => n.startsWith('Coffee beans') && n !== 'Coffee beans')!;
    expect(plan).toBe('Coffee beans · plan');
    expect([p.s.wb.value(plan, 'A1'), p.s.wb.value(plan, 'A3'), p.s.wb.value(plan, 'B5')]).toEqual([
      'Approved by Olga',
      'Action plan: Coffee beans',
      'Action',
    ]);
    // a title the user replaced with their own text is theirs: the rename leaves it
    p.s.wb.setCell(plan, 'A3', 'Q3 plan, agreed');
    p.s.run('renameMap');
    p.s.answerDialog({ name: 'Coffee' });
    expect(p.s.wb.value('Coffee · plan', 'A3')).toBe('Q3 plan, agreed');
  });

  it('a shorter plan saved under a moved header blanks its old rows, and its impacts are computed where they are', () => {
    const p = planSession();
    p.s.wb.insertRows(p.plan, 1, 1);
    const loaded = p.shown();
    const saved = p.save([loaded.find((a) => a.action === 'note Tq7x')!], loaded);
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    // header row 4, the action in row 5, the totals in rows 6–8, nothing left of the second action
    // or the old totals
    expect(p.s.wb.values(p.plan, 'B4:B5').map((r) => r[0])).toEqual(['Action', 'note Tq7x']);
    expect(p.s.wb.values(p.plan, 'A6:A9').map((r) => r[0])).toEqual([
      'Impact of the plan, all actions together',
      'Revenue now',
      'Revenue after the plan, all actions together',
      '',
    ]);
    expect(p.texts()).not.toContain(TYPED[0]!.action);
    // the rank, the impact and the totals refer to the rows they are in now
    expect(p.s.wb.formula(p.plan, 'A5')).toBe(
      '=IF(ISNUMBER(J5),COUNTIF($J$5:$J$5,">"&(J5+ABS(J5)/1000000000))+COUNTIF($J$5:J5,">="&(J5-ABS(J5)/1000000000))-COUNTIF($J$5:J5,">"&(J5+ABS(J5)/1000000000)),"")',
    );
    // (and the map's rows of stage names, roles and counts, from column B to the one after the last
    // stage, for an action on a step)
    expect(p.s.wb.formula(p.plan, 'J5')).toMatch(
      /^=CJM_IMPACT\(CJM_\w+_L,CJM_\w+_C,CJM_\w+_P,CJM_\w+_Q,D5:D5,E5:E5,TRUE\(\),C5:C5,Coffee!\$B\$9:\$I\$9,Coffee!\$B\$24:\$I\$24,Coffee!\$B\$25:\$I\$25\)$/,
    );
    // the total together is the formula's last row, spilled into J6
    expect([p.s.wb.formula(p.plan, 'J6'), p.s.wb.formula(p.plan, 'J8')]).toEqual([
      '',
      '=IF(AND(ISNUMBER(J6),ISNUMBER(J7)),J7+J6,"")',
    ]);
    expect(p.s.wb.value(p.plan, 'J6')).toBe(p.s.wb.value(p.plan, 'J5'));
  });
});

describe('a plan sheet whose shape cannot be read is refused in words, not written over', () => {
  it.each([
    [
      'its header row was deleted',
      (p: ReturnType<typeof planSession>) => p.s.wb.deleteRows(p.plan, 3, 1),
      /header row of the action plan \(sheet "Coffee · plan"\) was deleted/,
    ],
    [
      'a column was inserted before column A',
      (p: ReturnType<typeof planSession>) => p.s.wb.insertColumns(p.plan, 1, 1),
      /columns of the action plan \(sheet "Coffee · plan"\) were changed/,
    ],
    [
      'a column inside the plan was deleted',
      (p: ReturnType<typeof planSession>) => p.s.wb.deleteColumns(p.plan, 'F', 1),
      /columns of the action plan \(sheet "Coffee · plan"\) were changed/,
    ],
    [
      'a column was inserted inside the plan',
      (p: ReturnType<typeof planSession>) => p.s.wb.insertColumns(p.plan, 'C', 1),
      /columns of the action plan \(sheet "Coffee · plan"\) were changed/,
    ],
    [
      'a column was inserted inside the plan and named, with a note under it',
      (p: ReturnType<typeof planSession>) => {
        p.s.wb.insertColumns(p.plan, 'G', 1);
        p.s.wb.setCell(p.plan, 'G3', 'Comment');
        p.s.wb.setCell(p.plan, 'G4', 'needs legal');
      },
      /columns of the action plan \(sheet "Coffee · plan"\) were changed/,
    ],
    [
      "a column inside the plan was deleted while a label of the user's sits right of it",
      (p: ReturnType<typeof planSession>) => {
        p.s.wb.setCell(p.plan, 'K3', 'Budget');
        p.s.wb.deleteColumns(p.plan, 'F', 1);
      },
      /columns of the action plan \(sheet "Coffee · plan"\) were changed/,
    ],
  ])('%s: the wizard says so, and a save writes nothing', (_what, damage, message) => {
    const p = planSession();
    damage(p);
    const sheets = p.s.wb.sheetNames();
    const before = JSON.stringify(p.s.wb.snapshot(p.plan));
    const state = p.load();
    expect(state.problem).toMatch(message);
    expect(() => p.save([ADDED], state.view?.actions ?? [])).toThrow(message);
    expect(p.s.wb.sheetNames()).toEqual(sheets);
    expect(JSON.stringify(p.s.wb.snapshot(p.plan))).toBe(before);
  });

  it('in Russian on a Russian map, saying how to fix it', () => {
    const p = planSession('ru_RU');
    p.s.wb.deleteRows(p.plan, 3, 1);
    const message =
      /^Строку заголовков плана действий \(лист «Coffee · план»\) удалили.*Отмените удаление \(Ctrl\+Z\)/;
    expect(p.load().problem).toMatch(message);
    expect(() => p.save([action('Перезвонить', 'Анна')], [])).toThrow(message);
  });
});

describe('the cost of a plan save', () => {
  it("an undamaged plan: the plan step loads in 3 round trips and saves in 5 (the map, the plan sheet's extent and values, the protection check, the flush of the writes)", () => {
    const p = planSession();
    p.s.wb.calls.reset();
    const loaded = p.shown();
    expect(p.s.wb.calls.roundTrips).toBeLessThanOrEqual(3);
    p.s.wb.calls.reset();
    const saved = p.save([...loaded, ADDED], loaded);
    expect(saved.ok).toBe(true);
    expect(p.s.wb.calls.roundTrips).toBeLessThanOrEqual(5);
    // (4 of them point the plan's named total, which the portfolio reads, at its row now; one
    // setColumnWidths per run of equal widths, the status column sized apart so a status is never
    // split; 5 ask whether a colleague protected the plan sheet: its size, the range, canEdit)
    expect(p.s.wb.calls.total).toBeLessThanOrEqual(63);
  });
});
