/**
 * Extensions → CJM, built in the user's language, and the language the formulas' messages speak.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formulaLang, MENU, onInstall, onOpen, userLang } from '../../../src/server/menu';
import { emulated } from '../emulated';

afterEach(() => {
  vi.unstubAllGlobals();
});

const ENGLISH_MENU = [
  { caption: 'Open the wizard', functionName: 'showWizard' },
  { caption: 'New map…', functionName: 'showNewMapDialog' },
  { caption: 'Make a map from this table…', functionName: 'makeMapFromTable' },
  { separator: true },
  { caption: 'Add stage', functionName: 'addStage' },
  { caption: 'Remove stage', functionName: 'removeStage' },
  { caption: 'Move stage left', functionName: 'moveStageLeft' },
  { caption: 'Move stage right', functionName: 'moveStageRight' },
  { caption: 'Rename the map…', functionName: 'renameMap' },
  { separator: true },
  { caption: 'Record a review…', functionName: 'recordReview' },
  { caption: 'Portfolio', functionName: 'showPortfolio' },
  { caption: 'Formula help', functionName: 'showFormulaHelp' },
];

/** The items of the one add-on menu shown. */
function shownMenu(wb: ReturnType<typeof emulated>['wb']) {
  expect(wb.ui.menus.map((m) => m.kind)).toEqual(['addon']);
  return wb.ui.menus[0]?.items;
}

describe('the add-on menu', () => {
  it("lists the commands in the user's English, with two separators, each calling its handler", () => {
    const { wb } = emulated({ locale: 'ru_RU', userLocale: 'en_US' });
    onOpen();
    expect(shownMenu(wb)).toEqual(ENGLISH_MENU);
  });

  it('is in Russian for a user whose account is Russian, even in an English spreadsheet', () => {
    const { wb } = emulated({ locale: 'en_US', userLocale: 'ru_RU' });
    onOpen();
    expect(shownMenu(wb)?.map((i) => ('caption' in i ? i.caption : '—'))).toEqual([
      'Открыть мастер',
      'Новая карта…',
      'Сделать карту из этой таблицы…',
      '—',
      'Добавить этап',
      'Удалить этап',
      'Сдвинуть этап влево',
      'Сдвинуть этап вправо',
      'Переименовать карту…',
      '—',
      'Провести обзор…',
      'Портфель карт',
      'Справка по формулам',
    ]);
  });

  it('is built the same on install as on open', () => {
    const { wb } = emulated({ userLocale: 'en_GB' });
    onInstall();
    expect(shownMenu(wb)).toEqual(ENGLISH_MENU);
  });

  it('names thirteen rows, two of them separators', () => {
    expect(MENU).toHaveLength(13);
    expect(MENU.filter((i) => i === null)).toHaveLength(2);
  });
});

describe("the user's language", () => {
  it("is the account locale's: Russian for ru, uk, be and kk, else English", () => {
    emulated({ userLocale: 'uk_UA' });
    expect(userLang()).toBe('ru');
    vi.unstubAllGlobals();
    emulated({ userLocale: 'de_DE' });
    expect(userLang()).toBe('en');
  });

  it('is English when the account locale cannot be read', () => {
    emulated({ userLocale: 'ru_RU' });
    vi.stubGlobal('Session', {
      getActiveUserLocale: () => {
        throw new Error('Authorization is required to perform that action.');
      },
    });
    expect(userLang()).toBe('en');
  });
});

describe("the formulas' language", () => {
  it("is the spreadsheet's, whoever opens it", () => {
    emulated({ locale: 'ru_RU', userLocale: 'en_US' });
    expect(formulaLang()).toBe('ru');
    vi.unstubAllGlobals();
    emulated({ locale: 'en_US', userLocale: 'ru_RU' });
    expect(formulaLang()).toBe('en');
  });

  it("is the user's when the spreadsheet cannot be read", () => {
    emulated({ locale: 'en_US', userLocale: 'ru_RU' });
    vi.stubGlobal('SpreadsheetApp', {
      getActiveSpreadsheet: () => {
        throw new Error('You do not have permission to call getActiveSpreadsheet');
      },
    });
    expect(formulaLang()).toBe('ru');
  });
});
