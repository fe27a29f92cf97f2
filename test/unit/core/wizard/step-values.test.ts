import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkStepValues,
  fieldOptions,
  renumberStages,
  stepChanges,
} from '../../../../src/core/wizard/step-values';
import { STEP_IDS, stepFieldIds } from '../../../../src/core/wizard/steps';
import { journeyArb, presetJourney } from '../../../support/journeys';

describe('step values from the sidebar', () => {
  it('accept exactly the step fields, each checked against its kind, for any input', () => {
    fc.assert(
      fc.property(
        journeyArb,
        fc.constantFrom(...STEP_IDS),
        fc.dictionary(
          fc.string({ maxLength: 20 }),
          fc.oneof(fc.string(), fc.double(), fc.integer(), fc.constant(null)),
        ),
        (j, step, junk) => {
          const ids = stepFieldIds(step, j.stages.length);
          const values = {
            ...junk,
            ...Object.fromEntries(ids.slice(0, 3).map((id) => [id, junk[id] ?? ''])),
          };
          const checked = checkStepValues(step, j, values, j.lang);
          if (checked.ok) {
            for (const [id, v] of Object.entries(checked.values)) {
              expect(ids).toContain(id);
              expect(typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))).toBe(
                true,
              );
            }
          } else {
            for (const message of Object.values(checked.fieldErrors))
              expect(message.length).toBeGreaterThan(5);
          }
        },
      ),
    );
  });

  it('turns "12%" into a share and refuses a share above 100%', () => {
    const j = presetJourney();
    expect(
      checkStepValues('kpis', j, { 'stage.1.target': '12%', 'stage.0.customers': '1 200' }, 'en'),
    ).toEqual({ ok: true, values: { 'stage.1.target': 0.12, 'stage.0.customers': 1200 } });
    expect(checkStepValues('kpis', j, { 'stage.1.target': 1.5 }, 'en')).toEqual({
      ok: false,
      fieldErrors: { 'stage.1.target': 'Enter a percentage from 0% to 100%.' },
    });
  });

  it('writes what only the user changed, and flags what both changed differently', () => {
    expect(
      stepChanges(
        { a: 'mine', b: 'same', c: 'x' },
        { a: '', b: 'same', c: '' },
        { a: '', b: 'theirs', c: 'y' },
      ),
    ).toEqual({
      writes: { a: 'mine' },
      conflicts: [{ id: 'c', sheet: 'y', yours: 'x' }],
    });
  });
});

