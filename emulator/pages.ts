// The HTML files of a built add-on (dist/*.html), by the name HtmlService opens them with, as
// loadAddon takes them: what `clasp push` ships beside Code.js.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function htmlFilesIn(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .map((f) => [f.slice(0, -'.html'.length), readFileSync(join(dir, f), 'utf8')]),
  );
}
