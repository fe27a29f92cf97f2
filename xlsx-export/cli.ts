/**
 * `npm run export`: the command-line half of the export. Flags become a NewMapRequest,
 * checked by the same schema the sidebar's New map form uses; the built add-on (dist/Code.js,
 * rebuilt first when src/ is newer) creates the map in the emulator, as the New map dialog
 * would (the worked example gets its charts too), and the export writes that workbook.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { CreateMapResult } from '../src/contract';
import { LANGS, t, type Lang } from '../src/core/words/i18n';
import { newMapSchema, validate, type NewMapRequest } from '../src/core/map/requests';
import { PRESET_IDS, type PresetId } from '../src/core/map/stages';
import { createWorkbook, htmlFilesIn, loadAddon, type Workbook } from '../emulator/index';
import { readWorkbook } from './source';
import { buildWorkbook, toXlsx } from './xlsx';

export const USAGE = `Usage: npm run export -- --out map.xlsx [options]

  --out <file.xlsx>   where to write the workbook (required)
  --preset <id>       stages: ${PRESET_IDS.join(' | ')} (default checklist6)
  --stages "A,B,C"    custom stage names, comma-separated (implies --preset custom)
  --lang <ru|en>      language of the map (default en)
  --locale <locale>   spreadsheet locale for the currency, e.g. ru_RU, en_US
                      (default ru_RU for --lang ru, en_US for --lang en)
  --title "<text>"    the map's name (default "${t('en', 'map.title')}")
  --example           the filled-in worked example (fitness club) instead of a blank map
  --help              show this help`;

export type Parsed =
  | { ok: true; out: string; request: NewMapRequest }
  | { ok: false; message: string }
  | { ok: 'help' };

/** Which flag to blame for a schema field, so the message names what the user typed. */
const FIELD_FLAG: Record<string, string> = {
  name: '--title',
  segment: '--title',
  product: '--title',
  preset: '--preset',
  stages: '--stages',
  lang: '--lang',
  locale: '--locale',
};

const isOneOf = <T extends string>(list: readonly T[], v: string): v is T =>
  (list as readonly string[]).includes(v);

export function parseExportArgs(argv: readonly string[]): Parsed {
  let flags;
  try {
    flags = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        out: { type: 'string', short: 'o' },
        preset: { type: 'string' },
        stages: { type: 'string' },
        lang: { type: 'string' },
        locale: { type: 'string' },
        title: { type: 'string' },
        example: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (e) {
    // parseArgs says what is wrong ("Unknown option '--foo'"); the usage says what is right.
    return {
      ok: false,
      message: `${e instanceof Error ? e.message : String(e)}. Run with --help to see the flags.`,
    };
  }
  if (flags.help) return { ok: 'help' };

  const fail = (message: string): Parsed => ({ ok: false, message });
  if (!flags.out) return fail('--out is required: give the file to write, e.g. --out map.xlsx');
  if (!/\.xlsx$/i.test(flags.out))
    return fail(`--out must name an .xlsx file, got "${flags.out}"; e.g. --out map.xlsx`);

  const lang = flags.lang ?? 'en';
  if (!isOneOf<Lang>(LANGS, lang))
    return fail(
      `--lang must be ${LANGS.map((l) => `"${l}"`).join(' or ')}, got "${lang}"; e.g. --lang ru`,
    );

  const stages =
    flags.stages === undefined
      ? []
      : flags.stages
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
  const preset = flags.preset ?? (flags.stages !== undefined ? 'custom' : 'checklist6');
  if (!isOneOf<PresetId>(PRESET_IDS, preset))
    return fail(`--preset must be one of ${PRESET_IDS.join(', ')}, got "${preset}"`);
  if (flags.example && (flags.preset !== undefined || flags.stages !== undefined)) {
    return fail('--example has its own six stages; drop --preset and --stages, or drop --example');
  }
  if (flags.stages !== undefined && preset !== 'custom') {
    return fail(
      `--stages only applies to --preset custom (got --preset ${preset}); drop one of them`,
    );
  }
  if (preset === 'custom' && stages.length === 0)
    return fail('--preset custom needs --stages "Stage one,Stage two,…"');

  const payload = {
    name: flags.title ?? '',
    segment: '',
    product: '',
    preset,
    stages,
    lang,
    locale: flags.locale ?? (lang === 'ru' ? 'ru_RU' : 'en_US'),
    example: flags.example ?? false,
  };
  // A blank map needs a name; the add-on's own default title is what the wizard would give it.
  if (!payload.example && payload.name.trim() === '') payload.name = t(lang, 'map.title');
  const checked = validate(newMapSchema('en'), payload, 'en');
  if (!checked.ok) {
    const [field, why] = Object.entries(checked.fieldErrors)[0] ?? ['_form', 'invalid'];
    const flag = FIELD_FLAG[field.split('.')[0] ?? ''] ?? 'a flag';
    return fail(
      `${flag} is not valid: ${why}${flag === '--locale' ? ' (use a locale such as ru_RU or en_US)' : ''}`,
    );
  }
  return { ok: true, out: resolve(flags.out), request: checked.value };
}

const REPO = fileURLToPath(new URL('..', import.meta.url));

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return t;
}

