import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { namedRangeName } from '../../../../src/core/map/layout';
import type { WriteCell } from '../../../../src/core/map/plan';
import { t } from '../../../../src/core/words/i18n';
import {
  type ActionInput,
  deadlineCell,
  isPlanTitle,
  leverCell,
  PLAN_COLUMNS,
  PLAN_LAYOUTS,
  planHeaderLabels,
  planLayoutOf,
  planLever,
  planLeverChoices,
  planRows,
  planSheetGrid,
  planStatuses,
  rankActions,
  readActions,
} from '../../../../src/core/wizard/action-plan';

describe('ranking the plan', () => {
  it('largest impact first; equal impacts in the order listed, so ranks are distinct; unknown last', () => {
    const a = (action: string, impact: number | null) => ({ action, impact });
    const plan = [a('x', 10), a('tie 1', 50), a('none', null), a('top', 90), a('tie 2', 50)];
    expect(rankActions(plan).map((r) => r.action)).toEqual(['top', 'tie 1', 'tie 2', 'x', 'none']);
    // any order listed: the ties follow it, the rest is the same
    fc.assert(
      fc.property(fc.shuffledSubarray(plan, { minLength: plan.length }), (listed) => {
        const ranked = rankActions(listed).map((r) => r.action);
        const ties = listed.filter((r) => r.impact === 50).map((r) => r.action);
        expect(ranked).toEqual(['top', ...ties, 'x', 'none']);
      }),
    );
  });
});

const action = (over: Partial<ActionInput> = {}): ActionInput => ({
  action: 'Loyalty card',
  stage: 'Paid',
  lever: 'Q',
  change: '+10%',
  owner: 'Oleg',
  deadline: '2026-06-30',
  status: 'Planned',
  start: '',
  ...over,
});

describe('levers and statuses as the plan names them', () => {
  it('reads any spelling of a lever as L, C, P, Q or step; anything else as none', () => {
    expect(
      ['leads', 'Конверсия', 'p', ' Q ', 'шаг', 'transition', 'revenue', ''].map(planLever),
    ).toEqual(['L', 'C', 'P', 'Q', 'step', 'step', '', '']);
  });

  it("shows a step in the map's language, and offers the four levers and the step", () => {
    expect(leverCell('ru', 'step')).toBe('Шаг');
    expect(leverCell('en', 'C')).toBe('C');
    expect(planLeverChoices('en')).toEqual(['L', 'C', 'P', 'Q', 'Step']);
    expect(planStatuses('ru')).toEqual(['Запланировано', 'В работе', 'Готово']);
  });
});

describe("the plan sheet's parts", () => {
  it('rows: the actions under the header, at least one, and the totals after them', () => {
    expect(planRows(3)).toEqual({ first: 4, last: 6, total: 7 });
    expect(planRows(0)).toEqual({ first: 4, last: 4, total: 5 });
    expect(planRows(2, 10)).toEqual({ first: 11, last: 12, total: 13 });
  });

  it('knows a title it wrote, in either language, whatever the map is called', () => {
    expect(isPlanTitle('Action plan: Coffee')).toBe(true);
    expect(isPlanTitle('План действий: Кофе')).toBe(true);
    expect(isPlanTitle('Action plan: ')).toBe(false);
    expect(isPlanTitle('My action plan: Coffee')).toBe(false);
    expect(isPlanTitle(null)).toBe(false);
  });

  it('tells its layout from the header labels, in either language and case; a moved column is none', () => {
    const en = planHeaderLabels('en');
    expect(planLayoutOf(en)).toBe(PLAN_COLUMNS);
    expect(planLayoutOf(planHeaderLabels('ru').map((l) => ` ${l.toUpperCase()} `))).toBe(
      PLAN_COLUMNS,
    );
    const former = planHeaderLabels('en', PLAN_LAYOUTS[1]);
    expect(planLayoutOf(former)).toBe(PLAN_LAYOUTS[1]);
    expect(planLayoutOf([en[0], en[2], en[1], ...en.slice(3)])).toBeNull();
    expect(planLayoutOf(undefined)).toBeNull();
    expect(planLayoutOf([])).toBeNull();
  });

  it('a date is written as its serial; any other deadline as the text typed', () => {
    expect(deadlineCell('2026-05-15')).toEqual({ number: 46157 });
    expect(deadlineCell('15.05.2026')).toEqual({ number: 46157 });
    expect(deadlineCell('after launch')).toEqual({ text: 'after launch' });
    expect(deadlineCell('')).toEqual({ text: '' });
  });
});

