import { readFileSync, statSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { FORMULAS } from '../../src/formulas/registry';
import { MENU } from '../../src/server/menu';
import { entryDoc } from '../../src/server/entry-docs';
import { ENTRY_POINTS } from '../../src/server/entrypoints';

// npm test builds first; these tests read what Apps Script would receive.
const code = readFileSync('dist/Code.js', 'utf8');

/** The JSDoc of the generated stub of one entry point. */
const stubDoc = (name: string): string =>
  new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*function ${name}\\(`).exec(code)?.[1] ?? '';

function loadBare(): Record<string, unknown> {
  const context: Record<string, unknown> = {};
  runInNewContext(code, context, { filename: 'Code.js' });
  return context;
}

describe('dist/Code.js as Apps Script sees it', () => {
  it('is one plain script: no import, export or require', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\brequire\s*\(/);
  });

  it('loads in a bare V8 context and exposes every entry point as a global function', () => {
    const g = loadBare();
    const names = [
      'onOpen',
      'onInstall',
      ...MENU.flatMap((m) => (m ? [m.handler] : [])),
      ...FORMULAS.map((f) => f.name),
    ];
    for (const name of names) expect(typeof g[name], name).toBe('function');
  });

  it('computes the formulas there', () => {
    const g = loadBare() as Record<string, (...a: unknown[]) => unknown>;
    expect(g.CJM_REVENUE?.(1000, 0.05, 2000, 1.5)).toBeCloseTo(150_000, 6);
    expect(g.CJM_BOTTLENECK?.([[1000, 400, 100]], [['Visit', 'Cart', 'Order']])).toBe(
      'Cart → Order',
    );
    expect(() => g.CJM_CONVERSION?.(5, 10)).toThrow(/^CJM_CONVERSION: to_count \(10\) is larger/);
  });

  it('gives each custom function the JSDoc Sheets needs for autocomplete', () => {
    for (const f of FORMULAS) {
      const doc = stubDoc(f.name);
      expect(doc, f.name).toContain('@customfunction');
      for (const p of f.params)
        expect(doc, `${f.name} ${p.name}`).toMatch(
          new RegExp(`@param \\{[^}]+\\} \\[?${p.name}\\]? \\S`),
        );
      expect(doc).toMatch(/@return \{/);
    }
  });

  it('documents every entry point in its stub; the bundle itself carries none of those words', () => {
    const bundle = code.slice(0, code.indexOf('\n/**'));
    for (const e of ENTRY_POINTS) {
      const [first = ''] = entryDoc(e).doc.split('\n');
      expect(stubDoc(e.name), e.name).toContain(first);
      if (e.kind !== 'formula') expect(bundle, e.name).not.toContain(first.slice(6));
    }
    expect(stubDoc('addStage')).toContain('Menu: adds a stage after the selected one.');
    expect(stubDoc('saveStep')).toMatch(
      /Sidebar API: writes a wizard step[\s\S]*@param \{Object\} request/,
    );
  });

  it('ships the manifest with V8 and exactly the two least-privilege scopes', () => {
    const manifest = JSON.parse(readFileSync('dist/appsscript.json', 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
  });

  it('builds a sidebar page with no external resources', () => {
    const html = readFileSync('dist/Sidebar.html', 'utf8');
    expect(html).not.toMatch(
      /<script[^>]+src=|<link[^>]+href=|@import|https?:\/\/(?!www\.w3\.org)/,
    );
  });
});

describe("the add-on's pages", () => {
  it.each(['Sidebar', 'Dialog'])(
    '%s.html stays within its 100 KB budget (npm run build first)',
    (page) => {
      expect(statSync(`dist/${page}.html`).size).toBeLessThanOrEqual(100_000);
    },
  );
});
