/**
 * Where the mutation results live and what they depend on besides the mutated source. Stryker's
 * incremental mode diffs the mutated file and the test files, but not the code the tests run it
 * through (the emulator, the test support) nor the test configuration: a change there can turn a
 * kill into a survivor unseen, so each file's run records a fingerprint of them too.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha } from './score';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const REPORT = 'test/mutation/mutation.json';
export const TESTED = 'test/mutation/tested.json';
/** Stryker's incremental file (stryker.config.mjs): the same schema as the report. */
export const INCREMENTAL = 'test/mutation/incremental.json';
/** A triage run's report (scripts/mutation/triage.config.mjs): a local view, never committed. */
export const TRIAGE = 'reports/triage/mutation.json';

/** A JSON file of the repository, or `empty` when there is none yet (before the first run). */
export function readJson<T>(path: string, empty: T): T {
  const full = join(ROOT, path);
  return existsSync(full) ? (JSON.parse(readFileSync(full, 'utf8')) as T) : empty;
}

const SUPPORT = [
  'emulator',
  'test/support',
  'vitest.config.ts',
  'vitest.stryker.config.ts',
  'stryker.config.mjs',
];

function walk(path: string): string[] {
  const full = join(ROOT, path);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .sort()
    .flatMap((name) => walk(join(path, name)));
}

/**
 * The files stryker.config.mjs mutates: its `mutate` globs, read from the configuration so the
 * list of what is never mutated (catalogues, example data) is written once.
 */
export async function mutateGlobs(): Promise<string[]> {
  const config = (await import(new URL('../../stryker.config.mjs', import.meta.url).href)) as {
    default: { mutate: string[] };
  };
  return config.default.mutate;
}

export async function toMutate(): Promise<string[]> {
  const globs = await mutateGlobs();
  const included = globs.filter((g) => !g.startsWith('!')).map((g) => matcher(g));
  const excluded = globs.filter((g) => g.startsWith('!')).map((g) => matcher(g.slice(1)));
  return walk('src')
    .filter((f) => included.some((m) => m.test(f)) && !excluded.some((m) => m.test(f)))
    .sort();
}

/** A glob of `**`, `*` and literal characters as a regular expression over a path. */
function matcher(glob: string): RegExp {
  const body = glob
    .split(/(\*\*\/|\*)/)
    .map((part) =>
      part === '**/'
        ? '(?:.*/)?'
        : part === '*'
          ? '[^/]*'
          : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${body}$`);
}

/**
 * One hash over every file the tests reach the bundle through, names included; prose (Markdown)
 * is left out: a README runs in no test.
 */
export function supportFingerprint(): string {
  return sha(
    SUPPORT.flatMap(walk)
      .filter((f) => !f.endsWith('.md'))
      .map((f) => `${relative(ROOT, join(ROOT, f))}\n${readFileSync(join(ROOT, f), 'utf8')}`)
      .join('\0'),
  );
}
