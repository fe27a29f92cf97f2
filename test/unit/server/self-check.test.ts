/** The maintainers' self-check, run from the Apps Script editor of a bound project. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cjmSelfCheck } from '../../../src/server/self-check';
import { emulated } from '../emulated';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the maintainers' self-check", () => {
  it('writes its report on a sheet "CJM self-check" and answers that name', () => {
    const { wb, ss } = emulated();
    expect(cjmSelfCheck()).toBe('CJM self-check');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'CJM self-check']);
    expect(wb.value('CJM self-check', 'A1')).toBe('Question');
  });

  it('says it needs a spreadsheet when the project is bound to none', () => {
    emulated();
    vi.stubGlobal('SpreadsheetApp', { getActiveSpreadsheet: () => null });
    expect(() => cjmSelfCheck()).toThrow(
      new Error(
        'cjmSelfCheck needs a spreadsheet: run it from the Apps Script editor of a project bound to one (docs/deploy.md).',
      ),
    );
  });
});
