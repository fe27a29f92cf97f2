/**
 * A user's merged cells where a command works: a column operation Sheets refuses because it would
 * cut a merge is explained in words, and a write under a merge is refused before it hides a value.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROTECTED_MESSAGE } from '../../../emulator/index';
import { UserError } from '../../../src/core/words/user-error';
import { columnOpOrRefusal, refuseHiddenCells } from '../../../src/sheets/merges';
import { cost, emulated } from '../emulated';

afterEach(() => {
  vi.unstubAllGlobals();
});

const CUT_EN =
  'This cannot be done: the column it would insert, delete or move cuts through the merged cells B2:C3 of the sheet "Sheet1", which Sheets does not allow. Unmerge them (Format → Merge cells → Unmerge), then try again. Nothing was changed.';
const CUT_RU =
  'Не получится: столбец, который нужно вставить, удалить или переместить, разрезает объединённые ячейки B2:C3 листа «Sheet1», а Таблицы этого не позволяют. Отмените объединение (Формат → Объединить ячейки → Отменить объединение) и повторите. Ничего не изменено.';

/** The error `fn` throws (the test fails when it throws none). */
function thrown(fn: () => void): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('nothing was thrown');
}

describe('a column operation that would cut a merge', () => {
  it('names the merge and the sheet, in English and in Russian, and changes nothing', () => {
    for (const [lang, message] of [
      ['en', CUT_EN],
      ['ru', CUT_RU],
    ] as const) {
      const { wb, sheet } = emulated();
      wb.setCell('Sheet1', 'D1', 'right of the merge');
      wb.merge('Sheet1', 'B2:C3');
      const s = sheet();
      const e = thrown(() =>
        columnOpOrRefusal(s, { kind: 'insert', after: 2 }, lang, () => s.insertColumnAfter(2)),
      );
      expect(e).toBeInstanceOf(UserError);
      expect((e as Error).message).toBe(message);
      expect(wb.value('Sheet1', 'D1')).toBe('right of the merge');
      expect(s.getMaxColumns()).toBe(26);
    }
  });

  it('refuses a delete and a move of one of its columns too', () => {
    const { wb, sheet } = emulated();
    wb.merge('Sheet1', 'B2:C3');
    const s = sheet();
    expect(() =>
      columnOpOrRefusal(s, { kind: 'delete', col: 3 }, 'en', () => s.deleteColumn(3)),
    ).toThrow(CUT_EN);
    expect(() =>
      columnOpOrRefusal(s, { kind: 'move', col: 2, before: 6 }, 'en', () =>
        s.moveColumns(s.getRange('B1'), 6),
      ),
    ).toThrow(CUT_EN);
  });

  it('finds the merge it cuts anywhere on the sheet, past merges it leaves whole', () => {
    const { wb, sheet } = emulated();
    // a merge one column wide goes whole with its column; one two columns to the right only shifts
    wb.merge('Sheet1', 'X2:X3');
    wb.merge('Sheet1', 'Z1:Z4');
    wb.merge('Sheet1', 'A1:B1');
    wb.merge('Sheet1', 'X998:Y1000');
    const s = sheet();
    expect(() =>
      columnOpOrRefusal(s, { kind: 'delete', col: 24 }, 'en', () => s.deleteColumn(24)),
    ).toThrow(/cuts through the merged cells X998:Y1000 of the sheet "Sheet1"/);
  });

  it("lets Sheets' own error through when no merge is cut, and reads merges only on failure", () => {
    const { wb, sheet } = emulated();
    // a one-column merge in the deleted column goes whole: it is not what stopped the command
    wb.merge('Sheet1', 'C2:C3');
    wb.merge('Sheet1', 'E1:F1');
    const s = sheet();
    const boom = new Error('Service error');
    const e = thrown(() =>
      columnOpOrRefusal(s, { kind: 'delete', col: 3 }, 'en', () => {
        throw boom;
      }),
    );
    expect(e).toBe(boom);
    expect(cost(wb).byName['Range.getMergedRanges']).toBe(1);

    wb.calls.reset();
    columnOpOrRefusal(s, { kind: 'delete', col: 3 }, 'en', () => s.deleteColumn(3));
    expect(wb.sheetNames()).toEqual(['Sheet1']);
    expect(s.getMaxColumns()).toBe(25);
    expect(cost(wb).byName['Range.getMergedRanges']).toBeUndefined();
  });

  it("passes on Sheets' refusal for another reason as it is, when the merges stay whole", () => {
    const { wb, sheet } = emulated();
    wb.merge('Sheet1', 'B2:C3');
    wb.protectAsOther('Sheet1', null, { by: 'colleague@example.com' });
    const s = sheet();
    // a column inserted just before or just after the merge goes beside it, not through it
    for (const after of [1, 3]) {
      const e = thrown(() =>
        columnOpOrRefusal(s, { kind: 'insert', after }, 'en', () => s.insertColumnAfter(after)),
      );
      expect((e as Error).message).toBe(PROTECTED_MESSAGE);
      expect(e).not.toBeInstanceOf(UserError);
    }
  });
});

