/**
 * Make a map from this table, run on the emulator straight from src/server/import-table.ts: the
 * menu command reads the table around the selection and shows the dialog with it (or says in
 * words why it cannot), and the dialog's Create makes the map from what it sends back.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportRequest, ImportTableBoot } from '../../../src/contract';
import { createMapFromTable, makeMapFromTable } from '../../../src/server/import-table';
import { dialogRequest } from '../../support/import-table';
import { emulated } from '../emulated';

afterEach(() => {
  vi.unstubAllGlobals();
});

type Cell = string | number;
type Shown = { kind: string; title: string; w: number | null; h: number | null };
/** What the menu command did: showed the dialog with its boot data, or said why not. */
type Opened = { boot: ImportTableBoot; dialog: Shown[] } | { alert: string; shown: number };

/** A spreadsheet in `locale` whose dialog page is only its boot data. */
function spreadsheet(locale = 'en_US') {
  const e = emulated(
    { locale },
    { Dialog: '<script id="cjm-boot" type="application/json">__CJM_BOOT_JSON__</script>' },
  );
  e.wb.ui.responder = () => 'OK';
  /** Types `rows` into a new sheet `name` from A1 (or `from`). */
  const table = (name: string, rows: Cell[][], from = 'A1') => {
    const sheet = e.ss.insertSheet(name);
    const width = Math.max(...rows.map((r) => r.length));
    if (width > sheet.getMaxColumns())
      sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    const start = sheet.getRange(from);
    sheet
      .getRange(start.getRow(), start.getColumn(), rows.length, width)
      .setValues(rows.map((r) => [...r, ...Array<Cell>(width - r.length).fill('')]));
  };
  /** Runs the menu command on `selection`: the dialog it showed, or what it said instead. */
  const open = (sheet: string, selection: string): Opened => {
    e.wb.range(sheet, selection).activate();
    const [surfaces, said] = [e.wb.ui.surfaces.length, e.wb.ui.requests.length];
    makeMapFromTable();
    const alerts = e.wb.ui.requests.slice(said).map((r) => String(r.request.prompt));
    const shown = e.wb.ui.surfaces.slice(surfaces);
    if (alerts.length) return { alert: alerts.join('\n'), shown: shown.length };
    const html = shown[0]?.html ?? '';
    const json = /<script id="cjm-boot" type="application\/json">([\s\S]*?)<\/script>/.exec(html);
    return {
      boot: JSON.parse(json?.[1] ?? 'null') as ImportTableBoot,
      dialog: shown.map((s) => ({ kind: s.kind, title: s.title, w: s.width, h: s.height })),
    };
  };
  return { ...e, table, open };
}

/** The boot of a dialog the command must have shown. */
function bootOf(opened: Opened): ImportTableBoot {
  if (!('boot' in opened)) throw new Error(`the command refused: ${opened.alert}`);
  return opened.boot;
}

/** What Create sends with the dialog's choices as they are, `over` changed. */
const request = (boot: ImportTableBoot, over: Partial<ImportRequest> = {}): ImportRequest => ({
  ...dialogRequest(boot),
  ...over,
});

const SHOP: Cell[][] = [
  ['Stage', 'Search', 'Compare', 'Buy'],
  ['Actions', 'Googles', 'Reads reviews', 'Pays'],
  ['Emotions', 'Curious', 'Doubtful', 'Relieved'],
];

