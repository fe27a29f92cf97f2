/**
 * The wizard's Review step through the built add-on, as the sidebar calls it: what it shows (the
 * last and next review, whether one is due in the spreadsheet's time zone, each transition's
 * change since the last review, the revenue's, the stages below target twice, progress to the
 * goal), Record the review in one call answered with the plan, a period reviewed twice asked
 * about, and the goal's cells written from step 1, on a map made before reviews too. The emulator's
 * clock puts the reviews a month apart; every figure is worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { createWorkbook, type FormulaSeparators } from '../../../emulator/index';
import type { ReviewResult, SaveResult, WizardState } from '../../../src/contract';
import { ROW } from '../../../src/core/map/layout';
import { BLOCK_FIRST_ROW, BLOCK_ROW } from '../../../src/core/review/block';
import { t } from '../../../src/core/words/i18n';
import { bootOf, openSpreadsheet, sessionOn, type Session } from '../../support/addon';
import { mapWithHistory } from '../../support/review';

const STAGE_COLS = ['C', 'D', 'E', 'F', 'G', 'H'];
const NBSP = '\u00a0';

/** The map's id, as its markers row names it. */
const idOf = (s: Session, sheet: string): string =>
  /([A-Z0-9]{4,12}) ·/.exec(String(s.wb.value(sheet, `A${ROW.footer}`)))?.[1] ?? '';

/** A map "Кофе" in a Russian spreadsheet, its funnel typed in the grid, the clock stopped. */
function coffee(s: Session = openSpreadsheet('ru_RU')) {
  s.wb.clock.set('2026-11-06T10:00:00Z');
  const sheet = s.newMap({ name: 'Кофе' });
  const mapId = idOf(s, sheet);
  const counts = (n: readonly number[]) => {
    for (const [i, v] of n.entries()) s.wb.setCell(sheet, `${STAGE_COLS[i]}${ROW.customers}`, v);
  };
  counts([1000, 400, 100, 60, 30, 20]);
  s.wb.setCell(sheet, `D${ROW.target}`, '60%');
  s.wb.setCell(sheet, `B${ROW.avgCheck}`, 2000);
  s.wb.setCell(sheet, `B${ROW.purchases}`, '1,5');
  s.select(sheet, 'C10');
  const call = <T>(name: string, req: object) => s.addon.callFromClient(name, req) as T;
  const load = (step: string) => call<WizardState>('loadStep', { mapId, step });
  /** Record the review from the Review step, its fields as loaded but for `edits`. */
  const record = (
    period: { from: string; to: string; note?: string },
    { edits = {}, sameSpan }: { edits?: object; sameSpan?: 'replace' | 'keep' } = {},
  ) => {
    const base = load('review').view!.values;
    return call<ReviewResult>('recordReviewFromWizard', {
      mapId,
      values: { ...base, ...edits },
      base,
      note: '',
      ...period,
      ...(sameSpan ? { sameSpan } : {}),
      next: 'plan',
    });
  };
  return { s, sheet, mapId, counts, call, load, record, history: `${sheet} · история` };
}

