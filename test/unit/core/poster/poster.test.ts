import { describe, expect, it } from 'vitest';
import { CATALOGUE, t } from '../../../../src/core/words/i18n';
import { computeMetrics } from '../../../../src/core/map/metrics';
import type { Journey } from '../../../../src/core/map/journey';
import { formatMoney } from '../../../../src/core/funnel/numbers';
import { currencyOf } from '../../../../src/core/map/formats';
import {
  posterFileName,
  renderPoster,
  type PosterAction,
} from '../../../../src/core/poster/poster';
import { sampleActions, sampleJourney } from '../../../../scripts/poster-sample';
import { fit as fitText, textWidth, wrap } from '../../../../src/core/poster/svg';
import { presetJourney } from '../../../support/journeys';
import { elements, parseXml, textOf, XmlError, type XmlElement } from '../../../support/xml';

const NBSP = '\u00a0';

function poster(
  j: Journey,
  actions: readonly PosterAction[] = sampleActions(j),
  locale = j.lang === 'ru' ? 'ru_RU' : 'en_US',
) {
  const svg = renderPoster({ journey: j, actions, locale });
  const root = parseXml(svg);
  /** the poster's lines of text, a multi-line text element's lines joined by a space */
  const texts = elements(root)
    .filter((e) => e.name === 'text')
    .map((e) => textOf(e, ' '));
  const group = (id: string): XmlElement => {
    const g = elements(root).find((e) => e.attrs.id === id);
    if (!g) throw new Error(`no #${id}`);
    return g;
  };
  const textIn = (id: string) =>
    elements(group(id))
      .filter((e) => e.name === 'text')
      .map((e) => textOf(e, ' '));
  return { svg, root, texts, all: texts.join('\n'), textIn };
}

describe('the XML check the poster tests rely on', () => {
  it('refuses what a browser refuses', () => {
    for (const bad of [
      '<a><b></a></b>',
      '<a x="1" x="2"/>',
      '<a x=1/>',
      '<a>1 < 2</a>',
      '<a>R&D</a>',
      '<a>&nbsp;</a>',
      '<a/><b/>',
      '<a>\u0001</a>',
      '<a x="<"/>',
      '<a>]]></a>',
      '<a>',
    ]) {
      expect(() => parseXml(bad), bad).toThrow(XmlError);
    }
    expect(
      textOf(parseXml('<?xml version="1.0"?><a t="&quot;&#x41;">x &amp; <b>y</b>&#1078;</a>')),
    ).toBe('x & yж');
  });
});

