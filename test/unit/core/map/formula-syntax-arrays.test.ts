import { describe, expect, it } from 'vitest';
import {
  dialectOf,
  fromLocaleSyntax,
  toLocaleSyntax,
} from '../../../../src/core/map/formula-syntax';

describe('array literals in the syntax of a decimal-comma locale', () => {
  it('nested arrays keep the outer columns apart with "\\", both ways', () => {
    expect(toLocaleSyntax('={{1,2},{3,4}}')).toBe('={{1\\2}\\{3\\4}}');
    expect(fromLocaleSyntax('={{1\\2}\\{3\\4}}')).toBe('={{1,2},{3,4}}');
  });

  it('braces and commas inside strings neither open, close nor split an array', () => {
    expect(toLocaleSyntax('=IF(A1="{",1,2)')).toBe('=IF(A1="{";1;2)');
    expect(toLocaleSyntax('={"}",1}')).toBe('={"}"\\1}');
    expect(toLocaleSyntax('={"a,b",1}')).toBe('={"a,b"\\1}');
  });
});

describe('points that are no decimal point', () => {
  it('function names with dots keep them, digits next to them or not', () => {
    expect(toLocaleSyntax('=T.DIST.2T(2.5,10)')).toBe('=T.DIST.2T(2,5;10)');
    expect(fromLocaleSyntax('=T.DIST.2T(2,5;10)')).toBe('=T.DIST.2T(2.5,10)');
  });
});

describe('telling the syntax from the formulas read back', () => {
  it('";" inside a string or a quoted sheet name is no sign of the locale syntax', () => {
    expect(dialectOf([['=IF(A1="a;b",1,2)']])).toBe('comma');
    expect(dialectOf([["='Q1;Q2'!A1+SUM(1,2)"]])).toBe('comma');
  });

  it('formulas without separators say nothing: the next ones decide, else none', () => {
    expect(dialectOf([['=B4*2', '=A1+1'], ['=SUM(A1;B1)']])).toBe('locale');
    expect(dialectOf([['=B4*2']])).toBeNull();
  });
});
