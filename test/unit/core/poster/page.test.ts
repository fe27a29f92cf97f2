import { describe, expect, it } from 'vitest';
import { sampleJourney } from '../../../../scripts/poster-sample';
import { choosePage, fixedHeight } from '../../../../src/core/poster/layout';
import { renderPoster } from '../../../../src/core/poster/poster';
import { t } from '../../../../src/core/words/i18n';
import { elements, parseXml, textOf } from '../../../support/xml';
import { AMBER, GREEN, GRID, INK, PALE_RED, RED, STRIPE } from './palette';

/** ISO A landscape in CSS px (96 per inch). */
const px = (mm: number) => (mm * 96) / 25.4;
const A4 = { w: px(297), h: px(210) };

describe('the fixed parts of a poster page', () => {
  it('margins, header, each band of stages, the bottom band and the footer add up', () => {
    // 2 × 32 + 84 + 10 + (38 + 66 + 86 + 10) + 0 + 10 + 14
    expect(fixedHeight(1, 0)).toBe(382);
    // 2 × 32 + 84 + 10 + 2 × 200 + 50 + 10 + 14
    expect(fixedHeight(2, 50)).toBe(632);
  });
});

describe('the page a map is printed on', () => {
  const bottom = () => 100;

  it('six stages on A4: one band, the columns sharing the width right of the row labels', () => {
    const page = choosePage(6, bottom);
    expect(page).toMatchObject({
      name: 'A4',
      mm: { w: 297, h: 210 },
      bands: 1,
      perBand: 6,
      topN: 3,
    });
    expect(page.w).toBeCloseTo(1122.52, 2);
    expect(page.h).toBeCloseTo(793.7, 2);
    // (1122.52 − 2 × 32 − 118) / 6
    expect(page.colW).toBeCloseTo(156.753, 3);
  });

  it('seven stages still fit A4; the eighth goes to A3, five top actions there', () => {
    // A4 has 940.5 px for columns: 7 of the least 128
    expect(choosePage(7, bottom)).toMatchObject({ name: 'A4', bands: 1, perBand: 7 });
    const a3 = choosePage(8, bottom);
    expect(a3).toMatchObject({ name: 'A3', mm: { w: 420, h: 297 }, bands: 1, perBand: 8 });
    expect(a3.topN).toBe(5);
    // (1587.40 − 182) / 8
    expect(a3.colW).toBeCloseTo(175.675, 3);
  });

  it('the bottom band is measured with the number of top actions the page shows', () => {
    const asked: number[] = [];
    // a bottom band too tall for A4 with three actions, short with five
    const page = choosePage(6, (topN) => {
      asked.push(topN);
      return topN === 3 ? 300 : 100;
    });
    expect(asked).toEqual([3, 5]);
    expect(page).toMatchObject({ name: 'A3', topN: 5 });
  });

  it('A4 while its rows keep two lines each, A3 from the first pixel more', () => {
    // one band: 382 fixed + 5 rows × (2 × 12.5 + 7) = 542, plus the bottom band
    const exact = A4.h - 542;
    expect(choosePage(6, () => exact).name).toBe('A4');
    expect(choosePage(6, () => exact + 1).name).toBe('A3');
  });

  it('a map no sheet holds gets the largest, A0', () => {
    expect(choosePage(6, () => 10_000)).toMatchObject({ name: 'A0', mm: { w: 1189, h: 841 } });
  });
});

describe('the poster colours', () => {
  const svg = renderPoster({
    journey: sampleJourney('en'),
    actions: [],
    locale: 'en_US',
  });
  const root = parseXml(svg);
  const all = elements(root);
  const labelFill = (s: string) =>
    all.find((e) => e.name === 'text' && textOf(e) === s)?.attrs.fill;

  it('names its fonts, the widest last, on the page', () => {
    expect(root.attrs['font-family']).toBe(
      "Arial, Helvetica, 'Liberation Sans', 'DejaVu Sans', sans-serif",
    );
  });

  it('barriers in red, drivers in green, other rows in ink', () => {
    expect(labelFill(t('en', 'row.barriers'))).toBe(RED);
    expect(labelFill(t('en', 'row.drivers'))).toBe(GREEN);
    expect(labelFill(t('en', 'row.touchpoints'))).toBe(INK);
  });

  it('stripes every other key row and rules the grid in light grey', () => {
    const rows = all.find((e) => e.attrs.class === 'rows');
    const stripes = elements(rows!).filter((e) => e.name === 'rect');
    expect(stripes).toHaveLength(3);
    for (const s of stripes) expect(s.attrs.fill).toBe(STRIPE);
    const rules = elements(rows!).filter((e) => e.name === 'line');
    expect(rules.length).toBeGreaterThan(0);
    for (const l of rules) expect(l.attrs.stroke).toBe(GRID);
  });

  it('the weakest transition in pale red; the curve’s scores red, amber, green', () => {
    const weakest = all.find((e) => e.attrs.id === 'weakest');
    expect(elements(weakest!).find((e) => e.name === 'rect')?.attrs.fill).toBe(PALE_RED);
    const dots = new Set(
      all.filter((e) => e.name === 'circle' && e.attrs.r === '4.5').map((e) => e.attrs.fill),
    );
    expect(dots).toEqual(new Set([RED, AMBER, GREEN]));
  });
});
