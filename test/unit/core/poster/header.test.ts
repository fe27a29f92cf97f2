import { describe, expect, it } from 'vitest';
import type { Journey } from '../../../../src/core/map/journey';
import { renderHeader } from '../../../../src/core/poster/header';
import type { Page } from '../../../../src/core/poster/layout';
import { posterView } from '../../../../src/core/poster/view';
import type { ReviewSummary } from '../../../../src/core/review/summary';
import { presetJourney } from '../../../support/journeys';
import { elements, parseXml, textOf, type XmlElement } from '../../../support/xml';
import { BLUE, INK, MUTED, NOTE_ON_BLUE, PALE, WHITE } from './palette';

const NBSP = '\u00a0';

/**
 * A page 1000 wide. With the five boxes at their least widths (104 × 4 + 150, 6 apart: 590),
 * they start at 1000 − 32 − 590 = 378 and the name gets 1000 − 64 − 590 − 16 = 330.
 */
const PAGE: Page = {
  name: 'A4',
  mm: { w: 297, h: 210 },
  w: 1000,
  h: 700,
  perBand: 6,
  bands: 1,
  colW: 100,
  topN: 3,
};

/** A review a month back: as of 30 November, revenue up by `change`. */
function reviewed(change: number): ReviewSummary {
  const period = { from: null, to: '2026-10-31', note: '', revenue: null, weakest: '' };
  return {
    asOf: '2026-11-30',
    revenueChange: change,
    goal: null,
    progress: null,
    periods: [period, period],
  };
}

function header(j: Journey, review: ReviewSummary | null = null) {
  const locale = j.lang === 'ru' ? 'ru_RU' : 'en_US';
  const root = parseXml(
    renderHeader(posterView({ journey: j, actions: [], locale, review }), PAGE),
  );
  const texts = elements(root).filter((e) => e.name === 'text');
  const boxes = elements(root).filter((e) => e.name === 'rect');
  const find = (s: string): XmlElement => {
    const found = texts.filter((e) => textOf(e) === s);
    expect(found, s).toHaveLength(1);
    return found[0]!;
  };
  return { root, texts, boxes, find, strings: texts.map((e) => textOf(e)) };
}

const at = (e: XmlElement) => [Number(e.attrs.x), Number(e.attrs.y)];

function blank(lang: 'en' | 'ru' = 'en', name = 'Coffee — beans'): Journey {
  const j = presetJourney(lang);
  j.title.name = name;
  return j;
}

describe('the poster header: caption, name, segment and product', () => {
  it('is one group of elements, caption in small grey capitals above the name in bold', () => {
    const { root, find, strings } = header(blank());
    expect(root.name).toBe('g');
    expect(root.attrs.id).toBe('header');
    // nothing but elements in it: no stray text between the boxes
    expect(root.children.every((c) => typeof c !== 'string')).toBe(true);
    expect(find('CUSTOMER JOURNEY MAP').attrs).toEqual({
      x: '32',
      y: '42',
      'font-size': '9',
      fill: MUTED,
      'letter-spacing': '0.5',
    });
    expect(find('Coffee — beans').attrs).toEqual({
      x: '32',
      y: '66',
      'font-size': '20',
      'font-weight': 'bold',
      fill: INK,
    });
    // no segment or product: no line for them, nor any empty line
    expect(strings).toHaveLength(12);
    expect(strings.every((s) => s.trim() !== '')).toBe(true);
  });

  it('the caption says the day the figures are as of, in the map language', () => {
    expect(header(blank('en'), reviewed(100)).strings).toContain(
      'CUSTOMER JOURNEY MAP · AS OF 2026-11-30',
    );
    expect(header(blank('ru'), reviewed(100)).strings).toContain(
      'КАРТА ПУТИ КЛИЕНТА · НА 30.11.2026',
    );
  });

  it('segment · product under the name', () => {
    const j = blank();
    j.title.segment = 'Runners';
    j.title.product = 'Shoes';
    expect(header(j).find('Runners · Shoes').attrs).toEqual({
      x: '32',
      y: '84',
      'font-size': '12',
      fill: INK,
    });
  });

  it('a long name is set smaller until it fits left of the boxes, and cut only at the smallest size', () => {
    const size = (name: string) => header(blank('en', name)).find(name).attrs['font-size'];
    // 15 × "m" (1 em each) at 20 bold: 15 × 20 × 1.1 = 330, the room exactly
    expect(size('m'.repeat(15))).toBe('20');
    // 25 × "x" (0.62 em): 341 at 20, too wide; 306.9 at 18
    expect(size('x'.repeat(25))).toBe('18');
    expect(size('x'.repeat(24))).toBe('20');
    // 100 × "x" fits at no size: at 14 bold (15.4 a unit) 32 × "x" and "…" (1.05) take 321.7
    const long = header(blank('en', 'x'.repeat(100)));
    const cut = long.find(`${'x'.repeat(32)}…`);
    expect(cut.attrs['font-size']).toBe('14');
    expect(cut.attrs['font-weight']).toBe('bold');
  });
});

