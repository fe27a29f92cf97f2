/**
 * XML parsed by saxes, a conformant XML 1.0 parser (namespaces checked): it refuses what a
 * browser, Excel or a mind-map tool refuses (characters XML does not allow, raw or as
 * references, "]]>" in text, unbound prefixes…). Returns the tree of test/support/xml.ts.
 */
import { SaxesParser } from 'saxes';
import type { XmlElement } from './xml';

/**
 * Parses a whole document; throws on the first error. A string with a lone surrogate is refused
 * first: it is no text a file can hold (saxes, reading a string, would pair a lone high half
 * with the next character).
 */
export function parseStrictXml(source: string): XmlElement {
  const lone = /\p{Cs}/u.exec(source);
  if (lone) throw new Error(`lone surrogate at offset ${lone.index}`);
  const parser = new SaxesParser({ xmlns: true });
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
  if (typeof root !== 'object') throw new Error('no root element');
  return root;
}

/** An XML part of a file as bytes: UTF-8 (a bad byte sequence fails), then parsed. */
export function parseStrictXmlBytes(bytes: Uint8Array): XmlElement {
  return parseStrictXml(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
}
