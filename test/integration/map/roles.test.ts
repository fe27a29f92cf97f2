/**
 * A map never guesses its deal stage silently: a wrong guess moves revenue by a multiple (a deal
 * stage two stages early counts customers who never paid). Custom stages are made with the
 * deal stage the user picks; with none picked the roles are a guess, and the map, the wizard and
 * the poster say so next to the revenue until the stages step is saved. Through the built bundle.
 */
import { describe, expect, it } from 'vitest';
import type { SaveResult, WizardState } from '../../../src/contract';
import { a1, FIRST_STAGE_COL, ROW, SIDE_COL, stageCol } from '../../../src/core/map/layout';
import { openSpreadsheet, warnHighlighted, type Session } from '../../support/addon';
import { HAND_TYPED } from '../../support/journeys';

const STAGES = [...HAND_TYPED.stages];
const COUNTS = HAND_TYPED.customers;

const call = <T>(s: Session, name: string, req: unknown): T =>
  s.addon.callFromClient(name, req) as T;

/** A Russian map of the six stages typed by hand, its counts, check 9 000 ₽ and Q 2,5 typed. */
function handTyped(deal?: number) {
  const s = openSpreadsheet('ru_RU');
  const sheet = s.newMap({
    segment: 'Родители школьников',
    product: 'Онлайн-курс английского',
    preset: 'custom',
    stages: STAGES,
    ...(deal === undefined ? {} : { deal }),
  });
  const mapId = String(s.wb.value(sheet, `A${ROW.footer}`)).split(' ')[2] ?? '';
  for (const [i, n] of COUNTS.entries()) s.wb.setCell(sheet, a1(ROW.customers, stageCol(i)), n);
  s.wb.setCell(sheet, a1(ROW.avgCheck, SIDE_COL), 9000);
  s.wb.setCell(sheet, a1(ROW.purchases, SIDE_COL), 2.5);
  const roles = () => STAGES.map((_, i) => s.wb.value(sheet, a1(ROW.role, stageCol(i))));
  const revenue = () => s.wb.value(sheet, a1(ROW.revenue, SIDE_COL));
  const note = () => String(s.wb.value(sheet, a1(ROW.revenue, FIRST_STAGE_COL)));
  const load = (step: string) => call<WizardState>(s, 'loadStep', { mapId, step }).view!;
  return { s, sheet, mapId, roles, revenue, note, load };
}

describe('funnel roles of stages typed by hand', () => {
  it('take the deal stage the user picked: revenue is L × C × P × Q with C at that stage, and nothing is called a guess', () => {
    const map = handTyped(4);
    expect(map.roles()).toEqual(['L', 'L', 'L', 'L', 'C', 'Q']);
    // 5 000 × (150 / 5 000) × 9 000 × 2,5
    expect(map.revenue()).toBeCloseTo(3_375_000, 4);
    expect(map.note()).toBe('');
    expect(String(map.s.wb.value(map.sheet, a1(ROW.role, SIDE_COL)))).not.toMatch(/^⚠/);
    expect(map.load('kpis').rolesGuessed).toBe(false);
  });

  it('guessed when no deal stage was picked: the map, the wizard and the poster say so next to the revenue', () => {
    const map = handTyped();
    expect(map.roles()).toEqual(['L', 'L', 'C', 'Q', 'Q', 'Q']);
    // the guess puts the deal at the third stage: 5 000 × 6,6 % × 9 000 × 2,5
    expect(map.revenue()).toBeCloseTo(7_425_000, 4);
    expect(map.note()).toBe(
      '⚠ посчитано по угаданным ролям этапов: проверьте строку «Роль в воронке (L, C или Q)»',
    );
    expect(String(map.s.wb.value(map.sheet, a1(ROW.role, SIDE_COL)))).toMatch(
      /^⚠ Угаданы по порядку этапов/,
    );
    expect(warnHighlighted(map.s, map.sheet, a1(ROW.revenue, FIRST_STAGE_COL))).toBe(true);
    expect(warnHighlighted(map.s, map.sheet, a1(ROW.role, SIDE_COL))).toBe(true);
    expect(map.load('stages').rolesGuessed).toBe(true);
    const poster = call<{ svg: string }>(map.s, 'exportPoster', { mapId: map.mapId });
    expect(poster.svg).toContain('⚠ роли этапов угаданы');
  });

  it('the stages step, once saved with the deal moved to the stage where customers pay, confirms the roles and mends the revenue', () => {
    const map = handTyped();
    const view = map.load('stages');
    const values = {
      ...view.values,
      'stage.2.role': 'L',
      'stage.3.role': 'L',
      'stage.4.role': 'C',
    };
    const saved = call<SaveResult>(map.s, 'saveStep', {
      mapId: map.mapId,
      step: 'stages',
      values,
      base: view.values,
      stages: view.stages,
    });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.state.view?.rolesGuessed).toBe(false);
    expect(map.roles()).toEqual(['L', 'L', 'L', 'L', 'C', 'Q']);
    expect(map.revenue()).toBeCloseTo(3_375_000, 4);
    expect(map.note()).toBe('');
    expect(String(map.s.wb.value(map.sheet, a1(ROW.role, SIDE_COL)))).toBe(
      'L — приносит лиды, C — сделка, Q — повторные покупки',
    );
    expect(map.load('kpis').rolesGuessed).toBe(false);
    const poster = call<{ svg: string }>(map.s, 'exportPoster', { mapId: map.mapId });
    expect(poster.svg).not.toContain('угаданы');
  });

  it('confirming keeps what someone typed over the note beside the revenue', () => {
    const map = handTyped();
    const beside = a1(ROW.revenue, FIRST_STAGE_COL);
    map.s.wb.setCell(map.sheet, beside, 'план на квартал');
    const view = map.load('stages');
    const saved = call<SaveResult>(map.s, 'saveStep', {
      mapId: map.mapId,
      step: 'stages',
      values: view.values,
      base: view.values,
      stages: view.stages,
    });
    expect(saved.ok && saved.state.view?.rolesGuessed).toBe(false);
    expect(map.s.wb.value(map.sheet, beside)).toBe('план на квартал');
  });

  it('refuses a deal stage that is not one of the stages typed, in words', () => {
    const s = openSpreadsheet('en_US');
    expect(() => s.newMap({ preset: 'custom', stages: ['Visit', 'Order'], deal: 5 })).toThrow(
      /deal/,
    );
  });
});
