/**
 * Printing the export (Apps Script has no print-setup API, so the .xlsx carries it): the worked
 * example with its charts, an action plan and the portfolio is exported and printed to PDF by
 * LibreOffice, one conversion a language, and the PDF is read back with pdftotext. A page belongs
 * to the sheet its footer names (the export prints the sheet's name at the foot of each page).
 * The map prints on at most two landscape pages with its charts whole, no text is drawn over
 * other text (rows are as high as their wrapped text), the template's markers do not print, and
 * the plan's and the portfolio's titles fit their landscape page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { printToPdf } from '../../xlsx-export/libreoffice';
import { excelColumnWidth } from '../../xlsx-export/xlsx';
import { rowHeightPt, textWidthPx, wrappedLines } from '../../xlsx-export/print';
import { readWorkbook } from '../../xlsx-export/source';
import { buildWorkbook, toXlsx } from '../../xlsx-export/xlsx';
import { ROW, stageCol } from '../../src/core/map/layout';
import { PLAN_COLS, PLAN_HEADER_ROW } from '../../src/core/wizard/action-plan';
import { PORTFOLIO_MARKER } from '../../src/core/portfolio/portfolio';
import { t, type Lang } from '../../src/core/words/i18n';
import { overlappingWords, readPdf, type PdfPage, type PdfWord } from '../support/pdf';
import { exampleWithPlan } from '../support/example-map';
import { openSpreadsheet, type Session } from '../support/addon';

/** The worked example, its charts, a plan of two actions and the portfolio. */
/** `planNote`: typed over the plan's note (A2), as a user may. */
function exampleWorkbook(locale: string, name?: string, planNote?: string) {
  const session: Session = openSpreadsheet(locale);
  const { map, plan } = exampleWithPlan(session, name);
  session.run('showPortfolio');
  if (planNote && plan) session.wb.setCell(plan, `A${PLAN_HEADER_ROW - 1}`, planNote);
  const portfolio = session.wb.toJSON().namedRanges.find((n) => n.name === PORTFOLIO_MARKER)?.sheet;
  const book = readWorkbook(session.wb);
  // every sheet with something on it, as `npm run export` takes them (not the empty Sheet1)
  const sheets = book.sheets.filter((s) => [...s.cells()].length > 0).map((s) => s.name);
  return { book, sheets, map, plan, portfolio: portfolio ?? '' };
}

/** The words of a page in reading order, joined by spaces. */
const line = (words: readonly PdfWord[]) =>
  [...words]
    .sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)
    .map((w) => w.text)
    .join(' ');

/** The export's page margins: 0.6 in at the bottom, where the footer prints. */
const inFooter = (page: PdfPage, w: PdfWord) => w.yMin > page.height - 0.6 * 72;

/** The sheet a page belongs to: the footer's left part names it. */
const footerSheet = (page: PdfPage) =>
  line(page.words.filter((w) => inFooter(page, w) && w.xMax < page.width / 2));

/** The boxes of a phrase's words where it occurs on the page (consecutive words), or null. */
function find(page: PdfPage, phrase: string): PdfWord[] | null {
  const want = phrase.split(/\s+/);
  for (let i = 0; i + want.length <= page.words.length; i++) {
    const words = page.words.slice(i, i + want.length);
    if (words.every((w, k) => w.text === want[k])) return words;
  }
  return null;
}

const LOCALES: [Lang, string][] = [
  ['ru', 'ru_RU'],
  ['en', 'en_US'],
];

