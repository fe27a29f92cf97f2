/**
 * npm run export -- --out map.xlsx [--preset …] [--lang ru|en] [--stages "A,B,C"] [--title "…"]
 * [--example] [--locale ru_RU]
 * The add-on (dist/Code.js, in the emulator) makes the map; its workbook is written as an .xlsx
 * that
 * computes in Excel and LibreOffice (see xlsx-export/).
 */
import { runExport } from '../xlsx-export/cli';

process.exitCode = await runExport(process.argv.slice(2));