describe('the poster header: persona and goal', () => {
  it('each on a line of its own under the boxes, spaces tidied, grey', () => {
    const j = blank();
    j.title.persona = '  Busy\n\n  parent  ';
    j.title.goal = 'More trials';
    const { find } = header(j);
    expect(find('Persona: Busy parent').attrs).toEqual({
      x: '32',
      y: '100',
      'font-size': '10',
      fill: MUTED,
    });
    expect(at(find('Goal of the map: More trials'))).toEqual([32, 113]);
  });

  it('a blank persona takes no line: the goal moves up', () => {
    for (const persona of ['', '  \n ']) {
      const j = blank();
      j.title.persona = persona;
      j.title.goal = 'More trials';
      const { find, strings } = header(j);
      expect(strings.some((s) => s.startsWith('Persona'))).toBe(false);
      expect(at(find('Goal of the map: More trials'))).toEqual([32, 100]);
    }
  });

  it('a long goal is cut at the page width, not at the name width', () => {
    const j = blank();
    j.title.goal = 'x'.repeat(200);
    // 936 wide at 10: "Goal of the map: " is 8.82 em, "…" 1.05, so 135 × "x" (83.7) fit
    expect(header(j).strings).toContain(`Goal of the map: ${'x'.repeat(135)}…`);
  });
});

describe('the poster header: the economics boxes', () => {
  it('five boxes right of the name, 6 apart, the last ending at the right margin', () => {
    const { boxes, texts, find } = header(blank());
    expect(boxes.map(at)).toEqual([
      [378, 32],
      [488, 32],
      [598, 32],
      [708, 32],
      [818, 32],
    ]);
    expect(boxes.map((b) => Number(b.attrs.width))).toEqual([104, 104, 104, 104, 150]);
    for (const b of boxes) expect(b.attrs).toMatchObject({ height: '54', rx: '6' });
    // grey boxes, and the revenue's blue
    expect(boxes.map((b) => b.attrs.fill)).toEqual([PALE, PALE, PALE, PALE, BLUE]);
    // label and value inset 8 from each box's left
    expect(find('Leads (L)').attrs).toEqual({ x: '386', y: '48', 'font-size': '9', fill: MUTED });
    expect(find('Revenue').attrs).toEqual({ x: '826', y: '48', 'font-size': '9', fill: WHITE });
    const dashes = texts.filter((e) => textOf(e) === '—');
    expect(dashes.map(at)).toEqual([
      [386, 72],
      [496, 72],
      [606, 72],
      [716, 72],
      [826, 72],
    ]);
    expect(dashes[0]?.attrs).toMatchObject({ 'font-size': '15', 'font-weight': 'bold', fill: INK });
    expect(dashes[4]?.attrs).toMatchObject({
      'font-size': '17',
      'font-weight': 'bold',
      fill: WHITE,
    });
  });

  it('a box grows to hold its figure whole, and the name gets the less room', () => {
    const j = blank('en', 'x'.repeat(24));
    j.avgCheck = 1_234_567_890;
    const { boxes, find } = header(j);
    // "$1,234,567,890": 0.62 + 10 × 0.64 + 3 × 0.34 = 8.04 em, at 15 bold 132.66, + 18 → 151
    expect(boxes.map((b) => Number(b.attrs.width))).toEqual([104, 104, 151, 104, 150]);
    // 104 × 3 + 151 + 150 + 24 = 637: from 1000 − 32 − 637 = 331
    expect(boxes.map((b) => Number(b.attrs.x))).toEqual([331, 441, 551, 708, 818]);
    expect(find('$1,234,567,890').attrs.x).toBe('559');
    // the name's room is 47 less (283): 24 × "x" fits neither at 20 (327.4) nor 18 (294.6); at 16 (261.9)
    expect(find('x'.repeat(24)).attrs['font-size']).toBe('16');
  });

  it('the revenue box holds the change since the last review whole, in white under the figure', () => {
    const { boxes, texts, find } = header(blank(), reviewed(3_000_000));
    const note = '+$3,000,000 since the last review';
    // 17.62 em at 8: 140.96, + 18 → 159; the boxes start at 1000 − 32 − 599 = 369
    expect(boxes.map((b) => Number(b.attrs.width))).toEqual([104, 104, 104, 104, 159]);
    expect(boxes.map((b) => Number(b.attrs.x))).toEqual([369, 479, 589, 699, 809]);
    expect(find(note).attrs).toEqual({ x: '817', y: '83', 'font-size': '8', fill: WHITE });
    // only the revenue's box has a note
    expect(texts.filter((e) => Number(e.attrs.y) === 83)).toHaveLength(1);
    expect(header(blank('ru'), reviewed(3_000_000)).strings).toContain(
      `+3${NBSP}000${NBSP}000${NBSP}₽ с прошлого обзора`,
    );
  });

  it('says in yellow, in the revenue box, that the funnel roles were guessed', () => {
    for (const [lang, note] of [
      ['en', '⚠ funnel roles guessed'],
      ['ru', '⚠ роли этапов угаданы'],
    ] as const) {
      const j = blank(lang);
      j.rolesGuessed = true;
      // the guess wins over the review's change
      const { find, texts } = header(j, reviewed(3_000_000));
      expect(find(note).attrs).toEqual({ x: '826', y: '83', 'font-size': '8', fill: NOTE_ON_BLUE });
      expect(texts.filter((e) => Number(e.attrs.y) === 83)).toHaveLength(1);
    }
  });
});
