/**
 * The deploy path of docs/deploy.md (and the README's short version of it), checked without a
 * Google account or network: clasp's own file collection (what `clasp push` uploads) run over
 * dist/, and the .clasp.json that `npm run deploy:setup` writes, read back by clasp itself.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bindProject,
  claspBin,
  claspConfig,
  CLASP_JSON,
  parseArgs,
  parseScriptId,
  readBinding,
  ROOT_DIR,
} from '../../scripts/clasp-setup';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const DIST = join(REPO, ROOT_DIR);
const SHIPPED = ['Code.js', 'Dialog.html', 'Sidebar.html', 'appsscript.json'];
/** Shaped like a script ID; never sent anywhere (no credentials, no network in these tests). */
const FAKE_ID = '1DeployTestOnly_not-a-real-project_0123456789abcdefghijkl';
const OTHER_ID = '1AnotherFakeScriptId_0123456789abcdefghijklmnopqrstuvwxyz';

interface ClaspFile {
  localPath: string;
  remotePath?: string;
  type?: string;
  source?: string;
}
interface Clasp {
  files: {
    collectLocalFiles(): Promise<{
      files: ClaspFile[];
      skipped: { localPath: string; reason: string }[];
    }>;
  };
}
type InitClasp = (options: {
  configFile?: string;
  ignoreFile?: string;
  credentials?: unknown;
}) => Promise<Clasp>;

/** clasp's core, from the installed @google/clasp (its package exports only the CLI). */
async function claspCore(): Promise<InitClasp> {
  const core = join(dirname(claspBin()), 'core', 'clasp.js');
  const mod = (await import(pathToFileURL(core).href)) as { initClaspInstance: InitClasp };
  return mod.initClaspInstance;
}

/** What a push would upload, in clasp's words: remote name, type, and the local file. */
async function collect(
  configFile: string,
): Promise<{ name?: string; type?: string; file: string; source?: string }[]> {
  const initClaspInstance = await claspCore();
  const clasp = await initClaspInstance({ configFile, credentials: undefined });
  const { files } = await clasp.files.collectLocalFiles();
  return files
    .map((f) => ({ name: f.remotePath, type: f.type, file: f.localPath, source: f.source }))
    .sort((a, b) => String(a.name).localeCompare(String(b.name)));
}

// The project file the tests hand to clasp, beside the real (git-ignored) .clasp.json so that
// clasp resolves rootDir and .claspignore exactly as `npm run push` does.
const CONFIG = join(REPO, `.clasp.deploy-test-${process.pid}.json`);
const temps: string[] = [];

