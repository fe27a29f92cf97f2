/** Reading a map's history sheet: its periods, typed as users type them, worked out by hand. */
import { describe, expect, it } from 'vitest';
import {
  columnLetters,
  columnMarker,
  countedPeriods,
  describeProblems,
  FIRST_PERIOD_ROW,
  HISTORY_NAME,
  historyMarker,
  historyRangeName,
  historySheetName,
  MARKER_ROW,
  NAME_ROW,
  PERIOD_FIELDS,
  type Period,
  parseColumnMarker,
  parseHistoryMarker,
  periodDay,
  readHistory,
  STAGE_BLOCKS,
  TITLE_ROW,
} from '../../../../src/core/review/history';

const head = [
  ['CJM history K7P2QX', '', '', '', '', '', '', 'Customers'],
  ['From', 'To', 'Recorded', 'Note', 'P', 'Q', 'Status', 'Visit', 'Trial', 'Paid', 'Paid'],
  [
    'from',
    'to',
    'recorded',
    'note',
    'P',
    'Q',
    'status',
    'customers aaaa',
    'customers bbbb',
    'customers cccc',
    'target cccc',
  ],
];

describe('reading a history', () => {
  it('reads numbers typed as text, names a bad cell, and keeps its period', () => {
    const h = readHistory(
      head,
      [
        ['2026-10-01', '2026-10-31', '', 'CRM', '1 800', '1,5', '', '1 000', '500', 'n/a', '30 %'],
        [],
      ],
      'ru',
      () => 'UTC',
    );
    expect(h.stageIds).toEqual(['aaaa', 'bbbb', 'cccc']);
    expect(h.periods).toHaveLength(1);
    const [p] = h.periods;
    expect(p?.avgCheck).toBe(1800);
    expect(p?.purchases).toBe(1.5);
    expect(p?.customers).toEqual({ aaaa: 1000, bbbb: 500, cccc: null });
    expect(p?.target.cccc).toBe(0.3);
    expect(h.problems).toEqual([{ cell: 'J4', value: 'n/a', what: 'number' }]);
  });
  it('of two periods of the same day, the lower row stands for it; the rest come oldest first', () => {
    const row = (to: string, note: string) => [to, to, '', note, 1, 1, '', 10, 5, 2, ''];
    const h = readHistory(
      head,
      [row('2026-11-30', 'first'), row('2026-10-31', 'october'), row('2026-11-30', 'again')],
      'en',
      () => 'UTC',
    );
    expect(countedPeriods(h.periods).map((p) => p.note)).toEqual(['october', 'again']);
  });
});

/** The markers of a history with two stages: A–G the fixed columns, H–L the stage blocks. */
const MARKERS = [
  'from',
  'to',
  'recorded',
  'note',
  'P',
  'Q',
  'status',
  'customers aaaa',
  'customers bbbb',
  'target bbbb',
  'score aaaa',
  'score bbbb',
] as const;
type Marker = (typeof MARKERS)[number];
const twoStages = [
  ['CJM history K7P2QX'],
  ['From', 'To', 'Recorded', 'Note', 'P', 'Q', 'Status', 'Visit', 'Trial', 'Trial', 'Visit'],
  [...MARKERS],
];
/** A history row with the given cells, blank elsewhere. */
const line = (cells: Partial<Record<Marker, unknown>>): unknown[] =>
  MARKERS.map((m) => (m in cells ? cells[m] : ''));
const utc = () => 'UTC';

