import { describe, expect, it } from 'vitest';
import { ROW } from '../../src/core/map/layout';
import { openSpreadsheet } from '../support/addon';

function economics(s: ReturnType<typeof openSpreadsheet>, sheet: string, counts: number[], check: number, purchases: number) {
  counts.forEach((n, i) => s.wb.setCell(sheet, `${'CDEFGH'[i]}${ROW.customers}`, n));
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
    s.wb.setCell('Portfolio', 'K3', 'Priority');
    s.wb.setCell('Portfolio', 'L1', 'Reviewed by the board on Monday');
    s.wb.setCell('Portfolio', 'K4', 'work on B first');
    s.wb.setCell('Portfolio', 'K5', 'later');
    s.wb.setCell(a, `B${ROW.avgCheck}`, 1000);
    s.run('showPortfolio');
    expect(s.wb.value('Portfolio', 'B4')).toBe('A — a');
    expect(s.wb.value('Portfolio', 'K3')).toBe('Priority');
    expect(s.wb.value('Portfolio', 'L1')).toBe('Reviewed by the board on Monday');
    expect(s.wb.value('Portfolio', 'K4')).toBe('later');
    expect(s.wb.value('Portfolio', 'K5')).toBe('work on B first');
  });

  it('follows a renamed map sheet', () => {
    const s = openSpreadsheet('en_US');
    const sheet = s.newMap({ segment: 'A', product: 'a' });
    s.run('showPortfolio');
    s.select(sheet, 'A1');
    s.wb.ui.answer({ button: 'OK', text: 'Renamed pair' });
    s.run('renameMap');
    expect(s.wb.value('Portfolio', 'B4')).toBe('Renamed pair');
  });
});
