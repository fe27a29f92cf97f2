import { describe, expect, it } from 'vitest';
import { narrowedByMove, removalEffect } from '../../../../src/core/map/outside-formulas';

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
