/**
 * A map as the history and the review block read it (its id, language and stages), and a
 * period's write, for the unit tests of src/sheets/history-sheet and review-block.
 */
import {
  blankRecord,
  CARD_KEYS,
  type Journey,
  newStage,
  TITLE_KEYS,
} from '../../../src/core/map/journey';
import {
  type PeriodWrite,
  startHistorySheet,
  writePeriod,
} from '../../../src/sheets/history-sheet';
import { emulated } from '../emulated';

/** A map "K7P2QX" with the stages Awareness (aaaa1111) and Purchase (bbbb2222), or those given. */
export function journey(
  lang: 'en' | 'ru' = 'en',
  stages: readonly [id: string, name: string][] = [
    ['aaaa1111', 'Awareness'],
    ['bbbb2222', 'Purchase'],
  ],
): Journey {
  return {
    id: 'K7P2QX',
    lang,
    title: blankRecord(TITLE_KEYS),
    card: blankRecord(CARD_KEYS),
    stages: stages.map(([id, name]) => newStage(name, '', id)),
    avgCheck: '',
    purchases: '',
  };
}

/** November 2026's review, recorded on December 1st: figures for both stages. */
export function november(over: Partial<PeriodWrite> = {}): PeriodWrite {
  return {
    from: '2026-11-01',
    to: '2026-11-30',
    recorded: '2026-12-01',
    note: 'after the promo',
    status: '',
    inputs: {
      avgCheck: 1500,
      purchases: 1.2,
      customers: { aaaa1111: 1000, bbbb2222: 120 },
      target: { aaaa1111: 0.5, bbbb2222: 0.1 },
      score: { aaaa1111: 4, bbbb2222: 3 },
    },
    row: null,
    ...over,
  };
}

/** An ISO day as the Date a date cell reads back (the tests' spreadsheets are in UTC). */
export const day = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);

/** December 2026's review, recorded on January 2nd: other figures; on `row` when it replaces one. */
export const december = (row: number | null = null) =>
  november({
    from: '2026-12-01',
    to: '2026-12-31',
    recorded: '2027-01-02',
    note: 'winter',
    inputs: {
      avgCheck: 1600,
      purchases: 1.1,
      customers: { aaaa1111: 900, bbbb2222: 99 },
      target: { aaaa1111: 0.6, bbbb2222: 0.2 },
      score: { aaaa1111: 5, bbbb2222: 2 },
    },
    row,
  });

/** The history sheet of the map "Map". */
export const HISTORY = 'Map · history';

/** A sheet "Map" and its history holding November (of `status`) on row 4 (columns A–M). */
export function withNovember(status = '') {
  const e = emulated({ locale: 'en_US' });
  e.ss.insertSheet('Map');
  const j = journey();
  const h = startHistorySheet(e.ss, e.sheet('Map'), 'Map', j);
  writePeriod(h, j, 'Map', november({ status }));
  return { ...e, j, history: () => e.sheet(HISTORY) };
}
