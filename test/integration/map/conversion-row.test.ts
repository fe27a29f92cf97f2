/**
 * The step and overall conversion rows of a map under columns inserted and deleted by hand
 * among its stages: Sheets adjusts their references as it always does, and every stage the map
 * reads still shows its conversion, never #ERROR! (hand edits the hostile-use test makes).
 */
import { describe, expect, it } from 'vitest';
import { a1, FIRST_STAGE_COL, ROW } from '../../../src/core/map/layout';
import { openSpreadsheet } from '../../support/addon';

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

describe('maps made before, and stage removals', () => {
  it('a map made with the two-range formulas gets the one-range ones on its next stage edit', () => {
    const { s, sheet } = mapWithCounts();
    const first = (row: number) =>
      s.wb.setCell(
        sheet,
        `C${row}`,
        `=IF(C${ROW.customers}="","",IF(ISTEXT(C${ROW.customers}),"⚠ “"&C${ROW.customers}&"” is text, not a number: type a number, without an apostrophe or spaces",1))`,
      );
    first(ROW.step);
    first(ROW.overall);
    s.wb.setCell(
      sheet,
      `D${ROW.step}`,
      `=CJM_CONVERSION(C${ROW.customers}:G${ROW.customers},D${ROW.customers}:H${ROW.customers})`,
    );
    s.wb.setCell(
      sheet,
      `D${ROW.overall}`,
      `=CJM_CONVERSION($C$${ROW.customers},D${ROW.customers}:H${ROW.customers})`,
    );
    s.select(sheet, `H${ROW.header}`);
    s.run('addStage');
    expect(s.wb.formula(sheet, `C${ROW.step}`)).toBe(
      `=CJM_CONVERSION(C${ROW.customers}:I${ROW.customers})`,
    );
    expect(s.wb.formula(sheet, `D${ROW.step}`)).toBe('');
    expect(s.wb.formula(sheet, `D${ROW.overall}`)).toBe('');
    expect(rows(s, sheet, 6)).toEqual(rows(mapWithCounts().s, 'Coffee', 6));
  });

  it.each([0, 1])('removing stage %i + 1 keeps the step and overall rows computing', (k) => {
    const { s, sheet } = mapWithCounts();
    s.select(sheet, `${col(k)}${ROW.header}`);
    s.run('removeStage');
    if (s.dialog()) expect(s.answerDialog('YES')).toEqual({ ok: true });
    const counts = COUNTS.filter((_, i) => i !== k);
    const round = (x: number) => Math.round(x * 1e9) / 1e9;
    expect(rows(s, sheet, 5)).toEqual({
      step: counts.map((c, i) => (i === 0 ? 1 : round(c / (counts[i - 1] as number)))),
      overall: counts.map((c) => round(c / (counts[0] as number))),
    });
  });

  it('moving the first stage right keeps the step and overall rows computing', () => {
    const { s, sheet } = mapWithCounts();
    s.select(sheet, `C${ROW.header}`);
    s.run('moveStageRight');
    const counts = [400, 1000, ...COUNTS.slice(2)];
    expect(s.wb.value(sheet, `C${ROW.step}`)).toBe(1);
    // 1000 after 400 is more than the previous stage: its note, and the rest computes
    expect(String(s.wb.value(sheet, `D${ROW.step}`))).toMatch(/^⚠ more than the previous stage/);
    expect(s.wb.value(sheet, `E${ROW.step}`)).toBeCloseTo(100 / 1000, 12);
    expect(s.wb.value(sheet, `H${ROW.overall}`)).toBeCloseTo(40 / counts[0]!, 12);
  });
});