describe('the journey poster', () => {
  it('is one well-formed SVG page, A4 landscape for the example, with nothing from outside', () => {
    for (const lang of ['en', 'ru'] as const) {
      const { svg, root } = poster(sampleJourney(lang));
      expect(root.name).toBe('svg');
      expect(root.attrs).toMatchObject({
        xmlns: 'http://www.w3.org/2000/svg',
        width: '297mm',
        height: '210mm',
        'xml:lang': lang,
      });
      expect(svg).not.toMatch(
        /<(script|image|foreignObject|use|a)\b|href=|url\(|@import|@font-face/i,
      );
    }
  });

  it('shows every stage with its key rows, the curve, the funnel and the economics, in English', () => {
    const j = sampleJourney('en');
    const { all, texts, textIn } = poster(j);
    j.stages.forEach((s, i) => {
      expect(texts).toContain(`${i + 1}. ${s.name}`);
    });
    for (const key of [
      'row.header',
      'row.curve',
      'poster.funnel',
      'row.job',
      'row.barriers',
      'row.drivers',
      'row.weakest',
      'poster.top',
      'poster.kpiRevenue',
    ] as const) {
      expect(all).toContain(t('en', key));
    }
    // a key row's text, as typed (wrapped onto lines)
    expect(all).toContain('Club signage and windows; targeted ads; Google Maps listing');
    // the funnel: customers per stage and the step conversion with its target
    for (const n of ['2,000', '800', '120', '110', '70', '45']) expect(texts).toContain(n);
    expect(texts).toContain('→ 15.0% · target 20.0%');
    // the economics in the header: 2,000 × 6% × $450 × 1.3
    expect(textIn('header')).toEqual(
      expect.arrayContaining(['2,000', '6.0%', '$450', '1.3', '$70,200']),
    );
    // the curve: the scores of the stages
    expect(textIn('band-1').filter((s) => /^[1-5]$/.test(s)).length).toBeGreaterThanOrEqual(6);
  });

  it('names the weakest transition and the top actions, ranked by revenue impact', () => {
    const j = sampleJourney('en');
    const m = computeMetrics(j);
    expect(m.weakest).toBe('Active evaluation → Purchase');
    const { textIn } = poster(j);
    const weakest = textIn('weakest');
    expect(weakest).toEqual(
      expect.arrayContaining([
        t('en', 'row.weakest'),
        'Active evaluation → Purchase',
        'Step conversion 15.0% (target 20.0%)',
        'Customers lost here: 680',
      ]),
    );
    const actions = textIn('actions');
    const ranked = [...sampleActions(j)].sort((a, b) => (b.impact ?? 0) - (a.impact ?? 0));
    expect(actions.indexOf(ranked[0]!.action)).toBeGreaterThan(0);
    expect(actions.indexOf(ranked[0]!.action)).toBeLessThan(actions.indexOf(ranked[1]!.action));
    expect(actions.indexOf(ranked[1]!.action)).toBeLessThan(actions.indexOf(ranked[2]!.action));
    // A4 shows the top three; +3 pp of 6% conversion: 2,000 × 9% × 450 × 1.3 − 70,200
    expect(actions).not.toContain(ranked[3]!.action);
    expect(actions).toContain('+$35,100');
  });

  it('speaks Russian for a Russian map: labels, numbers and rubles as the sheet writes them', () => {
    const j = sampleJourney('ru');
    const { all, texts, textIn } = poster(j);
    for (const key of [
      'row.curve',
      'poster.funnel',
      'row.weakest',
      'poster.top',
      'poster.kpiLeads',
      'row.job',
      'row.barriers',
    ] as const) {
      expect(all).toContain(t('ru', key));
      expect(all).not.toContain(t('en', key));
    }
    expect(all).not.toMatch(/\b(target|Weakest|Funnel|Revenue|Stage)\b/);
    j.stages.forEach((s, i) => {
      expect(texts).toContain(`${i + 1}. ${s.name}`);
    });
    expect(textIn('header')).toEqual(
      expect.arrayContaining([
        `2${NBSP}000`,
        '6,0%',
        `30${NBSP}000${NBSP}₽`,
        '1,3',
        `4${NBSP}680${NBSP}000${NBSP}₽`,
      ]),
    );
    expect(texts).toContain('→ 91,7% · цель 95,0%');
    expect(textIn('weakest')).toContain('Активная оценка → Сделка');
    expect(textIn('actions')).toContain(`+2${NBSP}340${NBSP}000${NBSP}₽`);
  });

  it('shows a long map name whole, set smaller, and the persona and goal across the page under the figures', () => {
    const j = sampleJourney('ru');
    j.title.name = 'Родители школьников — Онлайн-курс английского';
    j.title.goal = 'Поднять выручку курса на 20% к сентябрю: больше пробных уроков и продлений';
    const { textIn, root } = poster(j);
    expect(textIn('header')).toContain(j.title.name);
    const title = elements(root).find((e) => e.name === 'text' && textOf(e) === j.title.name);
    expect(Number(title?.attrs['font-size'])).toBeLessThan(20);
    expect(Number(title?.attrs['font-size'])).toBeGreaterThanOrEqual(14);
    expect(textIn('header')).toContain(`${t('ru', 'row.goal')}: ${j.title.goal}`);
    // a short name keeps the large type
    const short = poster(sampleJourney('ru')).root;
    const shortTitle = elements(short).find(
      (e) =>
        e.name === 'text' &&
        e.attrs['font-size'] !== undefined &&
        textOf(e) === sampleJourney('ru').title.name,
    );
    expect(shortTitle?.attrs['font-size']).toBe('20');
  });

  it('escapes whatever a user typed: markup, ampersands, quotes, control characters', () => {
    const j = presetJourney('en');
    const hostile = '<script>alert("x")</script> & \'q\' ]]> <!-- c -->';
    j.title.name = `Map ${hostile}`;
    j.title.segment = 'R&D "leads"';
    j.stages[0]!.name = '<b>First</b> & "one"';
    j.stages[1]!.content.barriers = `Line one\nLine two ${hostile}\u0001\u0008 \ud800 end 🎉`;
    j.stages[2]!.content.job = '&amp; is not decoded twice';
    j.stages.forEach((s, i) => {
      s.customers = 1000 - i * 100;
    });
    j.avgCheck = 10;
    j.purchases = 1;
    const { svg, texts, all } = poster(j, [
      {
        action: `Fix "it" <now> & ${hostile}`,
        stage: '<x>',
        lever: 'C',
        change: '+2 pp',
        owner: "O'Neil",
        impact: 500,
      },
    ]);
    expect(svg).not.toMatch(/<script|<b>|<x>|<!-- c/);
    expect(svg).toContain('&lt;script&gt;');
    expect(texts).toContain('1. <b>First</b> & "one"');
    expect(all).toContain('Line one');
    expect(all).toContain('&amp; is not decoded twice');
    expect(all).toContain('🎉');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters typed into the map must not reach the poster
    expect(all).not.toMatch(/[\u0001\u0008\ud800]/);
    expect(all).toContain('Fix "it" <now>');
    expect(all).toContain("O'Neil");
  });

  it('a blank map still makes a poster: dashes for the economics, and what to fill in', () => {
    const j = presetJourney('ru');
    const { all, textIn } = poster(j, []);
    expect(textIn('header').filter((s) => s === '—')).toHaveLength(5);
    expect(all).toContain(t('ru', 'poster.noWeakest'));
    expect(all).toContain(t('ru', 'poster.noActions'));
  });

  it('says what is wrong with the data, in the map language', () => {
    const j = sampleJourney('en');
    j.stages[2]!.customers = 'lots';
    const { textIn } = poster(j);
    expect(textIn('weakest')).toContain(t('en', 'poster.problems'));
    expect(textIn('weakest').join(' ')).toContain('"lots"');
  });

  it('a map of 30 stages goes onto a larger sheet in bands, every stage on it', () => {
    const j = sampleJourney('ru', 30);
    const { root, texts } = poster(j);
    expect(root.attrs['data-page']).toBe('A2');
    expect(root.attrs).toMatchObject({ width: '594mm', height: '420mm' });
    expect(elements(root).filter((e) => e.attrs.class === 'band')).toHaveLength(2);
    j.stages.forEach((s, i) => {
      expect(
        texts.some(
          (l) => l === `${i + 1}. ${s.name}` || (l.startsWith(`${i + 1}. `) && l.endsWith('…')),
        ),
      ).toBe(true);
    });
    expect(new Set(j.stages.map((s) => s.name)).size).toBe(30);
    for (const n of [2, 12, 40])
      expect(() =>
        parseXml(renderPoster({ journey: sampleJourney('en', n), actions: [], locale: 'en_US' })),
      ).not.toThrow();
  });

  it('money takes the currency of the locale', () => {
    const money = (n: number, lang: 'en' | 'ru', locale: string) =>
      formatMoney(n, lang, currencyOf(locale));
    expect(money(4_680_000, 'ru', 'ru_RU')).toBe(`4${NBSP}680${NBSP}000${NBSP}₽`);
    expect(money(70_200, 'en', 'en_US')).toBe('$70,200');
    expect(money(-1500, 'en', 'en_US')).toBe('-$1,500');
    expect(money(1500, 'en', 'en_GB')).toBe('£1,500');
    expect(money(1500.4, 'en', 'de_DE')).toBe(`1,500${NBSP}€`);
    expect(money(1500, 'en', 'ja_JP')).toBe('1,500.00'); // no currency: the plain "#,##0.00"
    expect(money(248134.5, 'ru', 'pl_PL')).toBe(`248${NBSP}134,50`);
    expect(money(-1500, 'ru', 'kk_KZ')).toBe(`-1${NBSP}500${NBSP}₸`);
  });

  it('is saved under the map name, safe for any file system', () => {
    const j = presetJourney('ru');
    j.title.name = 'Кофе: зёрна / "опт"?';
    expect(posterFileName(j)).toBe('Кофе зёрна опт — постер.svg');
    j.title.name = '';
    expect(posterFileName(j, 'Лист 1')).toBe('Лист 1 — постер.svg');
    expect(posterFileName(j)).toBe('cjm — постер.svg');
    // pasted from a word processor: control characters and a broken emoji half part the words
    j.title.name = 'Plan\u000bQ3\u0001:\ud800 final';
    expect(posterFileName(j)).toBe('Plan Q3 final — постер.svg');
    // cut at 80 characters, never inside one
    j.title.name = '🎉'.repeat(100);
    expect(posterFileName(j)).toBe(`${'🎉'.repeat(80)} — постер.svg`);
  });

  it('has every poster word in both languages', () => {
    const keys = Object.keys(CATALOGUE.en).filter((k) => k.startsWith('poster.'));
    expect(keys.length).toBeGreaterThan(10);
    for (const k of keys) expect(CATALOGUE.ru[k as keyof typeof CATALOGUE.ru]).toMatch(/\S/);
  });
});

describe('the poster text helpers', () => {
  it('wrap to the width, keep line breaks, break long words, and end a cut text with "…"', () => {
    const lines = wrap(
      'Compares clubs and prices; reads reviews; books a free trial session\nSecond line',
      120,
      10,
      10,
    );
    for (const l of lines) expect(textWidth(l) * 10).toBeLessThanOrEqual(120);
    expect(lines.at(-1)).toBe('Second line');
    expect(lines.join(' ')).toBe(
      'Compares clubs and prices; reads reviews; books a free trial session Second line',
    );
    const long = wrap('x'.repeat(100), 60, 10, 20);
    expect(long.join('')).toBe('x'.repeat(100));
    const cut = wrap('one two three four five six seven eight nine ten', 50, 10, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]).toMatch(/…$/);
    expect(textWidth(cut[1]!) * 10).toBeLessThanOrEqual(50);
    expect(fitText('short', 100, 10)).toBe('short');
    expect(fitText('a much longer text than fits', 60, 10)).toMatch(/^a much.*…$/);
    expect(wrap('', 100, 10, 3)).toEqual([]);
  });

  it('break a word of 50,000 characters, as many as a cell holds, into lines no wider than the width', () => {
    const word = 'ЩшmWiljx🎉'.repeat(5_000);
    const all = wrap(word, 116, 10, Number.POSITIVE_INFINITY);
    expect(all.join('')).toBe(word);
    for (const l of all) expect(textWidth(l) * 10).toBeLessThanOrEqual(116);
    // full lines: a character more would not fit (no line is cut short)
    all.slice(0, -1).forEach((l, i) => {
      expect(textWidth(l + [...(all[i + 1] ?? '')][0]) * 10).toBeGreaterThan(116);
    });
    // ten lines of the cell: the same first nine, the tenth cut with "…"
    const shown = wrap(`Ок ${word}`, 116, 10, 10);
    expect(shown).toHaveLength(10);
    expect(shown[0]).toBe('Ок');
    expect(shown.slice(1, 9)).toEqual(all.slice(0, 8));
    expect(shown[9]).toMatch(/…$/);
    expect(all[8]?.startsWith(shown[9]!.slice(0, -1))).toBe(true);
    expect(fitText(word, 300, 10)).toMatch(/^ЩшmWiljx.*…$/);
    expect(textWidth(fitText(word, 300, 10)) * 10).toBeLessThanOrEqual(300);
  });
});
