import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blankRecord,
  CARD_KEYS,
  newStage,
  TITLE_KEYS,
  type Journey,
  type Stage,
} from '../../../../src/core/map/journey';
import { computeMetrics, type Metrics } from '../../../../src/core/map/metrics';
import type { ReviewSummary } from '../../../../src/core/review/summary';
import { leverCell } from '../../../../src/core/wizard/action-plan';
import {
  outline,
  shownDate,
  toMarkdown,
  toOpml,
  type OutlineNode,
  type PlannedAction,
} from '../../../../src/core/wizard/mindmap';
import { t } from '../../../../src/core/words/i18n';
import { xmlChars } from '../../../../src/core/words/xml';
import { presetJourney } from '../../../support/journeys';
import { parseMarkdownOutline } from '../../../support/markdown-outline';

const NBSP = '\u00a0';

describe('the mind map of a map', () => {
  const j = presetJourney('ru');
  j.title.persona = 'Анна, 29 лет; менеджер проектов';
  j.title.reviewed = '15.05.2026';
  j.title.nextReview = '15.08.2026';
  j.stages[0]!.content.barriers = 'Дорого; далеко\nНет парковки';
  const md = toMarkdown(outline(j, computeMetrics(j), []));

  it('carries the persona summary and the review dates', () => {
    expect(md).toContain('Анна, 29 лет; менеджер проектов');
    expect(md).toContain('15.05.2026');
    expect(md).toContain('15.08.2026');
  });

  it('keeps a cell whole across ";" and makes one item per line', () => {
    expect(md).toContain('Дорого; далеко');
    expect(md).toMatch(/- Нет парковки/);
  });
});

/**
 * A map with its economics filled, as the server reads it: review dates are ISO text (see
 * read-map).
 */
function filled(lang: 'ru' | 'en') {
  const j = presetJourney(lang);
  j.title.reviewed = '2026-05-15';
  j.title.nextReview = '2026-08-01';
  const customers = [2000, 800, 120, 110, 70, 45];
  j.stages.forEach((s, i) => {
    s.customers = customers[i] ?? '';
  });
  j.avgCheck = 30000;
  j.purchases = 3;
  return j;
}

const plan = (deadline: string): PlannedAction[] => [
  {
    action: 'Рассрочка',
    stage: '',
    lever: 'C',
    change: '+2 п.п.',
    owner: 'Оля',
    deadline,
    impact: 1560000,
  },
];

describe("the mind map shows dates and figures as the map's cells do", () => {
  it('Russian: ISO dates from the server as 15.05.2026, rubles after the figure, shares and factors with their decimals', () => {
    const j = filled('ru');
    const m = computeMetrics(j);
    const md = toMarkdown(outline(j, m, plan('2026-06-30'), 'ru_RU'));
    expect(md).toContain('  - 15.05.2026\n');
    expect(md).toContain('  - 01.08.2026\n');
    expect(md).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(md).toContain(
      `Рассрочка — C +2 п.п. — Оля — 30.06.2026 — Влияние на выручку: 1${NBSP}560${NBSP}000${NBSP}₽`,
    );
    expect(md).toContain(`: 30${NBSP}000${NBSP}₽`);
    // the conversion as "0.0%" writes it, Q as "0.0#" does, leads as "#,##0"
    expect(m.conversion).not.toBeNull();
    expect(md).toMatch(/: \d+,\d%\n/);
    expect(md).toContain(': 3,0\n');
    expect(md).toContain(`: 2${NBSP}000\n`);
    expect(toOpml(outline(j, m, plan('2026-06-30'), 'ru_RU'))).toContain('30.06.2026');
  });

  it('English: ISO dates as the English map shows them, dollars before the figure', () => {
    const j = filled('en');
    const md = toMarkdown(outline(j, computeMetrics(j), plan('2026-06-30'), 'en_US'));
    expect(md).toContain('  - 2026-05-15\n');
    expect(md).toContain(' — 2026-06-30 — ');
    // "$" escaped: mind-map tools read a text between two as a formula
    expect(md).toContain(': \\$30,000\n');
    expect(md).toContain(': \\$1,560,000');
    expect(md).toContain(': 3.0\n');
  });

  it('plain money where the locale has no currency format', () => {
    const j = filled('en');
    const md = toMarkdown(outline(j, computeMetrics(j), plan(''), 'xx_YY'));
    expect(md).toContain(': 30,000.00\n'); // the plain money format "#,##0.00"
  });

  it("shows a Date, a serial or dotted text as a date in the map's form; other text as typed", () => {
    expect(shownDate(new Date(Date.UTC(2026, 4, 15)), 'ru')).toBe('15.05.2026');
    expect(shownDate(46157, 'ru')).toBe('15.05.2026');
    expect(shownDate('15.05.2026', 'en')).toBe('2026-05-15');
    expect(shownDate('2026-05-15', 'ru')).toBe('15.05.2026');
    expect(shownDate('после запуска', 'ru')).toBe('после запуска');
    expect(shownDate('', 'ru')).toBe('');
  });
});

