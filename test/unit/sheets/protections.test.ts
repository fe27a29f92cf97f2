/**
 * A command asks before its first write whether someone else's protection is in the way: the
 * refusal names the sheet or range (and its description) in the user's language, a protection the
 * command does not touch or a warning-only one lets it go on, and a free sheet costs one read.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../../src/core/words/user-error';
import {
  type Area,
  areaOf,
  boundingBox,
  columnTouches,
  laidOut,
  refuseProtected,
} from '../../../src/sheets/protections';
import { cost, emulated } from '../emulated';

afterEach(() => {
  vi.unstubAllGlobals();
});

const SHEET_EN =
  'This cannot be done: the sheet "Sheet1" is protected, and only its owner and the editors they chose may change it. Ask them for access or to remove the protection (Data → Protect sheets and ranges), then try again. Nothing was changed.';
const SHEET_RU =
  'Не получится: лист «Sheet1» защищён, и менять его могут только владелец защиты и выбранные им редакторы. Попросите у них доступ или снять защиту (Данные → Защитить листы и диапазоны) и повторите. Ничего не изменено.';
const RANGE_EN =
  'This cannot be done: the range B2:C3 of the sheet "Sheet1" is protected, and only its owner and the editors they chose may change it. Ask them for access or to remove the protection (Data → Protect sheets and ranges), then try again. Nothing was changed.';
const RANGE_DESCRIBED_RU =
  'Не получится: диапазон B2:C3 листа «Sheet1» («Бюджет») защищён, и менять его могут только владелец защиты и выбранные им редакторы. Попросите у них доступ или снять защиту (Данные → Защитить листы и диапазоны) и повторите. Ничего не изменено.';

const cell = (row: number, col: number, rows = 1, cols = 1): Area => ({ row, col, rows, cols });

/** The error `fn` throws (the test fails when it throws none). */
function thrown(fn: () => void): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('nothing was thrown');
}

describe('a sheet someone else protected', () => {
  it('is named in English and in Russian, as a UserError', () => {
    for (const [lang, message] of [
      ['en', SHEET_EN],
      ['ru', SHEET_RU],
    ] as const) {
      const { wb, sheet } = emulated();
      wb.protectAsOther('Sheet1', null, { by: 'boss@example.com' });
      const e = thrown(() => refuseProtected(lang, [{ sheet: sheet(), cells: [cell(5, 5)] }]));
      expect(e).toBeInstanceOf(UserError);
      expect(e.message).toBe(message);
    }
  });

  it('adds its description, trimmed, and leaves out a blank one', () => {
    const { wb, sheet } = emulated();
    wb.protectAsOther('Sheet1', null, { by: 'boss@example.com', description: '  Budget  ' });
    expect(
      thrown(() => refuseProtected('en', [{ sheet: sheet(), cells: [cell(1, 1)] }])).message,
    ).toBe(SHEET_EN.replace('the sheet "Sheet1"', 'the sheet "Sheet1" ("Budget")'));
    const other = emulated();
    other.wb.protectAsOther('Sheet1', null, { by: 'boss@example.com', description: '   ' });
    expect(
      thrown(() => refuseProtected('en', [{ sheet: other.sheet(), cells: [cell(1, 1)] }])).message,
    ).toBe(SHEET_EN);
  });

  it('lets the command write only in the ranges left unprotected, cell by cell', () => {
    const { wb, sheet } = emulated();
    wb.protectAsOther('Sheet1', null, { by: 'boss@example.com', unprotected: ['B2:B3', 'C2:C3'] });
    const s = sheet();
    // every cell of B2:C3 lies in one open range or the other
    expect(() => refuseProtected('en', [{ sheet: s, cells: [cell(2, 2, 2, 2)] }])).not.toThrow();
    // C3 is open, D3 is not
    expect(() => refuseProtected('en', [{ sheet: s, cells: [cell(3, 3, 1, 2)] }])).toThrow(
      SHEET_EN,
    );
    // B4 under the open ranges is not
    expect(() => refuseProtected('en', [{ sheet: s, cells: [cell(3, 2, 2, 1)] }])).toThrow(
      SHEET_EN,
    );
  });

  it('lets through cells that are all open though the block they span is not', () => {
    const { wb, sheet } = emulated();
    wb.protectAsOther('Sheet1', null, { by: 'boss@example.com', unprotected: ['B2:B3', 'D2:D3'] });
    const s = sheet();
    // B2:B3 and D2:D3 are open; C2, between them, and B4, under them, are not
    const open = [cell(2, 2, 2, 1), cell(2, 4, 2, 1)];
    expect(() => refuseProtected('en', [{ sheet: s, cells: open }])).not.toThrow();
    expect(() => refuseProtected('en', [{ sheet: s, cells: [cell(2, 2), cell(5, 5)] }])).toThrow(
      SHEET_EN,
    );
  });

  it('refuses a column change or a change of the sheet itself even where its cells are open', () => {
    const { wb, sheet } = emulated();
    wb.protectAsOther('Sheet1', null, { by: 'boss@example.com', unprotected: ['B2:C3'] });
    const s = sheet();
    const open = [cell(2, 2)];
    expect(() =>
      refuseProtected('en', [{ sheet: s, cells: open, columns: { kind: 'insert', after: 20 } }]),
    ).toThrow(SHEET_EN);
    expect(() => refuseProtected('en', [{ sheet: s, cells: open, sheetItself: true }])).toThrow(
      SHEET_EN,
    );
  });

  it('is named before a protected range of the same sheet', () => {
    const { wb, sheet } = emulated();
    wb.protectAsOther('Sheet1', 'B2:C3', { by: 'boss@example.com' });
    wb.protectAsOther('Sheet1', null, { by: 'boss@example.com' });
    expect(() => refuseProtected('en', [{ sheet: sheet(), cells: [cell(2, 2)] }])).toThrow(
      SHEET_EN,
    );
  });
});

