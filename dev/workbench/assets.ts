/**
 * The page's script, styles and the google.script.run shim, bundled from TypeScript at
 * start (esbuild, a few tens of ms) and served from memory: nothing comes from the network.
 */
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export interface Assets {
  indexHtml: string;
  appJs: string;
  appCss: string;
  shimJs: string;
}

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** A browser script of this folder as one IIFE; its exports on `globalName` when given. */
export async function bundle(entry: string, globalName?: string): Promise<string> {
  const result = await build({
    ...(globalName ? { globalName } : {}),
    entryPoints: [here(entry)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

export async function loadAssets(): Promise<Assets> {
  const [indexHtml, appCss, appJs, shimJs] = await Promise.all([
    readFile(here('./page/index.html'), 'utf8'),
    readFile(here('./page/styles.css'), 'utf8'),
    bundle('./page/main.ts'),
    bundle('./page/shim.ts'),
  ]);
  return { indexHtml, appJs, appCss, shimJs };
}

/** JSON safe inside an inline <script>: nothing in it can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The add-on's page with the shim in front of its own scripts, as Apps Script's iframe has
 * google.script.
 */
export function withShim(
  html: string,
  shimJs: string,
  config: { surfaceId: string; functions: string[] },
): string {
  const tag = `<script>window.__cjmSurface = ${scriptJson(config)};</script>\n<script>${shimJs.replace(/<\/script/gi, '<\\/script')}</script>\n`;
  const head = /<head[^>]*>/i.exec(html);
  if (head)
    return (
      html.slice(0, head.index + head[0].length) +
      '\n' +
      tag +
      html.slice(head.index + head[0].length)
    );
  return tag + html;
}
