import { describe, expect, it } from 'vitest';
import type { Journey } from '../../../../src/core/map/journey';
import { bottomHeight, renderBottom } from '../../../../src/core/poster/bottom';
import type { Page } from '../../../../src/core/poster/layout';
import { textWidth } from '../../../../src/core/poster/svg';
import { renderPoster } from '../../../../src/core/poster/poster';
import { posterView, type PosterAction } from '../../../../src/core/poster/view';
import type { Lang } from '../../../../src/core/words/i18n';
import { sampleActions, sampleJourney } from '../../../../scripts/poster-sample';
import { presetJourney } from '../../../support/journeys';
import { elements, parseXml, textOf, type XmlElement } from '../../../support/xml';
import { BLUE, GREEN, INK, MUTED, PALE, PALE_RED, RED, WHITE } from './palette';

const NBSP = '\u00a0';
const PX = 96 / 25.4;
const page = (name: string, mm: { w: number; h: number }, topN: number): Page => ({
  name,
  mm,
  w: mm.w * PX,
  h: mm.h * PX,
  perBand: 6,
  bands: 1,
  colW: 150,
  topN,
});
/**
 * A4 is 1122.52 wide: the weakest box takes 0.34 × (1122.52 − 2 × 32) = 359.90 (under 360), the
 * actions start 16 further, at 32 + 359.90 + 16 = 407.90, and run to 1122.52 − 32 = 1090.52.
 */
const A4 = page('A4', { w: 297, h: 210 }, 3);
/** A3 is 1587.40 wide: 0.34 × 1523.40 = 517.96, so the box keeps 360; actions from 408 to 1555.40. */
const A3 = page('A3', { w: 420, h: 297 }, 5);

const Y = 500;
const HEIGHT = 200;

const NAMES: Record<Lang, string[]> = {
  en: ['Visit', 'Trial', 'Offer', 'Pay', 'Use', 'Renew'],
  ru: ['Визит', 'Проба', 'Оффер', 'Оплата', 'Занятия', 'Продление'],
};

/**
 * Six stages of 1000, 400, 100, 90, 60, 50 customers: the weakest step is Trial → Offer, 25%
 * against a target of 30%, losing 300 customers.
 */
function funnelMap(lang: Lang = 'en', target: number | '' = 0.3): Journey {
  const j = presetJourney(lang);
  const counts = [1000, 400, 100, 90, 60, 50];
  j.stages.forEach((s, i) => {
    s.name = NAMES[lang][i] ?? '';
    s.customers = counts[i] ?? '';
  });
  j.stages[2]!.target = target;
  return j;
}

/** A blank map: no counts, so no weakest transition. */
const blankMap = (lang: Lang = 'en') => presetJourney(lang);

/** Targets that are not shares: each one is a problem the poster names (stage 0 has none). */
function withBadTargets(j: Journey, stages: number[]): Journey {
  for (const i of stages) j.stages[i]!.target = 'x';
  return j;
}

const view = (j: Journey, actions: readonly PosterAction[] = []) =>
  posterView({ journey: j, actions, locale: j.lang === 'ru' ? 'ru_RU' : 'en_US' });

function bottom(j: Journey, actions: readonly PosterAction[] = [], p: Page = A4) {
  const [weakest, acts] = renderBottom(view(j, actions), p, Y, HEIGHT).map((s) => parseXml(s));
  return { weakest: weakest!, actions: acts! };
}

const textsIn = (g: XmlElement) => elements(g).filter((e) => e.name === 'text');
const linesOf = (e: XmlElement) => textOf(e, '\n').split('\n');
function textAt(g: XmlElement, s: string): XmlElement {
  const found = textsIn(g).find((e) => textOf(e, ' ') === s);
  if (!found) throw new Error(`no text "${s}" in ${textsIn(g).map((e) => textOf(e, ' '))}`);
  return found;
}
const at = (e: XmlElement) => [Number(e.attrs.x), Number(e.attrs.y)];

const act = (action: string, impact: number | null, more: Partial<PosterAction> = {}) => ({
  action,
  stage: 'Offer',
  lever: 'C',
  change: '+2 pp',
  owner: 'Sales',
  impact,
  ...more,
});

