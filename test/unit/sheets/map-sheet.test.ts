/**
 * The map sheet's own calls besides reading and writing the map: its name and id, the stage under
 * the selection and where the selection goes, Sheets' column operations for a stage edit, the
 * cells under the map, the hidden stages beside the one edited, and the map's name cell.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  cellsBelowMap,
  columnChange,
  formatCells,
  formulasOf,
  headerRow,
  hiddenStagesAround,
  nameCell,
  nameLabel,
  reshapeColumns,
  selectCell,
  selectedRowOn,
  selectedStage,
  sheetById,
  sheetId,
  sheetName,
  writeMapName,
} from '../../../src/sheets/map-sheet';
import { cost, emulated } from '../emulated';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A sheet "Map" whose header row (9) names the stages Awareness, Consideration, Purchase in C:E. */
function mapSheet(opts: Parameters<typeof emulated>[0] = {}) {
  const e = emulated(opts);
  e.ss.insertSheet('Map');
  for (const [a1, text] of [
    ['A9', 'Stage'],
    ['B9', 'hint'],
    ['C9', 'Awareness'],
    ['D9', 'Consideration'],
    ['E9', 'Purchase'],
  ] as const)
    e.wb.setCell('Map', a1, text);
  const map = e.sheet('Map');
  e.wb.calls.reset();
  return { ...e, map };
}

/** Row 9 from column C: what each column holds. */
const headers = (e: ReturnType<typeof mapSheet>) =>
  ['C9', 'D9', 'E9', 'F9'].map((a1) => e.wb.value('Map', a1));

describe("the sheet's name, id and header", () => {
  it('gives the name and the id the sheet has now', () => {
    const e = mapSheet();
    expect(sheetName(e.map)).toBe('Map');
    expect(sheetId(e.map)).toBe(e.map.getSheetId());
    expect(sheetId(e.map)).not.toBe(sheetId(e.sheet()));
  });

  it('reads the stage header row from column C on, in one read', () => {
    const e = mapSheet();
    expect(headerRow(e.map)).toEqual([
      'Awareness',
      'Consideration',
      'Purchase',
      ...Array.from({ length: 21 }, () => ''),
    ]);
    expect(cost(e.wb).roundTrips).toBe(1);
  });

  it('finds a sheet by its id after a rename, and none once it is deleted', () => {
    const e = mapSheet();
    const id = e.map.getSheetId();
    e.wb.renameSheet('Map', 'Coffee');
    expect(sheetById(e.ss, id)?.getName()).toBe('Coffee');
    expect(sheetById(e.ss, e.sheet().getSheetId())?.getName()).toBe('Sheet1');
    e.wb.deleteSheet('Coffee');
    expect(sheetById(e.ss, id)).toBeNull();
  });
});

describe('the stage under the selection', () => {
  it('is the index of the stage whose column holds the selected cell', () => {
    const e = mapSheet();
    e.map.activate();
    for (const [a1, stage] of [
      ['C12', 0],
      ['D12', 1],
      ['E30', 2],
    ] as const) {
      e.map.setActiveSelection(a1);
      expect(selectedStage(e.ss, 3).stage).toBe(stage);
    }
  });

  it('is none left of the stages or right of the last one', () => {
    const e = mapSheet();
    e.map.activate();
    for (const a1 of ['A9', 'B12', 'F12', 'Z1']) {
      e.map.setActiveSelection(a1);
      expect(selectedStage(e.ss, 3).stage).toBeNull();
    }
  });

  it("gives the selected cell's row only when asked, with one more call", () => {
    const e = mapSheet();
    e.map.activate();
    e.map.setActiveSelection('D17');
    e.wb.calls.reset();
    const selected = selectedStage(e.ss, 3);
    const before = e.wb.calls.total;
    expect(selected.row()).toBe(17);
    expect(e.wb.calls.total).toBe(before + 1);
  });
});

