import { describe, expect, it } from 'vitest';
import { ROW } from '../../src/core/map/layout';
import { openSpreadsheet, type Session } from '../support/addon';

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
    s.wb.setCell('Portfolio', 'L3', 'Priority');
    s.wb.setCell('Portfolio', 'M1', 'Reviewed by the board on Monday');
    s.wb.setCell('Portfolio', 'L4', 'work on B first');
    s.wb.setCell('Portfolio', 'L5', 'later');
    s.wb.setCell(a, `B${ROW.avgCheck}`, 1000);
    s.run('showPortfolio');
    expect(s.wb.value('Portfolio', 'B4')).toBe('A — a');
    expect(s.wb.value('Portfolio', 'L3')).toBe('Priority');
    expect(s.wb.value('Portfolio', 'M1')).toBe('Reviewed by the board on Monday');
    expect(s.wb.value('Portfolio', 'L4')).toBe('later');
    expect(s.wb.value('Portfolio', 'L5')).toBe('work on B first');
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
    s.wb.setCell('Board', 'L4', 'my note on A');
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
    expect(s.wb.value('Board', 'L5')).toBe('my note on A');
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
    s.wb.setCell('Portfolio', 'L4', 'note on A');
    s.newMap({ segment: 'B', product: 'b' });
    s.wb.setCell(a, `B${ROW.avgCheck}`, 1000);
    s.run('showPortfolio');
    expect(s.wb.sheetNames()).not.toContain('Portfolio (2)');
    expect(s.wb.value('Portfolio', 'B4')).toBe('A — a');
    expect(s.wb.value('Portfolio', 'L4')).toBe('note on A');
    expect(s.wb.value('Portfolio', 'B5')).toBe('B — b');
    // adopted once: from now on it is found by the marker, under any name
    sheet(s, 'Portfolio').setName('Renamed');
    s.run('showPortfolio');
    expect(s.wb.sheetNames().filter((n) => n.includes('Portfolio'))).toEqual([]);
    expect(s.wb.value('Renamed', 'L4')).toBe('note on A');
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
      s.wb.setCell(portfolio, 'L4', 'note on A');
      s.wb.spreadsheet.deleteSheet(sheet(s, a));
      s.wb.ui.toasts.length = 0;
      s.run('showPortfolio');
      expect(s.wb.value(portfolio, 'B4')).toBe('B — b');
      expect(s.wb.value(portfolio, 'B5')).toBe('C — c');
      expect(s.wb.value(portfolio, 'I4')).toBeGreaterThan(0);
      expect(String(s.wb.value(portfolio, 'B6'))).toContain(idA);
      expect(s.wb.value(portfolio, 'L6')).toBe('note on A');
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
    s.wb.spreadsheet.setNamedRange(`CJM_${idA}_REVENUE`, sheet(s, b).getRange(`B${ROW.revenue}`));
    s.run('showPortfolio');
    expect(s.wb.value('Portfolio', 'B4')).toBe('B — b');
    expect(s.wb.value('Portfolio', 'B5')).toBe('');
    const notice = s.wb.ui.toasts.at(-1)?.message ?? '';
    expect(notice).toContain('no longer holds');
    expect(notice).toContain(idA);
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

  it('reads a few cells per map, never whole map sheets', () => {
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
    // one small read per map (revenue and footer marker together); the portfolio itself once
    expect(perMap('Range.getValues')).toBe(1);
    expect(perMap('Sheet.getDataRange')).toBe(0);
    expect(perMap('Range.getFormulas')).toBe(0);
    // the rest is metadata, answered locally: names, the sheet, and its id for the link to the map
    expect((six.total - two.total) / 4).toBeLessThanOrEqual(11);
  });
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
