import { describe, expect, it } from 'vitest';
import {
  brokenByRemoval,
  formulaRefs,
  removalEffect,
  shiftRows,
} from '../../../../src/core/map/outside-formulas';

describe('the references a formula names', () => {
  it('whole rows cover every column; a quoted sheet name reads its doubled quote as one', () => {
    expect(formulaRefs("=SUM(4:6)+'It''s map'!AB10")).toEqual({
      refs: [
        { sheet: null, firstCol: 1, lastCol: Infinity },
        { sheet: "It's map", firstCol: 28, lastCol: 28 },
      ],
      computed: false,
    });
  });

  it('a short named range is no cell, but reaches cells the text does not name', () => {
    expect(formulaRefs('=Tax*B4')).toEqual({
      refs: [{ sheet: null, firstCol: 2, lastCol: 2 }],
      computed: true,
    });
  });
});

/** Removing column E (5) of the sheet "Map", as seen from a formula on Report. */
const effect = (formula: string) => removalEffect(formula, 'Report', 'Map', 5);

describe('removing a column, seen from a formula outside the map', () => {
  it('a range that starts in the removed column and goes on only shrinks', () => {
    expect(effect('=SUM(Map!E10:F10)')).toBeNull();
  });

  it('breaks a reference to a sheet whose quoted name holds an apostrophe', () => {
    expect(removalEffect("='It''s map'!E10", 'Report', "It's map", 5)).toBe('breaks');
  });

  it("named ranges that merely contain TRUE, FALSE, digits or the map's prefix are unchecked", () => {
    expect(effect('=Budget_TRUE*2')).toBe('unchecked');
    expect(effect('=FalseStart+1')).toBe('unchecked');
    expect(effect('=Sales2024*2')).toBe('unchecked');
    expect(effect('=MYCJM_K7P2QX_REVENUE')).toBe('unchecked');
    expect(effect('=CJM_K7P2QX_REVENUE_2024')).toBe('unchecked');
  });

  it('a formula cut short inside a string is still read', () => {
    expect(effect('=Map!E10&"E10')).toBe('breaks');
    expect(effect('="Map!E10')).toBeNull();
  });
});

describe('the cells right of the map that removing a column would break', () => {
  it('formulas (not texts) past the last stage column with a reference wholly in that column', () => {
    const formulas = [
      ['Stage', '=B5', '=B5', '=B5*2', 'B5'],
      ['', '', '', '=SUM(B1:C1)', '=Other!B1', '=B:B'],
      ['', '', '', '=SUM(A1:B1)', '=B1+C1', '=C1'],
    ];
    // column B (2) removed; the map's stages end at column C (3)
    expect(brokenByRemoval(formulas, 2, 3, () => 'Map')).toEqual(['D1', 'F2', 'E3']);
  });

  it('none when no formula lies right of the map', () => {
    expect(brokenByRemoval([['=B5', '=B5', '=B5']], 2, 3, () => 'Map')).toEqual([]);
  });

  it("a reference naming the map's own sheet breaks as a bare one does, in any letter case", () => {
    const formulas = [['', '', '', '=Map!B5', "='map'!B5:B9", '=Other!B5', '=Map!C5']];
    expect(brokenByRemoval(formulas, 2, 3, () => 'Map')).toEqual(['D1', 'E1']);
  });

  it("asks for the sheet's name only when a formula right of the map names a sheet", () => {
    let asked = 0;
    const name = () => {
      asked++;
      return 'Map';
    };
    expect(brokenByRemoval([['', '', '', '=B5', '=C5*2']], 2, 3, name)).toEqual(['D1']);
    expect(asked).toBe(0);
    expect(brokenByRemoval([['', '', '', '=Map!B5', '=Map!B6']], 2, 3, name)).toEqual(['D1', 'E1']);
    expect(asked).toBe(1);
  });
});

/** A formula on the sheet "Portfolio" moved `by` rows with its row. */
const shifted = (formula: string, by: number) => shiftRows(formula, 'Portfolio', by);

describe('a formula moved with its row, past row 9 and column Z', () => {
  it('multi-letter columns and multi-digit rows move as a whole', () => {
    expect(shifted('=SUM(AB9:AC9)*B12', 1)).toBe('=SUM(AB10:AC10)*B13');
    expect(shifted('=SUM(10:12)+SUM(8:12)', 1)).toBe('=SUM(11:13)+SUM(9:13)');
  });

  it('strings, empty, odd-length or with doubled quotes, end where they end', () => {
    expect(shifted('=IF(B4="",0,B4)', 1)).toBe('=IF(B5="",0,B5)');
    expect(shifted('="abc"&B4', 1)).toBe('="abc"&B5');
    expect(shifted('="a""b"&B4', 1)).toBe('="a""b"&B5');
  });

  it('a custom function whose name begins with OFFSET is an ordinary function', () => {
    expect(shifted('=OFFSETDAYS(B4)', 1)).toBe('=OFFSETDAYS(B5)');
  });
});
