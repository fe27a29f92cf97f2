/** The wizard's field ids, the map's cells they name, and the values they carry. */
import { describe, expect, it } from 'vitest';
import {
  blankRecord,
  CARD_KEYS,
  newStage,
  TITLE_KEYS,
  type Journey,
} from '../../../../src/core/map/journey';
import { FIRST_STAGE_COL, ROW, SIDE_COL } from '../../../../src/core/map/layout';
import { BLOCK_ROW, type ReviewFields } from '../../../../src/core/review/block';
import {
  datedCells,
  fieldCell,
  fieldSheetValue,
  fieldValue,
  isReviewFieldId,
  stepFields,
  stepValues,
  withFieldValues,
  withReviewValues,
} from '../../../../src/core/wizard/fields';
import { fieldKind, parseFieldId, stepFieldIds } from '../../../../src/core/wizard/steps';

const journey = (): Journey => ({
  id: 'K7P2QX',
  lang: 'en',
  title: { ...blankRecord(TITLE_KEYS), name: 'Coffee', goal: 'More repeat visits' },
  card: { ...blankRecord(CARD_KEYS), personaAge: 29 },
  stages: [
    { ...newStage('Visit', 'L', 'aaaa'), customers: 1000 },
    { ...newStage('Paid', 'C', 'bbbb'), target: 0.3, roleText: 'C (deal)' },
  ],
  avgCheck: 300,
  purchases: '',
});
const review: ReviewFields = { revenueGoal: 500000, goalDate: '2026-12-31', cadence: 'month' };

describe('a field id', () => {
  it.each([
    ['side.goal', { row: 'goal', stage: null }],
    ['stage.0.actions', { row: 'actions', stage: 0 }],
    ['stage.120.customers', { row: 'customers', stage: 120 }],
  ])('%j names its cell', (id, field) => {
    expect(parseFieldId(id)).toEqual(field);
  });

  it.each([
    '',
    'goal',
    'side.',
    'side.goal2',
    'stage.1234.actions',
    'stage.x.actions',
    'stage.1',
    ' side.goal',
  ])('%j names none', (id) => {
    expect(parseFieldId(id)).toBeNull();
  });

  it('a step lists its side fields once, then its stage fields for every stage', () => {
    expect(stepFieldIds('kpis', 2)).toEqual([
      'side.avgCheck',
      'side.purchases',
      'stage.0.customers',
      'stage.0.target',
      'stage.1.customers',
      'stage.1.target',
    ]);
    expect(stepFieldIds('plan', 5)).toEqual([]);
  });

  it('each row has its kind of input; a row not listed is text', () => {
    expect(
      ['target', 'avgCheck', 'score', 'goalDate', 'role', 'actions', 'name'].map((r) =>
        fieldKind(r as never),
      ),
    ).toEqual(['share', 'money', 'score', 'date', 'select', 'longtext', 'text']);
  });
});

describe("a field's value in the map", () => {
  const j = journey();

  it('reads the title, the card, the economics, the review block and each stage', () => {
    expect(fieldValue(j, 'side.name')).toBe('Coffee');
    expect(fieldValue(j, 'side.personaAge')).toBe(29);
    expect(fieldValue(j, 'side.avgCheck')).toBe(300);
    expect(fieldValue(j, 'side.purchases')).toBe('');
    expect(fieldValue(j, 'side.revenueGoal', review)).toBe(500000);
    expect(fieldValue(j, 'side.revenueGoal')).toBe('');
    expect(fieldValue(j, 'stage.0.header')).toBe('Visit');
    expect(fieldValue(j, 'stage.0.customers')).toBe(1000);
    expect(fieldValue(j, 'stage.1.target')).toBe(0.3);
    expect(fieldValue(j, 'stage.0.role')).toBe('L');
  });

  it('shows a role as the user typed it when that was not a plain L, C or Q', () => {
    expect(fieldValue(j, 'stage.1.role')).toBe('C (deal)');
  });

  it('is blank for an id no step has, a stage the map lacks, or a row that is not a field', () => {
    expect(fieldValue(j, 'nonsense')).toBe('');
    expect(fieldValue(j, 'stage.5.header')).toBe('');
    expect(fieldValue(j, 'side.header')).toBe('');
    expect(fieldValue(j, 'stage.0.footer')).toBe('');
  });

  it("a step's values, by field id", () => {
    expect(stepValues('kpis', j)).toEqual({
      'side.avgCheck': 300,
      'side.purchases': '',
      'stage.0.customers': 1000,
      'stage.0.target': '',
      'stage.1.customers': '',
      'stage.1.target': 0.3,
    });
    expect(stepValues('review', j, review)).toEqual({
      'side.revenueGoal': 500000,
      'side.goalDate': '2026-12-31',
      'side.cadence': 'month',
    });
  });
});