describe('Make a map from this table: the dialog', () => {
  it('opens the 760 × 640 dialog “A map from your table” on the table around the selected cell', () => {
    const { table, open } = spreadsheet();
    table('Shop', SHOP);
    const opened = open('Shop', 'C2');
    expect('dialog' in opened && opened.dialog).toEqual([
      { kind: 'modal', title: 'A map from your table', w: 760, h: 640 },
    ]);
    const boot = bootOf(opened);
    expect(boot.view).toBe('importTable');
    expect(boot.lang).toBe('en');
    expect(boot.reading.range).toBe('A1:D3');
    expect(boot.reading.stages.map((s) => s.name)).toEqual(['Search', 'Compare', 'Buy']);
  });

  it('says where the table is and where its stage names are, and labels the dialog', () => {
    const { table, open } = spreadsheet();
    table('Shop', SHOP);
    expect(bootOf(open('Shop', 'B2')).words).toEqual({
      intro: [
        'Table A1:D3 on the sheet “Shop”. It stays as it is.',
        'Stage names: B1:D1 (3 stages).',
      ],
      rows: 'Rows of your table and where each goes in the map',
      label: 'In your table',
      target: 'In the map',
      values: 'What it holds',
      title: 'Above the table',
      unmatched: 'What matches no row of the map',
      asRows: 'Rows under the map, with their labels',
      asNotes: 'Notes on the stage names',
      create: 'Create the map',
    });
  });

  it('offers every row and title field of the map as a place, each labelled as the map labels it', () => {
    const { table, open } = spreadsheet();
    table('Shop', SHOP);
    const { targets } = bootOf(open('Shop', 'B2'));
    expect(targets.rows.slice(0, 3)).toEqual([
      { id: 'job', label: 'Customer goal / job to be done' },
      { id: 'actions', label: 'Customer actions' },
      { id: 'questions', label: 'Customer questions' },
    ]);
    expect(targets.rows.at(-1)).toEqual({
      id: 'keep',
      label: 'Keep it with its label (not a map row)',
    });
    expect(targets.rows.find((r) => r.id === 'customers')?.label).toBe(
      'Customers reaching the stage',
    );
    expect(targets.pairs[0]).toEqual({ id: 'name', label: 'Map name' });
    expect(targets.pairs[1]).toEqual({ id: 'segment', label: 'Segment (target audience)' });
    expect(targets.pairs.at(-1)).toEqual({
      id: 'keep',
      label: 'Keep it with its label (not a map row)',
    });
    expect(targets.rows.every((r) => r.label !== '' && !r.label.startsWith('row.'))).toBe(true);
    expect(targets.pairs.every((r) => r.label !== '' && !r.label.startsWith('row.'))).toBe(true);
  });

  it('a table whose stages run down is read turned, and the dialog says so', () => {
    const { table, open } = spreadsheet();
    table('Down', [
      ['Stage', 'Actions', 'Pain points'],
      ['Search', 'Googles', 'Ads'],
      ['Buy', 'Pays', 'Fees'],
    ]);
    const boot = bootOf(open('Down', 'B2'));
    expect(boot.words.intro).toEqual([
      'Table A1:C3 on the sheet “Down”. It stays as it is.',
      'Stage names: A2:A3 (2 stages).',
      'The stages run down the table: it is read turned.',
    ]);
  });

  it('a table without a row of names: the stages are numbered, and the dialog says so', () => {
    const { table, open } = spreadsheet();
    table('Plain', [
      ['Actions', 'Googles', 'Pays'],
      ['Pain points', 'Ads', 'Fees'],
    ]);
    const boot = bootOf(open('Plain', 'B1'));
    expect(boot.words.intro).toEqual([
      'Table A1:C2 on the sheet “Plain”. It stays as it is.',
      'No row of stage names was found: the stages are numbered (2).',
    ]);
    expect(boot.reading.stages.map((s) => s.name)).toEqual(['Stage 1', 'Stage 2']);
  });

  it('phases over the stages are named with the stages under each, in order', () => {
    const { wb, table, open } = spreadsheet();
    table('Hotel', [
      ['', 'Before', '', 'At the hotel', '', 'After'],
      ['Stage', 'Discover', 'Book', 'Check in', 'Stay', 'Review'],
      ['Actions', 'a', 'b', 'c', 'd', 'e'],
    ]);
    wb.range('Hotel', 'B1:C1').merge();
    wb.range('Hotel', 'D1:E1').merge();
    expect(bootOf(open('Hotel', 'C3')).words.intro).toEqual([
      'Table A1:F3 on the sheet “Hotel”. It stays as it is.',
      'Stage names: B2:F2 (5 stages).',
      'Phases over the stages: Before (Discover, Book), At the hotel (Check in, Stay), After (Review). Each stays in the notes of its stages.',
    ]);
  });

  it('names the cells that show formula errors', () => {
    const { table, open } = spreadsheet();
    table('Formulas', [
      ['', 'Visit', 'Order'],
      ['Visitors', '=2*600', '=1/0'],
      ['Buyers', '=1/0', 5],
    ]);
    expect(bootOf(open('Formulas', 'A1')).words.intro).toEqual([
      'Table A1:C3 on the sheet “Formulas”. It stays as it is.',
      'Stage names: B1:C1 (2 stages).',
      'Cells C2, B3 show formula errors: their text is imported as it is.',
    ]);
  });

  it('speaks the spreadsheet’s language: a Russian spreadsheet gets the Russian dialog', () => {
    const { table, open } = spreadsheet('ru_RU');
    table('Магазин', [
      ['Этап', 'Поиск', 'Покупка'],
      ['Действия', 'Ищет', 'Платит'],
    ]);
    const opened = open('Магазин', 'B2');
    expect('dialog' in opened && opened.dialog[0]?.title).toBe('Карта из вашей таблицы');
    const boot = bootOf(opened);
    expect(boot.lang).toBe('ru');
    expect(boot.words.intro[0]).toBe('Таблица A1:C2 на листе «Магазин». Она останется как есть.');
    expect(boot.words.create).toBe('Создать карту');
    expect(boot.targets.pairs[0]).toEqual({ id: 'name', label: 'Название карты' });
  });
});

