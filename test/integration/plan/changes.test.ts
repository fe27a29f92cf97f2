/**
 * The changes of a plan's actions, through the built add-on: savePlan takes a change with its unit —
 * relative (%), points (п.п., conversion only) or an amount in the lever's own unit (лидов, ₽,
 * покупки) — ranks by the impact the plan sheet's CJM_IMPACT computes too, and refuses a bare
 * number with a message that shows the forms the row's lever takes, in the map's language.
 */
import { planAction } from '../../support/journeys';
import { describe, expect, it } from 'vitest';
import type { ActionRow, MindMap, SaveResult, WizardState } from '../../../src/contract';
import { ROW } from '../../../src/core/map/layout';
import { openSpreadsheet } from '../../support/addon';

type Lever = ActionRow['lever'];

/** A map with L = 1980, C = 990 / 1980 = 0,5, P = 3000, Q = 2,5: revenue 7 425 000. */
function start(locale: 'ru_RU' | 'en_US') {
  const s = openSpreadsheet(locale);
  const sheet = s.newMap({ segment: 'Родители школьников', product: 'Онлайн-курс английского' });
  const mapId = s.wb.value(sheet, `A${ROW.footer}`)!.toString().split(' ')[2]!;
  const call = <T>(name: string, req: unknown) => s.addon.callFromClient(name, req) as T;
  const load = (step: string) => call<WizardState>('loadStep', { mapId, step });
  const kpis = load('kpis').view!;
  const values = {
    ...kpis.values,
    'side.avgCheck': 3000,
    'side.purchases': 2.5,
    'stage.0.customers': 1980,
    'stage.1.customers': 1500,
    'stage.2.customers': 990,
  };
  const saved = call<SaveResult>('saveStep', {
    mapId,
    step: 'kpis',
    base: kpis.values,
    values,
    stages: kpis.stages,
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  const action = (name: string, lever: Lever, change: string) => planAction(name, lever, change);
  const savePlan = (actions: ReturnType<typeof action>[]) =>
    call<SaveResult>('savePlan', { mapId, actions, base: [] });
  const planSheet = () =>
    s.wb.sheetNames().find((n) => n.endsWith('· план') || n.endsWith('· plan'));
  return { s, mapId, call, load, action, savePlan, planSheet };
}

describe('plan changes with their units (savePlan)', () => {
  it('takes relative, points and absolute changes and ranks them by the impact the sheet computes', () => {
    const { s, call, mapId, action, savePlan, planSheet, load } = start('ru_RU');
    expect(load('plan').view?.metrics).toMatchObject({
      leads: 1980,
      conversion: 0.5,
      avgCheck: 3000,
      purchases: 2.5,
    });
    const result = savePlan([
      action('Полугодовой пакет', 'Q', '+0,5 покупки'),
      action('Реклама в школьных чатах', 'L', '+300 лидов'),
      action('Пробный урок с методистом', 'C', '+2 п.п.'),
      action('Тариф с носителем', 'P', '+10%'),
      action('Учебник в комплекте', 'P', '+1000 ₽'),
      action('Скидка выходного дня', 'P', '−10%'),
    ]);
    if (!result.ok) throw new Error(JSON.stringify(result));
    const ranked = result.state.view!.actions.map((a) => [a.action, a.change, a.impact]);
    expect(ranked).toEqual([
      ['Учебник в комплекте', '+1000 ₽', expect.closeTo(1980 * 0.5 * 1000 * 2.5, 6)], // 2 475 000
      // half a purchase more, 2,5 → 3,0: +1 485 000, not the +3 712 500 of "+50%"
      ['Полугодовой пакет', '+0,5 покупки', expect.closeTo(1_485_000, 6)],
      ['Реклама в школьных чатах', '+300 лидов', expect.closeTo(300 * 0.5 * 3000 * 2.5, 6)], // 1 125 000
      ['Тариф с носителем', '+10%', expect.closeTo(742_500, 6)],
      ['Пробный урок с методистом', '+2 п.п.', expect.closeTo(1980 * 0.02 * 3000 * 2.5, 6)], // 297 000
      ['Скидка выходного дня', '−10%', expect.closeTo(-742_500, 6)],
    ]);
    // the plan sheet: the changes as typed, and one spilling CJM_IMPACT that computes the same
    // impacts and ranks
    const plan = planSheet()!;
    expect(s.wb.values(plan, 'B4:B9').map((r) => r[0])).toEqual(ranked.map((r) => r[0]));
    expect(s.wb.values(plan, 'E4:E9').map((r) => r[0])).toEqual(ranked.map((r) => r[1]));
    const impacts = s.wb.values(plan, 'J4:J9').map((r) => r[0]);
    impacts.forEach((v, i) => {
      expect(v).toBeCloseTo(ranked[i]![2] as number, 6);
    });
    expect(s.wb.values(plan, 'A4:A9').map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6]);
    // the mind map lists the actions in the same order
    const mind = call<MindMap>('exportMindMap', { mapId });
    const order = ranked.map((r) => mind.markdown.indexOf(r[0] as string));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(mind.markdown).toContain('Q +0,5 покупки');
  });

  it("refuses a bare number or another lever's unit with the forms the row's lever takes, in the map's language, and writes nothing", () => {
    const { s, savePlan, planSheet } = start('ru_RU');
    const result = savePlan([
      planAction('Полугодовой пакет', 'Q', '+0,5'),
      planAction('Реклама', 'L', '+3000'),
      planAction('Учебник', 'L', '+1000 ₽'),
      planAction('Тариф', 'P', '+2 п.п.'),
      planAction('Пробный урок', 'C', '10'),
      planAction('Скидка', 'P', '−10%'),
    ]);
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        'actions.0.change':
          'Укажите изменение с единицей: +10% или +0,5 покупки; по одному числу не понять, что оно значит.',
        'actions.1.change':
          'Укажите изменение с единицей: +10% или +300 лидов; по одному числу не понять, что оно значит.',
        'actions.2.change':
          'Для этого рычага напишите +10% или +300 лидов (пункты меняют только конверсию, количество — только рычаг в тех же единицах).',
        'actions.3.change':
          'Для этого рычага напишите +10% или +1\u00a0000 ₽ (пункты меняют только конверсию, количество — только рычаг в тех же единицах).',
        'actions.4.change':
          'Укажите изменение с единицей: +10% или +2 п.п.; по одному числу не понять, что оно значит.',
      },
    });
    expect(planSheet()).toBeUndefined();
    expect(s.wb.sheetNames()).toHaveLength(2);
  });

  it('says the same in English for an English map, and reads Russian units there too', () => {
    const { savePlan } = start('en_US');
    expect(savePlan([planAction('Half-year pack', 'Q', '+0.5')])).toEqual({
      ok: false,
      fieldErrors: {
        'actions.0.change':
          'Write the change with its unit: +10% or +0.5 purchases; a number alone does not say what it means.',
      },
    });
    const ok = savePlan([
      planAction('Half-year pack', 'Q', '+0,5 покупки'),
      planAction('Ads', 'L', '+300 leads'),
      planAction('Textbook', 'P', '+$1,000'),
    ]);
    if (!ok.ok) throw new Error(JSON.stringify(ok));
    expect(ok.state.view!.actions.map((a) => [a.action, a.impact])).toEqual([
      ['Textbook', expect.closeTo(2_475_000, 6)],
      ['Half-year pack', expect.closeTo(1_485_000, 6)],
      ['Ads', expect.closeTo(1_125_000, 6)],
    ]);
  });

  it.each(['ru_RU', 'en_US'] as const)(
    'a lone action whose change is typed badly in the sheet says what to check, not a raw error (%s)',
    (locale) => {
      const { s, action, savePlan, planSheet } = start(locale);
      const saved = savePlan([
        action(locale === 'ru_RU' ? 'Полугодовой пакет' : 'Half-year pack', 'Q', '+10%'),
      ]);
      if (!saved.ok) throw new Error(JSON.stringify(saved));
      const plan = planSheet()!;
      expect(s.wb.value(plan, 'J4')).toBeCloseTo(742_500, 6);
      // one action together is that action
      expect(s.wb.value(plan, 'J5')).toBeCloseTo(742_500, 6);
      // a colleague types a bare number over the change in the sheet: its row says what to write,
      // as a row of a longer plan does (the formula spills the action and the plan's total)
      s.wb.setCell(plan, 'E4', '+0,5');
      expect(s.wb.value(plan, 'J4')).toBe(
        locale === 'ru_RU'
          ? '⚠ изменение: укажите единицу: +10% или +0,5 покупки'
          : '⚠ change: state the unit: +10% or +0.5 purchases',
      );
      expect(s.wb.snapshot(plan).cells.find((c) => c.a1 === 'J4')?.error).toBeUndefined();
      // the total leaves it out: the plan changes nothing; the rank is blank
      expect(s.wb.value(plan, 'J5')).toBe(0);
      expect(s.wb.value(plan, 'A4')).toBe('');
      // when the map's own figures are the problem (its check is text), the row and the total say
      // which
      s.wb.setCell(plan, 'E4', "'+10%");
      const map = s.wb.sheetNames().find((n) => n !== plan && n !== 'Sheet1')!;
      s.wb.setCell(map, `B${ROW.avgCheck}`, "'много");
      // (text is not a number anywhere: the note says so and what to type)
      const note =
        locale === 'ru_RU'
          ? '⚠ чек: «много» — текст, а не число: введите число без апострофа и пробелов'
          : '⚠ check: “много” is text, not a number: type a number, without an apostrophe or spaces';
      expect(s.wb.value(plan, 'J4')).toBe(note);
      expect(s.wb.value(plan, 'J5')).toBe(note);
      expect(s.wb.value(plan, 'J7')).toBe('');
    },
  );

  it('shows the plan all together: a five-action plan adds 5 700 000 together, not 3 975 000 apart; ties get distinct ranks in the order typed', () => {
    const { s, action, savePlan, planSheet, mapId, call, load } = start('ru_RU');
    // the map: L 5000, C 150 / 5000 = 3%, P 9000, Q 2,5: revenue 3 375 000
    const kpis = load('kpis').view!;
    const values = {
      ...kpis.values,
      'side.avgCheck': 9000,
      'side.purchases': 2.5,
      'stage.0.customers': 5000,
      'stage.1.customers': 1500,
      'stage.2.customers': 150,
    };
    const saved = call<SaveResult>('saveStep', {
      mapId,
      step: 'kpis',
      base: kpis.values,
      values,
      stages: kpis.stages,
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const result = savePlan([
      action('Реклама', 'L', '+10%'),
      action('Пробный урок', 'C', '+2 п.п.'),
      action('Отзывы на сайте', 'C', '+10%'),
      action('Учебник', 'P', '+1000 ₽'),
      action('Пакет', 'Q', '+0,5 покупки'),
    ]);
    if (!result.ok) throw new Error(JSON.stringify(result));
    const plan = planSheet()!;
    // each alone, as before: L +10% and C +10% both add 337 500, a tie
    expect(s.wb.values(plan, 'B4:B8').map((r) => r[0])).toEqual([
      'Пробный урок',
      'Пакет',
      'Учебник',
      'Реклама',
      'Отзывы на сайте',
    ]);
    const alone = [2_250_000, 675_000, 375_000, 337_500, 337_500];
    expect(s.wb.values(plan, 'J4:J8').map((r) => r[0])).toEqual(
      alone.map((n) => expect.closeTo(n, 6)),
    );
    // the tie is ranked 4 and 5, in the order typed (Реклама was typed before Отзывы на сайте)
    expect(s.wb.values(plan, 'A4:A8').map((r) => r[0])).toEqual([1, 2, 3, 4, 5]);
    // together, amounts before percentages on each lever: L 5 500, C (3% + 2 п.п.) × 1,1 = 5,5%,
    // P 10 000, Q 3: 5 500 × 5,5% × 10 000 × 3 = 9 075 000
    const now = 5000 * 0.03 * 9000 * 2.5;
    const after = 5500 * 0.055 * 10_000 * 3;
    expect(now).toBeCloseTo(3_375_000, 6);
    expect(after).toBeCloseTo(9_075_000, 6);
    expect(s.wb.value(plan, 'A9')).toBe('Влияние плана, все действия вместе');
    expect(s.wb.value(plan, 'J9')).toBeCloseTo(after - now, 6);
    expect(s.wb.value(plan, 'A10')).toBe('Выручка сейчас');
    expect(s.wb.value(plan, 'J10')).toBeCloseTo(now, 6);
    expect(s.wb.value(plan, 'A11')).toBe('Выручка после плана, все действия вместе');
    expect(s.wb.value(plan, 'J11')).toBeCloseTo(9_075_000, 6);
    // the labels say which figure is which (the order of application is stated beside the totals
    // in the sidebar: test/e2e/plan-changes.test.ts); the sheet's note stays one readable line
    expect(String(s.wb.value(plan, 'A2'))).toMatch(/^Ранжировано по влиянию каждого действия/);
    // live: a colleague makes the package "+10%" in the sheet: Q 2,5 × 1,1 = 2,75 together
    s.wb.setCell(plan, 'E5', '+10%');
    expect(s.wb.value(plan, 'J11')).toBeCloseTo(5500 * 0.055 * 10_000 * 2.75, 6);
  });

  it('a plan of 20 actions calls a custom function from one cell (each is a server execution in Sheets)', () => {
    const { s, action, savePlan, planSheet } = start('en_US');
    const saved = savePlan(
      Array.from({ length: 20 }, (_, i) => action(`Action ${i + 1}`, 'L', `+${i + 1}%`)),
    );
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const calls = s.wb
      .snapshot(planSheet()!)
      .cells.filter((c) => /\bCJM_[A-Z]+\s*\(/.test(c.formula ?? ''));
    expect(calls.map((c) => c.a1)).toEqual(['J4']);
    // and it computes all twenty
    expect(s.wb.values(planSheet()!, 'J4:J23').every(([v]) => typeof v === 'number' && v > 0)).toBe(
      true,
    );
  });

  it("names the money form in the spreadsheet's currency: tenge in a Kazakh spreadsheet", () => {
    const s = openSpreadsheet('kk_KZ');
    const sheet = s.newMap({ lang: 'ru', locale: 'kk_KZ', segment: 'Родители', product: 'Курс' });
    const mapId = String(s.wb.value(sheet, `A${ROW.footer}`)).split(' ')[2]!;
    const result = s.addon.callFromClient('savePlan', {
      mapId,
      base: [],
      actions: [planAction('Учебник', 'P', '+1000')],
    }) as SaveResult;
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        'actions.0.change':
          'Укажите изменение с единицей: +10% или +1\u00a0000 ₸; по одному числу не понять, что оно значит.',
      },
    });
  });
});
