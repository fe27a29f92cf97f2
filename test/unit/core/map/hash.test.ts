import { describe, expect, it } from 'vitest';
import { hash } from '../../../../src/core/map/hash';

// Expected ids: the published FNV-1a 32-bit test vectors ("" 0x811c9dc5, "a" 0xe40c292c,
// "foobar" 0xbf9cf968), written in base 36.
describe('the stable hash that names unmarked stage columns', () => {
  it('gives the FNV-1a 32-bit value of a text, in base 36', () => {
    expect(hash('')).toBe('ztntfp');
    expect(hash('a')).toBe('1r9wi7g');
    expect(hash('foobar')).toBe('1h5yxyg');
  });

  it('is the same on every read and differs for another text or another copy number', () => {
    expect(hash('Visit#1')).toBe(hash('Visit#1'));
    expect(hash('Visit#1')).not.toBe(hash('Visit#2'));
  });
});
