/**
 * Each runtime's type check sees only the globals that exist where its code runs: a browser global
 * in the domain, Node in a custom function or Apps Script in the sidebar does not compile. Each
 * probe is a one-line file checked with its folder's own tsconfig.json (extended, so the options
 * are exactly that folder's), next to a line that must compile there.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check, RUNTIMES } from '../../scripts/typecheck';

// Inside the repository, so a probe finds node_modules/@types as its folder does.
const scratch = mkdtempSync(join(process.cwd(), '.runtime-probe-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let probes = 0;
/** Type-checks `code` as if it were a file of `folder`; resolves to tsc's output ('' when it compiles). */
async function compileIn(folder: string, code: string): Promise<string> {
  const dir = join(scratch, String(probes++));
  execFileSync('mkdir', ['-p', dir]);
  writeFileSync(join(dir, 'probe.ts'), `${code}\nexport {};\n`);
  const config = relative(dir, join(folder, 'tsconfig.json'));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: config, files: ['probe.ts'], include: [] }),
  );
  const { code: exit, out } = await check(dir);
  return exit === 0 ? '' : out;
}

const refused: [folder: string, code: string, name: string][] = [
  ['src/core', 'document.title = "x";', 'document'],
  ['src/core', 'const e = process.env;', 'process'],
  ['src/core', 'Buffer.from("x");', 'Buffer'],
  ['src/core', 'SpreadsheetApp.getActive();', 'SpreadsheetApp'],
  ['src/formulas', 'const e = process.env;', 'process'],
  ['src/formulas', 'window.alert("x");', 'window'],
  ['src', 'document.title = "x";', 'document'],
  ['src/server', 'document.title = "x";', 'document'],
  ['src/server', 'const e = process.env;', 'process'],
  ['src/sheets', 'window.alert("x");', 'window'],
  ['sidebar', 'SpreadsheetApp.getActive();', 'SpreadsheetApp'],
  ['sidebar', 'const e = process.env;', 'process'],
  ['dev/workbench/page', 'const e = process.env;', 'process'],
  ['emulator', 'document.title = "x";', 'document'],
  ['.', 'document.title = "x";', 'document'],
];

const allowed: [folder: string, code: string][] = [
  ['src/core', 'const n: number = Math.max(1, 2); new Intl.NumberFormat("ru").format(n);'],
  ['src/server', 'SpreadsheetApp.getActive();'],
  ['src/sheets', 'SpreadsheetApp.getActive().getSheets();'],
  ['sidebar', 'document.title = "x";'],
  ['dev/workbench/page', 'document.title = "x";'],
  [
    'emulator',
    'const r: GoogleAppsScript.Spreadsheet.Range | null = null; Buffer.from(String(r));',
  ],
  ['.', 'const e: string | undefined = process.env.HOME; Buffer.from(e ?? "");'],
  ['test/e2e', 'const e = process.env; document.title = String(e.HOME);'],
];

describe('one type check per runtime', () => {
  it.each(refused)('%s refuses %s', async (folder, code, name) => {
    expect(await compileIn(folder, code)).toMatch(new RegExp(`Cannot find name '${name}'`));
  });

  it.each(allowed)('%s compiles %s', async (folder, code) => {
    expect(await compileIn(folder, code)).toBe('');
  });

  it('every TypeScript file of the repository is checked by its own runtime, and only by it', async () => {
    const owner = (file: string): string =>
      RUNTIMES.map((r) => r.config)
        .filter((c) => c === '.' || file.startsWith(`${c}/`))
        .sort((a, b) => b.length - a.length)[0] ?? '';
    const tracked = execFileSync('git', ['ls-files', '*.ts', '*.tsx'], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    const checkedBy = new Map<string, string[]>();
    for (const { config } of RUNTIMES) {
      const shown = JSON.parse(
        execFileSync(
          process.execPath,
          ['node_modules/typescript/bin/tsc', '--showConfig', '-p', config],
          {
            encoding: 'utf8',
          },
        ),
      ) as { files: string[] };
      for (const file of shown.files) {
        const path = join(config, file).replace(/\\/g, '/');
        checkedBy.set(path, [...(checkedBy.get(path) ?? []), config]);
      }
    }
    const wrong = tracked.flatMap((file) => {
      const by = checkedBy.get(file) ?? [];
      return by.length === 1 && by[0] === owner(file)
        ? []
        : [`${file}: ${by.join(', ') || 'none'}`];
    });
    expect(wrong).toEqual([]);
  });
});
