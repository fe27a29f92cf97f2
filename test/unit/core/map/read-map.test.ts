import { describe, expect, it } from 'vitest';
import { hash } from '../../../../src/core/map/hash';
import type { Journey } from '../../../../src/core/map/journey';
import { ROW, ROW_ORDER, SIDE_COL } from '../../../../src/core/map/layout';
import {
  type ReadResult,
  readJourney,
  stageColumnsIn,
  toCellData,
} from '../../../../src/core/map/read-map';
import { planMap } from '../../../../src/core/map/template';
import type { Lang } from '../../../../src/core/words/i18n';
import { presetJourney } from '../../../support/journeys';

const STAGE_NAMES = [
  'Initial consideration',
  'Active evaluation',
  'Purchase',
  'Experience',
  'Trigger',
  'Loyalty',
];

/** The checklist map with fixed stage ids, so the footer's markers are known. */
function journey(lang: Lang = 'en'): Journey {
  const j = presetJourney(lang);
  return { ...j, stages: j.stages.map((s, i) => ({ ...s, id: `stage00${i}` })) };
}

/** What getValues hands over for a fresh map (formulas left out: the reader does not need them). */
function grid(lang: Lang = 'en'): unknown[][] {
  const plan = planMap(journey(lang), {
    sheetName: 's',
    locale: lang === 'ru' ? 'ru_RU' : 'en_US',
  });
  return plan.cells.map((row) => row.map((c): unknown => (c.formula ? '' : c.value)));
}

/** Inserts `n` blank columns before the 0-based column `at`, as Sheets' "Insert column" does. */
function insertColumns(values: unknown[][], at: number, n = 1): unknown[][] {
  for (const row of values) row.splice(at, 0, ...Array<unknown>(n).fill(''));
  return values;
}

const set = (values: unknown[][], row: number, col: number, v: unknown) => {
  (values[row - 1] as unknown[])[col - 1] = v;
};

function damage(read: ReadResult, lang: Lang = 'en'): string {
  if (read.ok || read.problem !== 'damaged')
    throw new Error(`expected damage: ${JSON.stringify(read)}`);
  return read.reason(lang);
}

function read(values: unknown[][], zone?: string | (() => string)): Journey {
  const r = readJourney(values, zone);
  if (!r.ok) throw new Error(`expected a map: ${JSON.stringify(r)}`);
  return r.journey;
}

describe('a cell read as the map keeps it', () => {
  it('keeps numbers and text, and reads what no cell can show as blank', () => {
    expect(toCellData(1000)).toBe(1000);
    expect(toCellData('1 000')).toBe('1 000');
    expect(toCellData(Number.NaN)).toBe('');
    expect(toCellData(Number.POSITIVE_INFINITY)).toBe('');
    expect(toCellData(null)).toBe('');
    expect(toCellData(undefined)).toBe('');
    expect(toCellData(new Date('not a date'))).toBe('');
  });

  it('reads a checkbox as TRUE or FALSE, as Sheets shows it', () => {
    expect(toCellData(true)).toBe('TRUE');
    expect(toCellData(false)).toBe('FALSE');
  });
});

describe('review dates in column B', () => {
  // 03:00 UTC on 15 May is still 14 May in Los Angeles; the nearest UTC midnight is 15 May.
  const lateEvening = new Date(Date.UTC(2026, 4, 15, 3));

  it("are read in the spreadsheet's time zone, given as a name or as a function to ask", () => {
    const values = grid();
    set(values, ROW.reviewed, SIDE_COL, lateEvening);
    expect(read(values, 'America/Los_Angeles').title.reviewed).toBe('2026-05-14');
    expect(read(values, () => 'America/Los_Angeles').title.reviewed).toBe('2026-05-14');
    expect(read(values).title.reviewed).toBe('2026-05-15');
  });

  it('ask for the time zone once, and only when a cell holds a date', () => {
    const values = grid();
    let asked = 0;
    const zone = () => {
      asked++;
      return 'America/Los_Angeles';
    };
    read(values, zone);
    expect(asked).toBe(0);
    set(values, ROW.reviewed, SIDE_COL, lateEvening);
    set(values, ROW.nextReview, SIDE_COL, lateEvening);
    set(values, ROW.job, 3, lateEvening);
    const j = read(values, zone);
    expect(asked).toBe(1);
    expect(j.title.nextReview).toBe('2026-05-14');
    // a date typed in a stage cell is read in the same zone
    expect(j.stages[0]?.content.job).toBe('2026-05-14');
  });

  it('read a date, a serial, dated text or other text, and an unreadable number as blank', () => {
    const values = grid();
    set(values, ROW.reviewed, SIDE_COL, new Date(Date.UTC(2026, 4, 15)));
    set(values, ROW.nextReview, SIDE_COL, '01.09.2026');
    expect(read(values).title).toMatchObject({
      reviewed: '2026-05-15',
      nextReview: '2026-09-01',
    });
    set(values, ROW.reviewed, SIDE_COL, Number.NaN);
    set(values, ROW.nextReview, SIDE_COL, 'after launch');
    expect(read(values).title).toMatchObject({ reviewed: '', nextReview: 'after launch' });
  });
});

