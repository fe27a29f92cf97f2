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

/** Every entry point, by name and kind, in the order the build declares them. */
const EXPECTED_ENTRY_POINTS = [
  ['onOpen', 'trigger'],
  ['onInstall', 'trigger'],
  ['showWizard', 'menu'],
  ['showNewMapDialog', 'menu'],
  ['addStage', 'menu'],
  ['removeStage', 'menu'],
  ['moveStageLeft', 'menu'],
  ['moveStageRight', 'menu'],
  ['renameMap', 'menu'],
  ['recordReview', 'menu'],
  ['showPortfolio', 'menu'],
  ['showFormulaHelp', 'menu'],
  ['makeMapFromTable', 'menu'],
  ['createMap', 'api'],
  ['loadStep', 'api'],
  ['saveStep', 'api'],
  ['editStages', 'api'],
  ['savePlan', 'api'],
  ['recordReviewFromWizard', 'api'],
  ['insertCharts', 'api'],
  ['exportMindMap', 'api'],
  ['exportPoster', 'api'],
  ['activeSheetMap', 'api'],
  ['removeStageConfirmed', 'api'],
  ['renameMapTo', 'api'],
  ['createMapFromTable', 'api'],
  ['cjmSelfCheck', 'editor'],
  ['CJM_REVENUE', 'formula'],
  ['CJM_CONVERSION', 'formula'],
  ['CJM_FUNNEL', 'formula'],
  ['CJM_BOTTLENECK', 'formula'],
  ['CJM_REQUIRED', 'formula'],
  ['CJM_IMPACT', 'formula'],
];

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the bundle's root", () => {
  it('lists every entry point by name and kind only', () => {
    expect(entryPoints).toEqual(EXPECTED_ENTRY_POINTS.map(([name, kind]) => ({ name, kind })));
  });

  it('forwards each name to its handler', () => {
    expect(Object.keys(handlers)).toEqual(EXPECTED_ENTRY_POINTS.map(([name]) => name));
    expect(handlers.onOpen).toBe(onOpen);
    expect(handlers.recordReview).toBe(recordReviewFromMenu);
    expect(handlers.createMap).toBe(createMapAndOpen);
  });

  it('forwards a formula to its computation', () => {
    emulated();
    expect(handlers.CJM_CONVERSION?.(1000, 50)).toBe(0.05);
  });
});
