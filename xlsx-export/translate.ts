/**
 * A workbook's cells for Excel: each formula translated from what the sheet holds, formula by
 * formula (custom functions into native ones, spilled results into one formula per cell,
 * sheets renamed for Excel), values as they are (a number typed as text stays text: the
 * add-on does not read it as a number either), and what cannot compute in Excel written as the
 * value the add-on computed, with a note that says so.
 */
import type { Lang } from '../src/core/words/i18n';
import { colName as colLetters } from '../src/core/map/layout';
import { quoteSheet } from '../src/core/map/links';
import { xmlChars } from '../src/core/words/xml';
import {
  calledFunctions,
  formulaSize,
  FormulaSyntaxError,
  parseFormula,
  render,
  renderRef,
  type Node,
} from './formula';
import { Untranslatable, type Helpers, type HelperRow, type Translation } from './native';
import { probeWords, spec } from './probe';
import { sparklineText } from './text-sparkline';
import { callTranslator, type CallTranslator } from './translate-calls';
import type { Content, SourceCell, SourceSheet, SourceWorkbook } from './source';

/** The words the export adds, in the workbook's language. */
export interface ExportWords {
  sparkline: string;
  staticValue: (why: string) => string;
  sheetsOnly: (fn: string) => string;
  noNative: (fn: string) => string;
  unreadable: string;
  blocked: string;
  helperSheet: string;
  helperTitle: string;
  renamed: (name: string) => string;
}

export const EXPORT_WORDS: Record<Lang, ExportWords> = {
  en: {
    sparkline:
      'A Google Sheets sparkline, drawn here as text from the values it showed at export: Excel has no SPARKLINE formula, so it does not change when they do. Open the map in Google Sheets to see the chart.',
    staticValue: (why) =>
      `Exported as the value the add-on computed, not as a formula: ${why}. It does not change when its inputs do.`,
    sheetsOnly: (fn) => `${fn} is a Google Sheets function that Excel does not have`,
    noNative: (fn) => `the add-on's ${fn} has no native equivalent in this export`,
    unreadable: 'the export could not read this formula',
    blocked: 'its array result was blocked by other cells in Google Sheets',
    helperSheet: 'CJM export',
    helperTitle:
      "Cells the exported formulas use in place of the add-on's custom functions. Computed; do not edit.",
    renamed: (name) => `Sheet "${name}" in Google Sheets (Excel allows 31 characters).`,
  },
  ru: {
    sparkline:
      'Спарклайн Google Таблиц, нарисованный текстом по значениям на момент выгрузки: в Excel нет формулы SPARKLINE, поэтому он не меняется вместе с ними. Откройте карту в Google Таблицах, чтобы увидеть график.',
    staticValue: (why) =>
      `Выгружено значение, посчитанное дополнением, а не формула: ${why}. Оно не меняется вместе с исходными данными.`,
    sheetsOnly: (fn) => `${fn} — функция Google Таблиц, которой нет в Excel`,
    noNative: (fn) => `у функции дополнения ${fn} нет замены в этой выгрузке`,
    unreadable: 'выгрузка не смогла разобрать эту формулу',
    blocked: 'её результат-массив в Google Таблицах был заблокирован другими ячейками',
    helperSheet: 'CJM выгрузка',
    helperTitle:
      'Ячейки, которыми выгруженные формулы заменяют пользовательские функции дополнения. Вычисляются сами; не редактируйте.',
    renamed: (name) => `Лист «${name}» в Google Таблицах (в Excel не больше 31 символа).`,
  },
};

/**
 * Google Sheets functions Excel does not have (or has under another meaning): a formula that
 * calls one is exported as its value.
 */
export const SHEETS_ONLY = new Set([
  'ARRAYFORMULA',
  'QUERY',
  'FILTER',
  'SORT',
  'SORTN',
  'UNIQUE',
  'IMPORTRANGE',
  'IMPORTDATA',
  'IMPORTHTML',
  'IMPORTXML',
  'IMPORTFEED',
  'GOOGLEFINANCE',
  'GOOGLETRANSLATE',
  'DETECTLANGUAGE',
  'IMAGE',
  'REGEXMATCH',
  'REGEXEXTRACT',
  'REGEXREPLACE',
  'SPLIT',
  'JOIN',
  'FLATTEN',
  'CONTINUE',
  'ISEMAIL',
  'ISURL',
  'LAMBDA',
  'MAP',
  'REDUCE',
  'SCAN',
  'MAKEARRAY',
  'BYROW',
  'BYCOL',
  'LET',
  'XLOOKUP',
  'XMATCH',
  'TEXTJOIN',
  'CONCAT',
  'IFS',
  'SWITCH',
  'MAXIFS',
  'MINIFS',
  'SEQUENCE',
  'CHOOSECOLS',
  'CHOOSEROWS',
  'TOCOL',
  'TOROW',
  'VSTACK',
  'HSTACK',
  'WRAPCOLS',
  'WRAPROWS',
  'EPOCHTODATE',
  'TO_DATE',
  'TO_DOLLARS',
  'TO_PERCENT',
  'TO_PURE_NUMBER',
  'TO_TEXT',
  'COUNTUNIQUE',
  'ARRAY_CONSTRAIN',
  'GETPIVOTDATA',
  'SPARKLINE',
]);

