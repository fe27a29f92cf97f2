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
  planColumnWidths,
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

  it('a blank (empty) cell or a row shorter than the header reads as an empty field', () => {
    const rows: unknown[][] = [[1, 'Ads', null, 'L', '+5%', undefined]];
    expect(readActions(rows, 0)).toEqual([
      {
        action: 'Ads',
        stage: '',
        lever: 'L',
        change: '+5%',
        owner: '',
        deadline: '',
        status: '',
        start: '',
        impact: null,
      },
    ]);
  });

  it('only the deadline and start read a date as ISO: an action named like a date keeps its text', () => {
    const rows: unknown[][] = [
      [1, '01.09.2026', '2026-09-01', 'L', '+5%', '15.06.2026', '01.09.2026', '', '', 300],
    ];
    expect(readActions(rows, 0)).toEqual([
      {
        action: '01.09.2026',
        stage: '2026-09-01',
        lever: 'L',
        change: '+5%',
        owner: '15.06.2026',
        deadline: '2026-09-01',
        status: '',
        start: '',
        impact: 300,
      },
    ]);
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

  it('under a header moved down, blanks only the rows a longer plan left below the new one', () => {
    // header in row 6: header, one action and three totals fill rows 6 to 10
    const longer = planSheetGrid('en', map, [action()], 12, 6);
    expect(longer.top).toBe(6);
    expect(longer.rows).toHaveLength(7);
    expect(texts(longer.rows[4]).slice(0, 1)).toEqual([
      'Revenue after the plan, all actions together',
    ]);
    expect(longer.rows.slice(5).every((r) => r.every((c) => 'text' in c && c.text === ''))).toBe(
      true,
    );
    // the sheet ended where the plan ends: nothing to blank
    expect(planSheetGrid('en', map, [action()], 10, 6).rows).toHaveLength(5);
  });
});

describe('the plan columns sized to what they hold', () => {
  // Pixels at 10 pt: 40/3 a unit of em, plus 8 of padding and 28 for a dropdown. Regular em: Latin
  // small 0.64, capital 0.79, narrow (space, i, l, t, r, dot) 0.42, Cyrillic small 0.7, capital 0.8,
  // wide м ы ж 0.98, wide capital Ш Ж М 1.1; bold: Cyrillic small 0.81, capital 0.93, М 1.33.
  // Least widths: rank 60, action 260, stage 140, lever 70, change 110, owner 110, deadline 110,
  // status 110, start 110, impact 140.

  it('an English plan without actions: least widths, and the statuses of both languages whole with their dropdown', () => {
    // status: "Запланировано" 0.8 + 12 × 0.7 = 9.2 em → 122.67 + 8 + 28 → 159
    expect(planColumnWidths('en', 'Coffee', [], 'en_US')).toEqual([
      60, 260, 140, 70, 110, 110, 110, 159, 110, 140,
    ]);
  });

  it('a Russian plan: each header label whole in bold ("Место", "Ожидаемое", "Ответственный")', () => {
    const [rank, actionCol, stage, lever, change, owner, deadline, status, start, impact] =
      planColumnWidths('ru', 'Кофейня', [], 'ru_RU');
    // bold "Место": 1.33 + 4 × 0.81 = 4.57 em → 60.93 + 8 → 69 (regular it would fit in 60)
    expect(rank).toBe(69);
    // bold "Ожидаемое": 0.93 + 2 × 1.11 + 6 × 0.81 = 8.01 em → 106.8 + 8 → 115
    expect(change).toBe(115);
    // bold "Ответственный": 0.93 + 1.11 + 11 × 0.81 = 10.95 em → 146 + 8 = 154 (regular: 135)
    expect(owner).toBe(154);
    expect([actionCol, stage, lever, deadline, status, start, impact]).toEqual([
      260, 140, 70, 110, 159, 110, 140,
    ]);
  });

  it("the actions' words widen their columns; a lever and a status typed get room for the dropdown", () => {
    const typed = action({
      action: 'Loyalty card',
      stage: 'Paid',
      lever: 'Conversion',
      change: '+2 pp',
      owner: 'Alexandra Konstantinova',
      // a Russian colleague's status: "approval pending"
      status: 'Согласовывается',
    });
    // lever "Conversion": 0.79 + 7 × 0.64 + 2 × 0.42 = 6.11 em → 81.47 + 8 + 28 → 118
    // owner "Konstantinova" (wraps, widest word): 0.79 + 9 × 0.64 + 3 × 0.42 = 7.81 em → 104.13 + 8 → 113
    // status "Согласовывается": 0.8 + 0.98 + 13 × 0.7 = 10.88 em → 145.07 + 8 + 28 → 182
    expect(planColumnWidths('en', 'Coffee', [typed], 'en_US')).toEqual([
      60, 260, 140, 118, 110, 113, 110, 182, 110, 140,
    ]);
  });

  it('the deadline and start columns are as wide as a date, whatever text is typed in them', () => {
    const typed = action({ deadline: 'Ежеквартально', start: 'Незамедлительно' });
    // (as words they would need 135 and 154)
    for (const lang of ['en', 'ru'] as const) {
      const widths = planColumnWidths(lang, 'Coffee', [typed], 'en_US');
      expect([widths[6], widths[8]]).toEqual([110, 110]);
    }
  });

  it('a map name as long as a sheet name may be widens the action column so the title reads whole up to the link', () => {
    // 100 characters: 63 capitals × 0.8 + 15 wide capitals × 1.1 + 19 narrow × 0.42 + "—" 1.05
    // + «» 2 × 0.84 = 77.61 em; "Action plan: " 7.15 em; 84.76 em → 1130.13 + 8 → 1139, while
    // columns A to I hold 60 + 260 + 140 + 70 + 110 + 110 + 110 + 159 + 110 = 1129: the action
    // column takes the 10 missing
    const name =
      'ДОСТАВКА ЗАВТРАКОВ, ОБЕДОВ И УЖИНОВ В ОФИСЫ МОСКВЫ, МЫТИЩ, ХИМОК, ЖУКОВСКОГО И ЩЁЛКОВО — ФИРМА «ШЕФ»';
    expect(name).toHaveLength(100);
    expect(planColumnWidths('en', name, [], 'en_US')).toEqual([
      60, 270, 140, 70, 110, 110, 110, 159, 110, 140,
    ]);
  });
});
