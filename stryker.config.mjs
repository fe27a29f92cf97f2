// Mutation testing: `npm run mutate` (StrykerJS + its vitest runner). Not part of `npm test`.
//
// Most behaviour is tested through dist/Code.js loaded into a node:vm context
// (emulator/loader.ts), not through src/ imports. So, in Stryker's sandbox:
// - buildCommand bundles the *instrumented* src/ (every mutant compiled in, switched at run
//   time) into the sandbox's dist/Code.js before the dry run;
// - the loader hands the test process's `__stryker__` object to the vm context, so the bundle
//   reads the active mutant from it and records per-test coverage on it;
// - vitest.related is off: the integration tests reach src/ through the bundle, not imports,
//   so vitest's import graph would wrongly skip them.
//
// Cost: ~14,000 mutants over src/; a full first run takes hours on 2 shared cores, so run it
// folder by folder; results accumulate in the incremental file and later runs only retest
// what changed, e.g.
//   npm run mutate -- src/sheets
//
// Not mutated: the word catalogues (src/core/words/i18n*.ts, words-*.ts), the words of the
// generated stubs (src/server/entry-docs.ts) and the worked example's data
// (src/core/map/example.ts): data, not logic.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
  buildCommand: 'npm run build --silent',
  mutate: [
    'src/**/*.ts',
    '!src/**/i18n*.ts',
    '!src/**/words-*.ts',
    '!src/server/entry-docs.ts',
    '!src/**/example.ts',
  ],
  ignorePatterns: [
    'dist',
    '.workbench',
    'test-results',
    'reports',
    'docs/screenshots',
    'test/mutation',
  ],
  coverageAnalysis: 'perTest',
  // A mutant in module-level code runs once when a test file imports src/ directly ("static"),
  // and again in every test that loads the bundle. Stryker would run such a mutant against the
  // whole suite (about 1.5 minutes each); with this it runs against the tests that reach it
  // through the bundle, where it is active. A mutant reached only while a file is imported is
  // marked Ignored, and mutate:report counts those apart.
  ignoreStatic: true,
  // The machine has 2 cores and is shared with other engineers' test runs.
  concurrency: 2,
  // Kept in the repository, so the score accumulates across machines and a later run retests only
  // what changed (issue [N]); the HTML report stays a local view.
  incrementalFile: 'test/mutation/incremental.json',
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'test/mutation/mutation.json' },
  clearTextReporter: {
    allowColor: false,
    logTests: false,
    maxTestsToLog: 0,
    reportTests: false,
    reportMutants: false,
  },
  tempDirName: '.stryker-tmp',
  // Stryker's tsconfig rewriting (for `extends`/`references` leaving the sandbox) needs the
  // TypeScript 5 JS API, which TypeScript 7 (tsgo) lacks; our tsconfig.json has neither, so
  // point it at a file that does not exist to skip that step. No type checker is used.
  tsconfigFile: 'no-tsconfig-rewrite.json',
  timeoutMS: 10000,
  // The dry run is the whole suite with coverage: over Stryker's 5 minutes when the cores are shared.
  dryRunTimeoutMinutes: 30,
};
