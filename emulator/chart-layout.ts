// Where an embedded chart draws its plot, its title and its category labels, and how much of each
// label a reader sees: the rule the tests assert and the workbench draws with (page/charts.ts).
//
// Google's "Chart configuration options" page
// (https://developers.google.com/apps-script/chart-configuration-options) documents the options
// read here: `chartArea` {left, top, width, height} in pixels or "N%" ("where the chart itself is
// drawn, excluding axis and legends", default "auto"), `hAxis` / `vAxis` `.textStyle.fontSize`,
// `hAxis.slantedText` / `slantedTextAngle`, `titleTextStyle`; EmbeddedChart.getOptions() names
// height among a chart's options, and `width` / `height` are the chart's size in pixels. What the
// page does not say (what "auto" is, how big automatic text is, what happens to a label that does
// not fit) is read the way least convenient for the add-on:
// - size: options `width` / `height`, else 600 × 371, the size Sheets gives a chart nobody resized;
// - chart area: a part not given is the golden-section layout Google Charts drew before "auto":
//   19.1 % of the chart's width (height) before the plot, 61.8 % for the plot;
// - axis text: `fontSize` of the axis' textStyle in pixels, else 13 px; the title's, else 16 px;
// - a label is drawn on one line and never wraps; one wider than the room it has is cut with "…"
//   (the "Увидел рек…" a reader saw). Its room:
//   - categories on the vertical axis (a BAR chart: its bars run across): right-aligned against the
//     plot, the chart area's left edge less a 10 px gap;
//   - categories on the horizontal axis (COLUMN, LINE, AREA…): its share of the plot's width less
//     4 px; slanted by `slantedTextAngle` (30° unless given) when `slantedText` is true, and then
//     the space under the plot (less 10 px) along the slant, and for less than 90° also the space
//     left of its tick;
// - labels closer together than 1.5 × their size (across the slant) are thinned: every k-th is
//   drawn, the others are not (they count as not whole);
// - the title (one line, 16 px in from each side) is cut with "…" too.
// Text widths are text-metrics.ts's (DejaVu Sans: wider than Arial).
import { fitText } from './text-metrics';
import type { ChartBox, ChartLabel, ChartLayout } from './views';

/** Sheets' size for an embedded chart nobody resized. */
export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 371;
export const DEFAULT_AXIS_PX = 13;
export const DEFAULT_TITLE_PX = 16;
/** Between a vertical-axis label and the plot. */
export const LABEL_GAP = 10;
const GOLDEN_MARGIN = 0.191;
const GOLDEN_PLOT = 0.618;

/** An option by its dotted path: set as 'hAxis.textStyle' or nested in 'hAxis'. */
export function chartOption(options: Record<string, unknown>, path: string): unknown {
  if (path in options) return options[path];
  const parts = path.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const head = parts.slice(0, i).join('.');
    const base = options[head];
    if (base !== null && typeof base === 'object') {
      const found = chartOption(base as Record<string, unknown>, parts.slice(i).join('.'));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function positive(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null;
}

/** A chart-area length: pixels, or "N%" of `whole`; null when not given. */
function length(v: unknown, whole: number): number | null {
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v;
  const pct = typeof v === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(v) : null;
  if (pct) return (Number(pct[1]) / 100) * whole;
  const px = typeof v === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$/.exec(v) : null;
  return px ? Number(px[1]) : null;
}

/** The layout of a chart of `type` with these options over these categories. */
export function chartLayout(
  type: string,
  options: Record<string, unknown>,
  categories: readonly string[],
): ChartLayout {
  const W = positive(options.width) ?? CHART_WIDTH;
  const H = positive(options.height) ?? CHART_HEIGHT;
  const area = (key: string, whole: number) =>
    length(chartOption(options, `chartArea.${key}`), whole);
  const left = area('left', W) ?? GOLDEN_MARGIN * W;
  const top = area('top', H) ?? GOLDEN_MARGIN * H;
  const plot: ChartBox = {
    left,
    top,
    width: Math.max(0, area('width', W) ?? Math.min(GOLDEN_PLOT * W, W - left - GOLDEN_MARGIN * W)),
    height: Math.max(
      0,
      area('height', H) ?? Math.min(GOLDEN_PLOT * H, H - top - GOLDEN_MARGIN * H),
    ),
  };
  const vertical = type === 'BAR';
  const axis = vertical ? 'vAxis' : 'hAxis';
  const fontSize = positive(chartOption(options, `${axis}.textStyle.fontSize`)) ?? DEFAULT_AXIS_PX;
  const slanted = !vertical && chartOption(options, 'hAxis.slantedText') === true;
  const angle = slanted
    ? Math.min(90, Math.max(0, Number(chartOption(options, 'hAxis.slantedTextAngle') ?? 30) || 30))
    : 0;
  const n = Math.max(1, categories.length);
  const band = (vertical ? plot.height : plot.width) / n;
  const rad = (angle * Math.PI) / 180;
  // How far apart labels must be not to be thinned: 1.5 × their size across the text.
  const spacing = angle > 0 ? (1.5 * fontSize) / Math.sin(rad) : vertical ? 1.5 * fontSize : 0;
  const every = spacing > 0 && band < spacing ? Math.ceil(spacing / Math.max(band, 1e-9)) : 1;
  const below = H - plot.top - plot.height - LABEL_GAP;
  const room = (i: number): number => {
    if (vertical) return plot.left - LABEL_GAP;
    if (angle === 0) return band - 4;
    const along = below / Math.sin(rad);
    const tick = plot.left + (i + 0.5) * band;
    return angle >= 90 ? along : Math.min(along, tick / Math.cos(rad));
  };
  const labels = categories.map((text, i): ChartLabel => {
    if (i % every !== 0) return { text, shown: null, whole: false };
    const shown = fitText(text, room(i), fontSize);
    return { text, shown, whole: shown === text };
  });
  const title = typeof options.title === 'string' ? options.title : '';
  const titlePx = positive(chartOption(options, 'titleTextStyle.fontSize')) ?? DEFAULT_TITLE_PX;
  return {
    width: W,
    height: H,
    area: plot,
    categoryAxis: vertical ? 'vertical' : 'horizontal',
    fontSize,
    slant: angle,
    labelGap: LABEL_GAP,
    labels,
    title: { text: title, shown: fitText(title, W - 32, titlePx), fontSize: titlePx },
  };
}

/** Whether every category label and the title are drawn whole. */
export function labelsWhole(layout: ChartLayout): boolean {
  return layout.labels.every((l) => l.whole) && layout.title.shown === layout.title.text;
}