describe('Make a map from this table: what cannot be a map', () => {
  it('an empty cell with nothing around: there is no table here', () => {
    const { table, open } = spreadsheet();
    table('Shop', SHOP);
    expect(open('Shop', 'M60')).toEqual({
      alert:
        'There is no table here: the selected cell is empty and so is everything around it. Select a table (or one cell of it) and run Extensions → CJM → Make a map from this table again.',
      shown: 0,
    });
  });

  it('a selection over two tables: names both', () => {
    const { table, open } = spreadsheet();
    table('Two', [
      ['', 'Look', 'Buy'],
      ['Actions', 'Browses', 'Pays'],
      [],
      ['', 'Call', 'Visit'],
      ['Actions', 'Phones', 'Comes in'],
    ]);
    expect(open('Two', 'A1:C5')).toEqual({
      alert:
        'The selection holds two tables, A1:C2 and A4:C5. Select one of them (or one cell of it) and try again. Nothing was changed.',
      shown: 0,
    });
  });

  it('a table running past the cells read around one cell: names the cell and what is read', () => {
    const { table, open } = spreadsheet();
    table(
      'Long',
      Array.from({ length: 150 }, (_, i) => [`Row ${i + 1}`, 'x', 'y']),
    );
    // 100 rows each side of A1 (rows 1–101), 45 columns each side (all 26 of the sheet)
    expect(open('Long', 'A1')).toEqual({
      alert:
        'The table at A1 goes on past the 101 rows × 26 columns the add-on reads at once. Select the table itself, with at most 40 stages, and try again. Nothing was changed.',
      shown: 0,
    });
  });

  it('41 stages: more than a map holds', () => {
    const { table, open } = spreadsheet();
    table('Wide', [
      ['', ...Array.from({ length: 41 }, (_, i) => `S${i + 1}`)],
      ['Actions', ...Array.from({ length: 41 }, (_, i) => `a${i + 1}`)],
    ]);
    expect(open('Wide', 'B2')).toEqual({
      alert:
        'The table has 41 stages, and a map holds at most 40 stages. Select the row labels with at most 40 stages (or make two maps of it) and try again. Nothing was changed.',
      shown: 0,
    });
  });

  it('40 stages: as many as a map holds, the dialog opens', () => {
    const { table, open } = spreadsheet();
    table('Wide', [
      ['', ...Array.from({ length: 40 }, (_, i) => `S${i + 1}`)],
      ['Actions', ...Array.from({ length: 40 }, (_, i) => `a${i + 1}`)],
    ]);
    expect(bootOf(open('Wide', 'B2')).words.intro[1]).toBe('Stage names: B1:AO1 (40 stages).');
  });

  it('one stage: a map needs two', () => {
    const { table, open } = spreadsheet();
    table('Narrow', [
      ['', 'Only'],
      ['Actions', 'Browses'],
    ]);
    expect(open('Narrow', 'B2')).toEqual({
      alert:
        'The table has 1 stage, and a map needs at least 2. Select a table with its stage names across the top row (or down the first column) and try again.',
      shown: 0,
    });
  });

  it('two stages: enough for a map', () => {
    const { table, open } = spreadsheet();
    table('Pair', [
      ['', 'Look', 'Buy'],
      ['Actions', 'Browses', 'Pays'],
    ]);
    expect(bootOf(open('Pair', 'B2')).reading.stages).toHaveLength(2);
  });

  /**
   * A table of two stages and 50 rows, 49 × 2 + 1 cells of 50,000 characters and one of `last`:
   * names "A", "B" (2) + labels N1…N50 (9 × 2 + 41 × 3 = 141) + 99 × 50,000 + `last`.
   */
  const huge = (last: number): Cell[][] => [
    ['', 'A', 'B'],
    ...Array.from({ length: 50 }, (_, i) => [
      `N${i + 1}`,
      'x'.repeat(50_000),
      i === 49 ? 'y'.repeat(last) : 'x'.repeat(50_000),
    ]),
  ];

  it('more than 5,000,000 characters: too long to carry, the counts written as numbers', () => {
    const { table, open } = spreadsheet();
    table('Huge', huge(49_858));
    expect(open('Huge', 'A1:C51')).toEqual({
      alert:
        'The table holds 5,000,001 characters, more than the 5,000,000 the add-on carries at once. Select a part of it and try again. Nothing was changed.',
      shown: 0,
    });
  });

  it('exactly 5,000,000 characters: the dialog opens', () => {
    const { table, open } = spreadsheet();
    table('Huge', huge(49_857));
    expect(bootOf(open('Huge', 'A1:C51')).reading.stages).toHaveLength(2);
  });
});

