/**
 * What each entry point's generated stub says: in the Apps Script editor and, for a custom
 * function, in Sheets' autocomplete. Read by the build only: Apps Script evaluates the add-on's
 * bundle on every custom-function call, so it does not carry these words.
 */
import { FORMULAS } from '../formulas/registry';
import { paramType } from '../formulas/spec';
import type { EntryName, EntryPoint } from './entrypoints';

export interface EntryDoc {
  name: string;
  doc: string;
  params: readonly { name: string; type: string; doc: string; optional?: boolean }[];
  returns?: { type: string; doc: string };
  customFunction?: boolean;
}

const DOCS: Record<EntryName, string> = {
  onOpen: 'Builds the add-on menu when the spreadsheet opens.',
  onInstall: 'Builds the add-on menu right after installation.',
  showWizard: 'opens the CJM wizard in the sidebar.',
  showNewMapDialog: 'opens the New map dialog.',
  addStage: 'adds a stage after the selected one.',
  removeStage: 'removes the selected stage, asking first (in its own dialog) if it holds content.',
  moveStageLeft: 'moves the selected stage one column left.',
  moveStageRight: 'moves the selected stage one column right.',
  renameMap: 'opens the Rename map dialog.',
  recordReview:
    "keeps the map's figures as a dated period in its history sheet and moves its review dates on.",
  showPortfolio: 'rebuilds the Portfolio sheet.',
  showFormulaHelp: 'opens the formula reference in the sidebar.',
  makeMapFromTable: 'reads the selected table and opens the Make a map from this table dialog.',
  cjmSelfCheck:
    'Maintainers: probes what the Apps Script reference leaves open and writes a report sheet (run from the editor; not on the menu).',
  createMap:
    'validates the New map form and creates the map sheet (and, asked from the wizard, opens it there).',
  loadStep: 'opens a wizard step of a map and remembers it.',
  saveStep:
    'writes a wizard step into the map and answers with the next one, or reports field errors and conflicts.',
  editStages: 'adds, removes or moves a stage from the wizard.',
  savePlan: 'writes the action plan sheet, ranked by revenue impact.',
  recordReviewFromWizard:
    "saves the review step's fields and records a review: the map's figures as a dated period in its history sheet.",
  insertCharts: 'inserts the funnel chart and the experience curve into the map sheet.',
  exportMindMap: 'returns the map as a Markdown outline and OPML.',
  exportPoster: 'returns the map as a one-page journey poster (SVG) in its language.',
  activeSheetMap:
    "the map on the active sheet and the maps' change stamp, polled by the wizard to follow the user.",
  removeStageConfirmed: "the Remove stage dialog's Yes: removes exactly the cells it showed.",
  renameMapTo: "the Rename map dialog's OK: renames the map, its sheet and its plan.",
  createMapFromTable:
    "the Make a map from this table dialog's Create: makes the map from the table it sent back.",
};

const isEntryName = (name: string): name is EntryName => name in DOCS;

/** The stub's documentation of an entry point; throws for one nobody documented. */
export function entryDoc({ name, kind }: Pick<EntryPoint, 'name' | 'kind'>): EntryDoc {
  if (kind === 'formula') {
    const f = FORMULAS.find((x) => x.name === name);
    if (!f) throw new Error(`entry-docs: no formula ${name} in the registry`);
    return {
      name,
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
    };
  }
  if (!isEntryName(name)) throw new Error(`entry-docs: ${name} has no documentation`);
  const doc = DOCS[name];
  if (kind === 'trigger')
    return {
      name,
      doc,
      params: [{ name: 'e', type: 'Object', doc: 'The event Apps Script passes.' }],
    };
  if (kind === 'menu') return { name, doc: `Menu: ${doc}`, params: [] };
  if (kind === 'editor') return { name, doc, params: [] };
  return {
    name,
    doc: `Sidebar API: ${doc}`,
    params: [
      { name: 'request', type: 'Object', doc: 'The request, as declared in src/requests.ts.' },
    ],
    returns: { type: 'Object', doc: 'The answer, as typed in src/contract.ts.' },
  };
}
