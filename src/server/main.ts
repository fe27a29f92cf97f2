/**
 * The bundle's root. esbuild wraps it as `var __cjm = (() => { ... })()`, and the
 * build appends one global stub per entry point that forwards to `__cjm.handlers`.
 * Nothing here runs a service at load time: Apps Script evaluates the whole file on
 * every custom-function call and in AuthMode.NONE.
 */
import { ENTRY_POINTS } from './entrypoints';

/** Each entry point's name and kind, for the build to generate its stub (entry-docs.ts). */
export const entryPoints = ENTRY_POINTS.map(({ name, kind }) => ({ name, kind }));
export const handlers: Record<string, (...args: unknown[]) => unknown> = Object.fromEntries(
  ENTRY_POINTS.map((e) => [e.name, e.run as (...args: unknown[]) => unknown]),
);
