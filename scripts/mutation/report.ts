/**
 * `npm run mutate:report`: the score by folder from the committed report (test/mutation), the files
 * whose source changed since they were mutated (stale: left out of the score), and whether the
 * goals hold (80 % over src, no folder of 20+ mutants under 70 %, at most 5 % stale, every file
 * measured under today's test support). `--check` exits 1 when they do not.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJson, REPORT, ROOT, supportFingerprint, TESTED, toMutate } from './files';
import { judge, type Report, type Tested, table } from './score';

const report = readJson<Report>(REPORT, { files: {} });
const tested = readJson<Tested>(TESTED, { files: {} });
const current = new Map(
  [...new Set([...Object.keys(report.files), ...Object.keys(tested.files)])]
    .filter((f) => existsSync(join(ROOT, f)))
    .map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]),
);
const v = judge(report, tested, current, supportFingerprint(), await toMutate());

console.log(table(v));
if (v.ignored)
  console.log(
    `\nIgnored as static: ${v.ignored} mutants (${v.ignoredShare} %), reached only while a test file is imported, never inside a test; left out of the score.`,
  );
if (v.stale.length)
  console.log(
    `\nStale (${v.staleShare} % of the mutants, left out of the score; refresh with npm run mutate -- <file or folder>):\n${v.stale
      .map((s) => `  ${s.file} (${s.mutants})`)
      .join('\n')}`,
  );
if (v.unmutated.length)
  console.log(
    `\nNo result yet (${v.unmutated.length} files; npm run mutate -- <folder>):\n${v.unmutated.map((f) => `  ${f}`).join('\n')}`,
  );
if (v.supportChanged.length)
  console.log(
    `\nMutated under another emulator or test support than today's (incremental runs do not see it; refresh with npm run mutate -- --force <folder>): ${v.supportChanged.length} files`,
  );
console.log(
  v.problems.length ? `\nNot met:\n${v.problems.map((p) => `  - ${p}`).join('\n')}` : '\nMet.',
);
if (process.argv.includes('--check') && v.problems.length) process.exitCode = 1;
