/**
 * A map whose every text cell holds 50,000 characters, as many as a Sheets cell takes, exported
 * every way a user exports it: the poster and the mind map (Markdown and OPML) the sidebar
 * downloads, and the .xlsx of the workbench and `npm run export`. Each finishes within the test's
 * time (the poster's wrapping once re-measured every start of a long word, and ran for minutes),
 * and each keeps the text: whole where the file carries it whole, and on the poster in lines no
 * wider than their column, each the text's next characters.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openZip } from '../../xlsx-export/zip';
import { workbookToXlsx } from '../../xlsx-export/xlsx';
import type { MindMap, Poster } from '../../src/contract';
import { a1, ROW, SIDE_COL, stageCol, type RowKey } from '../../src/core/map/layout';
import { CARD_KEYS, CONTENT_KEYS } from '../../src/core/map/journey';
import { textWidth } from '../../src/core/poster/svg';
import { openSpreadsheet } from '../support/addon';
import { planAction } from '../support/journeys';
import { type OutlineTree, parseMarkdownOutline } from '../support/markdown-outline';
import { elements, parseXml, parseXmlBytes, textOf, type XmlElement } from '../support/xml';

const LIMIT = 50_000;
const STAGES = 3;

/**
 * A text of exactly 50,000 characters that starts with `tag`: one unbroken word (the wrapping's
 * worst case), or words, mixed Cyrillic and wide letters, over lines of a few hundred characters.
 */
function long(tag: string, kind: 'word' | 'lines'): string {
  const unit = kind === 'word' ? 'ЩшmWiljx' : 'слово word Ж ';
  let s = tag;
  for (let i = 0; s.length < LIMIT; i++)
    s += kind === 'lines' && i % 40 === 39 ? '\n' : unit[i % unit.length];
  return s.slice(0, LIMIT).trimEnd();
}

/**
 * Cells a marketer types free text into, each with its own text; a stage's name (its header
 * cell) is one word, as the exports head its node with it.
 */
const TITLE_ROWS = ['name', 'segment', 'product', 'persona', 'goal', 'owner'] as const;
const stageCells = (rows: readonly RowKey[]) =>
  rows.flatMap((r) => Array.from({ length: STAGES }, (_, i) => a1(ROW[r], stageCol(i))));
const cells = [
  ...[...TITLE_ROWS, ...CARD_KEYS].map((r) => a1(ROW[r], SIDE_COL)),
  ...stageCells(CONTENT_KEYS),
].map((cell, i) => ({ cell, text: long(`${cell}:`, i % 2 === 0 ? 'word' : 'lines') }));
const names = stageCells(['header']).map((cell) => ({ cell, text: long(`${cell}:`, 'word') }));

const action = long('action:', 'word');
const owner = long('owner:', 'lines');

/** The lines of a cell, as each export makes one item of each. */
const linesOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

