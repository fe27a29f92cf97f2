/**
 * The little SVG the poster needs, as strings: every user string escaped for XML, text
 * wrapped to a width without font metrics (an estimate per character, on the generous
 * side, so a line never runs into the next column), and a few element helpers.
 */
import { escapeXml } from '../words/xml';

const NARROW = " .,;:'|!ilIjtfr()[]{}/\\-\u00a0\u202f";
const WIDE = 'mwMWШЩЖЮФЫмшщжюфы@%';

/** Estimated width of one character at font size 1 (see textWidth). */
function charWidth(ch: string): number {
  if (NARROW.includes(ch)) return 0.34;
  if (WIDE.includes(ch)) return 1;
  if (ch >= 'A' && ch <= 'Z') return 0.76;
  if (ch >= 'А' && ch <= 'Я') return 0.78;
  if (ch >= '0' && ch <= '9') return 0.64;
  if (ch.charCodeAt(0) > 0x2000) return 1.05;
  return 0.62;
}

/**
 * Estimated width of `s` at font size 1. Calibrated on DejaVu Sans, the widest of the
 * fonts the poster names (Arial and Liberation Sans run about 10% narrower), so a line that
 * fits here fits wherever the poster is opened.
 */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}

/** Bold type runs wider: measure it at this much more than its size. */
export const BOLD = 1.1;

const ELLIPSIS = '…';

/**
 * Cuts `s` to fit `width` at `size`, ending with "…" when anything was cut (or always, with
 * `more`). One pass over `s`, however long: the longest start of it that fits with the "…",
 * less its trailing spaces.
 */
export function fit(s: string, width: number, size: number, more = false): string {
  if (!more && textWidth(s) * size <= width) return s;
  const ellipsis = textWidth(ELLIPSIS);
  let w = 0;
  let end = 0;
  let at = 0;
  for (const ch of s) {
    w += charWidth(ch);
    at += ch.length;
    if (/\s/.test(ch)) continue;
    if ((w + ellipsis) * size > width) break;
    end = at;
  }
  return s.slice(0, end) + ELLIPSIS;
}

/**
 * `text` in lines of at most `width` at font size `size`: words kept whole where they fit,
 * a longer word broken; a line break in the cell starts a new line. At most `maxLines`
 * lines: the last one ends with "…" if anything was left out. A character is measured at most
 * twice, and only until the lines run one past `maxLines`: a cell of 50,000 characters costs
 * little more than its splitting into words.
 */
export function wrap(text: string, width: number, size: number, maxLines: number): string[] {
  if (maxLines <= 0) return [];
  const lines: string[] = [];
  const limit = width / size;
  const space = charWidth(' ');
  const paragraphs = text
    .split(/\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  for (const p of paragraphs) {
    let line = '';
    let lineW = 0;
    for (const word of p.split(' ')) {
      // measured only until it no longer fits: the widths are positive, so the sum only grows
      let next = line ? lineW + space : 0;
      for (const ch of word) {
        next += charWidth(ch);
        if (next > limit) break;
      }
      if (next <= limit) {
        line = line ? `${line} ${word}` : word;
        lineW = next;
        continue;
      }
      if (line) lines.push(line);
      // the word on lines of its own: each as many characters as fit, at least one
      line = '';
      lineW = 0;
      for (const ch of word) {
        if (lines.length > maxLines) break;
        const cw = charWidth(ch);
        if (line && lineW + cw > limit) {
          lines.push(line);
          line = '';
          lineW = 0;
        }
        line += ch;
        lineW += cw;
      }
      if (lines.length > maxLines) break;
    }
    if (lines.length > maxLines) break;
    if (line) lines.push(line);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = fit(kept[maxLines - 1] ?? '', width, size, true);
  return kept;
}

const num = (n: number): string => String(Math.round(n * 10) / 10);

export type Attrs = Record<string, string | number | null | undefined>;

function attrs(a: Attrs): string {
  return Object.entries(a)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? num(v) : escapeXml(v as string)}"`)
    .join('');
}

export const el = (name: string, a: Attrs, children = ''): string =>
  children ? `<${name}${attrs(a)}>${children}</${name}>` : `<${name}${attrs(a)}/>`;

/** A text element of one or more lines, `lineHeight` apart, the first line's baseline at y. */
export function text(
  x: number,
  y: number,
  lines: string | readonly string[],
  a: Attrs & { lineHeight?: number } = {},
): string {
  const { lineHeight = 12, ...rest } = a;
  const list = typeof lines === 'string' ? [lines] : lines;
  if (!list.length) return '';
  if (list.length === 1) return el('text', { x, y, ...rest }, escapeXml(list[0] ?? ''));
  const spans = list
    .map((l, i) => el('tspan', { x, dy: i === 0 ? null : lineHeight }, escapeXml(l) || ' '))
    .join('');
  return el('text', { x, y, ...rest }, spans);
}

export const rect = (x: number, y: number, width: number, height: number, a: Attrs = {}): string =>
  el('rect', { x, y, width, height, ...a });

export const line = (x1: number, y1: number, x2: number, y2: number, a: Attrs = {}): string =>
  el('line', { x1, y1, x2, y2, ...a });

export const points = (pts: readonly (readonly [number, number])[]): string =>
  pts.map(([x, y]) => `${num(x)},${num(y)}`).join(' ');
