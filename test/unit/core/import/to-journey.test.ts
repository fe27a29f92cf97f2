/** A read table with the user's choices, as a new map: every filled cell lands somewhere. */
import { describe, expect, it } from 'vitest';
import {
  characters,
  type ImportRequest,
  keptBlock,
  mapFromTable,
  withStageNotes,
} from '../../../../src/core/import/to-journey';
import { CELL_LIMIT } from '../../../../src/core/map/names';
import type { SheetPlan } from '../../../../src/core/map/plan';
import { ROW, stageCol } from '../../../../src/core/map/layout';

const request = (over: Partial<ImportRequest> = {}): ImportRequest => ({
  lang: 'en',
  name: 'Coffee',
  source: { sheet: 'Journey', range: 'A1:D6' },
  stages: [
    { name: 'Visit', phase: 'Before' },
    { name: 'Order', phase: '' },
    { name: 'Repeat', phase: '' },
  ],
  rows: [],
  pairs: [],
  unmatched: 'rows',
  deal: 1,
  ...over,
});

describe('the rows of a table, placed in the map', () => {
  it('text rows fill the map rows, two rows of one map row joined line by line', () => {
    const m = mapFromTable(
      request({
        rows: [
          { label: 'Doing', values: ['looks', '', 'comes back'], target: 'actions' },
          { label: 'Activities', values: ['reads', 'buys', ''], target: 'actions' },
        ],
      }),
      'K7P2QX',
    );
    expect(m.journey.stages.map((s) => s.content.actions)).toEqual([
      'looks\nreads',
      'buys',
      'comes back',
    ]);
    expect(m.kept).toEqual([]);
    expect(m.journey.id).toBe('K7P2QX');
    expect(m.journey.title.name).toBe('Coffee');
  });

  it('counts read in the map language; text in a count, or a second count for a stage, is kept with its label', () => {
    const m = mapFromTable(
      request({
        lang: 'ru',
        rows: [
          { label: 'Клиенты', values: ['1 200', 'много', 30], target: 'customers' },
          { label: 'Заявки', values: [900, 40, ''], target: 'customers' },
          { label: 'Конверсия', values: ['', '12,5%', ''], target: 'target' },
        ],
      }),
      'K7P2QX',
    );
    expect(m.journey.stages.map((s) => s.customers)).toEqual([1200, 40, 30]);
    expect(m.journey.stages.map((s) => s.target)).toEqual(['', 0.125, '']);
    expect(m.kept).toEqual([
      { label: 'Клиенты', side: '', values: ['', 'много', ''] },
      { label: 'Заявки', side: '', values: [900, '', ''] },
    ]);
  });

  it("the map's check and purchases take the first number; the rest is kept", () => {
    const m = mapFromTable(
      request({
        rows: [
          { label: 'AOV', values: ['', '1,500', '1,700'], target: 'avgCheck' },
          { label: 'Frequency', values: ['2', '', ''], target: 'purchases' },
        ],
      }),
      'K7P2QX',
    );
    expect(m.journey.avgCheck).toBe(1500);
    expect(m.journey.purchases).toBe(2);
    expect(m.kept).toEqual([{ label: 'AOV', side: '', values: ['', '', '1,700'] }]);
  });

  it('a row of L, C and Q for every stage gives the roles; with one bad cell the rest is still taken', () => {
    const roles = (values: string[], deal: number | null = null) =>
      mapFromTable(request({ deal, rows: [{ label: 'Role', values, target: 'role' }] }), 'K7P2QX');
    const given = roles(['l', 'L', ' c '], null);
    expect(given.journey.stages.map((s) => s.role)).toEqual(['L', 'L', 'C']);
    expect(given.journey.rolesGuessed).toBeUndefined();
    const partly = roles(['L', 'X', 'Q'], null);
    expect(partly.journey.stages.map((s) => s.role)).toEqual(['L', 'C', 'Q']);
    expect(partly.journey.rolesGuessed).toBe(true);
    expect(partly.kept).toEqual([{ label: 'Role', side: '', values: ['', 'X', ''] }]);
  });

  it('roles around the deal the user chose, or guessed from the order and said so', () => {
    const chosen = mapFromTable(request({ deal: 2 }), 'K7P2QX').journey;
    expect(chosen.stages.map((s) => s.role)).toEqual(['L', 'L', 'C']);
    expect(chosen.rolesGuessed).toBeUndefined();
    for (const deal of [null, 3, -1]) {
      const guessed = mapFromTable(request({ deal }), 'K7P2QX').journey;
      expect(guessed.stages.map((s) => s.role)).toEqual(['L', 'C', 'Q']);
      expect(guessed.rolesGuessed).toBe(true);
    }
  });

  it('a text that would pass a cell’s limit when joined is kept, not cut', () => {
    const long = 'x'.repeat(CELL_LIMIT - 2);
    const m = mapFromTable(
      request({
        rows: [
          { label: 'Doing', values: [long, '', ''], target: 'actions' },
          { label: 'More', values: ['abc', '', ''], target: 'actions' },
          { label: 'Tail', values: ['a', '', ''], target: 'actions' },
        ],
      }),
      'K7P2QX',
    );
    expect(m.journey.stages[0]?.content.actions).toBe(`${long}\na`);
    expect(m.kept).toEqual([{ label: 'More', side: '', values: ['abc', '', ''] }]);
  });

  it('in notes mode, what the map has no row for goes to the stage’s note, under its phase', () => {
    const m = mapFromTable(
      request({
        unmatched: 'notes',
        rows: [
          { label: 'Weather', values: ['sun', '', 'rain'], target: 'keep' },
          { label: '', values: ['unlabelled', '', ''], target: 'keep' },
        ],
      }),
      'K7P2QX',
    );
    expect(m.notes).toEqual(['Phase: Before\nWeather: sun\nunlabelled', '', 'Weather: rain']);
    expect(m.kept).toEqual([]);
  });
});

