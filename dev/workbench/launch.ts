/**
 * Starts `dev/workbench/main.ts` as a child process, the way `npm start` does (without the
 * build), and waits for the URL it prints. Used by the e2e tests and the benchmark.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface LaunchedWorkbench {
  url: string;
  child: ChildProcess;
  /** Everything the workbench printed so far. */
  output(): string;
  stop(): Promise<void>;
}

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function launchWorkbench(
  args: string[],
  opts: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<LaunchedWorkbench> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--no-open', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A test run or benchmark that ends abruptly must not leave a server behind.
  const killChild = (): void => {
    child.kill('SIGTERM');
  };
  process.once('exit', killChild);
  child.once('exit', () => process.off('exit', killChild));
  let out = '';
  const output = (): string => out;
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(
        new Error(`the workbench did not start within ${opts.timeoutMs ?? 20_000} ms:\n${out}`),
      );
    }, opts.timeoutMs ?? 20_000);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const m = /ready at (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ url: m[1], child, output, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the workbench exited (${code}) before it was ready:\n${out}`));
    });
  });
}
