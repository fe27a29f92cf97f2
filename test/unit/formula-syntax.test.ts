import { describe, expect, it } from 'vitest';
import { dialectOf, fromLocaleSyntax, toLocaleSyntax } from '../../src/core/map/formula-syntax';
import { formulaText, quoteSheet, sheetLink } from '../../src/core/map/links';

describe('formula syntax in decimal-comma locales', () => {
  it('converts separators and decimals outside "strings" and \'sheet names\' only', () => {
    const english = `=IF(ISNUMBER(I4),I4+SUMIF(${quoteSheet("Parents, 2.5 kids' club · plan")}!$A:$A,">0,5",'x'!$I:$I)*1.5,"a, b")`;
    const locale = `=IF(ISNUMBER(I4);I4+SUMIF('Parents, 2.5 kids'' club · plan'!$A:$A;">0,5";'x'!$I:$I)*1,5;"a, b")`;
    expect(toLocaleSyntax(english)).toBe(locale);
    expect(fromLocaleSyntax(locale)).toBe(english);
    expect(dialectOf([[locale]])).toBe('locale');
    expect(dialectOf([[`='a;b'!A1+"x;y"`]])).toBe(null);
  });

  it('links to a sheet by its gid, the label a quoted text or a reference', () => {
    expect(`=${sheetLink(123, formulaText('Say "hi"'))}`).toBe('=HYPERLINK("#gid=123","Say ""hi""")');
    expect(toLocaleSyntax(`=${sheetLink(7, `${quoteSheet('A, b')}!$B$1`)}`)).toBe(`=HYPERLINK("#gid=7";'A, b'!$B$1)`);
  });
});
