/**
 * Where the Present step's two charts go on a map and how big they are, so the user sees them and
 * reads every stage name whole.
 *
 * Where: beside the KPI block, right of the last stage: the funnel's top at the KPI section's row,
 * the experience curve under it. The KPI block holds the numbers the funnel draws, so picture and
 * figures are in the same rows; right of the map the charts cover no cell of it and stay put when
 * rows are added under it; and the wizard selects the anchor cell, which scrolls Sheets there.
 * (Below the map they sat 50 rows down, under the cards, where no one looked.)
 *
 * How big: a stage name is drawn on one line at 11 px. The funnel is a horizontal bar chart, so its
 * names stand left of the bars, in the chart area's left margin: that margin holds 40 Cyrillic
 * letters or the longest name, whichever is wider (text-width.ts errs wide). The curve is a line
 * chart; its names stand under the plot, turned upright (slantedTextAngle 90°), in a bottom margin
 * as tall as the funnel's left one. Each stage gets 28 px of the funnel's height and at least 24 px
 * of the curve's width, so no name is thinned out.
 */
import { t, type Lang } from '../words/i18n';
import { textWidthPx } from '../words/text-width';
import { FIRST_STAGE_COL, ROW } from './layout';

export const AXIS_PX = 11;
const TITLE_PX = 14;
/** The names a chart holds whole at least: 40 letters of Cyrillic. */
const REFERENCE_NAME = 'о'.repeat(40);
/** Between a name and the plot, with room to spare. */
const LABEL_MARGIN = 20;
const TOP = 48;
const BAR_HEIGHT = 28;
const FUNNEL_PLOT_WIDTH = 300;
const CURVE_PLOT_HEIGHT = 200;
const CURVE_STEP = 24;
/** Right of the map, and between the charts. */
export const CHART_GAP = 16;
/** Sheets' default row height: rows are never shorter unless a user makes them so. */
const ROW_HEIGHT = 21;

export interface PlannedChart {
  kind: 'funnel' | 'curve';
  type: 'BAR' | 'LINE';
  /** the map row its series comes from (the categories are the stage header row) */
  dataRow: number;
  /** anchor row; the column is the plan's */
  row: number;
  offsetX: number;
  width: number;
  height: number;
  /** setOption(key, value) for each entry */
  options: Record<string, unknown>;
}

export interface ChartsPlan {
  charts: [PlannedChart, PlannedChart];
  /** the anchor column: the first right of the last stage */
  col: number;
  /** pixels the charts take right of the anchor column's left edge */
  width: number;
}

export function planCharts(lang: Lang, names: readonly string[]): ChartsPlan {
  const n = Math.max(1, names.length);
  const labels = Math.ceil(
    Math.max(
      textWidthPx(REFERENCE_NAME, AXIS_PX),
      ...names.map((name) => textWidthPx(name, AXIS_PX)),
    ),
  );
  const axis = { textStyle: { fontSize: AXIS_PX } };
  const titled = (key: 'chart.funnel' | 'chart.curve') => {
    const title = t(lang, key);
    return { title, least: Math.ceil(textWidthPx(title, TITLE_PX)) + 2 * CHART_GAP + 16 };
  };
  const common = (title: string, width: number, height: number) => ({
    title,
    titleTextStyle: { fontSize: TITLE_PX },
    legend: { position: 'none' },
    width,
    height,
  });

  const funnelTitle = titled('chart.funnel');
  const left = labels + LABEL_MARGIN;
  const funnelWidth = Math.max(left + FUNNEL_PLOT_WIDTH + 40, funnelTitle.least);
  const bars = Math.max(4, n) * BAR_HEIGHT;
  const funnelHeight = TOP + bars + 40;
  const funnel: PlannedChart = {
    kind: 'funnel',
    type: 'BAR',
    dataRow: ROW.customers,
    row: ROW.kpiSection,
    offsetX: CHART_GAP,
    width: funnelWidth,
    height: funnelHeight,
    options: {
      ...common(funnelTitle.title, funnelWidth, funnelHeight),
      chartArea: { left, top: TOP, width: funnelWidth - left - 40, height: bars },
      vAxis: axis,
      hAxis: axis,
    },
  };

  const curveTitle = titled('chart.curve');
  const curveWidth = Math.max(funnelWidth, 80 + n * CURVE_STEP, curveTitle.least);
  const curveHeight = TOP + CURVE_PLOT_HEIGHT + labels + LABEL_MARGIN;
  const curve: PlannedChart = {
    kind: 'curve',
    type: 'LINE',
    dataRow: ROW.score,
    // under the funnel: rows are at least ROW_HEIGHT tall, so the curve never overlaps it
    row: ROW.kpiSection + Math.ceil((funnelHeight + CHART_GAP) / ROW_HEIGHT),
    offsetX: CHART_GAP,
    width: curveWidth,
    height: curveHeight,
    options: {
      ...common(curveTitle.title, curveWidth, curveHeight),
      chartArea: { left: 56, top: TOP, width: curveWidth - 80, height: CURVE_PLOT_HEIGHT },
      hAxis: { ...axis, slantedText: true, slantedTextAngle: 90 },
      vAxis: axis,
    },
  };
  return {
    charts: [funnel, curve],
    col: FIRST_STAGE_COL + names.length,
    width: CHART_GAP + Math.max(funnelWidth, curveWidth),
  };
}