describe.each(LOCALES)('the worked example printed by LibreOffice (%s)', (lang, locale) => {
  let pages: PdfPage[] = [];
  const names = { map: '', plan: '', portfolio: '' };
  /** the map's own name, which its plan's title carries (the file may shorten a sheet's name) */
  let mapName = '';
  let stages: string[] = [];

  beforeAll(async () => {
    const made = exampleWorkbook(locale);
    const built = buildWorkbook(made.book, { sheets: made.sheets, lang });
    const inFile = built.report.translated.sheetName;
    mapName = made.map;
    names.map = inFile(made.map);
    names.plan = inFile(made.plan);
    names.portfolio = inFile(made.portfolio);
    const ws = built.excel.getWorksheet(names.map);
    stages = Array.from({ length: 6 }, (_, i) =>
      String(ws?.getCell(ROW.header, stageCol(i)).value),
    );
    pages = await readPdf(await printToPdf(await toXlsx(built)));
  }, 120_000);

  const of = (sheet: string) => pages.filter((p) => footerSheet(p) === sheet);

  it('prints every page landscape, and the map on at most two', () => {
    expect(pages.map(footerSheet)).toEqual(
      expect.arrayContaining([names.map, names.plan, names.portfolio]),
    );
    for (const p of pages) expect(p.width, 'a landscape page').toBeGreaterThan(p.height);
    expect(of(names.map).length).toBeGreaterThan(0);
    expect(of(names.map).length).toBeLessThanOrEqual(2);
    expect(of(names.plan)).toHaveLength(1);
    expect(of(names.portfolio)).toHaveLength(1);
    // the example's stage names and texts are all there: nothing was left off the print area
    const text = line(of(names.map).flatMap((p) => p.words));
    for (const stage of stages) expect(text).toContain(stage);
    // the emotion curve, a sparkline in Sheets, prints as the text of its scores 3, 3, 2, 4, 3, 4
    expect(text).toContain('▅▅▁█▅█');
  });

  it('draws no text over other text: rows are as high as their wrapped text', () => {
    const overlaps = pages.flatMap((p, i) =>
      overlappingWords(p).map(([a, b]) => `page ${i + 1}: "${a.text}" over "${b.text}"`),
    );
    expect(overlaps).toEqual([]);
  });

  it('repeats the stage header on the second page of the map', () => {
    const second = of(names.map)[1];
    if (!second) return;
    for (const stage of stages) expect(find(second, stage), stage).not.toBeNull();
  });

  it('keeps the charts whole: titles side by side, the last bar and the axis under it on the same page', () => {
    const page = of(names.map).find((p) => find(p, t(lang, 'chart.funnel')));
    expect(page, 'the page with the funnel chart').toBeDefined();
    if (!page) return;
    const funnel = find(page, t(lang, 'chart.funnel'))?.[0] as PdfWord;
    const curve = find(page, t(lang, 'chart.curve'))?.[0];
    expect(curve, 'the curve chart on the same page').toBeDefined();
    expect(Math.abs((curve?.yMin ?? 0) - funnel.yMin)).toBeLessThan(2);
    // the funnel's bars are labelled with the stages, the last one lowest, the value axis below
    const last = page.words.find(
      (w) => w.text === stages[5]?.split(' ')[0] && w.yMin > funnel.yMax && w.xMax < curve!.xMin,
    );
    expect(last, `the bar of "${stages[5]}" below the title`).toBeDefined();
    const axis = page.words.find(
      (w) => w.text === '0' && w.yMin > (last?.yMax ?? 0) && w.xMax < curve!.xMin,
    );
    expect(axis, 'the value axis under the bars').toBeDefined();
  });

  it('prints none of the technical markers', () => {
    const text = line(pages.flatMap((p) => p.words));
    expect(
      text.match(/CJM (map|stage|side)|Карта CJM|CJM (этап|сводка)|(шаблон|template) v\d/g),
    ).toBeNull();
  });

  it("fits the plan's and the portfolio's titles on their page", () => {
    for (const [sheet, title] of [
      [names.plan, t(lang, 'plan.title', { name: mapName })],
      [names.portfolio, t(lang, 'portfolio.title')],
    ] as const) {
      const page = of(sheet)[0] as PdfPage;
      const words = find(page, title);
      expect(words, `${sheet}: ${title}`).not.toBeNull();
      const right = Math.max(...page.words.filter((w) => !inFooter(page, w)).map((w) => w.xMax));
      // the title ends within the printed table, not cut by the page's edge
      expect(words?.at(-1)?.xMax).toBeLessThanOrEqual(right);
      expect(right).toBeLessThan(page.width - 0.4 * 72 + 1);
    }
  });
});