const HIDES_EN =
  'Nothing was saved: cell C3 is hidden under the merged cells B2:C3, so what you typed there would not show. Unmerge them (Format → Merge cells → Unmerge) and save again; what you typed is still in the form.';
const HIDES_RU =
  'Ничего не сохранено: ячейка C3 скрыта под объединёнными ячейками B2:C3, и введённое туда не будет видно. Отмените объединение (Формат → Объединить ячейки → Отменить объединение) и сохраните снова; введённое осталось в форме.';

describe('cells to write under a merge', () => {
  const merged = () => {
    const { wb, sheet } = emulated();
    wb.merge('Sheet1', 'B2:C3');
    const s = sheet();
    wb.calls.reset();
    return { wb, s };
  };

  it('refuses a cell hidden under a merge, naming it and the merge in both languages', () => {
    const { s } = merged();
    expect(() => refuseHiddenCells(s, [{ row: 3, col: 3 }], 'en')).toThrow(HIDES_EN);
    expect(() => refuseHiddenCells(s, [{ row: 3, col: 3 }], 'ru')).toThrow(HIDES_RU);
  });

  it('refuses every cell of the merge but its top-left one, which shows', () => {
    const { s } = merged();
    for (const [row, col, name] of [
      [2, 3, 'C2'],
      [3, 2, 'B3'],
      [3, 3, 'C3'],
    ] as const)
      expect(() =>
        refuseHiddenCells(
          s,
          [
            { row: 2, col: 2 },
            { row, col },
          ],
          'en',
        ),
      ).toThrow(`Nothing was saved: cell ${name} is hidden under the merged cells B2:C3,`);
    expect(() => refuseHiddenCells(s, [{ row: 2, col: 2 }], 'en')).not.toThrow();
  });

  it('lets the cells around a merge be written', () => {
    const { s } = merged();
    const around = [
      { row: 1, col: 2 },
      { row: 1, col: 3 },
      { row: 2, col: 1 },
      { row: 3, col: 1 },
      { row: 2, col: 4 },
      { row: 3, col: 4 },
      { row: 4, col: 2 },
      { row: 4, col: 3 },
    ];
    expect(() => refuseHiddenCells(s, around, 'en')).not.toThrow();
  });

  it('names the first of the cells given that the merge hides, after one read of the block around them', () => {
    const { wb, s } = merged();
    expect(() =>
      refuseHiddenCells(
        s,
        [
          { row: 5, col: 6 },
          { row: 3, col: 3 },
          { row: 3, col: 2 },
        ],
        'en',
      ),
    ).toThrow('cell C3 is hidden under the merged cells B2:C3');
    // B3..F5 is 3 rows × 5 columns
    expect(wb.calls.snapshot()).toMatchObject({ roundTrips: 1, cellsRead: 15 });
  });

  it('reads nothing for no cells', () => {
    const { wb, s } = merged();
    refuseHiddenCells(s, [], 'en');
    expect(wb.calls.total).toBe(0);
  });
});
