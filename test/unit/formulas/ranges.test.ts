/**
 * How formulas spread over ranges (grid.ts, elementwise.ts): what counts as a blank cell, how a
 * list or a short row reads, how a single cell serves every element, and what an omitted
 * argument stands for.
 */
import { describe, expect, it } from 'vitest';
import { CJM_CONVERSION } from '../../../src/formulas/conversion';
import { isBlank, type Argument, type CellValue } from '../../../src/formulas/grid';
import { CJM_REVENUE } from '../../../src/formulas/revenue';
import type { FormulaSpec } from '../../../src/formulas/spec';

const col = (...v: CellValue[]) => v.map((x) => [x]);
const row = (...v: CellValue[]) => [v];
const en = (f: FormulaSpec, ...args: Argument[]) => f.evaluate('en', args);
const ru = (f: FormulaSpec, ...args: Argument[]) => f.evaluate('ru', args);

describe('a blank cell', () => {
  it('is blank however the host hands it over: "", null or nothing', () => {
    expect([isBlank(''), isBlank(null), isBlank(undefined)]).toEqual([true, true, true]);
    // a zero, FALSE or a space is something typed
    expect([isBlank(0), isBlank(false), isBlank(' ')]).toEqual([false, false, false]);
  });

  it('a null input leaves the result blank, as an empty cell does, rather than "not a number"', () => {
    expect(en(CJM_REVENUE, null, 0.1, 10)).toBe('');
    expect(en(CJM_REVENUE, 1000, null, 10)).toBe('');
  });

  it('a null cell inside a range, or a row shorter than the others, reads as blank', () => {
    expect(en(CJM_REVENUE, [[100, null]], 0.5, 10)).toEqual([[500, '']]);
    expect(en(CJM_REVENUE, [[100, 200], [300]], 0.5, 10)).toEqual([
      [500, 1000],
      [1500, ''],
    ]);
  });
});

describe('the shape of a range', () => {
  it('a plain list of values reads as a column', () => {
    expect(en(CJM_REVENUE, [100, 200, 300], 0.5, 10)).toEqual([[500], [1000], [1500]]);
  });

  it('a 1×1 range serves every element of a longer range, as a single cell does', () => {
    expect(en(CJM_REVENUE, col(100, 200, 300), [[0.5]], 10)).toEqual([[500], [1000], [1500]]);
    expect(en(CJM_REVENUE, row(100, 200), 0.5, [[10]], [[2]])).toEqual([[1000, 2000]]);
  });
});

describe('an omitted argument', () => {
  it('CJM_CONVERSION of one cell without to_count waits for it: blank, not an error', () => {
    expect(en(CJM_CONVERSION, 1000)).toBe('');
    expect(ru(CJM_CONVERSION, 0)).toBe('');
  });
});

describe('CJM_CONVERSION over one row of counts', () => {
  it('the first stage shows 1, each later stage its step from the one before', () => {
    expect(en(CJM_CONVERSION, row(1000, 400, 100))).toEqual([[1, 0.4, 0.25]]);
    expect(en(CJM_CONVERSION, col(200, 50))).toEqual([[1], [0.25]]);
    // one stage alone, as a 1×1 range: its step is the whole
    expect(en(CJM_CONVERSION, [[1000]])).toEqual([[1]]);
  });

  it('a first stage of 0 customers still shows 1; the step after it says why it cannot be computed', () => {
    expect(en(CJM_CONVERSION, row(0, 0))).toEqual([[1, '⚠ 0 customers at the previous stage']]);
    expect(ru(CJM_CONVERSION, row(0, 0))).toEqual([[1, '⚠ 0 клиентов на предыдущем этапе']]);
  });

  it('the first stage is still checked: a text count there says so', () => {
    expect(en(CJM_CONVERSION, row('lots', 10))).toEqual([
      [
        '⚠ “lots” is text, not a number: type a number, without an apostrophe or spaces',
        '⚠ “lots” is text, not a number: type a number, without an apostrophe or spaces',
      ],
    ]);
  });
});
