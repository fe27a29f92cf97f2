/**
 * SPARKLINE cells drawn as a small line, since the emulator computes them to a placeholder.
 * Only the plain form =SPARKLINE(range) over one row or column of this sheet.
 */
import { parseCellName } from '../a1';
import type { Cell } from './cell-format';

const SVG = 'http://www.w3.org/2000/svg';

export function sparkline(
  formula: string,
  cellAt: (row: number, col: number) => Cell | undefined,
): SVGSVGElement | null {
  const m = /^=SPARKLINE\(\s*\$?([A-Z]+)\$?(\d+)\s*:\s*\$?([A-Z]+)\$?(\d+)\s*\)$/i.exec(
    formula.trim(),
  );
  if (!m) return null;
  const from = parseCellName(`${m[1]}${m[2]}`);
  const to = parseCellName(`${m[3]}${m[4]}`);
  if (!from || !to) return null;
  const values: number[] = [];
  for (let r = from.row; r <= to.row; r++) {
    for (let c = from.col; c <= to.col; c++) {
      const v = cellAt(r, c)?.value;
      if (typeof v === 'number') values.push(v);
    }
  }
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 100 20');
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('class', 'sparkline');
  svg.setAttribute('role', 'img');
  svg.setAttribute(
    'aria-label',
    values.length ? `sparkline of ${values.join(', ')}` : 'empty sparkline',
  );
  if (values.length < 2) return svg;
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  const points = values
    .map((v, i) => `${(i / (values.length - 1)) * 100},${18 - ((v - min) / span) * 16}`)
    .join(' ');
  const line = document.createElementNS(SVG, 'polyline');
  line.setAttribute('points', points);
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke', '#1a73e8');
  line.setAttribute('stroke-width', '1.5');
  line.setAttribute('vector-effect', 'non-scaling-stroke');
  svg.append(line);
  return svg;
}
