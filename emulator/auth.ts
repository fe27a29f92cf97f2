// Authorization modes, modelled on the table of Google's "Editor add-on authorization" page
// (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle,
// "Authorization modes"):
//
//                          NONE                LIMITED                     CUSTOM_FUNCTION
// FULL
//   occurs for             onOpen (installed,  onOpen (all other times),   custom functions
// everything else: menu items,
//                          not yet used here)  onEdit
// google.script.run, onInstall
//   user data              locale only         locale only                 locale only
// yes
//   the spreadsheet        no                  yes                         read-only
// yes
//   user interface         add menu items      add menu items              no
// yes
//   Properties             no                  yes                         yes
// yes
//   other services         Logger, Utilities   those without user data     those without user data
// all
//
// and, on the same page: "Add-ons can't open sidebars or dialogs while executing in
// AuthMode.LIMITED". "Locale only" links to Session.getActiveUserLocale(): that is the one
// piece of user data the three restricted modes may read (so the menu and the formulas can
// speak the user's language from the first open), while the spreadsheet's own locale
// (Spreadsheet.getSpreadsheetLocale) is document access, which NONE does not have.
// Where the table is silent the emulator takes the stricter reading: a toast is user
// interface (not allowed in LIMITED or CUSTOM_FUNCTION); Session's user (getActiveUser,
// getEffectiveUser) is user data; the script's time zone is allowed wherever "services that
// don't access user data" are.
import { costKind, DOCUMENT_TYPES } from './cost';

export const AuthMode = Object.freeze({
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
} as const);
export type AuthModeName = (typeof AuthMode)[keyof typeof AuthMode];

/** Services every mode may use (NONE's "Logger, Utilities"; console is Logger's twin in V8). */
const ALWAYS_ALLOWED_TYPES = new Set(['Logger', 'Utilities', 'console']);
/** "Add menu items": what NONE and LIMITED may do with the user interface. */
const MENU_CALLS = new Set([
  'SpreadsheetApp.getUi',
  'Ui.createAddonMenu',
  'Menu.addItem',
  'Menu.addSeparator',
  'Menu.addToUi',
]);
/** User interface beyond menus: sidebars, dialogs, message boxes, toasts. */
const UI_TYPES = new Set(['Ui', 'Menu', 'PromptResponse']);
const UI_CALLS = new Set(['Spreadsheet.toast']);

export class AuthState {
  private stack: AuthModeName[] = ['FULL'];

  get mode(): AuthModeName {
    return this.stack[this.stack.length - 1] ?? 'FULL';
  }

  /** Runs fn with the given mode, restoring the previous one afterwards (calls nest). */
  with<T>(mode: AuthModeName, fn: () => T): T {
    this.stack.push(mode);
    try {
      return fn();
    } finally {
      this.stack.pop();
    }
  }

  /** Throws the Apps Script style permission error when the call is not allowed now. */
  check(typeName: string, method: string): void {
    const mode = this.mode;
    if (mode === 'FULL') return;
    const why = denial(mode, typeName, method);
    if (why !== null) throw permissionError(`${typeName}.${method}`, mode, why);
  }
}

/** Why the call is not allowed in `mode` (a hint for the message), or null when it is. */
function denial(
  mode: Exclude<AuthModeName, 'FULL'>,
  typeName: string,
  method: string,
): string | null {
  const name = `${typeName}.${method}`;
  if (ALWAYS_ALLOWED_TYPES.has(typeName)) return null;
  // User data: locale only.
  if (name === 'Session.getActiveUserLocale') return null;
  if (typeName === 'Session' || typeName === 'User') {
    if (name === 'Session.getScriptTimeZone' && mode !== 'NONE') return null;
    return "Only the user's locale (Session.getActiveUserLocale) is available.";
  }
  // User interface: add menu items (NONE, LIMITED); nothing in custom functions.
  if (MENU_CALLS.has(name))
    return mode === 'CUSTOM_FUNCTION' ? 'Custom functions have no user interface.' : null;
  if (UI_TYPES.has(typeName) || UI_CALLS.has(name)) {
    if (mode === 'LIMITED')
      return "Add-ons can't open sidebars or dialogs while executing in AuthMode.LIMITED.";
    if (mode === 'CUSTOM_FUNCTION') return 'Custom functions have no user interface.';
    return 'In AuthMode.NONE only the add-on menu is available.';
  }
  if (mode === 'NONE') return 'In AuthMode.NONE only the add-on menu is available.';
  // LIMITED and CUSTOM_FUNCTION: the spreadsheet (read-only in custom functions), Properties,
  // and other services that don't access user data.
  if (mode === 'CUSTOM_FUNCTION' && DOCUMENT_TYPES.has(typeName)) {
    const kind = costKind(typeName, method);
    if (kind === 'write' || kind === 'structural')
      return 'Custom functions have read-only access to the spreadsheet.';
  }
  return null;
}

export function permissionError(name: string, mode: AuthModeName, hint = ''): Error {
  const err = new Error(
    `You do not have permission to call ${name} in this context (AuthMode.${mode}).${hint ? ` ${hint}` : ''}`,
  );
  err.name = 'Exception';
  return err;
}
