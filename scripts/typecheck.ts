/**
 * `npm run typecheck`: one TypeScript check per runtime, each with only the globals that exist
 * where its code runs (see the tsconfig.json in each folder). Two at a time, for two cores.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Each runtime's configuration (a folder with a tsconfig.json) and what its code may see. */
export const RUNTIMES: readonly { config: string; runtime: string }[] = [
  { config: 'src/core', runtime: 'the language only' },
  { config: 'src/formulas', runtime: 'the language only' },
  { config: 'src', runtime: 'the language only (contract.ts)' },
  { config: 'src/sheets', runtime: 'Apps Script' },
  { config: 'src/server', runtime: 'Apps Script' },
  { config: 'sidebar', runtime: 'the DOM' },
  { config: 'dev/workbench/page', runtime: 'the DOM' },
  { config: 'emulator', runtime: "Node, with Apps Script's types" },
  { config: '.', runtime: 'Node' },
  { config: 'test/e2e', runtime: 'Node, and the DOM for page.evaluate' },
];

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));

/** Runs tsc on one configuration; resolves to its output and exit code. */
export function check(config: string, cwd = root): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '--noEmit', '-p', config], { cwd });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d;
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

async function main() {
  const queue = [...RUNTIMES];
  const failed: string[] = [];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const result = await check(next.config);
      if (result.code !== 0) failed.push(next.config);
      const mark = result.code === 0 ? 'ok  ' : 'FAIL';
      console.log(`${mark} ${next.config.padEnd(20)} ${next.runtime}`);
      if (result.code !== 0) process.stdout.write(result.out);
    }
  };
  await Promise.all([worker(), worker()]);
  process.exitCode = failed.length === 0 ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