describe('the Review step', () => {
  it('records a review a month after the first, answers with the plan in the same call, and shows what moved, by hand', () => {
    const { s, sheet, counts, load, record, history } = coffee();
    // October's review from the menu on 6 November; the goal typed on the map
    s.wb.ui.answer({ button: 'OK', text: 'октябрь' });
    s.run('recordReview');
    s.wb.setCell(sheet, `B${BLOCK_ROW.revenueGoal}`, 600000);
    // a month later: more customers at every stage but the last two
    s.wb.clock.advance({ days: 30 });
    counts([1000, 500, 150, 90, 40, 25]);
    const before = load('review');
    expect(before.view?.due).toBe(t('ru', 'review.dueLine', { date: '06.12.2026' }));
    expect(before.view?.review?.span).toEqual({ from: '2026-11-01', to: '2026-11-30' });

    s.wb.calls.reset();
    const done = record(
      { from: '2026-11-01', to: '2026-11-30', note: 'ноябрь' },
      { edits: { 'side.goalDate': '2026-12-31' } },
    );
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    // one execution: the answer is the plan step, the review summed up in its notice
    expect(done.state.step).toBe('plan');
    expect(done.state.done).toContain('review');
    // November against October: revenue 150 × 2000 × 1,5 = 450 000 against 100 × 2000 × 1,5
    // = 300 000; 450 000 of the 600 000 goal is 75 %
    expect(done.state.notice).toContain(
      'Обзор за 01.11.2026 – 30.11.2026 записан на лист «Кофе · история». Следующий обзор: 06.01.2027.',
    );
    expect(done.state.notice).toContain(`Выручка с прошлого обзора: +150${NBSP}000.`);
    expect(done.state.notice).toContain('Выполнение цели по выручке: 75,0%.');
    expect(s.wb.value(history, 'D5')).toBe('ноябрь');
    expect(s.wb.value(sheet, `B${BLOCK_ROW.goalDate}`)).toEqual(new Date('2026-12-31T00:00:00Z'));
    expect(done.state.view?.due).toBeUndefined();

    const shown = load('review').view!.review!;
    expect(shown.due).toBe(false);
    expect(shown.lines).toEqual([
      'Последний обзор: 06.12.2026, за 01.11.2026 – 30.11.2026.',
      'Следующий обзор: 06.01.2027.',
      `Выручка с прошлого обзора: +150${NBSP}000${NBSP}₽.`,
      `Выручка по периодам, от раннего к последнему: 300${NBSP}000${NBSP}₽ → 450${NBSP}000${NBSP}₽.`,
      // the step into Активная оценка: 40 % in October, 50 % in November, under its 60 % target
      '⚠ Ниже цели два периода подряд: Активная оценка.',
      `Выполнение цели по выручке: 75,0% (450${NBSP}000${NBSP}₽ из 600${NBSP}000${NBSP}₽ к 31.12.2026).`,
    ]);
    // steps in points: 400/1000 → 500/1000, 100/400 → 150/500, 60/100 → 90/150,
    // 30/60 → 40/90 (−5,56), 20/30 → 25/40 (−4,17)
    expect(shown.stages.map((r) => [r.name, r.change, r.below])).toEqual([
      ['Активная оценка', '+10,0 п.п.', true],
      ['Сделка', '+5,0 п.п.', false],
      ['Пользовательский опыт', '+0,0 п.п.', false],
      ['Триггер', '−5,6 п.п.', false],
      ['Лояльность', '−4,2 п.п.', false],
    ]);
    expect(shown.stages.map((r) => r.trend)).toEqual(['▁█', '▁█', '▄▄', '█▁', '█▁']);
  });

  it('asks about a period that has a review already: nothing is written until the answer, then both are kept or the row replaced', () => {
    const { s, record, history } = coffee();
    const span = { from: '2026-10-01', to: '2026-10-31' };
    expect(record({ ...span, note: 'первый' }).ok).toBe(true);
    const asked = record({ ...span, note: 'второй' });
    expect(asked).toEqual({
      ok: false,
      ask: {
        question:
          'За период 01.10.2026 – 31.10.2026 обзор уже записан (строка 4 листа «Кофе · история»). Заменить ту строку или оставить оба (новый будет помечен)?',
      },
    });
    expect(s.wb.value(history, 'D5')).toBe('');
    expect(record({ ...span, note: 'второй' }, { sameSpan: 'keep' }).ok).toBe(true);
    expect([s.wb.value(history, 'D4'), s.wb.value(history, 'D5')]).toEqual(['первый', 'второй']);
    expect(s.wb.value(history, 'G5')).toBe(t('ru', 'history.again'));
    expect(record({ ...span, note: 'третий' }, { sameSpan: 'replace' }).ok).toBe(true);
    expect([s.wb.value(history, 'D5'), s.wb.value(history, 'D6')]).toEqual(['третий', '']);
  });

  it('refuses a period without its days or ending before it starts, and a goal that is no number, in words, recording nothing', () => {
    const { s, record, history, sheet } = coffee();
    const bad = record({ from: '2026-10-31', to: '2026-10-01' });
    expect(bad).toEqual({ ok: false, fieldErrors: { 'review.to': t('ru', 'review.badSpan') } });
    const goal = record(
      { from: '2026-10-01', to: '2026-10-31' },
      { edits: { 'side.revenueGoal': 'много' } },
    );
    expect(goal.ok).toBe(false);
    expect(goal).toHaveProperty(['fieldErrors', 'side.revenueGoal']);
    expect(s.wb.sheetNames()).not.toContain(history);
    expect(s.wb.value(sheet, `B${ROW.reviewed}`)).toBe('');
  });
});

