/**
 * npm run deploy:setup: binds this clone to an Apps Script project, i.e. writes .clasp.json
 * ({"scriptId": …, "rootDir": "dist"}; git-ignored, each developer binds their own).
 *
 *   npm run deploy:setup                          creates a standalone project titled "CJM" with
 *                                                 clasp's own `create-script` (logging in first
 *                                                 with `clasp login` when needed)
 *   npm run deploy:setup -- --title "CJM dev"     the same under another title
 *   npm run deploy:setup -- --script-id <id|URL>  binds an existing standalone project (no network)
 *   npm run deploy:setup -- --force               replaces an existing binding
 *   npm run deploy:setup -- --no-localhost        passed to `clasp login` (no browser on this
 * machine)
 *   npm run deploy:setup -- --check               exit 1 with what to do unless bound and logged in
 *                                                 (npm run push runs it first)
 *
 * Google: "An Editor add-on is a standalone Apps Script project"
 * (https://developers.google.com/workspace/add-ons/how-tos/building-editor-addons), and an
 * add-on menu built with Ui.createAddonMenu() is named by Apps Script after the add-on or the
 * project, never by the code: hence the title "CJM".
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CLASP_JSON = '.clasp.json';
/** Where `npm run build` writes the three files Apps Script receives. */
export const ROOT_DIR = 'dist';
export const DEFAULT_TITLE = 'CJM';

export interface ClaspConfig {
  scriptId: string;
  rootDir: string;
}

export type Binding =
  | { state: 'none' }
  | { state: 'bound'; scriptId: string; rootDir: string }
  | { state: 'invalid'; reason: string };

/**
 * Apps Script project IDs: letters, digits, `-` and `_`, some 57 characters long (not the old
 * placeholder).
 */
const SCRIPT_ID = /^[A-Za-z0-9_-]{40,}$/;

/**
 * A script ID, from the ID itself or any editor URL holding it
 * (https://script.google.com/d/<id>/edit, https://script.google.com/home/projects/<id>/edit).
 */
export function parseScriptId(input: string): string {
  const text = input.trim();
  const fromUrl = /^https?:\/\/script\.google\.com\/(?:.*?\/)?(?:d|projects)\/([^/?#]+)/.exec(
    text,
  )?.[1];
  const id = fromUrl ?? text;
  if (!SCRIPT_ID.test(id)) {
    throw new Error(
      `"${input}" is not an Apps Script project ID. Copy it from the Apps Script editor: ` +
        'Project Settings → IDs → Script ID (or paste the editor URL).',
    );
  }
  return id;
}

export const claspConfig = (scriptId: string): ClaspConfig => ({
  scriptId: parseScriptId(scriptId),
  rootDir: ROOT_DIR,
});

export function readBinding(root = ROOT): Binding {
  const file = join(root, CLASP_JSON);
  if (!existsSync(file)) return { state: 'none' };
  let config: Partial<ClaspConfig>;
  try {
    config = JSON.parse(readFileSync(file, 'utf8')) as Partial<ClaspConfig>;
  } catch (e) {
    return { state: 'invalid', reason: `${CLASP_JSON} is not JSON (${(e as Error).message})` };
  }
  let scriptId: string;
  try {
    scriptId = parseScriptId(String(config.scriptId ?? ''));
  } catch {
    return {
      state: 'invalid',
      reason: `${CLASP_JSON} has no real script ID (scriptId: ${JSON.stringify(config.scriptId ?? null)})`,
    };
  }
  const rootDir = String(config.rootDir ?? '.')
    .replace(/\/+$/, '')
    .replace(/^\.\//, '');
  if (rootDir !== ROOT_DIR) {
    return {
      state: 'invalid',
      reason: `${CLASP_JSON} pushes "${config.rootDir ?? '.'}", but the add-on is built in ${ROOT_DIR}/`,
    };
  }
  return { state: 'bound', scriptId, rootDir };
}

/** Writes .clasp.json for `scriptId`; an existing binding to another project needs `force`. */
export function bindProject(
  scriptId: string,
  options: { root?: string; force?: boolean } = {},
): ClaspConfig {
  const root = options.root ?? ROOT;
  const config = claspConfig(scriptId);
  const current = readBinding(root);
  if (current.state === 'bound' && current.scriptId !== config.scriptId && !options.force) {
    throw new Error(
      `${CLASP_JSON} already binds project ${current.scriptId}; add --force to replace it with ${config.scriptId}`,
    );
  }
  writeFileSync(join(root, CLASP_JSON), `${JSON.stringify(config, null, 2)}\n`);
  return config;
}

export const editorUrl = (scriptId: string): string =>
  `https://script.google.com/d/${scriptId}/edit`;

/** The clasp CLI of node_modules (never a global one of another major version). */
export function claspBin(): string {
  return createRequire(import.meta.url).resolve('@google/clasp');
}

function clasp(args: string[], capture = false): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [claspBin(), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: capture ? ['inherit', 'pipe', 'inherit'] : 'inherit',
  });
}

