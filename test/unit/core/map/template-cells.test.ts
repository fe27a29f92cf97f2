import { describe, expect, it } from 'vitest';
import { FIRST_STAGE_COL, ROW, SIDE_COL, type RowKey } from '../../../../src/core/map/layout';
import type { Journey } from '../../../../src/core/map/journey';
import type { PlanCell, SheetPlan } from '../../../../src/core/map/plan';
import { confirmRolesWrites, planMap } from '../../../../src/core/map/template';
import { presetJourney } from '../../../support/journeys';

/** A three-stage English map (roles L, L, C) with fixed stage ids. */
function threeStages(over: Partial<Journey> = {}): Journey {
  const j = presetJourney('en');
  const stages = j.stages
    .slice(0, 3)
    .map((s, i) => ({ ...s, id: `stage00${i}`, customers: [1000, 400, 100][i] ?? '' }));
  return { ...j, stages, ...over };
}

const plan = (j: Journey, locale = 'en_US'): SheetPlan => planMap(j, { sheetName: 'm', locale });
const cell = (p: SheetPlan, row: RowKey, col: number): PlanCell | undefined =>
  p.cells[ROW[row] - 1]?.[col - 1];
const side = (p: SheetPlan, row: RowKey) => cell(p, row, SIDE_COL);
const stage = (p: SheetPlan, row: RowKey, i: number) => cell(p, row, FIRST_STAGE_COL + i);

const text = (value: string, style: PlanCell['style']): PlanCell => ({
  value,
  owner: 'template',
  style,
  numberFormat: '@',
});
const TINTS = ['#e8f0fe', '#e6f4ea', '#fef7e0', '#fce8e6', '#f3e8fd', '#e4f7fb'];

describe('the label column', () => {
  it('shows the map title big, section labels as sections and every other row as a label', () => {
    const p = plan(threeStages());
    expect(cell(p, 'name', 1)).toEqual(text('Customer journey map', 'title'));
    expect(cell(p, 'kpiSection', 1)).toEqual(
      text('KPIs and economics: L × C × P × Q', 'sectionLabel'),
    );
    expect(cell(p, 'cardSection', 1)).toEqual(text('Persona and product', 'sectionLabel'));
    expect(cell(p, 'product', 1)).toEqual(text('Product', 'label'));
    expect(cell(p, 'footer', 1)).toEqual(text('CJM map TEST42 · template v2', 'footer'));
  });

  it('explains the rows that need it in a note on the label, in the map language', () => {
    const p = plan(threeStages());
    const notes = (
      [
        'segment',
        'persona',
        'job',
        'questions',
        'touchpoints',
        'channels',
        'content',
        'barriers',
        'drivers',
        'jobs',
        'score',
        'evidence',
        'weakSpots',
        'role',
        'customers',
        'target',
        'revenue',
        'weakest',
      ] as const
    ).map((k) => cell(p, k, 1)?.note);
    for (const note of notes) expect(note).toMatch(/\w{3}/);
    expect(new Set(notes).size).toBe(18);
    expect(cell(p, 'segment', 1)?.note).toBe(
      'One map = one segment + product pair. Build a map for each main pair.',
    );
    expect(cell(p, 'weakest', 1)?.note).toMatch(/^The transition with the lowest step conversion/);
    // rows without an explanation carry no note at all
    expect(cell(p, 'product', 1)).not.toHaveProperty('note');
    expect(cell(p, 'leads', 1)).not.toHaveProperty('note');
  });
});

