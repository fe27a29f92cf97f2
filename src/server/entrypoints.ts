import type { Argument } from '../formulas/grid';
import { FORMULAS } from '../formulas/registry';
import { paramType } from '../formulas/spec';
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
 * Every function Apps Script must see as a global: triggers, menu handlers, sidebar API
 * and custom functions. The build generates one top-level declaration with JSDoc for
 * each entry, so this list is the only place a new one is added.
 */
export interface EntryPoint {
  name: string;
  doc: string;
  params: readonly { name: string; type: string; doc: string; optional?: boolean }[];
  returns?: { type: string; doc: string };
  customFunction?: boolean;
  run: (...args: never[]) => unknown;
}

const command = (name: string, doc: string, run: () => void): EntryPoint => ({
  name,
  doc: `Menu: ${doc}`,
  params: [],
  run,
});

/**
 * What the pages call through google.script.run, one entry per request of src/requests.ts: a
 * handler missing here, or answering other than its contract says, fails the type check.
 */
const RPC = {
  createMap: {
    doc: 'validates the New map form and creates the map sheet (and, asked from the wizard, opens it there).',
    run: createMapAndOpen,
  },
  showWizard: { doc: 'opens the CJM wizard in the sidebar.', run: showWizard, menu: true },
  loadStep: { doc: 'opens a wizard step of a map and remembers it.', run: loadStep },
  saveStep: {
    doc: 'writes a wizard step into the map and answers with the next one, or reports field errors and conflicts.',
    run: saveStep,
  },
  editStages: { doc: 'adds, removes or moves a stage from the wizard.', run: editStages },
  savePlan: { doc: 'writes the action plan sheet, ranked by revenue impact.', run: savePlan },
  recordReviewFromWizard: {
    doc: "saves the review step's fields and records a review: the map's figures as a dated period in its history sheet.",
    run: recordReviewFromWizard,
  },
  insertCharts: {
    doc: 'inserts the funnel chart and the experience curve into the map sheet.',
    run: insertCharts,
  },
  exportMindMap: { doc: 'returns the map as a Markdown outline and OPML.', run: exportMindMap },
  exportPoster: {
    doc: 'returns the map as a one-page journey poster (SVG) in its language.',
    run: exportPoster,
  },
  activeSheetMap: {
    doc: "the map on the active sheet and the maps' change stamp, polled by the wizard to follow the user.",
    run: activeSheetMap,
  },
  removeStageConfirmed: {
    doc: "the Remove stage dialog's Yes: removes exactly the cells it showed.",
    run: removeStageConfirmed,
  },
  renameMapTo: {
    doc: "the Rename map dialog's OK: renames the map, its sheet and its plan.",
    run: renameMapTo,
  },
  createMapFromTable: {
    doc: "the Make a map from this table dialog's Create: makes the map from the table it sent back.",
    run: createMapFromTable,
  },
} satisfies {
  [K in RpcName]: { doc: string; run: (payload: unknown) => Results[K]; menu?: true };
};

const api = ([name, { doc, run }]: [string, { doc: string; run: (p: unknown) => unknown }]) => ({
  name,
  doc: `Sidebar API: ${doc}`,
  params: [
    { name: 'request', type: 'Object', doc: 'The request, as declared in src/requests.ts.' },
  ],
  returns: { type: 'Object', doc: 'The answer, as typed in src/contract.ts.' },
  run,
});

export const ENTRY_POINTS: readonly EntryPoint[] = [
  {
    name: 'onOpen',
    doc: 'Builds the add-on menu when the spreadsheet opens.',
    params: [{ name: 'e', type: 'Object', doc: 'The open event.' }],
    run: onOpen,
  },
  {
    name: 'onInstall',
    doc: 'Builds the add-on menu right after installation.',
    params: [{ name: 'e', type: 'Object', doc: 'The install event.' }],
    run: onInstall,
  },
  command('showWizard', RPC.showWizard.doc, showWizard),
  command('showNewMapDialog', 'opens the New map dialog.', showNewMapDialog),
  command('addStage', 'adds a stage after the selected one.', addStage),
  command(
    'removeStage',
    'removes the selected stage, asking first (in its own dialog) if it holds content.',
    removeStage,
  ),
  command('moveStageLeft', 'moves the selected stage one column left.', moveStageLeft),
  command('moveStageRight', 'moves the selected stage one column right.', moveStageRight),
  command('renameMap', 'opens the Rename map dialog.', renameMap),
  command(
    'recordReview',
    "keeps the map's figures as a dated period in its history sheet and moves its review dates on.",
    recordReviewFromMenu,
  ),
  command('showPortfolio', 'rebuilds the Portfolio sheet.', showPortfolio),
  command('showFormulaHelp', 'opens the formula reference in the sidebar.', showFormulaHelp),
  command(
    'makeMapFromTable',
    'reads the selected table and opens the Make a map from this table dialog.',
    makeMapFromTable,
  ),
  ...Object.entries(RPC)
    .filter(([, entry]) => !('menu' in entry))
    .map(api),
  {
    name: 'cjmSelfCheck',
    doc: 'Maintainers: probes what the Apps Script reference leaves open and writes a report sheet (run from the editor; not on the menu).',
    params: [],
    run: cjmSelfCheck,
  },
  ...FORMULAS.map((f) => ({
    name: f.name,
    doc: `${f.summary.en}\n${f.summary.ru}`,
    params: f.params.map((p) => ({
      name: p.name,
      type: paramType(p),
      doc: `${p.help.en} ${p.help.ru}`,
      optional: p.optional ?? false,
    })),
    returns: {
      type: 'number|string|Array<Array<number|string>>',
      doc: `${f.returns.en} ${f.returns.ru}`,
    },
    customFunction: true,
    // The formula stays pure: the language of its messages is read here, once per call, and passed
    // in.
    run: (...args: Argument[]) => f.evaluate(formulaLang(), args),
  })),
];
