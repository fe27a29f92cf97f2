/**
 * The sidebar's words that keep a marketer from guessing: each preset stage explained in one line, a missing
 * factor of revenue named, a field in error named with its stage, English examples grouped the
 * English way; and the page they ship in within its 100 KB.
 */
import { describe, expect, it } from 'vitest';
import type { FieldView, Metrics, StepView } from '../../../src/contract';
import { PRESET_IDS, presetStages } from '../../../src/core/map/stages';
import { LANGS } from '../../../src/core/words/i18n';
import { t } from '../../../src/core/words/i18n-ui';
import { formulaHelp } from '../../../src/server/formula-help';
import { presetNotes, stageNote } from '../../../sidebar/stage-notes';
import { fieldName } from '../../../sidebar/wizard/names';
import { liveImpact, missingFactors } from '../../../sidebar/wizard/plan-rows';

const presets = (lang: 'en' | 'ru') =>
  PRESET_IDS.map((id) => ({
    id,
    label: id,
    stages: presetStages(id, lang).map((s) => s.name),
  }));

describe("the presets' stages, each explained in one line", () => {
  it.each(LANGS)('%s: as many lines as stages, each short enough for one line', (lang) => {
    for (const id of PRESET_IDS) {
      const notes = presetNotes(lang, id);
      expect(notes, id).toHaveLength(id === 'custom' ? 0 : presetStages(id, lang).length);
      for (const note of notes) {
        expect(note.trim()).toBe(note);
        expect(note.length).toBeGreaterThan(10);
        expect(note.length).toBeLessThanOrEqual(70);
      }
    }
  });

  it('finds the line of a stage by its name, whatever its case; none for a name of the user', () => {
    expect(stageNote('ru', presets('ru'), 'Триггер')).toBe(
      'Повод вернуться: продление, новая потребность, напоминание',
    );
    expect(stageNote('ru', presets('ru'), ' первичное осмысление ')).toBe(
      'Осознаёт потребность и впервые думает о решениях, ещё не выбирая',
    );
    expect(stageNote('en', presets('en'), 'Advocacy')).toBe('Recommends you to others');
    expect(stageNote('en', presets('en'), 'Our own stage')).toBeUndefined();
    expect(stageNote('en', presets('en'), '')).toBeUndefined();
  });
});

describe('a missing factor of revenue is named', () => {
  const metrics: Metrics = {
    leads: 1000,
    conversion: 0.1,
    avgCheck: 2000,
    purchases: null,
    revenue: null,
    weakest: '',
    underTarget: [],
    lowScores: [],
    errors: [],
  };

  it('lists Q when purchases are not filled, and a change on any lever says so', () => {
    expect(missingFactors(metrics)).toEqual(['purchases']);
    expect(liveImpact(metrics, { lever: 'C', change: '+2 pp' })).toEqual({
      kind: 'missing',
      factors: ['purchases'],
    });
    expect(liveImpact(metrics, { lever: '', change: '+2 pp' })).toEqual({ kind: 'none' });
    expect(t('en', 'metrics.missing', { list: t('en', 'row.purchases') })).toBe(
      'Revenue needs Q — purchases per customer.',
    );
  });
});

describe('the error summary names the field with its stage', () => {
  const fields: FieldView[] = [
    { id: 'side.avgCheck', label: 'P — average check', hint: '', kind: 'money', options: [] },
    {
      id: 'stage.1.customers',
      label: 'Customers reaching the stage',
      hint: '',
      kind: 'number',
      options: [],
    },
  ];
  const view = { stages: [{ name: 'Awareness' }, { name: 'Purchase' }] } as unknown as StepView;

  it('a stage cell by its stage, as typed; a side field by its label; an action by its number', () => {
    expect(fieldName('en', 'stage.1.customers', fields, view, {})).toBe(
      'Stage 2: Purchase — Customers reaching the stage',
    );
    expect(fieldName('en', 'stage.1.customers', fields, view, { 'stage.1.header': 'Deal' })).toBe(
      'Stage 2: Deal — Customers reaching the stage',
    );
    expect(fieldName('en', 'side.avgCheck', fields, view, {})).toBe('P — average check');
    expect(fieldName('ru', 'actions.0.change', fields, view, {})).toBe(
      '1. Действие — Ожидаемое изменение',
    );
  });
});

describe('formula help examples', () => {
  it('group thousands as each language does: "150,000" in English, "150 000" in Russian', () => {
    const texts = (lang: 'en' | 'ru') =>
      formulaHelp(lang).flatMap((f) => f.examples.flatMap((e) => [e.result, e.given ?? '']));
    for (const text of texts('en')) expect(text).not.toMatch(/\d[ \u00a0\u202f]\d{3}\b/);
    for (const text of texts('ru')) expect(text).not.toMatch(/\d,\d{3}\b/);
    expect(texts('en')).toContain('150,000');
  });
});