const NOT_BOUND = [
  'No Apps Script project is bound to this clone yet. Either',
  '  npm run deploy:setup                          (creates a standalone project "CJM")',
  '  npm run deploy:setup -- --script-id <ID>      (binds one you have: Project Settings → IDs → Script ID)',
].join('\n');

interface Args {
  scriptId?: string;
  title: string;
  force: boolean;
  check: boolean;
  noLocalhost: boolean;
}

export function parseArgs(argv: string[]): Args {
  const args: Args = { title: DEFAULT_TITLE, force: false, check: false, noLocalhost: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--script-id' || flag === '--scriptId') args.scriptId = value();
    else if (flag === '--title') args.title = value();
    else if (flag === '--force') args.force = true;
    else if (flag === '--check') args.check = true;
    else if (flag === '--no-localhost') args.noLocalhost = true;
    else throw new Error(`unknown option ${arg}; see scripts/clasp-setup.ts`);
  }
  return args;
}

function nextSteps(scriptId: string): string {
  return [
    `Bound to ${editorUrl(scriptId)} (${CLASP_JSON}).`,
    'Next:',
    '  npm run push                 builds and uploads dist/ (Code, Sidebar, Dialog, appsscript)',
    '  npx clasp open-script        then Deploy → Test deployments (docs/deploy.md, step 5)',
  ].join('\n');
}

/** clasp's own answer, offline when there are no credentials. */
function loggedIn(): boolean {
  const who = clasp(['--json', 'show-authorized-user'], true);
  try {
    return Boolean((JSON.parse(who.stdout) as { loggedIn?: boolean }).loggedIn);
  } catch {
    return false; // clasp printed its own error
  }
}

function create(args: Args): number {
  const current = readBinding();
  if (current.state === 'bound' && !args.force) {
    console.log(
      `Already bound; nothing created. (--force creates a new project instead.)\n${nextSteps(current.scriptId)}`,
    );
    return 0;
  }

  if (!loggedIn()) {
    console.log(
      'Logging in to Google with clasp (once per machine; the token goes to ~/.clasprc.json).',
    );
    if (
      clasp(['login', ...(args.noLocalhost ? ['--no-localhost'] : [])]).status !== 0 ||
      !loggedIn()
    ) {
      console.error(
        `clasp login did not complete.${args.noLocalhost ? '' : ' On a machine without a browser: npm run deploy:setup -- --no-localhost'}`,
      );
      return 1;
    }
  }

  // clasp's own check: `create-script` refuses to run while .clasp.json names any script ID,
  // a placeholder included. Set aside what is there, and put it back if nothing gets created.
  const file = join(ROOT, CLASP_JSON);
  const previous = current.state === 'none' ? undefined : readFileSync(file, 'utf8');
  if (current.state !== 'none') {
    console.log(
      current.state === 'bound'
        ? `Replacing the binding to ${current.scriptId}.`
        : `Replacing ${CLASP_JSON}: ${current.reason}.`,
    );
    rmSync(file);
  }

  // Standalone, as Google requires of Editor add-ons. clasp pulls the new project's starter files
  // into dist/ and writes .clasp.json; both are tidied up below.
  const made = clasp([
    'create-script',
    '--type',
    'standalone',
    '--title',
    args.title,
    '--rootDir',
    ROOT_DIR,
  ]);
  const after = readBinding();
  if (made.status !== 0 || after.state !== 'bound') {
    if (previous !== undefined && !existsSync(file)) writeFileSync(file, previous);
    console.error(
      'clasp create-script did not create a project. If it says the Apps Script API is not enabled, turn it on at ' +
        'https://script.google.com/home/usersettings, wait a minute and retry.',
    );
    return 1;
  }
  bindProject(after.scriptId, { force: true });
  // The starter Code.js / appsscript.json clasp pulled over the build: build again.
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) return 1;
  console.log(nextSteps(after.scriptId));
  return 0;
}

export function main(argv: string[]): number {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  if (args.check) {
    const binding = readBinding();
    if (binding.state !== 'bound') {
      console.error(`${binding.state === 'invalid' ? `${binding.reason}.\n` : ''}${NOT_BOUND}`);
      return 1;
    }
    if (!loggedIn()) {
      console.error(
        'clasp is not logged in to Google on this machine: npx clasp login (or npx clasp login --no-localhost without a browser)',
      );
      return 1;
    }
    return 0;
  }
  if (args.scriptId !== undefined) {
    try {
      const config = bindProject(args.scriptId, { force: args.force });
      console.log(nextSteps(config.scriptId));
      return 0;
    } catch (e) {
      console.error((e as Error).message);
      return 1;
    }
  }
  return create(args);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = main(process.argv.slice(2));
