import { describe, expect, it } from 'vitest';
import type { CellData, Journey, Stage } from '../../../../src/core/map/journey';
import { newStage } from '../../../../src/core/map/journey';
import type { Role } from '../../../../src/core/map/stages';
import { renderBands } from '../../../../src/core/poster/bands';
import type { Page } from '../../../../src/core/poster/layout';
import { posterView } from '../../../../src/core/poster/view';
import { presetJourney } from '../../../support/journeys';
import { elements, parseXml, textOf, type XmlElement } from '../../../support/xml';
import { AMBER, BLUE, GREEN, GRID, INK, MUTED, PALE_RED, RED, STRIPE, WHITE } from './palette';

// Positions below are worked out by hand from LAYOUT: margin 32, labelWidth 118 (so the stage
// columns start at x 150), stage head 38 high, rows: line 12.5, pad 7, inset 6; gap 10.
// The header and the page's other fixed parts: fixedHeight(1 band, bottom 0) = 382, (2 bands) = 582.

const TINTS = ['#e8f0fe', '#e6f4ea', '#fef7e0', PALE_RED, '#f3e8fd', '#e4f7fb'];

/** Words of four letters of one width (0.62 of the type size each): four fit a 140 column's cell. */
const W =
  'aaaa bbbb cccc dddd eeee gggg hhhh kkkk nnnn oooo pppp qqqq ssss uuuu vvvv xxxx yyyy'.split(' ');

interface StageSpec {
  name: string;
  role?: Role | '';
  score?: CellData;
  customers?: CellData;
  target?: CellData;
  content?: Partial<Stage['content']>;
}

function journey(specs: StageSpec[], lang: 'en' | 'ru' = 'en'): Journey {
  const j = presetJourney(lang);
  j.stages = specs.map((s, i) => {
    const st = newStage(s.name, s.role ?? '', `stage${i}`);
    st.content.score = s.score ?? '';
    st.customers = s.customers ?? '';
    st.target = s.target ?? '';
    Object.assign(st.content, s.content ?? {});
    return st;
  });
  return j;
}

function page(p: { colW: number; perBand: number; bands: number; h: number }): Page {
  const w = 32 + 118 + p.perBand * p.colW + 32;
  return { name: 'A4', mm: { w: 297, h: 210 }, w, topN: 3, ...p };
}

const TOP = 126;

function render(j: Journey, pg: Page, bottomH = 0) {
  const v = posterView({ journey: j, actions: [], locale: 'en_US' });
  const out = renderBands(v, pg, bottomH, TOP);
  const root = parseXml(`<svg xmlns="http://www.w3.org/2000/svg">${out.svg.join('')}</svg>`);
  const bands = root.children.filter((c): c is XmlElement => typeof c !== 'string');
  const band = (b: number) => {
    const g = bands[b];
    if (!g) throw new Error(`no band ${b}`);
    const kids = g.children.filter((c): c is XmlElement => typeof c !== 'string');
    const part = (cls: string) => {
      const p = kids.find((e) => e.name === 'g' && e.attrs.class === cls);
      if (!p) throw new Error(`no ${cls}`);
      return elements(p).slice(1);
    };
    return {
      g,
      heads: kids.filter((e) => e.name !== 'g'),
      curve: part('curve'),
      funnel: part('funnel'),
      rows: part('rows'),
    };
  };
  return { out, root, bands, band };
}

/** A text element's lines: its tspans, or its one line. */
const linesOf = (e: XmlElement): string[] => {
  const spans = e.children.filter((c): c is XmlElement => typeof c !== 'string');
  return spans.length ? spans.map((s) => textOf(s)) : [textOf(e)];
};
const num = (e: XmlElement, a: string) => Number(e.attrs[a]);
const at = (e: XmlElement) => [num(e, 'x'), num(e, 'y')];
const box = (e: XmlElement) => [num(e, 'x'), num(e, 'y'), num(e, 'width'), num(e, 'height')];
const seg = (e: XmlElement) => [num(e, 'x1'), num(e, 'y1'), num(e, 'x2'), num(e, 'y2')];
const named = (list: XmlElement[], name: string) => list.filter((e) => e.name === name);

