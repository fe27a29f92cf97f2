/**
 * A file that looks right, through the built bundle: the Present step's
 * charts go where the user sees them, every stage name whole; the plan and the portfolio hold their
 * text (no word split, nothing cut, whichever language); the map's markers catch no eye and print
 * as nothing. What a reader sees is the emulator's rule (emulator/README.md: chart-layout.ts,
 * cell-fit.ts, text widths of a font wider than Arial).
 */
import { describe, expect, it } from 'vitest';
import type { SaveResult } from '../../src/contract';
import { a1, FIRST_STAGE_COL, ROW, stageCol } from '../../src/core/map/layout';
import { t } from '../../src/core/words/i18n';
import { CELL_PADDING, DROPDOWN_WIDTH, ptToPx, textWidth } from '../../emulator/index';
import { openSpreadsheet, type Session } from '../support/addon';

const RUSSIAN = [
  'Увидел рекламу',
  'Оставил заявку',
  'Записался на пробный урок',
  'Пришёл на урок',
  'Оплатил курс',
  // 40 letters
  'Записался на пробный урок по английскому',
];

const mapIdOf = (s: Session, sheet: string) =>
  String(s.wb.value(sheet, `A${ROW.footer}`)).split(' ')[2] ?? '';

function charted(locale: string, form: Parameters<Session['newMap']>[0]) {
  const s = openSpreadsheet(locale);
  const sheet = s.newMap(form);
  const mapId = mapIdOf(s, sheet);
  s.select(sheet, 'C12');
  s.wb.calls.reset();
  s.addon.callFromClient('insertCharts', { mapId });
  const names = s.wb
    .values(sheet, `${a1(ROW.header, FIRST_STAGE_COL)}:${a1(ROW.header, 60)}`)[0]!
    .map(String)
    .filter((n) => n !== '');
  return { s, sheet, mapId, names, charts: s.wb.charts(sheet) };
}

describe('the Present step puts its charts where the user sees them, every stage name whole', () => {
  it.each([
    ['en_US', 'the worked example', { example: true }],
    ['ru_RU', 'the worked example', { example: true }],
    ['ru_RU', 'stages named by long Russian phrases', { preset: 'custom', stages: RUSSIAN }],
  ] as const)('%s, %s', (locale, _what, form) => {
    const { s, sheet, names, charts } = charted(locale, form);
    const [funnel, curve] = charts;
    if (!funnel || !curve) throw new Error('expected two charts');
    const lang = locale.startsWith('ru') ? 'ru' : 'en';
    const right = stageCol(names.length); // the first column right of the last stage
    // beside the KPI block: the funnel's top at the KPI section, right of the map; the curve under it
    expect(funnel.anchor).toMatchObject({ row: ROW.kpiSection, col: right });
    expect(curve.anchor.col).toBe(right);
    expect(curve.onGrid.top).toBeGreaterThanOrEqual(funnel.onGrid.top + funnel.height);
    // they cover no cell of the map
    const mapWidth = Array.from({ length: right - 1 }, (_, i) =>
      s.wb.spreadsheet.getSheetByName(sheet)!.getColumnWidth(i + 1),
    ).reduce((a, b) => a + b, 0);
    expect(funnel.onGrid.left).toBeGreaterThan(mapWidth);
    // the user is taken there: the anchor cell is selected, which scrolls Sheets to it
    expect(s.wb.spreadsheet.getActiveSheet().getName()).toBe(sheet);
    expect(s.wb.spreadsheet.getActiveRange()?.getA1Notation()).toBe(a1(ROW.kpiSection, right));
    for (const chart of [funnel, curve]) {
      // each stage by its whole name, and the title whole
      expect(chart.categories).toEqual(names);
      expect(chart.layout.labels.filter((l) => !l.whole).map((l) => l.shown)).toEqual([]);
      expect(chart.layout.title.shown).toBe(chart.title);
      // the whole chart is on the grid
      expect(chart.onGrid).toMatchObject({
        visibleWidth: chart.width,
        visibleHeight: chart.height,
      });
    }
    expect(funnel.title).toBe(t(lang, 'chart.funnel'));
    expect(curve.title).toBe(t(lang, 'chart.curve'));
    // the funnel's names stand left of its bars, the curve's upright under its line
    expect(funnel.layout.categoryAxis).toBe('vertical');
    expect(curve.layout.slant).toBe(90);
    // the present step costs the map read, the protection check, the chart list read, one flush
    expect(s.wb.calls.roundTrips).toBe(4);
  });

  it('a map of 40 stages: the charts grow with it and the sheet gains the columns they need', () => {
    const stages = Array.from({ length: 40 }, (_, i) => `${RUSSIAN[i % RUSSIAN.length]} ${i + 1}`);
    const { s, sheet, charts } = charted('ru_RU', { preset: 'custom', stages });
    expect(charts).toHaveLength(2);
    // right of the 40th stage: stages start in column C (3), so 3 + 40 = 43
    for (const chart of charts) {
      expect(chart.anchor.col).toBe(43);
      expect(chart.layout.labels.every((l) => l.whole)).toBe(true);
      expect(chart.onGrid.visibleWidth).toBe(chart.width);
    }
    expect(s.wb.snapshot(sheet).maxCols).toBeGreaterThan(43);
    // the one extra round trip: the columns added after the map
    expect(s.wb.calls.roundTripsByName['Sheet.insertColumnsAfter']).toBe(1);
  });

  it('inserted again after a stage was added: still two charts, right of the new last stage', () => {
    const { s, sheet, mapId } = charted('en_US', { example: true });
    s.select(sheet, a1(ROW.header, stageCol(5)));
    s.run('addStage');
    s.addon.callFromClient('insertCharts', { mapId });
    const charts = s.wb.charts(sheet);
    expect(charts).toHaveLength(2);
    // the example's 6 stages and the added one: right of the 7th, column 3 + 7 = 10 (J)
    expect(charts.map((c) => c.anchor.col)).toEqual([10, 10]);
    expect(charts[0]?.categories).toHaveLength(7);
  });
});

