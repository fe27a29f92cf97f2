/**
 * The poster's bands of stages, one under the other: in each, the stages' heads, the emotion
 * curve and the funnel drawn over the stage columns, and the key rows. The height left on the
 * page is shared out to the rows' lines first, then to the two charts.
 */
import { formatShare } from '../funnel/numbers';
import { STAGE_TINTS } from '../map/formats';
import type { ContentKey, Stage } from '../map/journey';
import { numberOf } from '../map/metrics';
import {
  AMBER,
  BLUE,
  fixedHeight,
  GREEN,
  GRID,
  INK,
  KEY_ROWS,
  LAYOUT,
  MUTED,
  PALE_RED,
  RED,
  STRIPE,
  WHITE,
  type Page,
} from './layout';
import { BOLD, el, fit, line, points, rect, text, wrap } from './svg';
import type { PosterView } from './view';

const L = LAYOUT;

/** The heights every band shares and what each stage's key rows say, wrapped to a column. */
interface BandsLayout {
  /** each band's stages, with their index in the map */
  bands: { s: Stage; i: number }[][];
  /** per stage, per key row: its lines */
  wrapped: string[][][];
  /** per band, per key row: the lines it shows */
  rowLines: number[][];
  curveH: number;
  funnelH: number;
  maxCount: number;
}

/** One band as its parts draw it: where its columns are and how the page is shared. */
interface Band {
  v: PosterView;
  page: Page;
  lay: BandsLayout;
  stages: { s: Stage; i: number }[];
  /** the band's number, from 0 */
  b: number;
  /** the stage columns' left edge, and their right edge in this band */
  x0: number;
  right: number;
  colX: (k: number) => number;
}

/** The bands of stages from `top`, and where the page continues below them. */
export function renderBands(
  v: PosterView,
  page: Page,
  bottomH: number,
  top: number,
): { svg: string[]; y: number } {
  const lay = bandsLayout(v, page, bottomH);
  const x0 = L.margin + L.labelWidth;
  const colX = (k: number) => x0 + k * page.colW;
  const svg: string[] = [];
  let y = top;
  lay.bands.forEach((stages, b) => {
    const band: Band = { v, page, lay, stages, b, x0, right: colX(stages.length), colX };
    const g: string[] = [stageHeads(band, y)];
    y += L.stageHead.height;
    g.push(emotionCurve(band, y));
    y += lay.curveH;
    g.push(funnelBars(band, y));
    y += lay.funnelH;
    const rows = keyRows(band, y);
    g.push(rows.svg);
    y = rows.y;
    svg.push(el('g', { class: 'band', id: `band-${b + 1}` }, g.join('')));
    y += L.gap;
  });
  return { svg, y };
}

/** The width a key row's cell wraps its text to. */
const cellWidth = (page: Page) => page.colW - 2 * L.rows.inset;

/** A key row's label, in lines of the label column. */
const labelLines = (v: PosterView, key: ContentKey) =>
  wrap(v.tr(`row.${key}`), L.labelWidth - 10, L.body * BOLD, 3);

function bandsLayout(v: PosterView, page: Page, bottomH: number): BandsLayout {
  const { perBand, bands } = page;
  const stages = v.j.stages;
  const cellW = cellWidth(page);
  const bandStages = Array.from({ length: bands }, (_, b) =>
    stages.map((s, i) => ({ s, i })).slice(b * perBand, (b + 1) * perBand),
  );
  const wrapped = stages.map((s) =>
    KEY_ROWS.map((r) => wrap(String(s.content[r.key]), cellW, L.body, L.rows.maxLines)),
  );
  // What every band needs at least; the space left is shared out by line, then to the charts.
  const rowsRoom = Math.max(0, page.h - fixedHeight(bands, bottomH)) / bands;
  const capLines = Math.max(
    2,
    Math.min(L.rows.maxLines, Math.floor((rowsRoom / KEY_ROWS.length - L.rows.pad) / L.line)),
  );
  const rowLines = bandStages.map((band) =>
    KEY_ROWS.map((r, k) =>
      Math.max(
        1,
        Math.min(
          capLines,
          Math.max(
            labelLines(v, r.key).length,
            ...band.map(({ i }) => wrapped[i]?.[k]?.length ?? 0),
          ),
        ),
      ),
    ),
  );
  const rowsUsed = Math.max(...rowLines.map(rowsHeight));
  const spare = Math.max(0, rowsRoom - rowsUsed);
  return {
    bands: bandStages,
    wrapped,
    rowLines,
    curveH: L.curve.minHeight + Math.min(spare * L.chartShare, L.curve.minHeight),
    funnelH: L.funnel.minHeight + Math.min(spare * L.chartShare, L.funnel.minHeight),
    maxCount: Math.max(0, ...v.counts.map((c) => c ?? 0)),
  };
}

