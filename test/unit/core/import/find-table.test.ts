/**
 * Finding the table a user means, on grids drawn by hand: a row per line, "" a blank cell. The
 * window's edges are the sheet's unless said (`open`).
 */
import { describe, expect, it } from 'vitest';
import {
  type CellWindow,
  findTable,
  rectA1,
  type Rect,
} from '../../../../src/core/import/find-table';

const closed = { top: false, left: false, bottom: false, right: false };
const win = (cells: string[][], open = closed): CellWindow => ({ cells, row: 1, col: 1, open });
const cell = (row: number, col: number): Rect => ({ row, col, rows: 1, cols: 1 });
const rect = (row: number, col: number, rows: number, cols: number): Rect => ({
  row,
  col,
  rows,
  cols,
});

const MAP = [
  ['', '', '', '', '', ''],
  ['', 'Stage', 'Visit', 'Lead', 'Paid', ''],
  ['', 'Actions', 'looks', 'asks', 'pays', ''],
  ['', '', '', '', '', ''],
];

describe('the table a selection means', () => {
  it('a selection is the table less its blank edges', () => {
    expect(findTable(win(MAP), rect(0, 0, 4, 6))).toEqual({
      ok: true,
      table: rect(1, 1, 2, 4),
      title: null,
    });
  });

  it('one selected cell means the block of filled cells around it', () => {
    expect(findTable(win(MAP), cell(2, 3))).toEqual({
      ok: true,
      table: rect(1, 1, 2, 4),
      title: null,
    });
  });

  it('a blank selection, or a blank cell away from any, holds no table', () => {
    expect(findTable(win(MAP), rect(3, 0, 1, 6))).toEqual({ ok: false, problem: 'empty' });
    const roomy = MAP.map((r) => [...r, '', '', '']);
    expect(findTable(win(roomy), cell(0, 8))).toEqual({ ok: false, problem: 'empty' });
    // a blank cell touching the table, even at a corner, means the table (as Ctrl+A finds it)
    expect(findTable(win(roomy), cell(0, 0))).toMatchObject({ ok: true, table: rect(1, 1, 2, 4) });
  });

  it('a table that reaches an edge of the cells read, where the sheet goes on, is too big to tell', () => {
    const cells = MAP.slice(1, 3).map((r) => r.slice(1, 5));
    expect(findTable(win(cells, { ...closed, bottom: true }), cell(0, 0))).toEqual({
      ok: false,
      problem: 'tooBig',
    });
    expect(findTable(win(cells, { ...closed, right: true }), cell(0, 0))).toMatchObject({
      problem: 'tooBig',
    });
    expect(findTable(win(cells, { ...closed, top: true }), cell(1, 1))).toMatchObject({
      problem: 'tooBig',
    });
    expect(findTable(win(cells, { ...closed, left: true }), cell(1, 1))).toMatchObject({
      problem: 'tooBig',
    });
    // at the sheet's own edges it is whole
    expect(findTable(win(cells), cell(0, 0))).toMatchObject({ ok: true, table: rect(0, 0, 2, 4) });
  });
});

describe('a table with blank lines inside it', () => {
  it('goes on across a blank row when the rows under it do not open a table of their own', () => {
    const cells = [
      ['Stage', 'Visit', 'Lead', 'Paid'],
      ['Actions', 'looks', 'asks', 'pays'],
      ['', '', '', ''],
      ['Barriers', 'price', 'time', 'trust'],
    ];
    expect(findTable(win(cells), cell(1, 1))).toMatchObject({ ok: true, table: rect(0, 0, 4, 4) });
  });

  it('goes on across a blank column that holds no labels of its own', () => {
    const cells = [
      ['Stage', 'Visit', 'Lead', '', 'Paid'],
      ['Actions', 'looks', 'asks', '', 'pays'],
    ];
    expect(findTable(win(cells), cell(0, 0))).toMatchObject({ ok: true, table: rect(0, 0, 2, 5) });
  });

  it('stops at a blank row under which a second table opens', () => {
    const cells = [
      ['Stage', 'Visit', 'Lead', 'Paid'],
      ['Actions', 'looks', 'asks', 'pays'],
      ['', '', '', ''],
      ['Stage', 'Call', 'Demo', 'Deal'],
      ['Actions', 'rings', 'sees', 'signs'],
    ];
    expect(findTable(win(cells), cell(1, 1))).toMatchObject({ ok: true, table: rect(0, 0, 2, 4) });
    expect(findTable(win(cells), cell(4, 1))).toMatchObject({ ok: true, table: rect(3, 0, 2, 4) });
  });
});

