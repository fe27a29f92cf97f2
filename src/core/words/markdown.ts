/**
 * User text in Markdown (the mind map's outline): one escaper, so whatever a user typed stays
 * text in any renderer — no HTML it would run, no heading, list, quote, code, link, emphasis,
 * table or formula made of the user's characters — and stays inside the node it belongs to.
 * CommonMark lets a backslash escape any ASCII punctuation, so every escape here reads back as
 * the character itself.
 */
import { xmlChars } from './xml';

/**
 * What means something anywhere in a line: the escape itself, HTML and its entities (< > &),
 * code (`), emphasis (* _), links and images ([ ]), a heading's closing #, and the common
 * extensions' strikethrough (~), table cells (|) and formulas ($) that mind-map tools render.
 */
const INLINE = /[\\`*_[\]<>&~|$#]/g;

/**
 * What starts a block at the start of a line, beyond INLINE: a bullet (- +), a setext heading's
 * underline or a thematic break (= -), and an ordered list's number ("1. " or "1)", but not a
 * date such as "15.05.2026"). Its last character is escaped.
 */
const BLOCK_START = /^(?:[-+=]|\d+[.)](?=[ \t]|$))/;

/**
 * An empty text as a character reference to a space: it shows as nothing, and keeps a list item
 * a list item (an empty one cannot follow a line of its parent's text).
 */
const EMPTY = '&#32;';

/**
 * The lines a text shows in Markdown: split at each line ending Markdown knows (LF, CR, CR LF),
 * each trimmed (Markdown drops a line's edge spaces, and four of them would make code), blank
 * ones left out, and without the characters no text file carries (see xmlChars: control
 * characters, lone surrogate halves).
 */
function markdownLines(text: string): string[] {
  return xmlChars(text)
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** One line of user text (see markdownLines) as Markdown text. */
function escapeLine(line: string): string {
  return line
    .replace(INLINE, '\\$&')
    .replace(BLOCK_START, (start) => `${start.slice(0, -1)}\\${start.slice(-1)}`);
}

/**
 * `text` as the Markdown of one paragraph: its lines escaped and joined by hard line breaks (a
 * backslash at a line's end), each next line after `indent`, the indent of the paragraph's
 * container. A line break in the text stays inside the paragraph, never a new block.
 */
export function escapeMarkdown(text: string, indent: string): string {
  const lines = markdownLines(text);
  return lines.length ? lines.map(escapeLine).join(`\\\n${indent}`) : EMPTY;
}