describe('limits of what a step saves', () => {
  const en = presetJourney('en');
  const ru = presetJourney('ru');
  const a = (n: number) => 'a'.repeat(n);

  it('keeps a text as long as a Sheets cell holds (50,000) and refuses one character more', () => {
    expect(checkStepValues('goal', en, { 'side.goal': a(50_000) }, 'en')).toEqual({
      ok: true,
      values: { 'side.goal': a(50_000) },
    });
    expect(checkStepValues('goal', en, { 'side.goal': a(50_001) }, 'en')).toEqual({
      ok: false,
      fieldErrors: { 'side.goal': 'At most 50000 characters.' },
    });
    expect(checkStepValues('persona', ru, { 'side.personaTraits': a(50_001) }, 'ru')).toEqual({
      ok: false,
      fieldErrors: { 'side.personaTraits': 'Не больше 50000 символов.' },
    });
  });

  it("takes a map's name of 80 characters and a stage's of 60, and says both numbers past them", () => {
    expect(checkStepValues('goal', en, { 'side.name': a(80) }, 'en')).toEqual({
      ok: true,
      values: { 'side.name': a(80) },
    });
    expect(checkStepValues('goal', en, { 'side.name': a(81) }, 'en')).toEqual({
      ok: false,
      fieldErrors: {
        'side.name': "A map's name has at most 80 characters (this one has 81): shorten it.",
      },
    });
    expect(checkStepValues('stages', en, { 'stage.0.header': a(60) }, 'en')).toEqual({
      ok: true,
      values: { 'stage.0.header': a(60) },
    });
    expect(checkStepValues('stages', ru, { 'stage.5.header': a(61) }, 'ru')).toEqual({
      ok: false,
      fieldErrors: {
        'stage.5.header': 'Название этапа — не больше 60 символов (здесь 61): сократите его.',
      },
    });
    // a segment is no name: it may be longer than a map's name
    expect(checkStepValues('goal', en, { 'side.segment': a(81) }, 'en').ok).toBe(true);
  });

  it('refuses a line break in a name, and keeps one in any other text', () => {
    expect(checkStepValues('stages', en, { 'stage.1.header': 'Active\nevaluation' }, 'en')).toEqual(
      {
        ok: false,
        fieldErrors: {
          'stage.1.header':
            'A name cannot hold line breaks or other control characters: type it on one line.',
        },
      },
    );
    expect(checkStepValues('goal', en, { 'side.name': 'Coffee\r\nbeans' }, 'en').ok).toBe(false);
    expect(
      checkStepValues('stages', en, { 'stage.1.actions': 'Compares prices\nReads reviews' }, 'en'),
    ).toEqual({ ok: true, values: { 'stage.1.actions': 'Compares prices\nReads reviews' } });
  });

  it('refuses a number sent for a text field instead of writing it', () => {
    expect(checkStepValues('goal', en, { 'side.segment': 5 }, 'en')).toEqual({
      ok: false,
      fieldErrors: { 'side.segment': 'This value is not valid; check it and try again.' },
    });
  });

  it('clears a field of any kind sent empty (JSON turns a missing value into null)', () => {
    const cleared = { 'side.avgCheck': '', 'side.purchases': null, 'stage.0.target': undefined };
    expect(checkStepValues('kpis', en, cleared, 'en')).toEqual({
      ok: true,
      values: { 'side.avgCheck': '', 'side.purchases': '', 'stage.0.target': '' },
    });
    expect(checkStepValues('goal', en, { 'side.goalDate': '', 'side.goal': null }, 'en')).toEqual({
      ok: true,
      values: { 'side.goalDate': '', 'side.goal': '' },
    });
  });
});

describe('choices of a select field', () => {
  const en = presetJourney('en');
  const ru = presetJourney('ru');

  it("offers each select's options in the map's language, and none for a typed field", () => {
    expect(fieldOptions(en, 'role')).toEqual(['L', 'C', 'Q']);
    expect(fieldOptions(en, 'barrierType')).toEqual([
      'Inconvenience',
      'Unclarity',
      'Insufficiency',
    ]);
    expect(fieldOptions(ru, 'driverType')).toEqual(['Удобство', 'Понятность', 'Качество']);
    expect(fieldOptions(en, 'evidence')).toEqual(['Assumption', 'Partly validated', 'Data-backed']);
    expect(fieldOptions(ru, 'cadence')).toEqual(['еженедельно', 'ежемесячно', 'ежеквартально']);
    expect(fieldOptions(en, 'barriers')).toEqual([]);
  });

  it('saves an option of the list and refuses anything else, another language included', () => {
    const ok = (step: Parameters<typeof checkStepValues>[0], values: Record<string, unknown>) =>
      expect(checkStepValues(step, en, values, 'en')).toEqual({ ok: true, values });
    ok('stages', { 'stage.2.role': 'C' });
    ok('barriers', { 'stage.0.barrierType': 'Unclarity', 'stage.0.driverType': 'Quality' });
    ok('evaluate', { 'stage.3.evidence': 'Data-backed' });
    ok('review', { 'side.cadence': 'monthly' });
    const choose = 'Pick one of the options.';
    expect(
      checkStepValues(
        'barriers',
        en,
        { 'stage.0.barrierType': 'Неясность', 'stage.1.driverType': 'quality' },
        'en',
      ),
    ).toEqual({
      ok: false,
      fieldErrors: { 'stage.0.barrierType': choose, 'stage.1.driverType': choose },
    });
    expect(checkStepValues('stages', en, { 'stage.2.role': 'X' }, 'en')).toEqual({
      ok: false,
      fieldErrors: { 'stage.2.role': choose },
    });
    expect(checkStepValues('review', ru, { 'side.cadence': 'monthly' }, 'ru')).toEqual({
      ok: false,
      fieldErrors: { 'side.cadence': 'Выберите один из вариантов.' },
    });
    expect(
      checkStepValues('evaluate', ru, { 'stage.0.evidence': 'Подтверждено данными' }, 'ru'),
    ).toEqual({ ok: true, values: { 'stage.0.evidence': 'Подтверждено данными' } });
  });
});