describe('the review reminder', () => {
  it('says a review is due once its day has come in the spreadsheet’s time zone, not in UTC', () => {
    const wb = createWorkbook({ locale: 'en_US', timeZone: 'Asia/Vladivostok' });
    const s = sessionOn(wb);
    const sheet = s.newMap({ name: 'Tea' });
    const mapId = idOf(s, sheet);
    s.wb.setCell(sheet, `B${ROW.nextReview}`, '2026-12-06');
    const load = () => s.addon.callFromClient('loadStep', { mapId, step: 'goal' }) as WizardState;
    // 5 December, 20:00 in UTC is 6 December, 06:00 in Vladivostok: the review is due there
    wb.clock.set('2026-12-05T13:00:00Z');
    expect(load().view?.due).toBeUndefined();
    wb.clock.set('2026-12-05T20:00:00Z');
    expect(load().view?.due).toBe(
      'A review of this map is due: the next review was set for 2026-12-06.',
    );
  });
});

describe('the goal and its date from step 1', () => {
  const goalStep = (s: Session, mapId: string, edits: object) => {
    const view = (s.addon.callFromClient('loadStep', { mapId, step: 'goal' }) as WizardState).view!;
    return s.addon.callFromClient('saveStep', {
      mapId,
      step: 'goal',
      values: { ...view.values, ...edits },
      base: view.values,
      stages: view.stages.map(({ id, name }) => ({ id, name })),
    }) as SaveResult;
  };

  it.each<FormulaSeparators>(['comma', 'locale'])(
    'a map made before reviews gets its review block with the first save, a user’s cells under it kept whole (%s syntax)',
    (formulaSeparators) => {
      const s = sessionOn(createWorkbook({ locale: 'ru_RU', formulaSeparators }));
      const sheet = s.newMap({ name: 'Чай' });
      const mapId = idOf(s, sheet);
      // a map of today's template has no block; a note of the user's stands where it would go
      for (const [i, n] of [1000, 400, 100, 60, 30, 20].entries())
        s.wb.setCell(sheet, `${STAGE_COLS[i]}${ROW.customers}`, n);
      s.wb.setCell(sheet, `B${ROW.avgCheck}`, 2000);
      s.wb.setCell(sheet, `B${ROW.purchases}`, 1);
      const noteRow = BLOCK_ROW.revenueGoal;
      s.wb.setCell(sheet, `B${noteRow}`, 'заметка пользователя');
      s.wb.setCell(sheet, 'A60', 'ниже всего');
      const saved = goalStep(s, mapId, {
        'side.revenueGoal': 400000,
        'side.goalDate': '2026-12-31',
      });
      expect(saved.ok).toBe(true);
      const rows = BLOCK_ROW.trendAlert - BLOCK_FIRST_ROW + 2;
      // the user's cells moved down whole, by the rows the block took; none written over
      expect(s.wb.value(sheet, `B${noteRow + rows}`)).toBe('заметка пользователя');
      expect(s.wb.value(sheet, `A${60 + rows}`)).toBe('ниже всего');
      expect(s.wb.value(sheet, `B${BLOCK_ROW.revenueGoal}`)).toBe(400000);
      expect(s.wb.value(sheet, `B${BLOCK_ROW.goalDate}`)).toEqual(new Date('2026-12-31T00:00:00Z'));
      expect(s.wb.value(sheet, `B${BLOCK_ROW.cadence}`)).toBe('ежемесячно');
      // revenue 100 × 2000 × 1 = 200 000 of 400 000: the block's formula computes it
      expect(s.wb.value(sheet, `B${BLOCK_ROW.goalProgress}`)).toBeCloseTo(0.5, 9);
      if (!saved.ok) return;
      expect(saved.state.notice).toBe(t('ru', 'review.blockInserted', { n: rows }));
      expect(saved.state.view?.values['side.revenueGoal']).toBe(400000);
      // a second save writes the goal's cell alone
      expect(goalStep(s, mapId, { 'side.revenueGoal': 500000 }).ok).toBe(true);
      expect(s.wb.value(sheet, `B${BLOCK_ROW.revenueGoal}`)).toBe(500000);
      expect(s.wb.value(sheet, `B${noteRow + rows}`)).toBe('заметка пользователя');
    },
  );

  it.each([false, true])(
    'the block drawn under an older map’s footer is not in the footer’s white 6 pt, and its progress computes (plainTextProtects: %s)',
    (plainTextProtects) => {
      const s = sessionOn(createWorkbook({ locale: 'en_US', plainTextProtects }));
      const sheet = s.newMap({ name: 'Tea' });
      s.wb.setCell(sheet, `B${ROW.revenue}`, 100);
      s.wb.setCell(sheet, `B${BLOCK_ROW.revenueGoal}`, 'my note');
      expect(goalStep(s, idOf(s, sheet), { 'side.revenueGoal': 400 }).ok).toBe(true);
      const look = (a1: string) => s.wb.snapshot(sheet).cells.find((c) => c.a1 === a1)?.attrs ?? {};
      for (const key of ['revenueGoal', 'goalProgress'] as const) {
        const a1 = `B${BLOCK_ROW[key]}`;
        expect(look(a1).fontColor, a1).not.toBe('#ffffff');
        expect(look(a1).fontSize, a1).not.toBe(6);
        expect(look(`A${BLOCK_ROW[key]}`).fontColor).not.toBe('#ffffff');
      }
      // revenue 100 of a goal of 400
      expect(s.wb.value(sheet, `B${BLOCK_ROW.goalProgress}`)).toBe(0.25);
    },
  );

  it('a goal typed in the sheet after the step was loaded is asked about, not written over', () => {
    const { s, sheet, mapId } = coffee(openSpreadsheet('en_US'));
    s.wb.ui.answer({ button: 'OK', text: '' });
    s.run('recordReview');
    const view = (s.addon.callFromClient('loadStep', { mapId, step: 'goal' }) as WizardState).view!;
    s.wb.setCell(sheet, `B${BLOCK_ROW.revenueGoal}`, 700000);
    const saved = s.addon.callFromClient('saveStep', {
      mapId,
      step: 'goal',
      values: { ...view.values, 'side.revenueGoal': 650000 },
      base: view.values,
      stages: view.stages.map(({ id, name }) => ({ id, name })),
    }) as SaveResult;
    expect(saved).toEqual({
      ok: false,
      conflicts: [{ id: 'side.revenueGoal', label: 'Revenue goal', sheet: 700000, yours: 650000 }],
    });
    expect(s.wb.value(sheet, `B${BLOCK_ROW.revenueGoal}`)).toBe(700000);
  });
});