describe('the map after a save', () => {
  it('holds each value in its place, and the map it was made from is unchanged', () => {
    const j = journey();
    const next = withFieldValues(j, {
      'side.goal': 'First purchase',
      'side.personaAge': 30,
      'side.purchases': 2,
      'stage.0.header': 123,
      'stage.0.actions': 'looks',
      'stage.1.customers': 40,
      'stage.1.role': 'Q',
      'stage.7.header': 'no such stage',
      'side.revenueGoal': 1,
      nonsense: 'x',
    });
    expect(next.title.goal).toBe('First purchase');
    expect(next.card.personaAge).toBe(30);
    expect(next.purchases).toBe(2);
    expect(next.stages.map((s) => [s.name, s.content.actions, s.customers, s.role])).toEqual([
      ['123', 'looks', 1000, 'L'],
      ['Paid', '', 40, 'Q'],
    ]);
    expect(next.stages[1]?.roleText).toBeUndefined();
    expect(next.stages).toHaveLength(2);
    expect(j).toEqual(journey());
  });

  it('a role other than L, C or Q is saved blank', () => {
    expect(withFieldValues(journey(), { 'stage.0.role': 'X' }).stages[0]?.role).toBe('');
  });

  it("the review block's inputs take only their own fields", () => {
    expect(
      withReviewValues(review, {
        'side.cadence': 'quarter',
        'side.goal': 'not a review field',
        'stage.0.revenueGoal': 5,
      }),
    ).toEqual({ ...review, cadence: 'quarter' });
  });
});

describe("a field's cell", () => {
  it('column B of its row, a stage column, or the review block under the footer', () => {
    expect(fieldCell('side.goal')).toEqual({ row: ROW.goal, col: SIDE_COL });
    expect(fieldCell('stage.1.actions')).toEqual({ row: ROW.actions, col: FIRST_STAGE_COL + 1 });
    expect(fieldCell('side.revenueGoal')).toEqual({ row: BLOCK_ROW.revenueGoal, col: SIDE_COL });
    expect(fieldCell('stage.0.revenueGoal')).toBeNull();
    expect(fieldCell('side.nothing')).toBeNull();
    expect(fieldCell('nonsense')).toBeNull();
    expect([isReviewFieldId('side.goalDate'), isReviewFieldId('side.goal')]).toEqual([true, false]);
  });

  it('a date is written as its serial number, anything else as it is', () => {
    expect(fieldSheetValue('side.reviewed', '2026-05-15')).toBe(46157);
    expect(fieldSheetValue('side.reviewed', 'after launch')).toBe('after launch');
    expect(fieldSheetValue('side.goal', '2026-05-15')).toBe('2026-05-15');
    expect(fieldSheetValue('nonsense', '2026-05-15')).toBe('2026-05-15');
  });

  it('the cells a save writes dates to need the date format of the map language', () => {
    expect(
      datedCells(
        { 'side.reviewed': '2026-05-15', 'side.nextReview': 'soon', 'side.goal': '2026-05-15' },
        'ru',
      ),
    ).toEqual({ a1s: [`B${ROW.reviewed}`], format: 'dd.mm.yyyy' });
    expect(datedCells({ 'side.goal': 'x' }, 'en')).toBeNull();
  });
});

describe("a step's fields as the sidebar shows them", () => {
  it('side fields by id, stage fields as one template, each labelled in the map language', () => {
    const f = stepFields('stages', { ...journey(), lang: 'ru' });
    expect(f.side).toEqual([]);
    expect(f.stage.map((d) => [d.id, d.kind])).toEqual([
      ['header', 'text'],
      ['role', 'select'],
      ['job', 'longtext'],
      ['actions', 'longtext'],
    ]);
    expect(f.stage[3]?.label).toBe('Действия клиента');
    expect(f.stage[0]?.hint).toBe('Этапы: от первого контакта до лояльного клиента →');
    const goal = stepFields('goal', journey()).side;
    expect(goal.map((d) => d.id)).toEqual([
      'side.goal',
      'side.name',
      'side.segment',
      'side.product',
      'side.revenueGoal',
      'side.goalDate',
    ]);
    expect(goal[1]?.label).toBe('Map name');
    expect(goal[4]?.label).toBe('Revenue goal');
  });
});
