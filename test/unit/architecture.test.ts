import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/**
 * Our own imports of a file (static, re-exports and dynamic), as paths relative to the
 * repository.
 */
function imports(file: string, { types = true } = {}): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/^(?:import|export)[^'";]*?from\s*['"](\.[^'"]+)['"]/gm),
    ...text.matchAll(/^import\s*['"](\.[^'"]+)['"]/gm),
    ...text.matchAll(/\b(?:import|require)\(\s*['"](\.[^'"]+)['"]/g),
  ];
  return specifiers
    .filter((m) => types || !/^(import|export) type\b/.test(m[0]))
    .map((m) => relative('.', resolve(dirname(file), m[1] ?? '')));
}

/**
 * The methods of Sheet, Range and RangeList, from @types/google-apps-script, less the names
 * every JavaScript value has (Array's sort, String's trim…) and zod/mini's `.check()`.
 */
function sheetAndRangeMethods(): string[] {
  const dts = readFileSync(
    'node_modules/@types/google-apps-script/google-apps-script.spreadsheet.d.ts',
    'utf8',
  );
  const methodsOf = (name: string): string[] => {
    const start = dts.indexOf(`        interface ${name} {`);
    const end = dts.indexOf('\n        }', start);
    expect(start).toBeGreaterThan(0);
    return [...dts.slice(start, end).matchAll(/^\s{12}(\w+)\(/gm)].map((m) => m[1] ?? '');
  };
  const everyValue = new Set(
    [Array, String, Map, Set, Object, Date].flatMap((c) => Object.getOwnPropertyNames(c.prototype)),
  );
  return [...new Set(['Sheet', 'Range', 'RangeList'].flatMap(methodsOf))].filter(
    (n) => !everyValue.has(n) && n !== 'check',
  );
}

/** `file:line method` for each call of one of these methods in a file. */
function callsIn(file: string, methods: readonly string[]): string[] {
  const call = new RegExp(`\\.(${methods.join('|')})\\(`, 'g');
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => [...line.matchAll(call)].map((m) => `${file}:${i + 1} ${m[1]}`));
}

const layer = (path: string) =>
  path.startsWith('sidebar')
    ? 'sidebar'
    : path === 'src/contract' || path === 'src/requests'
      ? 'contract'
      : (path.split('/')[1] ?? '');

/** Which layers each layer may import (see docs/design.md, "Layers, one direction of imports"). */
const ALLOWED: Record<string, string[]> = {
  core: ['core'],
  formulas: ['core', 'formulas'],
  sheets: ['core', 'sheets'],
  contract: ['core', 'contract'],
  server: ['core', 'formulas', 'sheets', 'server', 'contract'],
  sidebar: ['sidebar', 'contract', 'core'],
};

