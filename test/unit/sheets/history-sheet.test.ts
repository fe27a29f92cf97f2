/**
 * The map's history sheet: started next to its map, one period row per review under its three
 * header rows, columns found by their markers (row 3) wherever a user moved them, pasted text
 * numbers rewritten as numbers, and read back whole or by its last periods.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  findHistorySheet,
  historyRenameChanges,
  readHistorySheet,
  readHistoryTail,
  readHistoryValues,
  renameHistory,
  startHistorySheet,
  writePeriod,
} from '../../../src/sheets/history-sheet';
import { cost, emulated } from '../emulated';
import { day, december, HISTORY, journey, november, withNovember } from './map-on-sheet';

afterEach(() => {
  vi.unstubAllGlobals();
});

const UTC = () => 'Etc/UTC';
const TITLE_EN =
  'Review history of “Map”: one row per period. Paste periods exported from a CRM or analytics here too; keep row 3, it tells the columns apart.';
const MARKERS = [
  'from',
  'to',
  'recorded',
  'note',
  'P',
  'Q',
  'status',
  'customers aaaa1111',
  'customers bbbb2222',
  'target aaaa1111',
  'target bbbb2222',
  'score aaaa1111',
  'score bbbb2222',
];
const NOVEMBER_ROW = [
  day('2026-11-01'),
  day('2026-11-30'),
  day('2026-12-01'),
  'after the promo',
  1500,
  1.2,
  '',
  1000,
  120,
  0.5,
  0.1,
  4,
  3,
];
/** A spreadsheet with a sheet "Map" (second) and, unless told, its history with November. */
function withMap(lang: 'en' | 'ru' = 'en') {
  const e = emulated({ locale: lang === 'en' ? 'en_US' : 'ru_RU' });
  e.ss.insertSheet('Map');
  return e;
}

/** A cell's number format, as Format → Number shows it. */
const formatOf = (sheet: GoogleAppsScript.Spreadsheet.Sheet, a1: string) =>
  sheet.getRange(a1).getNumberFormat();

