/**
 * The entry into SpreadsheetApp: the spreadsheet the user has open, its UI, and the language a
 * new map or a message follows (the spreadsheet's locale: Russian for ru, be, uk and kk).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  activeSpreadsheet,
  languageOfSpreadsheet,
  spreadsheetLang,
  ui,
} from '../../../src/sheets/workbook';
import { cost, emulated } from '../emulated';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the spreadsheet the user has open', () => {
  it('is the one whose sheets the add-on reads and writes', () => {
    const { wb, ss } = emulated({ name: 'Coffee maps' });
    const active = activeSpreadsheet();
    expect(active.getName()).toBe('Coffee maps');
    expect(active.getSheets()).toHaveLength(ss.getSheets().length);
    active.getSheetByName('Sheet1')?.getRange('A1').setValue('from the add-on');
    expect(wb.value('Sheet1', 'A1')).toBe('from the add-on');
  });

  it('shows its alerts to the user', () => {
    const { wb } = emulated();
    wb.ui.answer({ button: 'OK', text: '' });
    ui().alert('Nothing was changed.');
    expect(wb.ui.requests.map((r) => r.request.prompt)).toEqual(['Nothing was changed.']);
  });
});

describe('the language of a spreadsheet', () => {
  it('is Russian for a Russian, Belarusian, Ukrainian or Kazakh locale', () => {
    for (const locale of ['ru_RU', 'be_BY', 'uk_UA', 'kk_KZ']) {
      const { ss } = emulated({ locale });
      expect(languageOfSpreadsheet(ss)).toBe('ru');
      expect(spreadsheetLang()).toBe('ru');
      vi.unstubAllGlobals();
    }
  });

  it('is English for any other locale', () => {
    for (const locale of ['en_US', 'de_DE', 'fr_FR']) {
      const { ss } = emulated({ locale });
      expect(languageOfSpreadsheet(ss)).toBe('en');
      expect(spreadsheetLang()).toBe('en');
      vi.unstubAllGlobals();
    }
  });

  it('follows a locale already read rather than asking the spreadsheet again', () => {
    const { wb, ss } = emulated({ locale: 'en_US' });
    wb.calls.reset();
    expect(languageOfSpreadsheet(ss, 'ru_RU')).toBe('ru');
    expect(cost(wb).byName).toEqual({});
    const ru = emulated({ locale: 'ru_RU' });
    expect(languageOfSpreadsheet(ru.ss, 'en_GB')).toBe('en');
  });
});
