/**
 * A map with a long history, as tests and the benchmark need it: a map of `stages` stages with a
 * funnel, one review recorded through the menu, and `periods - 1` older periods written under it
 * as a CRM export would be pasted (numbers, one row a month before the last).
 */
import { colName, ROW, stageCol } from '../../src/core/map/layout';
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
