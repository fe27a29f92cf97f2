/**
 * A strict reader of exactly the Markdown outline the mind map writes: a heading (`# name`, or
 * a name of several lines underlined with `===`), a blank line, then one list item per node, two
 * spaces deeper than its parent. It refuses what would let a CommonMark renderer see anything
 * but plain text in a node: a markup character not escaped (HTML, entities, code, emphasis,
 * links, headings, tables, formulas), a line that would start a block (a bullet, a number and a
 * dot, an underline), edge spaces Markdown would drop, a backslash before what CommonMark does
 * not escape, and a line break that would not stay inside its node. A text's lines are joined by
 * hard breaks (a backslash at the line's end); `&#32;` alone is an empty text.
 */

export interface OutlineTree {
  text: string;
  children: OutlineTree[];
}

export class MarkdownError extends Error {}

/** ASCII punctuation: what CommonMark lets a backslash escape. */
const PUNCTUATION = /^[!-/:-@[-`{-~]$/;
/**
 * What starts a block at the start of a line, unless escaped: a bullet, an underline, a thematic
 * break, or an ordered list's number (one to nine digits, "." or ")", then a space or nothing).
 */
const BLOCK_START = /^(?:[-+=]|\d{1,9}[.)](?:[ \t]|$))/;

/** A backslash and what it escapes, or a character that must not stand unescaped. */
const TOKEN = /\\([\s\S]?)|[`*_[\]<>&~|$#\r]/g;

/** One line of a text: its characters, and whether it ends with a hard line break. */
function readLine(line: string, where: string): { text: string; more: boolean } {
  if (line === '&#32;') return { text: '', more: false };
  if (line !== line.trim()) throw new MarkdownError(`spaces at the edge of ${where}`);
  if (BLOCK_START.test(line)) throw new MarkdownError(`a block starts ${where}: ${line}`);
  let more = false;
  const text = line.replace(TOKEN, (token: string, escaped: string | undefined) => {
    if (token === '\r') throw new MarkdownError(`a carriage return, a line ending, in ${where}`);
    if (escaped === undefined) throw new MarkdownError(`"${token}" unescaped in ${where}`);
    if (escaped === '') {
      more = true;
      return '';
    }
    if (!PUNCTUATION.test(escaped)) throw new MarkdownError(`"${token}" is no escape, ${where}`);
    return escaped;
  });
  return { text, more };
}

/**
 * A text that starts on `lines[at]` (after its marker) and goes on, line by line after `indent`,
 * while a line ends with a hard break. Returns the text and the index of the line after it.
 */
function readText(
  first: string,
  lines: readonly string[],
  at: number,
  indent: string,
  where: string,
): { text: string; next: number } {
  let line = readLine(first, where);
  const parts = [line.text];
  let i = at + 1;
  while (line.more) {
    const raw = lines[i] ?? '';
    if (!raw.startsWith(indent) || raw.length === indent.length)
      throw new MarkdownError(`a hard break at the end of ${where}`);
    line = readLine(raw.slice(indent.length), where);
    if (line.text === '') throw new MarkdownError(`an empty line inside ${where}`);
    parts.push(line.text);
    i++;
  }
  return { text: parts.join('\n'), next: i };
}

export function parseMarkdownOutline(md: string): OutlineTree {
  if (!md.endsWith('\n')) throw new MarkdownError('no line break at the end');
  const lines = md.slice(0, -1).split('\n');
  let heading: { text: string; next: number };
  if (lines[0]?.startsWith('# ')) {
    heading = readText(lines[0].slice(2), lines, 0, '', 'the heading');
    if (heading.next !== 1) throw new MarkdownError('a "#" heading of more than one line');
  } else {
    heading = readText(lines[0] ?? '', lines, 0, '', 'the heading');
    if (!heading.text.includes('\n')) throw new MarkdownError('an underlined heading of one line');
    if (lines[heading.next] !== '===') throw new MarkdownError('no "===" under the heading');
    heading.next++;
  }
  if (lines[heading.next] !== '') throw new MarkdownError('no blank line after the heading');
  const root: OutlineTree = { text: heading.text, children: [] };
  const path: OutlineTree[] = [root];
  let i = heading.next + 1;
  while (i < lines.length) {
    const m = /^((?: {2})*)- ([\s\S]*)$/.exec(lines[i] ?? '');
    if (!m) throw new MarkdownError(`line ${i + 1} is not a list item: ${lines[i]}`);
    const depth = (m[1] ?? '').length / 2;
    if (depth > path.length - 1) throw new MarkdownError(`line ${i + 1} skips a level`);
    const where = `the item on line ${i + 1}`;
    const { text, next } = readText(m[2] ?? '', lines, i, `${m[1]}  `, where);
    const node: OutlineTree = { text, children: [] };
    path.length = depth + 1;
    path[depth]?.children.push(node);
    path.push(node);
    i = next;
  }
  return root;
}