describe('the selected row on a map sheet', () => {
  it('is the row of the selected cell when the user looks at that sheet', () => {
    const e = mapSheet();
    e.map.activate();
    e.map.setActiveSelection('C21');
    expect(selectedRowOn(e.ss, e.map)).toBe(21);
  });

  it('is none when another sheet is shown', () => {
    const e = mapSheet();
    e.sheet().activate();
    e.sheet().setActiveSelection('C21');
    expect(selectedRowOn(e.ss, e.map)).toBeNull();
  });

  it('moves to the cell given on that sheet', () => {
    const e = mapSheet();
    e.map.activate();
    selectCell(e.map, 12, 4);
    expect(e.ss.getActiveCell().getA1Notation()).toBe('D12');
    expect(e.ss.getActiveSheet().getName()).toBe('Map');
  });
});

describe('what a user typed under the map', () => {
  it('is nothing when the sheet ends with the map', () => {
    const e = mapSheet();
    e.wb.setCell('Map', 'C53', 'footer');
    expect(cellsBelowMap(e.map, 3)).toEqual([]);
    expect(cost(e.wb).roundTrips).toBe(1);
  });

  it("lists the stage column's filled cells below row 53 with their rows, skipping blanks", () => {
    const e = mapSheet();
    e.wb.setCell('Map', 'C53', 'footer');
    e.wb.setCell('Map', 'C54', 'call the shop');
    e.wb.setCell('Map', 'C56', '42');
    e.wb.setCell('Map', 'C57', 'FALSE');
    e.wb.setCell('Map', 'D60', 'other stage');
    expect(cellsBelowMap(e.map, 3)).toEqual(['54:call the shop', '56:42', '57:false']);
    expect(cellsBelowMap(e.map, 4)).toEqual(['60:other stage']);
    expect(cellsBelowMap(e.map, 5)).toEqual([]);
  });

  it('reads down to the last filled row of a sheet that ends there', () => {
    const e = mapSheet();
    e.wb.deleteRows('Map', 61, 940);
    e.wb.setCell('Map', 'C60', 'last word');
    expect(e.map.getMaxRows()).toBe(60);
    expect(cellsBelowMap(e.map, 3)).toEqual(['60:last word']);
  });
});

describe('the column operation of a stage edit', () => {
  it('inserts after the stage a new one follows', () => {
    expect(columnChange({ kind: 'add', after: 0, name: 'New' })).toEqual({
      kind: 'insert',
      after: 3,
    });
    expect(columnChange({ kind: 'add', after: 2, name: '' })).toEqual({ kind: 'insert', after: 5 });
  });

  it("deletes the removed stage's column", () => {
    expect(columnChange({ kind: 'remove', index: 1 })).toEqual({ kind: 'delete', col: 4 });
  });

  it("moves the stage's column one left, or past its right neighbour", () => {
    expect(columnChange({ kind: 'move', index: 1, by: -1 })).toEqual({
      kind: 'move',
      col: 4,
      before: 3,
    });
    expect(columnChange({ kind: 'move', index: 1, by: 1 })).toEqual({
      kind: 'move',
      col: 4,
      before: 6,
    });
  });
});

