/**
 * The README and the pages of docs/ say what holds: the formula reference is the registry's, every
 * link between them leads somewhere, every `npm run` they name exists, and every dependency is
 * named with its reason.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMULAS_DOC, withFormulaTable } from '../../scripts/docs';

const PAGES = [
  'README.md',
  ...readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const read = (page: string) => readFileSync(page, 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
const anchor = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

const anchorsOf = (page: string) =>
  read(page)
    .replace(/^```[\s\S]*?^```/gm, '')
    .split('\n')
    .filter((l) => /^#{1,6} /.test(l))
    .map((l) => anchor(l.replace(/^#+ /, '')));

/** The section under `## <title>`, up to the next heading of that level. */
const section = (page: string, title: string) =>
  new RegExp(`^## ${title}\\n([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, 'm').exec(read(page))?.[1] ?? '';

it('the formula reference in docs/formulas.md matches the registry (run npm run docs after changing a formula)', () => {
  const page = read(FORMULAS_DOC);
  expect(withFormulaTable(page)).toBe(page);
});

describe('the README and docs/', () => {
  it('every link to a file or a heading of them leads somewhere', () => {
    const broken: string[] = [];
    for (const page of PAGES) {
      for (const [, target] of read(page).matchAll(/\]\(([^)\s]+)\)/g)) {
        if (!target || /^[a-z]+:/.test(target)) continue; // https:, mailto:
        const [file = '', hash] = target.split('#');
        const path = file ? normalize(join(dirname(page), file)) : page;
        if (!existsSync(path)) broken.push(`${page}: ${target} (no file)`);
        else if (hash && path.endsWith('.md') && !anchorsOf(path).includes(hash))
          broken.push(`${page}: ${target} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('the README links every page of docs/', () => {
    const readme = read('README.md');
    for (const page of PAGES.filter((p) => p !== 'README.md')) expect(readme).toContain(`(${page}`);
  });

  it('every npm run they name is a script of package.json', () => {
    for (const page of PAGES) {
      const named = [...read(page).matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
      for (const name of named) expect(Object.keys(pkg.scripts), page).toContain(name);
    }
  });

  it('every dependency is named with its reason in docs/development.md, and in the README list', () => {
    const full = section('docs/development.md', 'Dependencies');
    const short = section('README.md', 'Dependencies');
    expect(short).toContain('(docs/development.md#dependencies)');
    for (const name of Object.keys(pkg.devDependencies)) {
      expect(full, 'docs/development.md').toMatch(new RegExp(`\`${name}\`[^\\n]* — `));
      expect(short, 'README.md').toContain(`\`${name}\``);
    }
  });
});
