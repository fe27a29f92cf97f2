import { describe, expect, it } from 'vitest';
import { ROW } from '../../src/core/map/layout';
import { BLOCK_ROW } from '../../src/core/review/block';
import { openSpreadsheet, type Session } from '../support/addon';
import { reviewedTwice } from '../support/review';
import { historySheetName } from '../../src/core/review/history';

function economics(
  s: ReturnType<typeof openSpreadsheet>,
  sheet: string,
  counts: number[],
  check: number,
  purchases: number,
) {
  counts.forEach((n, i) => {
    s.wb.setCell(sheet, `${'CDEFGH'[i]}${ROW.customers}`, n);
  });
  s.wb.setCell(sheet, `B${ROW.avgCheck}`, check);
  s.wb.setCell(sheet, `B${ROW.purchases}`, purchases);
}

describe('the portfolio of maps', () => {
  it('lists every map ranked by potential revenue, with live values from their named cells', () => {
    const s = openSpreadsheet('en_US');
    const small = s.newMap({ segment: 'Students', product: 'Day pass' });
    const big = s.newMap({ segment: 'Office workers', product: 'Annual membership' });
    economics(s, small, [1000, 400, 100, 90, 60, 40], 10, 1);
    economics(s, big, [2000, 800, 120, 110, 70, 45], 450, 1.3);
    s.run('showPortfolio');
    expect(s.wb.value('Portfolio', 'B4')).toBe('Office workers — Annual membership');
    expect(s.wb.value('Portfolio', 'I4')).toBeCloseTo(70_200, 6);
    expect(s.wb.value('Portfolio', 'A4')).toBe(1);
    expect(s.wb.value('Portfolio', 'B5')).toBe('Students — Day pass');
    expect(s.wb.value('Portfolio', 'I5')).toBeCloseTo(1000, 6);
    // live: raising the small map's check re-ranks without a rebuild
    s.wb.setCell(small, `B${ROW.avgCheck}`, 1000);
    expect(s.wb.value('Portfolio', 'I5')).toBeCloseTo(100_000, 6);
    expect(s.wb.value('Portfolio', 'A5')).toBe(1);
  });

  it('keeps the columns the user added when rebuilt, each with its map', () => {
    const s = openSpreadsheet('en_US');
    const a = s.newMap({ segment: 'A', product: 'a' });
    const b = s.newMap({ segment: 'B', product: 'b' });
    economics(s, a, [100, 50, 10, 10, 5, 5], 10, 1);
    economics(s, b, [100, 50, 20, 10, 5, 5], 10, 1);
    s.run('showPortfolio');
    expect(s.wb.value('Portfolio', 'B4')).toBe('B — b');
    s.wb.setCell('Portfolio', 'Q3', 'Priority');
    s.wb.setCell('Portfolio', 'R1', 'Reviewed by the board on Monday');
    s.wb.setCell('Portfolio', 'Q4', 'work on B first');
    s.wb.setCell('Portfolio', 'Q5', 'later');
    s.wb.setCell(a, `B${ROW.avgCheck}`, 1000);
    s.run('showPortfolio');
    expect(s.wb.value('Portfolio', 'B4')).toBe('A — a');
    expect(s.wb.value('Portfolio', 'Q3')).toBe('Priority');
    expect(s.wb.value('Portfolio', 'R1')).toBe('Reviewed by the board on Monday');
    expect(s.wb.value('Portfolio', 'Q4')).toBe('later');
    expect(s.wb.value('Portfolio', 'Q5')).toBe('work on B first');
  });

  it('finds its own columns after the user inserts columns before them: no map taken for deleted, their notes kept', () => {
    const s = openSpreadsheet('ru_RU');
    const a = s.newMap({ segment: 'A', product: 'a' });
    economics(s, a, [100, 50, 10, 10, 5, 5], 10, 1);
    s.run('showPortfolio');
    s.wb.setCell('Портфель', 'Q4', 'обсудить в пятницу');
    s.wb.spreadsheet.getSheetByName('Портфель')?.insertColumnsBefore(1, 2);
    // our 16 columns now stand in C:R, the map id under its header in R, the user's note in S4
    expect(s.wb.value('Портфель', 'R3')).toBe('Код карты');
    s.wb.ui.toasts.length = 0;
    s.run('showPortfolio');
    expect(s.wb.ui.toasts.map((t) => t.message).join(' ')).not.toMatch(/Пропущен|GMT/);
    expect(s.wb.value('Портфель', 'B4')).toBe('A — a');
    expect(s.wb.value('Портфель', 'B5')).not.toBe('A — a');
    expect(s.wb.value('Портфель', 'Q4')).toBe('обсудить в пятницу');
  });

  it('follows a renamed map sheet', () => {
    const s = openSpreadsheet('en_US');
    const sheet = s.newMap({ segment: 'A', product: 'a' });
    s.run('showPortfolio');
    s.select(sheet, 'A1');
    s.run('renameMap');
    s.answerDialog({ name: 'Renamed pair' });
    expect(s.wb.value('Portfolio', 'B4')).toBe('Renamed pair');
  });

  it('is recognised by its marker, not by its name: a renamed portfolio is rebuilt in place', () => {
    const s = openSpreadsheet('en_US');
    const a = s.newMap({ segment: 'A', product: 'a' });
    s.run('showPortfolio');
    sheet(s, 'Portfolio').setName('Board');
    s.wb.setCell('Board', 'Q4', 'my note on A');
    const b = s.newMap({ segment: 'B', product: 'b' });
    economics(s, a, [100, 50, 10, 10, 5, 5], 10, 1);
    economics(s, b, [100, 50, 20, 10, 5, 5], 10, 1);
    // a sheet the user then calls "Portfolio" is theirs
    s.wb.spreadsheet.insertSheet('Portfolio');
    s.wb.setCell('Portfolio', 'A1', 'my own portfolio of stocks');
    const before = s.wb.sheetNames().length;
    s.run('showPortfolio');
    expect(s.wb.sheetNames()).toHaveLength(before);
    expect(s.wb.value('Board', 'B4')).toBe('B — b');
    expect(s.wb.value('Board', 'B5')).toBe('A — a');
    expect(s.wb.value('Board', 'Q5')).toBe('my note on A');
    expect(s.wb.value('Portfolio', 'A1')).toBe('my own portfolio of stocks');
    expect(s.wb.value('Portfolio', 'B4')).toBe('');
  });

  it.each([
    ['en_US', 'Portfolio', 'Portfolio (2)'],
    ['ru_RU', 'Портфель', 'Портфель (2)'],
  ])('never takes over a user sheet called like the portfolio (%s)', (locale, name, next) => {
    const s = openSpreadsheet(locale);
    s.newMap({ segment: 'A', product: 'a' });
    s.wb.spreadsheet.insertSheet(name);
    s.wb.setCell(name, 'A1', 'Stocks');
    s.wb.setCell(name, 'A3', 'Ticker');
    s.wb.setCell(name, 'B4', 'GOOG');
    s.wb.setCell(name, 'J9', '=1+1');
    const user = content(s, name);
    s.run('showPortfolio');
    s.run('showPortfolio');
    expect(content(s, name)).toEqual(user);
    expect(s.wb.value(next, 'B4')).toBe('A — a');
    expect(s.wb.sheetNames().filter((n) => n.startsWith(name))).toEqual([next, name]);
  });

  it('never takes over a map called "Portfolio"', () => {
    const s = openSpreadsheet('en_US');
    const map = s.newMap({ name: 'Portfolio', segment: 'A', product: 'a' });
    expect(map).toBe('Portfolio');
    const before = content(s, map);
    s.run('showPortfolio');
    expect(content(s, map)).toEqual(before);
    expect(s.wb.value('Portfolio (2)', 'B4')).toBe('Portfolio');
  });

  it('adopts a portfolio an older version wrote (found by name, with our exact header row), keeping the user columns', () => {
    const s = openSpreadsheet('en_US');
    const a = s.newMap({ segment: 'A', product: 'a' });
    s.run('showPortfolio');
    // what the previous version left: the same sheet, without the marker
    s.wb.spreadsheet.removeNamedRange('CJM_PORTFOLIO');
    s.wb.setCell('Portfolio', 'Q4', 'note on A');
    s.newMap({ segment: 'B', product: 'b' });
    s.wb.setCell(a, `B${ROW.avgCheck}`, 1000);
    s.run('showPortfolio');
    expect(s.wb.sheetNames()).not.toContain('Portfolio (2)');
    expect(s.wb.value('Portfolio', 'B4')).toBe('A — a');
    expect(s.wb.value('Portfolio', 'Q4')).toBe('note on A');
    expect(s.wb.value('Portfolio', 'B5')).toBe('B — b');
    // adopted once: from now on it is found by the marker, under any name
    sheet(s, 'Portfolio').setName('Renamed');
    s.run('showPortfolio');
    expect(s.wb.sheetNames().filter((n) => n.includes('Portfolio'))).toEqual([]);
    expect(s.wb.value('Renamed', 'Q4')).toBe('note on A');
  });

  it('does not adopt a sheet whose header row differs from ours in a single cell', () => {
    const s = openSpreadsheet('en_US');
    s.newMap({ segment: 'A', product: 'a' });
    s.run('showPortfolio');
    s.wb.spreadsheet.removeNamedRange('CJM_PORTFOLIO');
    s.wb.setCell('Portfolio', 'J3', 'Ticker');
    s.wb.setCell('Portfolio', 'J4', 'GOOG');
    s.run('showPortfolio');
    expect(s.wb.value('Portfolio', 'J4')).toBe('GOOG');
    expect(s.wb.value('Portfolio (2)', 'B4')).toBe('A — a');
  });

  it('starts a new portfolio when the marked one was deleted', () => {
    const s = openSpreadsheet('en_US');
    s.newMap({ segment: 'A', product: 'a' });
    s.run('showPortfolio');
    s.wb.spreadsheet.deleteSheet(sheet(s, 'Portfolio'));
    s.run('showPortfolio');
    expect(s.wb.value('Portfolio', 'B4')).toBe('A — a');
    sheet(s, 'Portfolio').setName('Board');
    s.run('showPortfolio');
    expect(s.wb.sheetNames()).not.toContain('Portfolio');
  });

  it.each([
    ['en_US', 'deleted', '1 map was left out', 'Its row stays', 'delete a row'],
    ['ru_RU', 'лист удалён', 'Пропущена 1 карта', 'Её строка остаётся', 'удалите строку'],
  ])(
    'skips a map whose sheet was deleted, lists the others and says so (%s)',
    (locale, why, count, row, rowHint) => {
      const s = openSpreadsheet(locale);
      const portfolio = locale === 'ru_RU' ? 'Портфель' : 'Portfolio';
      const a = s.newMap({ segment: 'A', product: 'a' });
      const b = s.newMap({ segment: 'B', product: 'b' });
      const c = s.newMap({ segment: 'C', product: 'c' });
      economics(s, a, [100, 50, 30, 10, 5, 5], 10, 1);
      economics(s, b, [100, 50, 20, 10, 5, 5], 10, 1);
      economics(s, c, [100, 50, 10, 10, 5, 5], 10, 1);
      const idA = mapId(s, a);
      s.run('showPortfolio');
      expect(s.wb.value(portfolio, 'B4')).toBe('A — a');
      s.wb.setCell(portfolio, 'Q4', 'note on A');
      s.wb.spreadsheet.deleteSheet(sheet(s, a));
      s.wb.ui.toasts.length = 0;
      s.run('showPortfolio');
      expect(s.wb.value(portfolio, 'B4')).toBe('B — b');
      expect(s.wb.value(portfolio, 'B5')).toBe('C — c');
      expect(s.wb.value(portfolio, 'I4')).toBeGreaterThan(0);
      expect(String(s.wb.value(portfolio, 'B6'))).toContain(idA);
      expect(s.wb.value(portfolio, 'Q6')).toBe('note on A');
      expect(s.wb.ui.toasts).toHaveLength(1);
      const notice = s.wb.ui.toasts[0]?.message ?? '';
      expect(notice).toContain(why);
      // the count agrees with its words (Intl.PluralRules): one map, one row
      expect(notice).toContain(count);
      expect(notice).toContain(row);
      expect(notice).toContain(idA);
      expect(notice).toContain(rowHint);
      expect(notice).not.toMatch(locale === 'ru_RU' ? /[a-z]{4}/ : /[а-я]/);
    },
  );

  it('builds a first portfolio when a map sheet was deleted before, without a raw error', () => {
    const s = openSpreadsheet('en_US');
    const a = s.newMap({ segment: 'A', product: 'a' });
    s.newMap({ segment: 'B', product: 'b' });
    s.wb.spreadsheet.deleteSheet(sheet(s, a));
    s.run('showPortfolio');
    expect(s.wb.value('Portfolio', 'B4')).toBe('B — b');
    expect(s.wb.value('Portfolio', 'B5')).toBe('');
    expect(s.wb.ui.surfaces).toEqual([]);
  });

  it('skips a map whose named cells point at another map, and says so', () => {
    const s = openSpreadsheet('en_US');
    const a = s.newMap({ segment: 'A', product: 'a' });
    const b = s.newMap({ segment: 'B', product: 'b' });
    const idA = mapId(s, a);
    s.wb.pointName(`CJM_${idA}_REVENUE`, b, `B${ROW.revenue}`);
    s.run('showPortfolio');
    expect(s.wb.value('Portfolio', 'B4')).toBe('B — b');
    expect(s.wb.value('Portfolio', 'B5')).toBe('');
    const notice = s.wb.ui.toasts.at(-1)?.message ?? '';
    // named by the sheet its named cells are on, which the user can look at
    expect(notice).toContain(`its sheet no longer holds it ("${b}")`);
    expect(notice).toContain(`A${ROW.footer}`);
  });

  it('lives with a copy of a map whose original was deleted', () => {
    const s = openSpreadsheet('en_US');
    const a = s.newMap({ segment: 'A', product: 'a' });
    s.newMap({ segment: 'B', product: 'b' });
    s.run('showPortfolio');
    const copy = copySheet(s, a, `Copy of ${a}`);
    expect(mapId(s, copy)).toBe(mapId(s, a));
    s.wb.spreadsheet.deleteSheet(sheet(s, a));
    s.run('showPortfolio');
    expect(s.wb.value('Portfolio', 'B4')).toBe('B — b');
    expect(String(s.wb.value('Portfolio', 'B5'))).toContain(mapId(s, copy));
    expect(s.wb.ui.toasts.at(-1)?.message).toContain(
      '1 map was left out because its sheet was deleted',
    );
    expect(s.wb.ui.surfaces).toEqual([]);
  });

  it('is built in at most five round trips for 30 maps, first and rebuilt: one read of its own cells, none of a map', () => {
    const s = openSpreadsheet('en_US');
    for (let i = 0; i < 30; i++) s.newMap({ segment: `S${i}`, product: 'p' });
    const build = () => {
      s.wb.calls.reset();
      s.run('showPortfolio');
      return s.wb.calls.snapshot();
    };
    const first = build();
    const again = build();
    // new: the sheet inserted, the survey flushed and read back, the grid flushed
    expect(first.roundTrips).toBeLessThanOrEqual(5);
    // rebuilt: the protection check, the survey flushed, the portfolio's values and formulas read,
    // the grid flushed
    expect(again.roundTrips).toBeLessThanOrEqual(5);
    expect(again.byName['Range.getValues']).toBe(1);
    expect(again.byName['Range.getFormulas']).toBe(1);
    expect(again.byName['Sheet.getDataRange'] ?? 0).toBe(0);
    // every map listed once, by its segment, then the totals
    expect(new Set(s.wb.values('Portfolio', 'C4:C33').flat())).toEqual(
      new Set(Array.from({ length: 30 }, (_, i) => `S${i}`)),
    );
    expect(s.wb.value('Portfolio', 'A34')).toBe('Total');
  });

  it('asks the map sheets for nothing but metadata: a few calls a map, none of them a read', () => {
    const calls = (maps: number) => {
      const s = openSpreadsheet('en_US');
      for (let i = 0; i < maps; i++) s.newMap({ segment: `S${i}`, product: 'p' });
      s.run('showPortfolio');
      s.wb.calls.reset();
      s.run('showPortfolio');
      return s.wb.calls.snapshot();
    };
    const two = calls(2);
    const six = calls(6);
    const perMap = (name: string) => ((six.byName[name] ?? 0) - (two.byName[name] ?? 0)) / 4;
    expect(six.roundTrips).toBe(two.roundTrips);
    expect(perMap('Range.getValues')).toBe(0);
    expect(perMap('Range.getFormulas')).toBe(0);
    // names, the sheet, and its id for the link to the map
    expect((six.total - two.total) / 4).toBeLessThanOrEqual(11);
  });

  it('leaves no survey cell behind when maps named in the workbook are left out without a row', () => {
    const s = openSpreadsheet('en_US');
    const a = s.newMap({ segment: 'A', product: 'a' });
    const b = s.newMap({ segment: 'B', product: 'b' });
    const c = s.newMap({ segment: 'C', product: 'c' });
    // both A's and B's revenue names point at C's sheet: C's marker names neither
    for (const other of [a, b])
      s.wb.pointName(`CJM_${mapId(s, other)}_REVENUE`, c, `B${ROW.revenue}`);
    s.run('showPortfolio');
    expect(s.wb.value('Portfolio', 'B4')).toBe('C — c');
    expect(s.wb.value('Portfolio', 'A5')).toBe('Total');
    expect(s.wb.values('Portfolio', 'B6:D7')).toEqual([
      ['', '', ''],
      ['', '', ''],
    ]);
    expect(
      s.wb.snapshot('Portfolio').cells.filter((c) => /^[A-P][67]$/.test(c.a1) && c.formula),
    ).toEqual([]);
    expect(s.wb.ui.toasts.at(-1)?.message).toContain('2 maps were left out');
  });
});