beforeAll(() => {
  if (SHIPPED.some((f) => !existsSync(join(DIST, f)))) {
    const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
      cwd: REPO,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stderr}`);
  }
  writeFileSync(CONFIG, JSON.stringify(claspConfig(FAKE_ID)));
});

afterAll(() => {
  rmSync(CONFIG, { force: true });
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function tempProject(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'cjm-clasp-')));
  temps.push(dir);
  return dir;
}

describe('what clasp push uploads', () => {
  it('clasp’s own file collection over dist/ takes exactly Code (script), Dialog and Sidebar (HTML) and the appsscript manifest', async () => {
    const files = await collect(CONFIG);
    expect(files.map(({ name, type, file }) => ({ name, type, file }))).toEqual([
      {
        name: 'appsscript',
        type: 'JSON',
        file: relative(process.cwd(), join(DIST, 'appsscript.json')),
      },
      { name: 'Code', type: 'SERVER_JS', file: relative(process.cwd(), join(DIST, 'Code.js')) },
      { name: 'Dialog', type: 'HTML', file: relative(process.cwd(), join(DIST, 'Dialog.html')) },
      { name: 'Sidebar', type: 'HTML', file: relative(process.cwd(), join(DIST, 'Sidebar.html')) },
    ]);
    for (const f of files)
      expect(f.source, f.file).toBe(readFileSync(join(REPO, ROOT_DIR, basename(f.file)), 'utf8'));
    // The manifest clasp sends is the one the build wrote from appsscript.json.
    expect(JSON.parse(files[0]?.source ?? '')).toEqual(
      JSON.parse(readFileSync(join(REPO, 'appsscript.json'), 'utf8')),
    );
  });

  it('every HTML file the server code opens by name is among the uploaded files', async () => {
    const files = await collect(CONFIG);
    const html = files.filter((f) => f.type === 'HTML').map((f) => f.name);
    const code = files.find((f) => f.name === 'Code')?.source ?? '';
    const opened = [...code.matchAll(/createHtmlOutputFromFile\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map(
      (m) => m[1],
    );
    expect(opened.length).toBeGreaterThan(0);
    for (const name of opened) expect(html).toContain(name);
  });

  it('the clasp CLI agrees (clasp show-file-status, offline, without credentials)', () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: tempProject(), // no ~/.clasprc.json: no credentials to use
      // Anything that tried the network would fail.
      HTTPS_PROXY: 'http://127.0.0.1:9',
      HTTP_PROXY: 'http://127.0.0.1:9',
      NO_PROXY: '',
    };
    delete env.clasp_config_auth;
    delete env.clasp_config_project;
    const run = spawnSync(
      process.execPath,
      [claspBin(), '--project', CONFIG, '--json', 'show-file-status'],
      {
        cwd: REPO,
        encoding: 'utf8',
        timeout: 60_000,
        env,
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const status = JSON.parse(run.stdout) as { filesToPush: string[] };
    expect([...status.filesToPush].sort()).toEqual(SHIPPED.map((f) => `${ROOT_DIR}/${f}`).sort());
  });

  it('.claspignore keeps anything else in dist/ out of a push (which would replace the project’s files with it)', async () => {
    const dir = tempProject();
    copyFileSync(join(REPO, '.claspignore'), join(dir, '.claspignore'));
    bindProject(FAKE_ID, { root: dir });
    mkdirSync(join(dir, ROOT_DIR, 'old'), { recursive: true });
    for (const f of SHIPPED) copyFileSync(join(DIST, f), join(dir, ROOT_DIR, f));
    // What may lie in dist/: a starter file clasp pulled, leftovers, editor backups.
    for (const stray of [
      'Macros.js',
      'old/Helper.js',
      'Page.html',
      'notes.txt',
      'appsscript.json.bak',
    ]) {
      writeFileSync(join(dir, ROOT_DIR, stray), 'function stray() {}\n');
    }
    const files = await collect(join(dir, CLASP_JSON));
    expect(files.map((f) => [f.name, f.type])).toEqual([
      ['appsscript', 'JSON'],
      ['Code', 'SERVER_JS'],
      ['Dialog', 'HTML'],
      ['Sidebar', 'HTML'],
    ]);
    // Without the ignore file, clasp's defaults would upload the strays too.
    rmSync(join(dir, '.claspignore'));
    const unguarded = (await collect(join(dir, CLASP_JSON))).map((f) => f.name);
    expect(unguarded).toEqual(expect.arrayContaining(['Macros', 'old/Helper', 'Page']));
  });
});

describe('npm run deploy:setup', () => {
  it('binds a script ID or an editor URL by writing {scriptId, rootDir: "dist"}, and clasp reads it back', () => {
    const dir = tempProject();
    expect(readBinding(dir)).toEqual({ state: 'none' });
    expect(
      bindProject(`https://script.google.com/home/projects/${FAKE_ID}/edit`, { root: dir }),
    ).toEqual({ scriptId: FAKE_ID, rootDir: 'dist' });
    expect(JSON.parse(readFileSync(join(dir, CLASP_JSON), 'utf8'))).toEqual({
      scriptId: FAKE_ID,
      rootDir: 'dist',
    });
    expect(readBinding(dir)).toEqual({ state: 'bound', scriptId: FAKE_ID, rootDir: 'dist' });
    // Binding the same project again is fine; another one needs --force.
    expect(() => bindProject(FAKE_ID, { root: dir })).not.toThrow();
    expect(() => bindProject(OTHER_ID, { root: dir })).toThrow(/--force/);
    expect(bindProject(OTHER_ID, { root: dir, force: true }).scriptId).toBe(OTHER_ID);
  });

  it('accepts the IDs and URLs the Apps Script editor shows, and refuses placeholders and spreadsheet URLs', () => {
    expect(parseScriptId(` ${FAKE_ID}\n`)).toBe(FAKE_ID);
    expect(parseScriptId(`https://script.google.com/d/${FAKE_ID}/edit`)).toBe(FAKE_ID);
    expect(parseScriptId(`https://script.google.com/u/0/home/projects/${FAKE_ID}/settings`)).toBe(
      FAKE_ID,
    );
    expect(() => parseScriptId('PASTE-YOUR-SCRIPT-ID-HERE')).toThrow(/Project Settings/);
    expect(() => parseScriptId(`https://docs.google.com/spreadsheets/d/${FAKE_ID}/edit`)).toThrow(
      /not an Apps Script project ID/,
    );
    expect(() => parseScriptId('')).toThrow();
  });

  it('treats the old placeholder, or a binding that would push another folder, as not bound (npm run push stops)', () => {
    const dir = tempProject();
    writeFileSync(
      join(dir, CLASP_JSON),
      JSON.stringify({ scriptId: 'PASTE-YOUR-SCRIPT-ID-HERE', rootDir: 'dist' }),
    );
    expect(readBinding(dir)).toMatchObject({
      state: 'invalid',
      reason: expect.stringMatching(/no real script ID/),
    });
    writeFileSync(join(dir, CLASP_JSON), JSON.stringify({ scriptId: FAKE_ID }));
    expect(readBinding(dir)).toMatchObject({
      state: 'invalid',
      reason: expect.stringMatching(/built in dist/),
    });
    writeFileSync(join(dir, CLASP_JSON), JSON.stringify({ scriptId: FAKE_ID, rootDir: './dist/' }));
    expect(readBinding(dir)).toMatchObject({ state: 'bound' });
    // A placeholder may be replaced without --force.
    writeFileSync(
      join(dir, CLASP_JSON),
      JSON.stringify({ scriptId: 'PASTE-YOUR-SCRIPT-ID-HERE', rootDir: 'dist' }),
    );
    expect(bindProject(FAKE_ID, { root: dir }).scriptId).toBe(FAKE_ID);
  });

  it('parses its options', () => {
    expect(parseArgs([])).toEqual({ title: 'CJM', force: false, check: false, noLocalhost: false });
    expect(parseArgs(['--script-id', FAKE_ID, '--force'])).toMatchObject({
      scriptId: FAKE_ID,
      force: true,
    });
    expect(parseArgs(['--title=CJM dev', '--no-localhost'])).toMatchObject({
      title: 'CJM dev',
      noLocalhost: true,
    });
    expect(() => parseArgs(['--script-id'])).toThrow(/needs a value/);
    expect(() => parseArgs(['--type', 'sheets'])).toThrow(/unknown option/);
  });

  it('leaves each clone to bind its own project: no .clasp.json (nor clasp credentials) in git', () => {
    const ignored = readFileSync(join(REPO, '.gitignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim());
    expect(ignored).toEqual(expect.arrayContaining(['.clasp.json', '.clasprc.json']));
  });

  it('the install steps of the README and of docs/deploy.md run only npm scripts that exist', () => {
    const scripts = Object.keys(
      (
        JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
          scripts: Record<string, string>;
        }
      ).scripts,
    );
    const sections = {
      'README.md': /^## Install[^\n]*\n([\s\S]*?)(?=^## )/m,
      'docs/deploy.md': /^## Steps\n([\s\S]*?)(?=^## )/m,
    };
    for (const [file, heading] of Object.entries(sections)) {
      const section = heading.exec(readFileSync(join(REPO, file), 'utf8'))?.[1] ?? '';
      const used = [...section.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
      expect(used, file).toEqual(expect.arrayContaining(['deploy:setup', 'push']));
      for (const name of used) expect(scripts, file).toContain(name);
    }
  });
});
