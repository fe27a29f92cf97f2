/** The width estimate that sizes columns and charts, worked out by hand from its em table. */
import { describe, expect, it } from 'vitest';
import {
  cellTextWidth,
  columnWidth,
  roomAcross,
  textWidthPx,
  widestWord,
} from '../../../../src/core/words/text-width';

// At 100 px a character's width is its em width × 100: regular, then bold.
const EM_100: [string, number, number][] = [
  ['.', 42, 50],
  [' ', 42, 50],
  ['i', 42, 50],
  ['0', 64, 70],
  ['9', 64, 70],
  ['a', 64, 72],
  ['z', 64, 72],
  ['A', 79, 85],
  ['Z', 79, 85],
  ['а', 70, 81],
  ['я', 70, 81],
  ['ё', 70, 81],
  ['А', 80, 93],
  ['Я', 80, 93],
  ['Ё', 80, 93],
  ['m', 98, 111],
  ['ж', 98, 111],
  ['W', 110, 133],
  ['Ж', 110, 133],
  ['₽', 84, 88],
  ['«', 84, 88],
  ['漢', 105, 121],
  ['é', 105, 121],
];

describe('how wide a text is drawn', () => {
  it.each(EM_100)(
    '"%s" counts as wide as its kind: %d px, bold %d px, at 100 px',
    (c, regular, bold) => {
      expect(textWidthPx(c, 100)).toBeCloseTo(regular, 9);
      expect(textWidthPx(c, 100, true)).toBeCloseTo(bold, 9);
    },
  );

  it('a text is the sum of its characters; a cell of 10 pt draws at 13⅓ px', () => {
    expect(textWidthPx('a mm', 100)).toBeCloseTo(64 + 42 + 98 + 98, 9);
    // "ab" at 10 pt: 1.28 em × 40/3 px
    expect(cellTextWidth('ab')).toBeCloseTo(1.28 * (40 / 3), 9);
    expect(cellTextWidth('ab', 20, true)).toBeCloseTo(1.44 * (80 / 3), 9);
  });

  it('adds its characters without a rounding error: 10.95 em at 10 pt is 146 px, not a hair over', () => {
    // the action plan's header "Ответственный", bold: 0.93 + 1.11 + 11 × 0.81 = 10.95 em, × 40/3 px
    // = 146 px; with the padding, 154
    expect(cellTextWidth('Ответственный', 10, true)).toBe(146);
    expect(columnWidth(60, [{ text: 'Ответственный', bold: true }])).toBe(154);
  });

  it('a wrapping cell must hold its widest word; a blank text needs nothing', () => {
    expect(widestWord('a mm\ni')).toBeCloseTo(1.96 * (40 / 3), 9);
    expect(widestWord('a mm', 10, true)).toBeCloseTo(2.22 * (40 / 3), 9);
    expect(widestWord('')).toBe(0);
  });
});

describe("a column's width", () => {
  it('is its least width while every text fits', () => {
    expect(columnWidth(50, [{ text: 'mm', wrap: true }])).toBe(50);
    expect(columnWidth(50, [])).toBe(50);
  });

  it('holds the widest text with its padding, the dropdown when it shows one, rounded up', () => {
    // "a mm" on one line: 3.02 em × 40/3 = 40.27, + 8 padding
    expect(columnWidth(10, [{ text: 'a mm' }])).toBe(49);
    // wrapped: only "mm", 26.13 + 8
    expect(columnWidth(10, [{ text: 'a mm', wrap: true }])).toBe(35);
    expect(columnWidth(10, [{ text: 'a mm', wrap: true, dropdown: true }])).toBe(63);
    expect(columnWidth(10, [{ text: 'mm', bold: true }])).toBe(38);
    expect(columnWidth(10, [{ text: 'mm', pt: 20 }])).toBe(61);
    expect(columnWidth(10, [{ text: 'a' }, { text: 'a mm' }, { text: 'mm' }])).toBe(49);
  });

  it('never asks Sheets for more than 480 px', () => {
    expect(columnWidth(10, [{ text: 'm'.repeat(100) }])).toBe(480);
    expect(columnWidth(600, [])).toBe(480);
  });
});

describe('a line that runs on over empty cells', () => {
  it('widens the growing column by what the columns it runs over lack', () => {
    // "mm" needs ceil(26.13 + 8) = 35; columns 0 and 1 have 10 + 20
    const widths = [10, 20, 30];
    roomAcross(widths, { text: 'mm' }, 0, 1, 1);
    expect(widths).toEqual([10, 25, 30]);
  });

  it('leaves the widths alone when they already hold it', () => {
    const widths = [10, 20, 30];
    roomAcross(widths, { text: 'mm' }, 1, 2, 0);
    expect(widths).toEqual([10, 20, 30]);
    roomAcross(widths, { text: 'mm', bold: true, pt: 20 }, 1, 2, 2);
    // bold at 20 pt: 2.22 em × 80/3 = 59.2, + 8 → 68; 20 + 30 = 50 → C gains 18
    expect(widths).toEqual([10, 20, 48]);
  });
});
