// Turns what a script passes to setValue(s) (or what a user types) into cell content,
// the way Sheets interprets it: "=..." is a formula, a leading apostrophe forces text,
// numeric-looking text becomes a number ("12" -> 12, "5%" -> 0.05, locale separators),
// "TRUE"/"FALSE" become booleans; a plain-text number format "@" keeps text as text.
import { isDate } from './errors';
import { separatorsFor } from './locale';

export type CellContent =
  | { kind: 'empty' }
  | { kind: 'formula'; text: string }
  | { kind: 'value'; value: number | string | boolean };

export interface ParsedInput {
  content: CellContent;
  /** Set when the input implies a number format (a Date gets a date-time format). */
  impliedFormat?: string;
}

const EMPTY: CellContent = { kind: 'empty' };
const MS_PER_DAY = 86_400_000;
const SHEETS_EPOCH_MS = Date.UTC(1899, 11, 30);

export function dateToSerial(d: Date): number {
  return (d.getTime() - SHEETS_EPOCH_MS) / MS_PER_DAY;
}

export function serialToDate(serial: number): Date {
  return new Date(SHEETS_EPOCH_MS + Math.round(serial * MS_PER_DAY));
}

export function parseInput(raw: unknown, locale: string, numberFormat: string | undefined): ParsedInput {
  if (raw === null || raw === undefined || raw === '') return { content: EMPTY };
  if (typeof raw === 'number') {
    return { content: Number.isFinite(raw) ? { kind: 'value', value: raw } : { kind: 'value', value: String(raw) } };
  }
  if (typeof raw === 'boolean') return { content: { kind: 'value', value: raw } };
  if (isDate(raw)) {
    return { content: { kind: 'value', value: dateToSerial(raw) }, impliedFormat: 'yyyy-mm-dd hh:mm:ss' };
  }
  const text = String(raw);
  if (numberFormat === '@') return { content: { kind: 'value', value: text } };
  if (text.startsWith("'")) {
    const rest = text.slice(1);
    return { content: rest === '' ? EMPTY : { kind: 'value', value: rest } };
  }
  if (text.startsWith('=') && text.length > 1) return { content: { kind: 'formula', text } };
  const upper = text.trim().toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { content: { kind: 'value', value: upper === 'TRUE' } };
  const n = parseNumber(text, locale);
  if (n !== undefined) return { content: { kind: 'value', value: n } };
  return { content: { kind: 'value', value: text } };
}

/** Parses a number the way Sheets does for the locale; undefined if it is not one. */
export function parseNumber(text: string, locale: string): number | undefined {
  let t = text.trim().replace(/\u00a0|\u202f/g, ' ');
  if (t === '') return undefined;
  let scale = 1;
  if (t.endsWith('%')) {
    scale = 0.01;
    t = t.slice(0, -1).trim();
  }
  const { decimal, group } = separatorsFor(locale);
  const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\ ]/g, '\\$&');
  const grouped = new RegExp(`^[+-]?\\d{1,3}(${esc(group)}\\d{3})+(${esc(decimal)}\\d+)?$`);
  const plain = new RegExp(`^[+-]?(\\d+(${esc(decimal)}\\d*)?|${esc(decimal)}\\d+)([eE][+-]?\\d+)?$`);
  let normalized: string | undefined;
  if (plain.test(t)) normalized = t.replace(decimal, '.');
  else if (grouped.test(t)) normalized = t.split(group).join('').replace(decimal, '.');
  else if (decimal !== '.' && /^[+-]?\d+\.\d+$/.test(t)) normalized = t; // "1.5" typed by code
  if (normalized === undefined) return undefined;
  const n = Number(normalized) * scale;
  return Number.isFinite(n) ? n : undefined;
}
