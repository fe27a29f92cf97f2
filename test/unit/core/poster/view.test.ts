import { describe, expect, it } from 'vitest';
import type { Journey } from '../../../../src/core/map/journey';
import { renderPoster } from '../../../../src/core/poster/poster';
import { textWidth } from '../../../../src/core/poster/svg';
import { posterView, type PosterAction } from '../../../../src/core/poster/view';
import type { ReviewSummary } from '../../../../src/core/review/summary';
import { presetJourney } from '../../../support/journeys';
import { elements, parseXml, textOf } from '../../../support/xml';

const NBSP = '\u00a0';

const action = (name: string, impact: number | null): PosterAction => ({
  action: name,
  stage: '',
  lever: 'C',
  change: '+1 pp',
  impact,
});

const period = (to: string) => ({ from: null, to, note: '', revenue: null, weakest: '' });

/** A map reviewed: as of 5 November 2026, its revenue changed by `change` over `periods` periods. */
function review(over: Partial<ReviewSummary> = {}): ReviewSummary {
  return {
    asOf: '2026-11-05',
    revenueChange: 30_000,
    goal: 400_000,
    progress: 0.75,
    periods: [period('2026-09-30'), period('2026-10-31')],
    ...over,
  };
}

function view(j: Journey, r?: ReviewSummary | null, actions: PosterAction[] = []) {
  return posterView({
    journey: j,
    actions,
    locale: j.lang === 'ru' ? 'ru_RU' : 'en_US',
    review: r,
  });
}

describe('what the poster takes from the map', () => {
  it('leaves out the actions of the plan with no words, however high their impact', () => {
    const v = view(presetJourney('en'), null, [
      action('   ', 9_000),
      action('', 8_000),
      action('Call back', 10),
      action('Send a reminder', 20),
    ]);
    expect(v.ranked.map((a) => a.action)).toEqual(['Send a reminder', 'Call back']);
  });

  it('shows the map name trimmed, or what a map is called when it has none', () => {
    const j = presetJourney('en');
    j.title.name = '  Club  ';
    expect(view(j).name).toBe('Club');
    j.title.name = '   ';
    expect(view(j).name).toBe('Customer journey map');
    const ru = presetJourney('ru');
    ru.title.name = '';
    expect(view(ru).name).toBe('Карта пути клиента');
  });

  it('names the segment and the product under it, trimmed, leaving out a blank one', () => {
    const j = presetJourney('en');
    j.title.segment = '  Office workers ';
    j.title.product = ' Pass ';
    expect(view(j).sub).toBe('Office workers · Pass');
    j.title.segment = '  ';
    expect(view(j).sub).toBe('Pass');
    j.title.product = '';
    expect(view(j).sub).toBe('');
  });

  it('draws no target for a stage whose target is not a share', () => {
    const j = presetJourney('en');
    j.stages[1]!.target = 'high';
    j.stages[2]!.target = 0.3;
    const targets = view(j).targets;
    expect(targets[1]).toBeNull();
    expect(targets[2]).toBe(0.3);
  });
});

describe('what the poster says of the map reviews', () => {
  it('says nothing of a map never reviewed', () => {
    const nothing = { asOf: [], change: null, goal: [] };
    expect(view(presetJourney('en'), null).reviewed).toEqual(nothing);
    expect(view(presetJourney('en')).reviewed).toEqual(nothing);
  });

  it('gives the day of the figures, the change since the last review and the progress to the goal, in English', () => {
    expect(view(presetJourney('en'), review()).reviewed).toEqual({
      asOf: ['as of 2026-11-05'],
      change: '+$30,000 since the last review',
      goal: ['goal $400,000: 75.0%'],
    });
  });

  it('and in Russian, as the sheet writes dates and rubles', () => {
    expect(view(presetJourney('ru'), review()).reviewed).toEqual({
      asOf: ['на 05.11.2026'],
      change: `+30${NBSP}000${NBSP}₽ с прошлого обзора`,
      goal: [`цель 400${NBSP}000${NBSP}₽: 75,0%`],
    });
  });

  it('signs a fall with a minus and no change with a plus', () => {
    const fall = view(presetJourney('en'), review({ revenueChange: -1_500 })).reviewed;
    expect(fall.change).toBe('−$1,500 since the last review');
    const flat = view(presetJourney('en'), review({ revenueChange: 0 })).reviewed;
    expect(flat.change).toBe('+$0 since the last review');
  });

  it('gives no change before there are two periods to compare, nor when it cannot be worked out', () => {
    const one = review({ periods: [period('2026-10-31')] });
    expect(view(presetJourney('en'), one).reviewed.change).toBeNull();
    const three = review({
      periods: [period('2026-08-31'), period('2026-09-30'), period('2026-10-31')],
    });
    expect(view(presetJourney('en'), three).reviewed.change).toBe('+$30,000 since the last review');
    const unknown = review({ revenueChange: null });
    expect(view(presetJourney('en'), unknown).reviewed.change).toBeNull();
  });

  it('gives no progress without a goal, nor without the revenue to measure it', () => {
    const noGoal = view(presetJourney('en'), review({ goal: null })).reviewed;
    expect(noGoal.goal).toEqual([]);
    expect(noGoal.asOf).toEqual(['as of 2026-11-05']);
    const noRevenue = view(presetJourney('en'), review({ progress: null })).reviewed;
    expect(noRevenue.goal).toEqual([]);
  });
});