describe('dates and numbers of a step', () => {
  const en = presetJourney('en');
  const ru = presetJourney('ru');

  it("reads a date as the map's language writes it and says the format when it is no date", () => {
    expect(checkStepValues('goal', ru, { 'side.goalDate': '15.05.2026' }, 'ru')).toEqual({
      ok: true,
      values: { 'side.goalDate': '2026-05-15' },
    });
    expect(checkStepValues('present', en, { 'side.nextReview': '2026-12-06' }, 'en')).toEqual({
      ok: true,
      values: { 'side.nextReview': '2026-12-06' },
    });
    expect(checkStepValues('goal', en, { 'side.goalDate': 'next Friday' }, 'en')).toEqual({
      ok: false,
      fieldErrors: { 'side.goalDate': 'Enter a date as YYYY-MM-DD, e.g. 2026-05-15.' },
    });
    expect(checkStepValues('present', ru, { 'side.reviewed': '31.02.2026' }, 'ru')).toEqual({
      ok: false,
      fieldErrors: { 'side.reviewed': 'Введите дату в виде ДД.ММ.ГГГГ, например 15.05.2026.' },
    });
  });

  it('takes a conversion target from 0% to 100% inclusive, and nothing outside or unreadable', () => {
    expect(
      checkStepValues('kpis', en, { 'stage.0.target': '0%', 'stage.1.target': '100%' }, 'en'),
    ).toEqual({ ok: true, values: { 'stage.0.target': 0, 'stage.1.target': 1 } });
    const share = 'Enter a percentage from 0% to 100%.';
    expect(
      checkStepValues(
        'kpis',
        en,
        { 'stage.0.target': -0.01, 'stage.1.target': '101%', 'stage.2.target': 'high' },
        'en',
      ),
    ).toEqual({
      ok: false,
      fieldErrors: { 'stage.0.target': share, 'stage.1.target': share, 'stage.2.target': share },
    });
  });

  it('takes a whole score from 1 to 5 and refuses 0, 6, a half and a word', () => {
    expect(
      checkStepValues('evaluate', en, { 'stage.0.score': 1, 'stage.1.score': '5' }, 'en'),
    ).toEqual({ ok: true, values: { 'stage.0.score': 1, 'stage.1.score': 5 } });
    const score = 'Enter a whole score from 1 to 5.';
    expect(
      checkStepValues(
        'evaluate',
        en,
        { 'stage.0.score': 0, 'stage.1.score': 6, 'stage.2.score': 2.5, 'stage.3.score': 'good' },
        'en',
      ),
    ).toEqual({
      ok: false,
      fieldErrors: {
        'stage.0.score': score,
        'stage.1.score': score,
        'stage.2.score': score,
        'stage.3.score': score,
      },
    });
  });

  it("takes counts and money from 0 up, read in the map's language, and refuses the rest", () => {
    // "1,500" is one and a half in Russian, fifteen hundred in English
    expect(
      checkStepValues('kpis', ru, { 'side.purchases': '1,500', 'stage.0.customers': 0 }, 'ru'),
    ).toEqual({ ok: true, values: { 'side.purchases': 1.5, 'stage.0.customers': 0 } });
    expect(checkStepValues('kpis', en, { 'side.avgCheck': '1,500' }, 'en')).toEqual({
      ok: true,
      values: { 'side.avgCheck': 1500 },
    });
    const number = 'Enter a number, 0 or more.';
    expect(
      checkStepValues(
        'kpis',
        en,
        {
          'side.avgCheck': -1,
          'side.purchases': 'twice',
          // a number input's 1e400 overflows to Infinity; a true is no number either
          'stage.0.customers': Number.POSITIVE_INFINITY,
          'stage.1.customers': true,
        },
        'en',
      ),
    ).toEqual({
      ok: false,
      fieldErrors: {
        'side.avgCheck': number,
        'side.purchases': number,
        'stage.0.customers': number,
        'stage.1.customers': number,
      },
    });
  });

  it('refuses a field of another step, naming it, and does not judge or keep it', () => {
    expect(checkStepValues('goal', en, { 'side.goal': 'Grow', 'stage.0.score': 7 }, 'en')).toEqual({
      ok: false,
      fieldErrors: {
        _form:
          'The form sent a field this step does not have (stage.0.score). Reload the sidebar and try again.',
      },
    });
  });
});