describe('the Review step at 40 stages and 120 periods', () => {
  it('opens on it reading the history’s header rows, date columns and last six periods only, the latest by date wherever their rows are', () => {
    const m = mapWithHistory(40, 120);
    const { s, sheet, history } = m;
    const mapId = idOf(s, sheet);
    s.addon.callFromClient('loadStep', { mapId, step: 'review' });
    s.wb.calls.reset();
    s.run('showWizard');
    const boot = bootOf(s.wb.ui.surfaces.at(-1)?.html ?? '');
    // 3 header rows × 127 columns, 3 date columns × 120 periods, 6 periods × 127 columns
    expect(s.wb.calls.cellsReadBySheet[history]).toBe(3 * 127 + 3 * 120 + 6 * 127);
    expect(s.wb.calls.cellsReadBySheet[history]).toBeLessThanOrEqual(2000);
    if (boot?.view !== 'wizard') throw new Error('no wizard');
    const review = boot.state.view?.review;
    // the review recorded today is row 4, the pasted months run back from October below it:
    // the six latest are rows 4 to 9, drawn oldest first, each a uniform 0,1 % below the next
    expect(review?.stages).toHaveLength(39);
    expect(review?.stages.every((r) => r.change === '+0.0 pp' && r.trend === '▄▄▄▄▄▄')).toBe(true);
    const series = review?.lines.find((l) => l.startsWith('Revenue by period'));
    expect(series?.split(' → ')).toHaveLength(6);
    const day = (a1: string) => (s.wb.value(history, a1) as Date).toISOString().slice(0, 10);
    expect(review?.lines[0]).toMatch(new RegExp(`, for ${day('A4')} – ${day('B4')}\\.$`));
  });
});

describe('the review block on a map made before reviews, from the menu', () => {
  it('a user’s note where the goal goes moves down whole and the goal’s cell stays empty', () => {
    const s = openSpreadsheet('en_US');
    const sheet = s.newMap({ name: 'Tea' });
    s.wb.setCell(sheet, `B${BLOCK_ROW.revenueGoal}`, 'my note');
    s.select(sheet, 'C10');
    s.wb.ui.answer({ button: 'OK', text: '' });
    s.run('recordReview');
    const rows = BLOCK_ROW.trendAlert - BLOCK_FIRST_ROW + 2;
    expect(s.wb.value(sheet, `B${BLOCK_ROW.revenueGoal + rows}`)).toBe('my note');
    expect(s.wb.value(sheet, `B${BLOCK_ROW.revenueGoal}`)).toBe('');
    expect(s.wb.value(sheet, `B${BLOCK_ROW.cadence}`)).toBe('monthly');
  });
});

