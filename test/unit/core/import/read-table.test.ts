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

describe("a template's phase row left blank", () => {
  it('reads the names under it, down the columns and across, and keeps no empty "Phase" row', () => {
    const down = read([
      ['Phase', 'Stage', 'Actions', 'Pain points'],
      ['', 'Visit', 'looks', 'price'],
      ['', 'Paid', 'pays', 'trust'],
    ]);
    expect(down.across).toBe(false);
    expect(down.stages).toEqual([
      { name: 'Visit', phase: '' },
      { name: 'Paid', phase: '' },
    ]);
    expect(down.rows.map((r) => r.label)).toEqual(['Actions', 'Pain points']);
    const across = read([
      ['Фаза', '', ''],
      ['Этап', 'Визит', 'Оплата'],
      ['Действия', 'смотрит', 'платит'],
    ]);
    expect(across.stages.map((s) => s.name)).toEqual(['Визит', 'Оплата']);
    expect(across.rows.map((r) => r.label)).toEqual(['Действия']);
  });
});

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

describe('a table read among the cells around it', () => {
  // the window is A1:F6; the table is B2:D5 (a phase row, the names, two rows), its title B1:C1
  const cells: CellData[][] = [
    ['', 'Persona', 'Anna', 'draft', '', ''],
    ['', '', 'Before', 'After', 'later', ''],
    ['', 'Stage', 'Visit', 'Paid', '', ''],
    ['', 'Actions', 'looks', 'pays', '#DIV/0!', ''],
    ['', 'Barriers', 'price', 'trust', '', ''],
    ['', 'Ideas', 'bundle', '#REF!', '', ''],
  ];
  const r = readTable(
    win(cells),
    { table: { row: 1, col: 1, rows: 4, cols: 3 }, title: { row: 0, col: 1, rows: 1, cols: 2 } },
    'Sheet1',
    'en',
    (n) => `Stage ${n}`,
  );

  it('takes its stages and names from its own columns, and places them on the sheet', () => {
    expect(r.across).toBe(true);
    expect(r.range).toBe('B2:D5');
    expect(r.names).toBe('C3:D3');
    expect(r.stages).toEqual([
      { name: 'Visit', phase: 'Before' },
      { name: 'Paid', phase: 'After' },
    ]);
  });

  it('takes its own rows, each labelled where it is on the sheet', () => {
    expect(r.rows).toEqual([
      { label: 'Actions', at: 'B4', values: ['looks', 'pays'], target: 'actions' },
      { label: 'Barriers', at: 'B5', values: ['price', 'trust'], target: 'barriers' },
    ]);
  });

  it('reads the title block and the formula errors within their own ranges only', () => {
    expect(r.pairs).toEqual([{ label: 'Persona', value: 'Anna', target: 'persona' }]);
    expect(r.errors).toEqual([]);
  });

  it('a row label right under a transposed table does not turn it', () => {
    const t = readTable(
      win([
        ['Stage', 'Actions', 'Pain points'],
        ['Visit', 'looks', 'price'],
        ['Paid', 'pays', 'trust'],
        ['', 'Channels', ''],
      ]),
      { table: { row: 0, col: 0, rows: 3, cols: 3 }, title: null },
      'Sheet1',
      'en',
      (n) => `Stage ${n}`,
    );
    expect(t.across).toBe(false);
    expect(t.names).toBe('A2:A3');
    expect(t.stages.map((s) => s.name)).toEqual(['Visit', 'Paid']);
  });
});

describe('header rows: the names and the phases above them', () => {
  it('of two header rows as full as each other, the lower one holds the names', () => {
    const r = read([
      ['', 'Before', 'After'],
      ['', 'Visit', 'Paid'],
      ['Actions', 'looks', 'pays'],
    ]);
    expect(r.names).toBe('B2:C2');
    expect(r.stages).toEqual([
      { name: 'Visit', phase: 'Before' },
      { name: 'Paid', phase: 'After' },
    ]);
  });

  it('an unlabelled row sparser than the names under them is a row of the table, as is a labelled row left blank', () => {
    const r = read([
      ['Stage', 'Visit', 'Order', 'Repeat'],
      ['', '', 'new', ''],
      ['Actions', 'looks', 'buys', 'returns'],
      ['Ideas', '', '', ''],
    ]);
    expect(r.names).toBe('B1:D1');
    expect(r.stages).toEqual([
      { name: 'Visit', phase: '' },
      { name: 'Order', phase: '' },
      { name: 'Repeat', phase: '' },
    ]);
    expect(r.rows).toEqual([
      { label: '', at: 'A2', values: ['', 'new', ''], target: 'keep' },
      { label: 'Actions', at: 'A3', values: ['looks', 'buys', 'returns'], target: 'actions' },
      { label: 'Ideas', at: 'A4', values: ['', '', ''], target: 'weakSpots' },
    ]);
  });

  it('a blank row under the names ends the header: an unlabelled row after it is a row of the table', () => {
    const r = read([
      ['Stage', 'Visit', 'Paid'],
      ['', '', ''],
      ['', 'looks', 'pays'],
      ['Actions', 'reads', 'buys'],
    ]);
    expect(r.names).toBe('B1:C1');
    expect(r.stages).toEqual([
      { name: 'Visit', phase: '' },
      { name: 'Paid', phase: '' },
    ]);
    expect(r.rows.map((row) => [row.label, row.at, row.values])).toEqual([
      ['', 'A3', ['looks', 'pays']],
      ['Actions', 'A4', ['reads', 'buys']],
    ]);
  });

  describe('two phase rows over the names', () => {
    const r = read([
      ['', 'Before', '', ''],
      ['', '', 'Trial', 'Buy'],
      ['Stage', 'Visit', 'Lead', 'Paid'],
      ['', 'reads', 'asks', 'pays'],
      ['Actions', 'looks', 'tries', 'pays'],
    ]);

    it('each stage takes both phases, joined, or just the one written at or before it', () => {
      expect(r.names).toBe('B3:D3');
      expect(r.stages).toEqual([
        { name: 'Visit', phase: 'Before' },
        { name: 'Lead', phase: 'Before · Trial' },
        { name: 'Paid', phase: 'Before · Buy' },
      ]);
    });

    it('at most three header rows: an unlabelled row under them is a row of the table', () => {
      expect(r.rows).toEqual([
        { label: '', at: 'A4', values: ['reads', 'asks', 'pays'], target: 'keep' },
        { label: 'Actions', at: 'A5', values: ['looks', 'tries', 'pays'], target: 'actions' },
      ]);
    });
  });

  it('a column blank all the way down right after the labels is no stage, nor in the names range', () => {
    const r = read([
      ['Stage', '', 'Visit', 'Paid'],
      ['Actions', '', 'looks', 'pays'],
    ]);
    expect(r.names).toBe('C1:D1');
    expect(r.stages.map((s) => s.name)).toEqual(['Visit', 'Paid']);
  });
});

