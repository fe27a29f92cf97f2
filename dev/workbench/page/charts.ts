/**
 * Embedded charts drawn as SVG over the grid, at their anchor cells, from the data the
 * server read from their ranges: column, bar (horizontal), line, area and pie charts with
 * their title, axes and (when the chart has one) legend. Any other type is drawn as a
 * framed placeholder naming it. The plot, the title and the category labels go where the
 * emulator's layout puts them (emulator/chart-layout.ts), each label whole, cut with "…" or
 * thinned out by the same rule the tests assert (`data-whole` says which). Each chart is one image
 * for assistive technology, named by its title, with every bar or point carrying its category and
 * value as a tooltip.
 */
import type { ChartView } from '../protocol';

const SVG = 'http://www.w3.org/2000/svg';
const TEXT = '#202124';
const MUTED = '#5f6368';
const GRIDLINE = '#e0e0e0';

type Attrs = Record<string, string | number>;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  children: Array<SVGElement | string> = [],
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const c of children) node.append(c);
  return node;
}

function tip(text: string): SVGTitleElement {
  return svg('title', {}, [text]);
}

/** Round tick steps (1, 2, 2.5, 5 × 10ⁿ) covering [min, max] in about five steps. */
export function ticks(min: number, max: number, count = 5): number[] {
  if (min === max) max = min === 0 ? 1 : min + Math.abs(min);
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((f) => f * mag >= raw) ?? 10) * mag;
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const out: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

function shorten(text: string, chars: number): string {
  const max = Math.max(3, Math.floor(chars));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function drawChart(chart: ChartView, locale: string): HTMLElement {
  const lang = locale.replace('_', '-');
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const compact = new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 });
  const { width: W, height: H, layout } = chart;
  const name = chart.title || `${chart.type.toLowerCase()} chart`;
  const root = svg('svg', {
    viewBox: `0 0 ${W} ${H}`,
    width: W,
    height: H,
    role: 'img',
    'aria-label': name,
    class: 'chart-svg',
    'data-chart-type': chart.type,
  });
  root.append(svg('rect', { x: 0, y: 0, width: W, height: H, fill: '#fff' }));
  const top = chart.title ? 44 : 16;
  if (chart.title)
    root.append(
      svg(
        'text',
        {
          x: 16,
          y: Math.min(28, Math.max(layout.title.fontSize, layout.area.top - 12)),
          fill: TEXT,
          'font-size': layout.title.fontSize,
          class: 'chart-title',
        },
        layout.title.shown === chart.title ? [chart.title] : [tip(chart.title), layout.title.shown],
      ),
    );
  const legendWidth = chart.legend && chart.type !== 'PIE' ? Math.min(160, W / 4) : 0;
  const area = { x: 0, y: top, w: W - legendWidth, h: H - top };
  const series = chart.series;
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const label = (i: number, s: ChartView['series'][number], v: number | null): string =>
    `${chart.categories[i] ?? i + 1}${s.name ? ` — ${s.name}` : ''}: ${v === null ? '—' : number.format(v)}`;

  if (chart.type === 'PIE') drawPie(root, chart, area, label);
  else if (['COLUMN', 'BAR', 'LINE', 'AREA'].includes(chart.type) && chart.categories.length > 0) {
    const [lo, hi] = [Math.min(0, ...values), Math.max(0, ...values)];
    const scale = ticks(lo, hi);
    const min = scale[0] ?? 0;
    const max = scale[scale.length - 1] ?? 1;
    const n = chart.categories.length;
    const horizontal = layout.categoryAxis === 'vertical';
    // The plot where the emulator's layout puts it (emulator/chart-layout.ts), so labels are
    // cut or whole here exactly as the tests find them.
    const plot = {
      x: layout.area.left,
      y: layout.area.top,
      w: layout.area.width,
      h: layout.area.height,
    };
    const axisPx = layout.fontSize;
    const along = horizontal ? plot.h : plot.w; // the category axis' length
    const band = along / n;
    const pos = (v: number): number =>
      ((v - min) / (max - min || 1)) * (horizontal ? plot.w : plot.h);
    // Value gridlines and their labels.
    for (const v of scale) {
      const p = pos(v);
      if (horizontal) {
        root.append(
          svg('line', {
            x1: plot.x + p,
            x2: plot.x + p,
            y1: plot.y,
            y2: plot.y + plot.h,
            stroke: v === 0 ? MUTED : GRIDLINE,
          }),
        );
        root.append(
          svg(
            'text',
            {
              x: plot.x + p,
              y: plot.y + plot.h + axisPx + 5,
              'text-anchor': 'middle',
              fill: MUTED,
              'font-size': axisPx,
            },
            [compact.format(v)],
          ),
        );
      } else {
        root.append(
          svg('line', {
            x1: plot.x,
            x2: plot.x + plot.w,
            y1: plot.y + plot.h - p,
            y2: plot.y + plot.h - p,
            stroke: v === 0 ? MUTED : GRIDLINE,
          }),
        );
        root.append(
          svg(
            'text',
            {
              x: plot.x - 6,
              y: plot.y + plot.h - p + 4,
              'text-anchor': 'end',
              fill: MUTED,
              'font-size': axisPx,
            },
            [compact.format(v)],
          ),
        );
      }
    }
    // Category labels as the layout draws them: whole, cut with "…", or thinned out (null).
    layout.labels.forEach((l, i) => {
      if (l.shown === null) return;
      const mid = (i + 0.5) * band;
      const attrs: Attrs = horizontal
        ? { x: plot.x - layout.labelGap, y: plot.y + mid + axisPx / 3, 'text-anchor': 'end' }
        : layout.slant > 0
          ? {
              x: plot.x + mid + axisPx / 3,
              y: plot.y + plot.h + layout.labelGap,
              'text-anchor': 'end',
              transform: `rotate(${-layout.slant} ${plot.x + mid + axisPx / 3} ${plot.y + plot.h + layout.labelGap})`,
            }
          : { x: plot.x + mid, y: plot.y + plot.h + axisPx + 5, 'text-anchor': 'middle' };
      root.append(
        svg(
          'text',
          {
            ...attrs,
            fill: MUTED,
            'font-size': axisPx,
            class: 'chart-label',
            'data-whole': String(l.whole),
          },
          l.whole ? [l.shown] : [tip(l.text), l.shown],
        ),
      );
    });
    const zero = pos(Math.max(min, 0));
    if (chart.type === 'COLUMN' || chart.type === 'BAR') {
      const thick = (band * 0.7) / Math.max(1, series.length);
      series.forEach((s, k) => {
        s.values.forEach((v, i) => {
          if (v === null) return;
          const start = i * band + band * 0.15 + k * thick;
          const [a, b] = [pos(v), zero].sort((x, y) => x - y) as [number, number];
          const rect = horizontal
            ? { x: plot.x + a, y: plot.y + start, width: Math.max(1, b - a), height: thick }
            : {
                x: plot.x + start,
                y: plot.y + plot.h - b,
                width: thick,
                height: Math.max(1, b - a),
              };
          root.append(
            svg(
              'rect',
              { ...rect, fill: s.color, class: 'chart-bar', 'data-series': k, 'data-index': i },
              [tip(label(i, s, v))],
            ),
          );
        });
      });
    } else {
      series.forEach((s, k) => {
        const pts = s.values.map((v, i) =>
          v === null ? null : { x: plot.x + (i + 0.5) * band, y: plot.y + plot.h - pos(v), v, i },
        );
        // A gap (no number) breaks the line, as in Sheets.
        const runs: Array<typeof pts> = [[]];
        for (const p of pts) {
          if (p) runs[runs.length - 1]?.push(p);
          else runs.push([]);
        }
        for (const run of runs.filter((r) => r.length > 0)) {
          const coords = run.map((p) => `${p?.x},${p?.y}`).join(' ');
          if (chart.type === 'AREA') {
            const first = run[0];
            const last = run[run.length - 1];
            const base = plot.y + plot.h - zero;
            root.append(
              svg('polygon', {
                points: `${first?.x},${base} ${coords} ${last?.x},${base}`,
                fill: s.color,
                'fill-opacity': 0.3,
              }),
            );
          }
          root.append(
            svg('polyline', { points: coords, fill: 'none', stroke: s.color, 'stroke-width': 2 }),
          );
        }
        for (const p of pts) {
          if (p)
            root.append(
              svg(
                'circle',
                {
                  cx: p.x,
                  cy: p.y,
                  r: 3.5,
                  fill: s.color,
                  class: 'chart-point',
                  'data-series': k,
                  'data-index': p.i,
                },
                [tip(label(p.i, s, p.v))],
              ),
            );
        }
      });
    }
  } else {
    root.append(
      svg(
        'text',
        { x: W / 2, y: top + (H - top) / 2, 'text-anchor': 'middle', fill: MUTED, 'font-size': 13 },
        [chart.categories.length === 0 ? 'No data' : `${chart.type.toLowerCase()} chart`],
      ),
    );
  }

  if (legendWidth > 0) {
    series.forEach((s, k) => {
      const y = top + 10 + k * 20;
      const x = W - legendWidth + 8;
      root.append(svg('rect', { x, y, width: 10, height: 10, fill: s.color }));
      root.append(
        svg('text', { x: x + 16, y: y + 9, fill: TEXT, 'font-size': 11, class: 'chart-legend' }, [
          shorten(s.name, (legendWidth - 28) / 6.5),
        ]),
      );
    });
  }
  const frame = document.createElement('div');
  frame.className = 'chart';
  frame.dataset.chartId = String(chart.chartId);
  frame.append(root);
  return frame;
}

