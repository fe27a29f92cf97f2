/**
 * Menu → Portfolio: the Portfolio sheet rebuilt from the maps, and a toast that says which maps
 * were left out and which are due for a review.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROW } from '../../../src/core/map/layout';
import { showPortfolio } from '../../../src/server/portfolio';
import { emulated } from '../emulated';
import * as fixtures from './fixtures';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** A new map named `name` on its own sheet; its id. */
const newMap = (name: string, lang: 'en' | 'ru' = 'en'): string =>
  fixtures.newMap(lang === 'en' ? 'en_US' : 'ru_RU', {
    name,
    segment: `${name} buyers`,
    product: `${name} beans`,
    preset: 'funnel5',
  }).mapId;

/** A spreadsheet on December 1st, 2026, with the maps named. */
function withMaps(names: string[], opts: Parameters<typeof emulated>[0] = {}) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-01T10:00:00Z'));
  const e = emulated(opts);
  const ids = names.map((n) => newMap(n, opts.locale === 'ru_RU' ? 'ru' : 'en'));
  return { ...e, ids };
}

describe('Portfolio', () => {
  it('lists the maps on the Portfolio sheet and shows no toast when there is nothing to say', () => {
    const { wb, ss } = withMaps(['Coffee', 'Tea']);
    showPortfolio();
    expect(ss.getSheets().map((s) => s.getName())).toContain('Portfolio');
    expect(wb.values('Portfolio', 'B4:B5').flat().map(String).sort()).toEqual(['Coffee', 'Tea']);
    expect(wb.ui.toasts).toEqual([]);
    expect(wb.ui.requests).toEqual([]);
  });

  it('says for 15 seconds which map was left out because its sheet was deleted', () => {
    const { wb, ids } = withMaps(['Coffee', 'Tea']);
    showPortfolio();
    wb.deleteSheet('Coffee');
    showPortfolio();
    expect(wb.ui.toasts).toEqual([
      {
        message: `1 map was left out because its sheet was deleted (${ids[0]}). Its row stays at the bottom of the portfolio with your notes; delete a row when you no longer need it.`,
        title: 'Portfolio',
        timeoutSeconds: 15,
      },
    ]);
  });

  it('reminds of the maps due for a review', () => {
    const { wb } = withMaps(['Coffee', 'Tea']);
    wb.setCell('Coffee', `B${ROW.nextReview}`, '2026-11-30');
    wb.setCell('Tea', `B${ROW.nextReview}`, '2026-12-02');
    showPortfolio();
    expect(wb.ui.toasts.map((t) => t.message)).toEqual([
      'Due for a review: "Coffee". On the map, choose Extensions → CJM → Record a review.',
    ]);
  });

  it('says both, the maps left out first, in one toast', () => {
    const { wb, ids } = withMaps(['Coffee', 'Tea']);
    showPortfolio();
    wb.setCell('Tea', `B${ROW.nextReview}`, '2026-12-01');
    wb.deleteSheet('Coffee');
    wb.ui.toasts.length = 0;
    showPortfolio();
    expect(wb.ui.toasts.map((t) => t.message)).toEqual([
      `1 map was left out because its sheet was deleted (${ids[0]}). Its row stays at the bottom of the portfolio with your notes; delete a row when you no longer need it. Due for a review: "Tea". On the map, choose Extensions → CJM → Record a review.`,
    ]);
  });

  it("speaks the spreadsheet's language: the toast's title and words in Russian", () => {
    const { wb } = withMaps(['Кофе'], { locale: 'ru_RU', userLocale: 'en_US' });
    wb.setCell('Кофе', `B${ROW.nextReview}`, '01.11.2026');
    showPortfolio();
    expect(wb.ui.toasts).toEqual([
      {
        message:
          'Пора провести обзор: «Кофе». На карте выберите Расширения → CJM → Провести обзор.',
        title: 'Портфель',
        timeoutSeconds: 15,
      },
    ]);
  });

  it('says so in an alert, and writes nothing, while another change holds the lock', () => {
    const { wb, ss } = withMaps(['Coffee']);
    wb.lock.holdByOther();
    wb.ui.answer('OK');
    showPortfolio();
    expect(wb.ui.requests.map((r) => r.request.prompt)).toEqual([
      'Another change to this spreadsheet is still running. Wait a few seconds and try again.',
    ]);
    expect(ss.getSheetByName('Portfolio')).toBeNull();
  });

  it('remembers the formula syntax it found in a decimal-comma spreadsheet', () => {
    const { wb } = withMaps(['Кофе'], { locale: 'ru_RU' });
    wb.properties.document.data.delete('cjm.formulaDialect');
    showPortfolio();
    expect(wb.properties.document.data.get('cjm.formulaDialect')).toBe('ru_RU:comma');
  });
});
