/** Reading a map's history sheet: its periods, typed as users type them, worked out by hand. */
import { describe, expect, it } from 'vitest';
import { countedPeriods, readHistory } from '../../../../src/core/review/history';

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
