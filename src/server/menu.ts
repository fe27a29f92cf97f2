import { languageOf, t, type Lang, type MessageKey } from '../core/words/i18n';
import { activeSpreadsheet, ui } from '../sheets/workbook';

/** The add-on menu, in order; `null` is a separator. Handlers are entry points by name. */
export const MENU: readonly ({ label: MessageKey; handler: string } | null)[] = [
  { label: 'menu.wizard', handler: 'showWizard' },
  { label: 'menu.newMap', handler: 'showNewMapDialog' },
  { label: 'menu.importTable', handler: 'makeMapFromTable' },
  null,
  { label: 'menu.addStage', handler: 'addStage' },
  { label: 'menu.removeStage', handler: 'removeStage' },
  { label: 'menu.moveLeft', handler: 'moveStageLeft' },
  { label: 'menu.moveRight', handler: 'moveStageRight' },
  { label: 'menu.rename', handler: 'renameMap' },
  null,
  { label: 'menu.review', handler: 'recordReview' },
  { label: 'menu.portfolio', handler: 'showPortfolio' },
  { label: 'menu.formulaHelp', handler: 'showFormulaHelp' },
];

/**
 * The user's language. Google's editor add-on authorization page gives every mode "Locale
 * only" access (NONE, LIMITED and CUSTOM_FUNCTION included), so this works from the first
 * open, when the spreadsheet itself may not be read yet.
 */
export function userLang(): Lang {
  try {
    return languageOf(Session.getActiveUserLocale());
  } catch {
    return 'en';
  }
}

/**
 * The language of the formulas' messages (the ⚠ notes on a map, a refused argument): the
 * spreadsheet's, so a map's notes read as its labels do whoever opens it. A custom function
 * may read the spreadsheet (AuthMode.CUSTOM_FUNCTION: "read-only", same page as above); the
 * user's language if that read fails.
 */
export function formulaLang(): Lang {
  try {
    return languageOf(activeSpreadsheet().getSpreadsheetLocale());
  } catch {
    return userLang();
  }
}

/** Builds Extensions → CJM, in the user's language in every auth mode. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const lang = userLang();
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
