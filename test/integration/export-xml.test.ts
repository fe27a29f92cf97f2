/**
 * Text pasted into a map's cells (control characters from a word processor, lone surrogate
 * halves, U+FFFE, "]]>", quotes, ampersands), exported the ways a user exports a map: the OPML
 * mind map and the SVG poster the sidebar downloads, and the .xlsx of the workbench's "Download
 * .xlsx" and `npm run export`. Every file, and every XML part of the .xlsx, parses with a
 * conformant XML parser (saxes), and the cells' text reads back less what XML cannot carry.
 * The escaper itself and the OPML and poster of any journey: test/unit/core/words/xml.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openZip } from '../../xlsx-export/zip';
import { workbookToXlsx } from '../../xlsx-export/xlsx';
import { TITLE_TEXT_KEYS } from '../../src/core/map/journey';
import { a1, ROW, SIDE_COL, stageCol } from '../../src/core/map/layout';
import { xmlChars } from '../../src/core/words/xml';
import { openSpreadsheet } from '../support/addon';
import { pastedText } from '../support/journeys';
import { elements, parseXml, parseXmlBytes, textOf, type XmlElement } from '../support/xml';

/** Cells a marketer types free text into: a title row in column B, or a row of every stage. */
const STAGE_ROWS = [
  'header',
  'job',
  'actions',
  'questions',
  'touchpoints',
  'channels',
  'content',
  'barriers',
  'drivers',
  'evidence',
  'weakSpots',
] as const;
const STAGES = 3;
const CELLS = [
  ...TITLE_TEXT_KEYS.map((r) => a1(ROW[r], SIDE_COL)),
  ...STAGE_ROWS.flatMap((r) => Array.from({ length: STAGES }, (_, i) => a1(ROW[r], stageCol(i)))),
];

const pasted = fc.record({
  cells: fc.array(fc.tuple(fc.constantFrom(...CELLS), pastedText), {
    minLength: 1,
    maxLength: 12,
  }),
  action: pastedText,
  sheetName: pastedText,
});

const EMPTY: XmlElement = { name: '', attrs: {}, children: [] };

/** Text as the .xlsx carries it: less what XML cannot carry, and less U+007F (ExcelJS drops it). */
const inXlsx = (s: string) => xmlChars(s).replaceAll('\u007f', '');

/** A sheet name as the .xlsx carries it (translate.ts excelSheetName), for a short one. */
const expectedSheetName = (name: string) =>
  inXlsx(name)
    .replace(/[\t\n\r]/g, ' ')
    .replace(/[[\]:*?/\\]/g, '-')
    .replace(/^[\s']+|[\s']+$/g, '');

/** The texts of the .xlsx's shared-string table, each entry whole. */
function sharedStrings(parts: Map<string, XmlElement>): Set<string> {
  const table = parts.get('xl/sharedStrings.xml');
  return new Set(
    (table?.children ?? []).flatMap((si) =>
      typeof si === 'string'
        ? []
        : [
            elements(si)
              .filter((e) => e.name === 't')
              .map((e) => textOf(e))
              .join(''),
          ],
    ),
  );
}