describe('the bottom band is as tall as the taller of its two boxes, plus 8 under them', () => {
  it('a weakest transition: its title, two lines of stage names, the step and the loss', () => {
    // 20 + 2 × 15 + 2 × 14 = 78, taller than the actions' title and one row (22 + 26)
    expect(bottomHeight(view(funnelMap()), 3)).toBe(86);
  });

  it('no weakest transition: the title and two lines of what to fill in', () => {
    // 20 + 2 × 14 = 48, as tall as the actions' title and one (empty) row
    expect(bottomHeight(view(blankMap()), 3)).toBe(56);
  });

  it('problems add their heading and two lines each, three at most', () => {
    // one problem: 4 + 14 + 2 × 12 = 42 more
    expect(bottomHeight(view(withBadTargets(funnelMap(), [4])), 3)).toBe(78 + 42 + 8);
    expect(bottomHeight(view(withBadTargets(blankMap(), [4])), 3)).toBe(48 + 42 + 8);
    // four problems: only three are shown, 4 + 14 + 3 × 24 = 90
    expect(bottomHeight(view(withBadTargets(funnelMap(), [1, 3, 4, 5])), 3)).toBe(78 + 90 + 8);
  });

  it('the actions take a row each, as many as the page shows', () => {
    const acts = (n: number) => Array.from({ length: n }, (_, i) => act(`Action ${i}`, 100 * i));
    // the blank map's box is 48 high
    expect(bottomHeight(view(blankMap(), acts(1)), 3)).toBe(56);
    expect(bottomHeight(view(blankMap(), acts(3)), 3)).toBe(22 + 3 * 26 + 8);
    expect(bottomHeight(view(blankMap(), acts(4)), 3)).toBe(22 + 3 * 26 + 8);
    expect(bottomHeight(view(blankMap(), acts(4)), 5)).toBe(22 + 4 * 26 + 8);
  });
});

