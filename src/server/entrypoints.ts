import { FORMULAS } from '../formulas/registry';
import { t } from '../core/i18n';
import { spreadsheetLang } from '../sheets/workbook';
import { formulaHelp } from './formula-help';
import { onInstall, onOpen } from './menu';
import { showSidebar } from './sidebar';

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

function showFormulaHelp(): void {
  const lang = spreadsheetLang();
  showSidebar({ view: 'formulas', lang, formulas: formulaHelp(lang) }, t(lang, 'help.title'));
}

export const ENTRY_POINTS: readonly EntryPoint[] = [
  { name: 'onOpen', doc: 'Builds the add-on menu when the spreadsheet opens.', params: [{ name: 'e', type: 'Object', doc: 'The open event.' }], run: onOpen },
  { name: 'onInstall', doc: 'Builds the add-on menu right after installation.', params: [{ name: 'e', type: 'Object', doc: 'The install event.' }], run: onInstall },
  { name: 'showFormulaHelp', doc: 'Menu: opens the formula reference in the sidebar.', params: [], run: showFormulaHelp },
  ...FORMULAS.map((f) => ({
    name: f.name,
    doc: `${f.summary.en}\n${f.summary.ru}`,
    params: f.params.map((p) => ({ name: p.name, type: p.type, doc: `${p.help.en} ${p.help.ru}`, optional: p.optional ?? false })),
    returns: { type: 'number|string|Array<Array<number|string>>', doc: `${f.returns.en} ${f.returns.ru}` },
    customFunction: true,
    run: f.run,
  })),
];
