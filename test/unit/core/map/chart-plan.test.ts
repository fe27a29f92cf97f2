import { describe, expect, it } from 'vitest';
import { planCharts } from '../../../../src/core/map/chart-plan';
import { ROW } from '../../../../src/core/map/layout';

/*
 * Expected pixels, by hand from chart-plan's constants (axis text 11 px, titles 14 px, name margin
 * 20, top 48, bar 28, funnel plot 300 + 40, curve plot 200, curve step 24, gap 16, row 21) and
 * text-width's em table:
 * - the reference name, 40 Cyrillic "о" at 0.7 em: 40 × 0.7 × 11 = 308 px, wider than any short name;
 * - so the funnel's left margin is 308 + 20 = 328 and its width 328 + 300 + 40 = 668;
 * - the titles' own least widths (about 201 and 253 px) never beat 668.
 */
const axis = { textStyle: { fontSize: 11 } };
const FUNNEL_STAGES = ['Awareness', 'Consideration', 'Purchase', 'Retention', 'Advocacy'];

describe("the Present step's charts beside a map", () => {
  it('five stages: the funnel at the KPI rows, the curve under it, both right of the last stage', () => {
    // bars 5 × 28 = 140; funnel 48 + 140 + 40 = 228 tall; the curve 48 + 200 + 308 + 20 = 576
    // tall, starting ceil((228 + 16) / 21) = 12 rows under the funnel's row
    expect(planCharts('en', FUNNEL_STAGES)).toStrictEqual({
      charts: [
        {
          kind: 'funnel',
          type: 'BAR',
          dataRow: ROW.customers,
          row: ROW.kpiSection,
          offsetX: 16,
          width: 668,
          height: 228,
          options: {
            title: 'Customers by stage',
            titleTextStyle: { fontSize: 14 },
            legend: { position: 'none' },
            width: 668,
            height: 228,
            chartArea: { left: 328, top: 48, width: 300, height: 140 },
            vAxis: axis,
            hAxis: axis,
          },
        },
        {
          kind: 'curve',
          type: 'LINE',
          dataRow: ROW.score,
          row: ROW.kpiSection + 12,
          offsetX: 16,
          width: 668,
          height: 576,
          options: {
            title: 'Experience score by stage',
            titleTextStyle: { fontSize: 14 },
            legend: { position: 'none' },
            width: 668,
            height: 576,
            chartArea: { left: 56, top: 48, width: 588, height: 200 },
            hAxis: { textStyle: { fontSize: 11 }, slantedText: true, slantedTextAngle: 90 },
            vAxis: axis,
          },
        },
      ],
      // C + 5 stages: H, the first column right of the map
      col: 8,
      width: 16 + 668,
    });
  });

  it('titles the charts in the map language', () => {
    const [funnel, curve] = planCharts('ru', FUNNEL_STAGES).charts;
    expect(funnel.options.title).toBe('Клиенты по этапам');
    expect(curve.options.title).toBe('Оценка опыта по этапам');
  });

  it('a stage name wider than the reference widens the funnel margin and the curve bottom', () => {
    // 29 "m" at 0.98 em: 29 × 0.98 × 11 = 312.62, rounded up to 313 px; margin 333, funnel
    // 333 + 340 = 673 wide; 2 stages still get 4 bars' height (112), so the funnel is
    // 48 + 112 + 40 = 200 tall and the curve ceil(216 / 21) = 11 rows lower, 48 + 200 + 313 + 20 =
    // 581 tall, 673 wide (plot 673 − 80 = 593)
    const plan = planCharts('en', ['m'.repeat(29), 'Buy']);
    const [funnel, curve] = plan.charts;
    expect([funnel.width, funnel.height]).toEqual([673, 200]);
    expect(funnel.options.chartArea).toEqual({ left: 333, top: 48, width: 300, height: 112 });
    expect([curve.row, curve.width, curve.height]).toEqual([ROW.kpiSection + 11, 673, 581]);
    expect(curve.options.chartArea).toEqual({ left: 56, top: 48, width: 593, height: 200 });
    expect([plan.col, plan.width]).toEqual([5, 16 + 673]);
  });

  it('many stages: a bar each down the funnel, and a curve wide enough for 24 px a stage', () => {
    // 30 stages: bars 30 × 28 = 840, funnel 48 + 840 + 40 = 928 tall; the curve
    // 80 + 30 × 24 = 800 wide (wider than the funnel's 668), ceil(944 / 21) = 45 rows lower
    const names = Array.from({ length: 30 }, (_, i) => `Stage ${i + 1}`);
    const plan = planCharts('en', names);
    const [funnel, curve] = plan.charts;
    expect([funnel.width, funnel.height]).toEqual([668, 928]);
    expect(funnel.options.chartArea).toEqual({ left: 328, top: 48, width: 300, height: 840 });
    expect([curve.row, curve.width, curve.height]).toEqual([ROW.kpiSection + 45, 800, 576]);
    expect(curve.options.chartArea).toEqual({ left: 56, top: 48, width: 720, height: 200 });
    expect(curve.options).toMatchObject({ width: 800, height: 576 });
    // C + 30 stages = column 33; the wider chart sets the width
    expect([plan.col, plan.width]).toEqual([33, 16 + 800]);
  });

  it('no stages yet: the charts keep their least size, anchored at column C', () => {
    const plan = planCharts('en', []);
    const [funnel, curve] = plan.charts;
    expect([funnel.width, funnel.height, curve.row, curve.width, curve.height]).toEqual([
      668,
      200,
      ROW.kpiSection + 11,
      668,
      576,
    ]);
    expect([plan.col, plan.width]).toEqual([3, 684]);
  });
});
