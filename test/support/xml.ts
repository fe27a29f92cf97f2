/**
 * A strict XML 1.0 well-formedness check for tests (Node has no DOMParser): one pass over the
 * text, no regular expressions deciding structure. It refuses what a browser's XML parser
 * refuses (unbalanced or crossed tags, an attribute twice or unquoted, a raw "<" or a stray
 * "&" in text or attributes, undefined entities, characters XML does not allow, anything after
 * the root element) and returns a small tree to look into.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
}

export class XmlError extends Error {}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const isNameStart = (c: string) =>
  (c >= 'a' && c <= 'z') ||
  (c >= 'A' && c <= 'Z') ||
  c === '_' ||
  c === ':' ||
  c.charCodeAt(0) >= 0xc0;
const isNameChar = (c: string) =>
  isNameStart(c) || (c >= '0' && c <= '9') || c === '-' || c === '.' || c.charCodeAt(0) === 0xb7;
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** Whether every code point of `s` is an XML 1.0 Char. */
function checkChars(s: string): void {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) throw new XmlError(`lone high surrogate at ${i}`);
      i++;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) throw new XmlError(`lone low surrogate at ${i}`);
    if ((c < 0x20 && c !== 0x9 && c !== 0xa && c !== 0xd) || c === 0xfffe || c === 0xffff)
      throw new XmlError(
        `character U+${c.toString(16).padStart(4, '0')} is not allowed in XML (at ${i})`,
      );
  }
}

export function parseXml(source: string): XmlElement {
  checkChars(source);
  let i = 0;
  const fail = (what: string): never => {
    throw new XmlError(
      `${what} at offset ${i}: ${JSON.stringify(source.slice(Math.max(0, i - 30), i + 30))}`,
    );
  };
  const startsWith = (s: string) => source.startsWith(s, i);
  const skipSpace = () => {
    while (isSpace(source[i])) i++;
  };
  const name = (): string => {
    const start = i;
    if (!isNameStart(source[i] ?? '')) fail('expected a name');
    while (i < source.length && isNameChar(source[i]!)) i++;
    return source.slice(start, i);
  };
  /** Text up to `stop`, with references decoded; "<" is never allowed, "&" only as a reference. */
  const chars = (stop: (c: string) => boolean): string => {
    let out = '';
    while (i < source.length && !stop(source[i]!)) {
      const c = source[i]!;
      if (c === '<') fail('raw "<"');
      if (c === '&') {
        const end = source.indexOf(';', i);
        if (end < 0 || end - i > 12) fail('"&" that starts no reference');
        const ref = source.slice(i + 1, end);
        if (ref.startsWith('#x')) {
          if (!/^[0-9a-fA-F]+$/.test(ref.slice(2))) fail('bad character reference');
          out += String.fromCodePoint(parseInt(ref.slice(2), 16));
        } else if (ref.startsWith('#')) {
          if (!/^[0-9]+$/.test(ref.slice(1))) fail('bad character reference');
          out += String.fromCodePoint(parseInt(ref.slice(1), 10));
        } else if (ref in ENTITIES) out += ENTITIES[ref];
        else fail(`undefined entity &${ref};`);
        i = end + 1;
        continue;
      }
      if (c === ']' && startsWith(']]>')) fail('"]]>" in text');
      out += c;
      i++;
    }
    return out;
  };
  const misc = () => {
    for (;;) {
      skipSpace();
      if (startsWith('<!--')) {
        const end = source.indexOf('-->', i + 4);
        if (end < 0) fail('unclosed comment');
        if (source.slice(i + 4, end).includes('--')) fail('"--" inside a comment');
        i = end + 3;
      } else if (startsWith('<?')) {
        const end = source.indexOf('?>', i + 2);
        if (end < 0) fail('unclosed processing instruction');
        i = end + 2;
      } else return;
    }
  };
  const element = (): XmlElement => {
    if (source[i] !== '<') fail('expected "<"');
    i++;
    const el: XmlElement = { name: name(), attrs: {}, children: [] };
    for (;;) {
      const hadSpace = isSpace(source[i]);
      skipSpace();
      if (startsWith('/>')) {
        i += 2;
        return el;
      }
      if (source[i] === '>') {
        i++;
        break;
      }
      if (!hadSpace) fail('expected a space before an attribute');
      const attr = name();
      skipSpace();
      if (source[i] !== '=') fail(`attribute ${attr} without "="`);
      i++;
      skipSpace();
      const quote = source[i];
      if (quote !== '"' && quote !== "'") fail(`attribute ${attr} not quoted`);
      i++;
      const value = chars((c) => c === quote);
      if (source[i] !== quote) fail(`attribute ${attr} not closed`);
      i++;
      if (attr in el.attrs) fail(`attribute ${attr} twice`);
      el.attrs[attr] = value;
    }
    for (;;) {
      if (i >= source.length) fail(`<${el.name}> not closed`);
      if (startsWith('</')) {
        i += 2;
        const closing = name();
        if (closing !== el.name) fail(`</${closing}> closes <${el.name}>`);
        skipSpace();
        if (source[i] !== '>') fail('expected ">"');
        i++;
        return el;
      }
      if (startsWith('<!--')) {
        misc();
        continue;
      }
      if (startsWith('<![CDATA[')) {
        const end = source.indexOf(']]>', i);
        if (end < 0) fail('unclosed CDATA');
        el.children.push(source.slice(i + 9, end));
        i = end + 3;
        continue;
      }
      if (startsWith('<?')) {
        misc();
        continue;
      }
      if (source[i] === '<') {
        el.children.push(element());
        continue;
      }
      const text = chars((c) => c === '<');
      if (text) el.children.push(text);
    }
  };
  if (startsWith('\ufeff')) i++;
  if (startsWith('<?xml')) {
    const end = source.indexOf('?>', i);
    if (end < 0) fail('unclosed XML declaration');
    i = end + 2;
  }
  misc();
  if (startsWith('<!DOCTYPE')) fail('a DOCTYPE (not expected here)');
  const root = element();
  misc();
  if (i < source.length) fail('content after the root element');
  return root;
}

/** Every element of the tree, depth first. */
export function elements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap((c) => (typeof c === 'string' ? [] : elements(c)))];
}

/** The text of an element; the lines of a multi-line <text> (its tspans) joined by `separator`. */
export function textOf(el: XmlElement, separator = ''): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c, separator))).join(separator);
}
