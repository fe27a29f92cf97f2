/**
 * The poster's bottom band: the weakest transition (and the map's problems) on the left, the
 * top actions by revenue impact on the right.
 */
import { formatShare } from '../funnel/numbers';
import { leverCell } from '../wizard/action-plan';
import { BLUE, GREEN, INK, LAYOUT, MUTED, PALE, PALE_RED, RED, WHITE, type Page } from './layout';
import { BOLD, el, fit, rect, text, wrap } from './svg';
import type { PosterView } from './view';

const L = LAYOUT;
const B = LAYOUT.bottom;
const A = LAYOUT.actions;

/** The map's problems the poster names (at most three). */
const problemsOf = (v: PosterView) => v.m.errors.slice(0, 3);

/** The bottom band's height with `topN` actions: the taller of its two boxes. */
export function bottomHeight(v: PosterView, topN: number): number {
  const problems = problemsOf(v);
  const weakestHeight =
    B.head +
    (v.weakest > 0 ? 2 * B.nameLine + 2 * B.detailLine : 2 * B.detailLine) +
    (problems.length ? B.problemsAbove + B.detailLine + problems.length * 2 * B.problemLine : 0);
  return (
    Math.max(weakestHeight, A.top + Math.max(1, Math.min(topN, v.ranked.length)) * A.row) + B.under
  );
}

/** The bottom band from `y`, `height` high. */
export function renderBottom(v: PosterView, page: Page, y: number, height: number): string[] {
  const leftW = Math.min(B.weakWidth, (page.w - 2 * L.margin) * B.weakShare);
  const rightX = L.margin + leftW + B.space;
  return [
    weakestTransition(v, y, leftW, height),
    topActions(v, page, rightX, y, page.w - L.margin - rightX),
  ];
}

/** The weakest transition: its stages, step conversion (and target), the customers it loses. */
function weakestTransition(v: PosterView, y: number, leftW: number, height: number): string {
  const { tr, weakest, steps, targets, lang } = v;
  const M = L.margin;
  const weak: string[] = [
    rect(M, y, leftW, height - B.under, { rx: B.radius, fill: weakest > 0 ? PALE_RED : PALE }),
  ];
  let wy = y + 18;
  weak.push(
    text(M + 10, wy, fit(tr('row.weakest'), leftW - 20, B.title * BOLD), {
      'font-size': B.title,
      'font-weight': 'bold',
      fill: weakest > 0 ? RED : INK,
    }),
  );
  wy += B.titleLine;
  if (weakest > 0) {
    const names = wrap(v.m.weakest, leftW - 20, B.title * BOLD, 2);
    weak.push(
      text(M + 10, wy, names, {
        'font-size': B.title,
        'font-weight': 'bold',
        fill: INK,
        lineHeight: B.nameLine,
      }),
    );
    wy += names.length * B.nameLine;
    const step = steps[weakest]?.step ?? null;
    const target = targets[weakest] ?? null;
    if (step !== null) {
      const stepText = `${tr('poster.weakestStep', { step: formatShare(step, lang) })}${target === null ? '' : ` (${tr('poster.target', { value: formatShare(target, lang) })})`}`;
      weak.push(
        text(M + 10, wy, fit(stepText, leftW - 20, L.body), { 'font-size': L.body, fill: INK }),
      );
      wy += B.detailLine;
    }
    const lost = steps[weakest]?.dropOff ?? null;
    if (lost !== null) {
      weak.push(
        text(M + 10, wy, fit(tr('poster.lost', { n: v.num(lost) }), leftW - 20, L.body), {
          'font-size': L.body,
          fill: INK,
        }),
      );
      wy += B.detailLine;
    }
  } else {
    weak.push(
      text(M + 10, wy, wrap(tr('poster.noWeakest'), leftW - 20, L.body, 2), {
        'font-size': L.body,
        fill: MUTED,
        lineHeight: B.detailLine,
      }),
    );
    wy += 2 * B.detailLine;
  }
  const problems = problemsOf(v);
  if (problems.length) {
    wy += B.problemsAbove;
    weak.push(
      text(M + 10, wy, tr('poster.problems'), {
        'font-size': L.body,
        'font-weight': 'bold',
        fill: RED,
      }),
    );
    wy += B.detailLine;
    for (const p of problems) {
      const ls = wrap(p, leftW - 20, B.problem, 2);
      weak.push(
        text(M + 10, wy, ls, { 'font-size': B.problem, fill: RED, lineHeight: B.problemLine }),
      );
      wy += ls.length * B.problemLine;
    }
  }
  return el('g', { id: 'weakest' }, weak.join(''));
}

/** The plan's best actions: number, words, stage · lever · owner, and the impact with its bar. */
function topActions(v: PosterView, page: Page, rightX: number, y: number, rightW: number): string {
  const { tr, money } = v;
  const W = page.w;
  const M = L.margin;
  const top = v.ranked.slice(0, page.topN);
  const acts: string[] = [
    text(rightX, y + 18, fit(tr('poster.top'), rightW, B.title * BOLD), {
      'font-size': B.title,
      'font-weight': 'bold',
      fill: INK,
    }),
  ];
  if (!top.length)
    acts.push(
      text(rightX, y + 40, fit(tr('poster.noActions'), rightW, L.body), {
        'font-size': L.body,
        fill: MUTED,
      }),
    );
  const impactW = A.impactWidth;
  const maxImpact = Math.max(0, ...top.map((a) => a.impact ?? 0));
  top.forEach((a, k) => {
    const ay = y + A.top + k * A.row;
    const impact = a.impact === null ? '—' : `${a.impact > 0 ? '+' : ''}${money(a.impact)}`;
    if (a.impact !== null && a.impact > 0 && maxImpact > 0)
      acts.push(
        rect(W - M - impactW, ay + 4, (impactW * a.impact) / maxImpact, 18, {
          rx: 3,
          fill: '#e6f4ea',
        }),
      );
    acts.push(
      el('circle', { cx: rightX + A.badge, cy: ay + 12, r: A.badge, fill: BLUE }),
      text(rightX + A.badge, ay + 16, String(k + 1), {
        'font-size': A.number,
        'font-weight': 'bold',
        fill: WHITE,
        'text-anchor': 'middle',
      }),
      text(
        rightX + 26,
        ay + 11,
        fit(a.action.replace(/\s+/g, ' ').trim(), rightW - impactW - 36, A.action * BOLD),
        { 'font-size': A.action, 'font-weight': 'bold', fill: INK },
      ),
      text(
        rightX + 26,
        ay + 23,
        fit(
          [a.stage, `${leverCell(v.lang, a.lever)} ${a.change}`.trim(), a.owner ?? '']
            .map((s) => s.trim())
            .filter(Boolean)
            .join(' · '),
          rightW - impactW - 36,
          A.detail,
        ),
        { 'font-size': A.detail, fill: MUTED },
      ),
      text(W - M - 4, ay + 17, fit(impact, impactW - 8, A.impact * BOLD), {
        'font-size': A.impact,
        'font-weight': 'bold',
        fill: a.impact !== null && a.impact < 0 ? RED : GREEN,
        'text-anchor': 'end',
      }),
    );
  });
  return el('g', { id: 'actions' }, acts.join(''));
}
