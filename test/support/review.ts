/**
 * A map with a long history, as tests and the benchmark need it: a map of `stages` stages with a
 * funnel, one review recorded through the menu, and `periods - 1` older periods written under it
 * as a CRM export would be pasted (numbers, one row a month before the last).
 */
import { colName, ROW, stageCol } from '../../src/core/map/layout';
import { BLOCK_ROW } from '../../src/core/review/block';
import { historySheetName } from '../../src/core/review/history';
import { openSpreadsheet, type Session } from './addon';

export interface MapWithHistory {
  s: Session;
  sheet: string;
  history: string;
}

export function mapWithHistory(stages: number, periods: number, locale = 'en_US'): MapWithHistory {
  const s = openSpreadsheet(locale);
  const sheet = s.newMap({
    name: 'Reviewed',
    preset: 'custom',
    stages: Array.from({ length: stages }, (_, i) => `Stage ${i + 1}`),
  });
  const counts = Array.from({ length: stages }, (_, i) => Math.round(100_000 * 0.9 ** i));
  const grid = (name: string) => {
    const found = s.wb.spreadsheet.getSheetByName(name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  };
  grid(sheet).getRange(ROW.customers, stageCol(0), 1, stages).setValues([counts]);
  grid(sheet).getRange(ROW.avgCheck, 2).setValue(2000);
  grid(sheet).getRange(ROW.purchases, 2).setValue(1.5);
  s.select(sheet, `${colName(stageCol(0))}${ROW.header}`);
  s.wb.ui.answer({ button: 'OK', text: 'first' });
  s.run('recordReview');
  const history = historySheetName(sheet, locale.startsWith('ru') ? 'ru' : 'en');
  const h = grid(history);
  const recorded = h.getRange(4, 1, 1, h.getMaxColumns()).getValues()[0] ?? [];
  const width = recorded.length;
  const older = Array.from({ length: periods - 1 }, (_, k) =>
    recorded.map((v, c) =>
      c < 3 ? '' : typeof v === 'number' && c >= 4 ? v * (1 - 0.001 * (k + 1)) : v,
    ),
  );
  older.forEach((line, k) => {
    const month = new Date(Date.UTC(2026, 9 - k, 1));
    const end = new Date(Date.UTC(2026, 10 - k, 0));
    line[0] = month.toISOString().slice(0, 10);
    line[1] = end.toISOString().slice(0, 10);
  });
  if (older.length) h.getRange(5, 1, older.length, width).setValues(older);
  return { s, sheet, history };
}

/**
 * A map `name` reviewed twice, as a marketer would: its funnel 1000 → 400 → 100 → 60 → 30 → 20
 * (the deal stage E, target 30 %), P 2 000, Q 1.5 (revenue 300 000); a review recorded; a revenue
 * goal of 400 000; October pasted under the period with P 1 800 (revenue 270 000); the review
 * recorded again over the same period. Its block then shows +30 000 since the last review and 75 %
 * of the goal. Returns the map's sheet.
 */
export function reviewedTwice(s: Session, name: string): string {
  const sheet = s.newMap({ name });
  const lang = s.wb.model.locale.startsWith('ru') ? 'ru' : 'en';
  for (const [i, n] of [1000, 400, 100, 60, 30, 20].entries())
    s.wb.setCell(sheet, `${colName(stageCol(i))}${ROW.customers}`, n);
  s.wb.setCell(sheet, `E${ROW.target}`, 0.3);
  s.wb.setCell(sheet, `B${ROW.avgCheck}`, 2000);
  s.wb.setCell(sheet, `B${ROW.purchases}`, 1.5);
  s.select(sheet, `C${ROW.header + 1}`);
  s.wb.ui.answer({ button: 'OK', text: '' });
  s.run('recordReview');
  s.wb.setCell(sheet, `B${BLOCK_ROW.revenueGoal}`, 400_000);
  // history row 5: from, to, recorded, note, P, Q; the stages' customers from H
  const history = historySheetName(sheet, lang);
  for (const [i, v] of ["'2026-10-01", "'2026-10-31", '', 'CRM', 1800, 1.5].entries())
    s.wb.setCell(history, `${colName(i + 1)}5`, v);
  for (const [i, n] of [1000, 500, 100, 60, 30, 20].entries())
    s.wb.setCell(history, `${colName(8 + i)}5`, n);
  // the same period again: Yes replaces it
  s.wb.ui.answer({ button: 'OK', text: '' }, 'YES');
  s.run('recordReview');
  return sheet;
}
