// Turns what a script passes to setValue(s), or what a user types in the grid, into cell
// content, the way Sheets interprets typed text: "=..." is a formula, a leading apostrophe
// forces text (and is not part of the value), numeric-looking text becomes a number
// ("12" -> 12, "+1" -> 1, "5%" -> 0.05, "$5" -> 5, locale separators: "1,5" -> 1.5 in
// ru_RU), "TRUE"/"FALSE" become booleans, dates and times typed in the locale's notation
// become date serials with a date or time format ("2026-01-05", "5/1/2026" in en_US,
// "05.01.2026" in ru_RU, "12:30").
//
// Two entry points differ only in how the plain-text format "@" is read:
// - `user` (Workbook.setCell, the workbench grid): what a user types into an "@" cell stays
//   text, verbatim, as in the Sheets UI;
// - `script` (Range.setValue(s), setRichTextValue(s)): by default "@" does NOT protect. Google's
//   Range.setValue reference only says that a value starting with "=" is a formula; whether the
//   "@" format keeps such a string as text is undocumented, so the emulator takes the reading
//   least convenient for the add-on (the code must not lean on "@" to keep user text inert).
//   `plainTextProtects: true` (WorkbookOptions) switches to the other reading.
// In both, a leading apostrophe makes the cell text and getValue returns the text without it
// (the reading the team uses).
import { isDate } from './errors';
import { separatorsFor } from './locale';

export type CellContent =
  | { kind: 'empty' }
  | { kind: 'formula'; text: string }
  | { kind: 'value'; value: number | string | boolean };

export interface ParsedInput {
  content: CellContent;
  /**
   * Set when the input implies a number format: a Date, a typed date or time, a currency amount.
   */
  impliedFormat?: string;
}

export interface InputMode {
  /** Who writes: a script through the Range API, or a user typing in the grid. */
  source: 'script' | 'user';
  /** Only for `script`: whether an "@" cell keeps a script's string as text. */
  plainTextProtects?: boolean;
  /** The spreadsheet's time zone, for a Date written as a value (default UTC). */
  timeZone?: string;
  /** The emulator clock's now (ms), for a date typed without its year (default: real time). */
  now?: number;
}

export const SCRIPT_WRITE: InputMode = { source: 'script', plainTextProtects: false };

const EMPTY: CellContent = { kind: 'empty' };
const MS_PER_DAY = 86_400_000;
const SHEETS_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A date serial is a wall-clock time in the spreadsheet's time zone (days since 1899-12-30
 * 00:00 there). Apps Script hands scripts (getValues) and custom functions the Date of the
 * instant that wall-clock time names in the spreadsheet's time zone, and a Date written with
 * setValue(s) is stored as its wall-clock time there. Without a time zone: UTC.
 */
export function dateToSerial(d: Date, timeZone = 'UTC'): number {
  const t = d.getTime();
  return (t + zoneOffsetMs(t, timeZone) - SHEETS_EPOCH_MS) / MS_PER_DAY;
}

export function serialToDate(serial: number, timeZone = 'UTC'): Date {
  const wall = SHEETS_EPOCH_MS + Math.round(serial * MS_PER_DAY);
  let t = wall - zoneOffsetMs(wall, timeZone);
  const again = wall - zoneOffsetMs(t, timeZone);
  if (again !== t) t = again; // the wall time is on the other side of a DST change than its first guess
  return new Date(t);
}

const zoneFormats = new Map<string, Intl.DateTimeFormat | null>();

/**
 * Offset (ms) of `timeZone` from UTC at the instant `t`: wall clock there minus UTC. 0 if unknown.
 */
