// Authorization modes. Apps Script runs onOpen (and the bundle's global statements) in
// AuthMode.NONE for add-ons that are not yet used in the document: only the menu works
// there. Custom functions run in CUSTOM_FUNCTION mode; the project rule is that they
// are pure, so the emulator allows no document service at all there (stricter than Google).

export const AuthMode = Object.freeze({
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
} as const);
export type AuthModeName = (typeof AuthMode)[keyof typeof AuthMode];

/** Calls that need no authorization: the menu in NONE, and local helpers everywhere. */
const ALWAYS_ALLOWED_TYPES = new Set(['Logger', 'Utilities', 'console', 'ScriptApp', 'Charts']);
const NONE_ALLOWED = new Set([
  'SpreadsheetApp.getUi',
  'Ui.createAddonMenu',
  'Ui.createMenu',
  'Menu.addItem',
  'Menu.addSeparator',
  'Menu.addSubMenu',
  'Menu.addToUi',
]);

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
    if (mode === 'FULL' || mode === 'LIMITED') return;
    if (ALWAYS_ALLOWED_TYPES.has(typeName)) return;
    const name = `${typeName}.${method}`;
    if (mode === 'NONE' && NONE_ALLOWED.has(name)) return;
    throw permissionError(name, mode);
  }
}

export function permissionError(name: string, mode: AuthModeName): Error {
  const err = new Error(
    `You do not have permission to call ${name} in this context (AuthMode.${mode}).` +
      (mode === 'NONE' ? ' In AuthMode.NONE only the add-on menu is available.' : ''),
  );
  err.name = 'Exception';
  return err;
}