/** A day `offset` days from today, ISO: today is the UTC day, as the emulator's clock and TODAY() see it. */
const dayAt = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const iso = (v: unknown) =>
  v instanceof Date ? v.toISOString().slice(0, 10) : `not a date: ${String(v)}`;

describe("the portfolio's review columns", () => {
  it.each([
    [
      'en_US',
      ['Overdue', 'Today', 'Later', 'Never'],
      ['⚠ overdue', '⚠ due today'],
      'Due for a review: "Overdue", "Today". On the map, choose Extensions → CJM → Record a review.',
    ],
    [
      'ru_RU',
      ['Просрочен', 'Сегодня', 'Позже', 'Никогда'],
      ['⚠ просрочен', '⚠ сегодня'],
      'Пора провести обзор: «Просрочен», «Сегодня». На карте выберите Расширения → CJM → Провести обзор.',
    ],
  ])(
    "show each map's last and next review, ⚠ a review due today or overdue, live, and say which are due (%s)",
    (locale, names, [overdue, dueToday], notice) => {
      const s = openSpreadsheet(locale);
      const lang = locale === 'ru_RU' ? 'ru' : 'en';
      // reviewed 33, 30 and 20 days ago, next review 3 days ago, today, in 10 days; one never
      const dates: [string, string][] = [
        [dayAt(-33), dayAt(-3)],
        [dayAt(-30), dayAt(0)],
        [dayAt(-20), dayAt(10)],
      ];
      const sheets = names.map((name, i) => {
        const map = s.newMap({ name });
        // revenue 100 × check: 40 000, 30 000, 20 000, 10 000 (the rows' order)
        economics(s, map, [1000, 400, 100, 90, 60, 40], 400 - 100 * i, 1);
        const [reviewed, next] = dates[i] ?? ['', ''];
        s.wb.setCell(map, `B${ROW.reviewed}`, reviewed);
        s.wb.setCell(map, `B${ROW.nextReview}`, next);
        return map;
      });
      s.run('showPortfolio');
      const p = lang === 'ru' ? 'Портфель' : 'Portfolio';
      expect(s.wb.values(p, 'C4:C7').flat()).toEqual(
        names.map((_, i) => s.wb.value(sheets[i] ?? '', 'B2')),
      );
      expect([4, 5, 6].map((r) => iso(s.wb.value(p, `M${r}`)))).toEqual(dates.map((d) => d[0]));
      expect([4, 5, 6].map((r) => iso(s.wb.value(p, `N${r}`)))).toEqual(dates.map((d) => d[1]));
      expect(s.wb.values(p, 'M7:O7')).toEqual([['', '', '']]);
      expect(s.wb.values(p, 'O4:O7').flat()).toEqual([overdue, dueToday, '', '']);
      // dates as the language writes them, like the map's own
      const [y, m, d] = dayAt(10).split('-');
      expect(s.wb.display(p, 'N6')).toBe(lang === 'ru' ? `${d}.${m}.${y}` : `${y}-${m}-${d}`);
      // no review block under any map: no change, no progress
      expect(
        s.wb
          .values(p, 'K4:L7')
          .flat()
          .every((v) => v === ''),
      ).toBe(true);
      expect(s.wb.ui.toasts.at(-1)?.message).toBe(notice);
      // live: a next review moved to yesterday is flagged without a rebuild
      s.wb.setCell(sheets[2] ?? '', `B${ROW.nextReview}`, dayAt(-1));
      expect(s.wb.value(p, 'O6')).toBe(overdue);
    },
  );

  it.each([
    ['ru_RU', 'Кофе', 'Заметки'],
    ['en_US', 'Coffee', 'Notes'],
  ])(
    "show the revenue's change since the last review and progress to the goal from the review block, and nothing from notes under a map without one (%s)",
    (locale, name, notesName) => {
      const s = openSpreadsheet(locale);
      const p = locale === 'ru_RU' ? 'Портфель' : 'Portfolio';
      // +30 000 since the last review, 75 % of its goal (test/support/review.ts)
      const coffee = reviewedTwice(s, name);
      // a map made before reviews, with the user's own notes where a block's figures would be
      const notes = s.newMap({ name: notesName });
      economics(s, notes, [1000, 400, 100, 90, 60, 40], 10, 1);
      s.wb.setCell(notes, `B${BLOCK_ROW.reviewSection}`, 'my notes');
      s.wb.setCell(notes, `B${BLOCK_ROW.goalProgress}`, 0.5);
      s.wb.setCell(notes, `B${BLOCK_ROW.trendChange}`, 12_345);
      const toasts = s.wb.ui.toasts.length;
      s.run('showPortfolio');
      expect(s.wb.value(p, 'B4')).toBe(s.wb.value(coffee, 'B1'));
      // 300 000 − 270 000; 300 000 of 400 000
      expect(s.wb.value(p, 'K4')).toBeCloseTo(30_000, 6);
      expect(s.wb.value(p, 'L4')).toBeCloseTo(0.75, 9);
      expect(iso(s.wb.value(p, 'M4'))).toBe(dayAt(0));
      expect(iso(s.wb.value(p, 'N4'))).toBe(iso(s.wb.value(coffee, `B${ROW.nextReview}`)));
      expect(iso(s.wb.value(p, 'N4')) > dayAt(0)).toBe(true);
      expect(s.wb.value(p, 'O4')).toBe('');
      expect(s.wb.values(p, 'K5:O5')).toEqual([['', '', '', '', '']]);
      // the totals add the changes up
      expect(s.wb.value(p, 'K6')).toBeCloseTo(30_000, 6);
      // nothing is due: no notice
      expect(s.wb.ui.toasts).toHaveLength(toasts);
      // live: a higher goal lowers the progress without a rebuild
      s.wb.setCell(coffee, `B${BLOCK_ROW.revenueGoal}`, 600_000);
      expect(s.wb.value(p, 'L4')).toBeCloseTo(0.5, 9);
    },
  );
});

