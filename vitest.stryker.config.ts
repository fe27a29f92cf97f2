// Vitest config for mutation testing only (npm run mutate, see stryker.config.mjs); `npm test`
// keeps using vitest.config.ts. Same tests minus two kinds that run the product in another
// process, where the active mutant is not visible, and that would make every mutant run slow:
// - test/e2e: the browser end-to-end tests (workbench server + Chromium);
// - test/integration/export.test.ts: spawns `scripts/export.ts` (tsx) twice per run of the
//   file; its subject is the .xlsx export (xlsx-export/), which is not mutated;
// - test/unit/lint.test.ts and runtimes.test.ts: they run Biome and tsc on probe files, not src;
// - the repository checks (test/unit/architecture, readme, deploy): they read the source tree's
//   imports, the docs' links and clasp's file list, never running src, and reach files the
//   sandbox leaves out (node_modules' @types, docs/screenshots);
// - test/integration/bundle.test.ts: its subject is the built files' sizes and load, which
//   Stryker's instrumentation inflates;
// - test/integration/export-*.test.ts: their subject is the export (xlsx-export/, not mutated), and
//   the differential test builds its 220 maps before its tests, which made every mutant on the
//   map-building path "static" (run against the whole suite).
// What a file's beforeAll reaches counts as covered by the file's tests, not as static
// (test/support/mutation-coverage.ts). Property tests run with one fixed fast-check seed (test/support/mutation-seed.ts), so a recorded
// kill replays. The hostile-use test covers nearly all of src: under Stryker it runs 10 fixed
// sequences without shrinking a failure (a kill needs the failure, not its smallest form), about
// 3 s instead of 50 s for each mutant it covers.
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import MutationSequencer from './test/support/mutation-sequencer';
import base from './vitest.config';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      // Stryker runs its own test-runner processes side by side (its concurrency).
      maxWorkers: 1,
      setupFiles: ['test/support/mutation-seed.ts', 'test/support/mutation-coverage.ts'],
      sequence: { sequencer: MutationSequencer },
      env: { HOSTILE_RUNS: '10', HOSTILE_SHRINKS: '0', CJM_MUTATION: '1' },
      exclude: [
        ...configDefaults.exclude,
        'test/e2e/**',
        'test/integration/export*.test.ts',
        'test/unit/lint.test.ts',
        'test/unit/runtimes.test.ts',
        'test/unit/architecture.test.ts',
        'test/unit/readme.test.ts',
        'test/unit/deploy.test.ts',
        'test/integration/bundle.test.ts',
      ],
    },
  }),
);
