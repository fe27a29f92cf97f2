import type { Argument } from '../formulas/grid';
import { FORMULAS } from '../formulas/registry';
import { showFormulaHelp, showNewMapDialog } from './dialogs';
import {
  addStage,
  moveStageLeft,
  moveStageRight,
  removeStage,
  removeStageConfirmed,
  renameMap,
  renameMapTo,
} from './maps';
import { formulaLang, onInstall, onOpen } from './menu';
import { cjmSelfCheck } from './self-check';
import { showPortfolio } from './portfolio';
import { recordReviewFromMenu } from './review';
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
} from './wizard';
import { exportPoster } from './poster';
import type { Results } from '../contract';
import type { RpcName } from '../requests';
import { createMapFromTable, makeMapFromTable } from './import-table';

/**
 * Every function Apps Script must see as a global: triggers, menu handlers, sidebar API and
 * custom functions. The build generates one top-level declaration for each entry, its JSDoc from
 * entry-docs.ts, so this list is the only place a new one is added.
 */
export interface EntryPoint {
  name: string;
  /**
   * How Apps Script calls it, which decides its stub's parameters: a trigger gets its event, a
   * menu command or the editor's own run nothing, the sidebar API its request, a custom function
   * its arguments.
   */
  kind: 'trigger' | 'menu' | 'editor' | 'api' | 'formula';
  run: (...args: never[]) => unknown;
}

const TRIGGERS = { onOpen, onInstall };

const MENU_COMMANDS = {
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
};

/** Run from the script editor by maintainers, not on the menu. */
const EDITOR = { cjmSelfCheck };

/**
 * What the pages call through google.script.run, one entry per request of src/requests.ts: a
 * handler missing here, or answering other than its contract says, fails the type check.
 */
const RPC = {
  createMap: createMapAndOpen,
  showWizard,
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
} satisfies { [K in RpcName]: (payload: unknown) => Results[K] };

/** Every entry point but the custom functions, whose names the formula registry holds. */
export type EntryName =
  | keyof typeof TRIGGERS
  | keyof typeof MENU_COMMANDS
  | keyof typeof EDITOR
  | RpcName;

const entries = (kind: EntryPoint['kind'], runs: Record<string, EntryPoint['run']>): EntryPoint[] =>
  Object.entries(runs).map(([name, run]) => ({ name, kind, run }));

export const ENTRY_POINTS: readonly EntryPoint[] = [
  ...entries('trigger', TRIGGERS),
  ...entries('menu', MENU_COMMANDS),
  // A request the menu also makes (showWizard) is declared once, as the menu's.
  ...entries(
    'api',
    Object.fromEntries(Object.entries(RPC).filter(([name]) => !(name in MENU_COMMANDS))),
  ),
  ...entries('editor', EDITOR),
  ...FORMULAS.map((f) => ({
    name: f.name,
    kind: 'formula' as const,
    // The formula stays pure: the language of its messages is read here, once per call, and passed
    // in.
    run: (...args: Argument[]) => f.evaluate(formulaLang(), args),
  })),
];