export function zoneOffsetMs(t: number, timeZone: string): number {
  if (/^(UTC|GMT|Etc\/(UTC|GMT|UCT|Zulu|Universal|Greenwich))$/i.test(timeZone)) return 0;
  let fmt = zoneFormats.get(timeZone);
  if (fmt === undefined) {
    try {
      fmt = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      fmt = null;
    }
    zoneFormats.set(timeZone, fmt);
  }
  if (fmt === null || !Number.isFinite(t)) return 0;
  const p: Record<string, number> = {};
  for (const part of fmt.formatToParts(new Date(t)))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(
    p.year ?? 1970,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return wall - (t - (((t % 1000) + 1000) % 1000));
}

/** Whether a string in a cell of this format is kept verbatim as text. */
function keepsText(numberFormat: string | undefined, mode: InputMode): boolean {
  if (numberFormat !== '@') return false;
  return mode.source === 'user' || mode.plainTextProtects === true;
}

export function parseInput(
  raw: unknown,
  locale: string,
  numberFormat: string | undefined,
  mode: InputMode = SCRIPT_WRITE,
): ParsedInput {
  if (raw === null || raw === undefined || raw === '') return { content: EMPTY };
  if (typeof raw === 'number') {
    return {
      content: Number.isFinite(raw)
        ? { kind: 'value', value: raw }
        : { kind: 'value', value: String(raw) },
    };
  }
  if (typeof raw === 'boolean') return { content: { kind: 'value', value: raw } };
  if (isDate(raw)) {
    return {
      content: { kind: 'value', value: dateToSerial(raw, mode.timeZone) },
      impliedFormat: 'yyyy-mm-dd hh:mm:ss',
    };
  }
  const text = String(raw);
  if (keepsText(numberFormat, mode)) {
    // A user's keystrokes in an "@" cell are kept as typed; a script's apostrophe is still
    // a text marker (the switchable reading of "@" is only about what would be parsed).
    if (mode.source === 'script' && text.startsWith("'")) return textContent(text.slice(1));
    return { content: { kind: 'value', value: text } };
  }
  if (text.startsWith("'")) return textContent(text.slice(1));
  if (text.startsWith('=') && text.length > 1) return { content: { kind: 'formula', text } };
  const bool = parseBoolean(text, locale);
  if (bool !== undefined) return { content: { kind: 'value', value: bool } };
  const n = parseNumber(text, locale);
  if (n !== undefined) return { content: { kind: 'value', value: n } };
  const money = parseCurrency(text, locale);
  if (money) return { content: { kind: 'value', value: money.value }, impliedFormat: money.format };
  // The current year in the spreadsheet's zone, by the clock, completes "5/1".
  const year = () =>
    serialToDate(dateToSerial(new Date(mode.now ?? Date.now()), mode.timeZone)).getUTCFullYear();
  const date = parseDateTime(text, locale, year);
  if (date) return { content: { kind: 'value', value: date.serial }, impliedFormat: date.format };
  return { content: { kind: 'value', value: text } };
}

function textContent(rest: string): ParsedInput {
  return { content: rest === '' ? EMPTY : { kind: 'value', value: rest } };
}

const BOOLEAN_WORDS: Record<string, [string, string]> = {
  ru: ['ИСТИНА', 'ЛОЖЬ'],
  uk: ['ІСТИНА', 'ХИБНІСТЬ'],
  de: ['WAHR', 'FALSCH'],
  fr: ['VRAI', 'FAUX'],
  es: ['VERDADERO', 'FALSO'],
  it: ['VERO', 'FALSO'],
  pt: ['VERDADEIRO', 'FALSO'],
};

/** TRUE/FALSE in any locale, plus the locale's own words (ИСТИНА/ЛОЖЬ in ru_RU). */
export function parseBoolean(text: string, locale: string): boolean | undefined {
  const upper = text.trim().toUpperCase();
  if (upper === 'TRUE') return true;
  if (upper === 'FALSE') return false;
  const words = BOOLEAN_WORDS[language(locale)];
  if (words && upper === words[0]) return true;
  if (words && upper === words[1]) return false;
  return undefined;
}

/** Parses a number the way Sheets does for the locale; undefined if it is not one. */
export function parseNumber(text: string, locale: string): number | undefined {
  let t = text.trim().replace(/\u00a0|\u202f/g, ' ');
  if (t === '') return undefined;
  // Sheets keeps "70%" as 0.7, the number nearest the decimal typed: divided by 100 (times 0.01
  // would give 0.7000000000000001).
  let divisor = 1;
  if (t.endsWith('%')) {
    divisor = 100;
    t = t.slice(0, -1).trim();
  }
  const { decimal, group } = separatorsFor(locale);
  const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\ ]/g, '\\$&');
  const grouped = new RegExp(`^[+-]?\\d{1,3}(${esc(group)}\\d{3})+(${esc(decimal)}\\d+)?$`);
  const plain = new RegExp(
    `^[+-]?(\\d+(${esc(decimal)}\\d*)?|${esc(decimal)}\\d+)([eE][+-]?\\d+)?$`,
  );
  let normalized: string | undefined;
  if (plain.test(t)) normalized = t.replace(decimal, '.');
  else if (grouped.test(t)) normalized = t.split(group).join('').replace(decimal, '.');
  else if (decimal !== '.' && /^[+-]?\d+\.\d+$/.test(t)) normalized = t; // "1.5" typed by code (not read as a date here)
  if (normalized === undefined) return undefined;
  const n = Number(normalized) / divisor;
  return Number.isFinite(n) ? n : undefined;
}