describe('a new history', () => {
  it('is a sheet "<map> · history" right after its map, found by its named cell, the map staying active', () => {
    const { ss, sheet } = withMap();
    ss.insertSheet('Later');
    const h = startHistorySheet(ss, sheet('Map'), 'Map', journey());
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Map', HISTORY, 'Later']);
    expect(ss.getActiveSheet().getName()).toBe('Map');
    expect(ss.getRangeByName('CJM_K7P2QX_HISTORY')?.getA1Notation()).toBe('A1');
    expect(findHistorySheet(ss, 'K7P2QX')?.getName()).toBe(HISTORY);
    expect(h.fresh).toBe(true);
    expect(h.values).toEqual([]);
    expect(h.formulas).toEqual([]);
    expect(h.history.periods).toEqual([]);
    expect(h.history.columns.size).toBe(0);
  });

  it('takes the next free name, and moves the named cell off a history left behind', () => {
    const { ss, sheet, wb } = withMap();
    ss.insertSheet(HISTORY);
    ss.setNamedRange('CJM_K7P2QX_HISTORY', sheet(HISTORY).getRange('C3'));
    startHistorySheet(ss, sheet('Map'), 'Map', journey());
    expect(findHistorySheet(ss, 'K7P2QX')?.getName()).toBe('Map · history (2)');
    expect(ss.getRangeByName('CJM_K7P2QX_HISTORY')?.getA1Notation()).toBe('A1');
    expect(wb.value(HISTORY, 'A1')).toBe('');
  });

  it('is wide enough for every stage: 7 fields and 3 columns a stage', () => {
    const { ss, sheet } = withMap();
    const stages = Array.from('abcdefg', (c): [string, string] => [`${c}${c}${c}${c}1111`, c]);
    const h = startHistorySheet(ss, sheet('Map'), 'Map', journey('en', stages));
    // 7 + 3 × 7 = 28 columns, past a new sheet's 26
    expect(h.sheet.getMaxColumns()).toBe(28);
  });

  it('gets its title, block names, column names and markers above the first period, on row 4', () => {
    const { ss, sheet, wb } = withMap();
    const j = journey();
    const h = startHistorySheet(ss, sheet('Map'), 'Map', j);
    expect(writePeriod(h, j, 'Map', november())).toBe(4);
    expect(wb.values(HISTORY, 'A1:N4')).toEqual([
      [
        'CJM history K7P2QX',
        TITLE_EN,
        '',
        '',
        '',
        '',
        '',
        'Customers who reached the stage',
        '',
        'Target step conversion',
        '',
        'Experience score (1–5)',
        '',
        '',
      ],
      [
        'From',
        'To',
        'Recorded on',
        'Note',
        'Average check (P)',
        'Purchases per customer (Q)',
        'Status',
        'Awareness',
        'Purchase',
        'Awareness',
        'Purchase',
        'Awareness',
        'Purchase',
        '',
      ],
      [...MARKERS, ''],
      [...NOVEMBER_ROW, ''],
    ]);
    expect(wb.display(HISTORY, 'A4')).toBe('2026-11-01');
  });

  it('formats every period row of each column: dates, text, money, factor, counts, shares, scores', () => {
    const { ss, sheet } = withMap();
    const j = journey();
    const h = startHistorySheet(ss, sheet('Map'), 'Map', j);
    writePeriod(h, j, 'Map', november());
    const formats = [
      'yyyy-mm-dd',
      'yyyy-mm-dd',
      'yyyy-mm-dd',
      '@',
      '#,##0.##',
      '0.0#',
      '@',
      '#,##0',
      '#,##0',
      '0.0%',
      '0.0%',
      '0',
      '0',
    ];
    expect(h.sheet.getRange('A1000:M1000').getNumberFormats()).toEqual([formats]);
    expect(h.sheet.getRange('A4:M4').getNumberFormats()).toEqual([formats]);
    // the header rows and the columns past the history keep Sheets' default
    expect(formatOf(h.sheet, 'A3')).toBe(formatOf(h.sheet, 'N4'));
    expect(formatOf(h.sheet, 'N4')).not.toBe('yyyy-mm-dd');
  });

  it('freezes its header rows, bolds the title and names, and greys its markers small', () => {
    const { ss, sheet, wb } = withMap();
    const j = journey();
    const h = startHistorySheet(ss, sheet('Map'), 'Map', j);
    writePeriod(h, j, 'Map', november());
    expect(h.sheet.getFrozenRows()).toBe(3);
    expect(h.sheet.getRange('A1:N4').getFontWeights()).toEqual([
      [...Array<string>(13).fill('bold'), 'normal'],
      [...Array<string>(13).fill('bold'), 'normal'],
      Array<string>(14).fill('normal'),
      Array<string>(14).fill('normal'),
    ]);
    const attrs = (a1: string) => wb.snapshot(HISTORY).cells.find((c) => c.a1 === a1)?.attrs ?? {};
    expect(attrs('M3')).toMatchObject({ fontColor: '#9aa0a6', fontSize: 8 });
    expect(attrs('N3')).not.toHaveProperty('fontColor');
    expect(attrs('A2')).not.toHaveProperty('fontColor');
  });

  it('costs no read: two value writes and the formats, no protections check', () => {
    const { ss, sheet, wb } = withMap();
    const j = journey();
    const h = startHistorySheet(ss, sheet('Map'), 'Map', j);
    wb.calls.reset();
    writePeriod(h, j, 'Map', november());
    const { roundTrips, byName } = cost(wb);
    expect(roundTrips).toBe(0);
    expect(byName['Range.setValues']).toBe(2);
  });

  it('speaks Russian for a Russian map, its dates as dd.mm.yyyy', () => {
    const { ss, sheet, wb } = withMap('ru');
    const j = journey('ru');
    const h = startHistorySheet(ss, sheet('Map'), 'Map', j);
    writePeriod(h, j, 'Map', november());
    expect(h.sheet.getName()).toBe('Map · история');
    expect(wb.values('Map · история', 'A1:H2')).toEqual([
      [
        'История CJM K7P2QX',
        'История обзоров карты «Map»: одна строка на период. Сюда можно вставлять и периоды, выгруженные из CRM или аналитики; не меняйте строку 3 — по ней различаются столбцы.',
        '',
        '',
        '',
        '',
        '',
        'Клиенты, дошедшие до этапа',
      ],
      [
        'С',
        'По',
        'Записан',
        'Заметка',
        'Средний чек (P)',
        'Покупок на клиента (Q)',
        'Статус',
        'Awareness',
      ],
    ]);
    expect(formatOf(h.sheet, 'B4')).toBe('dd.mm.yyyy');
    expect(wb.display('Map · история', 'B4')).toBe('30.11.2026');
  });
});

