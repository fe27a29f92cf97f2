/**
 * The poster's header: the map's name, segment and product, persona and goal on the left; the
 * economics (L, C, P, Q, revenue) in boxes on the right.
 */
import { formatShare } from '../funnel/numbers';
import { BLUE, INK, LAYOUT, MUTED, NOTE_ON_BLUE, PALE, WHITE, type Page } from './layout';
import { BOLD, el, fit, rect, text, textWidth } from './svg';
import type { PosterView } from './view';

interface Kpi {
  label: string;
  value: string;
  strong?: boolean;
}

const L = LAYOUT;
const K = LAYOUT.kpi;

export function renderHeader(v: PosterView, page: Page): string {
  const { j, m, tr, num, money } = v;
  const M = L.margin;
  const kpis: Kpi[] = [
    { label: tr('poster.kpiLeads'), value: m.leads === null ? '—' : num(m.leads) },
    {
      label: tr('poster.kpiConversion'),
      value: m.conversion === null ? '—' : formatShare(m.conversion, v.lang),
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
  const revenueNote = j.rolesGuessed ? tr('poster.rolesGuessed') : v.reviewed.change;
  const kpiW = (k: Kpi) =>
    Math.ceil(
      Math.max(
        k.strong ? K.strongWidth : K.width,
        textWidth(k.value) * (k.strong ? K.strongValue : K.value) * BOLD + K.pad,
        k.strong && revenueNote ? textWidth(revenueNote) * K.note + K.pad : 0,
      ),
    );
  const kpiTotal = kpis.reduce((s, k) => s + kpiW(k), 0) + K.gap * (kpis.length - 1);
  const headW = page.w - 2 * M - kpiTotal - L.header.kpiSpace;
  const header = [...titleLines(v, page, headW)];
  let kx = page.w - M - kpiTotal;
  for (const k of kpis) {
    const kw = kpiW(k);
    header.push(kpiBox(k, kx, kw, k.strong ? revenueNote : null, j.rolesGuessed === true));
    kx += kw + K.gap;
  }
  return el('g', { id: 'header' }, header.join(''));
}

/** The caption, the map's name, segment · product, persona and goal. */
function titleLines(v: PosterView, page: Page, headW: number): string[] {
  const { j, tr, name, sub } = v;
  const M = L.margin;
  const H = L.header;
  // A long name is set smaller before it is cut: the name is what the room reads first.
  const nameW = textWidth(name);
  const nameSize = H.nameSizes.find((size) => nameW * size * BOLD <= headW) ?? H.nameSizes[3];
  const caption = [tr('map.title'), ...v.reviewed.asOf].join(' · ');
  const lines: string[] = [
    text(M, M + H.captionY, fit(caption.toUpperCase(), headW, H.caption), {
      'font-size': H.caption,
      fill: MUTED,
      'letter-spacing': H.captionSpacing,
    }),
    text(M, M + H.nameY, fit(name, headW, nameSize * BOLD), {
      'font-size': nameSize,
      'font-weight': 'bold',
      fill: INK,
    }),
  ];
  if (sub)
    lines.push(text(M, M + H.subY, fit(sub, headW, H.sub), { 'font-size': H.sub, fill: INK }));
  // Persona and goal sit below the KPI boxes, so they take the page's whole width.
  const extra = (
    [
      ['row.persona', j.title.persona],
      ['row.goal', j.title.goal],
    ] as const
  ).filter(([, value]) => String(value).trim());
  extra.forEach(([key, value], i) => {
    lines.push(
      text(
        M,
        M + H.extraY + i * H.extraLine,
        fit(`${tr(key)}: ${String(value).replace(/\s+/g, ' ').trim()}`, page.w - 2 * M, L.body),
        { 'font-size': L.body, fill: MUTED },
      ),
    );
  });
  return lines;
}

/** One economics box; the revenue's says under its figure that roles were guessed, or its change. */
function kpiBox(k: Kpi, kx: number, kw: number, note: string | null, guessed: boolean): string {
  const M = L.margin;
  const size = k.strong ? K.strongValue : K.value;
  return [
    rect(kx, M, kw, K.height, { rx: K.radius, fill: k.strong ? BLUE : PALE }),
    text(kx + K.inset, M + K.labelY, fit(k.label, kw - 2 * K.inset, K.label), {
      'font-size': K.label,
      fill: k.strong ? WHITE : MUTED,
    }),
    text(kx + K.inset, M + K.valueY, fit(k.value, kw - 2 * K.inset, size * BOLD), {
      'font-size': size,
      'font-weight': 'bold',
      fill: k.strong ? WHITE : INK,
    }),
    note
      ? text(kx + K.inset, M + K.noteY, fit(note, kw - 2 * K.inset, K.note), {
          'font-size': K.note,
          fill: guessed ? NOTE_ON_BLUE : WHITE,
        })
      : '',
  ].join('');
}
