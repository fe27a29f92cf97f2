/** The review maths: cadence arithmetic, reading a history, and trends, worked out by hand. */
import { describe, expect, it } from 'vitest';
import { newStage, type Journey } from '../../../../src/core/map/journey';
import {
  addMonths,
  coveredSpan,
  nextReview,
  readCadence,
} from '../../../../src/core/review/cadence';
import { countedPeriods, readHistory } from '../../../../src/core/review/history';
import { trends } from '../../../../src/core/review/trend';

describe('cadence', () => {
  it('a monthly review in early December covers November, and the next is due a month on', () => {
    expect(coveredSpan('2026-12-06', 'month')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(nextReview('2026-12-06', 'month')).toBe('2027-01-06');
  });
  it('a quarterly review covers the last whole quarter; a weekly one the last Monday to Sunday', () => {
    expect(coveredSpan('2026-02-10', 'quarter')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    // 2026-12-06 is a Sunday: the week before runs 23–29 November
    expect(coveredSpan('2026-12-06', 'week')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(nextReview('2026-12-06', 'week')).toBe('2026-12-13');
  });
  it('31 January + 1 month is the last day of February, never March', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
  });
  it('reads the cadence in either language, blank as monthly, and nothing else', () => {
    expect(readCadence(' Ежеквартально ')).toBe('quarter');
    expect(readCadence('weekly')).toBe('week');
    expect(readCadence('')).toBe('month');
    expect(readCadence('yearly')).toBeNull();
  });
});

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

describe('trends', () => {
  const map: Journey = {
    id: 'K7P2QX',
    lang: 'en',
    title: {} as Journey['title'],
    card: {} as Journey['card'],
    stages: [
      newStage('Visit', 'L', 'aaaa'),
      newStage('Trial', '', 'bbbb'),
      newStage('Paid', 'C', 'cccc'),
    ],
    avgCheck: '',
    purchases: '',
  };
  const period = (
    row: number,
    to: string,
    visit: number,
    trial: number,
    paid: number,
    p: number,
  ) => ({
    row,
    from: null,
    to,
    recorded: null,
    note: '',
    status: '',
    avgCheck: p,
    purchases: 2,
    customers: { aaaa: visit, bbbb: trial, cccc: paid },
    target: { aaaa: null, bbbb: null, cccc: 0.3 },
    score: {},
  });
  it('the step change in points, the revenue change, and a stage below target two periods running', () => {
    // October: 1000 → 400 → 110 (27,5 %); November: 1000 → 400 → 100 (25 %), both under 30 %
    const tr = trends(map, [
      period(5, '2026-10-31', 1000, 400, 110, 100),
      period(4, '2026-11-30', 1000, 400, 100, 120),
    ]);
    expect(tr.days).toEqual(['2026-10-31', '2026-11-30']);
    const paid = tr.stages[2];
    expect(paid?.series).toEqual([0.275, 0.25]);
    expect(paid?.changePoints).toBe(-2.5);
    expect(paid?.belowTwice).toBe(true);
    expect(tr.stages[1]?.changePoints).toBe(0);
    expect(tr.stages[1]?.belowTwice).toBe(false);
    // revenue: 110 × 100 × 2 = 22 000, then 100 × 120 × 2 = 24 000
    expect(tr.revenue).toEqual([22000, 24000]);
    expect(tr.revenueChange).toBe(2000);
  });
});