/** A plan of one action per status of both languages, so every status is in the sheet. */
function planned(locale: string, name: string) {
  const s = openSpreadsheet(locale);
  const sheet = s.newMap({ example: true, name });
  const mapId = mapIdOf(s, sheet);
  const statuses = [...t('en', 'plan.statuses').split('|'), ...t('ru', 'plan.statuses').split('|')];
  const actions = statuses.map((status, i) => ({
    action: i === 0 ? 'Отзывы клиентов в рассылке по понедельникам' : `Action ${i + 1}`,
    stage: String(s.wb.value(sheet, a1(ROW.header, stageCol(i % 6)))),
    lever: 'LCPQ'[i % 4]!,
    change: i % 4 === 1 ? '+1 pp' : '+5%',
    owner: i === 0 ? 'Ответственный менеджер' : '',
    deadline: i === 0 ? '2026-06-15' : '',
    status,
  }));
  const saved = s.addon.callFromClient('savePlan', { mapId, actions, base: [] }) as SaveResult;
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  const plan = s.wb
    .sheetNames()
    .find((n) => n === t(locale.startsWith('ru') ? 'ru' : 'en', 'plan.sheet', { name: sheet }))!;
  return { s, sheet, mapId, plan };
}

describe('the plan and the portfolio hold their text', () => {
  it.each(['en_US', 'ru_RU'])(
    '%s: no word split, nothing cut, whichever language a status is in; the title whole',
    (locale) => {
      const { s, plan } = planned(locale, 'Родители школьников — онлайн-курс английского языка');
      expect(s.wb.unreadable(plan)).toEqual([]);
      // a status is never split: its column holds the longest status of either language and the
      // dropdown's arrow, measured as the emulator draws it
      const status = s.wb.spreadsheet.getSheetByName(plan)!.getColumnWidth(8);
      const longest = Math.max(
        ...[...t('en', 'plan.statuses').split('|'), ...t('ru', 'plan.statuses').split('|')].map(
          (w) => textWidth(w, ptToPx(10)),
        ),
      );
      expect(status).toBeGreaterThanOrEqual(longest + CELL_PADDING + DROPDOWN_WIDTH);
      // (and all six are in it)
      expect(s.wb.values(plan, 'H4:H9').flat().map(String).sort()).toEqual(
        [...t('en', 'plan.statuses').split('|'), ...t('ru', 'plan.statuses').split('|')].sort(),
      );

      s.run('showPortfolio');
      const portfolio = t(locale.startsWith('ru') ? 'ru' : 'en', 'portfolio.sheet');
      expect(s.wb.unreadable(portfolio)).toEqual([]);
    },
  );

  it('a map renamed to a longer name: the plan title still reads whole', () => {
    const { s, sheet, plan } = planned('ru_RU', 'Короткое');
    s.select(sheet, 'A1');
    s.run('renameMap');
    s.answerDialog({
      name: 'Родители школьников младших классов — онлайн-курс английского языка с носителем',
    });
    const renamed = s.wb.sheetNames().find((n) => n.endsWith('· план'))!;
    expect(renamed).not.toBe(plan);
    expect(String(s.wb.value(renamed, 'A1'))).toMatch(/носителем$/);
    expect(s.wb.unreadable(renamed)).toEqual([]);
  });

  it('a portfolio of maps with long names and one left out reads whole', () => {
    const s = openSpreadsheet('ru_RU');
    s.newMap({ example: true, name: 'Пенсионеры, живущие рядом — абонемент выходного дня' });
    const gone = s.newMap({ segment: 'Студенты', product: 'Дневной абонемент' });
    s.run('showPortfolio');
    s.wb.spreadsheet.deleteSheet(s.wb.spreadsheet.getSheetByName(gone)!);
    s.run('showPortfolio');
    expect(String(s.wb.value('Портфель', 'B5'))).toMatch(/^\(карта /);
    expect(s.wb.unreadable('Портфель')).toEqual([]);
  });
});

describe("the map's markers catch no eye and print as nothing", () => {
  it.each(['en_US', 'ru_RU'])(
    '%s: the markers row is white on white at the smallest size, and the add-on still reads it',
    (locale) => {
      const s = openSpreadsheet(locale);
      const sheet = s.newMap({ example: true });
      const check = (cols: number) => {
        const row = s.wb
          .snapshot(sheet)
          .cells.filter((c) => c.row === ROW.footer && c.col <= cols && c.display !== '');
        expect(row).toHaveLength(cols);
        for (const cell of row) {
          const a = cell.attrs ?? {};
          // the text is the colour of the cell it is in: nothing shows on screen or on paper
          expect(a.fontColor).toBe(a.background ?? '#ffffff');
          expect(a.fontSize).toBe(6);
          expect(a.fontStyle).toBeUndefined();
        }
      };
      check(8); // A, B and six stages
      // the add-on finds its map by them: a stage added is marked the same way
      s.select(sheet, a1(ROW.header, stageCol(5)));
      s.run('addStage');
      check(9);
      expect(mapIdOf(s, sheet)).toMatch(/^[A-Z0-9]{4,12}$/);
    },
  );
});
