/**
 * A user's text in the mind map's Markdown: what would start a list, a heading or a break at the
 * start of a line is escaped, a date is not, a line break stays inside the paragraph, and an empty
 * text keeps its list item. (The whole mind map through a parser: test/unit/core/wizard/mindmap.)
 */
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../../../src/core/words/markdown';

describe('a user text in Markdown', () => {
  it('escapes an ordered list’s number of any length, alone on its line too, and leaves a date', () => {
    expect(escapeMarkdown('10. Launch', '')).toBe('10\\. Launch');
    expect(escapeMarkdown('2) Call back', '')).toBe('2\\) Call back');
    expect(escapeMarkdown('1.', '')).toBe('1\\.');
    expect(escapeMarkdown('15.05.2026 call', '')).toBe('15.05.2026 call');
  });

  it('escapes bullets and emphasis, and keeps a line break inside the paragraph at its indent', () => {
    expect(escapeMarkdown('- x * y', '')).toBe('\\- x \\* y');
    expect(escapeMarkdown('first\r\n  = second', '    ')).toBe('first\\\n    \\= second');
  });

  it('writes an empty text as a space reference, so its list item stays one', () => {
    expect(escapeMarkdown('', '  ')).toBe('&#32;');
    expect(escapeMarkdown(' \n\t ', '  ')).toBe('&#32;');
  });
});
