import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../../../src/core/words/file-name';

describe('a map’s name as a file name', () => {
  it('turns what Windows reserves, control characters and lone surrogates into one space', () => {
    expect(safeFileName('Q1: "leads" / deals?', 'map')).toBe('Q1 leads deals');
    expect(safeFileName('a\u0001b\u007fc\ud800d', 'map')).toBe('a b c d');
  });

  it('keeps at most 80 characters, without a space left at the cut, and falls back when nothing is left', () => {
    const long = `${'ж'.repeat(79)} tail`;
    expect(safeFileName(long, 'map')).toBe('ж'.repeat(79));
    expect(safeFileName('🎉'.repeat(81), 'map')).toBe('🎉'.repeat(80));
    expect(safeFileName(' <>|* ', 'map')).toBe('map');
  });
});