describe('the print setup in the file', () => {
  it('landscape, fitted to the width, the header row repeated, the markers hidden', () => {
    const made = exampleWorkbook('ru_RU');
    const built = buildWorkbook(made.book, { sheets: made.sheets });
    const inFile = built.report.translated.sheetName;
    const map = built.excel.getWorksheet(inFile(made.map));
    expect(map?.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${ROW.header}:${ROW.header}`,
    });
    expect(map?.pageSetup.printTitlesColumn).toBeUndefined();
    expect(map?.getRow(ROW.footer).hidden).toBe(true);
    // the print area ends above the footer
    expect(map?.pageSetup.printArea).toBe(`A$1:H$${ROW.footer - 1}`);
    for (const sheet of [made.plan, made.portfolio])
      expect(built.excel.getWorksheet(inFile(sheet))?.pageSetup).toMatchObject({
        orientation: 'landscape',
        fitToWidth: 1,
      });
    // en_US prints on Letter
    const us = exampleWorkbook('en_US');
    const usBuilt = buildWorkbook(us.book, { sheets: us.sheets });
    expect(
      usBuilt.excel.getWorksheet(usBuilt.report.translated.sheetName(us.map))?.pageSetup.paperSize,
    ).toBe(1);
  });

  it("widens a column to hold text that would be cut at the print area's edge: a long name on a two-stage map", () => {
    const session = openSpreadsheet('en_US');
    const name = 'A two-stage journey map whose name runs on past the last stage column';
    const map = session.newMap({ preset: 'custom', stages: ['Visit', 'Buy'], name });
    const built = buildWorkbook(readWorkbook(session.wb), { sheets: [map] });
    const ws = built.excel.getWorksheet(built.report.translated.sheetName(map));
    // the name (bold 12 pt, not wrapped) runs from B1 over C1 and D1, the last column
    // (an Excel column width counts 7 px characters past 5 px of padding)
    let room = 0;
    for (const col of [2, 3, 4]) room += (ws?.getColumn(col).width ?? 0) * 7 + 5;
    expect(ws?.getColumn(4).width).toBeGreaterThan(excelColumnWidth(200));
    expect(room).toBeGreaterThanOrEqual(textWidthPx(name, 12, true));
    expect(ws?.getColumn(3).width).toBe(excelColumnWidth(200));
  });

  it("wraps text no widened column could hold across the cells it runs over: a long note typed over the plan's", () => {
    const note = `${t('ru', 'plan.note')} ${t('ru', 'plan.together')}`;
    const made = exampleWorkbook('ru_RU', undefined, note);
    const built = buildWorkbook(made.book, { sheets: made.sheets });
    const ws = built.excel.getWorksheet(built.report.translated.sheetName(made.plan));
    const row = PLAN_HEADER_ROW - 1;
    expect(ws?.getCell(row, 1).value).toBe(note);
    // not one line in a column widened to the page's width and more, cut at the print area's edge:
    // the last column keeps its width, and the note wraps across the table, as high as its lines
    expect(ws?.getColumn(PLAN_COLS).width).toBe(excelColumnWidth(140));
    expect(ws?.getCell(row, 1).alignment?.wrapText).toBe(true);
    expect(ws?.getCell(row, PLAN_COLS).master.address).toBe(`A${row}`);
    let span = 0;
    for (let col = 1; col <= PLAN_COLS; col++) span += (ws?.getColumn(col).width ?? 0) * 7 + 5;
    expect(ws?.getRow(row).height).toBeGreaterThanOrEqual(
      rowHeightPt(wrappedLines(note, span - 6, 10), 10),
    );
    expect(wrappedLines(note, span - 6, 10)).toBeGreaterThan(1);
  });

  it('measures wrapped text by words, a word longer than the cell over several lines', () => {
    expect(wrappedLines('short', 200, 10)).toBe(1);
    expect(wrappedLines('one\ntwo\nthree', 200, 10)).toBe(3);
    const long = 'слово '.repeat(40).trim();
    const lines = wrappedLines(long, 200, 10);
    // at least as many lines as the words' widths fill, at most as many as leave a word's room
    const word = textWidthPx('слово ', 10);
    expect(lines).toBeGreaterThanOrEqual(Math.ceil((40 * word) / 200) - 1);
    expect(lines).toBeLessThanOrEqual(Math.ceil((40 * word) / (200 - word)));
    expect(wrappedLines('x'.repeat(100), 100, 10)).toBe(
      Math.ceil(textWidthPx('x'.repeat(100), 10) / 100),
    );
  });
});