describe('the weakest transition box', () => {
  it('is a light red box at the left margin, a third of the A4 width, 360 at most', () => {
    const rect = (p: Page) => {
      const rects = elements(bottom(funnelMap(), [], p).weakest).filter((e) => e.name === 'rect');
      expect(rects).toHaveLength(1);
      return rects[0]!.attrs;
    };
    // as high as the band less the 8 under it
    expect(rect(A4)).toEqual({
      x: '32',
      y: '500',
      width: '359.9',
      height: '192',
      rx: '6',
      fill: PALE_RED,
    });
    expect(rect(A3).width).toBe('360');
    expect(bottom(funnelMap()).weakest.attrs.id).toBe('weakest');
  });

  it('names the transition, its step conversion against the target and the customers lost, in English', () => {
    const g = bottom(funnelMap('en')).weakest;
    const title = textAt(g, 'Weakest transition');
    expect(at(title)).toEqual([42, Y + 18]);
    expect(title.attrs).toMatchObject({
      'font-size': '12',
      'font-weight': 'bold',
      fill: RED,
    });
    const names = textAt(g, 'Trial → Offer');
    expect(at(names)).toEqual([42, Y + 36]);
    expect(names.attrs).toMatchObject({
      'font-size': '12',
      'font-weight': 'bold',
      fill: INK,
    });
    const step = textAt(g, 'Step conversion 25.0% (target 30.0%)');
    expect(at(step)).toEqual([42, Y + 51]);
    expect(step.attrs).toMatchObject({ 'font-size': '10', fill: INK });
    const lost = textAt(g, 'Customers lost here: 300');
    expect(at(lost)).toEqual([42, Y + 65]);
    expect(lost.attrs).toMatchObject({ 'font-size': '10', fill: INK });
    expect(textsIn(g)).toHaveLength(4);
  });

  it('and in Russian', () => {
    const g = bottom(funnelMap('ru')).weakest;
    expect(textsIn(g).map((e) => textOf(e, ' '))).toEqual([
      'Самый слабый переход',
      'Проба → Оффер',
      'Конверсия шага 25,0% (цель 30,0%)',
      'Здесь потеряно клиентов: 300',
    ]);
  });

  it('without a target, says the step conversion alone', () => {
    expect(textsIn(bottom(funnelMap('en', '')).weakest).map((e) => textOf(e, ' '))).toContain(
      'Step conversion 25.0%',
    );
    expect(textsIn(bottom(funnelMap('ru', '')).weakest).map((e) => textOf(e, ' '))).toContain(
      'Конверсия шага 25,0%',
    );
  });

  it('wraps long stage names onto two lines inside the box, and moves the lines under them down', () => {
    const j = funnelMap();
    j.stages[1]!.name = 'Trial workout with a coach at the club';
    j.stages[2]!.name = 'Offer of the annual membership';
    const g = bottom(j).weakest;
    const names = textsIn(g)[1]!;
    expect(at(names)).toEqual([42, Y + 36]);
    const lines = linesOf(names);
    expect(lines).toHaveLength(2);
    expect(lines.join(' ')).toMatch(/^Trial workout .*annual/);
    // bold 12: measured at 13.2, within the box less 10 each side
    for (const l of lines) expect(textWidth(l) * 13.2).toBeLessThanOrEqual(359.9 - 20);
    const spans = elements(names).filter((e) => e.name === 'tspan');
    expect(spans.map((s) => s.attrs)).toEqual([{ x: '42' }, { x: '42', dy: '15' }]);
    expect(names.attrs).toMatchObject({
      'font-size': '12',
      'font-weight': 'bold',
      fill: INK,
    });
    expect(at(textAt(g, 'Step conversion 25.0% (target 30.0%)'))).toEqual([42, Y + 66]);
    expect(at(textAt(g, 'Customers lost here: 300'))).toEqual([42, Y + 80]);
  });

  it('without a weakest transition: a grey box, a black title and what to fill in (en, ru)', () => {
    for (const [lang, note] of [
      ['en', 'Not known yet: fill in the customers of each stage.'],
      ['ru', 'Пока не известно: заполните число клиентов на этапах.'],
    ] as const) {
      const g = bottom(blankMap(lang)).weakest;
      expect(elements(g).find((e) => e.name === 'rect')?.attrs.fill).toBe(PALE);
      expect(textsIn(g)[0]!.attrs).toMatchObject({ 'font-weight': 'bold', fill: INK });
      const n = textAt(g, note);
      expect(at(n)).toEqual([42, Y + 36]);
      expect(n.attrs).toMatchObject({ 'font-size': '10', fill: MUTED });
      expect(textsIn(g)).toHaveLength(2);
    }
  });

  it('lists the first three problems in red under a heading, each on at most two lines inside the box', () => {
    const j = withBadTargets(funnelMap(), [1, 3, 4, 5]);
    const g = bottom(j).weakest;
    const heading = textAt(g, 'Check the data');
    // under the loss (at +65): 14 for its line, 4 more
    expect(at(heading)).toEqual([42, Y + 83]);
    expect(heading.attrs).toMatchObject({
      'font-size': '10',
      'font-weight': 'bold',
      fill: RED,
    });
    const problems = textsIn(g).slice(textsIn(g).indexOf(heading) + 1);
    expect(problems.map((e) => textOf(e, ' ').split(':')[0])).toEqual(['Trial', 'Pay', 'Use']);
    let y = Y + 97;
    for (const p of problems) {
      expect(at(p)).toEqual([42, y]);
      expect(p.attrs).toMatchObject({ 'font-size': '9', fill: RED });
      const lines = linesOf(p);
      expect(lines).toHaveLength(2);
      for (const l of lines) expect(textWidth(l) * 9).toBeLessThanOrEqual(359.9 - 20);
      expect(elements(p).find((e) => e.name === 'tspan' && e.attrs.dy)?.attrs.dy).toBe('12');
      y += 24;
    }
  });

  it('a short problem takes one line, and the next one follows right under it', () => {
    const j = withBadTargets(funnelMap(), [4]);
    j.stages[3]!.customers = 'x'; // the weakest stays Trial → Offer, the only one with a target
    const g = bottom(j).weakest;
    const heading = textAt(g, 'Check the data');
    const [first, second] = textsIn(g).slice(textsIn(g).indexOf(heading) + 1);
    expect(linesOf(first!)).toEqual(['Pay: the customer count "x" is not a number of 0 or more']);
    expect(at(first!)).toEqual([42, Y + 97]);
    expect(at(second!)).toEqual([42, Y + 97 + 12]);
    expect(linesOf(second!)[0]).toMatch(/^Use: the target/);
  });

  it('problems of a map with no weakest transition come under the note', () => {
    const g = bottom(withBadTargets(blankMap('ru'), [4])).weakest;
    // the note's two lines (+36, 2 × 14), then 4
    expect(at(textAt(g, 'Проверьте данные'))).toEqual([42, Y + 68]);
  });

  it('no problems: no heading', () => {
    expect(textsIn(bottom(funnelMap()).weakest).map((e) => textOf(e))).not.toContain(
      'Check the data',
    );
    expect(textsIn(bottom(blankMap()).weakest).map((e) => textOf(e))).not.toContain(
      'Check the data',
    );
  });
});

