/**
 * The one-page journey poster (the Present step): the map as a self-contained SVG a team
 * prints or shows a director. Stages as columns with their key rows, the emotion curve and
 * the funnel drawn over the same columns, the weakest transition, and the top actions by
 * revenue impact; the economics (L, C, P, Q, revenue) in the header. In the map's language,
 * numbers and money as the map's locale writes them; no fonts, images or scripts from
 * anywhere, every user string escaped.
 *
 * The page is ISO landscape: A4 while the stages fit in columns of a readable width, then the
 * next size up (A3 … A0), so type prints at the same size on a larger sheet. Many stages run
 * in two or more bands, one under the other.
 */
import { formatMoney, formatNumber, formatShare } from '../funnel/numbers';
import { STAGE_TINTS, currencyOf } from '../map/formats';
import type { ContentKey, Journey, Stage } from '../map/journey';
import { computeMetrics, mapFunnel, numberOf } from '../map/metrics';
import { formatDate } from '../map/dates';
import type { ReviewSummary } from '../review/summary';
import { leverCell, rankActions } from '../wizard/action-plan';
import { safeFileName } from '../words/file-name';
import { t, type MessageKey } from '../words/i18n';
import { escapeXml } from '../words/xml';
import { BOLD, el, fit, line, points, rect, text, textWidth, wrap } from './svg';

/** An action of the plan as the poster shows it (the wizard's ActionRow fits). */
export interface PosterAction {
  action: string;
  stage: string;
  lever: string;
  change: string;
  owner?: string;
  /** revenue impact; null while it cannot be computed */
  impact: number | null;
}

export interface PosterInput {
  journey: Journey;
  /** the plan, in any order: the poster ranks it by impact */
  actions: readonly PosterAction[];
  /** the spreadsheet locale ("ru_RU"), for the currency; the map's language decides the rest */
  locale: string;
  /** the map's reviews: the day its figures are as of, the revenue's change, progress to the goal */
  review?: ReviewSummary | null;
}

/** ISO A sizes, landscape, in mm. */
const PAGES = [
  { name: 'A4', w: 297, h: 210 },
  { name: 'A3', w: 420, h: 297 },
  { name: 'A2', w: 594, h: 420 },
  { name: 'A1', w: 841, h: 594 },
  { name: 'A0', w: 1189, h: 841 },
] as const;
/** CSS pixels per mm: the viewBox is in CSS px, so 10 units of type print at 7.5 pt. */
const PX = 96 / 25.4;

const M = 32;
const GAP = 10;
const LABEL_W = 118;
const MIN_COL = 128;
const HEADER = 84;
const STAGE_HEAD = 38;
const CURVE_MIN = 66;
const FUNNEL_MIN = 86;
const BODY = 10;
const LINE = 12.5;
const ROW_PAD = 7;
const MAX_LINES = 10;
const ACTION_ROW = 26;
const FOOTER = 14;

const FONT = "Arial, Helvetica, 'Liberation Sans', 'DejaVu Sans', sans-serif";
const INK = '#202124';
const MUTED = '#5f6368';
const GRID = '#dadce0';
const BLUE = '#1a73e8';
const RED = '#d93025';
const GREEN = '#188038';
const AMBER = '#e37400';

/** The stage rows the poster shows, in map order, with how each is coloured. */
const KEY_ROWS: readonly { key: ContentKey; color: string }[] = [
  { key: 'job', color: INK },
  { key: 'actions', color: INK },
  { key: 'touchpoints', color: INK },
  { key: 'barriers', color: RED },
  { key: 'drivers', color: GREEN },
];

/**
 * What the poster says of the map's reviews: the day its figures are as of (in the caption), the
 * revenue's change since the last review (under the revenue) and progress to the goal (in the
 * footer line); nothing for a map never reviewed.
 */
