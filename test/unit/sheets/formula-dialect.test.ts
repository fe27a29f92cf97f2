/**
 * Writing formulas when the spreadsheet's syntax is not known yet: the locale's syntax is tried,
 * one formula is read back, and on a parse error the formulas are written again with commas. The
 * syntax found is returned for the add-on to remember.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FormulaDialect } from '../../../src/core/map/formula-syntax';
import { PARSE_ERROR, writeInDialect } from '../../../src/sheets/formula-dialect';
import { emulated } from '../emulated';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** "=IF(1,2.5,0)" in the syntax asked for, written into A1 of a fresh ru_RU sheet. */
function writeIf(separators: 'comma' | 'locale', known: FormulaDialect | null, probe = true) {
  const { wb, sheet } = emulated({ locale: 'ru_RU', formulaSeparators: separators });
  const written: FormulaDialect[] = [];
  const cell = sheet().getRange('A1');
  const found = writeInDialect(
    known,
    (d) => {
      written.push(d);
      cell.setFormula(d === 'locale' ? '=IF(1;2,5;0)' : '=IF(1,2.5,0)');
    },
    probe ? () => cell.getValue() : null,
  );
  return { found, written, value: wb.value('Sheet1', 'A1') };
}

describe('a formula Sheets could not parse', () => {
  it('reads back as #ERROR!', () => {
    expect(PARSE_ERROR).toBe('#ERROR!');
    const { wb, sheet } = emulated({ locale: 'ru_RU', formulaSeparators: 'comma' });
    sheet().getRange('A1').setFormula('=IF(1;2,5;0)');
    expect(sheet().getRange('A1').getValue()).toBe('#ERROR!');
    expect(wb.value('Sheet1', 'A1')).toBe('#ERROR!');
  });
});

describe('writing formulas in a syntax not known yet', () => {
  it("keeps the locale's syntax where the spreadsheet takes it, writing once", () => {
    expect(writeIf('locale', null)).toEqual({ found: 'locale', written: ['locale'], value: 2.5 });
  });

  it('writes again with commas where the locale syntax does not parse, and says so', () => {
    expect(writeIf('comma', null)).toEqual({
      found: 'comma',
      written: ['locale', 'comma'],
      value: 2.5,
    });
  });

  it('writes with commas and learns nothing when no formula can be read back', () => {
    expect(writeIf('locale', null, false)).toEqual({
      found: null,
      written: ['comma'],
      value: '#ERROR!',
    });
    expect(writeIf('comma', null, false)).toEqual({ found: null, written: ['comma'], value: 2.5 });
  });
});

describe('writing formulas in a syntax already known', () => {
  it('writes once in that syntax and reads nothing back', () => {
    const probe = vi.fn(() => PARSE_ERROR);
    const written: FormulaDialect[] = [];
    expect(writeInDialect('locale', (d) => written.push(d), probe)).toBe('locale');
    expect(writeInDialect('comma', (d) => written.push(d), probe)).toBe('comma');
    expect(written).toEqual(['locale', 'comma']);
    expect(probe).not.toHaveBeenCalled();
  });

  it('trusts the known syntax even when the sheet would not parse it', () => {
    expect(writeIf('comma', 'locale')).toEqual({
      found: 'locale',
      written: ['locale'],
      value: '#ERROR!',
    });
    expect(writeIf('locale', 'comma')).toEqual({
      found: 'comma',
      written: ['comma'],
      value: '#ERROR!',
    });
  });
});