describe('the history sheet’s names and markers', () => {
  it('a new history lays out dates, note, P, Q, status, then customers, target and score blocks, periods from row 4', () => {
    expect(PERIOD_FIELDS).toEqual(['from', 'to', 'recorded', 'note', 'P', 'Q', 'status']);
    expect(STAGE_BLOCKS).toEqual(['customers', 'target', 'score']);
    expect([TITLE_ROW, NAME_ROW, MARKER_ROW, FIRST_PERIOD_ROW]).toEqual([1, 2, 3, 4]);
  });

  it('the history’s named cell carries the map id, and only a name of that shape is taken for one', () => {
    expect(historyRangeName('K7P2QX')).toBe('CJM_K7P2QX_HISTORY');
    expect(HISTORY_NAME.exec('CJM_K7P2QX_HISTORY')?.[1]).toBe('K7P2QX');
    expect(HISTORY_NAME.exec('CJM_A_HISTORY')?.[1]).toBe('A');
    expect(HISTORY_NAME.test('CJM_k7p2qx_HISTORY')).toBe(false);
    expect(HISTORY_NAME.test('CJM__HISTORY')).toBe(false);
    expect(HISTORY_NAME.test('CJM_K7-P2_HISTORY')).toBe(false);
    expect(HISTORY_NAME.test('XCJM_K7P2QX_HISTORY')).toBe(false);
    expect(HISTORY_NAME.test('CJM_K7P2QX_HISTORY_OLD')).toBe(false);
  });

  it('A1 says whose history it is in the map’s language, and either language reads back', () => {
    expect(historyMarker('K7P2QX', 'en')).toBe('CJM history K7P2QX');
    expect(historyMarker('K7P2QX', 'ru')).toBe('История CJM K7P2QX');
    expect(parseHistoryMarker('CJM history K7P2QX')).toBe('K7P2QX');
    expect(parseHistoryMarker('История CJM K7P2QX')).toBe('K7P2QX');
    expect(parseHistoryMarker('  CJM history K7P2QX  ')).toBe('K7P2QX');
  });

  it('A1 names a map id of 4 to 12 capitals and digits; anything else in A1 is no history marker', () => {
    expect(parseHistoryMarker('CJM history AB12')).toBe('AB12');
    expect(parseHistoryMarker('CJM history ABCDEF123456')).toBe('ABCDEF123456');
    expect(parseHistoryMarker('CJM history AB1')).toBeNull();
    expect(parseHistoryMarker('CJM history ABCDEF1234567')).toBeNull();
    expect(parseHistoryMarker('CJM history k7p2qx')).toBeNull();
    expect(parseHistoryMarker('CJM history K7P2-QX')).toBeNull();
    expect(parseHistoryMarker('Old CJM history K7P2QX')).toBeNull();
    expect(parseHistoryMarker('CJM history K7P2QX (copy)')).toBeNull();
    expect(parseHistoryMarker('Customers')).toBeNull();
    expect(parseHistoryMarker('')).toBeNull();
    expect(parseHistoryMarker(null)).toBeNull();
    expect(parseHistoryMarker(undefined)).toBeNull();
    expect(parseHistoryMarker(2026)).toBeNull();
  });

  it('the history sheet is named after the map sheet, in the map’s language', () => {
    expect(historySheetName('Coffee', 'en')).toBe('Coffee · history');
    expect(historySheetName('Кофе', 'ru')).toBe('Кофе · история');
  });

  it('a column’s marker is its field, or its block and stage id, and reads back the same', () => {
    expect(columnMarker({ kind: 'field', field: 'recorded' })).toBe('recorded');
    expect(columnMarker({ kind: 'stage', block: 'score', stageId: 'k7p2qxab' })).toBe(
      'score k7p2qxab',
    );
    for (const field of ['from', 'to', 'recorded', 'note', 'P', 'Q', 'status'])
      expect(parseColumnMarker(field)).toEqual({ kind: 'field', field });
    expect(parseColumnMarker('customers k7p2qxab')).toEqual({
      kind: 'stage',
      block: 'customers',
      stageId: 'k7p2qxab',
    });
    expect(parseColumnMarker('target ~3x')).toEqual({
      kind: 'stage',
      block: 'target',
      stageId: '~3x',
    });
    expect(parseColumnMarker('score a')).toEqual({ kind: 'stage', block: 'score', stageId: 'a' });
  });

  it('a marker with spaces around it still reads; a stage id may be up to 80 characters', () => {
    expect(parseColumnMarker('  Q ')).toEqual({ kind: 'field', field: 'Q' });
    expect(parseColumnMarker(' customers aaaa ')).toEqual({
      kind: 'stage',
      block: 'customers',
      stageId: 'aaaa',
    });
    const id80 = 'a'.repeat(80);
    expect(parseColumnMarker(`score ${id80}`)).toEqual({
      kind: 'stage',
      block: 'score',
      stageId: id80,
    });
    expect(parseColumnMarker(`score ${id80}b`)).toBeNull();
  });

  it('a header a user typed is no marker: other case, other words, other characters, nothing', () => {
    expect(parseColumnMarker('From')).toBeNull();
    expect(parseColumnMarker('p')).toBeNull();
    expect(parseColumnMarker('Customers aaaa')).toBeNull();
    expect(parseColumnMarker('customers AAAA')).toBeNull();
    expect(parseColumnMarker('customers aa-bb')).toBeNull();
    expect(parseColumnMarker('customers')).toBeNull();
    expect(parseColumnMarker('revenue aaaa')).toBeNull();
    expect(parseColumnMarker('old customers aaaa')).toBeNull();
    expect(parseColumnMarker('customers aaaa bbbb')).toBeNull();
    expect(parseColumnMarker('')).toBeNull();
    expect(parseColumnMarker(null)).toBeNull();
    expect(parseColumnMarker(undefined)).toBeNull();
  });

  it('formulas over the history find a column’s letters by its marker, none for a missing one', () => {
    const h = readHistory(head, [], 'en', utc);
    expect(columnLetters(h, 'customers cccc')).toBe('J');
    expect(columnLetters(h, 'target cccc')).toBe('K');
    expect(columnLetters(h, 'score cccc')).toBeNull();
    expect(columnLetters({ columns: new Map([['score aaaa', 28]]) }, 'score aaaa')).toBe('AB');
  });
});

