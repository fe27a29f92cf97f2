/**
 * User text in XML files (the SVG poster, the OPML mind map, the .xlsx export's chart parts):
 * one escaper, so every file we write parses whatever a user typed or pasted into the sheet.
 */

/**
 * Whether the UTF-16 code unit `c` (not a surrogate) is a character XML 1.0 allows: tab, line
 * feed, carriage return, and everything from U+0020 but U+FFFE and U+FFFF. Control characters
 * (U+0001, U+000B…, common in text pasted from word processors) are not allowed, not even as
 * character references.
 */
const allowed = (c: number): boolean =>
  c >= 0x20 ? c !== 0xfffe && c !== 0xffff : c === 0x09 || c === 0x0a || c === 0x0d;

/** `s` without the characters XML 1.0 cannot carry, escaped by `as` (null: kept as it is). */
function keepXmlChars(s: string, as: (ch: string) => string | null): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      // a surrogate pair is one character beyond U+FFFF, allowed; a lone half is not a character
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += s.slice(i, i + 2);
        i++;
      }
      continue;
    }
    if (!allowed(c)) continue;
    const ch = s.charAt(i);
    out += as(ch) ?? ch;
  }
  return out;
}

/**
 * `s` without the characters XML 1.0 cannot carry (control characters but tab, line feed and
 * carriage return; lone surrogates; U+FFFE, U+FFFF): for text a library escapes itself.
 */
export function xmlChars(s: string): string {
  return keepXmlChars(s, () => null);
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
  return keepXmlChars(s, (ch) => ESCAPES[ch] ?? null);
}
