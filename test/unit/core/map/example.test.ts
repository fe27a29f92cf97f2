import { describe, expect, it } from 'vitest';
import { exampleJourney } from '../../../../src/core/map/example';
import { revenue, weakestTransition } from '../../../../src/core/funnel/funnel';
import { CATALOGUE, LANGS, type Lang } from '../../../../src/core/words/i18n';
import { CONTENT_KEYS, TITLE_KEYS } from '../../../../src/core/map/journey';
import { presetStages } from '../../../../src/core/map/stages';

const choices = (lang: Lang, key: 'barrierType' | 'driverType' | 'evidence') =>
  CATALOGUE[lang][`choice.${key}`].split('|');

describe.each(LANGS)('the example map (%s)', (lang) => {
  const map = exampleJourney(lang);

  it('is in its language and follows the default six-stage preset', () => {
    expect(map.lang).toBe(lang);
    expect(map).not.toHaveProperty('id');
    expect(map.stages.map((s) => [s.name, s.role])).toEqual(
      presetStages('checklist6', lang).map((s) => [s.name, s.role]),
    );
  });

  it('fills every title field and every content cell', () => {
    for (const key of TITLE_KEYS) expect(String(map.title[key]).trim(), key).not.toBe('');
    expect(map.title.reviewed).toBe('2026-11-01');
    for (const stage of map.stages) {
      for (const key of CONTENT_KEYS)
        expect(String(stage.content[key]).trim(), `${stage.name}.${key}`).not.toBe('');
    }
  });

  it('holds dropdown values the sheet accepts', () => {
    for (const stage of map.stages) {
      expect(choices(lang, 'barrierType')).toContain(stage.content.barrierType);
      expect(choices(lang, 'driverType')).toContain(stage.content.driverType);
      expect(choices(lang, 'evidence')).toContain(stage.content.evidence);
    }
  });

  it('scores stages 1–5 with at least one red (≤ 2) stage', () => {
    const scores = map.stages.map((s) => s.content.score);
    for (const s of scores) {
      expect(Number.isInteger(s)).toBe(true);
      expect(s).toBeGreaterThanOrEqual(1);
      expect(s).toBeLessThanOrEqual(5);
    }
    expect(scores.some((s) => (s as number) <= 2)).toBe(true);
  });

  it('never starts a text with a character a spreadsheet reads as a formula', () => {
    const texts = [
      ...Object.values(map.title),
      ...map.stages.flatMap((s) => [s.name, ...Object.values(s.content)]),
    ];
    for (const text of texts)
      if (typeof text === 'string') expect(text, text).not.toMatch(/^[=+\-@]/);
  });

  it('has a funnel that only narrows and the stated targets', () => {
    const counts = map.stages.map((s) => s.customers as number);
    expect(counts).toEqual([2000, 800, 120, 110, 70, 45]);
    for (let i = 1; i < counts.length; i++) expect(counts[i]!).toBeLessThanOrEqual(counts[i - 1]!);
    expect(map.stages.map((s) => s.target)).toEqual(['', 0.45, 0.2, 0.95, 0.7, 0.7]);
  });

  it('points at Active evaluation → Purchase as the weakest step', () => {
    const counts = map.stages.map((s) => s.customers as number);
    const targets = map.stages.map((s) => (s.target === '' ? null : (s.target as number)));
    expect(weakestTransition(counts, targets)).toBe(2);
  });
});

describe('the example economics, L × C × P × Q', () => {
  const economics = (lang: Lang) => {
    const map = exampleJourney(lang);
    const leads = map.stages[0]!.customers as number;
    const deal = map.stages.find((s) => s.role === 'C')!;
    return {
      leads,
      conversion: (deal.customers as number) / leads,
      avg_check: map.avgCheck as number,
      purchases: map.purchases as number,
    };
  };

  it('RU: 2000 × 0.06 × 30 000 ₽ × 1.3 = 4 680 000', () => {
    const e = economics('ru');
    expect(e).toEqual({ leads: 2000, conversion: 0.06, avg_check: 30000, purchases: 1.3 });
    expect(revenue(e)).toBeCloseTo(4_680_000, 4);
  });

  it('EN: 2000 × 0.06 × 450 × 1.3 = 70 200', () => {
    const e = economics('en');
    expect(e).toEqual({ leads: 2000, conversion: 0.06, avg_check: 450, purchases: 1.3 });
    expect(revenue(e)).toBeCloseTo(70_200, 6);
  });
});

describe('the English example in any spreadsheet', () => {
  it('names no currency in its text, so its income never disagrees with the check the locale formats', () => {
    const map = exampleJourney('en');
    const texts = [
      ...Object.values(map.title),
      ...Object.values(map.card),
      ...map.stages.flatMap((s) => Object.values(s.content)),
    ].map(String);
    expect(texts.filter((s) => /[$€₽£]/.test(s))).toEqual([]);
  });
});