describe('reading a history’s columns', () => {
  it('finds each column by its marker wherever a user moved it, the first of two alike, and names the stages', () => {
    const h = readHistory(
      [
        ['CJM history K7P2QX'],
        ['Note', 'From', '  Visit  ', 'Remarks', 'To', 'Trial', 'Visit (copy)', 'Gone'],
        [
          'note',
          'from',
          'customers aaaa',
          'Remarks',
          'to',
          'customers bbbb',
          'customers aaaa',
          'target zzzz',
        ],
      ],
      [['October', '2026-10-01', 1000, 'x', '2026-10-31', 400, 5, 0.3]],
      'en',
      utc,
    );
    expect(Object.fromEntries(h.columns)).toEqual({
      note: 1,
      from: 2,
      'customers aaaa': 3,
      to: 5,
      'customers bbbb': 6,
      'target zzzz': 8,
    });
    // only a customers column makes a stage; its name is row 2's, trimmed
    expect(h.stageIds).toEqual(['aaaa', 'bbbb']);
    expect(Object.fromEntries(h.names)).toEqual({ aaaa: 'Visit', bbbb: 'Trial' });
    expect(h.periods).toEqual([
      {
        row: 4,
        from: '2026-10-01',
        to: '2026-10-31',
        recorded: null,
        note: 'October',
        status: '',
        avgCheck: null,
        purchases: null,
        customers: { aaaa: 1000, bbbb: 400 },
        target: { aaaa: null, bbbb: null },
        score: { aaaa: null, bbbb: null },
      },
    ]);
    expect(h.problems).toEqual([]);
  });

  it('a stage’s name is blank where the names row has no cell for it, or there is no names row', () => {
    const short = readHistory([['t'], ['From'], ['from', 'customers aaaa']], [], 'en', utc);
    expect(Object.fromEntries(short.names)).toEqual({ aaaa: '' });
    const noNames: unknown[][] = [];
    noNames[2] = ['customers aaaa'];
    const none = readHistory(noNames, [], 'en', utc);
    expect(none.stageIds).toEqual(['aaaa']);
    expect(Object.fromEntries(none.names)).toEqual({ aaaa: '' });
  });

  it('a history without its markers row has no columns, and its rows stay as undated periods', () => {
    const h = readHistory([], [['2026-10-01', 'CRM', 1000]], 'en', utc);
    expect(h.columns.size).toBe(0);
    expect(h.stageIds).toEqual([]);
    expect(h.periods).toEqual([
      {
        row: 4,
        from: null,
        to: null,
        recorded: null,
        note: '',
        status: '',
        avgCheck: null,
        purchases: null,
        customers: {},
        target: {},
        score: {},
      },
    ]);
    expect(h.problems).toEqual([]);
  });
});

