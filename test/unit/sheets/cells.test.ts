/**
 * Writing a set of cells touching nothing else: grouped into rectangles, one setValues each;
 * refused before any write when a colleague protected one of them or a merge hides one; and
 * column widths set a run of equal widths at a time.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rectangles, setWidths, writeCells, type CellWrite } from '../../../src/sheets/cells';
import { cost, emulated } from '../emulated';

afterEach(() => {
  vi.unstubAllGlobals();
});

const w = (row: number, col: number, value: CellWrite['value']): CellWrite => ({ row, col, value });

describe('the rectangles a set of cells is written in', () => {
  it('joins adjacent cells of a row, in column order whatever order they came in', () => {
    expect(rectangles([w(2, 4, 'd'), w(2, 2, 'b'), w(2, 3, 'c')])).toEqual([
      { a1: 'B2:D2', values: [['b', 'c', 'd']] },
    ]);
  });

  it('keeps a gap between cells of a row unwritten', () => {
    expect(rectangles([w(2, 2, 'b'), w(2, 4, 'd')])).toEqual([
      { a1: 'B2', values: [['b']] },
      { a1: 'D2', values: [['d']] },
    ]);
  });

  it('stacks runs of consecutive rows with the same columns into one block', () => {
    expect(
      rectangles([
        w(4, 2, 'b4'),
        w(3, 3, 'c3'),
        w(2, 2, 'b2'),
        w(4, 3, 'c4'),
        w(2, 3, 'c2'),
        w(3, 2, 'b3'),
      ]),
    ).toEqual([
      {
        a1: 'B2:C4',
        values: [
          ['b2', 'c2'],
          ['b3', 'c3'],
          ['b4', 'c4'],
        ],
      },
    ]);
  });

  it('stacks each column block of a row onto its own block above', () => {
    expect(
      rectangles([w(2, 2, 1), w(2, 3, 2), w(2, 5, 3), w(3, 2, 4), w(3, 3, 5), w(3, 5, 6)]),
    ).toEqual([
      {
        a1: 'B2:C3',
        values: [
          [1, 2],
          [4, 5],
        ],
      },
      { a1: 'E2:E3', values: [[3], [6]] },
    ]);
  });

  it('does not stack runs of another width or start, or rows that are not consecutive', () => {
    expect(rectangles([w(2, 2, 1), w(2, 3, 2), w(3, 2, 3), w(3, 3, 4), w(3, 4, 5)])).toEqual([
      { a1: 'B2:C2', values: [[1, 2]] },
      { a1: 'B3:D3', values: [[3, 4, 5]] },
    ]);
    expect(rectangles([w(2, 2, 1), w(3, 3, 2)])).toEqual([
      { a1: 'B2', values: [[1]] },
      { a1: 'C3', values: [[2]] },
    ]);
    expect(rectangles([w(2, 2, 1), w(4, 2, 2)])).toEqual([
      { a1: 'B2', values: [[1]] },
      { a1: 'B4', values: [[2]] },
    ]);
  });

  it('writes a cell given twice once, with the first value given', () => {
    expect(rectangles([w(2, 2, 'first'), w(2, 3, 'c'), w(2, 2, 'second')])).toEqual([
      { a1: 'B2:C2', values: [['first', 'c']] },
    ]);
  });

  it('is none for no cells', () => {
    expect(rectangles([])).toEqual([]);
  });
});

describe('writing a set of cells', () => {
  it('writes each cell and nothing around it, one setValues per rectangle', () => {
    const { wb, sheet } = emulated();
    wb.setCell('Sheet1', 'D2', '=1+1');
    wb.setCell('Sheet1', 'B4', 'untouched');
    const s = sheet();
    wb.calls.reset();
    writeCells(
      s,
      [w(2, 2, "'Queue"), w(2, 3, 5), w(3, 2, '=C3+1'), w(3, 3, 7), w(5, 5, true)],
      'en',
    );
    expect(wb.values('Sheet1', 'B2:E5')).toEqual([
      ['Queue', 5, 2, ''],
      [8, 7, '', ''],
      ['untouched', '', '', ''],
      ['', '', '', true],
    ]);
    expect(cost(wb).byName['Range.setValues']).toBe(2);
  });

  it('writes nothing and reads nothing for no cells', () => {
    const { wb, sheet } = emulated();
    const s = sheet();
    wb.calls.reset();
    writeCells(s, [], 'en');
    expect(wb.calls.total).toBe(0);
  });

  it("refuses a cell a colleague protected, naming the range in the user's language, and writes none", () => {
    for (const [lang, message] of [
      [
        'en',
        'This cannot be done: the range D3 of the sheet "Sheet1" ("Budget") is protected, and only its owner and the editors they chose may change it. Ask them for access or to remove the protection (Data → Protect sheets and ranges), then try again. Nothing was changed.',
      ],
      [
        'ru',
        'Не получится: диапазон D3 листа «Sheet1» («Budget») защищён, и менять его могут только владелец защиты и выбранные им редакторы. Попросите у них доступ или снять защиту (Данные → Защитить листы и диапазоны) и повторите. Ничего не изменено.',
      ],
    ] as const) {
      const { wb, sheet } = emulated();
      wb.protectAsOther('Sheet1', 'D3', { by: 'colleague@example.com', description: 'Budget' });
      expect(() => writeCells(sheet(), [w(2, 2, 1), w(3, 4, 2)], lang)).toThrow(message);
      expect(wb.values('Sheet1', 'B2:D3')).toEqual([
        ['', '', ''],
        ['', '', ''],
      ]);
    }
  });

  it('writes around a protected cell it does not write, and despite a warning-only protection', () => {
    const { wb, sheet } = emulated();
    wb.protectAsOther('Sheet1', 'C2', { by: 'colleague@example.com' });
    wb.protectAsOther('Sheet1', 'B3', { by: 'colleague@example.com', warningOnly: true });
    writeCells(sheet(), [w(2, 2, 1), w(2, 4, 2), w(3, 2, 3)], 'en');
    expect(wb.values('Sheet1', 'B2:D3')).toEqual([
      [1, '', 2],
      [3, '', ''],
    ]);
  });

  it('refuses a cell hidden under a merge, and writes none', () => {
    const { wb, sheet } = emulated();
    wb.merge('Sheet1', 'C3:D3');
    expect(() => writeCells(sheet(), [w(2, 2, 1), w(3, 4, 2)], 'en')).toThrow(
      'Nothing was saved: cell D3 is hidden under the merged cells C3:D3',
    );
    expect(wb.value('Sheet1', 'B2')).toBe('');
  });
});

describe('column widths', () => {
  it('sets each run of equal widths with one call, from column A or the column given', () => {
    const { wb, sheet } = emulated();
    const s = sheet();
    wb.calls.reset();
    setWidths(s, [120, 120, 80, 120, 120, 120]);
    setWidths(s, [50, 60], 10);
    expect(cost(wb).byName['Sheet.setColumnWidths']).toBe(5);
    expect(Array.from({ length: 12 }, (_, i) => s.getColumnWidth(i + 1))).toEqual([
      120, 120, 80, 120, 120, 120, 100, 100, 100, 50, 60, 100,
    ]);
  });

  it('sets nothing for no widths', () => {
    const { wb, sheet } = emulated();
    const s = sheet();
    wb.calls.reset();
    setWidths(s, []);
    expect(wb.calls.total).toBe(0);
  });
});
