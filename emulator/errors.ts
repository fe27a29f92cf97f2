// Errors shaped like the ones Apps Script services throw ("Exception: ..." in the editor).

export function gasError(message: string): Error {
  const err = new Error(message);
  err.name = 'Exception';
  return err;
}

export function notEmulated(name: string): Error {
  return new Error(`not emulated: ${name}`);
}

/**
 * Whether a value is a Date, from any vm realm (unlike instanceof). The emulator's own, apart from
 * the add-on's (src/core/map/dates): it loads nothing of the add-on but the built bundle.
 */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

export function errorMessage(e: unknown): string {
  if (e !== null && typeof e === 'object' && 'message' in e)
    return String((e as { message: unknown }).message);
  return String(e);
}
