/**
 * Move stage and the user's own formulas: Sheets moves the edge of a range with the column at it,
 * so a sum over some stages would silently cover others. Such a move is refused before anything
 * moves, naming the formulas, in the map's language.
 */
import { describe, expect, it } from 'vitest';
import { ROW } from '../../src/core/map/layout';
import { openSpreadsheet } from '../support/addon';

function mapWithReport(locale: string) {
  const s = openSpreadsheet(locale);
  const sheet = s.newMap({ segment: 'Office workers', product: 'Coffee beans' });
  s.wb.spreadsheet.insertSheet('Report');
  s.wb.setCell('Report', 'A1', `=SUM('${sheet}'!C${ROW.customers}:E${ROW.customers})`);
  s.wb.setCell('Report', 'A2', `='${sheet}'!D${ROW.customers}`);
  return { s, sheet };
}

describe('Move stage and the formulas that sum over stages', () => {
  it('refuses to move a stage at the edge of a range, naming the formula; nothing moves', () => {
    const { s, sheet } = mapWithReport('en_US');
    const names = () => ['C', 'D', 'E', 'F'].map((c) => s.wb.value(sheet, `${c}${ROW.header}`));
    const before = names();
    s.select(sheet, `E${ROW.header}`);
    s.run('moveStageRight');
    const said = s.wb.ui.requests.at(-1)?.request.prompt ?? '';
    expect(said).toMatch(/^Not moved: moving the stage ".+" would change which stages/);
    expect(said).toContain('Report!A1');
    expect(said).not.toContain('Report!A2');
    expect(names()).toEqual(before);
    expect(s.wb.formula('Report', 'A1')).toBe(
      `=SUM('${sheet}'!C${ROW.customers}:E${ROW.customers})`,
    );
  });

  it('moves a stage away from the range; refuses one whose neighbour is its edge, in Russian', () => {
    const { s, sheet } = mapWithReport('ru_RU');
    const [f, g] = [s.wb.value(sheet, `F${ROW.header}`), s.wb.value(sheet, `G${ROW.header}`)];
    s.select(sheet, `F${ROW.header}`);
    s.run('moveStageRight');
    expect([s.wb.value(sheet, `F${ROW.header}`), s.wb.value(sheet, `G${ROW.header}`)]).toEqual([
      g,
      f,
    ]);
    // D is inside C:E, but it would swap with C, the range's edge
    const d = s.wb.value(sheet, `D${ROW.header}`);
    s.select(sheet, `D${ROW.header}`);
    s.run('moveStageLeft');
    expect(s.wb.ui.requests.at(-1)?.request.prompt ?? '').toMatch(
      /^Этап не перенесён: .*Report!A1/,
    );
    expect(s.wb.value(sheet, `D${ROW.header}`)).toBe(d);
  });
});