function reviewWords(
  r: ReviewSummary | null | undefined,
  lang: Journey['lang'],
  money: (n: number) => string,
): { asOf: string[]; change: string | null; goal: string[] } {
  if (!r) return { asOf: [], change: null, goal: [] };
  const signed = (n: number) => `${n >= 0 ? '+' : '−'}${money(Math.abs(n))}`;
  return {
    asOf: [t(lang, 'review.asOf', { date: formatDate(r.asOf, lang) })],
    change:
      r.revenueChange === null || r.periods.length < 2
        ? null
        : t(lang, 'review.changeShort', { change: signed(r.revenueChange) }),
    goal:
      r.goal === null || r.progress === null
        ? []
        : [
            t(lang, 'review.goalShort', {
              goal: money(r.goal),
              share: formatShare(r.progress, lang),
            }),
          ],
  };
}

/** The file a poster is saved as: the map's name, made safe for a file system, and "poster". */
export function posterFileName(j: Journey, sheetName = ''): string {
  const name = safeFileName(String(j.title.name || sheetName), 'cjm');
  return `${name} — ${t(j.lang, 'poster.file')}.svg`;
}

interface Page {
  name: string;
  mm: { w: number; h: number };
  w: number;
  h: number;
  perBand: number;
  bands: number;
  colW: number;
  topN: number;
}

/** The smallest page whose columns are readable and whose rows keep at least two lines each. */
function choosePage(n: number, bottom: (topN: number) => number): Page {
  let chosen: Page | null = null;
  for (const p of PAGES) {
    const w = p.w * PX;
    const h = p.h * PX;
    const inner = w - 2 * M - LABEL_W;
    const fits = Math.max(1, Math.floor(inner / MIN_COL));
    const bands = Math.ceil(n / fits);
    const perBand = Math.max(1, Math.ceil(n / bands));
    const topN = p.name === 'A4' ? 3 : 5;
    const fixed =
      2 * M +
      HEADER +
      GAP +
      bands * (STAGE_HEAD + CURVE_MIN + FUNNEL_MIN + GAP) +
      bottom(topN) +
      GAP +
      FOOTER;
    const rowsMin = bands * KEY_ROWS.length * (2 * LINE + ROW_PAD);
    chosen = {
      name: p.name,
      mm: { w: p.w, h: p.h },
      w,
      h,
      perBand,
      bands,
      colW: inner / perBand,
      topN,
    };
    if (fixed + rowsMin <= h) return chosen;
  }
  return chosen!;
}

const score = (s: Stage): number | null => {
  const n = numberOf(s.content.score);
  return n !== null && n >= 1 && n <= 5 ? n : null;
};
const scoreColor = (n: number): string => (n <= 2 ? RED : n < 4 ? AMBER : GREEN);