describe('the title block, placed', () => {
  it('title and card fields take their pairs; the map’s own name, blank pairs and unknown ones are kept or dropped as they should', () => {
    const m = mapFromTable(
      request({
        pairs: [
          { label: '', value: 'Coffee ', target: 'name' },
          { label: 'Map', value: 'Other name', target: 'name' },
          { label: 'Persona', value: 'Anna', target: 'persona' },
          { label: 'Who', value: 'office worker', target: 'persona' },
          { label: 'Age', value: 29, target: 'personaAge' },
          { label: 'Notes', value: 'call Oleg', target: 'keep' },
          { label: '', value: '', target: 'keep' },
        ],
      }),
      'K7P2QX',
    );
    expect(m.journey.title.persona).toBe('Anna\noffice worker');
    expect(m.journey.card.personaAge).toBe(29);
    expect(m.kept).toEqual([
      { label: 'Map', side: 'Other name', values: [] },
      { label: 'Notes', side: 'call Oleg', values: [] },
    ]);
  });

  it('a card field that would pass its limit keeps the pair under the map', () => {
    const m = mapFromTable(
      request({
        pairs: [
          { label: 'Income', value: 'x'.repeat(CELL_LIMIT), target: 'personaIncome' },
          { label: 'Income 2', value: 'more', target: 'personaIncome' },
        ],
      }),
      'K7P2QX',
    );
    expect(m.kept).toEqual([{ label: 'Income 2', side: 'more', values: [] }]);
  });
});

describe('what is written with the map', () => {
  it('the kept block: a caption naming the source, then each row as wide as the map', () => {
    const m = mapFromTable(
      request({
        rows: [{ label: 'Weather', values: ['sun', '', 'rain'], target: 'keep' }],
        pairs: [{ label: 'Notes', value: 'call Oleg', target: 'keep' }],
      }),
      'K7P2QX',
    );
    expect(keptBlock(m, { sheet: 'Journey', range: 'A1:D6' })).toEqual([
      [
        'From the table A1:D6 on the sheet “Journey”: what the map has no row for, with the labels it had there',
        '',
        '',
        '',
        '',
      ],
      ['Weather', '', 'sun', '', 'rain'],
      ['Notes', 'call Oleg', '', '', ''],
    ]);
    expect(keptBlock(mapFromTable(request(), 'K7P2QX'), { sheet: 'J', range: 'A1' })).toEqual([]);
  });

  it("each stage's note on its name cell, and nothing else changed", () => {
    const cells = Array.from({ length: ROW.header + 1 }, () =>
      Array.from({ length: stageCol(2) }, () => ({ value: 'x' })),
    );
    const plan = { cells } as unknown as SheetPlan;
    const noted = withStageNotes(plan, ['first', '', 'third']);
    const header = noted.cells[ROW.header - 1] as { note?: string }[];
    expect(header.map((c) => c.note ?? '')).toEqual([
      ...Array(stageCol(0) - 1).fill(''),
      'first',
      '',
      'third',
    ]);
    expect(noted.cells.filter((_, r) => r !== ROW.header - 1)).toEqual(
      cells.filter((_, r) => r !== ROW.header - 1),
    );
  });

  it('counts the characters the dialog carries back', () => {
    expect(
      characters({
        stages: [{ name: 'Visit', phase: 'Go' }],
        rows: [{ label: 'Doing', values: ['look', 12], target: 'actions' }],
        pairs: [{ label: 'Age', value: 29, target: 'personaAge' }],
      }),
    ).toBe(5 + 2 + 5 + 4 + 2 + 3 + 2);
  });
});