describe('reading a history’s periods', () => {
  it('reads a full row: dates typed ISO or with dots, a date cell in the sheet’s time zone, note and status trimmed', () => {
    // the date cell's midnight of 6 November in Moscow is 21:00 UTC the day before
    const recorded = new Date(Date.UTC(2026, 10, 5, 21));
    const h = readHistory(
      twoStages,
      [
        line({
          from: '01.10.2026',
          to: '2026-10-31',
          recorded,
          note: '  CRM export ',
          P: 1800,
          Q: 2,
          status: ' again ',
          'customers aaaa': 1000,
          'customers bbbb': 400,
          'target bbbb': 0.4,
          'score aaaa': 4,
          'score bbbb': 3.5,
        }),
      ],
      'en',
      () => 'Europe/Moscow',
    );
    expect(h.periods).toEqual([
      {
        row: 4,
        from: '2026-10-01',
        to: '2026-10-31',
        recorded: '2026-11-06',
        note: 'CRM export',
        status: 'again',
        avgCheck: 1800,
        purchases: 2,
        customers: { aaaa: 1000, bbbb: 400 },
        target: { aaaa: null, bbbb: 0.4 },
        score: { aaaa: 4, bbbb: 3.5 },
      },
    ]);
    expect(h.problems).toEqual([]);
  });

  it('blank cells (empty, null, missing at the row’s end) are blank, never a problem', () => {
    const h = readHistory(twoStages, [['2026-10-31', null, undefined, null, '', null]], 'en', utc);
    expect(h.periods).toEqual([
      {
        row: 4,
        from: '2026-10-31',
        to: null,
        recorded: null,
        note: '',
        status: '',
        avgCheck: null,
        purchases: null,
        customers: { aaaa: null, bbbb: null },
        target: { aaaa: null, bbbb: null },
        score: { aaaa: null, bbbb: null },
      },
    ]);
    expect(h.problems).toEqual([]);
  });

  it('skips rows with nothing in them and numbers the rest by their sheet row', () => {
    const h = readHistory(
      twoStages,
      [['', null, undefined], [], line({ note: 'pasted' }), line({ P: 10 })],
      'en',
      utc,
    );
    expect(h.periods.map((p) => [p.row, p.note, p.avgCheck])).toEqual([
      [6, 'pasted', null],
      [7, '', 10],
    ]);
  });

  it('names a bad cell by its sheet row when only the last rows were read', () => {
    const h = readHistory(
      twoStages,
      [line({ to: '2026-10-31', P: 100 }), line({ to: '2026-11-30', P: 'lots' })],
      'en',
      utc,
      20,
    );
    expect(h.periods.map((p) => [p.row, p.to, p.avgCheck])).toEqual([
      [20, '2026-10-31', 100],
      [21, '2026-11-30', null],
    ]);
    expect(h.problems).toEqual([{ cell: 'E21', value: 'lots', what: 'number' }]);
  });

  it('a date that is no date (no such day, words, a bare number) is named and read as blank', () => {
    const h = readHistory(
      twoStages,
      [line({ from: '31.11.2026', to: 46356, recorded: 'after the sale', note: 'kept' })],
      'en',
      utc,
    );
    expect(h.periods.map((p) => [p.from, p.to, p.recorded, p.note])).toEqual([
      [null, null, null, 'kept'],
    ]);
    expect(h.problems).toEqual([
      { cell: 'A4', value: '31.11.2026', what: 'date' },
      { cell: 'B4', value: '46356', what: 'date' },
      { cell: 'C4', value: 'after the sale', what: 'date' },
    ]);
  });

  it('reads a pasted "1,500" as the sheet’s language writes it: one and a half in Russian, 1500 in English', () => {
    const pasted = [line({ to: '2026-10-31', P: '1,500', 'target bbbb': '27,5 %' })];
    const ru = readHistory(twoStages, pasted, 'ru', utc);
    expect([ru.periods[0]?.avgCheck, ru.periods[0]?.target.bbbb]).toEqual([1.5, 0.275]);
    expect(ru.problems).toEqual([]);
    const en = readHistory(twoStages, [line({ P: '1,500', 'target bbbb': '27.5%' })], 'en', utc);
    expect([en.periods[0]?.avgCheck, en.periods[0]?.target.bbbb]).toEqual([1500, 0.275]);
  });

  it('takes counts from 0, shares from 0 to 100 %, scores from 1 to 5, limits included', () => {
    const h = readHistory(
      twoStages,
      [
        line({
          to: '2026-10-31',
          P: 0,
          Q: 1,
          'customers aaaa': 0,
          'target bbbb': 1,
          'score aaaa': 1,
          'score bbbb': 5,
        }),
        line({ to: '2026-11-30', 'target bbbb': 0 }),
      ],
      'en',
      utc,
    );
    const [oct, nov] = h.periods;
    expect([oct?.avgCheck, oct?.purchases, oct?.customers.aaaa]).toEqual([0, 1, 0]);
    expect(oct?.target.bbbb).toBe(1);
    expect(oct?.score).toEqual({ aaaa: 1, bbbb: 5 });
    expect(nov?.target.bbbb).toBe(0);
    expect(h.problems).toEqual([]);
  });

  it('names a value past a limit (below 0, a share over 100 %, a score outside 1–5) and reads it as blank', () => {
    const h = readHistory(
      twoStages,
      [
        line({
          to: '2026-10-31',
          P: -1,
          'customers aaaa': -3,
          'target bbbb': 1.01,
          'score aaaa': 0.5,
          'score bbbb': 5.5,
        }),
        line({ to: '2026-11-30', 'customers bbbb': 2000, 'score aaaa': 0, 'score bbbb': 6 }),
      ],
      'en',
      utc,
    );
    const [oct, nov] = h.periods;
    expect(oct?.avgCheck).toBeNull();
    expect(oct?.customers).toEqual({ aaaa: null, bbbb: null });
    expect(oct?.target.bbbb).toBeNull();
    expect(oct?.score).toEqual({ aaaa: null, bbbb: null });
    // 2000 customers is a count, not a share or a score: it stays
    expect(nov?.customers.bbbb).toBe(2000);
    expect(nov?.score).toEqual({ aaaa: null, bbbb: null });
    expect(h.problems).toEqual([
      { cell: 'E4', value: '-1', what: 'number' },
      { cell: 'H4', value: '-3', what: 'number' },
      { cell: 'J4', value: '1.01', what: 'share' },
      { cell: 'K4', value: '0.5', what: 'score' },
      { cell: 'L4', value: '5.5', what: 'score' },
      { cell: 'K5', value: '0', what: 'score' },
      { cell: 'L5', value: '6', what: 'score' },
    ]);
  });

  it('a checkbox or a value no typed number can be (TRUE, Infinity) is not a number', () => {
    const h = readHistory(
      twoStages,
      [line({ to: '2026-10-31', Q: true, 'customers bbbb': Number.POSITIVE_INFINITY })],
      'en',
      utc,
    );
    expect(h.periods[0]?.purchases).toBeNull();
    expect(h.periods[0]?.customers.bbbb).toBeNull();
    expect(h.problems).toEqual([
      { cell: 'F4', value: 'true', what: 'number' },
      { cell: 'I4', value: 'Infinity', what: 'number' },
    ]);
  });
});

