import { describe, expect, it } from 'vitest';
import { a1, absA1, a1Range, colName, colNumber } from '../../../../src/core/map/layout';

describe('A1 column names', () => {
  it('name a column as Sheets heads it, past Z and ZZ', () => {
    const named: [number, string][] = [
      [1, 'A'],
      [3, 'C'],
      [26, 'Z'],
      [27, 'AA'],
      [52, 'AZ'],
      [53, 'BA'],
      [702, 'ZZ'],
      [703, 'AAA'],
      [18278, 'ZZZ'],
    ];
    for (const [col, name] of named) {
      expect(colName(col), String(col)).toBe(name);
      expect(colNumber(name), name).toBe(col);
    }
  });

  it('read letters in either case', () => {
    expect(colNumber('c')).toBe(3);
    expect(colNumber('aB')).toBe(28);
  });

  it('make cell and range references', () => {
    expect(a1(23, 3)).toBe('C23');
    expect(absA1(23, 28)).toBe('$AB$23');
    expect(a1Range(20, 3, 1, 6)).toBe('C20:H20');
    expect(a1Range(5, 2, 1, 1)).toBe('B5');
  });
});
