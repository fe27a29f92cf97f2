import { readFileSync, statSync } from 'node:fs';
import { createContext, Script } from 'node:vm';
import { medianMs } from './measure';

/** Size of what clasp pushes, and what evaluating it costs on every custom-function call. */
export function bundleFigures(): Record<string, number> {
  const code = readFileSync('dist/Code.js', 'utf8');
  // A fresh context and a fresh compile each run, as Apps Script evaluates the project per call.
  const load = (source: string) =>
    medianMs(() => new Script(source).runInContext(createContext({})), 31, 5);
  return {
    bundle_bytes: statSync('dist/Code.js').size,
    sidebar_html_bytes: statSync('dist/Sidebar.html').size,
    cold_load_ms: load(code),
    empty_load_ms: load(''),
  };
}