/** The height of a band's key rows. */
const rowsHeight = (rows: number[]) => rows.reduce((s, n) => s + n * L.line + L.rows.pad, 0);

/** Each stage's number and name on its tint, its funnel role in the corner. */
function stageHeads({ v, page, stages, colX }: Band, y: number): string {
  const { colW } = page;
  const S = L.stageHead;
  const g: string[] = [];
  for (const [k, { s, i }] of stages.entries()) {
    const x = colX(k);
    const tint = STAGE_TINTS[i % STAGE_TINTS.length] ?? '#e8f0fe';
    g.push(
      rect(x + 2, y, colW - 4, S.height - 4, { rx: 5, fill: tint }),
      text(x + 8, y + 14, wrap(`${i + 1}. ${s.name}`, colW - 16, S.name * BOLD, 2), {
        'font-size': S.name,
        'font-weight': 'bold',
        fill: INK,
        lineHeight: S.nameLine,
      }),
    );
    if (s.role)
      g.push(
        text(x + colW - 8, y + S.height - 9, s.role, {
          'font-size': S.role,
          fill: MUTED,
          'text-anchor': 'end',
        }),
      );
  }
  g.push(
    text(L.margin, y + 14, wrap(v.tr('row.header'), L.labelWidth - 10, L.body * BOLD, 2), {
      'font-size': L.body,
      'font-weight': 'bold',
      fill: MUTED,
    }),
  );
  return g.join('');
}

const score = (s: Stage): number | null => {
  const n = numberOf(s.content.score);
  return n !== null && n >= 1 && n <= 5 ? n : null;
};
const scoreColor = (n: number): string => (n <= 2 ? RED : n < 4 ? AMBER : GREEN);

/** Scores 1–5 over the stage columns; a stage without a score breaks the line. */
function emotionCurve({ v, page, lay, stages, x0, right, colX }: Band, y: number): string {
  const { colW } = page;
  const C = L.curve;
  const curve: string[] = [
    text(L.margin, y + 14, wrap(v.tr('row.curve'), L.labelWidth - 24, L.body * BOLD, 3), {
      'font-size': L.body,
      'font-weight': 'bold',
      fill: INK,
      lineHeight: L.line,
    }),
  ];
  const sy = (n: number) => y + 14 + ((5 - n) / 4) * (lay.curveH - 26);
  for (const n of [1, 2, 3, 4, 5]) {
    curve.push(
      line(x0, sy(n), right, sy(n), {
        stroke: GRID,
        'stroke-width': n === 3 ? 1 : 0.5,
        'stroke-dasharray': n === 3 ? '' : '2 3',
      }),
    );
    curve.push(
      text(x0 - 6, sy(n) + 3, String(n), {
        'font-size': C.axis,
        fill: MUTED,
        'text-anchor': 'end',
      }),
    );
  }
  let run: [number, number][] = [];
  const flush = () => {
    if (run.length > 1)
      curve.push(
        el('polyline', {
          points: points(run),
          fill: 'none',
          stroke: BLUE,
          'stroke-width': 2,
          'stroke-linejoin': 'round',
        }),
      );
    run = [];
  };
  for (const [k, { s }] of stages.entries()) {
    const n = score(s);
    if (n === null) {
      flush();
      continue;
    }
    run.push([colX(k) + colW / 2, sy(n)]);
  }
  flush();
  for (const [k, { s }] of stages.entries()) {
    const n = score(s);
    if (n === null) continue;
    const cx = colX(k) + colW / 2;
    curve.push(
      el('circle', {
        cx,
        cy: sy(n),
        r: C.dot,
        fill: scoreColor(n),
        stroke: WHITE,
        'stroke-width': 1.5,
      }),
    );
    curve.push(
      text(cx + 8, sy(n) - 5, v.num(n), {
        'font-size': C.score,
        'font-weight': 'bold',
        fill: scoreColor(n),
      }),
    );
  }
  return el('g', { class: 'curve' }, curve.join(''));
}

