// Approximate display formatting for getDisplayValue(s): the common number formats
// (0, 0.00, #,##0, percentages, currency blocks like [$₽-419] or [$$], quoted literals,
// plain text "@", simple dates) with the spreadsheet locale's separators.
import { serialToDate } from './cell-input';
import { separatorsFor } from './locale';

export const DEFAULT_NUMBER_FORMAT = '0.###############';

export function formatForDisplay(
  value: unknown,
  format: string | undefined,
  locale: string,
): string {
  if (value === '' || value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value !== 'number') return String(value);
  const fmt = format ?? '';
  if (
    fmt === '' ||
    fmt === DEFAULT_NUMBER_FORMAT ||
    fmt.toLowerCase() === 'general' ||
    fmt === '@'
  ) {
    return automatic(value, locale);
  }
  const sections = splitSections(fmt);
  const conditional = conditionalSection(sections, value);
  if (conditional !== undefined) {
    const out = applySection(Math.abs(value), conditional, locale);
    return value < 0 && out !== '' && /[1-9]/.test(out) ? `-${out}` : out;
  }
  const first = sections[0] ?? fmt;
  if (value < 0 && sections[1] !== undefined) return applySection(-value, sections[1], locale);
  if (value === 0 && sections[2] !== undefined) return applySection(0, sections[2], locale);
  const out = applySection(Math.abs(value), first, locale);
  return value < 0 && out !== '' && /[1-9]/.test(out) ? `-${out}` : out;
}

const CONDITION = /^\[(<=|>=|<>|<|>|=)(-?\d+(?:\.\d+)?)\]/;

/**
 * A format with conditions ("[>1]…;0.0%", at most two, as Google's number formats allow): the
 * first section whose condition holds, else the first without one. undefined when the format
 * has no condition (then sections are positive;negative;zero).
 */
function conditionalSection(sections: readonly string[], value: number): string | undefined {
  if (!sections.some((s) => CONDITION.test(s))) return undefined;
  const holds = (s: string): boolean => {
    const m = CONDITION.exec(s);
    if (!m) return false;
    const limit = Number(m[2]);
    switch (m[1]) {
      case '<':
        return value < limit;
      case '<=':
        return value <= limit;
      case '>':
        return value > limit;
      case '>=':
        return value >= limit;
      case '=':
        return value === limit;
      default:
        return value !== limit;
    }
  };
  return sections.find(holds) ?? sections.find((s) => !CONDITION.test(s)) ?? sections[0];
}

function automatic(value: number, locale: string): string {
  const { decimal } = separatorsFor(locale);
  const rounded = Number(value.toPrecision(10));
  let s = String(rounded);
  if (/e/i.test(s)) s = rounded.toExponential(2).toUpperCase();
  return s.replace('.', decimal);
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of fmt) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Splits a section into literal prefix, numeric core and literal suffix. */
function applySection(abs: number, section: string, locale: string): string {
  // Currency blocks: [$₽-419] -> ₽, [$$] -> $; colours like [Red] dropped.
  const s = section
    .replace(/\[\$([^\]-]*)(-[^\]]*)?\]/g, (_m, sym: string) => `"${sym}"`)
    .replace(/\[[^\]]*\]/g, '');
  if (/[yd]|h{1,2}:|:m{1,2}|m{3,}/i.test(s.replace(/"[^"]*"/g, ''))) return formatDate(abs, s);
  let prefix = '';
  let suffix = '';
  let core = '';
  let inCore = false;
  let done = false;
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    if (ch === '"') {
      quoted = !quoted;
      continue;
    }
    const isCore = !quoted && /[0#?.,]/.test(ch);
    if (isCore && !done) {
      inCore = true;
      core += ch;
    } else {
      if (inCore) done = true;
      // `\x` is a literal x; `_x` leaves the width of x as a space.
      const escaped = !quoted && (ch === '\\' || ch === '_');
      if (escaped) i++;
      const lit = escaped ? (ch === '\\' ? s.charAt(i) : ' ') : ch;
      if (done) suffix += lit;
      else prefix += lit;
    }
  }
  const percent = (prefix + suffix).includes('%');
  const n = percent ? abs * 100 : abs;
  return prefix + formatCore(n, core, locale) + suffix;
}

function formatCore(n: number, core: string, locale: string): string {
  if (core === '') return '';
  const { decimal, group } = separatorsFor(locale);
  const [intPart = '', fracPart = ''] = core.split('.');
  const useGroup = intPart.includes(',');
  const minFrac = (fracPart.match(/0/g) ?? []).length;
  const maxFrac = minFrac + (fracPart.match(/[#?]/g) ?? []).length;
  const minInt = (intPart.match(/0/g) ?? []).length;
  let fixed = n.toFixed(maxFrac);
  if (maxFrac > minFrac) {
    const [i, f = ''] = fixed.split('.');
    let trimmed = f;
    while (trimmed.length > minFrac && trimmed.endsWith('0')) trimmed = trimmed.slice(0, -1);
    fixed = trimmed === '' ? (i ?? '') : `${i}.${trimmed}`;
  }
  let [i = '', f] = fixed.split('.');
  if (i === '0' && minInt === 0) i = '';
  i = i.padStart(minInt, '0');
  if (useGroup) i = i.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return f === undefined ? i : `${i}${decimal}${f}`;
}

function formatDate(serial: number, fmt: string): string {
  const d = serialToDate(serial);
  const pad = (v: number, w = 2): string => String(v).padStart(w, '0');
  const clean = fmt.replace(/"([^"]*)"/g, '$1');
  return clean.replace(/yyyy|yy|mm|m|dd|d|hh|h|ss|s/gi, (tok, offset: number) => {
    const t = tok.toLowerCase();
    const before = clean.slice(0, offset);
    const isMinute = t.startsWith('m') && /h{1,2}[^a-z]*$/i.test(before);
    switch (t) {
      case 'yyyy':
        return String(d.getUTCFullYear());
      case 'yy':
        return pad(d.getUTCFullYear() % 100);
      case 'mm':
        return isMinute ? pad(d.getUTCMinutes()) : pad(d.getUTCMonth() + 1);
      case 'm':
        return isMinute ? String(d.getUTCMinutes()) : String(d.getUTCMonth() + 1);
      case 'dd':
        return pad(d.getUTCDate());
      case 'd':
        return String(d.getUTCDate());
      case 'hh':
        return pad(d.getUTCHours());
      case 'h':
        return String(d.getUTCHours());
      case 'ss':
        return pad(d.getUTCSeconds());
      default:
        return String(d.getUTCSeconds());
    }
  });
}

export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const s = format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  return /[yd]/i.test(s) || /h{1,2}:m/i.test(s);
}
