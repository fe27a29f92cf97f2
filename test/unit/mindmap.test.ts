import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/core/map/metrics';
import { outline, toMarkdown } from '../../src/core/wizard/mindmap';
import { presetJourney } from '../support/journeys';

describe('the mind map of a map', () => {
  const j = presetJourney('ru');
  j.title.persona = 'Анна, 29 лет; менеджер проектов';
  j.title.reviewed = '15.05.2026';
  j.title.nextReview = '15.08.2026';
  j.stages[0]!.content.barriers = 'Дорого; далеко\nНет парковки';
  const md = toMarkdown(outline(j, computeMetrics(j), [], (n) => String(n)));

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
