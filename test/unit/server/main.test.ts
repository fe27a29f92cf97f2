/**
 * The bundle's root: the entry points' names and kinds the build generates stubs from, and the
 * handler each stub forwards to.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { entryPoints, handlers } from '../../../src/server/main';
import { onOpen } from '../../../src/server/menu';
import { recordReviewFromMenu } from '../../../src/server/review';
import { createMapAndOpen } from '../../../src/server/wizard';
import { emulated } from '../emulated';
import { ENTRY_POINT_KINDS } from './fixtures';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the bundle's root", () => {
  it('lists every entry point by name and kind only', () => {
    expect(entryPoints).toEqual(ENTRY_POINT_KINDS.map(([name, kind]) => ({ name, kind })));
  });

  it('forwards each name to its handler', () => {
    expect(Object.keys(handlers)).toEqual(ENTRY_POINT_KINDS.map(([name]) => name));
    expect(handlers.onOpen).toBe(onOpen);
    expect(handlers.recordReview).toBe(recordReviewFromMenu);
    expect(handlers.createMap).toBe(createMapAndOpen);
  });

  it('forwards a formula to its computation', () => {
    emulated();
    expect(handlers.CJM_CONVERSION?.(1000, 50)).toBe(0.05);
  });
});