describe('the architecture', () => {
  const sources = [...files('src'), ...files('sidebar')];

  it('imports point one way: core ← formulas, sheets ← server; the sidebar sees only the contract and core', () => {
    const wrong = sources.flatMap((file) => {
      const from = layer(file.replace(/\.tsx?$/, ''));
      return imports(file)
        .filter((to) => !ALLOWED[from]?.includes(layer(to)))
        .map((to) => `${file} → ${to}`);
    });
    expect(wrong).toEqual([]);
  });

  it('core is grouped by concern, and its folders import one way: words ← funnel ← map ← import ← review ← portfolio ← wizard ← poster', () => {
    const order = ['words', 'funnel', 'map', 'import', 'review', 'portfolio', 'wizard', 'poster'];
    const folder = (path: string) =>
      path.startsWith('src/core/') ? (path.split('/')[2] ?? '') : null;
    const core = sources.filter((f) => f.startsWith('src/core/'));
    // once.ts is the one shared helper at the top; everything else lives in a concern's folder
    expect(
      core.filter((f) => !order.includes(folder(f) ?? '') && f !== 'src/core/once.ts'),
    ).toEqual([]);
    const wrong = core.flatMap((file) => {
      const from = order.indexOf(folder(file) ?? '');
      return imports(file)
        .filter((to) => folder(to) !== null && order.indexOf(folder(to) ?? '') > from)
        .map((to) => `${file} → ${to}`);
    });
    expect(wrong).toEqual([]);
  });

  it("the sidebar carries only its own words, never the server's catalogue, not even through a module it imports", () => {
    // every module the sidebar's bundle takes in, and who brought the catalogue in
    const paths = new Set(sources.map((f) => f.replace(/\.tsx?$/, '')));
    const seen = new Map<string, string>();
    const queue = sources
      .filter((f) => f.startsWith('sidebar/'))
      .map((f) => f.replace(/\.tsx?$/, ''));
    for (const f of queue) seen.set(f, 'sidebar');
    while (queue.length) {
      const from = queue.shift() as string;
      const file = sources.find((f) => f.replace(/\.tsx?$/, '') === from);
      // (a type-only import brings no code into the bundle)
      for (const to of file ? imports(file, { types: false }) : [])
        if (paths.has(to) && !seen.has(to)) {
          seen.set(to, from);
          queue.push(to);
        }
    }
    expect(seen.has('src/core/words/i18n') ? seen.get('src/core/words/i18n') : null).toBeNull();
  });

  it('core and formulas never touch an Apps Script service', () => {
    const services =
      /\b(SpreadsheetApp|HtmlService|PropertiesService|LockService|ScriptApp|Session|Utilities|CacheService|UrlFetchApp)\./;
    const offenders = sources.filter(
      (f) => /^src\/(core|formulas)\//.test(f) && services.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('Sheet and Range methods are called from sheets/ only', () => {
    const methods = sheetAndRangeMethods();
    // the list is real: it holds the calls the map's commands make
    expect(methods).toEqual(expect.arrayContaining(['getRange', 'setValues', 'insertColumnAfter']));
    // (the sidebar has no Apps Script types at all: its type check refuses a Sheet there)
    const offenders = sources
      .filter((f) => f.startsWith('src/') && !f.startsWith('src/sheets/'))
      .flatMap((f) => callsIn(f, methods));
    expect(offenders).toEqual([]);
  });

  it('nothing in src or the sidebar imports the emulator, the workbench or the export (none is shipped)', () => {
    const wrong = sources.flatMap((file) =>
      imports(file)
        .filter((to) => /^(dev|emulator|xlsx-export)(\/|$)/.test(to))
        .map((to) => `${file} → ${to}`),
    );
    expect(wrong).toEqual([]);
  });

  it('the emulator stands alone, and everything else reaches it through its entry point', () => {
    const emulator = files('emulator');
    // (its tests load the add-on's bundle, and measure text the way the add-on does)
    const reachesOut = emulator
      .filter((f) => !f.startsWith('emulator/test/'))
      .flatMap((f) =>
        imports(f)
          .filter((to) => !to.startsWith('emulator/'))
          .map((to) => `${f} → ${to}`),
      );
    expect(reachesOut).toEqual([]);
    // A browser page cannot load index.ts (it brings in Node), so it takes the plain data the
    // emulator hands out as types from views.ts; a type import brings no code.
    const outside = ['dev', 'xlsx-export', 'bench', 'scripts', 'test', 'src', 'sidebar']
      .flatMap(files)
      .concat(readdirSync('.').filter((f) => /\.ts$/.test(f)));
    const internals = outside.flatMap((f) => {
      const code = imports(f, { types: false });
      return imports(f)
        .filter((to) => to.startsWith('emulator/') && to !== 'emulator/index')
        .filter((to) => to !== 'emulator/views' || code.includes(to))
        .map((to) => `${f} → ${to}`);
    });
    expect(internals).toEqual([]);
    // the rule sees the imports it judges
    expect(outside.filter((f) => imports(f).includes('emulator/index')).length).toBeGreaterThan(10);
  });

  it('only sheets/ calls SpreadsheetApp', () => {
    const offenders = sources.filter(
      (f) => !f.startsWith('src/sheets/') && /\bSpreadsheetApp\./.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