/**
 * Any text, as a marketer types or pastes it: what makes Markdown markup (headings, bullets,
 * numbers and dots, emphasis, links, code, HTML, entities, tables, formulas, escapes), line
 * breaks of every kind, edge spaces, control and bidirectional characters, lone surrogate halves
 * and emoji, among any other UTF-16 code unit.
 */
const anyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      ...['#', '# ', '-', '- ', '+', '*', '_', '=', '===', '---', '1.', '2)', '>', '|', '~', '$'],
      ...['[', ']', '(', ')', '`', '```', '<', '>', '&', '&#32;', '&amp;', '<script>', '\\'],
      ...['\n', '\r', '\r\n', '\u2028', '\u0085', ' ', '    ', '\t', '\u00a0', '\u0000'],
      ...['\u0001', '\u001f', '\u007f', '\u202e', '\u2066', '\u200f', '\ud800', '\udc00'],
      ...['\ufffe', '\ufeff', '🎉', '👩‍💻', 'Ж', 'a'],
    ),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 16,
});

const { tree: anyTree } = fc.letrec<{ tree: OutlineNode }>((tie) => ({
  tree: fc.record({
    text: anyText,
    children: fc.oneof(
      { depthSize: 'small' },
      fc.constant<OutlineNode[]>([]),
      fc.array(tie('tree'), { maxLength: 4 }),
    ),
  }),
}));

/**
 * A text as the Markdown outline carries it: its lines (at LF, CR and CR LF, the line endings
 * of Markdown) without their edge spaces, blank ones left out, and less what no text file
 * carries (as XML: control characters, lone surrogate halves).
 */
const carried = (text: string): string =>
  xmlChars(text)
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
const carriedTree = (n: OutlineNode): OutlineNode => ({
  text: carried(n.text),
  children: n.children.map(carriedTree),
});

