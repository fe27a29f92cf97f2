import { describe, expect, it } from 'vitest';
import {
  fittedName,
  NAME_MAX,
  SHEET_NAME_MAX,
  SHEET_SUFFIX_MAX,
} from '../../../../src/core/map/names';
import { LANGS, t } from '../../../../src/core/words/i18n';

describe("the suffixes the add-on adds to a map's sheet names", () => {
  it('are 17 characters at most: " (99)", " · план" and " (99)" again', () => {
    expect(SHEET_SUFFIX_MAX).toBe(17);
    expect(NAME_MAX.map + SHEET_SUFFIX_MAX).toBeLessThanOrEqual(SHEET_NAME_MAX);
  });

  it('are as long as the longest plan sheet name adds in any language', () => {
    const added = LANGS.map(
      (lang) => t(lang, 'plan.sheet', { name: `${'ж'.repeat(NAME_MAX.map)} (99)` }).length + 5,
    );
    expect(Math.max(...added) - NAME_MAX.map).toBe(SHEET_SUFFIX_MAX);
  });
});

describe('a name made from what the user typed', () => {
  it('puts one space for each run of line breaks, tabs and spaces', () => {
    expect(fittedName('map', 'Office\nworkers')).toBe('Office workers');
    expect(fittedName('map', 'Office \t\r\n  workers — Coffee  beans')).toBe(
      'Office workers — Coffee beans',
    );
  });

  it('is cut to the limit of its kind after leading and trailing spaces go', () => {
    expect(fittedName('map', `   ${'a'.repeat(100)}`)).toBe('a'.repeat(80));
    expect(fittedName('stage', `\n${'b'.repeat(70)}`)).toBe('b'.repeat(60));
    // a cut that ends on a space leaves none behind
    expect(fittedName('map', `${'a'.repeat(79)} bcd`)).toBe('a'.repeat(79));
  });

  it('never cuts an emoji in two, and keeps one that fits', () => {
    expect(fittedName('map', `${'a'.repeat(79)}😀 tail`)).toBe('a'.repeat(79));
    expect(fittedName('map', `😀${'a'.repeat(100)}`)).toBe(`😀${'a'.repeat(78)}`);
    expect(fittedName('map', `${'a'.repeat(78)}😀`)).toBe(`${'a'.repeat(78)}😀`);
  });
});