describe('a later review', () => {
  it('goes on the first free row, the periods above kept', () => {
    const { wb, j, history } = withNovember();
    const h = readHistorySheet(history(), 'en', UTC);
    expect(h.fresh).toBe(false);
    expect(writePeriod(h, j, 'Map', december())).toBe(5);
    expect(wb.values(HISTORY, 'A3:M5')).toEqual([
      MARKERS,
      NOVEMBER_ROW,
      [
        day('2026-12-01'),
        day('2026-12-31'),
        day('2027-01-02'),
        'winter',
        1600,
        1.1,
        '',
        900,
        99,
        0.6,
        0.2,
        5,
        2,
      ],
    ]);
  });

  it('replaces the row it is given, and retitles the history after the map', () => {
    const { wb, j, history } = withNovember();
    const h = readHistorySheet(history(), 'en', UTC);
    expect(writePeriod(h, j, 'Shop', december(4))).toBe(4);
    expect(wb.value(HISTORY, 'D4')).toBe('winter');
    expect(wb.value(HISTORY, 'D5')).toBe('');
    expect(wb.value(HISTORY, 'B1')).toBe(TITLE_EN.replace('“Map”', '“Shop”'));
  });

  it("keeps a user's own column: its name, its text and its formula, on the row replaced too", () => {
    const { wb, j, history } = withNovember();
    wb.setCell(HISTORY, 'N1', 'Mine');
    wb.setCell(HISTORY, 'N2', 'Revenue');
    wb.setCell(HISTORY, 'N3', 'my own');
    wb.setCell(HISTORY, 'N4', '=E4*2');
    wb.setCell(HISTORY, 'C1', 'see the CRM');
    writePeriod(readHistorySheet(history(), 'en', UTC), j, 'Map', december(4));
    expect(wb.values(HISTORY, 'N1:N3')).toEqual([['Mine'], ['Revenue'], ['my own']]);
    expect(wb.value(HISTORY, 'C1')).toBe('see the CRM');
    expect(wb.formula(HISTORY, 'N4')).toBe('=E4*2');
    expect(wb.value(HISTORY, 'N4')).toBe(3200);
  });

  it('goes under a row that only holds a formula showing nothing', () => {
    const { wb, j, history } = withNovember();
    wb.setCell(HISTORY, 'N6', '=""');
    expect(writePeriod(readHistorySheet(history(), 'en', UTC), j, 'Map', december())).toBe(7);
    expect(wb.value(HISTORY, 'D7')).toBe('winter');
  });

  it('writes each figure under its marker wherever a user moved the columns', () => {
    const { wb, ss, sheet } = withMap();
    const moved = ['note', 'to', 'customers bbbb2222', 'from', 'P'];
    moved.forEach((m, i) => {
      wb.setCell('Map', `${'ABCDE'[i]}3`, m);
    });
    ss.setNamedRange('CJM_K7P2QX_HISTORY', sheet('Map').getRange('A1'));
    const h = readHistorySheet(sheet('Map'), 'en', UTC);
    writePeriod(h, journey(), 'Map', november());
    expect(wb.values('Map', 'A3:E4')).toEqual([
      moved,
      // columns it did not add keep their format: the days show as serial numbers
      ['after the promo', 46356, 120, 46327, 1500],
    ]);
    expect(h.sheet.getRange('F4:H4').getNumberFormats()).toEqual([['yyyy-mm-dd', '0.0#', '@']]);
    // the fields and stage columns it lacked follow at the right end: from F on
    expect(wb.values('Map', 'F3:N3')).toEqual([
      [
        'recorded',
        'Q',
        'status',
        'customers aaaa1111',
        'target aaaa1111',
        'target bbbb2222',
        'score aaaa1111',
        'score bbbb2222',
        '',
      ],
    ]);
    expect(wb.values('Map', 'F1:M1')).toEqual([
      [
        '',
        '',
        '',
        'Customers who reached the stage',
        'Target step conversion',
        '',
        'Experience score (1–5)',
        '',
      ],
    ]);
  });

  it('gives a new stage its three columns at the right end, formatting only those', () => {
    const { wb, history } = withNovember();
    const sheet = history();
    sheet.getRange('A4:A1000').setNumberFormat('dd/mm/yyyy');
    const j = journey('en', [
      ['aaaa1111', 'Awareness'],
      ['bbbb2222', 'Purchase'],
      ['cccc3333', 'Loyalty'],
    ]);
    writePeriod(readHistorySheet(sheet, 'en', UTC), j, 'Map', december());
    expect(wb.values(HISTORY, 'N1:P3')).toEqual([
      ['Customers who reached the stage', 'Target step conversion', 'Experience score (1–5)'],
      ['Loyalty', 'Loyalty', 'Loyalty'],
      ['customers cccc3333', 'target cccc3333', 'score cccc3333'],
    ]);
    expect(sheet.getRange('N999:P999').getNumberFormats()).toEqual([['#,##0', '0.0%', '0']]);
    expect(formatOf(sheet, 'A999')).toBe('dd/mm/yyyy');
    // November knew nothing of the new stage
    expect(wb.values(HISTORY, 'N4:P5')).toEqual([
      ['', '', ''],
      ['', '', ''],
    ]);
  });

  it("puts a new stage's columns past a user's own column, not over it", () => {
    const { wb, history } = withNovember();
    wb.setCell(HISTORY, 'N2', 'Revenue');
    wb.setCell(HISTORY, 'N4', 1800000);
    const j = journey('en', [
      ['aaaa1111', 'Awareness'],
      ['bbbb2222', 'Purchase'],
      ['cccc3333', 'Loyalty'],
    ]);
    writePeriod(readHistorySheet(history(), 'en', UTC), j, 'Map', december());
    expect(wb.values(HISTORY, 'N2:Q3')).toEqual([
      ['Revenue', 'Loyalty', 'Loyalty', 'Loyalty'],
      ['', 'customers cccc3333', 'target cccc3333', 'score cccc3333'],
    ]);
    expect(wb.value(HISTORY, 'N4')).toBe(1800000);
  });

  it("keeps the header of a column a user inserted between the history's own", () => {
    const { wb, j, history } = withNovember();
    // (right of a number column, whose format the new column takes: right of a text column, a
    // formula typed there would be text)
    wb.insertColumns(HISTORY, 9);
    wb.setCell(HISTORY, 'I1', 'Mine');
    wb.setCell(HISTORY, 'I2', 'Revenue');
    wb.setCell(HISTORY, 'I3', 'not a marker');
    wb.setCell(HISTORY, 'I4', '=E4*2');
    writePeriod(readHistorySheet(history(), 'en', UTC), j, 'Map', december());
    expect(wb.values(HISTORY, 'H1:J3')).toEqual([
      // (the block's title again after the user's column, which splits it)
      ['Customers who reached the stage', 'Mine', 'Customers who reached the stage'],
      ['Awareness', 'Revenue', 'Purchase'],
      ['customers aaaa1111', 'not a marker', 'customers bbbb2222'],
    ]);
    expect(wb.formula(HISTORY, 'I4')).toBe('=E4*2');
    expect(wb.values(HISTORY, 'H5:J5')).toEqual([[900, '', 99]]);
  });

  it("keeps a user's formula in an inserted column when a review replaces its row", () => {
    const { wb, j, history } = withNovember();
    wb.insertColumns(HISTORY, 9);
    wb.setCell(HISTORY, 'I4', '=E4*2');
    wb.setCell(HISTORY, 'I3', 'my column');
    writePeriod(readHistorySheet(history(), 'en', UTC), j, 'Map', { ...december(), row: 4 });
    expect(wb.formula(HISTORY, 'I4')).toBe('=E4*2');
    expect(wb.value(HISTORY, 'I3')).toBe('my column');
    expect(wb.value(HISTORY, 'H4')).toBe(900);
  });

  it('writes a narrowed history that still has room without adding columns', () => {
    const { wb, j, history } = withNovember();
    wb.deleteColumns(HISTORY, 14, 13);
    writePeriod(readHistorySheet(history(), 'en', UTC), j, 'Map', december());
    expect(history().getMaxColumns()).toBe(13);
    expect(wb.value(HISTORY, 'M5')).toBe(2);
  });

  it('widens a history a user narrowed, for the columns of a new stage', () => {
    const { wb, history } = withNovember();
    wb.deleteColumns(HISTORY, 14, 13);
    expect(history().getMaxColumns()).toBe(13);
    const j = journey('en', [
      ['aaaa1111', 'Awareness'],
      ['bbbb2222', 'Purchase'],
      ['cccc3333', 'Loyalty'],
    ]);
    writePeriod(readHistorySheet(history(), 'en', UTC), j, 'Map', november({ row: 4 }));
    expect(history().getMaxColumns()).toBe(16);
    expect(wb.values(HISTORY, 'N3:P3')).toEqual([
      ['customers cccc3333', 'target cccc3333', 'score cccc3333'],
    ]);
  });

  it("does not spread the dropdown of a user's own last column to a new stage's columns", () => {
    const e = withNovember();
    // the user's own column "Channel" with a strict dropdown, the sheet ending there
    e.wb.setCell(HISTORY, 'N2', 'Channel');
    e.wb.deleteColumns(HISTORY, 15, 12);
    const channels = e.wb.app
      .newDataValidation()
      .requireValueInList(['ads', 'referral'])
      .setAllowInvalid(false)
      .build();
    e.history().getRange('N4:N60').setDataValidation(channels);
    e.wb.setCell(HISTORY, 'N4', 'ads');
    const j = journey('en', [
      ['aaaa1111', 'Awareness'],
      ['bbbb2222', 'Purchase'],
      ['cccc3333', 'Loyalty'],
    ]);
    writePeriod(readHistorySheet(e.history(), 'en', UTC), j, 'Map', december());
    expect(e.wb.values(HISTORY, 'O3:Q3')).toEqual([
      ['customers cccc3333', 'target cccc3333', 'score cccc3333'],
    ]);
    const choices = (a1: string) =>
      e.history().getRange(a1).getDataValidation()?.getCriteriaValues()[0] ?? null;
    // the user's column keeps its dropdown and its choice; the stage's figures are no channel
    expect(choices('N5')).toEqual(['ads', 'referral']);
    expect(e.wb.value(HISTORY, 'N4')).toBe('ads');
    for (const a1 of ['O4', 'P5', 'Q60']) expect(choices(a1), a1).toBeNull();
  });

  it('marks a stage removed from the map, once, in either language', () => {
    for (const [lang, removed] of [
      ['en', 'Purchase (removed)'],
      ['ru', 'Purchase (удалён)'],
    ] as const) {
      const { ss, sheet, wb } = withMap(lang);
      const both = journey(lang);
      const h = startHistorySheet(ss, sheet('Map'), 'Map', both);
      writePeriod(h, both, 'Map', november());
      const name = h.sheet.getName();
      const one = journey(lang, [['aaaa1111', 'Awareness']]);
      const p = december();
      // what the map records now: its one stage
      p.inputs = {
        ...p.inputs,
        customers: { aaaa1111: 900 },
        target: { aaaa1111: 0.6 },
        score: { aaaa1111: 5 },
      };
      writePeriod(readHistorySheet(h.sheet, lang, UTC), one, 'Map', p);
      writePeriod(readHistorySheet(h.sheet, lang, UTC), one, 'Map', { ...p, row: 5 });
      expect(wb.values(name, 'H2:M2')).toEqual([
        ['Awareness', removed, 'Awareness', removed, 'Awareness', removed],
      ]);
      // the period recorded without it leaves its cells blank
      expect(wb.values(name, 'H5:M5')).toEqual([[900, '', 0.6, '', 5, '']]);
    }
  });

  it('names a removed stage by its id when its customers column lost its marker', () => {
    const { wb, history } = withNovember();
    wb.setCell(HISTORY, 'I3', '');
    const one = journey('en', [['aaaa1111', 'Awareness']]);
    writePeriod(readHistorySheet(history(), 'en', UTC), one, 'Map', december());
    expect(wb.values(HISTORY, 'I2:K3')).toEqual([
      ['Purchase', 'Awareness', 'bbbb2222 (removed)'],
      ['', 'target aaaa1111', 'target bbbb2222'],
    ]);
  });

  it('marks a removed stage whose name cell was cleared only once', () => {
    const { wb, history } = withNovember();
    wb.setCell(HISTORY, 'I2', '');
    const one = journey('en', [['aaaa1111', 'Awareness']]);
    writePeriod(readHistorySheet(history(), 'en', UTC), one, 'Map', december());
    writePeriod(readHistorySheet(history(), 'en', UTC), one, 'Map', december(5));
    // (no name to show: only the mark, not doubled)
    expect(String(wb.value(HISTORY, 'I2')).trim()).toBe('(removed)');
  });

  it('writes a figure that is text as text and a blank one as blank', () => {
    const { wb, j, history } = withNovember();
    const p = december();
    p.inputs.customers = { aaaa1111: 'about 900', bbbb2222: null };
    p.inputs.avgCheck = undefined;
    p.inputs.purchases = '1.5';
    writePeriod(readHistorySheet(history(), 'en', UTC), j, 'Map', p);
    expect(wb.values(HISTORY, 'E5:I5')).toEqual([['', '1.5', '', 'about 900', '']]);
  });

  it('keeps a day that is no date as its text', () => {
    const { wb, j, history } = withNovember();
    writePeriod(readHistorySheet(history(), 'en', UTC), j, 'Map', december());
    const p = november({ to: 'end of month', row: 5 });
    writePeriod(readHistorySheet(history(), 'en', UTC), j, 'Map', p);
    expect(wb.value(HISTORY, 'B5')).toBe('end of month');
  });

  it('costs two value writes and no format for a history that has all its columns', () => {
    const { wb, j, history } = withNovember();
    const h = readHistorySheet(history(), 'en', UTC);
    wb.calls.reset();
    writePeriod(h, j, 'Map', december());
    const { byName } = cost(wb);
    expect(byName['Range.setValues']).toBe(2);
    expect(byName['RangeList.setNumberFormat'] ?? 0).toBe(0);
    expect(byName['Sheet.setFrozenRows'] ?? 0).toBe(0);
  });
});

