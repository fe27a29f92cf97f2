/**
 * `npm test` starts with `npm run lint` (Biome). These probes show that the rules the project
 * relies on are on where they matter: each is a small file written into the folder whose rules it
 * tests, linted, and removed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The rules Biome reports for `code` as a file named `name` in `folder`. */
function lintIn(folder: string, name: string, code: string): string[] {
  const dir = mkdtempSync(join(folder, '.lint-probe-'));
  try {
    writeFileSync(join(dir, name), code);
    let out = '';
    try {
      // The probe's folder is ignored by git (so never committed), hence not by Biome here.
      execFileSync(
        'node_modules/.bin/biome',
        ['lint', '--colors=off', '--vcs-use-ignore-file=false', '--max-diagnostics=50', dir],
        { encoding: 'utf8', stdio: 'pipe' },
      );
    } catch (e) {
      const failed = e as { stdout?: string; stderr?: string };
      out = `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
    }
    return [...new Set([...out.matchAll(/lint\/\w+\/(\w+)/g)].map((m) => m[1] ?? ''))].sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the linter', () => {
  it('refuses a debugger statement, an unused variable and a floating promise', () => {
    const code = [
      'async function load(): Promise<number> {',
      '  return 1;',
      '}',
      'export function go(): void {',
      '  const unused = 2;',
      '  debugger;',
      '  load();',
      '}',
      '',
    ].join('\n');
    expect(lintIn('scripts', 'probe.ts', code)).toEqual([
      'noDebugger',
      'noFloatingPromises',
      'noUnusedVariables',
    ]);
  });

  it('holds the sidebar to the rules of hooks', () => {
    const code = [
      "import { useEffect, useState } from 'preact/hooks';",
      'export function Count({ n }: { n: number }) {',
      '  if (n > 1) {',
      '    const [x] = useState(0);',
      '    return x;',
      '  }',
      '  useEffect(() => {',
      '    console.log(n);',
      '  }, []);',
      '  return null;',
      '}',
      '',
    ].join('\n');
    expect(lintIn('sidebar', 'probe.tsx', code)).toEqual([
      'useExhaustiveDependencies',
      'useHookAtTopLevel',
    ]);
  });

  it.each(['test', 'emulator/test'])('lets no test in %s be focused or skipped', (folder) => {
    const code = [
      "import { it } from 'vitest';",
      "it.only('runs alone', () => {});",
      "it.skip('never runs', () => {});",
      '',
    ].join('\n');
    expect(lintIn(folder, 'probe.ts', code)).toEqual(['noFocusedTests', 'noSkippedTests']);
  });
});
