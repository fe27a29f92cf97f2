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
