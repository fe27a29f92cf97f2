// Vitest config for mutation testing only (npm run mutate, see stryker.config.mjs); `npm test`
// keeps using vitest.config.ts. Same tests minus two kinds that run the product in another
// process, where the active mutant is not visible, and that would make every mutant run slow:
// - test/e2e: the browser end-to-end tests (workbench server + Chromium);
// - test/integration/export.test.ts: spawns `scripts/export.ts` (tsx) twice per run of the
//   file; its subject is dev/export, which is not mutated;
// - test/unit/lint.test.ts and runtimes.test.ts: they run Biome and tsc on probe files, not src;
// - test/integration/export-*.test.ts: their subject is the export (dev/export, not mutated), and
//   the differential test builds its 220 maps before its tests, which made every mutant on the
//   map-building path "static" (run against the whole suite).
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        ...configDefaults.exclude,
        'test/e2e/**',
        'test/integration/export*.test.ts',
        'test/unit/lint.test.ts',
        'test/unit/runtimes.test.ts',
      ],
    },
  }),
);
