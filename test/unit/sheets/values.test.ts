/**
 * What each kind of cell is handed to setValues as. A string is parsed as if typed there, so
 * anything a user wrote goes with a leading apostrophe (the cell then holds the text itself); the
 * add-on's formulas go in the spreadsheet's syntax; a cell read back is handed over as it was.
 */
import { describe, expect, it } from 'vitest';
import type { PlanCell } from '../../../src/core/map/plan';
import { asText, keptValue, planValue, writeValue } from '../../../src/sheets/values';

const planned = (
  over: Pick<PlanCell, 'value'> | Required<Pick<PlanCell, 'formula'>>,
): PlanCell => ({
  value: '',
  owner: 'user',
  style: 'input',
  numberFormat: '',
  ...over,
});

describe('values handed to setValues', () => {
  it('marks user text as text however it starts, and leaves an emptied cell empty', () => {
    expect(['=A1', '+1', '-x', '@a', "'q", 'TRUE', '1,5'].map(asText)).toEqual([
      "'=A1",
      "'+1",
      "'-x",
      "'@a",
      "''q",
      "'TRUE",
      "'1,5",
    ]);
    // not a lone apostrophe, which a spreadsheet may count as content (Excel's ISBLANK does)
    expect(asText('')).toBe('');
  });

  it("plans text as text, a number as a number, and a formula in the spreadsheet's syntax", () => {
    expect(planValue(planned({ value: '=HYPERLINK("x")' }))).toBe('\'=HYPERLINK("x")');
    expect(planValue(planned({ value: 1000 }))).toBe(1000);
    const formula = planned({ formula: '=ROUND(B5*1.5,0)' });
    expect(planValue(formula)).toBe('=ROUND(B5*1.5,0)');
    expect(planValue(formula, 'comma')).toBe('=ROUND(B5*1.5,0)');
    expect(planValue(formula, 'locale')).toBe('=ROUND(B5*1,5;0)');
  });

  it('writes a cell read back as it was: its formula, number, date, checkbox, text or nothing', () => {
    const day = new Date(Date.UTC(2026, 10, 15));
    expect(keptValue('ignored when there is a formula', '=2*21')).toBe('=2*21');
    expect(keptValue(42, '')).toBe(42);
    expect(keptValue(day, '')).toBe(day);
    expect(keptValue(false, '')).toBe(false);
    expect(keptValue('=not a formula', '')).toBe("'=not a formula");
    expect(keptValue('', '')).toBe('');
    // (a cell past the end of a shorter row read)
    expect(keptValue(undefined, '')).toBe('');
    expect(keptValue(null, '')).toBe('');
  });

  it('writes each kind of planned cell of the plan and the portfolio', () => {
    expect(writeValue({ text: '+10%' })).toBe("'+10%");
    expect(writeValue({ number: 46_387 })).toBe(46_387);
    expect(writeValue({ formula: '=IF(1>0,1,0)' })).toBe('=IF(1>0,1,0)');
    expect(writeValue({ formula: '=IF(1>0,1,0)' }, 'locale')).toBe('=IF(1>0;1;0)');
    expect(writeValue({ kept: '@owner', formula: '' })).toBe("'@owner");
    expect(writeValue({ kept: 'shown', formula: '=B4&"!"' })).toBe('=B4&"!"');
    expect(writeValue({ kept: 7 })).toBe(7);
  });
});
