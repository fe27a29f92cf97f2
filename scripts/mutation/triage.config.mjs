// `npm run mutate -- --tests <globs> <paths>`: a quick first pass (scripts/mutation/run.ts). Only
// the named test files run (their file names through MUTATION_TESTS, read by
// scripts/mutation/vitest.triage.config.ts), so a folder's mutants are sorted in minutes instead
// of hours: what its own unit tests miss is listed, to be covered before the real run. Its
// results go to reports/triage/, never into the committed report.
import base from '../../stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'scripts/mutation/vitest.triage.config.ts', related: false },
  incrementalFile: 'reports/triage/incremental.json',
  reporters: ['progress-append-only', 'json'],
  jsonReporter: { fileName: 'reports/triage/mutation.json' },
};