describe('what a save writes and what it asks about', () => {
  it('writes nothing and asks nothing when the colleague made the very change the user made', () => {
    expect(stepChanges({ a: 'Queue' }, { a: '' }, { a: 'Queue' })).toEqual({
      writes: {},
      conflicts: [],
    });
  });

  it('takes a number and the same number as text for the same value', () => {
    // the step loaded 1000; a colleague retyped it as text; the user's 1500 is written
    expect(stepChanges({ a: 1500 }, { a: 1000 }, { a: '1000' })).toEqual({
      writes: { a: 1500 },
      conflicts: [],
    });
    // the user typed "1 200" (read as 1200) where the sheet already holds 1200: nothing to write
    expect(stepChanges({ a: 1200 }, { a: '' }, { a: 1200 })).toEqual({ writes: {}, conflicts: [] });
    // the user left the loaded "1200" as it was (sent back as a number): the colleague's 1300 stays
    expect(stepChanges({ a: 1200 }, { a: '1200' }, { a: 1300 })).toEqual({
      writes: {},
      conflicts: [],
    });
  });

  it('sees a trailing space or another date typed by a colleague as a change', () => {
    expect(stepChanges({ a: 'Queue!' }, { a: 'Queue' }, { a: 'Queue ' })).toEqual({
      writes: {},
      conflicts: [{ id: 'a', sheet: 'Queue ', yours: 'Queue!' }],
    });
    // dates travel as ISO text: the same day is no change, another day is
    expect(stepChanges({ d: '2026-06-01' }, { d: '2026-05-15' }, { d: '2026-05-15' })).toEqual({
      writes: { d: '2026-06-01' },
      conflicts: [],
    });
    expect(stepChanges({ d: '2026-06-01' }, { d: '2026-05-15' }, { d: '2026-05-16' })).toEqual({
      writes: {},
      conflicts: [{ id: 'd', sheet: '2026-05-16', yours: '2026-06-01' }],
    });
  });

  it('asks when a colleague cleared a cell the user changed, and writes into a cell never loaded', () => {
    expect(stepChanges({ a: 'Coach' }, { a: 'Queue' }, { a: '' })).toEqual({
      writes: {},
      conflicts: [{ id: 'a', sheet: '', yours: 'Coach' }],
    });
    // a cell the sheet no longer shows this step is asked about as an empty one
    expect(stepChanges({ a: 'Coach' }, { a: 'Queue' }, {})).toEqual({
      writes: {},
      conflicts: [{ id: 'a', sheet: '', yours: 'Coach' }],
    });
    // a field the form had empty and the sheet has empty: written; left empty: nothing to do
    expect(stepChanges({ a: 'Coach', b: '' }, {}, {})).toEqual({
      writes: { a: 'Coach' },
      conflicts: [],
    });
  });
});

describe('values of stages a colleague moved, added or removed', () => {
  it('go to their stage wherever it is now, and those of a removed stage are set apart', () => {
    // the form showed stages a, b, c; the sheet now has b, a new x, then a (c was removed)
    const r = renumberStages(
      {
        'side.goal': 'Grow',
        'stage.0.barriers': 'for a',
        'stage.1.barriers': 'for b',
        'stage.2.barriers': 'for c',
        'stage.3.barriers': 'past the form',
      },
      ['a', 'b', 'c'],
      ['b', 'x', 'a'],
    );
    expect(r.values).toEqual({
      'side.goal': 'Grow',
      'stage.2.barriers': 'for a',
      'stage.0.barriers': 'for b',
      // not a stage the form had: left for checkStepValues to refuse
      'stage.3.barriers': 'past the form',
    });
    expect(r.gone).toEqual([{ stage: 2, id: 'stage.2.barriers', value: 'for c' }]);
    // a message about a field is shown on the field the user typed into
    expect(r.toShown('stage.2.barriers')).toBe('stage.0.barriers');
    expect(r.toShown('stage.0.barriers')).toBe('stage.1.barriers');
    expect(r.toShown('side.goal')).toBe('side.goal');
    expect(r.toShown('_form')).toBe('_form');
  });
});
