import { describe, expect, it } from 'vitest';
import { decimalComma } from '../../../../src/core/map/sheets-locales';

describe("a bare language under today's code", () => {
  it("is read as the home locale of Sheets' older code, in either case", () => {
    expect(decimalComma('id')).toBe(true); // as in_ID
    expect(decimalComma('nb')).toBe(true); // as no_NO
    expect(decimalComma('ID')).toBe(true);
    expect(decimalComma('NB')).toBe(true);
  });
});
