import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Our own imports of a file, as paths relative to the repository. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^import[^'"]*['"](\.[^'"]+)['"]/gm)].map((m) =>
    relative('.', resolve(dirname(file), m[1] ?? '')),
  );
}

const layer = (path: string) =>
  path.startsWith('sidebar')
    ? 'sidebar'
    : path === 'src/contract'
      ? 'contract'
      : (path.split('/')[1] ?? '');

/** Which layers each layer may import (see architecture in the README's design notes). */
const ALLOWED: Record<string, string[]> = {
  core: ['core'],
  formulas: ['core', 'formulas'],
  sheets: ['core', 'sheets'],
  contract: ['core'],
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

  it('core is grouped by concern, and its folders import one way: words ← funnel ← map ← wizard ← poster', () => {
    const order = ['words', 'funnel', 'map', 'wizard', 'poster'];
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

  it("the sidebar carries only its own words, never the server's catalogue", () => {
    const offenders = sources.filter(
      (f) => f.startsWith('sidebar/') && imports(f).includes('src/core/words/i18n'),
    );
    expect(offenders).toEqual([]);
  });

  it('core and formulas never touch an Apps Script service', () => {
    const services =
      /\b(SpreadsheetApp|HtmlService|PropertiesService|LockService|ScriptApp|Session|Utilities|CacheService|UrlFetchApp)\./;
    const offenders = sources.filter(
      (f) => /^src\/(core|formulas)\//.test(f) && services.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('only sheets/ calls SpreadsheetApp', () => {
    const offenders = sources.filter(
      (f) => !f.startsWith('src/sheets/') && /\bSpreadsheetApp\./.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