describe('two tables in one selection are said, not guessed', () => {
  it('one under the other, the second opening with its stage row', () => {
    const cells = [
      ['Stage', 'Visit', 'Lead', 'Paid'],
      ['Actions', 'looks', 'asks', 'pays'],
      ['', '', '', ''],
      ['', 'Call', 'Demo', 'Deal'],
      ['Actions', 'rings', 'sees', 'signs'],
    ];
    expect(findTable(win(cells), rect(0, 0, 5, 4))).toEqual({
      ok: false,
      problem: 'twoTables',
      first: rect(0, 0, 2, 4),
      second: rect(3, 0, 2, 4),
    });
  });

  it('side by side, the second with its own column of row labels', () => {
    const cells = [
      ['Stage', 'Visit', 'Lead', '', 'Stage', 'Call', 'Deal'],
      ['Actions', 'looks', 'asks', '', 'Actions', 'rings', 'signs'],
      ['Barriers', 'price', 'time', '', 'Pain points', 'busy', 'cost'],
    ];
    expect(findTable(win(cells), rect(0, 0, 3, 7))).toEqual({
      ok: false,
      problem: 'twoTables',
      first: rect(0, 0, 3, 3),
      second: rect(0, 4, 3, 3),
    });
    // one selected cell: the table it is in
    expect(findTable(win(cells), cell(1, 5))).toMatchObject({ ok: true, table: rect(0, 4, 3, 3) });
  });
});

describe('the title block above a table (persona, goal…)', () => {
  const titled = [
    ['Persona', 'Anna, 29'],
    ['Goal', 'first purchase'],
    ['', ''],
    ['Stage', 'Visit', 'Lead', 'Paid'],
    ['Actions', 'looks', 'asks', 'pays'],
  ].map((r) => [...r, '', '', ''].slice(0, 4));

  it('is the label–value rows above it, across one blank row', () => {
    expect(findTable(win(titled), cell(4, 2))).toEqual({
      ok: true,
      table: rect(3, 0, 2, 4),
      title: rect(0, 0, 2, 2),
    });
  });

  it('a selected title cell means the table under it too', () => {
    expect(findTable(win(titled), cell(0, 0))).toEqual({
      ok: true,
      table: rect(3, 0, 2, 4),
      title: rect(0, 0, 2, 2),
    });
  });

  it('title rows right on top of the table are told from it', () => {
    const cells = [titled[0], ...titled.slice(3)] as string[][];
    expect(findTable(win(cells), cell(2, 1))).toEqual({
      ok: true,
      table: rect(1, 0, 2, 4),
      title: rect(0, 0, 1, 2),
    });
  });

  it('ends at two blank rows, and at a row as wide as a table', () => {
    const far = [titled[0], ['', '', '', ''], ...titled.slice(2)] as string[][];
    expect(findTable(win(far), cell(5, 1))).toMatchObject({ title: null });
    const wide = [['Q1', 'Q2', 'Q3', 'Q4'], ['Goal', 'first purchase', '', ''], ...titled.slice(3)];
    expect(findTable(win(wide), rect(2, 0, 2, 4))).toMatchObject({ title: rect(1, 0, 1, 2) });
  });
});

describe("a block's range on the sheet", () => {
  it('counts from the first cell read', () => {
    expect(rectA1({ cells: [], row: 4, col: 3, open: closed }, rect(1, 1, 2, 4))).toBe('D5:G6');
  });
});