describe('a range someone else protected', () => {
  it('is named with its A1 range and its description, in Russian', () => {
    const { wb, sheet } = emulated();
    wb.protectAsOther('Sheet1', 'B2:C3', { by: 'boss@example.com', description: 'Бюджет' });
    expect(() => refuseProtected('ru', [{ sheet: sheet(), cells: [cell(3, 3)] }])).toThrow(
      RANGE_DESCRIBED_RU,
    );
  });

  it('lets the command write around it, in cells that only touch its edges', () => {
    const { wb, sheet } = emulated();
    wb.protectAsOther('Sheet1', 'B2:C3', { by: 'boss@example.com' });
    const s = sheet();
    // the block A1:D4 the cells span covers B2:C3, yet none of them is inside it
    const around = [cell(1, 2, 1, 2), cell(4, 2, 1, 2), cell(2, 1, 2, 1), cell(2, 4, 2, 1)];
    expect(() => refuseProtected('en', [{ sheet: s, cells: around }])).not.toThrow();
    for (const inside of [cell(2, 2), cell(3, 3), cell(1, 1, 2, 2), cell(3, 3, 2, 2)])
      expect(() => refuseProtected('en', [{ sheet: s, cells: [inside] }])).toThrow(RANGE_EN);
  });

  it('refuses a column operation that takes or splits it, not one it merely shifts with', () => {
    const { wb, sheet } = emulated();
    wb.protectAsOther('Sheet1', 'B2:C3', { by: 'boss@example.com' });
    const s = sheet();
    expect(() =>
      refuseProtected('en', [{ sheet: s, columns: { kind: 'delete', col: 3 } }]),
    ).toThrow(RANGE_EN);
    expect(() =>
      refuseProtected('en', [{ sheet: s, columns: { kind: 'insert', after: 2 } }]),
    ).toThrow(RANGE_EN);
    expect(() =>
      refuseProtected('en', [{ sheet: s, columns: { kind: 'insert', after: 1 } }]),
    ).not.toThrow();
    expect(() =>
      refuseProtected('en', [{ sheet: s, columns: { kind: 'delete', col: 4 } }]),
    ).not.toThrow();
    // a change of the sheet itself writes no cell of the range
    expect(() => refuseProtected('en', [{ sheet: s, sheetItself: true }])).not.toThrow();
  });

  it('is not in the way when its protection is only a warning, while the next one is', () => {
    const { wb, sheet } = emulated();
    wb.protectAsOther('Sheet1', null, { by: 'boss@example.com', warningOnly: true });
    wb.protectAsOther('Sheet1', 'B2:C3', { by: 'boss@example.com' });
    const s = sheet();
    expect(() => refuseProtected('en', [{ sheet: s, cells: [cell(2, 2)] }])).toThrow(RANGE_EN);
    expect(() => refuseProtected('en', [{ sheet: s, cells: [cell(5, 5)] }])).not.toThrow();
  });
});