describe('the deal stage and the map name', () => {
  it('the first stage can be the deal', () => {
    const r = read([
      ['Этап', 'Покупка', 'Повтор'],
      ['Действия', 'платит', 'возвращается'],
    ]);
    expect(r.deal).toBe(0);
  });

  it('a table without a names row has no deal stage, even when its first row says "order"', () => {
    const r = read(
      [
        ['Действия', 'смотрит', 'заказ'],
        ['Боли', 'цена', ''],
      ],
      null,
      'ru',
    );
    expect(r.names).toBe('');
    expect(r.deal).toBeNull();
  });

  it("a title longer than a map's name may be is cut to 80 characters", () => {
    const cells: CellData[][] = [
      [
        'The journey of a first-time buyer of our coffee subscription, from ad to orders! (draft)',
        '',
        '',
      ],
      ['Stage', 'Visit', 'Paid'],
      ['Actions', 'a', 'b'],
    ];
    const r = readTable(
      win(cells),
      { table: { row: 1, col: 0, rows: 2, cols: 3 }, title: { row: 0, col: 0, rows: 1, cols: 3 } },
      'Sheet1',
      'en',
      (n) => `Stage ${n}`,
    );
    expect(r.name).toBe(
      'The journey of a first-time buyer of our coffee subscription, from ad to orders!',
    );
  });
});

describe('score and role rows, cell by cell', () => {
  const r = read([
    ['Stage', 'A', 'B'],
    ['Score', 4, ''],
    ['Оценка', '', '2'],
    ['Rating', 6, 2],
    ['Role', 'L', ''],
    ['Role', 'L', 'Lead'],
    ['Роль', 'C', 'Deal'],
  ]);

  it('a score or role row with a blank cell is still that row', () => {
    expect(r.rows.slice(0, 2).map((row) => row.target)).toEqual(['score', 'score']);
    expect(r.rows[3]?.target).toBe('role');
  });

  it('a score above 5 keeps the row as it is', () => {
    expect(r.rows[2]?.target).toBe('keep');
  });

  it('a role row with words that begin or end with L, C or Q (Lead, Deal) is kept as it is', () => {
    expect(r.rows.slice(4).map((row) => row.target)).toEqual(['keep', 'keep']);
  });

  it('only a whole formula error is one, not a text that holds one', () => {
    const e = read([
      ['Stage', 'A', 'B', 'C'],
      ['Visitors', '#N/A', '#REF! old', 'was #DIV/0!'],
    ]);
    expect(e.errors).toEqual(['B2']);
  });
});

describe('the title block, pair by pair', () => {
  const table: CellData[][] = [
    ['Stage', 'Visit', 'Paid'],
    ['Actions', 'a', 'b'],
  ];
  const withTitle = (title: CellData[][]) => {
    const cells = [...title.map((r) => [...r, '', '', ''].slice(0, 3)), ...table];
    return readTable(
      win(cells),
      {
        table: { row: title.length, col: 0, rows: 2, cols: 3 },
        title: { row: 0, col: 0, rows: title.length, cols: 3 },
      },
      'Sheet1',
      'en',
      (n) => `Stage ${n}`,
    );
  };

  it('skips blank rows, reads "Label:value" without a space, keeps numbers as numbers, and a colon on a later line is just text', () => {
    const r = withTitle([
      ['Coffee to go'],
      [''],
      ['Owner:Oleg'],
      ['Notes\nGoal: more visits'],
      ['Age', 29],
    ]);
    expect(r.pairs).toEqual([
      { label: '', value: 'Coffee to go', target: 'name' },
      { label: 'Owner:', value: 'Oleg', target: 'owner' },
      { label: '', value: 'Notes\nGoal: more visits', target: 'keep' },
      { label: 'Age', value: 29, target: 'personaAge' },
    ]);
  });
});
