/**
 * SPARKLINE cells drawn from the series the emulator computed (emulator/sparkline.ts): any
 * data (this sheet's row, another sheet's range, an ARRAYFORMULA expression) and every chart type,
 * with the options that change the picture (color, colours of the columns, linewidth, ymin/ymax,
 * max, rtl, axis). A point the options leave out (null) is not drawn: a line joins its
 * neighbours, a column is left out.
 */
import type { SparklineSeries } from '../protocol';

const SVG = 'http://www.w3.org/2000/svg';
const W = 100;
const H = 20;
const BLUE = '#1a73e8';

type Attrs = Record<string, string | number>;

function shape(name: string, attrs: Attrs): SVGElement {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

const text = (o: SparklineSeries['options'], name: string, fallback: string): string =>
  typeof o[name] === 'string' ? o[name] : fallback;
const num = (o: SparklineSeries['options'], name: string): number | undefined =>
  typeof o[name] === 'number' ? o[name] : undefined;

/** The vertical scale: ymin/ymax when given, else the points' own range. */
function scale(values: number[], o: SparklineSeries['options'], withZero: boolean) {
  const lo = num(o, 'ymin') ?? Math.min(...values, ...(withZero ? [0] : []));
  const hi = num(o, 'ymax') ?? Math.max(...values, ...(withZero ? [0] : []));
  const span = hi - lo || 1;
  return (v: number) => H - 2 - ((Math.min(Math.max(v, lo), hi) - lo) / span) * (H - 4);
}

function line(values: (number | null)[], o: SparklineSeries['options']): SVGElement[] {
  const drawn = values.flatMap((v, i) => (v === null ? [] : [{ v, i }]));
  if (drawn.length < 2) return [];
  const y = scale(
    drawn.map((p) => p.v),
    o,
    false,
  );
  const x = (i: number) => (values.length === 1 ? 0 : (i / (values.length - 1)) * W);
  return [
    shape('polyline', {
      points: drawn.map((p) => `${x(p.i)},${y(p.v)}`).join(' '),
      fill: 'none',
      stroke: text(o, 'color', BLUE),
      'stroke-width': num(o, 'linewidth') ?? 1.5,
      'vector-effect': 'non-scaling-stroke',
    }),
  ];
}

/** Column and winloss charts: one column per point, coloured as the options say. */
function columns(
  values: (number | null)[],
  o: SparklineSeries['options'],
  winloss: boolean,
): SVGElement[] {
  const shown = values.map((v) => (v === null ? null : winloss ? Math.sign(v) : v));
  const numbers = shown.filter((v): v is number => v !== null);
  if (numbers.length === 0) return [];
  const y = scale(numbers, winloss ? {} : o, true);
  const base = y(0);
  const lowest = Math.min(...numbers);
  const highest = Math.max(...numbers);
  const first = shown.findIndex((v) => v !== null);
  const last = shown.length - 1 - [...shown].reverse().findIndex((v) => v !== null);
  const step = W / shown.length;
  const colour = (v: number, i: number): string => {
    if (i === first && o.firstcolor) return text(o, 'firstcolor', BLUE);
    if (i === last && o.lastcolor) return text(o, 'lastcolor', BLUE);
    if (v === highest && o.highcolor) return text(o, 'highcolor', BLUE);
    if (v === lowest && o.lowcolor) return text(o, 'lowcolor', BLUE);
    if (v < 0 && o.negcolor) return text(o, 'negcolor', BLUE);
    return text(o, 'color', BLUE);
  };
  const out = shown.flatMap((v, i) => {
    if (v === null || v === 0) return [];
    const top = Math.min(y(v), base);
    return [
      shape('rect', {
        x: i * step + step * 0.1,
        y: top,
        width: step * 0.8,
        height: Math.max(Math.abs(base - y(v)), 0.5),
        fill: colour(v, i),
      }),
    ];
  });
  if (o.axis === true)
    out.push(
      shape('line', { x1: 0, x2: W, y1: base, y2: base, stroke: text(o, 'axiscolor', '#999') }),
    );
  return out;
}

/** A stacked bar: the points side by side, as long as their share of max (or of their sum). */
function bar(values: (number | null)[], o: SparklineSeries['options']): SVGElement[] {
  const parts = values.filter((v): v is number => v !== null && v > 0);
  const total = num(o, 'max') ?? parts.reduce((a, b) => a + b, 0);
  if (total <= 0) return [];
  let at = 0;
  return parts.map((v, i) => {
    const width = Math.max(0, Math.min(W - at, (v / total) * W));
    const rect = shape('rect', {
      x: at,
      y: 2,
      width,
      height: H - 4,
      fill: i % 2 === 0 ? text(o, 'color1', BLUE) : text(o, 'color2', '#a8c7fa'),
    });
    at += width;
    return rect;
  });
}

export function sparkline(series: SparklineSeries): SVGSVGElement {
  const { charttype, options } = series;
  const values = options.rtl === true ? [...series.values].reverse() : series.values;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('class', 'sparkline');
  svg.setAttribute('role', 'img');
  svg.dataset.charttype = charttype;
  const points = series.values.map((v) => (v === null ? '–' : String(v)));
  svg.setAttribute(
    'aria-label',
    points.length === 0
      ? 'empty sparkline'
      : `${charttype === 'line' ? '' : `${charttype} `}sparkline of ${points.join(', ')}`,
  );
  const drawn =
    charttype === 'line'
      ? line(values, options)
      : charttype === 'bar'
        ? bar(values, options)
        : columns(values, options, charttype === 'winloss');
  svg.append(...drawn);
  return svg;
}
