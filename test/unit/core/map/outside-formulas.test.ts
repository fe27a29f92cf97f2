import { describe, expect, it } from 'vitest';
import {
  narrowedByMove,
  removalEffect,
  shiftRows,
} from '../../../../src/core/map/outside-formulas';

/** Removing column E (5) of the sheet "Map", as seen from a formula on `on`. */
const effect = (formula: string, on = 'Report') => removalEffect(formula, on, 'Map', 5);

describe('what removing a column does to a formula, read from its text', () => {
  it('a reference wholly inside the column breaks, from another sheet or from the same one', () => {
    expect(effect("='Map'!E10")).toBe('breaks');
    expect(effect('=map!$E$10*2')).toBe('breaks');
    expect(effect('=SUM(Map!E:E)')).toBe('breaks');
    expect(effect('=E25/2', 'Map')).toBe('breaks');
    expect(effect("='My map'!E10", 'Report')).toBeNull();
  });

  it('a range that only shrinks, another column, another sheet or a text is fine', () => {
    expect(effect('=SUM(Map!D10:E10)')).toBeNull();
    expect(effect('=Map!F10+Map!D10')).toBeNull();
    expect(effect('=E25/2', 'Report')).toBeNull();
    expect(effect('="Map!E10"')).toBeNull();
    expect(effect('=IF(TRUE,CJM_K7P2QX_REVENUE,1.5E+3)')).toBeNull();
    expect(effect('=SUM(Map!10:12)')).toBeNull();
  });

  it('a sheet name in quotes may hold double quotes: they open no string', () => {
    expect(
      removalEffect(`='Map "best" =X("a","b")'!E25+1`, 'Report', 'Map "best" =X("a","b")', 5),
    ).toBe('breaks');
    expect(removalEffect(`="it's"&'Map'!E25`, 'Report', 'Map', 5)).toBe('breaks');
  });

  it('INDIRECT, OFFSET and named ranges cannot be told from the text: unchecked', () => {
    expect(effect('=INDIRECT("Map!E10")')).toBe('unchecked');
    expect(effect('=OFFSET(Map!D10,0,1)')).toBe('unchecked');
    expect(effect('=Sales*2')).toBe('unchecked');
  });
});

/** Moving column D (4) of "Map" right (it swaps with E), as seen from a formula on Report. */
const moves = (formula: string, on = 'Report') => narrowedByMove(formula, on, 'Map', 4, 1);

describe('what moving a column does to a formula, read from its text', () => {
  it('a range that starts or ends at the moved column or its neighbour may cover other stages', () => {
    expect(moves("=SUM('Map'!C25:E25)")).toBe(true);
    expect(moves('=SUM(Map!D25:H25)')).toBe(true);
    expect(moves('=SUM(D25:D30)+SUM(C25:E25)', 'Map')).toBe(true);
  });

  it('single cells follow their stage; ranges away from the two columns, or on another sheet, are fine', () => {
    expect(moves('=Map!D25+Map!E25')).toBe(false);
    expect(moves('=SUM(Map!C25:H25)')).toBe(false);
    expect(moves('=SUM(Map!F25:H25)')).toBe(false);
    expect(moves('=SUM(Other!C25:E25)')).toBe(false);
    expect(moves('=SUM(C25:E25)', 'Report')).toBe(false);
  });
});

/** A formula on the sheet "Portfolio" moved `by` rows with its row. */
const shifted = (formula: string, by: number) => shiftRows(formula, 'Portfolio', by);

describe('a formula moved with its row keeps referring to the cells of its row', () => {
  it("relative rows of its own sheet's cells, ranges and whole rows move by as much", () => {
    expect(shifted('=B4&" checked"', 1)).toBe('=B5&" checked"');
    expect(shifted('=SUM(B4:D4)', 1)).toBe('=SUM(B5:D5)');
    expect(shifted('=SUM(B7:D7)/R7', -3)).toBe('=SUM(B4:D4)/R4');
    expect(shifted('=SUM(4:4)+COUNT(B4:B)', 2)).toBe('=SUM(6:6)+COUNT(B6:B)');
    expect(shifted('=b4*2', 1)).toBe('=b5*2');
    expect(shifted('=LOG10(B4)+ATAN2(C4,1)', 1)).toBe('=LOG10(B5)+ATAN2(C5,1)');
    // in the syntax of a decimal-comma spreadsheet
    expect(shifted('=IF(B4>0;C4*1,5;"")', 1)).toBe('=IF(B5>0;C5*1,5;"")');
    // its own sheet, named
    expect(shifted("=Portfolio!B4+'portfolio'!C4", 1)).toBe("=Portfolio!B5+'portfolio'!C5");
  });

  it('absolute rows, whole columns, other sheets and text stay as typed', () => {
    expect(shifted('=$B$4+B$4+$B4', 2)).toBe('=$B$4+B$4+$B6');
    expect(shifted('=SUM($4:$4)+SUM(B:B)', 1)).toBe('=SUM($4:$4)+SUM(B:B)');
    expect(shifted("=Coffee!B4+'My map'!C4+Sheet1!D4", 1)).toBe("=Coffee!B4+'My map'!C4+Sheet1!D4");
    expect(shifted("='B4'!C4", 1)).toBe("='B4'!C4");
    expect(shifted('="B4 and 4:4"&B4', 1)).toBe('="B4 and 4:4"&B5');
    expect(shifted('=IF(TRUE,CJM_K7P2QX_REVENUE,1.5E+3)', 1)).toBe(
      '=IF(TRUE,CJM_K7P2QX_REVENUE,1.5E+3)',
    );
  });

  it('cannot be moved safely when its text does not say what it reaches, or a row would leave the top', () => {
    expect(shifted('=INDIRECT("B"&ROW())', 1)).toBeNull();
    expect(shifted('=OFFSET(B4,0,1)', 1)).toBeNull();
    expect(shifted('=Rate*B4', 1)).toBeNull();
    expect(shifted('=B2+B4', -2)).toBeNull();
    expect(shifted('=B2+B4', -1)).toBe('=B1+B3');
  });

  it('a row that did not move keeps any formula as typed', () => {
    expect(shifted('=INDIRECT("B"&ROW())', 0)).toBe('=INDIRECT("B"&ROW())');
  });
});
