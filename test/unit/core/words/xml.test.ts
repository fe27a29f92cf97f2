/**
 * Text pasted into a map (control characters from a word processor, lone surrogate halves,
 * U+FFFE, "]]>", quotes, ampersands) in the XML files the add-on writes: the one escaper
 * (core/words/xml) gives XML that a conformant parser (saxes) reads back as the text less what
 * XML 1.0 cannot carry, and the OPML mind map and the SVG poster of a map full of such text parse
 * and keep it. The .xlsx export: test/integration/export-xml.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CARD_KEYS,
  CONTENT_KEYS,
  TITLE_KEYS,
  type Journey,
} from '../../../../src/core/map/journey';
import { computeMetrics } from '../../../../src/core/map/metrics';
import { renderPoster, type PosterAction } from '../../../../src/core/poster/poster';
import {
  outline,
  toOpml,
  type OutlineNode,
  type PlannedAction,
} from '../../../../src/core/wizard/mindmap';
import type { Lang } from '../../../../src/core/words/i18n';
import { escapeXml, xmlChars } from '../../../../src/core/words/xml';
import { pastedText, presetJourney } from '../../../support/journeys';
import { elements, parseXml, textOf, type XmlElement } from '../../../support/xml';

/** The XML 1.0 Char production, for one UTF-16 code unit that is not a surrogate. */
const xmlAllows = (c: number) =>
  c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd);

describe('the XML escaper', () => {
  it('keeps every character XML 1.0 allows and drops every other, pairs kept, lone halves dropped', () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (xmlChars(ch) !== (xmlAllows(c) ? ch : '')) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
    expect(xmlChars('a\ud800b\udc00c🎉d\udbff')).toBe('abc🎉d');
    expect(xmlChars('Plan\u000bQ3\u0001 — \uffff\ufffe')).toBe('PlanQ3 — ');
  });

  it('escapes the markup, and tab and line breaks as references', () => {
    expect(escapeXml(`<a href="x">&'</a> ]]>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt; ]]&gt;',
    );
    expect(escapeXml('a\tb\r\nc\u0001')).toBe('a&#9;b&#13;&#10;c');
  });

  it('gives text a strict parser reads back, in content and in attributes in either quotes, less what XML cannot carry', () => {
    fc.assert(
      fc.property(pastedText, (s) => {
        const e = escapeXml(s);
        const root = parseXml(`<a d="${e}" s='${e}'>${e}|<b>${e}</b></a>`);
        expect(root.attrs).toEqual({ d: xmlChars(s), s: xmlChars(s) });
        expect(textOf(root)).toBe(`${xmlChars(s)}|${xmlChars(s)}`);
      }),
      { numRuns: 500 },
    );
  });
});

/**
 * A map whose every text (title, card, stage names and cells) is taken in turn from `texts`, with
 * its economics filled so that the figures, the funnel and the weakest transition are shown too.
 */
function journeyOf(texts: readonly string[], lang: Lang): Journey {
  const j = presetJourney(lang);
  let i = 0;
  const next = () => texts[i++ % texts.length] ?? '';
  for (const k of TITLE_KEYS) j.title[k] = next();
  for (const k of CARD_KEYS) j.card[k] = next();
  const customers = [1000, 400, 100, 50, 20, 10];
  j.stages.forEach((s, n) => {
    s.name = next();
    for (const k of CONTENT_KEYS) s.content[k] = next();
    s.customers = customers[n] ?? 5;
  });
  j.avgCheck = 100;
  j.purchases = 2;
  return j;
}

const hostileMap = fc.record({
  lang: fc.constantFrom<Lang>('en', 'ru'),
  texts: fc.array(pastedText, { minLength: 1, maxLength: 40 }),
  actions: fc.array(fc.tuple(pastedText, pastedText, pastedText, pastedText), { maxLength: 3 }),
});

const planned = (actions: readonly (readonly string[])[]): PlannedAction[] =>
  actions.map(([action = '', stage = '', change = '', owner = ''], i) => ({
    action,
    stage,
    lever: 'LCPQ'[i % 4] ?? 'L',
    change,
    owner,
    deadline: owner,
    impact: i * 1000,
  }));

describe('the OPML mind map of a map full of pasted text', () => {
  it('a word-processor paste (U+000B, U+0001) still gives a file mind-map tools open', () => {
    const j = journeyOf(['Plan\u000bQ3\u0001', 'Line one\u000bline two'], 'en');
    const root = parseXml(toOpml(outline(j, computeMetrics(j), [])));
    const texts = elements(root)
      .filter((e) => e.name === 'outline')
      .map((e) => e.attrs.text);
    expect(texts[0]).toBe('PlanQ3');
    expect(texts).toContain('Line oneline two');
  });

  it('parses as XML for any text, and every node reads back as its text less what XML cannot carry', () => {
    const outlineOf = (el: XmlElement): OutlineNode => ({
      text: el.attrs.text ?? '',
      children: el.children
        .filter((c): c is XmlElement => typeof c !== 'string' && c.name === 'outline')
        .map(outlineOf),
    });
    const clean = (n: OutlineNode): OutlineNode => ({
      text: xmlChars(n.text),
      children: n.children.map(clean),
    });
    fc.assert(
      fc.property(hostileMap, ({ lang, texts, actions }) => {
        const j = journeyOf(texts, lang);
        const tree = outline(j, computeMetrics(j), planned(actions), 'en_US');
        const opml = parseXml(toOpml(tree));
        const body = elements(opml).find((e) => e.name === 'body');
        const head = elements(opml).find((e) => e.name === 'title');
        expect(head && textOf(head)).toBe(xmlChars(tree.text));
        const top = body?.children.find((c): c is XmlElement => typeof c !== 'string');
        expect(top && outlineOf(top)).toEqual(clean(tree));
      }),
      { numRuns: 100 },
    );
  });
});

describe('the SVG poster of a map full of pasted text', () => {
  it('parses as XML for any text, and is titled with the map name less what XML cannot carry', () => {
    fc.assert(
      fc.property(hostileMap, pastedText, ({ lang, texts, actions }, name) => {
        const j = journeyOf(texts, lang);
        j.title.name = `Map ${name}`;
        j.title.segment = '';
        j.title.product = '';
        const posterActions: PosterAction[] = planned(actions);
        const svg = parseXml(renderPoster({ journey: j, actions: posterActions, locale: 'en_US' }));
        const title = elements(svg).find((e) => e.name === 'title');
        expect(title && textOf(title)).toBe(xmlChars(`Map ${name}`.trim()));
      }),
      { numRuns: 60 },
    );
  });
});