describe('a map edited by hand in the grid', () => {
  it('reads labels with stray spaces, and funnel roles typed in lower case or with spaces', () => {
    const values = grid();
    set(values, ROW.header, 1, '  Stage ');
    set(values, ROW.role, 3, ' c ');
    set(values, ROW.role, 4, 'q');
    const j = read(values);
    expect(j.stages[0]).toMatchObject({ role: 'C' });
    expect(j.stages[0]).not.toHaveProperty('roleText');
    expect(j.stages[1]).toMatchObject({ role: 'Q' });
  });

  it('keeps a role that is not L, C or Q as typed, with no funnel role', () => {
    const values = grid();
    set(values, ROW.role, 3, ' maybe ');
    set(values, ROW.role, 4, '');
    const j = read(values);
    expect(j.stages[0]).toMatchObject({ role: '', roleText: ' maybe ' });
    expect(j.stages[1]?.role).toBe('');
    expect(j.stages[1]).not.toHaveProperty('roleText');
  });

  it('says the funnel roles were guessed while the ⚠ note stands in place of the roles hint', () => {
    const values = grid();
    set(values, ROW.role, SIDE_COL, '⚠ Roles were guessed: check them');
    expect(read(values).rolesGuessed).toBe(true);
    set(values, ROW.role, SIDE_COL, 'Roles checked ⚠');
    expect(read(values)).not.toHaveProperty('rolesGuessed');
  });

  it('keeps notes typed right of the last stage as notes, not stages', () => {
    const values = grid();
    for (const row of values) row.push('');
    set(values, ROW.job, 9, 'note: ask the sales team');
    expect(read(values).stages.map((s) => s.name)).toEqual(STAGE_NAMES);
    expect(stageColumnsIn(values)).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it('adopts a column inserted among the stages and named, with an id from its name until it gets a marker', () => {
    const values = insertColumns(grid(), 4, 2);
    set(values, ROW.header, 5, 'Upsell');
    set(values, ROW.header, 6, 'Upsell');
    const j = read(values);
    expect(j.stages.map((s) => [s.name, s.id])).toEqual([
      ['Initial consideration', 'stage000'],
      ['Active evaluation', 'stage001'],
      // two columns of the same name are still two stages
      ['Upsell', `~${hash('Upsell#1')}`],
      ['Upsell', `~${hash('Upsell#2')}`],
      ['Purchase', 'stage002'],
      ['Experience', 'stage003'],
      ['Trigger', 'stage004'],
      ['Loyalty', 'stage005'],
    ]);
    expect(stageColumnsIn(values)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('reads a copied stage column as a new stage: the marker stays with the first', () => {
    const values = grid();
    for (const row of values) row.push(row[2]);
    const j = read(values);
    expect(j.stages).toHaveLength(7);
    expect(j.stages[0]?.id).toBe('stage000');
    expect(j.stages[6]).toMatchObject({
      name: 'Initial consideration',
      id: `~${hash('Initial consideration#1')}`,
    });
  });

  it('reports an empty column inserted among the stages, and names its column', () => {
    const values = insertColumns(grid(), 4);
    expect(damage(readJourney(values))).toBe(
      'column E inside the map holds no stage: name it in row 9 to make it a stage, or delete the column',
    );
    expect(stageColumnsIn(values)).toBeNull();
  });
});

describe('a map whose columns were moved around column B', () => {
  it('reports column B deleted when B now holds a stage', () => {
    const values = grid();
    for (const row of values) row.splice(1, 1);
    expect(damage(readJourney(values))).toBe(
      "column B (the map's name, segment, P and Q) was deleted: column B now holds a stage",
    );
  });

  it('reports a column inserted before B, up to three of them', () => {
    const message =
      'a column was inserted at column B, between the row labels and the stages. Delete column B';
    expect(damage(readJourney(insertColumns(grid(), 1)))).toBe(message);
    expect(damage(readJourney(insertColumns(grid(), 1, 3)))).toBe(message);
  });

  it("reports the side marker typed over, with what it should say in the reader's language", () => {
    const values = grid();
    set(values, ROW.footer, SIDE_COL, 'notes');
    const read = readJourney(values);
    expect(damage(read, 'en')).toBe('cell B53 should say "CJM side" but says "notes"');
    expect(damage(read, 'ru')).toBe('в ячейке B53 должно быть «CJM сводка», а стоит «notes»');
  });

  it('reports a column inserted before A by where the row labels are now', () => {
    expect(damage(readJourney(insertColumns(grid(), 0)))).toBe(
      'a column was inserted before column A: the row labels are now in column B. Delete the inserted column',
    );
    expect(damage(readJourney(insertColumns(grid(), 0, 2)))).toMatch(
      /the row labels are now in column C\./,
    );
  });
});

describe('recognising a map', () => {
  it('ignores a long sheet of other data', () => {
    const values = Array.from({ length: 60 }, (_, i) => [`Q${i}`, i * 10, i * 20]);
    expect(readJourney(values)).toEqual({ ok: false, problem: 'notMap' });
  });

  it('takes a sheet with more than half of the row labels for a damaged map, and half for no map', () => {
    const labels = (n: number) =>
      grid().map((row, i) => [i < n ? row[0] : '', row[1], row[2]] as unknown[]);
    expect(readJourney(labels(26))).toEqual({ ok: false, problem: 'notMap' });
    expect(damage(readJourney(labels(27)))).toBe(
      'row 28 should be "Q — purchases per customer" but is ""',
    );
  });

  it('reports the marker line cleared, in the language of the map', () => {
    const values = grid('ru');
    set(values, ROW.footer, 1, '');
    const r = readJourney(values);
    expect(r).toMatchObject({ ok: false, problem: 'damaged', lang: 'ru' });
    expect(damage(r, 'en')).toBe(
      'the line "CJM map …" at the bottom of the map (cell A53) is missing or changed',
    );
  });

  it('reports a map made by a newer version of the add-on', () => {
    const values = grid();
    set(values, ROW.footer, 1, 'CJM map TEST42 · template v3');
    expect(damage(readJourney(values))).toBe(
      'the map was made by a newer version of the add-on (template v3); update the add-on',
    );
  });

  it('reports the first row that changed, even row 1', () => {
    const values = grid();
    set(values, ROW.name, 1, 'My map');
    expect(damage(readJourney(values))).toBe(
      'row 1 should be "Customer journey map" but is "My map"',
    );
  });

  it('reports rows deleted at the bottom of the map as blank rows', () => {
    const values = grid().slice(0, ROW.personaName - 1);
    expect(damage(readJourney(values))).toBe('row 38 should be "Persona: name" but is ""');
  });

  it('recognises a map by its marker line when most rows were deleted', () => {
    const full = grid();
    const values = [...full.slice(0, ROW.header), full[ROW.footer - 1] as unknown[]];
    expect(damage(readJourney(values))).toBe(
      'row 10 should be "Customer goal / job to be done" but is "CJM map TEST42 · template v2"',
    );
  });

  it('reads a map whose labels were all cleared as an English one', () => {
    const values = grid().map((row, i) => [i === ROW.footer - 1 ? row[0] : '', ...row.slice(1)]);
    const r = readJourney(values);
    expect(r).toMatchObject({ ok: false, problem: 'damaged', lang: 'en' });
    expect(damage(r)).toBe('row 1 should be "Customer journey map" but is ""');
  });
});

describe('a map made before the footer carried column markers (template v1)', () => {
  /** A v1 map: the map marker only; its stages run from C to the first unnamed column. */
  function v1(stages: number): unknown[][] {
    return grid().map((row, i) =>
      i === ROW.footer - 1
        ? ['CJM map TEST42 · template v1']
        : [row[0], row[1], ...row.slice(2, 2 + stages)],
    );
  }

  it('reads its stages by their names, with no side marker to check', () => {
    const j = read(v1(6));
    expect(j.stages.map((s) => s.name)).toEqual(STAGE_NAMES);
    expect(j.stages[0]?.id).toBe(`~${hash('Initial consideration#1')}`);
    expect(stageColumnsIn(v1(1))).toEqual([3]);
  });

  it('reports a map with no stage in column C', () => {
    const values = v1(0);
    expect(stageColumnsIn(values)).toBeNull();
    expect(damage(readJourney(values))).toBe('no stage columns were found (from column C on)');
  });
});

// ROW_ORDER is the layout these tests' row numbers come from: fail loudly if it moves.
it('the rows these tests name are where the layout puts them', () => {
  expect([ROW.header, ROW.role, ROW.personaName, ROW.purchases, ROW.footer]).toEqual([
    9, 24, 38, 28, 53,
  ]);
  expect(ROW_ORDER).toHaveLength(53);
});
