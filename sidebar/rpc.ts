/**
 * google.script.run as typed promises. Apps Script allows at most 10 calls in flight and
 * passes only plain JSON, so screens make one or two calls and send plain objects.
 */
import type { ServerApi } from '../src/contract';

interface Runner {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: Error) => void): Runner;
  [name: string]: unknown;
}

declare global {
  interface Window {
    google?: { script: { run: Runner; host: { close(): void } } };
  }
}

export function call<K extends keyof ServerApi>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    const run = window.google?.script.run;
    if (!run) {
      reject(new Error('google.script.run is not available: open this page from the add-on menu.'));
      return;
    }
    const runner = run
      .withSuccessHandler((v) => resolve(v as ReturnType<ServerApi[K]>))
      .withFailureHandler(reject);
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

export function closeDialog(): void {
  window.google?.script.host.close();
}