const sheet = (s: Session, name: string) => {
  const found = s.wb.spreadsheet.getSheetByName(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
};

/** Everything on a sheet but where its tab is and whether it is the active one. */
const content = (s: Session, name: string) => {
  const { index: _index, active: _active, ...rest } = s.wb.snapshot(name);
  return rest;
};

const mapId = (s: Session, name: string) =>
  String(s.wb.value(name, `A${ROW.footer}`)).split(' ')[2] ?? '';

/**
 * What Duplicate does to a map: the same cells on a new sheet; the workbook's named ranges stay on
 * the original.
 */
function copySheet(s: Session, from: string, to: string): string {
  const range = sheet(s, from).getDataRange();
  const values = range.getValues();
  const formulas = range.getFormulas();
  const copy = s.wb.spreadsheet.insertSheet(to);
  copy
    .getRange(1, 1, values.length, values[0]?.length ?? 1)
    .setValues(
      values.map((row, r) =>
        row.map((v, c) => formulas[r]?.[c] || (typeof v === 'string' && v !== '' ? `'${v}` : v)),
      ),
    );
  return to;
}

describe('the portfolio at the edge of what it promises', () => {
  it.each([
    ['en_US', 'Portfolio'],
    ['ru_RU', 'Портфель'],
    // money with a wider currency and its decimals: "-999 899 990,00 Kč"
    ['cs_CZ', 'Portfolio'],
  ])(
    'stays readable in %s with the widest figures it is made for: 99,999,999 leads, all of them converting, a factor of 99.99, a check, revenue and its fall near a billion, ten times a goal, review dates, overdue and a missing map',
    (locale, p) => {
      const s = openSpreadsheet(locale);
      const every = (n: number) => Array.from({ length: 6 }, () => n);
      // revenue 99,999,999 × 100 % × 0.1 × 99.99 = 999,899,990
      const rich = s.newMap({ name: 'Rich' });
      economics(s, rich, every(99_999_999), 0.1, 99.99);
      // one lead buying once at a check of 999,999,999
      const dear = s.newMap({ name: 'Dear' });
      economics(s, dear, every(1), 999_999_999, 1);
      const fallen = s.newMap({ name: 'Fallen' });
      economics(s, fallen, every(99_999_999), 0.1, 99.99);
      for (const map of [rich, fallen]) {
        s.select(map, `C${ROW.header}`);
        s.wb.ui.answer({ button: 'OK', text: '' });
        s.run('recordReview');
      }
      // 999,899,990 of a goal of 100,000,000: 999.9 %; the other's first review made October's,
      // then its check falls to nothing and this period's review shows the fall
      s.wb.setCell(rich, `B${BLOCK_ROW.revenueGoal}`, 100_000_000);
      const history = historySheetName(fallen, locale === 'ru_RU' ? 'ru' : 'en');
      s.wb.setCell(history, 'A4', "'2026-10-01");
      s.wb.setCell(history, 'B4', "'2026-10-31");
      s.wb.setCell(fallen, `B${ROW.avgCheck}`, 0);
      s.select(fallen, `C${ROW.header}`);
      s.wb.ui.answer({ button: 'OK', text: '' });
      s.run('recordReview');
      s.wb.setCell(fallen, `B${ROW.nextReview}`, dayAt(-3));
      // a map listed once, then deleted: its row says so in words
      const gone = s.newMap({ name: 'Gone' });
      s.run('showPortfolio');
      s.wb.spreadsheet.deleteSheet(s.wb.spreadsheet.getSheetByName(gone)!);
      s.run('showPortfolio');

      expect(s.wb.values(p, 'B4:B6').flat()).toEqual(['Dear', 'Rich', 'Fallen']);
      expect(s.wb.value(p, 'G4')).toBe(999_999_999);
      expect(s.wb.value(p, 'E5')).toBe(99_999_999);
      expect(s.wb.value(p, 'I5')).toBeCloseTo(999_899_990, 2);
      expect(s.wb.value(p, 'L5')).toBeCloseTo(9.9989999, 6);
      expect(s.wb.value(p, 'K6')).toBeCloseTo(-999_899_990, 2);
      expect(s.wb.value(p, 'O6')).toBe(locale === 'ru_RU' ? '⚠ просрочен' : '⚠ overdue');
      expect(String(s.wb.value(p, 'B7'))).toContain(String(s.wb.value(p, 'P7')));
      expect(s.wb.unreadable(p)).toEqual([]);
    },
  );
});
