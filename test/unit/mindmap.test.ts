import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/core/map/metrics';
import {
  outline,
  shownDate,
  toMarkdown,
  toOpml,
  type PlannedAction,
} from '../../src/core/wizard/mindmap';
import { presetJourney } from '../support/journeys';

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
    expect(md).toContain(': $30,000\n');
    expect(md).toContain(': $1,560,000');
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
