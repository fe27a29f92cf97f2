/**
 * Best effort: xdg-open (or the platform's opener); a machine without one just gets the URL
 * printed.
 */
import { spawn } from 'node:child_process';

export function openBrowser(url: string): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener: the URL is on the console.
  }
}
