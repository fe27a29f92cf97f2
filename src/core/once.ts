/**
 * A value built on first use. Apps Script evaluates the whole bundle on every
 * custom-function call, so module-level work (such as building zod schemas) is deferred
 * to the handlers that need it.
 */
export function once<T>(make: () => T): () => T {
  let value: { v: T } | null = null;
  return () => {
    value ??= { v: make() };
    return value.v;
  };
}
