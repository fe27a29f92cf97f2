#!/usr/bin/env node
/**
 * Preflight of `npm start`, `npm test`, `npm run push` and `npm run deploy:setup`: installs the
 * npm dependencies when node_modules is missing or no longer matches package-lock.json, so each
 * of those commands works on a fresh clone. Plain Node, no dependencies of its own (it runs
 * before there are any). Silent when nothing is to be done.
 *
 *   node_modules missing                          → npm ci
 *   package.json's dependencies ≠ the lockfile's  → npm install (updates the lockfile)
 *   an installed version ≠ package-lock.json      → npm install
 *
 * `node scripts/ensure-deps.mjs --check` only reports (exit 1 when an install is due).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

const sameDeps = (a = {}, b = {}) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** What to run, and why; undefined when node_modules matches the lockfile. */
export function installNeeded(root = ROOT) {
  const pkg = readJson(join(root, 'package.json'));
  if (!pkg) throw new Error(`ensure-deps: no readable package.json in ${root}`);
  const lock = readJson(join(root, 'package-lock.json'));
  if (!lock?.packages) return { command: 'install', why: 'package-lock.json is missing' };
  const lockRoot = lock.packages[''] ?? {};
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    if (!sameDeps(pkg[field], lockRoot[field])) {
      return { command: 'install', why: `package.json's ${field} differ from package-lock.json` };
    }
  }
  if (!existsSync(join(root, 'node_modules')))
    return { command: 'ci', why: 'node_modules is missing' };
  // npm's own record of what it installed (written by npm ≥ 7 on every install).
  const installed = readJson(join(root, 'node_modules', '.package-lock.json'))?.packages;
  if (!installed) return { command: 'install', why: 'node_modules has no record of its install' };
  for (const [key, want] of Object.entries(lock.packages)) {
    if (!key.startsWith('node_modules/')) continue;
    const have = installed[key];
    if (!have) {
      // Platform-specific optional packages (esbuild's binaries for other systems) are never
      // installed.
      if (want.optional || want.devOptional || want.peer) continue;
      return { command: 'install', why: `${key.slice('node_modules/'.length)} is not installed` };
    }
    if (want.version && have.version !== want.version) {
      return {
        command: 'install',
        why: `${key.slice('node_modules/'.length)} is ${have.version}, the lockfile wants ${want.version}`,
      };
    }
    if (!existsSync(join(root, key))) {
      return { command: 'install', why: `${key} was removed` };
    }
  }
  return undefined;
}

/** npm itself: the one running this script when started from an npm script, else npm on PATH. */
function npm(args) {
  const execPath = process.env.npm_execpath;
  if (execPath && /^npm(-cli)?\.c?js$/.test(basename(execPath))) {
    return spawnSync(process.execPath, [execPath, ...args], { cwd: ROOT, stdio: 'inherit' });
  }
  return spawnSync('npm', args, {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
}

function main() {
  const need = installNeeded();
  if (!need) return 0;
  if (process.argv.includes('--check')) {
    console.error(`ensure-deps: ${need.why}: npm ${need.command} is due`);
    return 1;
  }
  console.error(`ensure-deps: ${need.why}; running npm ${need.command} first`);
  const run = npm([need.command, '--no-audit', '--no-fund']);
  if (run.status !== 0) {
    console.error(
      `ensure-deps: npm ${need.command} failed (${run.error?.message ?? `exit ${run.status}`}); run it yourself and retry`,
    );
    return 1;
  }
  const still = installNeeded();
  if (still) {
    console.error(`ensure-deps: after npm ${need.command}, ${still.why}`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  process.exitCode = main();
