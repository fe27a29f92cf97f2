/**
 * Every function Apps Script sees as a global: triggers, menu commands, the pages' requests, the
 * maintainers' self-check and the custom functions, each with the kind that decides its stub.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { showFormulaHelp, showNewMapDialog } from '../../../src/server/dialogs';
import { ENTRY_POINTS } from '../../../src/server/entrypoints';
import { createMapFromTable, makeMapFromTable } from '../../../src/server/import-table';
import {
  addStage,
  moveStageLeft,
  moveStageRight,
  removeStage,
  removeStageConfirmed,
  renameMap,
  renameMapTo,
} from '../../../src/server/maps';
import { onInstall, onOpen } from '../../../src/server/menu';
import { showPortfolio } from '../../../src/server/portfolio';
import { exportPoster } from '../../../src/server/poster';
import { recordReviewFromMenu } from '../../../src/server/review';
import { cjmSelfCheck } from '../../../src/server/self-check';
import {
  activeSheetMap,
  createMapAndOpen,
  editStages,
  exportMindMap,
  insertCharts,
  loadStep,
  recordReviewFromWizard,
  savePlan,
  saveStep,
  showWizard,
} from '../../../src/server/wizard';
import { emulated } from '../emulated';
import { ENTRY_POINT_KINDS } from './fixtures';

afterEach(() => {
  vi.unstubAllGlobals();
});

const run = (name: string) => ENTRY_POINTS.find((e) => e.name === name)?.run;

describe('the entry points', () => {
  it('are the triggers, the menu commands, the requests, the self-check and the formulas, in order', () => {
    expect(ENTRY_POINTS.map((e) => [e.name, e.kind])).toEqual(ENTRY_POINT_KINDS);
  });

  it('declare "Open the wizard" once, as a menu command, though the pages also request it', () => {
    expect(ENTRY_POINTS.filter((e) => e.name === 'showWizard').map((e) => e.kind)).toEqual([
      'menu',
    ]);
  });

  it('run the handler of each name', () => {
    const expected: Record<string, unknown> = {
      onOpen,
      onInstall,
      showWizard,
      showNewMapDialog,
      addStage,
      removeStage,
      moveStageLeft,
      moveStageRight,
      renameMap,
      recordReview: recordReviewFromMenu,
      showPortfolio,
      showFormulaHelp,
      makeMapFromTable,
      createMap: createMapAndOpen,
      loadStep,
      saveStep,
      editStages,
      savePlan,
      recordReviewFromWizard,
      insertCharts,
      exportMindMap,
      exportPoster,
      activeSheetMap,
      removeStageConfirmed,
      renameMapTo,
      createMapFromTable,
      cjmSelfCheck,
    };
    for (const [name, handler] of Object.entries(expected)) expect(run(name), name).toBe(handler);
  });

  it('compute a formula: 50 of 1000 customers is a conversion of 0.05', () => {
    emulated();
    expect(run('CJM_CONVERSION')?.(...([1000, 50] as never[]))).toBe(0.05);
    expect(run('CJM_REVENUE')?.(...([1000, 0.05, 2000, 1.5] as never[]))).toBe(150000);
  });

  it("refuse a formula's arguments in the spreadsheet's language, not the user's", () => {
    emulated({ locale: 'ru_RU', userLocale: 'en_US' });
    expect(() => run('CJM_CONVERSION')?.(...([10, 50] as never[]))).toThrow(
      /^CJM_CONVERSION: to_count \(50\) больше, чем from_count \(10\)/,
    );
    vi.unstubAllGlobals();
    emulated({ locale: 'en_US', userLocale: 'ru_RU' });
    expect(() => run('CJM_CONVERSION')?.(...([10, 50] as never[]))).toThrow(
      /^CJM_CONVERSION: [^а-яё]+$/,
    );
  });
});
