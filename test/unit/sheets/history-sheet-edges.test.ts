/**
 * The history sheet at its edges: a new history that holds nothing, a named cell Sheets cannot
 * resolve, where a review's row goes on a history that is nearly empty or full to its last
 * column, protections over the whole sheet, and pasted text rewritten in every kind of column.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  findHistorySheet,
  historyRenameChanges,
  readHistorySheet,
  startHistorySheet,
  writePeriod,
} from '../../../src/sheets/history-sheet';
import { emulated } from '../emulated';
import { day, december, HISTORY, journey, november, withNovember } from './map-on-sheet';

afterEach(() => {
  vi.unstubAllGlobals();
});

const UTC = () => 'Etc/UTC';

describe('a new history', () => {
  it('holds no column, stage, name, period or problem to report', () => {
    const { ss, sheet } = emulated();
    ss.insertSheet('Map');
    const h = startHistorySheet(ss, sheet('Map'), 'Map', journey());
    expect(h.history).toEqual({
      columns: new Map(),
      stageIds: [],
      names: new Map(),
      periods: [],
      problems: [],
    });
  });
});

describe('finding the history', () => {
  it('finds none when Sheets fails to resolve its named cell', () => {
    const broken = {
      getRangeByName: () => {
        throw new Error('Range not found');
      },
    } as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    expect(findHistorySheet(broken, 'K7P2QX')).toBeNull();
    expect(historyRenameChanges(broken, 'K7P2QX')).toEqual([]);
  });
});

describe("a review's row", () => {
  it('goes on row 4 of a history cleared but for a formula showing nothing, its header rows rewritten', () => {
    const { wb, ss, sheet } = emulated();
    ss.insertSheet('Map');
    ss.insertSheet(HISTORY);
    ss.setNamedRange('CJM_K7P2QX_HISTORY', sheet(HISTORY).getRange('A1'));
    wb.setCell(HISTORY, 'A2', '=""');
    const h = readHistorySheet(sheet(HISTORY), 'en', UTC);
    expect(writePeriod(h, journey(), 'Map', november())).toBe(4);
    // the user's column A stays theirs: the history's columns start at B
    expect(wb.values(HISTORY, 'B2:E3')).toEqual([
      ['From', 'To', 'Recorded on', 'Note'],
      ['from', 'to', 'recorded', 'note'],
    ]);
    expect(wb.formula(HISTORY, 'A2')).toBe('=""');
    expect(wb.value(HISTORY, 'E4')).toBe('after the promo');
  });

  it('goes under a period that fills every one of its columns', () => {
    const { wb, j, history } = withNovember('second review');
    expect(wb.value(HISTORY, 'G4')).toBe('second review');
    expect(writePeriod(readHistorySheet(history(), 'en', UTC), j, 'Map', december())).toBe(5);
    expect(wb.values(HISTORY, 'D4:G5')).toEqual([
      ['after the promo', 1500, 1.2, 'second review'],
      ['winter', 1600, 1.1, ''],
    ]);
  });
});

describe('a history protected whole but for its cells', () => {
  it('takes a review that needs no new column', () => {
    const { wb, j, history } = withNovember();
    wb.protectAsOther(HISTORY, null, { by: 'colleague@example.com', unprotected: ['A1:Z999'] });
    writePeriod(readHistorySheet(history(), 'en', UTC), j, 'Map', december());
    expect(wb.value(HISTORY, 'D5')).toBe('winter');
  });

  it('takes a review on a narrowed history that has exactly the columns it needs', () => {
    const { wb, j, history } = withNovember();
    wb.deleteColumns(HISTORY, 14, 13);
    wb.protectAsOther(HISTORY, null, { by: 'colleague@example.com', unprotected: ['A1:M999'] });
    writePeriod(readHistorySheet(history(), 'en', UTC), j, 'Map', december());
    expect(history().getMaxColumns()).toBe(13);
    expect(wb.value(HISTORY, 'M5')).toBe(2);
  });
});

describe('periods pasted with numbers and dates as text', () => {
  it('get their three dates, purchases and scores rewritten as what they were read as', () => {
    const { wb, j, history } = withNovember();
    const cells: [string, string][] = [
      ['A5', '01.10.2026'],
      ['B5', '31.10.2026'],
      ['C5', '02.11.2026'],
      ['F5', '1,5'],
      ['L5', '4,5'],
    ];
    for (const [a1, text] of cells) wb.setCell(HISTORY, a1, text);
    expect(wb.values(HISTORY, 'A5:C5')).toEqual([['01.10.2026', '31.10.2026', '02.11.2026']]);
    expect(wb.value(HISTORY, 'L5')).toBe('4,5');
    writePeriod(readHistorySheet(history(), 'en', UTC), j, 'Map', december());
    expect(wb.values(HISTORY, 'A5:C5')).toEqual([
      [day('2026-10-01'), day('2026-10-31'), day('2026-11-02')],
    ]);
    expect(wb.value(HISTORY, 'F5')).toBe(1.5);
    expect(wb.value(HISTORY, 'L5')).toBe(4.5);
    expect(wb.value(HISTORY, 'D6')).toBe('winter');
  });

  it('are rewritten on rows past the ninth too', () => {
    const { wb, j, history } = withNovember();
    wb.setCell(HISTORY, 'A12', '01.10.2026');
    wb.setCell(HISTORY, 'H12', '1 800');
    writePeriod(readHistorySheet(history(), 'en', UTC), j, 'Map', december());
    expect(wb.values(HISTORY, 'A12:B12')).toEqual([[day('2026-10-01'), '']]);
    expect(wb.value(HISTORY, 'H12')).toBe(1800);
    // the review goes under the pasted row
    expect(wb.value(HISTORY, 'D13')).toBe('winter');
  });

  it('get a pasted day rewritten as its serial number, as the review writes its own, where the column shows no date', () => {
    const { wb, j, history } = withNovember();
    history().getRange('B4:B1000').setNumberFormat('General');
    wb.setCell(HISTORY, 'B5', '31.10.2026');
    expect(wb.value(HISTORY, 'B5')).toBe('31.10.2026');
    writePeriod(readHistorySheet(history(), 'en', UTC), j, 'Map', december());
    // 2026-10-31 is day 46326 of Sheets' calendar (1899-12-30 is day 0), 2026-12-31 day 46387
    expect(wb.values(HISTORY, 'B5:B6')).toEqual([[46326], [46387]]);
  });

  it('rewrite only their own rows: a protected range under the review is left alone', () => {
    const { wb, j, history } = withNovember();
    wb.setCell(HISTORY, 'A5', '01.10.2026');
    wb.protectAsOther(HISTORY, 'A12:Z12', { by: 'colleague@example.com' });
    writePeriod(readHistorySheet(history(), 'en', UTC), j, 'Map', december());
    expect(wb.value(HISTORY, 'A5')).toEqual(day('2026-10-01'));
    expect(wb.value(HISTORY, 'D6')).toBe('winter');
  });

  it('leave a figure of a stage that lost its customers column as it is, even under a protection', () => {
    const { wb, j, history } = withNovember();
    // the history no longer knows stage bbbb2222: its target column is read for no stage
    wb.setCell(HISTORY, 'I3', '');
    wb.setCell(HISTORY, 'A5', '2026-10-01');
    wb.setCell(HISTORY, 'K5', '20,5 %');
    wb.protectAsOther(HISTORY, 'K5', { by: 'colleague@example.com' });
    writePeriod(readHistorySheet(history(), 'en', UTC), j, 'Map', december());
    expect(wb.values(HISTORY, 'A5:K5')).toEqual([
      [day('2026-10-01'), '', '', '', '', '', '', '', '', '', '20,5 %'],
    ]);
    expect(wb.value(HISTORY, 'D6')).toBe('winter');
  });
});