export function renderPoster(input: PosterInput): string {
  const j = input.journey;
  const lang = j.lang;
  const tr = (key: MessageKey, vars?: Record<string, string | number>) => t(lang, key, vars);
  // the map's funnel by the rule its formulas use (map/metrics mapFunnel), as the sheet shows it
  const funnel = mapFunnel(j);
  const m = computeMetrics(j, funnel);
  const num = (n: number) => formatNumber(n, lang);
  const currency = currencyOf(input.locale);
  const money = (n: number) => formatMoney(n, lang, currency);
  const stages = j.stages;
  const counts = funnel.counts;
  const steps = funnel.steps;
  const targets = funnel.targets.map((g) => (typeof g === 'number' ? g : null));
  const weakest = funnel.weakest ?? -1;
  const ranked = rankActions(input.actions.filter((a) => a.action.trim() !== ''));

  // The bottom band: the weakest transition on the left, the top actions on the right.
  const problems = m.errors.slice(0, 3);
  const weakestHeight =
    20 +
    (weakest > 0 ? 2 * 15 + 2 * 14 : 2 * 14) +
    (problems.length ? 18 + problems.length * 2 * 12 : 0);
  const bottom = (topN: number) =>
    Math.max(weakestHeight, 22 + Math.max(1, Math.min(topN, ranked.length)) * ACTION_ROW) + 8;
  const page = choosePage(Math.max(1, stages.length), bottom);
  const { w: W, h: H, colW, perBand, bands } = page;
  const bottomH = bottom(page.topN);
  const top = ranked.slice(0, page.topN);
  const x0 = M + LABEL_W;
  const colX = (k: number) => x0 + k * colW;
  const out: string[] = [];

  // ---- header: the map's name, segment and product, persona and goal; the economics on the right
  const kpis: { label: string; value: string; strong?: boolean }[] = [
    { label: tr('poster.kpiLeads'), value: m.leads === null ? '—' : num(m.leads) },
    {
      label: tr('poster.kpiConversion'),
      value: m.conversion === null ? '—' : formatShare(m.conversion, lang),
    },
    { label: tr('poster.kpiCheck'), value: m.avgCheck === null ? '—' : money(m.avgCheck) },
    { label: tr('poster.kpiPurchases'), value: m.purchases === null ? '—' : num(m.purchases) },
    {
      label: tr('poster.kpiRevenue'),
      value: m.revenue === null ? '—' : money(m.revenue),
      strong: true,
    },
  ];
  // the revenue's box holds its note (guessed roles, or the change since the last review) whole
  const reviewed = reviewWords(input.review, lang, money);
  const revenueNote = j.rolesGuessed ? tr('poster.rolesGuessed') : reviewed.change;
  const kpiW = (k: { value: string; strong?: boolean }) =>
    Math.ceil(
      Math.max(
        k.strong ? 150 : 104,
        textWidth(k.value) * (k.strong ? 17 : 15) * BOLD + 18,
        k.strong && revenueNote ? textWidth(revenueNote) * 8 + 18 : 0,
      ),
    );
  const kpiTotal = kpis.reduce((s, k) => s + kpiW(k), 0) + 6 * (kpis.length - 1);
  const headW = W - 2 * M - kpiTotal - 16;
  const name = String(j.title.name).trim() || tr('map.title');
  const sub = [j.title.segment, j.title.product]
    .map((v) => String(v).trim())
    .filter(Boolean)
    .join(' · ');
  // A long name is set smaller before it is cut: the name is what the room reads first.
  const nameW = textWidth(name);
  const nameSize = [20, 18, 16, 14].find((size) => nameW * size * BOLD <= headW) ?? 14;
  const caption = [tr('map.title'), ...reviewed.asOf].join(' · ');
  const header: string[] = [
    text(M, M + 10, fit(caption.toUpperCase(), headW, 9), {
      'font-size': 9,
      fill: MUTED,
      'letter-spacing': 0.5,
    }),
    text(M, M + 34, fit(name, headW, nameSize * BOLD), {
      'font-size': nameSize,
      'font-weight': 'bold',
      fill: INK,
    }),
  ];
  if (sub) header.push(text(M, M + 52, fit(sub, headW, 12), { 'font-size': 12, fill: INK }));
  // Persona and goal sit below the KPI boxes, so they take the page's whole width.
  const extra = (
    [
      ['row.persona', j.title.persona],
      ['row.goal', j.title.goal],
    ] as const
  ).filter(([, v]) => String(v).trim());
  extra.forEach(([key, v], i) => {
    header.push(
      text(
        M,
        M + 68 + i * 13,
        fit(`${tr(key)}: ${String(v).replace(/\s+/g, ' ').trim()}`, W - 2 * M, BODY),
        { 'font-size': BODY, fill: MUTED },
      ),
    );
  });
  let kx = W - M - kpiTotal;
  for (const k of kpis) {
    const kw = kpiW(k);
    header.push(
      rect(kx, M, kw, 54, { rx: 6, fill: k.strong ? BLUE : '#f1f3f4' }),
      text(kx + 8, M + 16, fit(k.label, kw - 16, 9), {
        'font-size': 9,
        fill: k.strong ? '#ffffff' : MUTED,
      }),
      text(kx + 8, M + 40, fit(k.value, kw - 16, (k.strong ? 17 : 15) * BOLD), {
        'font-size': k.strong ? 17 : 15,
        'font-weight': 'bold',
        fill: k.strong ? '#ffffff' : INK,
      }),
    );
    // revenue counted with guessed funnel roles says so under its figure; else its change since
    // the last review
    if (k.strong && revenueNote)
      header.push(
        text(kx + 8, M + 51, fit(revenueNote, kw - 16, 8), {
          'font-size': 8,
          fill: j.rolesGuessed ? '#fde293' : '#ffffff',
        }),
      );
    kx += kw + 6;
  }
  out.push(el('g', { id: 'header' }, header.join('')));

  // ---- the bands of stages: head, curve, funnel, key rows
  const cellW = colW - 12;
  const labelLines = (key: ContentKey) => wrap(tr(`row.${key}`), LABEL_W - 10, BODY * BOLD, 3);
  const bandStages = Array.from({ length: bands }, (_, b) =>
    stages.map((s, i) => ({ s, i })).slice(b * perBand, (b + 1) * perBand),
  );
  const wrapped = stages.map((s) =>
    KEY_ROWS.map((r) => wrap(String(s.content[r.key]), cellW, BODY, MAX_LINES)),
  );
  // What every band needs at least; the space left is shared out by line, then to the charts.
  const fixedAll =
    2 * M +
    HEADER +
    GAP +
    bands * (STAGE_HEAD + CURVE_MIN + FUNNEL_MIN + GAP) +
    bottomH +
    GAP +
    FOOTER;
  const rowsRoom = Math.max(0, H - fixedAll) / bands;
  const capLines = Math.max(
    2,
    Math.min(MAX_LINES, Math.floor((rowsRoom / KEY_ROWS.length - ROW_PAD) / LINE)),
  );
  const rowLines = bandStages.map((band) =>
    KEY_ROWS.map((r, k) =>
      Math.max(
        1,
        Math.min(
          capLines,
          Math.max(labelLines(r.key).length, ...band.map(({ i }) => wrapped[i]?.[k]?.length ?? 0)),
        ),
      ),
    ),
  );
  const rowsUsed = Math.max(
    ...rowLines.map((rows) => rows.reduce((s, n) => s + n * LINE + ROW_PAD, 0)),
  );
  const spare = Math.max(0, rowsRoom - rowsUsed);
  const curveH = CURVE_MIN + Math.min(spare * 0.4, CURVE_MIN);
  const funnelH = FUNNEL_MIN + Math.min(spare * 0.4, FUNNEL_MIN);
  const maxCount = Math.max(0, ...counts.map((c) => c ?? 0));

  let y = M + HEADER + GAP;
  bandStages.forEach((band, b) => {
    const g: string[] = [];
    const right = colX(band.length);
    // stage heads
    for (const [k, { s, i }] of band.entries()) {
      const x = colX(k);
      const tint = STAGE_TINTS[i % STAGE_TINTS.length] ?? '#e8f0fe';
      g.push(
        rect(x + 2, y, colW - 4, STAGE_HEAD - 4, { rx: 5, fill: tint }),
        text(x + 8, y + 14, wrap(`${i + 1}. ${s.name}`, colW - 16, 11 * BOLD, 2), {
          'font-size': 11,
          'font-weight': 'bold',
          fill: INK,
          lineHeight: 13,
        }),
      );
      if (s.role)
        g.push(
          text(x + colW - 8, y + STAGE_HEAD - 9, s.role, {
            'font-size': 8,
            fill: MUTED,
            'text-anchor': 'end',
          }),
        );
    }
    g.push(
      text(M, y + 14, wrap(tr('row.header'), LABEL_W - 10, BODY * BOLD, 2), {
        'font-size': BODY,
        'font-weight': 'bold',
        fill: MUTED,
      }),
    );
    y += STAGE_HEAD;

    // emotion curve: scores 1–5 over the stage columns; a stage without a score breaks the line
    const curve: string[] = [
      text(M, y + 14, wrap(tr('row.curve'), LABEL_W - 24, BODY * BOLD, 3), {
        'font-size': BODY,
        'font-weight': 'bold',
        fill: INK,
        lineHeight: LINE,
      }),
    ];
    const sy = (v: number) => y + 14 + ((5 - v) / 4) * (curveH - 26);
    for (const v of [1, 2, 3, 4, 5]) {
      curve.push(
        line(x0, sy(v), right, sy(v), {
          stroke: GRID,
          'stroke-width': v === 3 ? 1 : 0.5,
          'stroke-dasharray': v === 3 ? '' : '2 3',
        }),
      );
      curve.push(
        text(x0 - 6, sy(v) + 3, String(v), { 'font-size': 8, fill: MUTED, 'text-anchor': 'end' }),
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
    for (const [k, { s }] of band.entries()) {
      const v = score(s);
      if (v === null) {
        flush();
        continue;
      }
      run.push([colX(k) + colW / 2, sy(v)]);
    }
    flush();
    for (const [k, { s }] of band.entries()) {
      const v = score(s);
      if (v === null) continue;
      const cx = colX(k) + colW / 2;
      curve.push(
        el('circle', {
          cx,
          cy: sy(v),
          r: 4.5,
          fill: scoreColor(v),
          stroke: '#ffffff',
          'stroke-width': 1.5,
        }),
      );
      curve.push(
        text(cx + 8, sy(v) - 5, num(v), {
          'font-size': 9,
          'font-weight': 'bold',
          fill: scoreColor(v),
        }),
      );
    }
    g.push(el('g', { class: 'curve' }, curve.join('')));
    y += curveH;

    // funnel: a bar per stage, the customers above it, the step conversion (and its target) below
    const funnel: string[] = [
      line(M, y, right, y, { stroke: GRID }),
      text(M, y + 16, wrap(tr('poster.funnel'), LABEL_W - 10, BODY * BOLD, 4), {
        'font-size': BODY,
        'font-weight': 'bold',
        fill: INK,
        lineHeight: LINE,
      }),
    ];
    const barTop = y + 22;
    const barBottom = y + funnelH - 20;
    for (const [k, { i }] of band.entries()) {
      const x = colX(k);
      const cx = x + colW / 2;
      const c = counts[i] ?? null;
      const weak = i === weakest;
      if (weak)
        funnel.push(
          rect(x + 3, y + 3, colW - 6, funnelH - 6, {
            rx: 5,
            fill: '#fce8e6',
            stroke: RED,
            'stroke-width': 1.2,
            'stroke-dasharray': '4 3',
          }),
        );
      if (c !== null) {
        const barW = Math.min(colW * 0.55, 80);
        const hgt =
          maxCount > 0 ? Math.max(c > 0 ? 2 : 0, ((barBottom - barTop) * c) / maxCount) : 0;
        funnel.push(
          rect(cx - barW / 2, barBottom - hgt, barW, hgt, {
            rx: 2,
            fill: weak ? RED : BLUE,
            'fill-opacity': weak ? 0.9 : 0.75,
          }),
        );
        funnel.push(
          text(cx, barBottom - hgt - 4, fit(num(c), colW - 8, BODY * BOLD), {
            'font-size': BODY,
            'font-weight': 'bold',
            fill: INK,
            'text-anchor': 'middle',
          }),
        );
      }
      const step = steps[i]?.step ?? null;
      if (i > 0 && step !== null) {
        const target = targets[i] ?? null;
        const under = target !== null && step < target;
        const label = `→ ${formatShare(step, lang)}${target === null ? '' : ` · ${tr('poster.target', { value: formatShare(target, lang) })}`}`;
        funnel.push(
          text(cx, y + funnelH - 8, fit(label, colW - 8, 9 * BOLD), {
            'font-size': 9,
            'font-weight': weak || under ? 'bold' : '',
            fill: weak || under ? RED : MUTED,
            'text-anchor': 'middle',
          }),
        );
      }
    }
    g.push(el('g', { class: 'funnel' }, funnel.join('')));
    y += funnelH;

    // key rows
    const rows: string[] = [];
    KEY_ROWS.forEach((r, k) => {
      const lines = rowLines[b]?.[k] ?? 2;
      const rh = lines * LINE + ROW_PAD;
      if (k % 2 === 0) rows.push(rect(M, y, right - M, rh, { fill: '#f8f9fa' }));
      rows.push(line(M, y, right, y, { stroke: GRID, 'stroke-width': 0.5 }));
      rows.push(
        text(M + 2, y + 12, labelLines(r.key).slice(0, lines), {
          'font-size': BODY,
          'font-weight': 'bold',
          fill: r.color,
          lineHeight: LINE,
        }),
      );
      for (const [c, { i }] of band.entries()) {
        const all = wrapped[i]?.[k] ?? [];
        const shown =
          all.length > lines
            ? [...all.slice(0, lines - 1), fit(all[lines - 1] ?? '', cellW, BODY, true)]
            : all;
        rows.push(
          text(colX(c) + 6, y + 12, shown, { 'font-size': BODY, fill: INK, lineHeight: LINE }),
        );
      }
      y += rh;
    });
    rows.push(line(M, y, right, y, { stroke: GRID, 'stroke-width': 0.5 }));
    for (let c = 1; c < band.length; c++)
      rows.push(
        line(colX(c), y - rowLines[b]!.reduce((s, n) => s + n * LINE + ROW_PAD, 0), colX(c), y, {
          stroke: GRID,
          'stroke-width': 0.5,
        }),
      );
    g.push(el('g', { class: 'rows' }, rows.join('')));
    out.push(el('g', { class: 'band', id: `band-${b + 1}` }, g.join('')));
    y += GAP;
  });

  // ---- bottom: the weakest transition and the top actions
  const leftW = Math.min(360, (W - 2 * M) * 0.34);
  const rightX = M + leftW + 16;
  const rightW = W - M - rightX;
  const weak: string[] = [
    rect(M, y, leftW, bottomH - 8, { rx: 6, fill: weakest > 0 ? '#fce8e6' : '#f1f3f4' }),
  ];
  let wy = y + 18;
  weak.push(
    text(M + 10, wy, fit(tr('row.weakest'), leftW - 20, 12 * BOLD), {
      'font-size': 12,
      'font-weight': 'bold',
      fill: weakest > 0 ? RED : INK,
    }),
  );
  wy += 18;
  if (weakest > 0) {
    const names = wrap(m.weakest, leftW - 20, 12 * BOLD, 2);
    weak.push(
      text(M + 10, wy, names, {
        'font-size': 12,
        'font-weight': 'bold',
        fill: INK,
        lineHeight: 15,
      }),
    );
    wy += names.length * 15;
    const step = steps[weakest]?.step ?? null;
    const target = targets[weakest] ?? null;
    if (step !== null) {
      const stepText = `${tr('poster.weakestStep', { step: formatShare(step, lang) })}${target === null ? '' : ` (${tr('poster.target', { value: formatShare(target, lang) })})`}`;
      weak.push(
        text(M + 10, wy, fit(stepText, leftW - 20, BODY), { 'font-size': BODY, fill: INK }),
      );
      wy += 14;
    }
    const lost = steps[weakest]?.dropOff ?? null;
    if (lost !== null) {
      weak.push(
        text(M + 10, wy, fit(tr('poster.lost', { n: num(lost) }), leftW - 20, BODY), {
          'font-size': BODY,
          fill: INK,
        }),
      );
      wy += 14;
    }
  } else {
    weak.push(
      text(M + 10, wy, wrap(tr('poster.noWeakest'), leftW - 20, BODY, 2), {
        'font-size': BODY,
        fill: MUTED,
        lineHeight: 14,
      }),
    );
    wy += 28;
  }
  if (problems.length) {
    wy += 4;
    weak.push(
      text(M + 10, wy, tr('poster.problems'), {
        'font-size': BODY,
        'font-weight': 'bold',
        fill: RED,
      }),
    );
    wy += 14;
    for (const p of problems) {
      const ls = wrap(p, leftW - 20, 9, 2);
      weak.push(text(M + 10, wy, ls, { 'font-size': 9, fill: RED, lineHeight: 12 }));
      wy += ls.length * 12;
    }
  }
  out.push(el('g', { id: 'weakest' }, weak.join('')));

  const acts: string[] = [
    text(rightX, y + 18, fit(tr('poster.top'), rightW, 12 * BOLD), {
      'font-size': 12,
      'font-weight': 'bold',
      fill: INK,
    }),
  ];
  if (!top.length)
    acts.push(
      text(rightX, y + 40, fit(tr('poster.noActions'), rightW, BODY), {
        'font-size': BODY,
        fill: MUTED,
      }),
    );
  const impactW = 130;
  const maxImpact = Math.max(0, ...top.map((a) => a.impact ?? 0));
  top.forEach((a, k) => {
    const ay = y + 22 + k * ACTION_ROW;
    const impact = a.impact === null ? '—' : `${a.impact > 0 ? '+' : ''}${money(a.impact)}`;
    if (a.impact !== null && a.impact > 0 && maxImpact > 0)
      acts.push(
        rect(W - M - impactW, ay + 4, (impactW * a.impact) / maxImpact, 18, {
          rx: 3,
          fill: '#e6f4ea',
        }),
      );
    acts.push(
      el('circle', { cx: rightX + 9, cy: ay + 12, r: 9, fill: BLUE }),
      text(rightX + 9, ay + 16, String(k + 1), {
        'font-size': 10,
        'font-weight': 'bold',
        fill: '#ffffff',
        'text-anchor': 'middle',
      }),
      text(
        rightX + 26,
        ay + 11,
        fit(a.action.replace(/\s+/g, ' ').trim(), rightW - impactW - 36, 11 * BOLD),
        { 'font-size': 11, 'font-weight': 'bold', fill: INK },
      ),
      text(
        rightX + 26,
        ay + 23,
        fit(
          [a.stage, `${leverCell(lang, a.lever)} ${a.change}`.trim(), a.owner ?? '']
            .map((v) => v.trim())
            .filter(Boolean)
            .join(' · '),
          rightW - impactW - 36,
          9,
        ),
        { 'font-size': 9, fill: MUTED },
      ),
      text(W - M - 4, ay + 17, fit(impact, impactW - 8, 12 * BOLD), {
        'font-size': 12,
        'font-weight': 'bold',
        fill: a.impact !== null && a.impact < 0 ? RED : GREEN,
        'text-anchor': 'end',
      }),
    );
  });
  out.push(el('g', { id: 'actions' }, acts.join('')));

  out.push(
    text(
      M,
      H - M / 2,
      fit([...reviewed.goal, tr('poster.footer', { name })].join(' · '), W - 2 * M, 8),
      {
        'font-size': 8,
        fill: MUTED,
      },
    ),
  );

  const title = `${name}${sub ? ` — ${sub}` : ''}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${page.mm.w}mm" height="${page.mm.h}mm" viewBox="0 0 ${round(W)} ${round(H)}" xml:lang="${lang}" font-family="${escapeXml(FONT)}" data-page="${page.name}">`,
    `<title>${escapeXml(title)}</title>`,
    `<style>@page { size: ${page.mm.w}mm ${page.mm.h}mm; margin: 0 }</style>`,
    rect(0, 0, W, H, { fill: '#ffffff' }),
    ...out,
    '</svg>',
    '',
  ].join('\n');
}

const round = (n: number): number => Math.round(n * 10) / 10;
