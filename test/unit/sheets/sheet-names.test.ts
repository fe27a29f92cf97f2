/**
 * Sheet names that never collide: a new or renamed map takes "name", else "name (2)", "name (3)"…,
 * never an existing sheet, and within Sheets' limit of 100 characters.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  candidateName,
  freeSheetName,
  insertUniqueSheet,
  renameUnique,
} from '../../../src/sheets/sheet-names';
import { cost, emulated } from '../emulated';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A spreadsheet holding these sheets besides "Sheet1". */
function withSheets(...names: string[]) {
  const e = emulated();
  for (const name of names) e.ss.insertSheet(name);
  e.wb.calls.reset();
  return e;
}

describe('the name a sheet is tried under', () => {
  it('is the name trimmed, then numbered from the second try', () => {
    expect(candidateName('  Coffee beans  ', 1)).toBe('Coffee beans');
    expect(candidateName('Coffee beans', 2)).toBe('Coffee beans (2)');
    expect(candidateName('Coffee beans', 17)).toBe('Coffee beans (17)');
  });

  it('is "CJM" for a blank name', () => {
    expect(candidateName('   ', 1)).toBe('CJM');
    expect(candidateName('', 3)).toBe('CJM (3)');
  });

  it('keeps room for " (99)" within the 100 characters Sheets allows', () => {
    const long = 'x'.repeat(120);
    expect(candidateName(long, 1)).toBe('x'.repeat(95));
    expect(candidateName(long, 99)).toBe(`${'x'.repeat(95)} (99)`);
    expect(candidateName('y'.repeat(95), 1)).toBe('y'.repeat(95));
  });
});

describe('inserting a sheet under a unique name', () => {
  it('takes the name itself when free, with one call to Sheets', () => {
    const { wb, ss } = withSheets();
    const { sheet, name } = insertUniqueSheet(ss, 'Coffee', 26);
    expect(cost(wb)).toEqual({ roundTrips: 1, byName: { 'Spreadsheet.insertSheet': 1 } });
    expect(name).toBe('Coffee');
    expect(sheet.getName()).toBe('Coffee');
    expect(wb.sheetNames()).toEqual(['Sheet1', 'Coffee']);
  });

  it('numbers the name past the ones taken, never taking over a sheet', () => {
    const { wb, ss } = withSheets('Coffee', 'Coffee (2)', 'Coffee (4)');
    wb.setCell('Coffee', 'A1', 'kept');
    expect(insertUniqueSheet(ss, 'Coffee', 26).name).toBe('Coffee (3)');
    expect(insertUniqueSheet(ss, 'Coffee', 26).name).toBe('Coffee (5)');
    expect(wb.value('Coffee', 'A1')).toBe('kept');
    expect(wb.sheetNames()).toEqual([
      'Sheet1',
      'Coffee',
      'Coffee (2)',
      'Coffee (4)',
      'Coffee (3)',
      'Coffee (5)',
    ]);
  });

  it('places the sheet among the tabs at the index given, else last', () => {
    const { wb, ss } = withSheets('Other');
    insertUniqueSheet(ss, 'First', 26, 0);
    insertUniqueSheet(ss, 'Second', 26, 1);
    insertUniqueSheet(ss, 'Last', 26);
    expect(wb.sheetNames()).toEqual(['First', 'Second', 'Sheet1', 'Other', 'Last']);
  });

  it('widens the sheet to the columns asked for past the 26 a new sheet has', () => {
    const { wb, ss } = withSheets();
    expect(insertUniqueSheet(ss, 'Wide', 30).sheet.getMaxColumns()).toBe(30);
    expect(insertUniqueSheet(ss, 'Plain', 26).sheet.getMaxColumns()).toBe(26);
    expect(insertUniqueSheet(ss, 'Narrow', 5).sheet.getMaxColumns()).toBe(26);
    expect(cost(wb).byName['Sheet.insertColumnsAfter']).toBe(1);
  });

  it("passes on Sheets' refusal of a name that is not taken but not allowed", () => {
    const { wb, ss } = withSheets();
    expect(() => insertUniqueSheet(ss, 'line\nbreak', 26)).toThrow();
    expect(wb.sheetNames()).toEqual(['Sheet1']);
    // asked once whether the name was taken, then gave up
    expect(cost(wb).byName['Spreadsheet.insertSheet']).toBe(1);
  });

  it('gives up after the hundredth name, and the free name found stops there too', () => {
    const taken = ['Map', ...Array.from({ length: 99 }, (_, i) => `Map (${i + 2})`)];
    const { wb, ss } = withSheets(...taken);
    expect(() => insertUniqueSheet(ss, 'Map', 26)).toThrow(/already exists/);
    expect(wb.sheetNames()).toHaveLength(101);
    expect(freeSheetName(ss, 'Map')).toBe('Map (100)');
    ss.deleteSheet(ss.getSheetByName('Map (100)') as GoogleAppsScript.Spreadsheet.Sheet);
    expect(insertUniqueSheet(ss, 'Map', 26).name).toBe('Map (100)');
  });
});

describe('the first free name, from the list of sheets', () => {
  it('is the name itself, or the first number no sheet has, at no round trip', () => {
    const { wb, ss } = withSheets('Coffee', 'Coffee (2)', 'Coffee (4)');
    expect(freeSheetName(ss, 'Tea')).toBe('Tea');
    expect(freeSheetName(ss, ' Coffee ')).toBe('Coffee (3)');
    expect(wb.calls.roundTrips).toBe(0);
    expect(wb.sheetNames()).toEqual(['Sheet1', 'Coffee', 'Coffee (2)', 'Coffee (4)']);
  });
});

describe('renaming a sheet under a unique name', () => {
  it('takes the name when free', () => {
    const { wb, ss, sheet } = withSheets('Old');
    expect(renameUnique(ss, sheet('Old'), 'New')).toBe('New');
    expect(wb.sheetNames()).toEqual(['Sheet1', 'New']);
  });

  it('numbers the name when another sheet has it', () => {
    const { wb, ss, sheet } = withSheets('Coffee', 'Coffee (2)', 'Old');
    expect(renameUnique(ss, sheet('Old'), 'Coffee')).toBe('Coffee (3)');
    expect(wb.sheetNames()).toEqual(['Sheet1', 'Coffee', 'Coffee (2)', 'Coffee (3)']);
  });

  it('keeps the name the sheet already has rather than numbering it', () => {
    const { wb, ss, sheet } = withSheets('Coffee', 'Coffee (2)');
    expect(renameUnique(ss, sheet('Coffee'), 'Coffee')).toBe('Coffee');
    expect(renameUnique(ss, sheet('Coffee (2)'), 'Coffee')).toBe('Coffee (2)');
    expect(wb.sheetNames()).toEqual(['Sheet1', 'Coffee', 'Coffee (2)']);
  });
});
