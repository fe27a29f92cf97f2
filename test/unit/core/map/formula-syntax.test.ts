import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dialectOf,
  fromLocaleSyntax,
  toLocaleSyntax,
} from '../../../../src/core/map/formula-syntax';

describe('formula syntax in decimal-comma locales', () => {
  it('writes ";" between arguments and "," in numbers, never inside strings or quoted sheet names', () => {
    expect(toLocaleSyntax(`=IF(OR(C25="",D25=""),"a, b",C25*1.5)`)).toBe(
      `=IF(OR(C25="";D25="");"a, b";C25*1,5)`,
    );
    expect(toLocaleSyntax(`='Plan, 2.5'!B1+SUM(1,2)`)).toBe(`='Plan, 2.5'!B1+SUM(1;2)`);
  });

  it('writes an array literal with "\\" between columns and ";" between rows, as the locale types it', () => {
    const english = `=SPARKLINE(A1:A3,{"charttype","line";"linewidth",1.5})`;
    const local = `=SPARKLINE(A1:A3;{"charttype"\\"line";"linewidth"\\1,5})`;
    expect(toLocaleSyntax(english)).toBe(local);
    expect(fromLocaleSyntax(local)).toBe(english);
    // the rows' ";" of an English literal is no sign of the locale's syntax
    expect(dialectOf([[english]])).toBe('comma');
    expect(dialectOf([[local]])).toBe('locale');
  });

  it('reads back what it writes (property), and tells the syntax from the formulas', () => {
    const piece = fc.constantFrom(
      'C25',
      '1.5',
      '"x, y"',
      "'Q1, 2.5'!A1",
      'SUM(1,2)',
      'IF(A1="",0,1)',
      '{"a",1.5;"b",2}',
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 2, maxLength: 5 }), (parts) => {
        const formula = `=CONCAT(${parts.join(',')})`;
        expect(fromLocaleSyntax(toLocaleSyntax(formula))).toBe(formula);
        expect(dialectOf([[toLocaleSyntax(formula)]])).toBe('locale');
        expect(dialectOf([[formula]])).toBe('comma');
      }),
    );
  });
});