/** dist/Code.js and its pages, built first when missing or older than src/ and sidebar/. */
function bundle(): { code: string; pages: Record<string, string> } {
  const code = join(REPO, 'dist', 'Code.js');
  const sidebar = join(REPO, 'dist', 'Sidebar.html');
  const stale =
    !existsSync(code) ||
    !existsSync(sidebar) ||
    statSync(code).mtimeMs < Math.max(newest(join(REPO, 'src')), newest(join(REPO, 'sidebar')));
  if (stale) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
      cwd: REPO,
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`npm run build failed:\n${run.stdout}${run.stderr}`);
  }
  return { code: readFileSync(code, 'utf8'), pages: htmlFilesIn(join(REPO, 'dist')) };
}

/** The spreadsheet the add-on makes for the request: the map (the example with its charts). */
export function makeWorkbook(req: NewMapRequest): { workbook: Workbook; sheet: string } {
  const { code, pages } = bundle();
  const workbook = createWorkbook({
    locale: req.locale,
    name: req.name || t(req.lang, 'map.title'),
  });
  workbook.ui.responder = () => 'OK';
  const addon = loadAddon(workbook, code, pages);
  const made = addon.callFromClient('createMap', req) as CreateMapResult;
  if (!made.ok) throw new Error(`the add-on refused the map: ${JSON.stringify(made.fieldErrors)}`);
  if (req.example) addon.callFromClient('insertCharts', { mapId: made.mapId });
  return { workbook, sheet: made.sheetName };
}

/** Runs the command; returns the process exit code. */
export async function runExport(
  argv: readonly string[],
  io: { log(s: string): void; error(s: string): void } = console,
): Promise<number> {
  const parsed = parseExportArgs(argv);
  if (parsed.ok === 'help') {
    io.log(USAGE);
    return 0;
  }
  if (!parsed.ok) {
    io.error(`export: ${parsed.message}\n\n${USAGE}`);
    return 1;
  }
  let bytes: Buffer;
  try {
    const { workbook, sheet } = makeWorkbook(parsed.request);
    // Every sheet but the new spreadsheet's empty "Sheet1".
    const book = readWorkbook(workbook);
    const sheets = book.sheets
      .filter((s) => s.name === sheet || [...s.cells()].length > 0)
      .map((s) => s.name);
    bytes = await toXlsx(buildWorkbook(book, { sheets, lang: parsed.request.lang }));
  } catch (e) {
    io.error(`export: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  try {
    await mkdir(dirname(parsed.out), { recursive: true });
    await writeFile(parsed.out, bytes);
  } catch (e) {
    io.error(
      `export: could not write ${parsed.out}: ${e instanceof Error ? e.message : String(e)}`,
    );
    return 1;
  }
  io.log(parsed.out);
  return 0;
}
