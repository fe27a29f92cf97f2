/**
 * npm run poster -- --example --out poster.svg [--lang ru|en] [--locale ru_RU] [--stages 30]
 * Writes the one-page journey poster of the worked example (fitness club, with its action
 * plan) as a self-contained SVG, offline: the same renderer the sidebar's Download poster uses.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_STAGES, MIN_STAGES } from '../src/core/map/layout';
import { renderPoster } from '../src/core/poster/poster';
import { sampleActions, sampleJourney } from './poster-sample';
import { LANGS, type Lang } from '../src/core/words/i18n';

const USAGE = `Usage: npm run poster -- --example --out poster.svg [options]

  --example           the worked example (fitness club) with its action plan (required:
                      the poster of a real map comes from the sidebar, step Present)
  --out <file.svg>    where to write the poster (required)
  --lang <ru|en>      language of the map (default en)
  --locale <locale>   spreadsheet locale for the currency, e.g. ru_RU, en_US
                      (default ru_RU for --lang ru, en_US for --lang en)
  --stages <n>        stages, ${MIN_STAGES}–${MAX_STAGES} (default 6: the example's own; more repeat them)
  --help              show this help`;

async function main(argv: string[]): Promise<number> {
  let flags;
  try {
    flags = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        example: { type: 'boolean' },
        out: { type: 'string', short: 'o' },
        lang: { type: 'string' },
        locale: { type: 'string' },
        stages: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (e) {
    return fail(`${e instanceof Error ? e.message : String(e)}. Run with --help to see the flags.`);
  }
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!flags.example)
    return fail(
      "--example is required: the poster is made of the worked example (a real map's poster comes from the sidebar)",
    );
  if (!flags.out) return fail('--out is required: give the file to write, e.g. --out poster.svg');
  if (!/\.svg$/i.test(flags.out))
    return fail(`--out must name an .svg file, got "${flags.out}"; e.g. --out poster.svg`);
  const lang = flags.lang ?? 'en';
  if (!(LANGS as readonly string[]).includes(lang))
    return fail(
      `--lang must be ${LANGS.map((l) => `"${l}"`).join(' or ')}, got "${lang}"; e.g. --lang ru`,
    );
  const stages = flags.stages === undefined ? 6 : Number(flags.stages);
  if (!Number.isInteger(stages) || stages < MIN_STAGES || stages > MAX_STAGES)
    return fail(
      `--stages must be a whole number from ${MIN_STAGES} to ${MAX_STAGES}, got "${flags.stages}"`,
    );
  const locale = flags.locale ?? (lang === 'ru' ? 'ru_RU' : 'en_US');
  if (!/^[a-z]{2,3}([_-][A-Za-z]{2})?$/.test(locale))
    return fail(`--locale must look like ru_RU or en_US, got "${locale}"`);

  const journey = sampleJourney(lang as Lang, stages);
  const svg = renderPoster({ journey, actions: sampleActions(journey), locale });
  // npm runs scripts in the package's folder; a relative --out is where the user typed the command.
  const out = resolve(process.env.INIT_CWD ?? '.', flags.out);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, svg, 'utf8');
  process.stderr.write(`wrote ${out} (${Math.round(Buffer.byteLength(svg) / 1024)} KB)\n`);
  return 0;
}

function fail(message: string): number {
  process.stderr.write(`poster: ${message}\n`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
