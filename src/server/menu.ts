import { t, type Lang, type MessageKey } from '../core/words/i18n';
import { spreadsheetLang, ui } from '../sheets/workbook';

/** The add-on menu, in order; `null` is a separator. Handlers are entry points by name. */
export const MENU: readonly ({ label: MessageKey; handler: string } | null)[] = [
  { label: 'menu.wizard', handler: 'showWizard' },
  { label: 'menu.newMap', handler: 'showNewMapDialog' },
  null,
  { label: 'menu.addStage', handler: 'addStage' },
  { label: 'menu.removeStage', handler: 'removeStage' },
  { label: 'menu.moveLeft', handler: 'moveStageLeft' },
  { label: 'menu.moveRight', handler: 'moveStageRight' },
  { label: 'menu.rename', handler: 'renameMap' },
  null,
  { label: 'menu.portfolio', handler: 'showPortfolio' },
  { label: 'menu.formulaHelp', handler: 'showFormulaHelp' },
];

/**
 * Builds Extensions → CJM. In AuthMode.NONE (add-on installed but not yet used in this
 * file) no document or property may be read, so the menu falls back to English.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const lang: Lang = e?.authMode === ScriptApp.AuthMode.NONE ? 'en' : spreadsheetLang();
  const menu = ui().createAddonMenu();
  for (const item of MENU) {
    if (item) menu.addItem(t(lang, item.label), item.handler);
    else menu.addSeparator();
  }
  menu.addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}
