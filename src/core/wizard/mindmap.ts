/**
 * The map as a mind map for the team, who plan in mind-map tools: one outline tree, rendered as a
 * Markdown outline and as OPML, the format mind-map tools import. Figures and dates read as
 * the map's cells show them, through the one formatter the sheet, the sidebar and the poster
 * share: review dates and deadlines in the map's language form ("15.05.2026" in Russian),
 * money with the spreadsheet locale's currency, shares as "0.0%" writes them.
 */
import { t, type Lang } from '../words/i18n';
import {
  CARD_KEYS,
  CONTENT_KEYS,
  TITLE_KEYS,
  type CellData,
  type Journey,
  type TitleKey,
} from '../map/journey';
import type { Metrics } from '../map/metrics';
import type { ReviewSummary } from '../review/summary';
import { formatCount, formatFactor, formatMoney, formatShare } from '../funnel/numbers';
import { currencyOf } from '../map/formats';
import { cellDate, formatDate, serialToIso } from '../map/dates';
import { escapeMarkdown } from '../words/markdown';
import { escapeXml } from '../words/xml';
import { leverCell } from './action-plan';

export interface OutlineNode {
  text: string;
  children: OutlineNode[];
}

export interface PlannedAction {
  action: string;
  stage: string;
  lever: string;
  change: string;
  owner: string;
  deadline: string;
  impact: number | null;
}

const node = (text: string, children: OutlineNode[] = []): OutlineNode => ({ text, children });

/**
 * A cell as outline items: each line of a multi-line cell is one item (a ";" is the user's
 * punctuation, not a break). Split, then trimmed: a pattern that eats the spaces around each
 * line break would rescan a long run of spaces from every position in it.
 */
function items(value: CellData): OutlineNode[] {
  return String(value)
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => node(s));
}

/**
 * A date as the map's language writes it: an ISO date ("2026-05-15", as the journey and the
 * plan carry it), a Date or a date serial becomes "15.05.2026" (ru) or "2026-05-15" (en); a
 * date typed in either form is shown in the map's; any other text stays as it is.
 */
export function shownDate(value: CellData | Date, lang: Lang): string {
  const iso = typeof value === 'number' ? serialToIso(value) : cellDate(value, () => undefined);
  if (iso) return formatDate(iso, lang);
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** The title rows the outline carries, in the map's order: the name heads the outline. */
const TITLE_ROWS = TITLE_KEYS.filter((k) => k !== 'name');

/**
 * The outline of a map and its plan. `locale`: the spreadsheet's, whose currency the money
 * cells show ("" for plain money).
 */
export function outline(
  j: Journey,
  m: Metrics,
  actions: readonly PlannedAction[],
  locale = '',
  review: ReviewSummary | null = null,
): OutlineNode {
  const lang = j.lang;
  const currency = currencyOf(locale);
  const money = (n: number) => formatMoney(n, lang, currency);
  const labelled = (key: Parameters<typeof t>[1], value: CellData) =>
    String(value).trim() ? [node(t(lang, key), items(value))] : [];
  const title = j.title;
  const stage = (s: Journey['stages'][number], i: number) =>
    node(`${i + 1}. ${s.name}${s.role ? ` (${s.role})` : ''}`, [
      ...CONTENT_KEYS.flatMap((k) => labelled(`row.${k}`, s.content[k])),
      ...labelled(
        'row.customers',
        typeof s.customers === 'number' ? formatCount(s.customers, lang) : s.customers,
      ),
    ]);
  const economics = [
    ['row.leads', m.leads, (n: number) => formatCount(n, lang)],
    ['row.conversion', m.conversion, (n: number) => formatShare(n, lang)],
    ['row.avgCheck', m.avgCheck, money],
    ['row.purchases', m.purchases, (n: number) => formatFactor(n, lang)],
    ['row.revenue', m.revenue, money],
  ] as const;
  const titled = (k: TitleKey) =>
    k === 'reviewed' || k === 'nextReview' ? shownDate(title[k], lang) : title[k];
  return node(String(title.name), [
    ...TITLE_ROWS.flatMap((k) => labelled(`row.${k}`, titled(k))),
    node(
      t(lang, 'row.cardSection'),
      CARD_KEYS.flatMap((k) => labelled(`row.${k}`, j.card[k])),
    ),
    node(t(lang, 'step.stages'), j.stages.map(stage)),
    node(t(lang, 'row.kpiSection'), [
      ...economics.flatMap(([key, v, format]) =>
        v === null ? [] : [node(`${t(lang, key)}: ${format(v)}`)],
      ),
      ...(m.weakest ? [node(`${t(lang, 'row.weakest')}: ${m.weakest}`)] : []),
    ]),
    ...(review?.periods.length ? [reviewsNode(review, lang, money)] : []),
    node(
      t(lang, 'step.plan'),
      actions.map((a) =>
        node(
          [
            a.action,
            a.stage,
            a.lever && `${leverCell(lang, a.lever)} ${a.change}`.trim(),
            a.owner,
            shownDate(a.deadline, lang),
            a.impact === null ? '' : `${t(lang, 'plan.impact')}: ${money(a.impact)}`,
          ]
            .filter(Boolean)
            .join(' — '),
        ),
      ),
    ),
  ]);
}

/**
 * The outline as Markdown: the map's name as the heading, every other node a list item two
 * spaces deeper than its parent. Each text is escaped (words/markdown), its line breaks kept as
 * breaks inside its node; a name of more than one line is underlined with "=" (a setext
 * heading), as a heading after "#" cannot go on to a second line.
 */
export function toMarkdown(root: OutlineNode): string {
  const head = escapeMarkdown(root.text, '');
  const lines = [head.includes('\n') ? `${head}\n===` : `# ${head}`, ''];
  const walk = (n: OutlineNode, depth: number) => {
    const indent = '  '.repeat(depth);
    lines.push(`${indent}- ${escapeMarkdown(n.text, `${indent}  `)}`);
    n.children.forEach((c) => {
      walk(c, depth + 1);
    });
  };
  root.children.forEach((c) => {
    walk(c, 0);
  });
  return `${lines.join('\n')}\n`;
}

export function toOpml(root: OutlineNode): string {
  const walk = (n: OutlineNode, depth: number): string => {
    const pad = '  '.repeat(depth + 2);
    if (!n.children.length) return `${pad}<outline text="${escapeXml(n.text)}"/>`;
    return `${pad}<outline text="${escapeXml(n.text)}">\n${n.children.map((c) => walk(c, depth + 1)).join('\n')}\n${pad}</outline>`;
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    `  <head><title>${escapeXml(root.text)}</title></head>`,
    '  <body>',
    walk(root, 0),
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}

/** The map's reviewed periods, newest first: each one's revenue, weakest transition and note. */
function reviewsNode(r: ReviewSummary, lang: Lang, money: (n: number) => string): OutlineNode {
  return node(
    t(lang, 'review.history'),
    [...r.periods].reverse().map((p) =>
      node(
        [
          t(lang, 'review.period', {
            from: p.from ? shownDate(p.from, lang) : '…',
            to: shownDate(p.to, lang),
          }),
          p.revenue === null ? '' : t(lang, 'review.periodRevenue', { revenue: money(p.revenue) }),
          p.weakest ? t(lang, 'review.periodWeakest', { weakest: p.weakest }) : '',
          p.note,
        ]
          .filter(Boolean)
          .join(' — '),
      ),
    ),
  );
}
