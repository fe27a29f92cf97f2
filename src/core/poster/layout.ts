/**
 * The poster's layout: every size, margin, band height and type size in one table (in CSS px
 * of the viewBox, where 10 units of type print at 7.5 pt), its colours, and the choice of page.
 */
import type { ContentKey } from '../map/journey';

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

export const LAYOUT = {
  /** the page's margin on every side */
  margin: 32,
  /** the space between the header, each band of stages and the bottom band */
  gap: 10,
  /** the column of row labels, left of the stages */
  labelWidth: 118,
  /** the narrowest readable stage column: when fewer fit, stages run in more bands */
  minColumn: 128,
  /** body text (row labels, cells, notes): its size and its line height */
  body: 10,
  line: 12.5,
  /** top actions on an A4 page, and on the larger ones */
  topA4: 3,
  topLarger: 5,
  header: {
    height: 84,
    /** the caption ("Customer journey map · as of …") above the name: baseline and size */
    captionY: 10,
    caption: 9,
    captionSpacing: 0.5,
    /** the map's name: baseline, and the sizes tried in turn until it fits */
    nameY: 34,
    nameSizes: [20, 18, 16, 14],
    /** segment · product under the name */
    subY: 52,
    sub: 12,
    /** persona and goal, one line each under the KPI boxes */
    extraY: 68,
    extraLine: 13,
    /** the space between the name and the KPI boxes */
    kpiSpace: 16,
  },
  /** the economics' boxes, right of the name: revenue is the strong one */
  kpi: {
    height: 54,
    gap: 6,
    radius: 6,
    /** text inset from the box's left and right */
    inset: 8,
    /** what a box adds to its widest text */
    pad: 18,
    width: 104,
    strongWidth: 150,
    labelY: 16,
    label: 9,
    valueY: 40,
    value: 15,
    strongValue: 17,
    /** the revenue's note (guessed roles, or the change since the last review) */
    noteY: 51,
    note: 8,
  },
  /** a band's row of stage names */
  stageHead: { height: 38, name: 11, nameLine: 13, role: 8 },
  /** the emotion curve's least height, its axis labels' and scores' sizes, its dot */
  curve: { minHeight: 66, axis: 8, score: 9, dot: 4.5 },
  /** the funnel's least height; a bar is this share of its column, up to `barMax` */
  funnel: { minHeight: 86, barShare: 0.55, barMax: 80, step: 9 },
  /** the share of the height left over each chart takes, up to its least height again */
  chartShare: 0.4,
  /** the key rows: space under a row's lines, the most lines a row shows, cell inset */
  rows: { pad: 7, maxLines: 10, inset: 6 },
  /** the bottom band: the weakest transition on the left, the top actions on the right */
  bottom: {
    /** the weakest transition's box: at most this wide, or this share of the page */
    weakWidth: 360,
    weakShare: 0.34,
    /** between the weakest transition's box and the actions */
    space: 16,
    radius: 6,
    /** the weakest transition's title, in its box's height */
    head: 20,
    /** below the bottom band's boxes */
    under: 8,
    title: 12,
    titleLine: 18,
    nameLine: 15,
    detailLine: 14,
    problem: 9,
    problemLine: 12,
    problemsAbove: 4,
  },
  actions: {
    /** the title's line, then one row per action */
    top: 22,
    row: 26,
    /** the column of impacts, with a bar as long as the impact's share of the largest */
    impactWidth: 130,
    badge: 9,
    number: 10,
    action: 11,
    detail: 9,
    impact: 12,
  },
  footer: { height: 14, size: 8 },
} as const;

export const FONT = "Arial, Helvetica, 'Liberation Sans', 'DejaVu Sans', sans-serif";
export const INK = '#202124';
export const MUTED = '#5f6368';
export const GRID = '#dadce0';
export const BLUE = '#1a73e8';
export const RED = '#d93025';
export const GREEN = '#188038';
export const AMBER = '#e37400';
export const WHITE = '#ffffff';
/** the revenue box's note that the funnel roles were guessed */
export const NOTE_ON_BLUE = '#fde293';
/** the light grey of boxes and of every other key row */
export const PALE = '#f1f3f4';
export const STRIPE = '#f8f9fa';
/** the weakest transition's light red */
export const PALE_RED = '#fce8e6';

/** The stage rows the poster shows, in map order, with how each is coloured. */
export const KEY_ROWS: readonly { key: ContentKey; color: string }[] = [
  { key: 'job', color: INK },
  { key: 'actions', color: INK },
  { key: 'touchpoints', color: INK },
  { key: 'barriers', color: RED },
  { key: 'drivers', color: GREEN },
];

export interface Page {
  name: string;
  mm: { w: number; h: number };
  w: number;
  h: number;
  perBand: number;
  bands: number;
  colW: number;
  topN: number;
}

/** The height every band of stages takes before its key rows, and the page's other fixed parts. */
export function fixedHeight(bands: number, bottom: number): number {
  const L = LAYOUT;
  return (
    2 * L.margin +
    L.header.height +
    L.gap +
    bands * (L.stageHead.height + L.curve.minHeight + L.funnel.minHeight + L.gap) +
    bottom +
    L.gap +
    L.footer.height
  );
}

/** The smallest page whose columns are readable and whose rows keep at least two lines each. */
export function choosePage(n: number, bottom: (topN: number) => number): Page {
  const L = LAYOUT;
  let chosen: Page | null = null;
  for (const p of PAGES) {
    const w = p.w * PX;
    const h = p.h * PX;
    const inner = w - 2 * L.margin - L.labelWidth;
    const fits = Math.max(1, Math.floor(inner / L.minColumn));
    const bands = Math.ceil(n / fits);
    const perBand = Math.max(1, Math.ceil(n / bands));
    const topN = p.name === 'A4' ? L.topA4 : L.topLarger;
    const fixed = fixedHeight(bands, bottom(topN));
    const rowsMin = bands * KEY_ROWS.length * (2 * L.line + L.rows.pad);
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
