/**
 * Every word of the catalogues is shown by some code: a key nothing asks for is dead weight in
 * the bundle that carries it (Code.js is evaluated on every custom-function call; Sidebar.html has
 * a size budget). A key is asked for by its literal, or by a template whose fixed start it has
 * (`row.${key}`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const WORDS = 'src/core/words';
const CATALOGUES = {
  server: [`${WORDS}/i18n.ts`, `${WORDS}/i18n-review.ts`, `${WORDS}/i18n-steps.ts`],
  sidebar: [`${WORDS}/i18n-ui.ts`],
  shared: [`${WORDS}/words-shared.ts`],
};
const catalogueFiles = Object.values(CATALOGUES).flat();

function code(dir: string): string {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return [code(path)];
      return /\.tsx?$/.test(name) && !catalogueFiles.includes(path)
        ? [readFileSync(path, 'utf8')]
        : [];
    })
    .join('\n');
}

const keysOf = (file: string) => [
  ...new Set(
    [...readFileSync(file, 'utf8').matchAll(/^ {2}'([\w.-]+)':/gm)].map((m) => m[1] ?? ''),
  ),
];

function unasked(files: readonly string[], text: string): string[] {
  const prefixes = [...text.matchAll(/`([\w.]+\.)\$\{/g)].map((m) => m[1] ?? '');
  return files
    .flatMap(keysOf)
    .filter(
      (k) =>
        !text.includes(`'${k}'`) &&
        !text.includes(`"${k}"`) &&
        !prefixes.some((p) => k.startsWith(p)),
    );
}

describe('the catalogues hold no word nothing shows', () => {
  const server = code('src');
  const sidebar = code('sidebar');

  it('the server catalogue: each key asked for by the server code', () => {
    expect(keysOf(`${WORDS}/i18n.ts`).length).toBeGreaterThan(200);
    expect(unasked(CATALOGUES.server, server)).toEqual([]);
  });

  it("the sidebar's catalogue: each key asked for by the sidebar", () => {
    expect(unasked(CATALOGUES.sidebar, sidebar)).toEqual([]);
  });

  it('the shared words: each asked for by one or the other', () => {
    expect(unasked(CATALOGUES.shared, server + sidebar)).toEqual([]);
  });

  it('a key only a template asks for counts; one nobody asks for is found', () => {
    expect(unasked([`${WORDS}/i18n-ui.ts`], '')).toContain('wizard.done');
    expect(unasked([`${WORDS}/i18n-ui.ts`], 't(lang, `wizard.\x24{x}`)')).not.toContain(
      'wizard.done',
    );
  });
});
