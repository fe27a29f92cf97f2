/**
 * Loaded only under Stryker, after its own set-up (vitest.stryker.config.ts). Stryker counts a
 * mutant reached outside any test as "static" and runs it against the whole suite. Most of ours
 * were reached in a file's beforeAll (a map built once, then asserted on by several tests), which
 * is no less a part of those tests: while Stryker measures coverage, what a file's hooks reach is
 * credited to every test of the file that runs after them, so such a mutant is run against that
 * file's tests only (its beforeAll runs again with the mutant active). Code reached while a test
 * file is imported stays static.
 */
import { beforeAll, beforeEach, inject } from 'vitest';

type Counts = Record<string, number>;
interface StrykerNamespace {
  currentTestId?: string;
  mutantCoverage?: { static: Counts; perTest: Record<string, Counts> };
}

// Stryker's vitest runner provides these (its own set-up file reads them the same way).
const namespace = inject('globalNamespace' as never) as string;
const mode = inject('mode' as never) as string;
const ns = (globalThis as Record<string, unknown>)[namespace] as StrykerNamespace | undefined;

if (mode !== 'mutant' && ns) {
  let seen: Counts = {};
  const fromHooks = new Set<string>();
  beforeAll(() => {
    seen = { ...ns.mutantCoverage?.static };
  });
  beforeEach(() => {
    const coverage = ns.mutantCoverage;
    const test = ns.currentTestId;
    if (!coverage || test === undefined) return;
    for (const [id, n] of Object.entries(coverage.static)) {
      const fresh = n - (seen[id] ?? 0);
      if (fresh <= 0) continue;
      fromHooks.add(id);
      if (n === fresh) delete coverage.static[id];
      else coverage.static[id] = n - fresh;
    }
    seen = { ...coverage.static };
    coverage.perTest[test] ??= {};
    const own = coverage.perTest[test];
    for (const id of fromHooks) own[id] = (own[id] ?? 0) + 1;
  });
}