describe('a map full of pasted text, exported', () => {
  it('gives an OPML mind map, an SVG poster and an .xlsx whose every XML part parses, with the text less what XML cannot carry', async () => {
    // one spreadsheet for every run: a map with its charts and action plan, and a sheet of the
    // user's; each run types into them, exports, and puts back what it changed
    const s = openSpreadsheet('en_US');
    const map = s.newMap({
      preset: 'custom',
      stages: Array.from({ length: STAGES }, (_, i) => `Stage ${i + 1}`),
      name: 'Pasted',
    });
    const mapId = s.mapIdOf(map);
    s.addon.callFromClient('insertCharts', { mapId });
    const saved = s.addon.callFromClient('savePlan', {
      mapId,
      base: [],
      actions: [
        {
          action: 'Referral programme',
          stage: '',
          lever: 'C',
          change: '+2 pp',
          owner: 'Olga',
          deadline: '',
          status: '',
        },
      ],
    }) as { ok: boolean };
    expect(saved.ok).toBe(true);
    // the action plan's sheet, and the cells of its action and owner, where a user types
    const planSheet = s.wb.sheetNames().find((n) => n !== map && n !== 'Sheet1') ?? '';
    const find = (value: string) => {
      for (let row = 1; row <= 30; row++)
        for (let col = 1; col <= 12; col++)
          if (s.wb.value(planSheet, a1(row, col)) === value) return a1(row, col);
      throw new Error(`no "${value}" on ${planSheet}`);
    };
    const planCells = [find('Referral programme'), find('Olga')];
    let own = 'Sheet1';

    await fc.assert(
      fc.asyncProperty(pasted, async ({ cells, action, sheetName }) => {
        const before = new Map(cells.map(([cell]) => [cell, s.wb.value(map, cell)]));
        for (const [cell, text] of cells) s.wb.setCell(map, cell, text);
        for (const cell of planCells) s.wb.setCell(planSheet, cell, action);
        s.wb.renameSheet(own, `Notes ${sheetName}`);
        own = `Notes ${sheetName}`;
        s.wb.setCell(own, 'A1', sheetName);
        try {
          // what the cells hold now, as text (what was typed, or how Sheets read it)
          const typed = [
            ...cells.map(([cell]) => s.wb.value(map, cell)),
            ...planCells.map((cell) => s.wb.value(planSheet, cell)),
            s.wb.value(own, 'A1'),
          ];
          const texts = typed.filter(
            (v): v is string => typeof v === 'string' && xmlChars(v) !== '',
          );

          const mind = s.addon.callFromClient('exportMindMap', { mapId }) as { opml: string };
          expect(elements(parseXml(mind.opml)).some((e) => e.name === 'outline')).toBe(true);
          const poster = s.addon.callFromClient('exportPoster', { mapId }) as { svg: string };
          expect(parseXml(poster.svg).name).toBe('svg');

          const zip = await openZip(await workbookToXlsx(s.wb));
          const parts = new Map<string, XmlElement>();
          for (const part of zip.file(/\.(xml|rels|vml)$/)) {
            try {
              parts.set(part.name, parseXmlBytes(await part.async('uint8array')));
            } catch (e) {
              throw new Error(`${part.name}: ${(e as Error).message}`);
            }
          }
          // ExcelJS writes a carriage return raw, so it reads back as a line break (as Excel
          // shows it)
          const strings = sharedStrings(parts);
          const inCell = (v: string) => inXlsx(v).replace(/\r\n?/g, '\n');
          expect(texts.filter((v) => !strings.has(inCell(v)))).toEqual([]);
          // the user's sheet under its name, less what XML cannot carry
          const workbook = parts.get('xl/workbook.xml');
          const sheets = elements(workbook ?? EMPTY).filter((e) => e.name === 'sheet');
          expect(sheets.map((e) => e.attrs.name)).toContain(
            expectedSheetName(`Notes ${sheetName}`),
          );
          // the charts name the stages by their header cells
          const charts = [...parts.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
          expect(charts).toHaveLength(2);
          const headers = Array.from({ length: STAGES }, (_, i) =>
            String(s.wb.value(map, a1(ROW.header, stageCol(i)))),
          );
          for (const chart of charts) {
            const cache = elements(parts.get(chart) ?? EMPTY).find((e) => e.name === 'c:strCache');
            const categories = elements(cache ?? EMPTY)
              .filter((e) => e.name === 'c:v')
              .map((e) => textOf(e));
            expect(categories).toEqual(headers.map(xmlChars));
          }
        } finally {
          for (const [cell, value] of before) s.wb.setCell(map, cell, value);
        }
      }),
      // and a name whose apostrophe ends it once the tab after it is a trimmed space
      { numRuns: 8, examples: [[{ cells: [['B1', '']], action: '', sheetName: "'\t" }]] },
    );
  }, 60_000);
});
