/**
 * User text in XML files (the SVG poster, the OPML mind map, the .xlsx export's chart parts):
 * one escaper, so every file we write parses whatever a user typed or pasted into the sheet.
 */

/**
 * A character XML 1.0 cannot carry: a control character but tab, line feed and carriage return
 * (U+0001, U+000B…, common in text pasted from word processors; not allowed even as character
 * references), a lone surrogate half (with the `u` flag a lone half is a code point of its own,
 * a pair one character beyond U+FFFF), U+FFFE and U+FFFF. One pattern, so a cell of 50,000
 * characters is one pass of the regular-expression engine, not 50,000 string appends.
 */
const NOT_XML = /[^\t\n\r\u{20}-\u{d7ff}\u{e000}-\u{fffd}\u{10000}-\u{10ffff}]/gu;

/**
 * `s` without the characters XML 1.0 cannot carry (control characters but tab, line feed and
 * carriage return; lone surrogates; U+FFFE, U+FFFF): for text a library escapes itself.
 */
export function xmlChars(s: string): string {
  return s.replace(NOT_XML, '');
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // as references, so that an attribute keeps them (a parser turns a raw one into a space) and
  // a carriage return stays one (a parser turns a raw one into a line feed)
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * `s` as text for XML, good for element content and for an attribute value in either quotes:
 * the markup characters escaped (so "]]>" cannot end anything), tab and line breaks as
 * character references, and what XML 1.0 cannot carry dropped (see xmlChars). A parser reads
 * back exactly `xmlChars(s)`.
 */
export function escapeXml(s: string): string {
  return xmlChars(s).replace(/[&<>"'\t\n\r]/g, (ch) => ESCAPES[ch] ?? ch);
}