describe('periods pasted with numbers and dates as text', () => {
  /** November's history with row 5 pasted as text a CRM exports: dates, thousands, percents. */
  function pasted() {
    const e = withNovember();
    // typed as en_US Sheets keeps them: text, but for A5, a date already
    const cells: [string, string][] = [
      ['A5', '2026-10-01'],
      ['B5', '31.10.2026'],
      ['D5', '1 800'],
      ['E5', '1 400'],
      ['H5', '1 800'],
      ['J5', '27,5 %'],
      ['L5', 'n/a'],
    ];
    for (const [a1, text] of cells) e.wb.setCell(HISTORY, a1, text);
    return e;
  }

  it('are rewritten as the numbers and dates they were read as, the rest as it was', () => {
    const { wb, j, history } = pasted();
    expect(wb.value(HISTORY, 'H5')).toBe('1 800');
    writePeriod(readHistorySheet(history(), 'en', UTC), j, 'Map', december());
    expect(wb.values(HISTORY, 'A5:L5')).toEqual([
      [day('2026-10-01'), day('2026-10-31'), '', '1 800', 1400, '', '', 1800, '', 0.275, '', 'n/a'],
    ]);
    expect(wb.value(HISTORY, 'D6')).toBe('winter');
  });

  it("leave a user's formula that shows text as their formula", () => {
    const { wb, j, history } = pasted();
    wb.setCell(HISTORY, 'I5', '="1 2"&"00"');
    writePeriod(readHistorySheet(history(), 'en', UTC), j, 'Map', december());
    expect(wb.formula(HISTORY, 'I5')).toBe('="1 2"&"00"');
    expect(wb.value(HISTORY, 'H5')).toBe(1800);
  });

  it('cost one more write, and none when the pasted row is the one replaced', () => {
    const { wb, j, history } = pasted();
    const h = readHistorySheet(history(), 'en', UTC);
    wb.calls.reset();
    writePeriod(h, j, 'Map', december());
    expect(cost(wb).byName['Range.setValues']).toBe(3);
    const again = pasted();
    const h2 = readHistorySheet(again.history(), 'en', UTC);
    again.wb.calls.reset();
    writePeriod(h2, again.j, 'Map', december(5));
    expect(cost(again.wb).byName['Range.setValues']).toBe(2);
    expect(again.wb.value(HISTORY, 'H5')).toBe(900);
  });

  it('spanning several rows are rewritten whole, the period between them too', () => {
    const { wb, j, history } = pasted();
    wb.setCell(HISTORY, 'H7', '2 000');
    wb.setCell(HISTORY, 'A6', '01.09.2026');
    writePeriod(readHistorySheet(history(), 'en', UTC), j, 'Map', december());
    expect(wb.values(HISTORY, 'H5:H8')).toEqual([[1800], [''], [2000], [900]]);
    expect(wb.value(HISTORY, 'A6')).toEqual(day('2026-09-01'));
    expect(wb.values(HISTORY, 'A4:B4')).toEqual([[day('2026-11-01'), day('2026-11-30')]]);
  });
});

