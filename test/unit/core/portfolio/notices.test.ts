import { describe, expect, it } from 'vitest';
import { skipNotice, type SkippedMap } from '../../../../src/core/portfolio/portfolio';

const notMap = (sheet: string, row = false): SkippedMap => ({
  id: sheet.toUpperCase(),
  reason: 'notMap',
  sheet,
  row,
});

describe('the notice of maps a portfolio left out', () => {
  it('names a deleted map by its id and one its sheet no longer holds by that sheet, then their rows', () => {
    const notice = skipNotice('en', [
      { id: 'K7P2QX', reason: 'deleted', row: true },
      notMap('Coffee'),
    ]);
    expect(notice).toBe(
      [
        '1 map was left out because its sheet was deleted (K7P2QX).',
        '1 map was left out because its sheet no longer holds it ("Coffee"). A map keeps its line “CJM map …” (in a Russian map “Карта CJM …”) in cell A53; undo inserted or deleted rows above it.',
        'Its row stays at the bottom of the portfolio with your notes; delete a row when you no longer need it.',
      ].join(' '),
    );
  });

  it('lists five, then "…", and counts the rows kept', () => {
    const six = ['a', 'b', 'c', 'd', 'e', 'f'].map((s, i) => notMap(s, i < 2));
    const notice = skipNotice('ru', six);
    expect(notice).toContain(
      'Пропущено 6 карт: их листы больше их не содержат («a», «b», «c», «d», «e», …).',
    );
    expect(notice).toMatch(/ Их строки остаются внизу портфеля/);
    expect(skipNotice('ru', six.slice(0, 5))).toContain('(«a», «b», «c», «d», «e»).');
    expect(skipNotice('en', [])).toBe('');
  });
});
