/**
 * The map as a mind map for the team (seed 002, step 9): one outline tree, rendered as a
 * Markdown outline and as OPML, the format mind-map tools import.
 */
import { t } from '../words/i18n';
import { CARD_KEYS, CONTENT_KEYS, type CellData, type Journey } from '../map/journey';
import type { Metrics } from '../map/metrics';

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

/** A cell as outline items: each line of a multi-line cell is one item (a ";" is the user's punctuation, not a break). */
function items(value: CellData): OutlineNode[] {
  return String(value).split(/\s*\n\s*/).filter(Boolean).map((s) => node(s));
}

export function outline(j: Journey, m: Metrics, actions: readonly PlannedAction[], formatNumber: (n: number) => string): OutlineNode {
  const lang = j.lang;
  const labelled = (key: Parameters<typeof t>[1], value: CellData) => (String(value).trim() ? [node(t(lang, key), items(value))] : []);
  const title = j.title;
  const stage = (s: Journey['stages'][number], i: number) =>
    node(`${i + 1}. ${s.name}${s.role ? ` (${s.role})` : ''}`, [
      ...CONTENT_KEYS.flatMap((k) => labelled(`row.${k}`, s.content[k])),
      ...labelled('row.customers', typeof s.customers === 'number' ? formatNumber(s.customers) : s.customers),
    ]);
  const economics = [
    ['row.leads', m.leads], ['row.conversion', m.conversion === null ? null : m.conversion * 100], ['row.avgCheck', m.avgCheck],
    ['row.purchases', m.purchases], ['row.revenue', m.revenue],
  ] as const;
  return node(String(title.name), [
    ...(['segment', 'product', 'persona', 'goal', 'owner', 'reviewed', 'nextReview'] as const).flatMap((k) => labelled(`row.${k}`, title[k])),
    node(t(lang, 'row.cardSection'), CARD_KEYS.flatMap((k) => labelled(`row.${k}`, j.card[k]))),
    node(t(lang, 'step.stages'), j.stages.map(stage)),
    node(t(lang, 'row.kpiSection'), [
      ...economics.flatMap(([key, v]) => (v === null ? [] : [node(`${t(lang, key)}: ${formatNumber(v)}${key === 'row.conversion' ? '%' : ''}`)])),
      ...(m.weakest ? [node(`${t(lang, 'row.weakest')}: ${m.weakest}`)] : []),
    ]),
    node(t(lang, 'step.plan'), actions.map((a) => node(
      [a.action, a.stage, a.lever && `${a.lever} ${a.change}`.trim(), a.owner, a.deadline, a.impact === null ? '' : `${t(lang, 'plan.impact')}: ${formatNumber(a.impact)}`]
        .filter(Boolean).join(' — '),
    ))),
  ]);
}

export function toMarkdown(root: OutlineNode): string {
  const lines = [`# ${root.text}`, ''];
  const walk = (n: OutlineNode, depth: number) => {
    lines.push(`${'  '.repeat(depth)}- ${n.text.replace(/\n/g, ' ')}`);
    n.children.forEach((c) => walk(c, depth + 1));
  };
  root.children.forEach((c) => walk(c, 0));
  return `${lines.join('\n')}\n`;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;');

export function toOpml(root: OutlineNode): string {
  const walk = (n: OutlineNode, depth: number): string => {
    const pad = '  '.repeat(depth + 2);
    if (!n.children.length) return `${pad}<outline text="${xml(n.text)}"/>`;
    return `${pad}<outline text="${xml(n.text)}">\n${n.children.map((c) => walk(c, depth + 1)).join('\n')}\n${pad}</outline>`;
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    `  <head><title>${xml(root.text)}</title></head>`,
    '  <body>',
    walk(root, 0),
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