describe('a protected history', () => {
  const refusal = {
    en: 'This cannot be done: the range {r} of the sheet "Map · history" is protected, and only its owner and the editors they chose may change it. Ask them for access or to remove the protection (Data → Protect sheets and ranges), then try again. Nothing was changed.',
    ru: 'Не получится: диапазон {r} листа «Map · history» защищён, и менять его могут только владелец защиты и выбранные им редакторы. Попросите у них доступ или снять защиту (Данные → Защитить листы и диапазоны) и повторите. Ничего не изменено.',
  };

  it('refuses a review whose header, row or rewritten pasted rows are protected, writing nothing', () => {
    for (const lang of ['en', 'ru'] as const)
      for (const [range, row] of [
        ['B2', null],
        ['M5', null],
        ['C5', 6],
      ] as const) {
        const { wb, history } = withNovember();
        const sheet = history();
        if (range === 'C5') {
          // a pasted period above the row written: its rewrite is refused
          wb.setCell(HISTORY, 'H5', '1 800');
          wb.setCell(HISTORY, 'A5', '2026-10-01');
        }
        wb.protectAsOther(HISTORY, range, { by: 'colleague@example.com' });
        const h = readHistorySheet(sheet, lang, UTC);
        const j = journey(lang);
        expect(() => writePeriod(h, j, 'Map', december(row))).toThrow(
          refusal[lang].replace('{r}', range),
        );
        expect(wb.values(HISTORY, 'D5:D6')).toEqual([[''], ['']]);
        expect(wb.value(HISTORY, 'H5')).toBe(range === 'C5' ? '1 800' : '');
      }
  });

  it('writes a review beside protected cells it does not touch', () => {
    const { wb, j, history } = withNovember();
    wb.protectAsOther(HISTORY, 'A7:Z9', { by: 'colleague@example.com' });
    wb.protectAsOther(HISTORY, 'N1:Z5', { by: 'colleague@example.com' });
    writePeriod(readHistorySheet(history(), 'en', UTC), j, 'Map', december());
    expect(wb.value(HISTORY, 'D5')).toBe('winter');
  });

  it('refuses to add columns to a narrowed history protected whole but for its cells', () => {
    const { wb, history } = withNovember();
    wb.deleteColumns(HISTORY, 14, 13);
    wb.protectAsOther(HISTORY, null, { by: 'colleague@example.com', unprotected: ['A1:M999'] });
    const j = journey('en', [
      ['aaaa1111', 'Awareness'],
      ['bbbb2222', 'Purchase'],
      ['cccc3333', 'Loyalty'],
    ]);
    const h = readHistorySheet(history(), 'en', UTC);
    expect(() => writePeriod(h, j, 'Map', december())).toThrow(
      'This cannot be done: the sheet "Map · history" is protected',
    );
    expect(history().getMaxColumns()).toBe(13);
  });
});