/**
 * Seven stages in one band, columns 140 wide from x 150 (150, 290, 430, … 990; right edge 1130).
 * Rows: job 3 lines (capped), actions 2, touchpoints 1, barriers 1, drivers 3 = 160 high;
 * the rows' room 260 leaves 100 spare, 40 to each chart: curve 106, funnel 126.
 */
const sevenStages = () =>
  journey([
    {
      name: 'Notice',
      role: 'L',
      score: 1,
      customers: 1000,
      content: { job: W.join(' ') },
    },
    {
      name: 'Compare all offers',
      score: 2,
      customers: 800,
      target: 0.9,
      content: { actions: W.slice(0, 6).join(' ') },
    },
    {
      name: 'Buy a pass',
      role: 'C',
      score: 3,
      customers: 200,
      target: 0.5,
      content: { barriers: 'hhhh kkkk' },
    },
    {
      name: 'Visit',
      role: 'Q',
      score: 4,
      customers: 100,
      target: 0.5,
      content: { drivers: W.slice(0, 12).join(' ') },
    },
    { name: 'Stay', score: 6 },
    { name: 'Return', score: 5, customers: 10 },
    { name: 'Refer', score: 0, customers: 0 },
  ]);
const sevenPage = () => page({ colW: 140, perBand: 7, bands: 1, h: 382 + 260 });
const COLS = [150, 290, 430, 570, 710, 850, 990];
const CENTRES = COLS.map((x) => x + 70);

describe('a band of stages: the stage heads', () => {
  const { band, bands, out } = render(sevenStages(), sevenPage());
  const { heads, g } = band(0);

  it('is one band, its parts only, and the page goes on under it after the gap', () => {
    expect(out.svg).toHaveLength(1);
    expect(bands).toHaveLength(1);
    expect(bands[0]?.attrs).toEqual({ class: 'band', id: 'band-1' });
    // nothing but elements: no stray characters on the page
    for (const e of elements(g)) {
      if (e.name !== 'text' && e.name !== 'tspan')
        expect(e.children.filter((c) => typeof c === 'string')).toEqual([]);
    }
    // heads 38 + curve 106 + funnel 126 + rows 160 + gap 10
    expect(out.y).toBe(TOP + 440);
  });

  it('puts each stage on its tinted card, one column after another, inside the page', () => {
    const cards = named(heads, 'rect');
    expect(cards.map(box)).toEqual(COLS.map((x) => [x + 2, TOP, 136, 34]));
    expect(cards.map((c) => c.attrs.fill)).toEqual([...TINTS, TINTS[0]]);
    expect(cards.every((c) => c.attrs.rx === '5')).toBe(true);
    for (const c of cards) expect(num(c, 'x') + num(c, 'width')).toBeLessThanOrEqual(1130);
  });

  it('numbers and names each stage in bold at the top left of its card, wrapping a long name', () => {
    const names = named(heads, 'text').filter((t) => t.attrs['font-size'] === '11');
    expect(names.map(linesOf)).toEqual([
      ['1. Notice'],
      ['2. Compare all', 'offers'],
      ['3. Buy a pass'],
      ['4. Visit'],
      ['5. Stay'],
      ['6. Return'],
      ['7. Refer'],
    ]);
    expect(names.map(at)).toEqual(COLS.map((x) => [x + 8, TOP + 14]));
    for (const n of names) expect(n.attrs).toMatchObject({ 'font-weight': 'bold', fill: INK });
    expect(elements(names[1]!).find((e) => e.attrs.dy)?.attrs.dy).toBe('13');
  });

  it('shows a funnel role at the bottom right of its card, and nothing for a stage without one', () => {
    const roles = named(heads, 'text').filter((t) => t.attrs['font-size'] === '8');
    expect(roles.map((r) => [textOf(r), ...at(r)])).toEqual([
      ['L', 150 + 132, TOP + 29],
      ['C', 430 + 132, TOP + 29],
      ['Q', 570 + 132, TOP + 29],
    ]);
    for (const r of roles) expect(r.attrs).toMatchObject({ fill: MUTED, 'text-anchor': 'end' });
  });

  it('labels the row of heads in the label column', () => {
    const label = named(heads, 'text').filter((t) => t.attrs['font-size'] === '10');
    expect(label).toHaveLength(1);
    expect(linesOf(label[0]!)).toEqual(['Stage']);
    expect(at(label[0]!)).toEqual([32, TOP + 14]);
    expect(label[0]?.attrs).toMatchObject({ 'font-weight': 'bold', fill: MUTED });
  });
});