describe('the Markdown outline', () => {
  it('reads back as the same tree of texts, whatever the texts, each inside its node', () => {
    fc.assert(
      fc.property(anyTree, (tree) => {
        expect(parseMarkdownOutline(toMarkdown(tree))).toEqual(carriedTree(tree));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes a hostile map name as text, not HTML', () => {
    const md = toMarkdown(node('X</script><img src=x onerror=alert(1)>'));
    expect(md).toBe('# X\\</script\\>\\<img src=x onerror=alert(1)\\>\n\n');
    expect(md).not.toMatch(/(^|[^\\])</);
  });

  it('keeps a line break, a "#" or a "-" typed at the start of a line inside its node', () => {
    const md = toMarkdown(
      node('Кофе\nв зёрнах', [
        node('1. Осознание (L)', [node('# не заголовок\n- не пункт\n+3 п.п.'), node('')]),
      ]),
    );
    expect(md).toBe(
      [
        'Кофе\\',
        'в зёрнах',
        '===',
        '',
        '- 1\\. Осознание (L)',
        '  - \\# не заголовок\\',
        '    \\- не пункт\\',
        '    \\+3 п.п.',
        '  - &#32;',
        '',
      ].join('\n'),
    );
  });
});

const node = (text: string, children: OutlineNode[] = []): OutlineNode => ({ text, children });

describe('the whole outline of a small map, written out by hand', () => {
  const w = (key: Parameters<typeof t>[1]) => t('en', key);
  const j: Journey = {
    id: 'K7P2QX',
    lang: 'en',
    title: { ...blankRecord(TITLE_KEYS), name: 'Coffee', segment: '  Office workers  ' },
    card: { ...blankRecord(CARD_KEYS), personaName: 'Anna\n\n Bob ' },
    stages: [
      { ...newStage('Visit', 'L', 'aaaa'), customers: 1000 },
      { ...newStage('Paid', '', 'bbbb'), customers: 'about 50' },
    ],
    avgCheck: '',
    purchases: '',
  };
  (j.stages[0] as Stage).content.barriers = 'Price';
  const metrics: Metrics = {
    leads: 1000,
    conversion: 0.05,
    avgCheck: null,
    purchases: 2,
    revenue: null,
    weakest: 'Visit → Paid',
    underTarget: [],
    lowScores: [],
    errors: [],
  };
  const actions: PlannedAction[] = [
    {
      action: 'Loyalty card',
      stage: 'Paid',
      lever: 'Q',
      change: '+0.5',
      owner: '',
      deadline: '',
      impact: null,
    },
    {
      action: 'Ads',
      stage: '',
      lever: '',
      change: '',
      owner: 'Oleg',
      deadline: '2026-06-30',
      impact: -1500,
    },
  ];
  const review: ReviewSummary = {
    asOf: '2026-12-07',
    revenueChange: null,
    goal: null,
    progress: null,
    periods: [
      { from: null, to: '2026-10-31', note: '', revenue: null, weakest: 'Visit → Paid' },
      { from: '2026-11-01', to: '2026-11-30', note: 'Black Friday', revenue: 2500, weakest: '' },
    ],
  };

  it('carries the filled title rows, the card, each stage with its role and customers, the KPIs, the reviews newest first and the plan', () => {
    expect(outline(j, metrics, actions, 'en_US', review)).toEqual(
      node('Coffee', [
        node(w('row.segment'), [node('Office workers')]),
        node(w('row.cardSection'), [node(w('row.personaName'), [node('Anna'), node('Bob')])]),
        node(w('step.stages'), [
          node('1. Visit (L)', [
            node(w('row.barriers'), [node('Price')]),
            node(w('row.customers'), [node('1,000')]),
          ]),
          node('2. Paid', [node(w('row.customers'), [node('about 50')])]),
        ]),
        node(w('row.kpiSection'), [
          node(`${w('row.leads')}: 1,000`),
          node(`${w('row.conversion')}: 5.0%`),
          node(`${w('row.purchases')}: 2.0`),
          node(`${w('row.weakest')}: Visit → Paid`),
        ]),
        node('Reviews', [
          node('2026-11-01 – 2026-11-30 — revenue $2,500 — Black Friday'),
          node('… – 2026-10-31 — weakest transition: Visit → Paid'),
        ]),
        node(w('step.plan'), [
          node(`Loyalty card — Paid — ${leverCell('en', 'Q')} +0.5`),
          node(`Ads — Oleg — 2026-06-30 — ${w('plan.impact')}: -$1,500`),
        ]),
      ]),
    );
  });

  it('leaves out the reviews while there are none, and the weakest transition while it is unknown', () => {
    const root = outline(j, { ...metrics, weakest: '' }, [], 'en_US', { ...review, periods: [] });
    expect(root.children.map((c) => c.text)).toEqual([
      w('row.segment'),
      w('row.cardSection'),
      w('step.stages'),
      w('row.kpiSection'),
      w('step.plan'),
    ]);
    expect(root.children[3]?.children.map((c) => c.text)).toHaveLength(3);
  });

  it('as OPML: each node an outline element, two spaces deeper than its parent, the name also the title', () => {
    expect(toOpml(node('A & B', [node('x', [node('"y"')]), node('z')]))).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        '  <head><title>A &amp; B</title></head>',
        '  <body>',
        '    <outline text="A &amp; B">',
        '      <outline text="x">',
        '        <outline text="&quot;y&quot;"/>',
        '      </outline>',
        '      <outline text="z"/>',
        '    </outline>',
        '  </body>',
        '</opml>',
        '',
      ].join('\n'),
    );
  });
});