/**
 * Text as the .xlsx carries it: less what XML 1.0 cannot carry (ExcelJS lets U+FFFE, U+FFFF and
 * lone surrogates through, and a part holding one is no XML: Excel calls the file corrupt), and
 * less U+007F, which ExcelJS drops, so that a sheet name reads the same in the parts ExcelJS
 * writes and in the chart parts written here.
 */
export const excelText = (s: string): string => xmlChars(s).replaceAll('\u007f', '');

/**
 * Excel: at most 31 characters, none of []:*?/\, not starting or ending with an apostrophe; and
 * what the file can carry (excelText), a tab or line break as a space (the name is an attribute
 * in workbook.xml, where a parser reads them as spaces, and text in formulas, where it does not).
 */
export function excelSheetName(name: string, taken: (candidate: string) => boolean): string {
  const clean =
    excelText(name)
      .replace(/[\t\n\r]/g, ' ')
      .replace(/[[\]:*?/\\]/g, '-')
      // spaces and apostrophes together: "Notes '\t" must not end "Notes '"
      .replace(/^[\s']+|[\s']+$/g, '') || 'Sheet';
  const chars = [...clean];
  const fit = (max: number): string => {
    if (chars.length <= max) return clean;
    // Keep the start and the end ("… · plan"): both tell sheets apart.
    const tail = Math.min(10, Math.floor(max / 3));
    return `${chars
      .slice(0, max - tail - 1)
      .join('')
      .trimEnd()}…${chars
      .slice(chars.length - tail)
      .join('')
      .trimStart()}`;
  };
  let candidate = fit(31);
  for (let i = 2; taken(candidate); i++) candidate = `${fit(31 - ` ${i}`.length)} ${i}`;
  return candidate;
}

/** One cell of the file. */
export interface OutCell {
  /** a value (an error code for a formula exported as the error it showed), or null for none */
  value: number | string | boolean | { error: string } | null;
  /** a native formula (no "=") */
  formula?: string;
  /** what the add-on computed, cached for readers that do not recalculate */
  result?: number | string | boolean | { error: string };
  note?: string;
}

export interface OutSheet {
  source: SourceSheet;
  /** its name in the file */
  name: string;
  cells: Map<string, OutCell>;
}

export interface HelperSheet {
  name: string;
  title: string;
  /** from row 3: a label, then formulas (or plain values: long dropdown lists) */
  rows: { label: string; formulas: string[]; values?: string[] }[];
}

export interface Translated {
  sheets: OutSheet[];
  helper: HelperSheet;
  /** original sheet name → name in the file */
  sheetName(original: string): string;
  /**
   * a formula as written (Sheets), as Excel formula text for `host`, or null when it cannot be
   * (conditional formats, list sources)
   */
  plainFormula(formula: string, host: string): string | null;
  /** how many cells of each kind, for reports; the longest and the most nested formula written */
  stats: {
    formulas: number;
    native: number;
    staticValues: number;
    helperCells: number;
    longest: number;
    deepest: number;
  };
  words: ExportWords;
  lang: Lang;
}

const HELPER = '\u0000helper';
const cellKey = (row: number, col: number) => `${row},${col}`;