describe('a band of stages: the emotion curve', () => {
  const { curve } = render(sevenStages(), sevenPage()).band(0);
  const y = TOP + 38;
  // score n sits at y + 14 + (5 − n) / 4 × (106 − 26): 20 apart, 5 at the top
  const sy = (n: number) => y + 14 + 20 * (5 - n);

  it('draws the five score lines across the stage columns, 3 solid, the others dashed', () => {
    const grid = named(curve, 'line');
    expect(grid.map(seg)).toEqual([1, 2, 3, 4, 5].map((n) => [150, sy(n), 1130, sy(n)]));
    expect(grid.map((l) => [l.attrs['stroke-width'], l.attrs['stroke-dasharray']])).toEqual([
      ['0.5', '2 3'],
      ['0.5', '2 3'],
      ['1', undefined],
      ['0.5', '2 3'],
      ['0.5', '2 3'],
    ]);
    for (const l of grid) expect(l.attrs.stroke).toBe(GRID);
  });

  it('numbers the score lines left of the columns', () => {
    const axis = named(curve, 'text').filter((t) => t.attrs['font-size'] === '8');
    expect(axis.map((t) => [textOf(t), ...at(t)])).toEqual(
      [1, 2, 3, 4, 5].map((n) => [String(n), 144, sy(n) + 3]),
    );
    for (const t of axis) expect(t.attrs).toMatchObject({ fill: MUTED, 'text-anchor': 'end' });
  });

  it('labels the curve in bold in the label column', () => {
    const label = named(curve, 'text').filter((t) => t.attrs['font-size'] === '10');
    expect(label.map(linesOf)).toEqual([['Emotion curve']]);
    expect(at(label[0]!)).toEqual([32, y + 14]);
    expect(label[0]?.attrs).toMatchObject({ 'font-weight': 'bold', fill: INK });
  });

  it('puts a dot per scored stage at its column centre, red for 1–2, amber for 3, green for 4–5', () => {
    const dots = named(curve, 'circle');
    // stage 5 scores 6 and stage 7 scores 0: no score a 1–5 scale has
    expect(dots.map((d) => [num(d, 'cx'), num(d, 'cy'), d.attrs.fill])).toEqual([
      [CENTRES[0], sy(1), RED],
      [CENTRES[1], sy(2), RED],
      [CENTRES[2], sy(3), AMBER],
      [CENTRES[3], sy(4), GREEN],
      [CENTRES[5], sy(5), GREEN],
    ]);
    for (const d of dots) expect(d.attrs).toMatchObject({ r: '4.5', stroke: WHITE });
  });

  it('writes each score in bold, in its colour, just above and right of its dot', () => {
    const scores = named(curve, 'text').filter((t) => t.attrs['font-size'] === '9');
    expect(scores.map((t) => [textOf(t), ...at(t), t.attrs.fill])).toEqual([
      ['1', CENTRES[0]! + 8, sy(1) - 5, RED],
      ['2', CENTRES[1]! + 8, sy(2) - 5, RED],
      ['3', CENTRES[2]! + 8, sy(3) - 5, AMBER],
      ['4', CENTRES[3]! + 8, sy(4) - 5, GREEN],
      ['5', CENTRES[5]! + 8, sy(5) - 5, GREEN],
    ]);
    for (const t of scores) expect(t.attrs['font-weight']).toBe('bold');
  });

  it('joins the scores of neighbouring stages by a line, broken where a stage has none', () => {
    const runs = named(curve, 'polyline');
    // stages 1–4; the lone score of stage 6 (between two unscored stages) gets no line
    expect(runs).toHaveLength(1);
    expect(runs[0]?.attrs).toEqual({
      points: `220,${sy(1)} 360,${sy(2)} 500,${sy(3)} 640,${sy(4)}`,
      fill: 'none',
      stroke: BLUE,
      'stroke-width': '2',
      'stroke-linejoin': 'round',
    });
  });
});