/** A bar per stage, the customers above it, the step conversion (and its target) below. */
function funnelBars({ v, page, lay, stages, right, colX }: Band, y: number): string {
  const { colW } = page;
  const { funnelH } = lay;
  const F = L.funnel;
  const funnel: string[] = [
    line(L.margin, y, right, y, { stroke: GRID }),
    text(L.margin, y + 16, wrap(v.tr('poster.funnel'), L.labelWidth - 10, L.body * BOLD, 4), {
      'font-size': L.body,
      'font-weight': 'bold',
      fill: INK,
      lineHeight: L.line,
    }),
  ];
  const barTop = y + 22;
  const barBottom = y + funnelH - 20;
  for (const [k, { i }] of stages.entries()) {
    const x = colX(k);
    const cx = x + colW / 2;
    const c = v.counts[i] ?? null;
    const weak = i === v.weakest;
    if (weak)
      funnel.push(
        rect(x + 3, y + 3, colW - 6, funnelH - 6, {
          rx: 5,
          fill: PALE_RED,
          stroke: RED,
          'stroke-width': 1.2,
          'stroke-dasharray': '4 3',
        }),
      );
    if (c !== null) {
      const barW = Math.min(colW * F.barShare, F.barMax);
      const hgt =
        lay.maxCount > 0 ? Math.max(c > 0 ? 2 : 0, ((barBottom - barTop) * c) / lay.maxCount) : 0;
      funnel.push(
        rect(cx - barW / 2, barBottom - hgt, barW, hgt, {
          rx: 2,
          fill: weak ? RED : BLUE,
          'fill-opacity': weak ? 0.9 : 0.75,
        }),
      );
      funnel.push(
        text(cx, barBottom - hgt - 4, fit(v.num(c), colW - 8, L.body * BOLD), {
          'font-size': L.body,
          'font-weight': 'bold',
          fill: INK,
          'text-anchor': 'middle',
        }),
      );
    }
    const step = v.steps[i]?.step ?? null;
    if (i > 0 && step !== null) {
      const target = v.targets[i] ?? null;
      const under = target !== null && step < target;
      const label = `→ ${formatShare(step, v.lang)}${target === null ? '' : ` · ${v.tr('poster.target', { value: formatShare(target, v.lang) })}`}`;
      funnel.push(
        text(cx, y + funnelH - 8, fit(label, colW - 8, F.step * BOLD), {
          'font-size': F.step,
          'font-weight': weak || under ? 'bold' : '',
          fill: weak || under ? RED : MUTED,
          'text-anchor': 'middle',
        }),
      );
    }
  }
  return el('g', { class: 'funnel' }, funnel.join(''));
}

/** The key rows, striped, each as many lines high as its band needs (up to the page's room). */
function keyRows(
  { v, page, lay, stages, b, right, colX }: Band,
  top: number,
): { svg: string; y: number } {
  const cellW = cellWidth(page);
  const rows: string[] = [];
  let y = top;
  KEY_ROWS.forEach((r, k) => {
    const lines = lay.rowLines[b]?.[k] ?? 2;
    const rh = lines * L.line + L.rows.pad;
    if (k % 2 === 0) rows.push(rect(L.margin, y, right - L.margin, rh, { fill: STRIPE }));
    rows.push(line(L.margin, y, right, y, { stroke: GRID, 'stroke-width': 0.5 }));
    rows.push(
      text(L.margin + 2, y + 12, labelLines(v, r.key).slice(0, lines), {
        'font-size': L.body,
        'font-weight': 'bold',
        fill: r.color,
        lineHeight: L.line,
      }),
    );
    for (const [c, { i }] of stages.entries()) {
      const all = lay.wrapped[i]?.[k] ?? [];
      const shown =
        all.length > lines
          ? [...all.slice(0, lines - 1), fit(all[lines - 1] ?? '', cellW, L.body, true)]
          : all;
      rows.push(
        text(colX(c) + L.rows.inset, y + 12, shown, {
          'font-size': L.body,
          fill: INK,
          lineHeight: L.line,
        }),
      );
    }
    y += rh;
  });
  rows.push(line(L.margin, y, right, y, { stroke: GRID, 'stroke-width': 0.5 }));
  for (let c = 1; c < stages.length; c++)
    rows.push(
      line(colX(c), y - rowsHeight(lay.rowLines[b]!), colX(c), y, {
        stroke: GRID,
        'stroke-width': 0.5,
      }),
    );
  return { svg: el('g', { class: 'rows' }, rows.join('')), y };
}
