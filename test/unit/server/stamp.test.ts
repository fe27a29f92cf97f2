/**
 * The maps' change stamp: one document property that a command changing a map rewrites, and that
 * an open wizard polls.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mapsStamp, markMapsChanged, newStamp } from '../../../src/server/stamp';
import { emulated } from '../emulated';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** 2026-12-01T10:00:00Z is 1796119200000 ms, "mx4izwg0" in base 36; 0.123456789 is "0.4fzzzxjylrx". */
function fixedTimeAndChance() {
  vi.spyOn(Date, 'now').mockReturnValue(1796119200000);
  vi.spyOn(Math, 'random').mockReturnValue(0.123456789);
}

describe("the maps' change stamp", () => {
  it('is empty before any map changed', () => {
    emulated();
    expect(mapsStamp()).toBe('');
  });

  it('is the time in base 36, a dot and six random base-36 characters', () => {
    emulated();
    fixedTimeAndChance();
    expect(newStamp()).toEqual({ key: 'cjm.maps.changed', value: 'mx4izwg0.4fzzzx' });
  });

  it('is written to the document property "cjm.maps.changed" when a map changes, and read back', () => {
    const { wb } = emulated();
    fixedTimeAndChance();
    markMapsChanged();
    expect(wb.properties.document.data.get('cjm.maps.changed')).toBe('mx4izwg0.4fzzzx');
    expect(mapsStamp()).toBe('mx4izwg0.4fzzzx');
  });

  it('moves on with every change', () => {
    emulated();
    markMapsChanged();
    const first = mapsStamp();
    markMapsChanged();
    expect(mapsStamp()).not.toBe(first);
    expect(mapsStamp()).toMatch(/^[0-9a-z]+\.[0-9a-z]{1,6}$/);
  });
});