describe('a map with 50,000 characters in every text cell, exported', () => {
  const s = openSpreadsheet('ru_RU');
  let map = '';
  let mapId = '';
  /** Types `text` over the cell of the plan's sheet that holds `value`. */
  const retype = (value: string, text: string) => {
    for (const sheet of s.wb.sheetNames().filter((n) => n !== map))
      for (let row = 1; row <= 30; row++)
        for (let col = 1; col <= 12; col++)
          if (s.wb.value(sheet, a1(row, col)) === value)
            return s.wb.setCell(sheet, a1(row, col), text);
    throw new Error(`no "${value}" in the plan`);
  };

  beforeAll(() => {
    map = s.newMap({
      preset: 'custom',
      stages: Array.from({ length: STAGES }, (_, i) => `Этап ${i + 1}`),
      name: 'Длинные тексты',
    });
    mapId = String(s.wb.value(map, `A${ROW.footer}`)).split(' ')[2]!;
    const saved = s.addon.callFromClient('savePlan', {
      mapId,
      base: [],
      actions: [{ ...planAction('Рассрочка', 'C', '+2 п.п.'), owner: 'Оля' }],
    }) as { ok: boolean };
    expect(saved.ok).toBe(true);
    for (const { cell, text } of [...cells, ...names]) s.wb.setCell(map, cell, text);
    // the plan's form takes shorter texts: these are typed into its sheet
    retype('Рассрочка', action);
    retype('Оля', owner);
    expect(cells.every(({ cell, text }) => s.wb.value(map, cell) === text)).toBe(true);
  });

  it('the mind map keeps every text whole, in Markdown and in OPML', () => {
    const mind = s.addon.callFromClient('exportMindMap', { mapId }) as MindMap;
    const outlines = new Set(
      elements(parseXml(mind.opml))
        .filter((e) => e.name === 'outline')
        .map((e) => e.attrs.text ?? ''),
    );
    const texts = (n: OutlineTree): string[] => [n.text, ...n.children.flatMap(texts)];
    const mdLines = new Set(texts(parseMarkdownOutline(mind.markdown)));
    // the cells whose lines are not each a node of their own (one expect: they are thousands)
    const missing = (nodes: Set<string>) =>
      cells.filter(({ text }) => !linesOf(text).every((l) => nodes.has(l))).map((c) => c.cell);
    expect(missing(outlines)).toEqual([]);
    expect(missing(mdLines)).toEqual([]);
    // a stage's node: its number, its name and its funnel role
    names.forEach(({ text }, i) => {
      const node = (t: string) => t.startsWith(`${i + 1}. ${text} (`);
      expect([...outlines].some(node), `stage ${i + 1} in OPML`).toBe(true);
      expect([...mdLines].some(node), `stage ${i + 1} in Markdown`).toBe(true);
    });
    expect([...outlines].some((t) => t.startsWith(`${action} — `))).toBe(true);
    expect([...mdLines].some((t) => t.startsWith(`${action} — `))).toBe(true);
  });

  it('the poster shows every cell in lines no wider than its column, the text in order, and the name whole in its title', () => {
    const poster = s.addon.callFromClient('exportPoster', { mapId }) as Poster;
    const root = parseXml(poster.svg);
    // the title is the name, the segment and the product, each whole
    const title = textOf(elements(root).find((e) => e.name === 'title') ?? root);
    const [name, segment, product] = cells.map((c) => c.text);
    expect(title === `${name} — ${segment} · ${product}`).toBe(true);
    const rows = elements(root).find((e) => e.attrs.class === 'rows');
    // each stage column's texts, left to right: x is the column's left edge + 6
    const texts = elements(rows ?? root).filter((e) => e.name === 'text');
    const xs = [...new Set(texts.map((e) => Number(e.attrs.x)))].sort((a, b) => a - b);
    expect(xs).toHaveLength(1 + STAGES);
    const colW = (xs[2] ?? 0) - (xs[1] ?? 0);
    const cellW = colW - 12;
    for (let i = 0; i < STAGES; i++) {
      const column = texts.filter((e) => Number(e.attrs.x) === xs[i + 1]);
      expect(column).toHaveLength(5);
      column.forEach((e, k) => {
        const key = (['job', 'actions', 'touchpoints', 'barriers', 'drivers'] as const)[k]!;
        const typed = cells.find((c) => c.cell === a1(ROW[key], stageCol(i)))!.text;
        const lines = elements(e)
          .filter((t) => t.name === 'tspan')
          .map((t) => textOf(t));
        expect(lines.length, `${key} of stage ${i + 1}`).toBeGreaterThan(1);
        for (const l of lines) expect(textWidth(l) * 10).toBeLessThanOrEqual(cellW);
        expect(lines.at(-1)).toMatch(/…$/);
        // the lines are the text's start, its spaces and line breaks as the wrapping left them
        const shown = lines.join(' ').slice(0, -1).replace(/\s+/g, '');
        expect(typed.replace(/\s+/g, '').startsWith(shown)).toBe(true);
      });
    }
  });

  it('the .xlsx holds every text whole', async () => {
    const zip = await openZip(await workbookToXlsx(s.wb));
    const table = parseXmlBytes(
      (await zip.file('xl/sharedStrings.xml')?.async('uint8array')) ?? new Uint8Array(),
    );
    const strings = new Set(
      table.children.flatMap((si) =>
        typeof si === 'string'
          ? []
          : [
              elements(si as XmlElement)
                .filter((e) => e.name === 't')
                .map((e) => textOf(e))
                .join(''),
            ],
      ),
    );
    for (const { cell, text } of cells) expect(strings.has(text), cell).toBe(true);
    expect(strings.has(action)).toBe(true);
    expect(strings.has(owner)).toBe(true);
  });
});