describe('the Review step of a map with no review yet, in English', () => {
  it('says there is none, what two reviews will show, and asks for a goal; the period is last month', () => {
    const s = openSpreadsheet('en_US');
    s.wb.clock.set('2026-03-15T09:00:00Z');
    const sheet = s.newMap({ name: 'Tea' });
    const state = s.addon.callFromClient('loadStep', {
      mapId: idOf(s, sheet),
      step: 'review',
    }) as WizardState;
    expect(state.view?.review).toMatchObject({
      lines: [
        'No review recorded yet: record the first one below.',
        'Record two reviews to see the change since the last one.',
        'Set a revenue goal to see progress to it.',
      ],
      due: false,
      stages: [],
      span: { from: '2026-02-01', to: '2026-02-28' },
    });
    expect(state.view?.sideFields.map((f) => [f.label, f.kind])).toEqual([
      ['Revenue goal', 'money'],
      ['Goal date', 'date'],
      ['Review cadence', 'select'],
    ]);
    expect(state.view?.sideFields[2]?.options).toEqual(['weekly', 'monthly', 'quarterly']);
    expect(state.view?.help).toBe(t('en', 'stepHelp.review'));
  });
});

describe('a review block a user moved', () => {
  it('is neither read nor written anew: a save of the goal says where it is and how to put it back', () => {
    const s = openSpreadsheet('en_US');
    const sheet = s.newMap({ name: 'Tea' });
    const mapId = idOf(s, sheet);
    const goal = (n: number) => {
      const view = (s.addon.callFromClient('loadStep', { mapId, step: 'review' }) as WizardState)
        .view!;
      return () =>
        s.addon.callFromClient('saveStep', {
          mapId,
          step: 'review',
          values: { ...view.values, 'side.revenueGoal': n },
          base: view.values,
          stages: view.stages.map(({ id, name }) => ({ id, name })),
        });
    };
    expect((goal(300000)() as SaveResult).ok).toBe(true);
    // a row inserted between the map's last row and its review rows moves them down one
    s.wb.insertRows(sheet, ROW.footer + 1);
    const save = goal(400000);
    expect(save).toThrow(
      t('en', 'review.blockMoved', {
        row: BLOCK_ROW.reviewSection + 1,
        home: BLOCK_ROW.reviewSection,
      }),
    );
    // nothing written: the block where the user moved it, no second one made
    expect(s.wb.value(sheet, `B${BLOCK_ROW.reviewSection + 1}`)).toBe('CJM reviews');
    expect(s.wb.value(sheet, `B${BLOCK_ROW.revenueGoal + 1}`)).toBe(300000);
    expect(s.wb.value(sheet, `B${BLOCK_ROW.reviewSection}`)).toBe('');
    // the menu's review says the same, before it asks for a note
    s.select(sheet, 'C10');
    const asked = s.wb.ui.requests.length;
    s.run('recordReview');
    expect(s.wb.ui.requests.slice(asked).map((r) => r.request.prompt)).toEqual([
      t('en', 'review.blockMoved', { row: 56, home: 55 }),
    ]);
    expect(s.wb.sheetNames()).not.toContain('Tea · history');
  });

  it('its first row deleted (the marker with it): the review says where the goal went, and adds no second block', () => {
    const s = openSpreadsheet('en_US');
    const sheet = s.newMap({ name: 'Tea' });
    s.select(sheet, 'C10');
    s.wb.ui.answer({ button: 'OK', text: '' });
    s.run('recordReview');
    s.wb.setCell(sheet, `B${BLOCK_ROW.revenueGoal}`, 0);
    s.wb.spreadsheet.getSheetByName(sheet)!.deleteRow(BLOCK_ROW.reviewSection);
    const asked = s.wb.ui.requests.length;
    s.run('recordReview');
    expect(s.wb.ui.requests.slice(asked).map((r) => r.request.prompt)).toEqual([
      t('en', 'review.blockMoved', { row: 55, home: 55 }),
    ]);
    // the goal stays where the deletion moved it, and nothing was inserted above it
    expect(s.wb.value(sheet, `A${BLOCK_ROW.revenueGoal - 1}`)).toBe('Revenue goal');
    expect(s.wb.value(sheet, `B${BLOCK_ROW.revenueGoal - 1}`)).toBe(0);
  });
});