function drawPie(
  root: SVGSVGElement,
  chart: ChartView,
  area: { x: number; y: number; w: number; h: number },
  label: (i: number, s: ChartView['series'][number], v: number | null) => string,
): void {
  const s = chart.series[0];
  if (!s) return;
  const total = s.values.reduce<number>((a, v) => a + (v !== null && v > 0 ? v : 0), 0);
  const r = Math.max(10, Math.min(area.w, area.h) / 2 - 20);
  const cx = area.x + area.w / 2;
  const cy = area.y + area.h / 2;
  let angle = -Math.PI / 2;
  s.values.forEach((v, i) => {
    if (v === null || v <= 0 || total === 0) return;
    const sweep = (v / total) * Math.PI * 2;
    const end = angle + sweep;
    const color =
      ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6'][i % 6] ?? s.color;
    const [x1, y1, x2, y2] = [
      cx + r * Math.cos(angle),
      cy + r * Math.sin(angle),
      cx + r * Math.cos(end),
      cy + r * Math.sin(end),
    ];
    const d =
      sweep >= Math.PI * 2 - 1e-9
        ? `M ${cx - r},${cy} a ${r},${r} 0 1,0 ${2 * r},0 a ${r},${r} 0 1,0 ${-2 * r},0`
        : `M ${cx},${cy} L ${x1},${y1} A ${r},${r} 0 ${sweep > Math.PI ? 1 : 0},1 ${x2},${y2} Z`;
    root.append(
      svg('path', { d, fill: color, stroke: '#fff', class: 'chart-slice', 'data-index': i }, [
        tip(label(i, s, v)),
      ]),
    );
    angle = end;
  });
}
