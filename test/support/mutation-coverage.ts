/**
 * Loaded only under Stryker, after its own set-up (vitest.stryker.config.ts). Stryker counts a
 * mutant reached outside any test as "static" and runs it against the whole suite. Ours were
 * reached while a test file imported `src/` (module-level code: tables, constants) or in its
 * beforeAll (a map built once, then asserted on by several tests), which is no less a part of
 * that file's tests: while Stryker measures coverage, what a file's import and hooks reach is
 * credited to every test of the file, so such a mutant is run against that file's tests only,
 * switched on before the file imports anything (below), so its module-level code and its
 * beforeAll run with the mutant active.
 */
import { beforeEach, inject } from 'vitest';

type Counts = Record<string, number>;
interface StrykerNamespace {
  activeMutant?: unknown;
  currentTestId?: string;
  mutantCoverage?: { static: Counts; perTest: Record<string, Counts> };
}

// Stryker's vitest runner provides these (its own set-up file reads them the same way).
const namespace = inject('globalNamespace' as never) as string;
const mode = inject('mode' as never) as string;
const ns = (globalThis as Record<string, unknown>)[namespace] as StrykerNamespace | undefined;

// Stryker switches a mutant on in a beforeAll, after the test file's imports: too late for a
// mutant in module-level code. Each mutant's run starts a new worker (mutation-sequencer.ts), so
// this comes before any module is imported and the mutant is active in module-level code too; for
// a mutant in any other code this changes nothing.
if (mode === 'mutant' && ns) ns.activeMutant = inject('activeMutant' as never);

if (mode !== 'mutant' && ns) {
  // what was static before the test file's imports: what they and its beforeAll add is the file's
  let seen: Counts = { ...ns.mutantCoverage?.static };
  const fromHooks = new Set<string>();
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