describe('reading a history', () => {
  it('gives its cells without the blank rows and columns past them, a formula showing nothing counting', () => {
    const { wb, history } = withNovember();
    wb.setCell(HISTORY, 'B6', 'x');
    let h = readHistorySheet(history(), 'en', UTC);
    expect([h.values.length, h.values[0]?.length, h.formulas[5]?.length]).toEqual([6, 13, 13]);
    wb.setCell(HISTORY, 'P2', '=""');
    h = readHistorySheet(history(), 'en', UTC);
    expect([h.values.length, h.values[0]?.length]).toEqual([6, 16]);
    expect(h.formulas[1]?.[15]).toBe('=""');
    wb.setCell(HISTORY, 'Q9', 0);
    h = readHistorySheet(history(), 'en', UTC);
    expect([h.values.length, h.values[8]?.length]).toEqual([9, 17]);
    expect(h.values[8]?.[16]).toBe(0);
    // a line with anything in it is a period, even with no marker above
    expect(h.history.periods.map((p) => p.row)).toEqual([4, 6, 9]);
  });

  it('reads a history of up to 5,000 rows whole in one read of values and one of formulas', () => {
    const { wb, history } = withNovember();
    history().insertRowsAfter(1000, 4000);
    wb.calls.reset();
    const h = readHistorySheet(history(), 'en', UTC);
    expect(cost(wb).roundTrips).toBe(2);
    expect(wb.calls.cellsRead).toBe(2 * 5000 * 26);
    expect(h.values.length).toBe(4);
  });

  it('reads a longer history by its data range', () => {
    const { wb, history } = withNovember();
    history().insertRowsAfter(1000, 4001);
    wb.setCell(HISTORY, 'D5001', 'late');
    wb.calls.reset();
    const h = readHistorySheet(history(), 'en', UTC);
    // its 13 used columns, not the 26 there are
    expect(wb.calls.cellsRead).toBe(2 * 5001 * 13);
    expect(h.values.length).toBe(5001);
    expect(h.history.periods.map((p) => p.note)).toEqual(['after the promo', 'late']);
  });

  it('from its values alone, in one read', () => {
    const { wb, history } = withNovember();
    wb.calls.reset();
    const h = readHistoryValues(history(), 'en', UTC);
    expect(cost(wb).roundTrips).toBe(1);
    expect(h.periods).toEqual([
      {
        row: 4,
        from: '2026-11-01',
        to: '2026-11-30',
        recorded: '2026-12-01',
        note: 'after the promo',
        status: '',
        avgCheck: 1500,
        purchases: 1.2,
        customers: { aaaa1111: 1000, bbbb2222: 120 },
        target: { aaaa1111: 0.5, bbbb2222: 0.1 },
        score: { aaaa1111: 4, bbbb2222: 3 },
      },
    ]);
    expect(h.names).toEqual(
      new Map([
        ['aaaa1111', 'Awareness'],
        ['bbbb2222', 'Purchase'],
      ]),
    );
  });
});

