import { describe, expect, it } from 'vitest';
import {
  el,
  fit as fitText,
  line,
  points,
  rect,
  text,
  textWidth,
  wrap,
} from '../../../../src/core/poster/svg';

describe('the width the poster reckons a text takes', () => {
  it('counts the wide letters, Latin and Cyrillic, and @ and % as a full em', () => {
    for (const ch of 'mwMWШЩЖЮФЫмшщжюфы@%') expect(textWidth(ch), ch).toBe(1);
  });

  it('counts capitals A–Z wider than small letters, the first and last of the range too', () => {
    for (const ch of 'ABZ') expect(textWidth(ch), ch).toBe(0.76);
    for (const ch of 'abz') expect(textWidth(ch), ch).toBe(0.62);
  });

  it('counts Cyrillic capitals А–Я a little wider than Latin ones; Ё and small letters as the rest', () => {
    for (const ch of 'АБЯ') expect(textWidth(ch), ch).toBe(0.78);
    for (const ch of 'Ёаяё') expect(textWidth(ch), ch).toBe(0.62);
  });

  it('counts the digits 0–9 as figures, and nothing next to them', () => {
    for (const ch of '059') expect(textWidth(ch), ch).toBe(0.64);
    // "/" and ":" sit either side of the digits: narrow; "#", "+" and "=" as a small letter
    expect(textWidth('/')).toBe(0.34);
    expect(textWidth(':')).toBe(0.34);
    for (const ch of '#+=') expect(textWidth(ch), ch).toBe(0.62);
  });

  it('counts symbols and emoji past U+2000 wider than a letter, U+2000 itself not', () => {
    expect(textWidth('…')).toBe(1.05);
    expect(textWidth('\u2001')).toBe(1.05);
    expect(textWidth('🎉')).toBe(1.05);
    expect(textWidth('\u2000')).toBe(0.62);
  });

  it('adds the characters up', () => {
    expect(textWidth('Am 9')).toBeCloseTo(0.76 + 1 + 0.34 + 0.64, 10);
  });
});

describe('a text cut to a width', () => {
  it('is kept whole when it takes exactly the width', () => {
    // "mm" at size 10 is 20 wide
    expect(fitText('mm', 20, 10)).toBe('mm');
    expect(fitText('mmm', 21, 10)).toBe('m…');
  });

  it('keeps a character whose "…" ends exactly at the width', () => {
    expect(fitText('mmm', (1 + 1.05) * 10, 10)).toBe('m…');
  });

  it('drops the spaces before the "…"', () => {
    // "mm …" would fit in 34 (33.9), "mm m…" would not
    expect(fitText('mm mm', 34, 10)).toBe('mm…');
  });
});

describe('a text wrapped into lines', () => {
  it('shows no lines when none are allowed', () => {
    expect(wrap('a\nb\nc', 100, 10, 0)).toStrictEqual([]);
    expect(wrap('one two', 100, 10, -1)).toStrictEqual([]);
  });

  it('folds runs of spaces and tabs into one space, and drops them at the ends', () => {
    expect(wrap('  a   b\t\tc  ', 100, 10, 3)).toEqual(['a b c']);
  });

  it('keeps a word whose width is exactly what is left on the line', () => {
    // "m m" at size 1: 1 + 0.34 + 1
    expect(wrap('m m', 1 + 0.34 + 1, 1, 5)).toEqual(['m m']);
  });

  it('breaks a word one character wider than the line, filling each line exactly', () => {
    // 20 at size 10 holds two "m"
    expect(wrap('mmm', 20, 10, 5)).toEqual(['mm', 'm']);
    expect(wrap('mmmm', 20, 10, 5)).toEqual(['mm', 'mm']);
  });

  it('cuts the last line it may show, keeping its text before the "…"', () => {
    expect(wrap('aa\nbb\ncc', 100, 10, 2)).toEqual(['aa', 'bb…']);
    expect(wrap('aa bb cc', 25, 10, 1)).toEqual(['aa…']);
  });

  it('marks a cut with "…" when the word left out would have started a line of its own', () => {
    // at 40 wide, "one two" and "two three" are too wide: a word a line, "three" the third
    expect(wrap('one two three', 40, 10, 2)).toEqual(['one', 'two…']);
  });
});

describe('the SVG elements', () => {
  it('write their attributes in order, numbers to a tenth, leaving out the empty ones', () => {
    expect(el('g', { id: 'a', x: 1.26, y: null, z: undefined, w: '' })).toBe('<g id="a" x="1.3"/>');
    expect(el('g', { title: 'R&D "x"' }, '<b/>')).toBe('<g title="R&amp;D &quot;x&quot;"><b/></g>');
    expect(el('rect', { x: 1 })).toBe('<rect x="1"/>');
  });

  it('draw a rectangle and a line with their attributes', () => {
    expect(rect(1, 2, 3, 4.44, { fill: '#fff', stroke: undefined })).toBe(
      '<rect x="1" y="2" width="3" height="4.4" fill="#fff"/>',
    );
    expect(rect(0, 0, 5, 5)).toBe('<rect x="0" y="0" width="5" height="5"/>');
    expect(line(1, 2, 3, 4, { stroke: 'red' })).toBe(
      '<line x1="1" y1="2" x2="3" y2="4" stroke="red"/>',
    );
    expect(line(0, 0, 1, 1)).toBe('<line x1="0" y1="0" x2="1" y2="1"/>');
  });

  it('list the points of a polyline as "x,y" pairs, a space apart', () => {
    expect(
      points([
        [1.26, 2],
        [3, 4.04],
      ]),
    ).toBe('1.3,2 3,4');
    expect(points([])).toBe('');
  });

  it('write one line of text as the text element itself, escaped', () => {
    expect(text(5, 10, 'a < b', { fill: 'red' })).toBe(
      '<text x="5" y="10" fill="red">a &lt; b</text>',
    );
    expect(text(5, 10, ['only'])).toBe('<text x="5" y="10">only</text>');
  });

  it('write no text at all for no lines', () => {
    expect(text(5, 10, [], { fill: 'red' })).toBe('');
  });

  it('write lines of text as spans a line height apart, the first at the baseline, a blank line kept', () => {
    expect(text(5, 10, ['a', '', 'b'], { lineHeight: 15, fill: 'red' })).toBe(
      '<text x="5" y="10" fill="red">' +
        '<tspan x="5">a</tspan><tspan x="5" dy="15"> </tspan><tspan x="5" dy="15">b</tspan>' +
        '</text>',
    );
    // 12 apart unless told
    expect(text(0, 0, ['a', 'b'])).toBe(
      '<text x="0" y="0"><tspan x="0">a</tspan><tspan x="0" dy="12">b</tspan></text>',
    );
  });
});
