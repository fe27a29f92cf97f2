/**
 * `npm run mutate -- <folder or file> …`: Stryker on those paths only (a full run takes hours on two
 * cores), incremental, with the exclusions of stryker.config.mjs. Stryker keeps the results of
 * files outside the run in its report; this records, for each file of the run, the source and
 * the test support it was mutated against (test/mutation/tested.json), which mutate:report reads
 * to tell a current result from a stale one. `--force` retests every mutant of the paths.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mutateGlobs, readJson, REPORT, ROOT, supportFingerprint, TESTED } from './files';
import { type Report, sha, type Tested } from './score';

const args = process.argv.slice(2);
const force = args.includes('--force');
const paths = args.filter((a) => a !== '--force').map((p) => p.replace(/\/$/, ''));
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
const run = spawnSync(
  'npx',
  [
    'stryker',
    'run',
    '--incremental',
    ...(force ? ['--force'] : []),
    '--mutate',
    [...globs, ...exclusions].join(','),
  ],
  { cwd: ROOT, stdio: 'inherit' },
);
if (run.status !== 0) process.exit(run.status ?? 1);

const report = readJson<Report>(REPORT, { files: {} });
const tested = readJson<Tested>(TESTED, { files: {} });
const inRun = (file: string) => paths.some((p) => file === p || file.startsWith(`${p}/`));
// The source as Stryker mutated it (the report's copy), not as it may be now.
for (const [file, result] of Object.entries(report.files))
  if (inRun(file)) tested.files[file] = { source: sha(result.source), support };
for (const file of Object.keys(tested.files))
  if (!(file in report.files)) delete tested.files[file];
tested.files = Object.fromEntries(
  Object.entries(tested.files).sort(([a], [b]) => a.localeCompare(b)),
);
writeFileSync(join(ROOT, TESTED), `${JSON.stringify(tested, null, 1)}\n`);
console.log(`Recorded ${Object.keys(report.files).filter(inRun).length} files in ${TESTED}.`);