describe('the last periods of a history', () => {
  /** Five monthly periods written out of order (rows 4–8), note = the month. */
  function fiveMonths() {
    const e = withNovember();
    const months: [number, string, string][] = [
      [4, '2026-05-01', '2026-05-31'],
      [5, '2026-09-01', '2026-09-30'],
      [6, '2026-06-01', '2026-06-30'],
      [7, '2026-07-01', '2026-07-31'],
      [8, '2026-08-01', '2026-08-31'],
    ];
    for (const [row, from, to] of months) {
      writePeriod(readHistorySheet(e.history(), 'en', UTC), e.j, 'Map', {
        ...november({ from, to, recorded: to, note: to.slice(0, 7) }),
        row,
      });
    }
    return e;
  }

  it('are the latest by their day, wherever their rows are, read a run of rows at a time', () => {
    const { wb, history } = fiveMonths();
    wb.calls.reset();
    const h = readHistoryTail(history(), 'en', UTC, 3);
    expect(h?.periods.map((p) => [p.row, p.note])).toEqual([
      [5, '2026-09'],
      [7, '2026-07'],
      [8, '2026-08'],
    ]);
    expect(h?.periods[0]?.customers).toEqual({ aaaa1111: 1000, bbbb2222: 120 });
    expect(h?.columns.get('score bbbb2222')).toBe(13);
    // the header rows, the date columns, rows 5 and 7–8
    expect(wb.calls.cellsRead).toBe(3 * 26 + 5 * 3 + 3 * 26);
    expect(cost(wb).byName['Range.getValues']).toBe(4);
  });

  it('read neighbouring rows in one read, whatever order their days are in', () => {
    const { wb, history } = fiveMonths();
    wb.calls.reset();
    // June to September: rows 6, 7, 8 and 5, one block 5–8
    const h = readHistoryTail(history(), 'en', UTC, 4);
    expect(h?.periods.map((p) => p.row)).toEqual([5, 6, 7, 8]);
    expect(cost(wb).byName['Range.getValues']).toBe(3);
  });

  it('are the one period of a history that has one', () => {
    const { history } = withNovember();
    const h = readHistoryTail(history(), 'en', UTC, 3);
    expect(h?.periods.map((p) => [p.row, p.to, p.avgCheck])).toEqual([[4, '2026-11-30', 1500]]);
  });

  it('are every period when fewer are asked', () => {
    const { history } = fiveMonths();
    const h = readHistoryTail(history(), 'en', UTC, 10);
    expect(h?.periods.map((p) => p.row)).toEqual([4, 5, 6, 7, 8]);
  });

  it('are none on a history with no period yet, and no history without markers', () => {
    const { wb, sheet, ss } = withMap();
    expect(readHistoryTail(sheet('Map'), 'en', UTC, 3)).toBeNull();
    wb.setCell('Map', 'A1', 'CJM history K7P2QX');
    expect(readHistoryTail(sheet('Map'), 'en', UTC, 3)).toBeNull();
    wb.setCell('Map', 'C3', 'to');
    const h = readHistoryTail(sheet('Map'), 'en', UTC, 3);
    expect(h?.periods).toEqual([]);
    expect(h?.columns.get('to')).toBe(3);
    expect(ss.getSheets().length).toBe(2);
  });

  it('find the date columns wherever they were moved', () => {
    const { wb, sheet } = withMap();
    wb.setCell('Map', 'C3', 'note');
    wb.setCell('Map', 'E3', 'to');
    wb.setCell('Map', 'F3', 'P');
    for (const [row, to, note] of [
      [4, '2026-03-31', 'March'],
      [5, '2026-01-31', 'January'],
      [6, '2026-02-28', 'February'],
    ] as const) {
      wb.setCell('Map', `E${row}`, to);
      wb.setCell('Map', `C${row}`, note);
      wb.setCell('Map', `F${row}`, row * 100);
    }
    const h = readHistoryTail(sheet('Map'), 'en', UTC, 2);
    expect(h?.periods.map((p) => [p.row, p.note, p.to, p.avgCheck])).toEqual([
      [4, 'March', '2026-03-31', 400],
      [6, 'February', '2026-02-28', 600],
    ]);
  });
});

