/**
 * `npm run mutate -- <folder or file> …`: Stryker on those paths only (a full run takes hours on two
 * cores), incremental, with the exclusions of stryker.config.mjs. Stryker keeps the results of
 * files outside the run in its report; this records, for each file of the run, the source and
 * the test support it was mutated against (test/mutation/tested.json), which mutate:report reads
 * to tell a current result from a stale one. `--force` retests every mutant of the paths.
 *
 * `--tests <glob,glob>`: a triage run against those test files only (scripts/mutation/
 * triage.config.mjs), which lists the survivors and records nothing in test/mutation. A surviving
 * mutant runs every test that reaches it, integration tests included (minutes each when it sits
 * on the map-building path), so the real run is only quick once the folder's own tests kill it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  INCREMENTAL,
  mutateGlobs,
  readJson,
  REPORT,
  ROOT,
  supportFingerprint,
  TESTED,
  TRIAGE,
  toMutate,
} from './files';
import { type Report, relink, sha, survivors, type Tested } from './score';

const args = process.argv.slice(2);
const force = args.includes('--force');
const testsAt = args.indexOf('--tests');
const tests = testsAt >= 0 ? args[testsAt + 1] : undefined;
// `--tests` and its value, when given
const testArgs = testsAt >= 0 ? [testsAt, testsAt + 1] : [];
const paths = args
  .filter((a, i) => a !== '--force' && !testArgs.includes(i))
  .map((p) => p.replace(/\/$/, ''));
if (!paths.length) {
  console.error('Name the folders or files to mutate, e.g. npm run mutate -- src/core/funnel');
  process.exit(2);
}
// The config's own list of what is never mutated (catalogues, example data).
const exclusions = (await mutateGlobs()).filter((g) => g.startsWith('!'));
const globs = paths.map((p) =>
  existsSync(join(ROOT, p)) && statSync(join(ROOT, p)).isDirectory() ? `${p}/**/*.ts` : p,
);
const support = supportFingerprint();
// The results before the run, to give back the kills Stryker reuses without their tests.
const before = tests ? undefined : readJson<Report>(REPORT, { files: {} });
const run = spawnSync(
  'npx',
  [
    'stryker',
    'run',
    ...(tests ? ['scripts/mutation/triage.config.mjs'] : []),
    '--incremental',
    ...(force ? ['--force'] : []),
    '--mutate',
    [...globs, ...exclusions].join(','),
  ],
  {
    cwd: ROOT,
    stdio: 'inherit',
    env: tests ? { ...process.env, MUTATION_TESTS: tests } : process.env,
  },
);
if (run.status !== 0) process.exit(run.status ?? 1);
if (tests) {
  const triage = readJson<Report>(TRIAGE, { files: {} });
  console.log(survivors(triage).join('\n') || 'No survivor.');
  process.exit(0);
}

const report = readJson<Report>(REPORT, { files: {} });
for (const path of [REPORT, INCREMENTAL]) {
  const fresh = path === REPORT ? report : readJson<Report>(path, { files: {} });
  const mended = relink(before ?? { files: {} }, fresh);
  if (mended) {
    writeFileSync(join(ROOT, path), JSON.stringify(fresh));
    console.log(`${path}: ${mended} reused kills named their tests again.`);
  }
}
const tested = readJson<Tested>(TESTED, { files: {} });
const inRun = (file: string) => paths.some((p) => file === p || file.startsWith(`${p}/`));
// The source as Stryker mutated it (the report's copy), not as it may be now.
for (const [file, result] of Object.entries(report.files))
  if (inRun(file)) tested.files[file] = { source: sha(result.source), support };
// A file of the run Stryker found nothing to mutate in has no entry in its report: recorded with
// its source, so mutate:report counts it done until it changes.
const files = await toMutate();
for (const file of files.filter(inRun))
  if (!(file in report.files))
    tested.files[file] = { source: sha(readFileSync(join(ROOT, file), 'utf8')), support };
for (const file of Object.keys(tested.files))
  if (!(file in report.files) && !files.includes(file)) delete tested.files[file];
tested.files = Object.fromEntries(
  Object.entries(tested.files).sort(([a], [b]) => a.localeCompare(b)),
);
writeFileSync(join(ROOT, TESTED), `${JSON.stringify(tested, null, 1)}\n`);
console.log(`Recorded ${files.filter(inRun).length} files in ${TESTED}.`);
