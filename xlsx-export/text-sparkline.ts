/**
 * A SPARKLINE as text for the .xlsx: Excel has no SPARKLINE formula, and the x14 sparkline
 * groups Excel and LibreOffice draw take only a range of cells, not an ARRAYFORMULA expression.
 * Block characters (▁▂▃▄▅▆▇█), one per point, are text both draw, in any cell. A point the
 * options leave out is left out here too.
 */
import type { SparklineSeries } from '../emulator/index';

const BLOCKS = '▁▂▃▄▅▆▇█';
const BAR_WIDTH = 10;

const option = (s: SparklineSeries, name: string): number | undefined => {
  const v = s.options[name];
  return typeof v === 'number' ? v : undefined;
};

/** Points as block heights between ymin and ymax (the points' own, a column chart from zero). */
function blocks(s: SparklineSeries, points: number[]): string {
  const fromZero = s.charttype === 'column';
  const lo = option(s, 'ymin') ?? Math.min(...points, ...(fromZero ? [0] : []));
  const hi = option(s, 'ymax') ?? Math.max(...points, ...(fromZero ? [0] : []));
  return points
    .map((v) => {
      if (hi === lo) return BLOCKS[3];
      const share = (Math.min(Math.max(v, lo), hi) - lo) / (hi - lo);
      return BLOCKS[Math.round(share * (BLOCKS.length - 1))];
    })
    .join('');
}

/** A stacked bar: its points' total against max (else full), in ten cells of alternating shade. */
function bar(s: SparklineSeries, points: number[]): string {
  const parts = points.filter((v) => v > 0);
  const total = parts.reduce((a, b) => a + b, 0);
  const width = Math.round(BAR_WIDTH * Math.min(1, total / (option(s, 'max') ?? total)));
  let out = '';
  let reached = 0;
  parts.forEach((v, i) => {
    reached += v;
    const end = Math.round((reached / total) * width);
    out += (i % 2 === 0 ? '█' : '▓').repeat(Math.max(0, end - out.length));
  });
  return out;
}

export function sparklineText(s: SparklineSeries): string {
  const drawn = s.values.filter((v): v is number => v !== null);
  const points = s.options.rtl === true ? drawn.reverse() : drawn;
  if (points.length === 0) return '';
  if (s.charttype === 'bar') return bar(s, points);
  if (s.charttype === 'winloss')
    return points.map((v) => (v > 0 ? '▀' : v < 0 ? '▄' : ' ')).join('');
  return blocks(s, points);
}
