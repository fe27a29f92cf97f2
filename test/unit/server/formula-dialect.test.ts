/**
 * The spreadsheet's formula syntax, remembered in the document's properties with the locale it was
 * found for: a point-decimal spreadsheet always takes commas; a decimal-comma one's is unknown until
 * found.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { knownDialect, rememberDialect } from '../../../src/server/formula-dialect';
import { emulated } from '../emulated';

afterEach(() => {
  vi.unstubAllGlobals();
});

const KEY = 'cjm.formulaDialect';

describe('the known formula syntax', () => {
  it('is commas in a point-decimal locale, whatever was remembered', () => {
    const { wb } = emulated();
    wb.properties.document.data.set(KEY, 'en_US:locale');
    expect(knownDialect('en_US')).toBe('comma');
  });

  it('is unknown in a decimal-comma locale before it was found', () => {
    emulated();
    expect(knownDialect('ru_RU')).toBeNull();
  });

  it('is the one remembered for this very locale', () => {
    const { wb } = emulated();
    wb.properties.document.data.set(KEY, 'ru_RU:locale');
    expect(knownDialect('ru_RU')).toBe('locale');
    wb.properties.document.data.set(KEY, 'ru_RU:comma');
    expect(knownDialect('ru_RU')).toBe('comma');
  });

  it('is unknown when it was found for another locale', () => {
    const { wb } = emulated();
    wb.properties.document.data.set(KEY, 'de_DE:locale');
    expect(knownDialect('ru_RU')).toBeNull();
  });

  it('is unknown when the remembered value is not a syntax', () => {
    const { wb } = emulated();
    wb.properties.document.data.set(KEY, 'ru_RU:semicolon');
    expect(knownDialect('ru_RU')).toBeNull();
    wb.properties.document.data.set(KEY, 'ru_RU');
    expect(knownDialect('ru_RU')).toBeNull();
  });
});

describe('remembering the formula syntax', () => {
  it('writes the locale and the syntax found in a decimal-comma spreadsheet', () => {
    const { wb } = emulated();
    rememberDialect('ru_RU', 'locale', null);
    expect(wb.properties.document.data.get(KEY)).toBe('ru_RU:locale');
    rememberDialect('de_DE', 'comma', 'locale');
    expect(wb.properties.document.data.get(KEY)).toBe('de_DE:comma');
  });

  it('writes nothing when the syntax found is the one already known', () => {
    const { wb } = emulated();
    rememberDialect('ru_RU', 'locale', 'locale');
    expect(wb.properties.document.data.has(KEY)).toBe(false);
  });

  it('writes nothing in a point-decimal spreadsheet, where it is always commas', () => {
    const { wb } = emulated();
    rememberDialect('en_US', 'comma', null);
    expect(wb.properties.document.data.has(KEY)).toBe(false);
  });
});