describe('a band of stages: the funnel', () => {
  const { funnel } = render(sevenStages(), sevenPage()).band(0);
  const y = TOP + 38 + 106;
  // bars stand on y + 126 − 20; the largest count (1,000) reaches y + 22: 84 for 1,000
  const bottom = y + 106;

  it('rules the funnel off from the curve and labels it in the label column', () => {
    expect(named(funnel, 'line').map(seg)).toEqual([[32, y, 1130, y]]);
    expect(named(funnel, 'line')[0]?.attrs.stroke).toBe(GRID);
    const label = named(funnel, 'text').filter((t) => num(t, 'x') === 32);
    expect(label.map(linesOf)).toEqual([['Funnel: customers', 'and step', 'conversion']]);
    expect(at(label[0]!)).toEqual([32, y + 16]);
    expect(label[0]?.attrs).toMatchObject({ 'font-weight': 'bold', fill: INK });
  });

  it('marks the weakest transition’s column with a dashed red frame', () => {
    const frames = named(funnel, 'rect').filter((r) => r.attrs.fill === PALE_RED);
    expect(frames.map(box)).toEqual([[430 + 3, y + 3, 134, 120]]);
    expect(frames[0]?.attrs).toMatchObject({ stroke: RED, 'stroke-dasharray': '4 3', rx: '5' });
  });

  it('draws a bar per counted stage, as high as its share of the largest count, centred in its column', () => {
    const bars = named(funnel, 'rect').filter((r) => r.attrs.fill !== PALE_RED);
    // 55% of the column is 77, under the 80 at most; 10 of 1,000 still shows 2 high; 0 shows none
    expect(bars.map(box)).toEqual([
      [CENTRES[0]! - 38.5, bottom - 84, 77, 84],
      [CENTRES[1]! - 38.5, bottom - 67.2, 77, 67.2],
      [CENTRES[2]! - 38.5, bottom - 16.8, 77, 16.8],
      [CENTRES[3]! - 38.5, bottom - 8.4, 77, 8.4],
      [CENTRES[5]! - 38.5, bottom - 2, 77, 2],
      [CENTRES[6]! - 38.5, bottom, 77, 0],
    ]);
    expect(bars.map((b) => b.attrs.fill)).toEqual([BLUE, BLUE, RED, BLUE, BLUE, BLUE]);
  });

  it('writes each count in bold above its bar; a stage without a count has neither', () => {
    const counts = named(funnel, 'text')
      .filter((t) => t.attrs['font-size'] === '10')
      .slice(1);
    expect(counts.map((t) => [textOf(t), ...at(t)])).toEqual([
      ['1,000', CENTRES[0], bottom - 84 - 4],
      ['800', CENTRES[1], bottom - 67.2 - 4],
      ['200', CENTRES[2], bottom - 16.8 - 4],
      ['100', CENTRES[3], bottom - 8.4 - 4],
      ['10', CENTRES[5], bottom - 2 - 4],
      ['0', CENTRES[6], bottom - 4],
    ]);
    for (const t of counts)
      expect(t.attrs).toMatchObject({ 'font-weight': 'bold', fill: INK, 'text-anchor': 'middle' });
  });

  it('writes the step conversion under each transition, red and bold where under target or weakest', () => {
    const steps = named(funnel, 'text').filter((t) => t.attrs['font-size'] === '9');
    // none for the first stage, nor where a count is missing (stage 5, and stage 6 after it)
    expect(
      steps.map((t) => [
        textOf(t),
        ...at(t),
        t.attrs.fill,
        t.attrs['font-weight'],
        t.attrs['text-anchor'],
      ]),
    ).toEqual([
      ['→ 80.0% · target 90.0%', CENTRES[1], y + 118, RED, 'bold', 'middle'],
      ['→ 25.0% · target 50.0%', CENTRES[2], y + 118, RED, 'bold', 'middle'],
      // the target met exactly is not under it
      ['→ 50.0% · target 50.0%', CENTRES[3], y + 118, MUTED, undefined, 'middle'],
      ['→ 0.0%', CENTRES[6], y + 118, MUTED, undefined, 'middle'],
    ]);
  });
});

