#!/usr/bin/env node
/**
 * Preflight of `npm test`: the browser tests drive Debian's Chromium (/usr/bin/chromium, or
 * CHROMIUM_PATH), the export tests recompute .xlsx files in LibreOffice (/usr/bin/soffice) and
 * read what it prints to PDF with poppler's pdftotext (/usr/bin/pdftotext).
 * When one is missing: as root on a Debian-like system, install it with apt-get (what .ci/run
 * did); otherwise stop with the exact command to run. The tests are never skipped.
 * Plain Node, no dependencies.
 *
 * `node scripts/ensure-test-tools.mjs --check` only reports (exit 1 when something is missing).
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FONTS = 'fonts-dejavu-core';

/** The programs the suite runs, where it looks for them, and the Debian package providing each. */
export function requiredTools(env = process.env) {
  return [
    {
      name: 'Chromium',
      path: env.CHROMIUM_PATH || '/usr/bin/chromium',
      // A custom CHROMIUM_PATH is the user's own binary: apt-get would not put it there.
      package: env.CHROMIUM_PATH ? undefined : 'chromium',
      usedBy: 'the browser tests in test/e2e',
    },
    {
      name: 'LibreOffice',
      path: '/usr/bin/soffice',
      package: 'libreoffice-calc-nogui',
      usedBy: 'the .xlsx export tests',
    },
    {
      name: 'pdftotext',
      path: '/usr/bin/pdftotext',
      package: 'poppler-utils',
      usedBy: 'the print test of the .xlsx export (the words and pages of a PDF)',
    },
  ];
}

const runnable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

export const missingTools = (env = process.env) =>
  requiredTools(env).filter((t) => !runnable(t.path));

const onPath = (cmd) =>
  spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

export function installCommand(packages, asRoot) {
  const sudo = asRoot ? '' : 'sudo ';
  return `${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${[...packages, FONTS].join(' ')}`;
}

function describe(missing) {
  return missing.map((t) => `  ${t.name} at ${t.path} (for ${t.usedBy})`).join('\n');
}

function main() {
  const missing = missingTools();
  if (missing.length === 0) return 0;
  const packages = missing.map((t) => t.package).filter(Boolean);
  const unpackaged = missing.filter((t) => !t.package);
  const isRoot = process.getuid?.() === 0;
  const apt = process.platform === 'linux' && onPath('apt-get');

  if (process.argv.includes('--check') || unpackaged.length > 0 || !apt || !isRoot) {
    const lines = [`npm test needs, and did not find:`, describe(missing)];
    if (unpackaged.length > 0) {
      lines.push(
        `CHROMIUM_PATH=${unpackaged[0].path} is not an executable: point it at Chromium, or unset it to use /usr/bin/chromium.`,
      );
    } else if (apt) {
      lines.push('Install them, then run npm test again:', `  ${installCommand(packages, isRoot)}`);
    } else {
      lines.push(
        'On Debian or Ubuntu: apt-get install chromium libreoffice-calc-nogui poppler-utils.',
        'Elsewhere: install Chromium and set CHROMIUM_PATH to it, and make LibreOffice available as /usr/bin/soffice and poppler as /usr/bin/pdftotext.',
      );
    }
    console.error(lines.join('\n'));
    return 1;
  }

  console.error(
    `ensure-test-tools: installing ${packages.join(', ')} with apt-get (running as root)\n${describe(missing)}`,
  );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--no-install-recommends', ...packages, FONTS],
  ]) {
    const run = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (run.status !== 0) {
      console.error(
        `ensure-test-tools: apt-get ${args[0]} failed (${run.error?.message ?? `exit ${run.status}`}). Run yourself:\n  ${installCommand(packages, true)}`,
      );
      return 1;
    }
  }
  const still = missingTools();
  if (still.length > 0) {
    console.error(`ensure-test-tools: still missing after apt-get:\n${describe(still)}`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  process.exitCode = main();
