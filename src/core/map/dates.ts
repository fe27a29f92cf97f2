/**
 * The map's dates (last and next review): real dates in the sheet, shown in the map's
 * language ("15.05.2026" in Russian, "2026-05-15" in English), and ISO text ("2026-05-15")
 * wherever they travel as data (the journey, the sidebar's payloads: google.script.run
 * carries JSON, and a Date does not survive it).
 *
 * A sheet cell holds a date as a serial number (days since 1899-12-30) with a date format;
 * Apps Script's getValues hands it over as a Date, the instant its midnight names in the
 * spreadsheet's time zone, so reading it back needs that time zone.
 */
import type { Lang } from '../words/i18n';

/** The number format of a date cell, by the map's language. */
export const DATE_FORMAT: Record<Lang, string> = { ru: 'dd.mm.yyyy', en: 'yyyy-mm-dd' };

/** How the format is written for a reader, in messages ("ДД.ММ.ГГГГ"). */
const FORMAT_SHOWN: Record<Lang, string> = { ru: 'ДД.ММ.ГГГГ', en: 'YYYY-MM-DD' };

const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

function isoOf(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (
    d.getUTCFullYear() !== year ||
    d.getUTCMonth() !== month - 1 ||
    d.getUTCDate() !== day ||
    year < 1900 ||
    year > 9999
  )
    return null;
  return d.toISOString().slice(0, 10);
}

/**
 * A date as typed: ISO "2026-05-15" in either language, or day first with dots "15.05.2026"
 * (as Russian writes it; dots are day first wherever they are used). The ISO date, or null.
 */
export function parseDate(text: string): string | null {
  const s = text.trim();
  const iso = ISO.exec(s);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dotted = DOTTED.exec(s);
  if (dotted) return isoOf(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  return null;
}

/**
 * An ISO date as the map's language shows it: "15.05.2026" (ru), "2026-05-15" (en); other text as
 * it is.
 */
export function formatDate(iso: string, lang: Lang): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  return lang === 'ru' ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** The serial number a sheet keeps an ISO date as. */
export function isoToSerial(iso: string): number | null {
  const m = ISO.exec(iso);
  if (!m || isoOf(Number(m[1]), Number(m[2]), Number(m[3])) === null) return null;
  return (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - EPOCH) / MS_PER_DAY;
}

/** The calendar day of a date serial (its time of day dropped). */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  return new Date(EPOCH + Math.floor(serial) * MS_PER_DAY).toISOString().slice(0, 10);
}

const dayFormats = new Map<string, Intl.DateTimeFormat | null>();

function dayFormat(timeZone: string): Intl.DateTimeFormat | null {
  if (!dayFormats.has(timeZone)) {
    let f: Intl.DateTimeFormat | null = null;
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    } catch {
      f = null;
    }
    dayFormats.set(timeZone, f);
  }
  return dayFormats.get(timeZone) ?? null;
}

/**
 * The calendar day a Date from getValues names in the spreadsheet's time zone. Without a
 * time zone (or one this runtime does not know) the nearest UTC midnight is taken, which is
 * right for every zone from UTC−11 to UTC+12.
 */
export function dateToIso(d: Date, timeZone?: string): string | null {
  const t = d.getTime();
  if (Number.isNaN(t)) return null;
  const f = timeZone ? dayFormat(timeZone) : null;
  if (f) {
    const p: Record<string, string> = {};
    for (const part of f.formatToParts(d)) p[part.type] = part.value;
    return isoOf(Number(p.year), Number(p.month), Number(p.day));
  }
  // the same years as with a time zone: a time typed into a date cell stays a time
  const day = new Date(Math.round(t / MS_PER_DAY) * MS_PER_DAY);
  return isoOf(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
}

/** The words of the date error: the format the language writes and an example of it. */
export function dateFormatHint(lang: Lang): { format: string; example: string } {
  return { format: FORMAT_SHOWN[lang], example: formatDate('2026-05-15', lang) };
}

/**
 * Whether a value is a Date, also one made in another realm (the Apps Script runtime hands custom
 * functions and getValues Dates; a test's vm sandbox or the emulator makes them in its own realm,
 * where `instanceof Date` fails and the object's tag still says Date).
 */
export function isDate(v: unknown): v is Date {
  return v instanceof Date || Object.prototype.toString.call(v) === '[object Date]';
}

/**
 * A cell a user may have typed a date into, as ISO text, or null when it holds no date: a Date
 * from getValues (its day in the spreadsheet's time zone, asked for only then) or text typed as
 * a date, ISO or day first with dots ("15.06.2026": a cell formatted as text keeps it so). A
 * bare number is not taken for a date: a date cell hands over a Date, so a number is in a cell
 * that shows it as a number, and it stays the number the user sees.
 */
export function cellDate(v: unknown, timeZone: () => string | undefined): string | null {
  if (isDate(v)) return dateToIso(v, timeZone());
  return typeof v === 'string' ? parseDate(v) : null;
}

/**
 * A cell that may hold a date, as text for a field: the ISO date when it holds one (cellDate),
 * else what it holds as text. A Date before 1900 is what a time ("17:00") or a small number
 * typed into a date cell becomes: it reads as that time, or that day, never as a Date's long
 * string, so it can be shown and saved back.
 */
export function cellDateText(v: unknown, timeZone: () => string | undefined): string {
  const iso = cellDate(v, timeZone);
  if (iso !== null) return iso;
  if (!isDate(v)) return String(v ?? '').trim();
  if (Number.isNaN(v.getTime())) return '';
  const p: Record<string, string> = {};
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone: timeZone() || 'UTC',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  for (const part of f.formatToParts(v)) p[part.type] = part.value;
  const time = `${p.hour}:${p.minute}`;
  const day = `${p.year}-${p.month}-${p.day}`;
  if (day === '1899-12-30') return time;
  return time === '00:00' ? day : `${day} ${time}`;
}