describe('the dialog’s Create', () => {
  it('makes the map on a new sheet named after the table, its stages and rows in place, and says which', () => {
    const { wb, table, open } = spreadsheet();
    table('Shop', SHOP);
    const boot = bootOf(open('Shop', 'B2'));
    const made = createMapFromTable(request(boot));
    expect(made).toEqual({
      ok: true,
      mapId: expect.stringMatching(/^[A-Z0-9]{4,12}$/),
      sheetName: 'Shop (2)',
    });
    expect(wb.sheetNames()).toEqual(['Sheet1', 'Shop', 'Shop (2)']);
    expect(wb.values('Shop (2)', 'C9:E9')).toEqual([['Search', 'Compare', 'Buy']]);
    expect(wb.values('Shop (2)', 'C11:E11')).toEqual([['Googles', 'Reads reviews', 'Pays']]);
    expect(wb.value('Shop (2)', 'B1')).toBe('Shop');
    // the map's footer names its id
    expect(String(wb.value('Shop (2)', 'A53'))).toContain(made.ok ? made.mapId : '?');
  });

  it('keeps what the map has no row for under it, with the table it came from', () => {
    const { wb, table, open } = spreadsheet();
    table('Shop', SHOP);
    createMapFromTable(request(bootOf(open('Shop', 'B2'))));
    expect(wb.values('Shop (2)', 'A55:E56')).toEqual([
      [
        'From the table A1:D3 on the sheet “Shop”: what the map has no row for, with the labels it had there',
        '',
        '',
        '',
        '',
      ],
      ['Emotions', '', 'Curious', 'Doubtful', 'Relieved'],
    ]);
  });

  it('the name the user typed names the sheet; a name that is taken gets the next free one', () => {
    const { wb, table, open } = spreadsheet();
    table('Shop', SHOP);
    const boot = bootOf(open('Shop', 'B2'));
    expect(createMapFromTable(request(boot, { name: '  Web shop  ' }))).toMatchObject({
      ok: true,
      sheetName: 'Web shop',
    });
    expect(createMapFromTable(request(boot, { name: 'Web shop' }))).toMatchObject({
      ok: true,
      sheetName: 'Web shop (2)',
    });
    expect(wb.value('Web shop', 'B1')).toBe('Web shop');
    expect(wb.value('Web shop (2)', 'B1')).toBe('Web shop');
  });

  it('stage notes go onto the stage names when the user asks for notes', () => {
    const { wb, table, open } = spreadsheet();
    table('Shop', SHOP);
    createMapFromTable(request(bootOf(open('Shop', 'B2')), { unmatched: 'notes' }));
    const notes = wb.spreadsheet.getSheetByName('Shop (2)')?.getRange('C9:E9').getNotes()[0];
    expect(notes).toEqual(['Emotions: Curious', 'Emotions: Doubtful', 'Emotions: Relieved']);
  });

  it('a blank name is refused, naming the field, and no sheet is made', () => {
    const { wb, table, open } = spreadsheet();
    table('Shop', SHOP);
    const boot = bootOf(open('Shop', 'B2'));
    expect(createMapFromTable(request(boot, { name: ' \u0007 ' }))).toEqual({
      ok: false,
      message: 'Map name: Fill this in.',
    });
    expect(wb.sheetNames()).toEqual(['Sheet1', 'Shop']);
  });

  it('a blank name in Russian is refused in Russian', () => {
    const { table, open } = spreadsheet('ru_RU');
    table('Магазин', [
      ['Этап', 'Поиск', 'Покупка'],
      ['Действия', 'Ищет', 'Платит'],
    ]);
    const boot = bootOf(open('Магазин', 'B2'));
    expect(createMapFromTable(request(boot, { name: '' }))).toEqual({
      ok: false,
      message: 'Название карты: Заполните это поле.',
    });
  });

  it('a malformed request is refused in words, and no sheet is made', () => {
    const { wb, table, open } = spreadsheet();
    table('Shop', SHOP);
    const good = request(bootOf(open('Shop', 'B2')));
    for (const payload of [null, { ...good, deal: 7 }, { ...good, unmatched: 'bin' }]) {
      const answer = createMapFromTable(payload);
      expect(answer.ok).toBe(false);
      expect(!answer.ok && answer.message).toMatch(
        /^The form could not be read: .+\. Reopen it and try again\.$/,
      );
    }
    expect(wb.sheetNames()).toEqual(['Sheet1', 'Shop']);
  });

  it('a colleague’s change still running: told to wait, no sheet made', () => {
    const { wb, table, open } = spreadsheet();
    table('Shop', SHOP);
    const boot = bootOf(open('Shop', 'B2'));
    wb.lock.holdByOther();
    expect(createMapFromTable(request(boot))).toEqual({
      ok: false,
      message:
        'Another change to this spreadsheet is still running. Wait a few seconds and try again.',
    });
    expect(wb.sheetNames()).toEqual(['Sheet1', 'Shop']);
  });

  it('leaves the source table as it was', () => {
    const { wb, table, open } = spreadsheet();
    table('Shop', SHOP);
    createMapFromTable(request(bootOf(open('Shop', 'B2'))));
    expect(wb.values('Shop', 'A1:D3')).toEqual(SHOP);
  });
});
