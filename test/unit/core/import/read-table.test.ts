/** Reading a found journey table, on tables drawn by hand (the window starts at A1). */
import { describe, expect, it } from 'vitest';
import type { CellData } from '../../../../src/core/map/journey';
import type { CellWindow, Rect } from '../../../../src/core/import/find-table';
import { readTable } from '../../../../src/core/import/read-table';

const closed = { top: false, left: false, bottom: false, right: false };
const win = (cells: CellData[][]): CellWindow => ({ cells, row: 1, col: 1, open: closed });
const whole = (cells: CellData[][]): Rect => ({
  row: 0,
  col: 0,
  rows: cells.length,
  cols: cells[0]?.length ?? 0,
});
const read = (cells: CellData[][], title: Rect | null = null, lang: 'en' | 'ru' = 'en') =>
  readTable(win(cells), { table: whole(cells), title }, 'Sheet1', lang, (n) => `Stage ${n}`);

describe('a table with its stages across', () => {
  const cells: CellData[][] = [
    ['Phase', 'Before', '', 'After'],
    ['Stage', 'Visit', 'Order', 'Repeat'],
    ['Actions', 'looks', 'buys', 'comes back'],
    ['Feelings', 4, '5', 3],
    ['Role', 'L', ' c ', 'Q'],
    ['Weather', 'sun', '', 'rain'],
    ['', '', '', ''],
  ];
  const r = read(cells);

  it('takes the names row, and each stage the phase written at or before its column', () => {
    expect(r.across).toBe(true);
    expect(r.range).toBe('A1:D7');
    expect(r.names).toBe('B2:D2');
    expect(r.stages).toEqual([
      { name: 'Visit', phase: 'Before' },
      { name: 'Order', phase: 'Before' },
      { name: 'Repeat', phase: 'After' },
    ]);
  });

  it('suggests a map row for each labelled row, keeps the others, and skips blank rows', () => {
    expect(r.rows.map((row) => [row.label, row.at, row.target])).toEqual([
      ['Actions', 'A3', 'actions'],
      ['Feelings', 'A4', 'score'],
      ['Role', 'A5', 'role'],
      ['Weather', 'A6', 'keep'],
    ]);
    expect(r.rows[0]?.values).toEqual(['looks', 'buys', 'comes back']);
  });

  it("finds the deal by its stage's name, and names the map after its sheet without a title", () => {
    expect(r.deal).toBe(1);
    expect(r.name).toBe('Sheet1');
    expect(r.pairs).toEqual([]);
    expect(r.errors).toEqual([]);
  });
});

describe('a transposed table (stages down, row labels across the top)', () => {
  it('reads the stages from its first column and each row from a column', () => {
    const r = read([
      ['Stage', 'Actions', 'Pain points'],
      ['Visit', 'looks', 'price'],
      ['Paid', 'pays', 'trust'],
    ]);
    expect(r.across).toBe(false);
    expect(r.names).toBe('A2:A3');
    expect(r.stages.map((s) => s.name)).toEqual(['Visit', 'Paid']);
    expect(r.rows.map((row) => [row.label, row.at, row.target, row.values])).toEqual([
      ['Actions', 'B1', 'actions', ['looks', 'pays']],
      ['Pain points', 'C1', 'barriers', ['price', 'trust']],
    ]);
    expect(r.deal).toBeNull();
  });
});

describe('stage names', () => {
  it('a table without a names row names every stage in the map language', () => {
    const r = read([
      ['Actions', 'looks', 'buys'],
      ['Pain points', 'price', ''],
    ]);
    expect(r.names).toBe('');
    expect(r.stages.map((s) => s.name)).toEqual(['Stage 1', 'Stage 2']);
    expect(r.rows).toHaveLength(2);
  });

  it('a blank name is named by its place; a column blank all the way down is no stage', () => {
    const r = read([
      ['', 'Visit', '', '', 'Paid'],
      ['Actions', 'looks', 'asks', '', 'pays'],
    ]);
    expect(r.stages.map((s) => s.name)).toEqual(['Visit', 'Stage 2', 'Paid']);
    expect(r.rows[0]?.values).toEqual(['looks', 'asks', 'pays']);
  });

  it('of two header rows, the fuller one holds the names; the other is the phase', () => {
    const r = read([
      ['', 'Awareness', '', ''],
      ['', 'See', 'Click', 'Buy'],
      ['Actions', 'a', 'b', 'c'],
    ]);
    expect(r.names).toBe('B2:D2');
    expect(r.stages).toEqual([
      { name: 'See', phase: 'Awareness' },
      { name: 'Click', phase: 'Awareness' },
      { name: 'Buy', phase: 'Awareness' },
    ]);
    expect(r.deal).toBe(2);
  });
});

describe('rows whose cells decide', () => {
  it('a score row holds scores from 1 to 5 (typed as numbers or text); else it is kept', () => {
    const r = read([
      ['Stage', 'A', 'B'],
      ['Score', 1, '5'],
      ['Rating', 0, 3],
      ['Emotions', 'happy', 'sad'],
      ['Satisfaction', 2.5, 3],
    ]);
    expect(r.rows.map((row) => row.target)).toEqual(['score', 'keep', 'keep', 'keep']);
  });

  it('a role row holds only L, C or Q', () => {
    const r = read([
      ['Stage', 'A', 'B'],
      ['Funnel role', 'L', 'X'],
    ]);
    expect(r.rows[0]?.target).toBe('keep');
  });

  it('a cell holding a formula error is named by its place on the sheet', () => {
    const r = read([
      ['Stage', 'A', 'B'],
      ['Visitors', '#REF!', '#N/A'],
      ['Actions', '#NOT AN ERROR', 'x'],
    ]);
    expect(r.errors).toEqual(['B2', 'C2']);
  });
});

describe('the title block', () => {
  const table: CellData[][] = [
    ['Stage', 'Visit', 'Paid'],
    ['Actions', 'a', 'b'],
  ];
  const withTitle = (title: CellData[][]) => {
    const cells = [...title.map((r) => [...r, '', '', ''].slice(0, 3)), ...table];
    const found = { row: title.length, col: 0, rows: 2, cols: 3 };
    return readTable(
      win(cells),
      { table: found, title: { row: 0, col: 0, rows: title.length, cols: 3 } },
      'Sheet1',
      'en',
      (n) => `Stage ${n}`,
    );
  };

  it('reads "label | value" pairs, "Label: value" in one cell, and names the map by its title', () => {
    const r = withTitle([
      ['Coffee to go'],
      ['Persona', 'Anna, 29'],
      ['Segment: office workers'],
      ['Notes', 'first', 'second'],
      ['Just a remark'],
    ]);
    expect(r.pairs).toEqual([
      { label: '', value: 'Coffee to go', target: 'name' },
      { label: 'Persona', value: 'Anna, 29', target: 'persona' },
      { label: 'Segment:', value: 'office workers', target: 'segment' },
      { label: 'Notes', value: 'first\nsecond', target: 'keep' },
      { label: '', value: 'Just a remark', target: 'keep' },
    ]);
    expect(r.name).toBe('Coffee to go');
  });

  it('a "Map:" pair names the map too; a colon after no known label is just text', () => {
    const r = withTitle([['Owner: Oleg'], ['Map: Gym'], ['Tip: smile']]);
    expect(r.pairs.map((p) => p.target)).toEqual(['owner', 'name', 'keep']);
    expect(r.name).toBe('Gym');
  });
});
