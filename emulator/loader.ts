// Loads a built add-on bundle (dist/Code.js: a plain script of global functions) into a
// node:vm context whose globals are the emulated services and nothing else (no require,
// process, setTimeout or Buffer, like Apps Script's V8). Global statements run in
// AuthMode.NONE, as they do before onOpen in a document where the add-on is not yet used,
// so a bundle that touches a service at load time fails here as it would in Sheets.
import vm from 'node:vm';
import { AuthMode, type AuthModeName } from './auth';
import { toClientJson } from './client-json';
import { installClock } from './clock';
import { errorMessage, isDate } from './errors';
import { Guard, type Realm } from './guard';
import { makeConsole } from './misc-services';
import { services } from './services';
import { EmuSpreadsheet } from './spreadsheet';
import type { Workbook } from './workbook';

export interface LoadOptions {
  /** Shown in stack traces. */
  filename?: string;
}

export interface Addon {
  /** Calls a global function of the bundle. Mode FULL, unless the first argument is an
   *  event object with an `authMode` (e.g. run('onOpen', { authMode: AuthMode.NONE })). */
  run(functionName: string, ...args: unknown[]): unknown;
  /** Calls a global function in the given AuthMode. */
  runAs(mode: AuthModeName, functionName: string, ...args: unknown[]): unknown;
  /**
   * The user opens the spreadsheet: it recalculates (TODAY() catches up with the clock), then
   * onOpen(e) runs with an event like Sheets builds it for this mode (default NONE).
   */
  runOnOpen(mode?: AuthModeName): unknown;
  /** Calls onInstall(e) like the add-on store does after installation (mode FULL). */
  runOnInstall(): unknown;
  /**
   * A server call as google.script.run makes it: arguments and result pass through toClientJson.
   */
  callFromClient(functionName: string, ...args: unknown[]): unknown;
  /** Names of the bundle's global functions. */
  functions(): string[];
  /** Names of the custom functions registered in the formula engine. */
  customFunctions(): string[];
  /** The vm context, for unusual test needs. */
  readonly context: vm.Context;
}

/**
 * Global functions whose JSDoc block says @customfunction (names ending in "_" are private in Apps
 * Script).
 */
export function findCustomFunctions(code: string): string[] {
  const names: string[] = [];
  const re = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*function\s+([A-Za-z_$][\w$]*)\s*\(/g;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const [, doc = '', name = ''] = m;
    if (/@customfunction\b/.test(doc) && !name.endsWith('_')) names.push(name);
  }
  return names;
}

/** Deep copy of plain data from the vm realm into the host realm (results of run()). */
function toHost(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(toHost);
  if (isDate(v)) return new Date(v.getTime());
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== null && Object.getPrototypeOf(proto) !== null) return v; // class instances, proxies
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = toHost(x);
  return out;
}

function hostError(e: unknown): unknown {
  if (e === null || typeof e !== 'object' || e instanceof Error || !('message' in e)) return e;
  const err = new Error(errorMessage(e));
  err.name = String((e as { name?: unknown }).name ?? 'Error');
  const stack = (e as { stack?: unknown }).stack;
  if (typeof stack === 'string') err.stack = stack;
  return err;
}

export function loadAddon(
  workbook: Workbook,
  code: string,
  files: Record<string, string> = {},
  opts: LoadOptions = {},
): Addon {
  const wb = workbook.model;
  const context = vm.createContext({});
  installClock(context, wb.clock);
  const realm = vm.runInContext('({ Array, Object, Date, Error })', context) as Realm;
  const guard = new Guard(wb.guardContext(), realm);
  const globals: Record<string, unknown> = {
    ...services(wb, files, (service) => guard.wrap(service)),
    console: guard.outward(makeConsole(wb)),
  };
  Object.assign(context, globals);
  // Mutation testing (npm run mutate): a bundle built from Stryker's instrumented sources
  // reads the active mutant from, and records coverage on, the test process's __stryker__.
  const stryker = (globalThis as Record<string, unknown>).__stryker__;
  if (stryker !== undefined) (context as Record<string, unknown>).__stryker__ = stryker;

  try {
    wb.auth.with('NONE', () =>
      vm.runInContext(code, context, { filename: opts.filename ?? 'Code.js' }),
    );
  } catch (e) {
    const err = new Error(
      `The bundle failed while running its global statements (AuthMode.NONE): ${errorMessage(e)}`,
    );
    (err as Error & { cause?: unknown }).cause = e;
    throw err;
  }
  const ctx = context as Record<string, unknown>;
  const functionNames = Object.keys(ctx).filter(
    (k) => !(k in globals) && typeof ctx[k] === 'function',
  );
  const customNames = findCustomFunctions(code).filter((n) => functionNames.includes(n));

  const fn = (name: string): ((...a: unknown[]) => unknown) => {
    const f = ctx[name];
    if (typeof f !== 'function') throw new Error(`Script function not found: ${name}`);
    return f as (...a: unknown[]) => unknown;
  };

  wb.engine.setCustomFunctions(customNames, (name, args) =>
    wb.auth.with('CUSTOM_FUNCTION', () => fn(name)(...(guard.outward(args) as unknown[]))),
  );

  // One call is one script execution: its writes are flushed when it ends, and only then do
  // the custom-function cells it changed compute (workbook-model.ts, formula-engine.ts).
  const runAs = (mode: AuthModeName, name: string, ...args: unknown[]): unknown => {
    const f = fn(name);
    wb.beginExecution();
    try {
      return toHost(wb.auth.with(mode, () => f(...(guard.outward(args) as unknown[]))));
    } catch (e) {
      throw hostError(e);
    } finally {
      // Apps Script releases the script's locks when the execution ends.
      wb.documentLock.endRun();
      wb.endExecution();
    }
  };

  const event = (mode: AuthModeName): Record<string, unknown> => {
    if (mode === 'NONE') return { authMode: mode };
    return {
      authMode: mode,
      source: guard.wrap(new EmuSpreadsheet(wb)),
      user: { email: wb.userEmail },
    };
  };

  return {
    context,
    run(name, ...args) {
      const first = args[0];
      const mode =
        first !== null &&
        typeof first === 'object' &&
        'authMode' in first &&
        typeof (first as { authMode: unknown }).authMode === 'string'
          ? (first as { authMode: AuthModeName }).authMode
          : AuthMode.FULL;
      return runAs(mode, name, ...args);
    },
    runAs,
    runOnOpen(mode = AuthMode.NONE) {
      wb.opened();
      return runAs(mode, 'onOpen', event(mode));
    },
    runOnInstall() {
      return runAs(AuthMode.FULL, 'onInstall', event(AuthMode.FULL));
    },
    callFromClient(name, ...args) {
      const sent = toClientJson(args, 'toServer') as unknown[];
      const result = runAs(AuthMode.FULL, name, ...sent);
      return toClientJson(result, 'toClient');
    },
    functions: () => [...functionNames],
    customFunctions: () => wb.engine.customFunctionNames,
  };
}