describe('a band of stages: the key rows', () => {
  const { rows } = render(sevenStages(), sevenPage()).band(0);
  const top = TOP + 38 + 106 + 126;
  // row heights: lines × 12.5 + 7 for 3, 2, 1, 1, 3 lines
  const ys = [0, 44.5, 76.5, 96, 115.5, 160].map((d) => top + d);

  it('stripes every other row across the labels and the stage columns', () => {
    const stripes = named(rows, 'rect');
    expect(stripes.map(box)).toEqual([
      [32, ys[0], 1098, 44.5],
      [32, ys[2], 1098, 19.5],
      [32, ys[4], 1098, 44.5],
    ]);
    for (const s of stripes) expect(s.attrs.fill).toBe(STRIPE);
  });

  it('rules each row off, and the stage columns apart, between the rows’ top and bottom', () => {
    const lines = named(rows, 'line');
    const across = lines.filter((l) => l.attrs.y1 === l.attrs.y2);
    expect(across.map(seg)).toEqual(ys.map((y) => [32, y, 1130, y]));
    const down = lines.filter((l) => l.attrs.y1 !== l.attrs.y2);
    expect(down.map(seg)).toEqual(COLS.slice(1).map((x) => [x, top, x, top + 160]));
    for (const l of lines) expect(l.attrs).toMatchObject({ stroke: GRID, 'stroke-width': '0.5' });
  });

  it('labels each row in bold in its colour: barriers red, drivers green', () => {
    const labels = named(rows, 'text').filter((t) => num(t, 'x') === 34);
    expect(labels.map((t) => [linesOf(t), num(t, 'y'), t.attrs.fill])).toEqual([
      [['Customer goal /', 'job to be done'], ys[0]! + 12, INK],
      [['Customer actions'], ys[1]! + 12, INK],
      [['Touchpoints'], ys[2]! + 12, INK],
      [['Barriers'], ys[3]! + 12, RED],
      [['Drivers'], ys[4]! + 12, GREEN],
    ]);
    for (const t of labels)
      expect(t.attrs).toMatchObject({ 'font-weight': 'bold', 'font-size': '10' });
  });

  it('writes each cell in its column, wrapped to it, cut with "…" where the row has no more lines', () => {
    const cells = named(rows, 'text').filter((t) => num(t, 'x') !== 34);
    expect(cells.map((t) => [linesOf(t), ...at(t)])).toEqual([
      [['aaaa bbbb cccc dddd', 'eeee gggg hhhh kkkk', 'nnnn oooo pppp qqqq…'], 156, ys[0]! + 12],
      [['aaaa bbbb cccc dddd', 'eeee gggg'], 296, ys[1]! + 12],
      [['hhhh kkkk'], 436, ys[3]! + 12],
      // three lines in a row of three: whole, no "…"
      [['aaaa bbbb cccc dddd', 'eeee gggg hhhh kkkk', 'nnnn oooo pppp qqqq'], 576, ys[4]! + 12],
    ]);
    for (const t of cells) expect(t.attrs).toMatchObject({ 'font-size': '10', fill: INK });
    expect(elements(cells[0]!).find((e) => e.attrs.dy)?.attrs.dy).toBe('12.5');
  });
});