describe('the poster page around the map', () => {
  function page(j: Journey, r?: ReviewSummary | null) {
    const svg = renderPoster({ journey: j, actions: [], locale: 'en_US', review: r });
    const root = parseXml(svg);
    const all = elements(root);
    return { svg, root, all };
  }

  it('is an SVG file: the XML declaration on its own line, one element a line, ending in a line break', () => {
    const { svg } = page(presetJourney('en'));
    const lines = svg.split('\n');
    expect(lines[0]).toBe('<?xml version="1.0" encoding="UTF-8"?>');
    expect(lines[1]).toMatch(/^<svg /);
    expect(lines.at(-2)).toBe('</svg>');
    expect(lines.at(-1)).toBe('');
  });

  it('is titled with the map name, and its segment and product when there are any', () => {
    const j = presetJourney('en');
    j.title.name = 'Club <east>';
    j.title.segment = 'Office';
    j.title.product = 'Pass';
    expect(page(j).svg).toContain('<title>Club &lt;east&gt; — Office · Pass</title>');
    j.title.segment = '';
    j.title.product = '';
    expect(page(j).svg).toContain('<title>Club &lt;east&gt;</title>');
  });

  it('prints on a landscape A4 sheet with no margin, on a white ground that fills the page', () => {
    const { svg, root, all } = page(presetJourney('en'));
    expect(svg).toContain('<style>@page { size: 297mm 210mm; margin: 0 }</style>');
    // 297 × 210 mm at 96 px to the inch (25.4 mm), to a tenth
    expect(root.attrs.viewBox).toBe('0 0 1122.5 793.7');
    const ground = all.find((e) => e.name === 'rect');
    expect(ground?.attrs).toEqual({
      x: '0',
      y: '0',
      width: '1122.5',
      height: '793.7',
      fill: '#ffffff',
    });
  });

  it('starts the stages under the header: the margin, the header and a gap down', () => {
    const { all } = page(presetJourney('en'));
    const band = all.find((e) => e.attrs.id === 'band-1');
    const first = band && elements(band).find((e) => e.name === 'rect');
    // 32 + 84 + 10
    expect(first?.attrs.y).toBe('126');
  });

  it('ends with a grey footer line naming the map, after the progress to the goal', () => {
    const j = presetJourney('en');
    j.title.name = 'Club';
    const { all } = page(j, review());
    const footer = all.filter((e) => e.name === 'text').at(-1);
    expect(footer && textOf(footer)).toBe(
      'goal $400,000: 75.0% · Journey poster of the map “Club” · CJM for Google Sheets · revenue = L × C × P × Q',
    );
    // half the margin above the page's bottom edge: 793.7 − 16
    expect(footer?.attrs).toEqual({ x: '32', y: '777.7', 'font-size': '8', fill: '#5f6368' });
  });

  it('cuts a footer too long for the page to its width between the margins', () => {
    const j = presetJourney('en');
    j.title.name = 'Quarterly review '.repeat(20).trim();
    const { all } = page(j);
    const footer = all.filter((e) => e.name === 'text').at(-1);
    const words = footer ? textOf(footer) : '';
    expect(words).toMatch(/^Journey poster of the map “Quarterly review .*…$/);
    // 1122.5 wide, less two margins of 32, at size 8
    expect(textWidth(words) * 8).toBeLessThanOrEqual(1122.5 - 64);
    expect(textWidth(words) * 8).toBeGreaterThan(1122.5 - 64 - 20);
  });
});