describe('roles, from the deal or a role row', () => {
  it('the first stage chosen as the deal: it is C and every stage after it Q', () => {
    const j = mapFromTable(request({ deal: 0 }), 'K7P2QX').journey;
    expect(j.stages.map((s) => s.role)).toEqual(['C', 'Q', 'Q']);
    expect(j.rolesGuessed).toBeUndefined();
  });

  it('a word in a role cell (Lead, Deal) is no role: the cell is kept and the stage keeps its role', () => {
    const m = mapFromTable(
      request({
        deal: 2,
        rows: [{ label: 'Role', values: ['L', 'Lead', 'Deal'], target: 'role' }],
      }),
      'K7P2QX',
    );
    expect(m.journey.stages.map((s) => s.role)).toEqual(['L', 'L', 'C']);
    expect(m.kept).toEqual([{ label: 'Role', side: '', values: ['', 'Lead', 'Deal'] }]);
  });

  it('a role row with a blank cell does not give the roles: they are still said to be guessed', () => {
    const m = mapFromTable(
      request({ deal: null, rows: [{ label: 'Роль', values: ['L', '', 'Q'], target: 'role' }] }),
      'K7P2QX',
    );
    expect(m.journey.stages.map((s) => s.role)).toEqual(['L', 'C', 'Q']);
    expect(m.journey.rolesGuessed).toBe(true);
    expect(m.kept).toEqual([]);
  });

  it('a full role row gives the roles whatever rows come after it', () => {
    const m = mapFromTable(
      request({
        deal: null,
        rows: [
          { label: 'Role', values: ['L', 'C', 'Q'], target: 'role' },
          { label: 'Doing', values: ['looks', '', 'comes back'], target: 'actions' },
        ],
      }),
      'K7P2QX',
    );
    expect(m.journey.stages.map((s) => s.role)).toEqual(['L', 'C', 'Q']);
    expect(m.journey.rolesGuessed).toBeUndefined();
  });
});

describe('title pairs, one by one', () => {
  it('a title field that would pass its limit keeps its text, and the pair is kept under the map', () => {
    const long = 'x'.repeat(CELL_LIMIT);
    const m = mapFromTable(
      request({
        pairs: [
          { label: 'Persona', value: long, target: 'persona' },
          { label: 'Who', value: 'office worker', target: 'persona' },
          { label: 'Income', value: long, target: 'personaIncome' },
          { label: 'Доход', value: 'средний', target: 'personaIncome' },
        ],
      }),
      'K7P2QX',
    );
    expect(m.journey.title.persona).toBe(long);
    expect(m.journey.card.personaIncome).toBe(long);
    expect(m.kept).toEqual([
      { label: 'Who', side: 'office worker', values: [] },
      { label: 'Доход', side: 'средний', values: [] },
    ]);
  });

  it('a pair with only a label, or only a value, is kept under the map', () => {
    const m = mapFromTable(
      request({
        pairs: [
          { label: 'Notes', value: '', target: 'keep' },
          { label: '', value: 'call Oleg', target: 'keep' },
        ],
      }),
      'K7P2QX',
    );
    expect(m.kept).toEqual([
      { label: 'Notes', side: '', values: [] },
      { label: '', side: 'call Oleg', values: [] },
    ]);
  });

  it('the title pair that is the map’s name is not kept, whatever spaces the name has around it', () => {
    const m = mapFromTable(
      request({ name: ' Coffee ', pairs: [{ label: '', value: 'Coffee', target: 'name' }] }),
      'K7P2QX',
    );
    expect(m.kept).toEqual([]);
  });
});