describe('reading the plan back from its sheet', () => {
  const header = [
    'Rank',
    'Action',
    'Stage',
    'Lever',
    'Change',
    'Owner',
    'Deadline',
    'Status',
    'Start',
    'Impact',
  ];

  it('each row under the header by the columns, dates as ISO, blank rows skipped, the impact when a number', () => {
    const rows: unknown[][] = [
      ['title'],
      ['note'],
      header,
      [
        1,
        ' Loyalty card ',
        'Paid',
        'Q',
        '+10%',
        'Oleg',
        new Date(Date.UTC(2026, 5, 30, 12)),
        'Planned',
        '15.06.2026',
        1500,
      ],
      ['', '', '', '', '', '', '', '', '', ''],
      [2, 'Ads', '', 'L', '+5%', '', 'soon', '', '', '⚠ note'],
    ];
    expect(readActions(rows, 3, () => 'UTC')).toEqual([
      { ...action({ start: '2026-06-15' }), impact: 1500 },
      {
        action: 'Ads',
        stage: '',
        lever: 'L',
        change: '+5%',
        owner: '',
        deadline: 'soon',
        status: '',
        start: '',
        impact: null,
      },
    ]);
  });

  it('a plan of the former layout reads with no start, its impact in I', () => {
    const rows: unknown[][] = [[1, 'Ads', '', 'L', '+5%', '', '', 'Done', 700, 'my note']];
    expect(readActions(rows, 0, () => 'UTC', PLAN_LAYOUTS[1])).toEqual([
      {
        action: 'Ads',
        stage: '',
        lever: 'L',
        change: '+5%',
        owner: '',
        deadline: '',
        status: 'Done',
        start: '',
        impact: 700,
      },
    ]);
  });

  it('an impact that is not a finite number is none', () => {
    const row = (impact: unknown) => [[1, 'Ads', '', 'L', '+5%', '', '', '', '', impact]];
    expect(readActions(row(Number.NaN), 0)[0]?.impact).toBeNull();
    expect(readActions(row('1500'), 0)[0]?.impact).toBeNull();
  });
});

describe('the plan sheet written', () => {
  const map = { id: 'K7P2QX', sheetName: 'Coffee', sheetId: 42, stages: 3 };
  const formulaOf = (c: WriteCell | undefined) => (c && 'formula' in c ? (c.formula ?? '') : '');
  const texts = (row: WriteCell[] | undefined) =>
    (row ?? []).map((c) => ('text' in c ? c.text : c));

  it('title with a link back to the map, note, header, one row per action, the totals', () => {
    const { top, rows } = planSheetGrid('en', map, [action(), action({ action: 'Ads' })], 0);
    expect(top).toBe(1);
    expect(rows).toHaveLength(3 + 2 + 3);
    expect(rows[0]?.[0]).toEqual({ text: 'Action plan: Coffee' });
    expect(formulaOf(rows[0]?.[9])).toMatch(/^=HYPERLINK\("#gid=42"/);
    expect(texts(rows[2])).toEqual(planHeaderLabels('en'));
    expect(texts(rows[3])?.slice(1, 9)).toEqual([
      'Loyalty card',
      'Paid',
      'Q',
      '+10%',
      'Oleg',
      { number: 46203 },
      'Planned',
      '',
    ]);
    // one custom-function cell, on the first action's row
    expect(rows.flat().filter((c) => formulaOf(c).startsWith('=CJM_IMPACT('))).toHaveLength(1);
    expect(formulaOf(rows[3]?.[9])).toContain(`${namedRangeName('K7P2QX', 'L')},`);
    expect(texts(rows[5]).slice(0, 1)).toEqual([t('en', 'plan.total')]);
    expect(rows[6]?.[9]).toEqual({ formula: `=${namedRangeName('K7P2QX', 'REVENUE')}` });
    expect(rows[7]?.[9]).toEqual({ formula: '=IF(AND(ISNUMBER(J6),ISNUMBER(J7)),J7+J6,"")' });
  });

  it('without actions: one blank row and a total of 0; without the map’s sheet: no link', () => {
    const { rows } = planSheetGrid('en', { ...map, sheetId: null }, [], 0);
    expect(rows).toHaveLength(3 + 1 + 3);
    expect(rows[3]?.every((c) => 'text' in c && c.text === '')).toBe(true);
    expect(rows[4]?.[9]).toEqual({ number: 0 });
    expect(rows[0]?.[9]).toEqual({ text: '' });
  });

  it('under a header a user moved down, starts at the header and leaves their rows above it', () => {
    const { top, rows } = planSheetGrid('en', map, [action()], 0, 6);
    expect(top).toBe(6);
    expect(texts(rows[0])).toEqual(planHeaderLabels('en'));
    expect(rows).toHaveLength(1 + 1 + 3);
  });

  it('blanks the rows a longer plan left below it', () => {
    const { rows } = planSheetGrid('en', map, [action()], 12);
    expect(rows).toHaveLength(12);
    expect(rows.slice(7).every((r) => r.every((c) => 'text' in c && c.text === ''))).toBe(true);
  });
});