describe('the top actions', () => {
  it('have their title right of the weakest box, and say so when there is none (en, ru)', () => {
    for (const [lang, title, none] of [
      [
        'en',
        'Top actions by revenue impact',
        'No actions planned yet: add them in the wizard\u2019s Action plan step.',
      ],
      [
        'ru',
        'Главные действия по влиянию на выручку',
        'Действий пока нет: добавьте их в шаге «План действий» мастера.',
      ],
    ] as const) {
      const g = bottom(funnelMap(lang)).actions;
      expect(g.attrs.id).toBe('actions');
      const t = textAt(g, title);
      expect(at(t)).toEqual([407.9, Y + 18]);
      expect(t.attrs).toMatchObject({ 'font-size': '12', 'font-weight': 'bold', fill: INK });
      const n = textAt(g, none);
      expect(at(n)).toEqual([407.9, Y + 40]);
      expect(n.attrs).toMatchObject({ 'font-size': '10', fill: MUTED });
    }
    expect(at(textsIn(bottom(funnelMap(), [], A3).actions)[0]!)).toEqual([408, Y + 18]);
  });

  it('say nothing of a missing plan when there is one', () => {
    const g = bottom(funnelMap(), [act('Call back', 100)]).actions;
    expect(
      textsIn(g)
        .map((e) => textOf(e))
        .join('\n'),
    ).not.toContain('No actions');
  });

  it('show each action in its row: numbered badge, words, details, impact with a bar for a gain', () => {
    const plan = [
      act('Minus', -500),
      act('Unknown', null),
      act('Small', 1500),
      act('Zero', 0),
      act('Big', 3000),
    ];
    const g = bottom(funnelMap(), plan, A3).actions;
    const ranked = ['Big', 'Small', 'Zero', 'Minus', 'Unknown'];
    const impacts = ['+$3,000', '+$1,500', '$0', '-$500', '—'];
    const colours = [GREEN, GREEN, GREEN, RED, GREEN];
    const circles = elements(g).filter((e) => e.name === 'circle');
    expect(circles).toHaveLength(5);
    ranked.forEach((name, k) => {
      const ay = Y + 22 + 26 * k;
      expect(circles[k]!.attrs).toEqual({
        cx: '417',
        cy: String(ay + 12),
        r: '9',
        fill: BLUE,
      });
      const badge = textAt(g, String(k + 1));
      expect(at(badge)).toEqual([417, ay + 16]);
      expect(badge.attrs).toMatchObject({
        'font-size': '10',
        'font-weight': 'bold',
        fill: WHITE,
        'text-anchor': 'middle',
      });
      const words = textAt(g, name);
      expect(at(words)).toEqual([434, ay + 11]);
      expect(words.attrs).toMatchObject({
        'font-size': '11',
        'font-weight': 'bold',
        fill: INK,
      });
      const impact = textAt(g, impacts[k]!);
      // right-aligned 4 inside the page's margin: 1587.40 − 32 − 4
      expect(at(impact)).toEqual([1551.4, ay + 17]);
      expect(impact.attrs).toMatchObject({
        'font-size': '12',
        'font-weight': 'bold',
        fill: colours[k],
        'text-anchor': 'end',
      });
    });
    const details = textsIn(g).filter((e) => textOf(e) === 'Offer · C +2 pp · Sales');
    expect(details.map(at)).toEqual(ranked.map((_, k) => [434, Y + 22 + 26 * k + 23]));
    for (const d of details) expect(d.attrs).toMatchObject({ 'font-size': '9', fill: MUTED });
    // the bars: only the gains, the largest the column's 130 wide, from its left 1587.40 − 32 − 130
    const bars = elements(g).filter((e) => e.name === 'rect');
    expect(bars.map((b) => b.attrs)).toEqual([
      { x: '1425.4', y: String(Y + 26), width: '130', height: '18', rx: '3', fill: '#e6f4ea' },
      { x: '1425.4', y: String(Y + 52), width: '65', height: '18', rx: '3', fill: '#e6f4ea' },
    ]);
  });

  it('a plan of losses only has no bars, its impacts in red without a plus', () => {
    const g = bottom(funnelMap(), [act('Lose', -1200), act('Lose more', -2400)]).actions;
    expect(elements(g).filter((e) => e.name === 'rect')).toHaveLength(0);
    expect(textAt(g, '-$1,200').attrs.fill).toBe(RED);
    expect(textAt(g, '-$2,400').attrs.fill).toBe(RED);
  });

  it('show the impacts in rubles on a Russian map', () => {
    const g = bottom(funnelMap('ru'), [act('Рост', 3000), act('Потеря', -500)]).actions;
    expect(textsIn(g).map((e) => textOf(e))).toEqual(
      expect.arrayContaining([`+3${NBSP}000${NBSP}₽`, `-500${NBSP}₽`]),
    );
  });

  it('write an action on one line as typed, and its details without empty parts', () => {
    const plan = [
      act('  Call   back\n the  lead  ', 400, { owner: undefined }),
      act('Step up', 300, { stage: '  Offer  ', lever: 'step', change: '+5 pp', owner: '   ' }),
      act('Bare', 200, { lever: '', change: '' }),
    ];
    const texts = (lang: Lang) =>
      textsIn(bottom(funnelMap(lang), plan).actions).map((e) => textOf(e));
    expect(texts('en')).toEqual(
      expect.arrayContaining([
        'Call back the lead',
        'Offer · C +2 pp',
        'Step up',
        'Offer · Step +5 pp',
        'Offer · Sales',
      ]),
    );
    expect(texts('ru')).toContain('Offer · Шаг +5 pp');
  });

  it('cut long words, details and impacts to their columns, with "…"', () => {
    const long = 'Rebuild the whole onboarding of new members around a personal coach '.repeat(3);
    const g = bottom(funnelMap(), [
      act(long, 1_000_000_000_000, {
        stage: 'A stage with a very long name that goes on',
        change: '+2 pp of the conversion of trials into paid memberships',
        owner: 'The sales team of the club and its partners',
      }),
    ]).actions;
    const [, words, detail, impact] = textsIn(g).slice(1);
    // the impact column starts at 1090.52 − 130 = 960.52; words and details stop 10 before it
    const right = (e: XmlElement, size: number) => Number(e.attrs.x) + textWidth(textOf(e)) * size;
    expect(textOf(words!)).toMatch(/^Rebuild the whole .*…$/);
    expect(right(words!, 11 * 1.1)).toBeLessThanOrEqual(950.52);
    expect(right(words!, 11 * 1.1)).toBeGreaterThan(900);
    expect(textOf(detail!)).toMatch(/^A stage with .*…$/);
    expect(right(detail!, 9)).toBeLessThanOrEqual(950.52);
    expect(textOf(impact!)).toMatch(/^\+\$1,000,.*…$/);
    // bold 12, 4 in from each side of the column
    expect(textWidth(textOf(impact!)) * 12 * 1.1).toBeLessThanOrEqual(130 - 8);
  });
});

describe('the bottom band on the whole poster', () => {
  it('keeps both boxes on the page, side by side, the actions inside the page margin', () => {
    for (const lang of ['en', 'ru'] as const) {
      const j = sampleJourney(lang);
      const root = parseXml(
        renderPoster({ journey: j, actions: sampleActions(j), locale: 'en_US' }),
      );
      const [, , W, H] = (root.attrs.viewBox ?? '').split(' ').map(Number);
      const g = (id: string) => elements(root).find((e) => e.attrs.id === id)!;
      const box = elements(g('weakest')).find((e) => e.name === 'rect')!.attrs;
      const [x, y, w, h] = [box.x, box.y, box.width, box.height].map(Number) as [
        number,
        number,
        number,
        number,
      ];
      expect(x).toBe(32);
      expect(y + h).toBeLessThanOrEqual(H! - 32);
      for (const t of textsIn(g('actions'))) {
        const tx = Number(t.attrs.x);
        expect(tx).toBeGreaterThanOrEqual(x + w + 16);
        expect(tx).toBeLessThanOrEqual(W! - 32);
        expect(Number(t.attrs.y)).toBeGreaterThan(y);
        expect(Number(t.attrs.y)).toBeLessThan(y + h);
      }
    }
  });
});