describe("following the map's name", () => {
  it('renames the history "<new name> · history", the next free name if taken', () => {
    const { ss, history } = withNovember();
    renameHistory(ss, 'K7P2QX', 'en', 'Shop');
    expect(history === undefined).toBe(false);
    expect(findHistorySheet(ss, 'K7P2QX')?.getName()).toBe('Shop · history');
    ss.insertSheet('Store · история');
    renameHistory(ss, 'K7P2QX', 'ru', 'Store');
    expect(findHistorySheet(ss, 'K7P2QX')?.getName()).toBe('Store · история (2)');
  });

  it('changes the history sheet itself, and nothing for a map without one', () => {
    const { ss, sheet } = withNovember();
    expect(historyRenameChanges(ss, 'K7P2QX')).toEqual([
      { sheet: sheet(HISTORY), sheetItself: true },
    ]);
    expect(historyRenameChanges(ss, 'ZZ99ZZ')).toEqual([]);
    renameHistory(ss, 'ZZ99ZZ', 'en', 'Shop');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Map', HISTORY]);
  });

  it('finds no history once its sheet is deleted', () => {
    const { ss, wb } = withNovember();
    wb.deleteSheet(HISTORY);
    expect(findHistorySheet(ss, 'K7P2QX')).toBeNull();
    expect(historyRenameChanges(ss, 'K7P2QX')).toEqual([]);
  });
});
