/**
 * `npm start -- [--port N] [--file path] [--locale en_US] [--now instant] [--no-open]`, parsed and
 * checked.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isLocale } from './validate';

export const DEFAULT_PORT = 8765;
export const DEFAULT_FILE = '.workbench/workbook.json';
export const DEFAULT_LOCALE = 'en_US';

export const USAGE = `Usage: npm start -- [options]

  --port <n>       port on 127.0.0.1 (default $PORT or ${DEFAULT_PORT}; 0 picks a free one)
  --file <path>    the workbook file, saved after every change (default ${DEFAULT_FILE})
  --locale <id>    spreadsheet locale of a new workbook: en_US, ru_RU… (default ${DEFAULT_LOCALE})
  --now <instant>  stop the add-on's clock there (2026-12-06T10:00:00Z), to see reviews come due
  --no-open        do not open a browser
  --help           show this help`;

export interface CliOptions {
  port: number;
  file: string;
  locale: string;
  open: boolean;
  /** the add-on's "now" (ISO 8601 with its zone), or null for real time */
  now: string | null;
}

export type ParsedCli =
  | { ok: true; options: CliOptions }
  | { ok: false; message: string }
  | { ok: 'help' };

export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv): ParsedCli {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        port: { type: 'string' },
        file: { type: 'string' },
        locale: { type: 'string' },
        now: { type: 'string' },
        'no-open': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (e) {
    return { ok: false, message: `${e instanceof Error ? e.message : String(e)}\n\n${USAGE}` };
  }
  if (values.help) return { ok: 'help' };
  const portText = values.port ?? env.PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535)
    return { ok: false, message: `--port must be a number from 0 to 65535; got "${portText}"` };
  const locale = values.locale ?? DEFAULT_LOCALE;
  if (!isLocale(locale))
    return { ok: false, message: `--locale must look like en_US or ru_RU; got "${locale}"` };
  const now = values.now ?? null;
  if (now !== null && !/T\d.*(Z|[+-]\d\d:?\d\d)$/i.test(now))
    return {
      ok: false,
      message: `--now must be an instant with its zone, such as 2026-12-06T10:00:00Z; got "${now}"`,
    };
  return {
    ok: true,
    options: {
      port,
      file: resolve(values.file ?? DEFAULT_FILE),
      locale,
      open: !values['no-open'],
      now,
    },
  };
}