describe('the side column', () => {
  it('holds the map name (length-checked), title text plainly and card text as wrapped text', () => {
    const j = threeStages();
    j.title.goal = 'Grow repeat sales';
    j.card.personaName = 'Anna';
    const p = plan(j);
    expect(side(p, 'name')).toEqual({
      value: 'Coffee — beans',
      owner: 'user',
      style: 'titleValue',
      numberFormat: '@',
      validation: 'mapName',
    });
    expect(side(p, 'goal')).toEqual({
      value: 'Grow repeat sales',
      owner: 'user',
      style: 'plain',
      numberFormat: '@',
    });
    expect(side(p, 'personaName')).toEqual({
      value: 'Anna',
      owner: 'user',
      style: 'text',
      numberFormat: '@',
    });
  });

  it('writes review dates as real dates (serial numbers) in the language date format, and keeps non-dates as typed', () => {
    const j = threeStages();
    j.title.reviewed = '2026-01-01';
    j.title.nextReview = 'after launch';
    const ru = { ...threeStages({ lang: 'ru' }) };
    ru.title.nextReview = 46024;
    const reviewed: PlanCell = {
      value: 46023,
      owner: 'user',
      style: 'plain',
      numberFormat: 'yyyy-mm-dd',
    };
    expect(side(plan(j), 'reviewed')).toEqual(reviewed);
    expect(side(plan(j), 'nextReview')).toEqual({ ...reviewed, value: 'after launch' });
    expect(side(plan(ru, 'ru_RU'), 'nextReview')).toEqual({
      ...reviewed,
      value: 46024,
      numberFormat: 'dd.mm.yyyy',
    });
  });

  it('takes the average check in the locale money format and purchases as a factor, both checked as amounts', () => {
    const p = plan(threeStages({ avgCheck: 1500, purchases: 2.5 }), 'ru_RU');
    expect(side(p, 'avgCheck')).toEqual({
      value: 1500,
      owner: 'user',
      style: 'input',
      numberFormat: '#,##0 [$₽-419]',
      validation: 'money',
    });
    expect(side(p, 'purchases')).toEqual({
      value: 2.5,
      owner: 'user',
      style: 'input',
      numberFormat: '0.0#',
      validation: 'money',
    });
  });

  it('styles the economics results: revenue stands out, notes-bearing cells wrap, the rest are plain formulas', () => {
    const p = plan(threeStages(), 'de_DE');
    const shape = (k: RowKey) => {
      const c = side(p, k);
      return { value: c?.value, owner: c?.owner, style: c?.style, numberFormat: c?.numberFormat };
    };
    expect(shape('leads')).toEqual({
      value: '',
      owner: 'template',
      style: 'formula',
      numberFormat: '#,##0',
    });
    expect(shape('conversion')).toEqual({
      value: '',
      owner: 'template',
      style: 'computed',
      numberFormat: '0.0%',
    });
    expect(shape('revenue')).toEqual({
      value: '',
      owner: 'template',
      style: 'result',
      numberFormat: '#,##0 [$€]',
    });
    expect(shape('weakest')).toEqual({
      value: '',
      owner: 'template',
      style: 'computed',
      numberFormat: '#,##0',
    });
    expect(shape('curve')).toEqual({
      value: '',
      owner: 'template',
      style: 'formula',
      numberFormat: '#,##0',
    });
  });

  it('shows hints beside the rows, section hints as sections, and the side marker in the footer', () => {
    const p = plan(threeStages());
    expect(side(p, 'header')).toEqual(text('Stages, first contact to loyal customer →', 'hint'));
    expect(side(p, 'role')).toEqual(
      text('L = brings leads, C = the deal, Q = repeat purchases', 'hint'),
    );
    expect(side(p, 'kpiSection')).toEqual(
      text('Yellow cells are inputs; grey cells compute', 'section'),
    );
    expect(side(p, 'cardSection')).toEqual(
      text('Who the map is for and what we sell them', 'section'),
    );
    expect(side(p, 'step')).toEqual(text('Reached this ÷ reached the previous stage', 'hint'));
    expect(side(p, 'footer')).toEqual(text('CJM side', 'footer'));
  });

  it('warns beside the roles and next to the revenue while the funnel roles are only guessed', () => {
    const guessed = plan(threeStages({ rolesGuessed: true }));
    expect(side(guessed, 'role')).toEqual(
      text(
        "⚠ Guessed from the order of the stages: check which stage is the deal (C), here or on the wizard's step 3, and save that step",
        'hint',
      ),
    );
    expect(stage(guessed, 'revenue', 0)).toEqual(
      text('⚠ counted with guessed funnel roles: check the row «Funnel role (L, C or Q)»', 'hint'),
    );
    // only the first stage column carries the revenue note, and only the revenue row
    expect(stage(guessed, 'revenue', 1)).toEqual(text('', 'plain'));
    expect(stage(guessed, 'weakest', 0)).toEqual(text('', 'plain'));
    // other side hints stay hints
    expect(side(guessed, 'customers')).toEqual(
      text('How many reached each stage in the period', 'hint'),
    );
    const confirmed = plan(threeStages({ rolesGuessed: false }));
    expect(stage(confirmed, 'revenue', 0)).toEqual(text('', 'plain'));
  });
});