describe('the block around one selected cell, as Ctrl+A finds it', () => {
  it('a single column of cells is found whole from its top, middle or bottom cell', () => {
    const cells = [
      ['', '', ''],
      ['', 'Visit', ''],
      ['', 'Lead', ''],
      ['', 'Paid', ''],
      ['', '', ''],
    ];
    for (const row of [1, 2, 3])
      expect(findTable(win(cells), cell(row, 1))).toEqual({
        ok: true,
        table: rect(1, 1, 3, 1),
        title: null,
      });
  });

  it('a single row of cells is found whole from either end', () => {
    const cells = [
      ['', '', '', '', ''],
      ['', 'Visit', 'Lead', 'Paid', ''],
      ['', '', '', '', ''],
      ['', '', '', '', ''],
      ['', 'Call', 'Deal', '', ''],
      ['', '', '', '', ''],
    ];
    for (const col of [1, 3])
      expect(findTable(win(cells), cell(1, col))).toEqual({
        ok: true,
        table: rect(1, 1, 1, 3),
        title: null,
      });
    for (const col of [1, 2])
      expect(findTable(win(cells), cell(4, col))).toEqual({
        ok: true,
        table: rect(4, 1, 1, 2),
        title: null,
      });
  });

  it('a lone filled cell is a block of its own, not an empty selection', () => {
    const cells = [
      ['', '', ''],
      ['', 'Coffee', ''],
      ['', '', ''],
    ];
    expect(findTable(win(cells), cell(1, 1))).toEqual({
      ok: true,
      table: rect(1, 1, 1, 1),
      title: null,
    });
  });

  it('no cells read at all hold no table', () => {
    expect(findTable(win([]), cell(0, 0))).toEqual({ ok: false, problem: 'empty' });
  });

  it('a note two blank rows under the table, or two blank columns right of it, is not part of it', () => {
    const cells = Array.from({ length: 9 }, () => Array<string>(10).fill(''));
    const put = (r: number, c: number, values: string[]) =>
      values.forEach((v, i) => {
        (cells[r] as string[])[c + i] = v;
      });
    put(2, 2, ['Stage', 'Visit', 'Paid']);
    put(3, 2, ['Actions', 'looks', 'pays']);
    put(2, 7, ['draft']);
    put(6, 2, ['draft']);
    expect(findTable(win(cells), cell(3, 3))).toEqual({
      ok: true,
      table: rect(2, 2, 2, 3),
      title: null,
    });
  });

  it('a blank cell one blank row above a table is away from it: the selection is empty', () => {
    const cells = [
      ['', '', '', ''],
      ['', '', '', ''],
      ['Stage', 'Visit', 'Lead', 'Paid'],
      ['Actions', 'looks', 'asks', 'pays'],
    ];
    expect(findTable(win(cells), cell(0, 1))).toEqual({ ok: false, problem: 'empty' });
  });

  it('a lone title cell over a blank row means the table under it, and is its title', () => {
    const cells = [
      ['Coffee to go', '', '', ''],
      ['', '', '', ''],
      ['Stage', 'Visit', 'Lead', 'Paid'],
      ['Actions', 'looks', 'asks', 'pays'],
    ];
    expect(findTable(win(cells), cell(0, 0))).toEqual({
      ok: true,
      table: rect(2, 0, 2, 4),
      title: rect(0, 0, 1, 1),
    });
  });

  it('a blank cell touching a table means all of it, across a blank row inside it', () => {
    const cells = [
      ['', '', '', '', '', ''],
      ['', 'Stage', 'Visit', 'Lead', 'Paid', ''],
      ['', 'Actions', 'looks', 'asks', 'pays', ''],
      ['', '', '', '', '', ''],
      ['', 'Barriers', 'price', 'time', 'trust', ''],
    ];
    expect(findTable(win(cells), cell(0, 5))).toEqual({
      ok: true,
      table: rect(1, 1, 4, 4),
      title: null,
    });
  });

  it('a blank cell on top of a column of cells means all of the column, across a blank row in it', () => {
    const cells = [
      ['', '', ''],
      ['', 'Visit', ''],
      ['', 'Lead', ''],
      ['', '', ''],
      ['', 'Paid', ''],
    ];
    expect(findTable(win(cells), cell(0, 1))).toEqual({
      ok: true,
      table: rect(1, 1, 4, 1),
      title: null,
    });
  });

  it('a blank cell left of a row of cells means all of the row, across a blank column in it', () => {
    const cells = [
      ['', '', '', '', '', ''],
      ['', 'Visit', 'Lead', '', 'Paid', ''],
      ['', '', '', '', '', ''],
    ];
    expect(findTable(win(cells), cell(1, 0))).toEqual({
      ok: true,
      table: rect(1, 1, 1, 4),
      title: null,
    });
  });
});