function langOf(locale: string): Lang {
  return locale.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

const cachedOf = (cell: SourceCell | undefined): OutCell['result'] => {
  if (!cell) return undefined;
  if (cell.error) return { error: cell.error.code };
  return cell.value === '' ? undefined : cell.value;
};

export interface TranslateOptions {
  /**
   * the language of the export's own words (notes, helper sheet); default: the workbook's user
   * language
   */
  lang?: Lang;
}

/**
 * The workbook's cells for the file: its sheets named for Excel, then each sheet's cells
 * translated (custom-function calls through the helper sheet), then the formulas measured.
 */
export function translateWorkbook(book: SourceWorkbook, opts: TranslateOptions = {}): Translated {
  const lang = opts.lang ?? langOf(book.userLocale || book.locale);
  const words = EXPORT_WORDS[lang];
  const sheets = new Map(book.sheets.map((s) => [s.name.toLowerCase(), s]));
  const sheetName = excelSheetNames(book, words.helperSheet);
  const { helper, helpers } = helperSheet(words.helperTitle, sheetName);
  const parse = formulaReader();
  const calls = callTranslator({
    sheets,
    named: new Map(book.namedRanges.map((n) => [n.name.toUpperCase(), n])),
    sheetName,
    helpers,
    // The custom functions speak the user's language (Session.getActiveUserLocale in Apps Script).
    fnWords: (sheet) =>
      probeWords(
        langOf(sheets.get(sheet.toLowerCase())?.userLocale || book.userLocale || book.locale),
      ),
    noNative: words.noNative,
  });
  const stats = {
    formulas: 0,
    native: 0,
    staticValues: 0,
    helperCells: 0,
    longest: 0,
    deepest: 0,
  };
  const env: SheetEnv = { words, sheetName, parse, calls, stats };
  const outSheets = book.sheets.map((s) => translateSheet(s, env));
  stats.helperCells = helper.rows.reduce((n, r) => n + r.formulas.length, 0);
  measureFormulas(stats, outSheets, helper);
  const plainFormula = (formula: string, host: string): string | null => {
    const node = parse(formula);
    if (!node) return null;
    const fns = calledFunctions(node);
    if ([...fns].some((f) => SHEETS_ONLY.has(f) || spec(f))) return null;
    return render(node, { host, source: host, sheetName });
  };
  return { sheets: outSheets, helper, sheetName, plainFormula, stats, words, lang };
}

/**
 * Every sheet's name in the file (excelSheetName), then the helper sheet's, none taken twice
 * whatever its case; original name → name in the file.
 */
function excelSheetNames(book: SourceWorkbook, helperName: string): (original: string) => string {
  const names = new Map<string, string>();
  const used = new Set<string>();
  const take = (original: string, wanted: string) => {
    const name = excelSheetName(wanted, (c) => used.has(c.toLowerCase()));
    used.add(name.toLowerCase());
    names.set(original.toLowerCase(), name);
  };
  for (const s of book.sheets) take(s.name, s.name);
  take(HELPER, helperName);
  return (original) => names.get(original.toLowerCase()) ?? original;
}

/**
 * The helper sheet, empty, and how native translations add rows to it: from row 3 (under its
 * title), a label in column A and the row's formulas from column B.
 */
function helperSheet(
  title: string,
  sheetName: (original: string) => string,
): { helper: HelperSheet; helpers: Helpers } {
  const helper: HelperSheet = { name: sheetName(HELPER), title, rows: [] };
  const FIRST_HELPER_ROW = 3;
  const helperRef = (row: number, col: number, host: string): string =>
    renderRef(
      { t: 'ref', sheet: HELPER, kind: 'cell', a: { row, col, absRow: true, absCol: true } },
      { host, source: host, sheetName },
    );
  const helpers: Helpers = {
    sheet: HELPER,
    row(label, build) {
      const index = helper.rows.length;
      const row = FIRST_HELPER_ROW + index;
      helper.rows.push({ label, formulas: [] });
      const slot = helper.rows[index] as { label: string; formulas: string[] };
      slot.formulas = build((k) => helperRef(row, 2 + k, HELPER));
      const out: HelperRow = {
        ref: (k, host) => helperRef(row, 2 + k, host),
        range: (k, n, host) => {
          const start = helperRef(row, 2 + k, host);
          return n === 1 ? start : `${start}:${helperRef(row, 2 + k + n - 1, HELPER)}`;
        },
      };
      return out;
    },
  };
  return { helper, helpers };
}

/** Formula text parsed once however many cells hold it; null for text the parser refuses. */
function formulaReader(): (text: string) => Node | null {
  const parsed = new Map<string, Node | null>();
  return (text) => {
    if (!parsed.has(text)) {
      try {
        parsed.set(text, parseFormula(text));
      } catch (e) {
        if (!(e instanceof FormulaSyntaxError)) throw e;
        parsed.set(text, null);
      }
    }
    return parsed.get(text) ?? null;
  };
}

/** What translating a sheet's cells reads, and the counts it keeps. */
interface SheetEnv {
  words: ExportWords;
  sheetName: (original: string) => string;
  parse: (text: string) => Node | null;
  calls: CallTranslator;
  stats: Translated['stats'];
}

type Put = (row: number, col: number, cell: OutCell) => void;

/** A sheet's cells for the file, cell by cell (a spilled call fills its neighbours too). */
function translateSheet(s: SourceSheet, env: SheetEnv): OutSheet {
  const cells = new Map<string, OutCell>();
  const put: Put = (row, col, cell) => cells.set(cellKey(row, col), cell);
  for (const { row, col, cell } of s.cells()) {
    if (!cell || cells.has(cellKey(row, col))) continue;
    translateCell(env, s, row, col, cell, put);
  }
  return { source: s, name: env.sheetName(s.name), cells };
}

function translateCell(
  env: SheetEnv,
  s: SourceSheet,
  row: number,
  col: number,
  cell: SourceCell,
  put: Put,
): void {
  const { words, stats } = env;
  const content: Content = cell.content;
  if (content.kind === 'empty') {
    // A spilled value whose formula could not be translated keeps the value.
    if (cell.spilled) put(row, col, { value: sourceValue(cell) });
    return;
  }
  if (content.kind === 'value') {
    // as it is: a number typed as text stays text, which the add-on's formulas do not read as
    // a number either (nor Excel's and LibreOffice's)
    put(row, col, { value: content.value });
    return;
  }
  stats.formulas++;
  const staticValue = (why: string) => {
    stats.staticValues++;
    put(row, col, { value: sourceValue(cell), note: words.staticValue(why) });
  };
  const node = env.parse(content.text);
  if (!node) {
    staticValue(words.unreadable);
    return;
  }
  const fns = calledFunctions(node);
  if (fns.has('SPARKLINE')) {
    // What it drew, as text; a SPARKLINE that showed an error keeps the error.
    const value = cell.sparkline ? sparklineText(cell.sparkline) : sourceValue(cell);
    put(row, col, { value, note: words.sparkline });
    return;
  }
  const sheetsOnly = [...fns].find((f) => SHEETS_ONLY.has(f));
  if (sheetsOnly) {
    staticValue(words.sheetsOnly(sheetsOnly));
    return;
  }
  const where = `${quoteSheet(env.sheetName(s.name))}!${colLetters(col)}${row}`;
  try {
    if (node.t === 'call' && spec(node.name)) {
      spilledCall(env, s, row, col, env.calls.translateCall(node, s.name, s.name, where), put);
      return;
    }
    const formula = render(node, env.calls.renderContext(s.name, s.name, where));
    if ([...fns].some((f) => spec(f))) stats.native++;
    put(row, col, { value: null, formula, result: cachedOf(cell) });
  } catch (e) {
    if (!(e instanceof Untranslatable)) throw e;
    staticValue(e.message);
  }
}

/**
 * A custom function's call alone in its cell: one native formula per cell of its result, where
 * the result spilled.
 */
function spilledCall(
  env: SheetEnv,
  s: SourceSheet,
  row: number,
  col: number,
  t: Translation,
  put: Put,
): void {
  // The spill area must be free, as the add-on found it (else Sheets showed #REF!).
  for (let i = 0; i < t.rows; i++) {
    for (let j = 0; j < t.cols; j++) {
      if (i === 0 && j === 0) continue;
      const other = s.cell(row + i, col + j);
      if (other && other.content.kind !== 'empty') throw new Untranslatable(env.words.blocked);
    }
  }
  for (let i = 0; i < t.rows; i++) {
    for (let j = 0; j < t.cols; j++) {
      env.stats.native++;
      put(row + i, col + j, {
        value: null,
        formula: t.element(i, j),
        result: cachedOf(s.cell(row + i, col + j)),
      });
    }
  }
}

/** The longest and the most nested formula the file holds, in its sheets and the helper sheet. */
function measureFormulas(
  stats: Translated['stats'],
  sheets: readonly OutSheet[],
  helper: HelperSheet,
): void {
  const measure = (f: string) => {
    const size = formulaSize(f);
    stats.longest = Math.max(stats.longest, size.length);
    stats.deepest = Math.max(stats.deepest, size.nesting);
  };
  for (const out of sheets) for (const c of out.cells.values()) if (c.formula) measure(c.formula);
  for (const r of helper.rows) r.formulas.forEach(measure);
}

/** A cell's shown value as a plain value for the file. */
function sourceValue(cell: SourceCell): OutCell['value'] {
  if (cell.error) return { error: cell.error.code };
  return cell.value === '' ? null : cell.value;
}
