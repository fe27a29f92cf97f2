/**
 * The one-page journey poster (the wizard's step Present): the map as a self-contained SVG a team
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
import type { Journey } from '../map/journey';
import { safeFileName } from '../words/file-name';
import { t } from '../words/i18n';
import { escapeXml } from '../words/xml';
import { renderBands } from './bands';
import { bottomHeight, renderBottom } from './bottom';
import { renderHeader } from './header';
import { choosePage, FONT, LAYOUT, MUTED, WHITE } from './layout';
import { fit, rect, text } from './svg';
import { posterView, type PosterInput } from './view';

export type { PosterAction, PosterInput } from './view';

/** The file a poster is saved as: the map's name, made safe for a file system, and "poster". */
export function posterFileName(j: Journey, sheetName = ''): string {
  const name = safeFileName(String(j.title.name || sheetName), 'cjm');
  return `${name} — ${t(j.lang, 'poster.file')}.svg`;
}

export function renderPoster(input: PosterInput): string {
  const v = posterView(input);
  const L = LAYOUT;
  const M = L.margin;
  const page = choosePage(Math.max(1, v.j.stages.length), (topN) => bottomHeight(v, topN));
  const { w: W, h: H } = page;
  const bottomH = bottomHeight(v, page.topN);
  const bands = renderBands(v, page, bottomH, M + L.header.height + L.gap);
  const footer = [...v.reviewed.goal, v.tr('poster.footer', { name: v.name })].join(' · ');
  const title = `${v.name}${v.sub ? ` — ${v.sub}` : ''}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${page.mm.w}mm" height="${page.mm.h}mm" viewBox="0 0 ${round(W)} ${round(H)}" xml:lang="${v.lang}" font-family="${escapeXml(FONT)}" data-page="${page.name}">`,
    `<title>${escapeXml(title)}</title>`,
    `<style>@page { size: ${page.mm.w}mm ${page.mm.h}mm; margin: 0 }</style>`,
    rect(0, 0, W, H, { fill: WHITE }),
    renderHeader(v, page),
    ...bands.svg,
    ...renderBottom(v, page, bands.y, bottomH),
    text(M, H - M / 2, fit(footer, W - 2 * M, L.footer.size), {
      'font-size': L.footer.size,
      fill: MUTED,
    }),
    '</svg>',
    '',
  ].join('\n');
}

const round = (n: number): number => Math.round(n * 10) / 10;