describe('a table with blank lines inside it, away from the first cell', () => {
  it('a table lower down the sheet goes on across a blank row, and a note two blank rows under it stays out', () => {
    const cells = Array.from({ length: 10 }, () => Array<string>(6).fill(''));
    cells[3] = ['', 'Stage', 'Visit', 'Lead', 'Paid', ''];
    cells[4] = ['', 'Actions', 'looks', 'asks', 'pays', ''];
    cells[6] = ['', 'Barriers', 'price', 'time', 'trust', ''];
    // a note two blank rows under the table, and far below the first cell, is not part of it
    cells[9] = ['', 'Call Oleg', '', '', '', ''];
    expect(findTable(win(cells), cell(4, 2))).toEqual({
      ok: true,
      table: rect(3, 1, 4, 4),
      title: null,
    });
  });

  it('goes on across more than one blank column, and stops two blank columns before a note', () => {
    const cells = [
      ['', '', '', '', '', '', '', '', '', '', '', '', ''],
      ['', '', '', 'Stage', 'Visit', 'Lead', '', 'Paid', '', 'Repeat', '', '', 'draft'],
      ['', '', '', 'Actions', 'looks', 'asks', '', 'pays', '', 'returns', '', '', ''],
      ['', '', '', '', '', '', '', '', '', '', '', '', ''],
    ];
    expect(findTable(win(cells), cell(2, 4))).toEqual({
      ok: true,
      table: rect(1, 3, 2, 7),
      title: null,
    });
  });

  it('goes on across a blank row to a note that starts under the last stage, all of its lines', () => {
    const cells = [
      ['Stage', 'Visit', 'Lead', 'Paid'],
      ['Actions', 'looks', 'asks', 'pays'],
      ['', '', '', ''],
      ['', '', '', 'call back'],
      ['', '', '', 'in a week'],
    ];
    expect(findTable(win(cells), cell(0, 1))).toEqual({
      ok: true,
      table: rect(0, 0, 5, 4),
      title: null,
    });
  });

  it('goes on across a blank column to a note that starts beside the last row, all of its cells', () => {
    const cells = [
      ['Stage', 'Visit', 'Lead', '', '', ''],
      ['Actions', 'looks', 'asks', '', '', ''],
      ['Barriers', 'price', 'time', '', 'too dear', 'for some'],
    ];
    expect(findTable(win(cells), cell(1, 1))).toEqual({
      ok: true,
      table: rect(0, 0, 3, 6),
      title: null,
    });
  });

  it('goes on across a blank row under which a "Stage" row names just one stage: no table has one', () => {
    const cells = [
      ['Stage', 'Visit', 'Lead', 'Paid'],
      ['Actions', 'looks', 'asks', 'pays'],
      ['', '', '', ''],
      ['Stage', 'Repeat', '', ''],
      ['Actions', 'comes back', '', ''],
    ];
    expect(findTable(win(cells), cell(1, 1))).toEqual({
      ok: true,
      table: rect(0, 0, 5, 4),
      title: null,
    });
  });

  it('a selection of a table with two blank rows inside it is one table, whatever is above it', () => {
    const cells = [
      ['Phase', 'Before', '', 'After'],
      ['Stage', 'Visit', 'Order', 'Repeat'],
      ['Actions', 'looks', 'buys', 'comes back'],
      ['', '', '', ''],
      ['', '', '', ''],
      ['Barriers', 'price', 'queue', 'none'],
    ];
    expect(findTable(win(cells), rect(1, 0, 5, 4))).toMatchObject({
      ok: true,
      table: rect(1, 0, 5, 4),
    });
  });
});

describe('two tables in one selection, each as it is', () => {
  it('a narrower second table under the first is said with its own width', () => {
    const cells = [
      ['Stage', 'Visit', 'Lead', 'Paid'],
      ['Actions', 'looks', 'asks', 'pays'],
      ['', '', '', ''],
      ['Stage', 'Call', 'Deal', ''],
      ['Actions', 'rings', 'signs', ''],
    ];
    expect(findTable(win(cells), rect(0, 0, 5, 4))).toEqual({
      ok: false,
      problem: 'twoTables',
      first: rect(0, 0, 2, 4),
      second: rect(3, 0, 2, 3),
    });
  });

  it('one under the other in a selection that ends inside the second: both said within the selection', () => {
    const cells = [
      ['', '', '', ''],
      ['Stage', 'Visit', 'Lead', 'Paid'],
      ['Actions', 'looks', 'asks', 'pays'],
      ['', '', '', ''],
      ['Stage', 'Call', 'Demo', 'Deal'],
      ['Actions', 'rings', 'sees', 'signs'],
      ['Barriers', 'busy', 'cost', 'time'],
    ];
    expect(findTable(win(cells), rect(1, 0, 5, 4))).toEqual({
      ok: false,
      problem: 'twoTables',
      first: rect(1, 0, 2, 4),
      second: rect(4, 0, 2, 4),
    });
  });

  it('side by side in a selection that ends inside the second: both said within the selection', () => {
    const cells = [
      ['', 'Stage', 'Visit', 'Lead', '', 'Stage', 'Call', 'Deal', 'Repeat'],
      ['', 'Actions', 'looks', 'asks', '', 'Actions', 'rings', 'signs', 'calls'],
      ['', 'Barriers', 'price', 'time', '', 'Pain points', 'busy', 'cost', 'none'],
    ];
    expect(findTable(win(cells), rect(0, 1, 3, 7))).toEqual({
      ok: false,
      problem: 'twoTables',
      first: rect(0, 1, 3, 3),
      second: rect(0, 5, 3, 3),
    });
  });
});

