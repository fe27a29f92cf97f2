/**
 * XML as the tests read it (Node has no DOMParser): parsed by saxes, a conformant XML 1.0 parser
 * with namespaces checked, into a small tree to look into. It refuses what a browser, Excel or a
 * mind-map tool refuses: unbalanced or crossed tags, an attribute twice or unquoted, a raw "<" or
 * a stray "&", undefined entities, characters XML does not allow (raw or as references), "]]>" in
 * text, unbound prefixes, anything after the root element.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
}

export class XmlError extends Error {}

/**
 * Parses a whole document; throws an XmlError on the first fault. A string with a lone surrogate
 * is refused first: it is no text a file can hold (saxes, reading a string, would pair a lone high
 * half with the next character).
 */
export function parseXml(source: string): XmlElement {
  const lone = /\p{Cs}/u.exec(source);
  if (lone) throw new XmlError(`lone surrogate at offset ${lone.index}`);
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => {
    throw new XmlError(e.message);
  });
  const doc: XmlElement = { name: '', attrs: {}, children: [] };
  const open: XmlElement[] = [doc];
  const top = () => open[open.length - 1] as XmlElement;
  parser.on('opentag', (tag) => {
    const el: XmlElement = {
      name: tag.name,
      attrs: Object.fromEntries(Object.entries(tag.attributes).map(([k, a]) => [k, a.value])),
      children: [],
    };
    top().children.push(el);
    if (!tag.isSelfClosing) open.push(el);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) open.pop();
  });
  const text = (t: string) => {
    if (open.length > 1) top().children.push(t);
  };
  parser.on('text', text);
  parser.on('cdata', text);
  parser.write(source).close();
  const root = doc.children[0];
  if (typeof root !== 'object') throw new XmlError('no root element');
  return root;
}

/** An XML part of a file as bytes: UTF-8 (a bad byte sequence fails), then parsed. */
export function parseXmlBytes(bytes: Uint8Array): XmlElement {
  return parseXml(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
}

/** Every element of the tree, depth first. */
export function elements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap((c) => (typeof c === 'string' ? [] : elements(c)))];
}

/** The text of an element; the lines of a multi-line <text> (its tspans) joined by `separator`. */
export function textOf(el: XmlElement, separator = ''): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c, separator))).join(separator);
}