describe("Sheets' column operation for a stage edit", () => {
  it('inserts an empty column after the stage', () => {
    const e = mapSheet();
    reshapeColumns(e.map, { kind: 'add', after: 0, name: 'New' }, 'en');
    expect(headers(e)).toEqual(['Awareness', '', 'Consideration', 'Purchase']);
    expect(e.map.getMaxColumns()).toBe(27);
  });

  it("deletes the stage's column", () => {
    const e = mapSheet();
    reshapeColumns(e.map, { kind: 'remove', index: 1 }, 'en');
    expect(headers(e)).toEqual(['Awareness', 'Purchase', '', '']);
    expect(e.map.getMaxColumns()).toBe(25);
  });

  it("moves the stage's column left or right by one", () => {
    const left = mapSheet();
    reshapeColumns(left.map, { kind: 'move', index: 1, by: -1 }, 'en');
    expect(headers(left)).toEqual(['Consideration', 'Awareness', 'Purchase', '']);
    expect(left.map.getMaxColumns()).toBe(26);
    const right = mapSheet();
    reshapeColumns(right.map, { kind: 'move', index: 1, by: 1 }, 'en');
    expect(headers(right)).toEqual(['Awareness', 'Purchase', 'Consideration', '']);
  });

  it("refuses, in the map's language, an edit that would cut a user's merge", () => {
    const e = mapSheet();
    e.wb.merge('Map', 'D40:E41');
    expect(() => reshapeColumns(e.map, { kind: 'remove', index: 1 }, 'en')).toThrow(
      /cuts through the merged cells D40:E41 of the sheet "Map"/,
    );
    expect(() => reshapeColumns(e.map, { kind: 'add', after: 1, name: '' }, 'ru')).toThrow(
      /разрезает объединённые ячейки D40:E41 листа «Map»/,
    );
    expect(headers(e)).toEqual(['Awareness', 'Consideration', 'Purchase', '']);
  });
});

describe('the hidden stages beside the one edited', () => {
  it('names the stage and its neighbours a user hid', () => {
    const e = mapSheet();
    e.wb.hideColumns('Map', 3, 3);
    expect(hiddenStagesAround(e.map, 1, 3)).toEqual([0, 1, 2]);
    expect(hiddenStagesAround(e.map, 0, 3)).toEqual([0, 1]);
    expect(hiddenStagesAround(e.map, 2, 3)).toEqual([1, 2]);
  });

  it('is none when no column beside is hidden', () => {
    const e = mapSheet();
    e.wb.hideColumns('Map', 7, 1);
    expect(hiddenStagesAround(e.map, 1, 3)).toEqual([]);
  });

  it('leaves out hidden columns that are not stages: B before the first, the one after the last', () => {
    const e = mapSheet();
    e.wb.hideColumns('Map', 2, 1);
    e.wb.hideColumns('Map', 6, 1);
    expect(hiddenStagesAround(e.map, 0, 3)).toEqual([]);
    expect(hiddenStagesAround(e.map, 2, 3)).toEqual([]);
    expect(hiddenStagesAround(e.map, 3, 4)).toEqual([3]);
  });
});

describe('the formulas of the map', () => {
  it("reads the top-left block's formulas as Sheets shows them, blank where none", () => {
    const e = mapSheet({ locale: 'ru_RU', formulaSeparators: 'locale' });
    e.wb.setCell('Map', 'B2', '=SUM(1;2,5)');
    expect(formulasOf(e.map, 2, 3)).toEqual([
      ['', '', ''],
      ['', '=SUM(1;2,5)', ''],
    ]);
  });
});

describe("the map's name", () => {
  it('sits in B1, right of the label that tells the language', () => {
    expect(nameCell).toEqual({ row: 1, col: 2 });
    const e = mapSheet();
    e.wb.setCell('Map', 'A1', 'Карта');
    expect(nameLabel(e.map)).toBe('Карта');
  });

  it('is written as text whatever it starts with', () => {
    const e = mapSheet();
    for (const name of ['Coffee beans', '=1+1', '+7', '2026-01-01']) {
      writeMapName(e.map, name);
      expect(e.wb.value('Map', 'B1')).toBe(name);
      expect(e.wb.formula('Map', 'B1')).toBe('');
    }
  });
});

describe('formatting cells', () => {
  it('gives the cells named one number format, in one call, and no others', () => {
    const e = mapSheet();
    formatCells(e.map, ['C26', 'E26:F27'], '0.0%');
    expect(cost(e.wb).byName).toEqual({ 'Sheet.getRangeList': 1, 'RangeList.setNumberFormat': 1 });
    for (const a1 of ['C26', 'E26', 'F27'])
      expect(e.map.getRange(a1).getNumberFormat()).toBe('0.0%');
    expect(e.map.getRange('D26').getNumberFormat()).not.toBe('0.0%');
  });
});
