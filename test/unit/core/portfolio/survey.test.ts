/**
 * The portfolio's survey as it is read back: each map's footer line, revenue and next review, as
 * the formulas pointing at the map's cells show them.
 */
import { describe, expect, it } from 'vitest';
import type { MapEntry } from '../../../../src/core/portfolio/portfolio';
import { readSurvey, SURVEY } from '../../../../src/core/portfolio/survey';

const entry = (id: string, sheetName: string): MapEntry => ({ id, sheetName, revenue: null });
const MOSCOW = () => 'Europe/Moscow';

/** The portfolio's values from row 1, the survey's three cells of each map on its row. */
function values(rows: unknown[][]): unknown[][] {
  const out: unknown[][] = Array.from({ length: SURVEY.row - 1 }, () => []);
  for (const cells of rows) out.push([...Array<unknown>(SURVEY.col - 1).fill(''), ...cells]);
  return out;
}

describe('reading the survey', () => {
  it("takes each map's revenue and next review as their formulas show them, whatever the cell's format", () => {
    const read = readSurvey(
      [entry('AAAA11', 'Coffee'), entry('BBBB22', 'Tea'), entry('CCCC33', 'Cocoa')],
      values([
        // a date-formatted result: midnight of 30 November in Moscow is the 29th in UTC
        ['CJM map AAAA11 · template v2', 1000, new Date('2026-11-29T21:00:00Z')],
        // a result shown as a number: the date's serial
        ['CJM map BBBB22 · template v2', 500, 46356],
        // text is no day and no revenue to a formula
        ['CJM map CCCC33 · template v2', '1 000', '30.11.2026'],
      ]),
      MOSCOW,
    );
    expect(read.skipped).toEqual([]);
    expect(read.maps.map((m) => [m.id, m.revenue, m.nextReview])).toEqual([
      ['AAAA11', 1000, '2026-11-30'],
      ['BBBB22', 500, '2026-11-30'],
      ['CCCC33', null, null],
    ]);
  });

  it("leaves out a map whose sheet shows another map's footer, or none", () => {
    const read = readSurvey(
      [entry('AAAA11', 'Coffee'), entry('BBBB22', 'Tea')],
      values([
        ['CJM map CCCC33 · template v2', 1000, ''],
        ['', 500, ''],
      ]),
      MOSCOW,
    );
    expect(read.maps).toEqual([]);
    expect(read.skipped).toEqual([
      { id: 'AAAA11', reason: 'notMap', sheet: 'Coffee' },
      { id: 'BBBB22', reason: 'notMap', sheet: 'Tea' },
    ]);
  });
});
