/**
 * A plan saved before actions had a start date (9 columns, its impact in I) is read, keeps
 * computing, and its first save by this add-on adds the start column without losing or moving
 * what the user typed. The fixture is a workbook as the add-on of commit 2a6739e wrote it (its
 * emulator's toJSON): a ru_RU map «Курс» (Визит 1 000 → Пробный 110 → Оплата 30, P 1 100, Q 1:
 * L 1 000, C 3%, revenue 33 000 ₽) and its plan of two actions (C +10% with a deadline of
 * 31.07.2026, "В работе"; Q +0,5 покупки, "Запланировано"), with the user's «Бюджет» / «согласовать с Олегом»
 * typed in J3:J4, right of the plan.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SaveResult, WizardState } from '../../../src/contract';
import { ROW } from '../../../src/core/map/layout';
import { Workbook } from '../../../emulator/index';
import { sessionOn } from '../../support/addon';

const FORMER = JSON.parse(readFileSync('test/fixtures/former-plan.json', 'utf8'));
const PLAN = 'Курс · план';

/**
 * The fixture under a reading of formula syntax; under the locale reading the add-on had found and
 * remembered that syntax (its formulas are kept as the engine holds them, in either reading).
 */
function open(formulaSeparators: 'comma' | 'locale') {
  const properties = structuredClone(FORMER.properties);
  properties.document['cjm.formulaDialect'] = `ru_RU:${formulaSeparators}`;
  const s = sessionOn(Workbook.fromJSON({ ...FORMER, formulaSeparators, properties }));
  const mapId = String(s.wb.value('Курс', `A${ROW.footer}`)).split(' ')[2] ?? '';
  const call = <T>(name: string, req: unknown) => s.addon.callFromClient(name, req) as T;
  const load = () => call<WizardState>('loadStep', { mapId, step: 'plan' });
  return { s, mapId, call, load };
}

describe.each(['comma', 'locale'] as const)(
  "a plan in today's layout, without start dates (%s separators)",
  (separators) => {
    it('is read, not refused, and keeps computing', () => {
      const { s, load } = open(separators);
      // as saved: the impact in I, the user's budget in J
      expect(s.wb.value(PLAN, 'I3')).toBe('Влияние на выручку');
      // C × 1,1: 1 000 × 3,3% × 1 100 = 36 300, +3 300; Q 1 → 1,5: +16 500
      expect(s.wb.values(PLAN, 'I4:I6').map((r) => r[0])).toEqual([
        expect.closeTo(16_500, 6),
        expect.closeTo(3_300, 6),
        expect.closeTo(1000 * 0.033 * 1100 * 1.5 - 33_000, 6),
      ]);
      const state = load();
      expect(state.problem).toBe('');
      expect(
        state.view?.actions.map((a) => [a.action, a.deadline, a.status, a.start, a.impact]),
      ).toEqual([
        ['Пакет на полгода', '', 'Запланировано', '', expect.closeTo(16_500, 6)],
        ['Скидка на первый месяц', '2026-07-31', 'В работе', '', expect.closeTo(3_300, 6)],
      ]);
    });

    it("its first save adds the start column before the impact; the user's cells right of the plan move right with their columns, whole", () => {
      const { s, mapId, call, load } = open(separators);
      const loaded = load().view!.actions;
      const edited = loaded.map(({ impact: _impact, ...a }) =>
        a.action === 'Скидка на первый месяц' ? { ...a, start: '2026-06-01' } : a,
      );
      const saved = call<SaveResult>('savePlan', { mapId, actions: edited, base: loaded });
      if (!saved.ok) throw new Error(JSON.stringify(saved));
      expect(s.wb.values(PLAN, 'A3:K3')[0]).toEqual([
        'Место',
        'Действие',
        'Этап',
        'Рычаг',
        'Ожидаемое изменение',
        'Ответственный',
        'Срок',
        'Статус',
        'Начало',
        'Влияние на выручку',
        'Бюджет',
      ]);
      expect(s.wb.value(PLAN, 'K4')).toBe('согласовать с Олегом');
      // what the user typed in the plan stays where it was: the actions, their deadline, status
      expect(s.wb.values(PLAN, 'B4:H5')).toEqual([
        ['Пакет на полгода', 'Оплата', 'Q', '+0,5 покупки', 'Анна', '', 'Запланировано'],
        ['Скидка на первый месяц', 'Оплата', 'C', '+10%', 'Анна', expect.any(Date), 'В работе'],
      ]);
      // the start is a date, shown as the map shows its dates
      expect(s.wb.display(PLAN, 'I5')).toBe('01.06.2026');
      expect(s.wb.values(PLAN, 'J4:J6').map((r) => r[0])).toEqual([
        expect.closeTo(16_500, 6),
        expect.closeTo(3_300, 6),
        expect.closeTo(1000 * 0.033 * 1100 * 1.5 - 33_000, 6),
      ]);
      expect(
        s.wb.snapshot(PLAN).cells.filter((c) => /\bCJM_[A-Z]+\s*\(/.test(c.formula ?? '')),
      ).toHaveLength(1);
      expect(load().view?.actions.find((a) => a.start)?.start).toBe('2026-06-01');
    });

    it('with nothing of the user right of it, the plan takes the next column and nothing moves', () => {
      const { s, mapId, call, load } = open(separators);
      s.wb.setCell(PLAN, 'J3', '');
      s.wb.setCell(PLAN, 'J4', '');
      s.wb.setCell(PLAN, 'L9', 'заметка');
      const loaded = load().view!.actions;
      const saved = call<SaveResult>('savePlan', {
        mapId,
        actions: loaded.map(({ impact: _impact, ...a }) => a),
        base: loaded,
      });
      if (!saved.ok) throw new Error(JSON.stringify(saved));
      expect(s.wb.value(PLAN, 'L9')).toBe('заметка');
      expect(s.wb.value(PLAN, 'J3')).toBe('Влияние на выручку');
      expect(s.wb.value(PLAN, 'J4')).toBeCloseTo(16_500, 6);
    });
  },
);