describe('a selection is taken as it is', () => {
  it('several cells in one column are the table, not the block around them', () => {
    expect(findTable(win(MAP), rect(1, 1, 2, 1))).toEqual({
      ok: true,
      table: rect(1, 1, 2, 1),
      title: null,
    });
  });

  it('a row right under the selection is not read, also when a title row on top is told from the table', () => {
    const cells = [
      ['Persona', 'Anna, 29', '', ''],
      ['Stage', 'Visit', 'Lead', 'Paid'],
      ['Actions', 'looks', 'asks', 'pays'],
      ['Barriers', 'price', 'time', 'trust'],
    ];
    expect(findTable(win(cells), rect(0, 0, 3, 4))).toEqual({
      ok: true,
      table: rect(1, 0, 2, 4),
      title: rect(0, 0, 1, 2),
    });
  });

  it('a table away from the edges of the cells read is whole, however far the sheet goes on', () => {
    const open = { top: true, left: true, bottom: true, right: true };
    expect(findTable(win(MAP, open), cell(2, 3))).toEqual({
      ok: true,
      table: rect(1, 1, 2, 4),
      title: null,
    });
  });
});

describe('title rows told from the table', () => {
  it('a title row on top of a three-column table is its title', () => {
    const cells = [
      ['Persona', 'Anna, 29', ''],
      ['Stage', 'Visit', 'Paid'],
      ['Actions', 'looks', 'pays'],
    ];
    expect(findTable(win(cells), cell(2, 1))).toEqual({
      ok: true,
      table: rect(1, 0, 2, 3),
      title: rect(0, 0, 1, 2),
    });
  });

  it('a two-column table (stages down, one row) is read whole: its rows are not taken for a title', () => {
    const cells = [
      ['Stage', 'Actions'],
      ['Visit', 'looks'],
      ['Paid', 'pays'],
    ];
    expect(findTable(win(cells), cell(0, 0))).toEqual({
      ok: true,
      table: rect(0, 0, 3, 2),
      title: null,
    });
  });

  it('a row of three cells above the table is still part of its title block', () => {
    const cells = [
      ['Notes', 'first', 'second', ''],
      ['Goal', 'first purchase', '', ''],
      ['', '', '', ''],
      ['Stage', 'Visit', 'Lead', 'Paid'],
      ['Actions', 'looks', 'asks', 'pays'],
    ];
    expect(findTable(win(cells), cell(4, 1))).toEqual({
      ok: true,
      table: rect(3, 0, 2, 4),
      title: rect(0, 0, 2, 3),
    });
  });

  it('is read at most ten rows up', () => {
    const pairs = [
      ['Map', 'Coffee to go'],
      ['Segment', 'office workers'],
      ['Product', 'coffee'],
      ['Persona', 'Anna'],
      ['Age', '29'],
      ['Gender', 'female'],
      ['Education', 'higher'],
      ['Profession', 'designer'],
      ['Income', 'middle'],
      ['Interests', 'yoga'],
      ['Goal', 'first purchase'],
    ];
    const cells = [
      ...pairs.map((p) => [...p, '', '']),
      ['', '', '', ''],
      ['Stage', 'Visit', 'Lead', 'Paid'],
      ['Actions', 'looks', 'asks', 'pays'],
    ];
    expect(findTable(win(cells), cell(13, 1))).toEqual({
      ok: true,
      table: rect(12, 0, 2, 4),
      title: rect(2, 0, 9, 2),
    });
  });
});
