/**
 * A sheet's read result turned into the map a command works on, or into the sentence the marketer
 * reads when the sheet is no map or a damaged one.
 */
import { describe, expect, it } from 'vitest';
import type { ReadResult } from '../../../src/core/map/read-map';
import { journeyOrThrow, UserError } from '../../../src/server/errors';
import { journey } from '../sheets/map-on-sheet';

/** What journeyOrThrow threw, or null when it returned. */
function thrown(result: ReadResult, lang: 'en' | 'ru'): unknown {
  try {
    journeyOrThrow(result, lang);
    return null;
  } catch (e) {
    return e;
  }
}

/** A damaged map whose reason reads in the language asked for. */
const damaged = (lang?: 'en' | 'ru'): ReadResult => ({
  ok: false,
  problem: 'damaged',
  reason: (l) => (l === 'ru' ? 'в строке 3 нет подписи' : 'row 3 has no label'),
  lang,
});

describe("a sheet's read result as a map", () => {
  it('hands over the map that was read', () => {
    const map = journey();
    expect(journeyOrThrow({ ok: true, journey: map }, 'en')).toBe(map);
  });

  it('says a sheet without a map is not a map, in the language asked for', () => {
    const e = thrown({ ok: false, problem: 'notMap' }, 'en');
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).toBe(
      'This sheet is not a CJM map. Select a cell in a map sheet, or create one with Extensions → CJM → New map.',
    );
    expect((thrown({ ok: false, problem: 'notMap' }, 'ru') as Error).message).toBe(
      'Этот лист — не карта CJM. Выберите ячейку на листе карты или создайте карту: Расширения → CJM → Новая карта.',
    );
  });

  it("speaks about a damaged Russian map in Russian, whatever the spreadsheet's language", () => {
    const e = thrown(damaged('ru'), 'en');
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).toBe(
      'Этот лист — не карта CJM или повреждён: в строке 3 нет подписи. Отмените последние изменения (Ctrl+Z) или исправьте, как сказано, и повторите; ничего не изменено.',
    );
  });

  it("speaks about a damaged map of unknown language in the spreadsheet's language", () => {
    expect((thrown(damaged(), 'en') as Error).message).toBe(
      'This sheet is not a CJM map or damaged: row 3 has no label. Undo the last changes (Ctrl+Z) or repair it as said, then try again; nothing was changed.',
    );
  });
});
