/**
 * The step and overall conversion rows of a map under columns inserted and deleted by hand
 * among its stages: Sheets adjusts their references as it always does, and every stage the map
 * reads still shows its conversion, never #ERROR! (issue 17, item 10).
 */
import { describe, expect, it } from 'vitest';
import { a1, FIRST_STAGE_COL, ROW } from '../../src/core/map/layout';
import { openSpreadsheet } from '../support/addon';

const col = (i: number) => a1(1, FIRST_STAGE_COL + i).replace(/\d+$/, '');
const COUNTS = [1000, 400, 100, 90, 60, 40];

function mapWithCounts() {
  const s = openSpreadsheet('en_US');
  const sheet = s.newMap({ name: 'Coffee' });
  COUNTS.forEach((n, i) => {
    s.wb.setCell(sheet, `${col(i)}${ROW.customers}`, n);
  });
  s.wb.setCell(sheet, `B${ROW.avgCheck}`, 2000);
  s.wb.setCell(sheet, `B${ROW.purchases}`, 1.5);
  return { s, sheet };
}

/** What the step and overall rows show for the stages in columns C… up to `n` stages. */
function rows(s: ReturnType<typeof mapWithCounts>['s'], sheet: string, n: number) {
  const read = (row: number) =>
    Array.from({ length: n }, (_, i) => {
      const v = s.wb.value(sheet, `${col(i)}${row}`);
      return typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v;
    });
  return { step: read(ROW.step), overall: read(ROW.overall) };
}

describe('a column inserted by hand among the stages', () => {
  // before stage k (columns D…H), a count between its neighbours'
  const between = [500, 200, 95, 80, 50];
  it.each([1, 2, 3, 4, 5])('named, before stage %i + 1: every stage shows its conversion', (k) => {
    const { s, sheet } = mapWithCounts();
    const at = col(k);
    s.wb.insertColumns(sheet, at);
    s.wb.setCell(sheet, `${at}${ROW.header}`, 'Call back');
    const inserted = between[k - 1] as number;
    s.wb.setCell(sheet, `${at}${ROW.customers}`, inserted);
    const counts = [...COUNTS.slice(0, k), inserted, ...COUNTS.slice(k)];
    const { step, overall } = rows(s, sheet, 7);
    // by hand: each count over its neighbour before it; each over the first stage's 1000
    const round = (x: number) => Math.round(x * 1e9) / 1e9;
    expect(step).toEqual(
      counts.map((c, i) => (i === 0 ? 1 : round(c / (counts[i - 1] as number)))),
    );
    expect(overall).toEqual(counts.map((c) => round(c / 1000)));
    // the economics: L is the first stage, C the purchase (100 of 1000), revenue L × C × P × Q
    expect(s.wb.value(sheet, `B${ROW.leads}`)).toBe(1000);
    expect(s.wb.value(sheet, `B${ROW.conversion}`)).toBeCloseTo(0.1, 12);
    expect(s.wb.value(sheet, `B${ROW.revenue}`)).toBeCloseTo(300_000, 6);
  });

  it.each([1, 2, 3, 4, 5])(
    'unnamed and blank, before stage %i + 1: blanks around it, no error',
    (k) => {
      const { s, sheet } = mapWithCounts();
      s.wb.insertColumns(sheet, col(k));
      const counts: (number | string)[] = [...COUNTS.slice(0, k), '', ...COUNTS.slice(k)];
      const { step, overall } = rows(s, sheet, 7);
      // a blank count has no conversion, and neither has the stage after it (nothing to divide by)
      expect(step).toEqual(
        counts.map((c, i) => {
          const prev = counts[i - 1];
          if (i === 0) return 1;
          return c === '' || prev === ''
            ? ''
            : Math.round(((c as number) / (prev as number)) * 1e9) / 1e9;
        }),
      );
      expect(overall).toEqual(
        counts.map((c) => (c === '' ? '' : Math.round(((c as number) / 1000) * 1e9) / 1e9)),
      );
    },
  );
});

describe('a stage column deleted by hand', () => {
  it.each([1, 2, 3, 4, 5])('stage %i + 1: the others show their conversions', (k) => {
    const { s, sheet } = mapWithCounts();
    s.wb.deleteColumns(sheet, col(k));
    const counts = COUNTS.filter((_, i) => i !== k);
    const { step, overall } = rows(s, sheet, 5);
    const round = (x: number) => Math.round(x * 1e9) / 1e9;
    expect(step).toEqual(
      counts.map((c, i) => (i === 0 ? 1 : round(c / (counts[i - 1] as number)))),
    );
    expect(overall).toEqual(counts.map((c) => round(c / 1000)));
  });
});