describe('the message that names the history’s bad cells', () => {
  const problems = [
    { cell: 'A4', value: '31.11.2026', what: 'date' as const },
    { cell: 'E5', value: '-1', what: 'number' as const },
    { cell: 'J5', value: '1.01', what: 'share' as const },
    { cell: 'K5', value: '0.5', what: 'score' as const },
  ];
  it('says what each cell should hold, in English', () => {
    expect(describeProblems(problems, 'en')).toBe(
      'A4: “31.11.2026” is not a date (write it as 2026-11-30); E5: “-1” is not a number of 0 or more; J5: “1.01” is not a share from 0 % to 100 %; K5: “0.5” is not a score from 1 to 5',
    );
  });
  it('says what each cell should hold, in Russian', () => {
    expect(describeProblems(problems, 'ru')).toBe(
      'A4: «31.11.2026» — не дата (пишите 30.11.2026); E5: «-1» — не число от 0 и больше; J5: «1.01» — не доля от 0 % до 100 %; K5: «0.5» — не оценка от 1 до 5',
    );
  });
  it('names the first five cells only, and nothing when there is none', () => {
    const many = ['H4', 'H5', 'H6', 'H7', 'H8', 'H9'].map((cell) => ({
      cell,
      value: 'n/a',
      what: 'number' as const,
    }));
    const said = describeProblems(many, 'en');
    expect(said.split('; ')).toEqual([
      'H4: “n/a” is not a number of 0 or more',
      'H5: “n/a” is not a number of 0 or more',
      'H6: “n/a” is not a number of 0 or more',
      'H7: “n/a” is not a number of 0 or more',
      'H8: “n/a” is not a number of 0 or more',
    ]);
    expect(describeProblems([], 'en')).toBe('');
  });
});

