/**
 * Where the mutation results live and what they depend on besides the mutated source. Stryker's
 * incremental mode diffs the mutated file and the test files, but not the code the tests run it
 * through (the emulator, the test support) nor the test configuration: a change there can turn a
 * kill into a survivor unseen, so each file's run records a fingerprint of them too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha } from './score';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const REPORT = 'test/mutation/mutation.json';
export const TESTED = 'test/mutation/tested.json';

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

/** One hash over every file the tests reach the bundle through, names included. */
export function supportFingerprint(): string {
  return sha(
    SUPPORT.flatMap(walk)
      .map((f) => `${relative(ROOT, join(ROOT, f))}\n${readFileSync(join(ROOT, f), 'utf8')}`)
      .join('\0'),
  );
}