describe('a map of many stages runs in bands, one under the other', () => {
  // five stages, three a band, columns 100 wide; band 2's actions take 2 lines:
  // band 1 rows 2, 1, 1, 1, 1 lines = 110 high, band 2 rows 2, 2, 1, 1, 1 = 122.5.
  // Each band's room for rows (907 − 582) / 2 = 162.5: 2 lines a row at most; 40 spare by the
  // taller band, 16 to each chart: curve 82, funnel 102.
  const j = journey([
    { name: 'One', role: 'L', customers: 0 },
    { name: 'Two', customers: 0 },
    { name: 'Three', customers: 0 },
    { name: 'Four', customers: 0, content: { actions: 'aaaa bbbb cccc dddd' } },
    { name: 'Five', role: 'C', customers: 0 },
  ]);
  const { bands, band, out } = render(j, page({ colW: 100, perBand: 3, bands: 2, h: 907 }));
  const band2Top = TOP + 38 + 82 + 102 + 110 + 10;

  it('puts the first three stages in band 1 and the rest in band 2, each from the left', () => {
    expect(bands.map((b) => b.attrs.id)).toEqual(['band-1', 'band-2']);
    const names = (b: number) =>
      named(band(b).heads, 'text')
        .filter((t) => t.attrs['font-size'] === '11')
        .map((t) => [textOf(t), ...at(t)]);
    expect(names(0)).toEqual([
      ['1. One', 158, TOP + 14],
      ['2. Two', 258, TOP + 14],
      ['3. Three', 358, TOP + 14],
    ]);
    expect(names(1)).toEqual([
      ['4. Four', 158, band2Top + 14],
      ['5. Five', 258, band2Top + 14],
    ]);
    // the tints go on with the stages' numbers
    expect(named(band(1).heads, 'rect').map((r) => r.attrs.fill)).toEqual([TINTS[3], TINTS[4]]);
  });

  it('shares the height so each band takes the same room for its charts', () => {
    for (const [b, y] of [
      [0, TOP],
      [1, band2Top],
    ] as const) {
      const { curve, funnel } = band(b);
      const grid = named(curve, 'line');
      // 1 at y + 38 + 14 + (82 − 26), 5 at y + 38 + 14
      expect([num(grid[0]!, 'y1'), num(grid[4]!, 'y1')]).toEqual([y + 38 + 70, y + 38 + 14]);
      expect(num(named(funnel, 'line')[0]!, 'y1')).toBe(y + 38 + 82);
    }
    expect(out.y).toBe(band2Top + 38 + 82 + 102 + 122.5 + 10);
  });

  it('ends each band’s rows at its own last column, with its own rows’ heights', () => {
    const r1 = named(band(0).rows, 'line');
    const r2 = named(band(1).rows, 'line');
    const rows1 = TOP + 38 + 82 + 102;
    const rows2 = band2Top + 38 + 82 + 102;
    expect(r1.filter((l) => l.attrs.y1 === l.attrs.y2).map(seg)).toEqual(
      [0, 32, 51.5, 71, 90.5, 110].map((d) => [32, rows1 + d, 450, rows1 + d]),
    );
    expect(r2.filter((l) => l.attrs.y1 === l.attrs.y2).map(seg)).toEqual(
      [0, 32, 64, 83.5, 103, 122.5].map((d) => [32, rows2 + d, 350, rows2 + d]),
    );
    expect(r2.filter((l) => l.attrs.y1 !== l.attrs.y2).map(seg)).toEqual([
      [250, rows2, 250, rows2 + 122.5],
    ]);
    expect(
      named(band(1).rows, 'text')
        .filter((t) => num(t, 'x') !== 34)
        .map(linesOf),
    ).toEqual([['aaaa bbbb cccc', 'dddd']]);
  });

  it('with every count 0, draws the bars flat and writes 0 on each', () => {
    const bottom = TOP + 38 + 82 + 102 - 20;
    const bars = named(band(0).funnel, 'rect');
    expect(bars.map(box)).toEqual([50, 150, 250].map((c) => [150 + c - 27.5, bottom, 55, 0]));
    const counts = named(band(0).funnel, 'text').filter((t) => t.attrs['font-size'] === '10');
    expect(counts.slice(1).map((t) => [textOf(t), num(t, 'y')])).toEqual([
      ['0', bottom - 4],
      ['0', bottom - 4],
      ['0', bottom - 4],
    ]);
  });
});

describe('a narrow column cuts what does not fit rather than run into the next one', () => {
  const j = journey([
    { name: 'One', customers: 1_000_000_000_000 },
    { name: 'Two', customers: 800_000_000_000, target: 0.9 },
  ]);
  const { funnel } = render(j, page({ colW: 100, perBand: 2, bands: 1, h: 582 })).band(0);

  it('cuts a long count and a long step with "…"', () => {
    const counts = named(funnel, 'text').filter((t) => t.attrs['font-size'] === '10');
    expect(counts.slice(1).map((t) => textOf(t))).toEqual(['1,000,000,00…', '800,000,000,…']);
    const steps = named(funnel, 'text').filter((t) => t.attrs['font-size'] === '9');
    expect(steps.map((t) => textOf(t))).toEqual(['→ 80.0% · targ…']);
  });
});
