/**
 * What the unit tests of src/server share: a map made as the New map form makes it, today's date
 * for the add-on and the spreadsheet, and the entry points the build declares.
 */
import { vi } from 'vitest';
import type { CreateMapResult } from '../../../src/contract';
import { createMap } from '../../../src/server/maps';
import type { Emulated } from '../emulated';

/**
 * The New map form's fields for "Office workers — Coffee beans", six checklist stages, in the
 * language of `locale`; `form` changes any of them (or adds one the form never sends).
 */
export function mapForm(locale = 'en_US', form: object = {}) {
  return {
    name: '',
    segment: 'Office workers',
    product: 'Coffee beans',
    preset: 'checklist6',
    stages: [],
    lang: locale.startsWith('ru') ? 'ru' : 'en',
    locale,
    example: false,
    ...form,
  };
}

/** A map made through createMap in whatever spreadsheet is open: its id and sheet's name. */
export function newMap(locale = 'en_US', form: object = {}): { mapId: string; sheetName: string } {
  const made = createMap(mapForm(locale, form)) as CreateMapResult;
  if (!made.ok) throw new Error(`createMap refused: ${JSON.stringify(made.fieldErrors)}`);
  return { mapId: made.mapId, sheetName: made.sheetName };
}

/**
 * Today is `day` (09:00 UTC) for the add-on's `new Date()` and for the spreadsheet's TODAY();
 * `vi.useRealTimers()` after the test.
 */
export function setToday(wb: Emulated['wb'], day: string): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${day}T09:00:00Z`));
  wb.clock.set(`${day}T09:00:00Z`);
}

/** Every entry point, by name and kind, in the order the build declares them. */
export const ENTRY_POINT_KINDS = [
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