const CURRENCY = ['$', '€', '£', '₽', 'руб.', 'р.'];
const CURRENCY_RE = CURRENCY.map((sym) => ({
  sym,
  prefix: new RegExp(`^([+-]?)${escapeRe(sym)}\\s?(.+)$`),
  suffix: new RegExp(`^(.+?)\\s?${escapeRe(sym)}$`),
}));

/** "$1,234.50", "-$5", "100 ₽", "1 000,50 €": a number with a currency format. */
export function parseCurrency(
  text: string,
  locale: string,
): { value: number; format: string } | undefined {
  if (!/[$€£₽р]/.test(text) || !/\d/.test(text)) return undefined;
  const t = text.trim().replace(/\u00a0|\u202f/g, ' ');
  for (const { sym, prefix, suffix } of CURRENCY_RE) {
    const lit = `"${sym}"`;
    let m = prefix.exec(t);
    if (m) {
      const n = parseNumber(m[2] ?? '', locale);
      if (n !== undefined && n >= 0)
        return { value: m[1] === '-' ? -n : n, format: `${lit}#,##0.00` };
    }
    m = suffix.exec(t);
    if (m) {
      const n = parseNumber(m[1] ?? '', locale);
      if (n !== undefined) return { value: n, format: `#,##0.00 ${lit}` };
    }
  }
  return undefined;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function language(locale: string): string {
  return locale.toLowerCase().split(/[_-]/)[0] ?? 'en';
}

/** Locales that write dates month first (5/1/2026 is May 1). */
const MONTH_FIRST = new Set(['en_us', 'en', 'en_ca', 'en_ph', 'es_us']);
/** Languages whose dates use dots (05.01.2026). */
const DOT_DATES = new Set([
  'ru',
  'uk',
  'de',
  'pl',
  'cs',
  'tr',
  'fi',
  'nb',
  'da',
  'sk',
  'ro',
  'hu',
  'kk',
  'be',
]);

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const TIME_RE = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:\s*([AaPp])\.?[Mm]\.?)?`;
const TIME_ONLY = new RegExp(`^${TIME_RE}$`);
const WITH_TIME = new RegExp(`^(.+?)(?:,?\\s|T)${TIME_RE}$`);

/** The date format Sheets gives a date typed in this locale. */
export function localeDateFormat(locale: string): string {
  const lang = language(locale);
  if (MONTH_FIRST.has(locale.toLowerCase())) return 'm/d/yyyy';
  return DOT_DATES.has(lang) ? 'dd.mm.yyyy' : 'dd/mm/yyyy';
}

/**
 * The format Sheets gives an automatic cell whose formula gives a date (TODAY()), a date and
 * time (NOW()) or a time: the locale's date, with the time after it.
 */
export function datedFormat(kind: 'date' | 'datetime' | 'time', locale: string): string {
  if (kind === 'time') return 'h:mm:ss';
  return kind === 'date' ? localeDateFormat(locale) : `${localeDateFormat(locale)} h:mm:ss`;
}

/**
 * Dates and times typed in the locale's notation, as Sheets reads them: ISO "2026-01-05"
 * everywhere; "5/1/2026" month first in en_US, day first elsewhere; "05.01.2026" in
 * dot-date locales (ru, de...); two-digit years (00-29 -> 20xx); "5/1" (current year) where
 * dates use slashes; English month names ("Jan 5, 2026", "5 January 2026"); a time "12:30",
 * "12:30:45", "1:30 PM"; a date followed by a time. Impossible dates stay text.
 */
export function parseDateTime(
  text: string,
  locale: string,
  currentYear: () => number = () => new Date().getUTCFullYear(),
): { serial: number; format: string } | undefined {
  // Every date or time starts with a digit or an English month name and is short.
  if (text.length > 40 || !/^\s*(\d|[A-Za-z]{3})/.test(text) || !/\d/.test(text)) return undefined;
  const t = text.trim().replace(/\s+/g, ' ');
  const time = TIME_ONLY.exec(t);
  if (time) {
    const frac = timeFraction(time);
    return frac === undefined
      ? undefined
      : { serial: frac, format: time[3] !== undefined ? 'h:mm:ss' : 'h:mm' };
  }
  const withTime = WITH_TIME.exec(t);
  const datePart = withTime ? (withTime[1] ?? '') : t;
  const date = parseDatePart(datePart, locale, currentYear);
  if (!date) return undefined;
  if (!withTime) return { serial: date.serial, format: date.format };
  const frac = timeFraction(withTime.slice(1) as RegExpExecArray);
  if (frac === undefined) return undefined;
  const timeFmt = withTime[4] !== undefined ? 'h:mm:ss' : 'h:mm';
  return { serial: date.serial + frac, format: `${date.format} ${timeFmt}` };
}

/** groups: [_, h, mm, ss, fraction, am/pm] */
function timeFraction(g: ArrayLike<string | undefined>): number | undefined {
  let h = Number(g[1]);
  const m = Number(g[2]);
  const s = g[3] === undefined ? 0 : Number(g[3]);
  const ms = g[4] === undefined ? 0 : Number(`0.${g[4]}`) * 1000;
  const ampm = g[5]?.toLowerCase();
  if (ampm) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (ampm === 'p' ? 12 : 0);
  }
  if (h > 23 || m > 59 || s > 59) return undefined;
  return (h * 3600 + m * 60 + s + ms / 1000) / 86_400;
}

function parseDatePart(
  t: string,
  locale: string,
  currentYear: () => number,
): { serial: number; format: string } | undefined {
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (iso) return serialOf(Number(iso[1]), Number(iso[2]), Number(iso[3]), 'yyyy-mm-dd');
  const monthFirst = MONTH_FIRST.has(locale.toLowerCase());
  const dots = DOT_DATES.has(language(locale));
  const fmt = localeDateFormat(locale);
  const seps = dots ? '[./]' : '[/-]';
  const dmy = new RegExp(`^(\\d{1,2})${seps}(\\d{1,2})${seps}(\\d{2}|\\d{4})$`).exec(t);
  if (dmy) {
    const a = Number(dmy[1]);
    const b = Number(dmy[2]);
    const y = fullYear(dmy[3] ?? '');
    return monthFirst ? serialOf(y, a, b, fmt) : serialOf(y, b, a, fmt);
  }
  // Without a year only with slashes: "1.5" stays a number in dot-date locales here.
  const short = /^(\d{1,2})\/(\d{1,2})$/.exec(t);
  if (short) {
    const a = Number(short[1]);
    const b = Number(short[2]);
    return monthFirst ? serialOf(currentYear(), a, b, fmt) : serialOf(currentYear(), b, a, fmt);
  }
  if (language(locale) === 'en') {
    const named = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(t) ?? null;
    if (named) return namedMonth(named[1] ?? '', Number(named[2]), Number(named[3]), fmt);
    const named2 = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ ,-]+(\d{4})$/.exec(t);
    if (named2) return namedMonth(named2[2] ?? '', Number(named2[1]), Number(named2[3]), fmt);
  }
  return undefined;
}

function namedMonth(
  name: string,
  day: number,
  year: number,
  fmt: string,
): { serial: number; format: string } | undefined {
  const lower = name.toLowerCase();
  // "Jan", "January", "Sept": a prefix of the full English name, at least three letters.
  const i = lower.length < 3 ? -1 : MONTHS.findIndex((m) => m.startsWith(lower));
  return i < 0 ? undefined : serialOf(year, i + 1, day, fmt);
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

function serialOf(
  year: number,
  month: number,
  day: number,
  format: string,
): { serial: number; format: string } | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return undefined;
  return { serial: (ms - SHEETS_EPOCH_MS) / MS_PER_DAY, format };
}