describe("the user's own protection", () => {
  it('is not in the way: the other one the command touches is named', () => {
    const { wb, sheet } = emulated();
    const s = sheet();
    s.protect().setDescription('mine');
    wb.protectAsOther('Sheet1', 'B2:C3', { by: 'boss@example.com' });
    expect(() => refuseProtected('en', [{ sheet: s, cells: [cell(2, 2)] }])).toThrow(RANGE_EN);
    expect(() => refuseProtected('en', [{ sheet: s, cells: [cell(5, 5)] }])).not.toThrow();
  });
});

describe('refuseProtected over several sheets', () => {
  it('names the protected one whichever comes first, and lets nothing through for no cells', () => {
    const { wb, ss, sheet } = emulated();
    ss.insertSheet('Report');
    wb.protectAsOther('Report', null, { by: 'boss@example.com' });
    const free = { sheet: sheet(), cells: [cell(1, 1)] };
    expect(() =>
      refuseProtected('en', [free, { sheet: sheet('Report'), cells: [cell(1, 1)] }]),
    ).toThrow(SHEET_EN.replace('"Sheet1"', '"Report"'));
    // a change with no cells, columns or sheet asks nothing
    expect(() => refuseProtected('en', [{ sheet: sheet('Report') }])).not.toThrow();
    expect(() => refuseProtected('en', [{ sheet: sheet('Report'), cells: [] }])).not.toThrow();
  });

  it('costs one read when nothing is in the way', () => {
    const { wb, sheet } = emulated();
    wb.protectAsOther('Sheet1', 'Z1', { by: 'boss@example.com' });
    const s = sheet();
    wb.calls.reset();
    refuseProtected('en', [{ sheet: s, cells: [cell(1, 1), cell(10, 3, 2, 2)] }]);
    expect(cost(wb).roundTrips).toBe(1);
  });
});

describe('laidOut', () => {
  it('covers the sheet itself and every row of its first columns', () => {
    const { sheet } = emulated();
    const s = sheet();
    expect(laidOut(s, 7)).toEqual({ sheet: s, sheetItself: true, cells: [cell(1, 1, 1000, 7)] });
  });
});

describe('areaOf and boundingBox', () => {
  it('reads a range as its block of cells', () => {
    const { sheet } = emulated();
    expect(areaOf(sheet().getRange('B3:D7'))).toEqual(cell(3, 2, 5, 3));
  });

  it('spans every area, and is null for none', () => {
    expect(boundingBox([])).toBeNull();
    expect(boundingBox([cell(2, 3, 2, 1), cell(5, 1, 1, 2)])).toEqual(cell(2, 1, 4, 3));
    expect(boundingBox([cell(4, 4, 3, 3), cell(5, 5)])).toEqual(cell(4, 4, 3, 3));
  });
});

describe('columnTouches (B:C)', () => {
  const bc = cell(2, 2, 2, 2);
  it('an insert between its columns splits it; one at either edge does not', () => {
    expect(columnTouches({ kind: 'insert', after: 2 }, bc)).toBe(true);
    expect(columnTouches({ kind: 'insert', after: 1 }, bc)).toBe(false);
    expect(columnTouches({ kind: 'insert', after: 3 }, bc)).toBe(false);
  });

  it('a delete of either of its columns takes it, of a neighbour not', () => {
    expect(columnTouches({ kind: 'delete', col: 2 }, bc)).toBe(true);
    expect(columnTouches({ kind: 'delete', col: 3 }, bc)).toBe(true);
    expect(columnTouches({ kind: 'delete', col: 1 }, bc)).toBe(false);
    expect(columnTouches({ kind: 'delete', col: 4 }, bc)).toBe(false);
  });

  it('a move of its column, or into it, touches it; a move past it does not', () => {
    expect(columnTouches({ kind: 'move', col: 3, before: 10 }, bc)).toBe(true);
    expect(columnTouches({ kind: 'move', col: 2, before: 1 }, bc)).toBe(true);
    expect(columnTouches({ kind: 'move', col: 6, before: 3 }, bc)).toBe(true);
    expect(columnTouches({ kind: 'move', col: 6, before: 2 }, bc)).toBe(false);
    expect(columnTouches({ kind: 'move', col: 6, before: 4 }, bc)).toBe(false);
    expect(columnTouches({ kind: 'move', col: 1, before: 8 }, bc)).toBe(false);
  });
});