describe('the stage columns', () => {
  it('heads each stage with its name, tinted in turn, each name checked by its own rule', () => {
    const j = presetJourney('en');
    const stages = Array.from({ length: 8 }, (_, i) => ({
      ...j.stages[0]!,
      id: `stage00${i}`,
      name: `S${i}`,
    }));
    const p = plan({ ...j, stages });
    expect(stage(p, 'header', 1)).toEqual({
      value: 'S1',
      owner: 'user',
      style: 'header',
      tint: '#e6f4ea',
      numberFormat: '@',
      validation: 'stageName.1',
    });
    expect(stages.map((_, i) => stage(p, 'header', i)?.tint)).toEqual([
      ...TINTS,
      ...TINTS.slice(0, 2),
    ]);
    expect(stage(p, 'footer', 7)).toEqual(text('CJM stage stage007', 'footer'));
  });

  it('takes stage text tinted like its header, with dropdowns and score formats where the row has them', () => {
    const j = threeStages();
    j.stages[2]!.content.driverType = 'Quality';
    const p = plan(j);
    const base = { owner: 'user', style: 'text', tint: '#fef7e0', numberFormat: '@' };
    expect(stage(p, 'driverType', 2)).toEqual({
      ...base,
      value: 'Quality',
      validation: 'driverType',
    });
    expect(stage(p, 'evidence', 2)).toEqual({ ...base, value: '', validation: 'evidence' });
    expect(stage(p, 'barrierType', 2)).toEqual({ ...base, value: '', validation: 'barrierType' });
    expect(stage(p, 'score', 2)).toEqual({
      ...base,
      value: '',
      numberFormat: '0',
      validation: 'score',
    });
    expect(stage(p, 'actions', 2)).toEqual({ ...base, value: '' });
  });

  it('takes the funnel inputs: the role from a dropdown, counts as whole numbers, targets as shares', () => {
    const j = threeStages();
    j.stages[1]!.target = 0.4;
    const p = plan(j);
    expect(stage(p, 'role', 2)).toEqual({
      value: 'C',
      owner: 'user',
      style: 'input',
      numberFormat: '@',
      validation: 'role',
    });
    expect(stage(p, 'customers', 1)).toEqual({
      value: 400,
      owner: 'user',
      style: 'input',
      numberFormat: '#,##0',
      validation: 'count',
    });
    expect(stage(p, 'target', 1)).toEqual({
      value: 0.4,
      owner: 'user',
      style: 'input',
      // a target above 100 % names the value read instead of passing for a share
      numberFormat: '[>1]"⚠ "#,##0%" is above 100 %: type the target as a percent, e.g. 30 %";0.0%',
      validation: 'share',
    });
  });

  it('computes step and overall conversion from one formula in the first stage that spills over the others', () => {
    const p = plan(threeStages());
    const computed = { value: '', owner: 'template', style: 'computed' };
    expect(stage(p, 'step', 0)).toEqual({
      ...computed,
      numberFormat: '0.0%',
      formula: '=CJM_CONVERSION(C25:E25)',
    });
    expect(stage(p, 'step', 2)).toEqual({ ...computed, numberFormat: '0.0%', spill: true });
    expect(stage(p, 'overall', 0)).toEqual({
      ...computed,
      numberFormat: '0.0%',
      formula: '=CJM_CONVERSION($C$25,C25:E25)',
    });
    expect(stage(p, 'overall', 1)).toEqual({ ...computed, numberFormat: '0.0%', spill: true });
    const drop = stage(p, 'dropOff', 1);
    expect(drop).toMatchObject({ ...computed, numberFormat: '#,##0' });
    expect(drop).not.toHaveProperty('spill');
  });

  it('leaves the section rows and the rows without stage inputs empty, with the L and C hints under the first stage', () => {
    const p = plan(threeStages());
    expect(stage(p, 'kpiSection', 1)).toEqual(text('', 'section'));
    expect(stage(p, 'cardSection', 0)).toEqual(text('', 'section'));
    expect(stage(p, 'leads', 0)).toEqual(text('customers at the first L stage', 'hint'));
    expect(stage(p, 'conversion', 0)).toEqual(text('first C stage ÷ L', 'hint'));
    expect(stage(p, 'leads', 1)).toEqual(text('', 'plain'));
    expect(stage(p, 'avgCheck', 0)).toEqual(text('', 'plain'));
    expect(stage(p, 'personaName', 2)).toEqual(text('', 'plain'));
  });
});

describe('confirming guessed roles', () => {
  const note = '⚠ counted with guessed funnel roles: check the row «Funnel role (L, C or Q)»';
  const roleHint = {
    row: 24,
    col: 2,
    value: 'L = brings leads, C = the deal, Q = repeat purchases',
  };

  it('puts the roles hint back and clears the note beside the revenue', () => {
    const asked: [number, number][] = [];
    const writes = confirmRolesWrites(threeStages({ rolesGuessed: true }), (row, col) => {
      asked.push([row, col]);
      return row === 34 && col === 3 ? note : 'other';
    });
    expect(writes).toEqual([roleHint, { row: 34, col: 3, value: '' }]);
    expect(asked).toEqual([[34, 3]]);
  });

  it('keeps what someone typed over the revenue note, and treats an empty cell as theirs too', () => {
    const j = threeStages({ rolesGuessed: false });
    expect(confirmRolesWrites(j, () => 'my own remark')).toEqual([roleHint]);
    expect(confirmRolesWrites(j, () => undefined)).toEqual([roleHint]);
    expect(confirmRolesWrites(j, () => null)).toEqual([roleHint]);
  });
});

describe('the sheet frame', () => {
  it('freezes the title rows down to the stage names and the label and side columns', () => {
    expect(plan(threeStages()).frozen).toEqual({ rows: 9, cols: 2 });
  });
});