describe('which periods count', () => {
  const dated = (
    row: number,
    days: { from?: string; to?: string; recorded?: string },
    note = '',
  ): Period => ({
    row,
    from: days.from ?? null,
    to: days.to ?? null,
    recorded: days.recorded ?? null,
    note,
    status: '',
    avgCheck: null,
    purchases: null,
    customers: {},
    target: {},
    score: {},
  });

  it('a period is dated by its last day, else its review day, else its first day, else not at all', () => {
    const all = { from: '2026-11-01', to: '2026-11-30', recorded: '2026-12-06' };
    expect(periodDay(dated(4, all))).toBe('2026-11-30');
    expect(periodDay(dated(4, { from: '2026-11-01', recorded: '2026-12-06' }))).toBe('2026-12-06');
    expect(periodDay(dated(4, { from: '2026-11-01', to: '2026-11-30' }))).toBe('2026-11-30');
    expect(periodDay(dated(4, { to: '2026-11-30', recorded: '2026-12-06' }))).toBe('2026-11-30');
    expect(periodDay(dated(4, { from: '2026-11-01' }))).toBe('2026-11-01');
    expect(periodDay(dated(4, {}))).toBe('');
  });

  it('undated rows do not count; the rest come oldest first, whatever their rows', () => {
    const periods = [
      dated(4, { from: '2026-09-01' }, 'September, start only'),
      dated(5, {}, 'no dates'),
      dated(6, { recorded: '2026-10-06' }, 'recorded only'),
      dated(7, { from: '2026-08-01', to: '2026-08-31' }, 'August'),
    ];
    expect(countedPeriods(periods).map((p) => p.note)).toEqual([
      'August',
      'September, start only',
      'recorded only',
    ]);
    expect(countedPeriods([dated(4, {})])).toEqual([]);
    expect(countedPeriods([])).toEqual([]);
  });

  it('of two periods of one day the lower row stands, whichever comes first in the list', () => {
    const lowerFirst = [
      dated(9, { to: '2026-11-30' }, 'row 9'),
      dated(5, { to: '2026-11-30' }, 'row 5'),
      dated(7, { from: '2026-11-30' }, 'row 7, start only'),
    ];
    expect(countedPeriods(lowerFirst).map((p) => p.note)).toEqual(['row 9']);
    const upperFirst = [
      dated(5, { to: '2026-11-30' }, 'row 5'),
      dated(9, { to: '2026-11-30' }, 'row 9'),
    ];
    expect(countedPeriods(upperFirst).map((p) => p.note)).toEqual(['row 9']);
  });
});
