/**
 * Record a review from the menu, run on the emulator straight from src/server/review.ts: the
 * note asked for, the period kept in the history sheet, the review dates moved on, the block
 * written, and what the user is told (the notice, or the refusal and nothing written).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

import { recordReviewFromMenu } from '../../../src/server/review';
import { emulated } from '../emulated';
import { newMap, setToday } from './fixtures';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const HISTORY = 'Coffee · history';
const iso = (v: unknown) =>
  v instanceof Date ? v.toISOString().slice(0, 10) : `not a date: ${String(v)}`;

/**
 * An English map "Coffee" (the six checklist stages: Initial consideration, Active evaluation,
 * Purchase…) with the funnel 1000 → 400 → 100 → 60 → 30 → 20, a 30 % target into Purchase (E),
 * P 2 000 and Q 1.5: revenue 100 × 2 000 × 1.5 = 300 000. Today is 6 December 2026.
 */
function coffee(lang: 'en' | 'ru' = 'en') {
  const e = emulated(lang === 'ru' ? { locale: 'ru_RU' } : {});
  setToday(e.wb, '2026-12-06');
  newMap(lang === 'ru' ? 'ru_RU' : 'en_US', { name: 'Coffee' });
  for (const [i, n] of [1000, 400, 100, 60, 30, 20].entries())
    e.wb.setCell('Coffee', `${'CDEFGH'[i]}25`, n);
  e.wb.setCell('Coffee', 'E26', '30%');
  e.wb.setCell('Coffee', 'B27', 2000);
  e.wb.setCell('Coffee', 'B28', lang === 'ru' ? '1,5' : 1.5);
  e.wb.range('Coffee', 'C10').activate();
  // a message box is closed with OK unless a test scripts another answer
  e.wb.ui.responder = () => 'OK';
  /** Runs the menu command, the note prompt answered with OK and `note`, then `more` answers. */
  const review = (note = '', ...more: ('YES' | 'NO' | 'CANCEL')[]) => {
    e.wb.ui.answer({ button: 'OK', text: note }, ...more);
    recordReviewFromMenu();
  };
  const prompts = () => e.wb.ui.requests.map((r) => String(r.request.prompt));
  const toasts = () => e.wb.ui.toasts.map((t) => t.message);
  return { ...e, review, prompts, toasts };
}

describe('Record a review from the menu', () => {
  it('asks for a note naming the map and November, and keeps the figures as row 4 of a new history sheet', () => {
    const { wb, review, prompts } = coffee();
    review('after the promo');
    expect(prompts()).toEqual([
      'Review of “Coffee” for 2026-11-01 – 2026-11-30. A one-line note for this period (optional):',
    ]);
    expect(wb.ui.requests[0]?.request.buttons).toBe('OK_CANCEL');
    expect(wb.sheetNames()).toEqual(['Sheet1', 'Coffee', HISTORY]);
    expect(iso(wb.value(HISTORY, 'A4'))).toBe('2026-11-01');
    expect(iso(wb.value(HISTORY, 'B4'))).toBe('2026-11-30');
    expect(iso(wb.value(HISTORY, 'C4'))).toBe('2026-12-06');
    expect(wb.values(HISTORY, 'D4:M4')).toEqual([
      ['after the promo', 2000, 1.5, '', 1000, 400, 100, 60, 30, 20],
    ]);
    expect(wb.value(HISTORY, 'P4')).toBeCloseTo(0.3, 9);
    expect(wb.value(HISTORY, 'A5')).toBe('');
  });

  it('moves the review dates on: reviewed today, the next review a month later', () => {
    const { wb, review } = coffee();
    const stamp = () => wb.properties.document.data.get('cjm.maps.changed');
    const before = stamp();
    review();
    // an open wizard sees the maps changed and reloads
    expect(stamp()).not.toBe(before);
    expect(iso(wb.value('Coffee', 'B7'))).toBe('2026-12-06');
    expect(iso(wb.value('Coffee', 'B8'))).toBe('2027-01-06');
  });

  it('says where the review went and when the next one is, for 15 seconds under the menu’s name', () => {
    const { wb, review } = coffee();
    review();
    expect(wb.ui.toasts).toEqual([
      {
        message:
          'Review recorded for 2026-11-01 – 2026-11-30 in “Coffee · history”. Next review: 2027-01-06.',
        title: 'Record a review…',
        timeoutSeconds: 15,
      },
    ]);
  });

  it('writes the review block under the map the first time: its labels, the monthly cadence, the trend hint', () => {
    const { wb, review } = coffee();
    review();
    expect(wb.values('Coffee', 'A55:B63')).toEqual([
      ['Reviews and goal', 'CJM reviews'],
      ['Revenue goal', ''],
      ['Goal date', ''],
      ['Review cadence', 'monthly'],
      ['Progress to the goal', ''],
      ['Step the weakest transition needs for the goal', ''],
      [
        'Trend: step conversion (B: revenue)',
        'Record two reviews to see trends: Extensions → CJM → Record a review.',
      ],
      ['Change since the last review', ''],
      ['Below target twice', '⚠ marks a stage below its target two periods running'],
    ]);
  });

  it('remembers the formula syntax its block’s formulas took, when none was known', () => {
    // a decimal-comma locale may take ";" or "," between arguments: the first write finds out
    const { wb, review } = coffee('ru');
    wb.properties.document.data.delete('cjm.formulaDialect');
    review();
    // this spreadsheet takes commas, as the emulator's do unless told: the next command need not try
    expect(wb.properties.document.data.get('cjm.formulaDialect')).toBe('ru_RU:comma');
  });

  it('keeps the note on one line: line breaks and tabs become spaces, the ends trimmed', () => {
    const { wb, review } = coffee();
    review('  promo\r\nweek\tone  ');
    expect(wb.value(HISTORY, 'D4')).toBe('promo week one');
  });

  it('records nothing when the note is cancelled', () => {
    const { wb } = coffee();
    wb.ui.answer({ button: 'CANCEL', text: 'never mind' });
    recordReviewFromMenu();
    expect(wb.sheetNames()).toEqual(['Sheet1', 'Coffee']);
    expect(wb.value('Coffee', 'B7')).toBe('');
    expect(wb.value('Coffee', 'A55')).toBe('');
    expect(wb.ui.toasts).toEqual([]);
  });

  it('names the map by its sheet in the prompt when its name cell is blank', () => {
    const { wb, review, prompts } = coffee();
    wb.setCell('Coffee', 'B1', '');
    review();
    expect(prompts()[0]).toBe(
      'Review of “Coffee” for 2026-11-01 – 2026-11-30. A one-line note for this period (optional):',
    );
    wb.renameSheet('Coffee', 'Beans');
    review('', 'NO');
    expect(prompts()[1]).toBe(
      'Review of “Beans” for 2026-11-01 – 2026-11-30. A one-line note for this period (optional):',
    );
  });

  it('names the map by its title when it has one, whatever its sheet is called', () => {
    const { wb, review, prompts } = coffee();
    wb.setCell('Coffee', 'B1', 'Espresso bar');
    review();
    expect(prompts()[0]).toBe(
      'Review of “Espresso bar” for 2026-11-01 – 2026-11-30. A one-line note for this period (optional):',
    );
  });

  it('a weekly cadence looks back at last Monday to Sunday, and the next review is a week on', () => {
    const { wb, review } = coffee();
    setToday(wb, '2026-12-09'); // a Wednesday
    review();
    wb.setCell('Coffee', 'B58', 'weekly');
    setToday(wb, '2026-12-16');
    review('week two');
    expect(iso(wb.value(HISTORY, 'A5'))).toBe('2026-12-07');
    expect(iso(wb.value(HISTORY, 'B5'))).toBe('2026-12-13');
    expect(iso(wb.value('Coffee', 'B8'))).toBe('2026-12-23');
    expect(wb.ui.toasts.at(-1)?.message).toMatch(
      /^Review recorded for 2026-12-07 – 2026-12-13 in “Coffee · history”\. Next review: 2026-12-23\./,
    );
  });
});

describe('a period that has a review already', () => {
  it('asks whether to replace it, naming the period, its row and the history sheet', () => {
    const { wb, review, prompts } = coffee();
    review('first');
    review('second', 'CANCEL');
    expect(prompts()[2]).toBe(
      'The period 2026-11-01 – 2026-11-30 already has a review (row 4 of “Coffee · history”). Replace it? Yes replaces that row; No keeps both, the new one marked.',
    );
    expect(wb.ui.requests[2]?.request.buttons).toBe('YES_NO_CANCEL');
  });

  it('Yes replaces that row with the map as it is now', () => {
    const { wb, review } = coffee();
    review('first');
    wb.setCell('Coffee', 'B27', 1800);
    review('second', 'YES');
    expect(wb.values(HISTORY, 'D4:G4')).toEqual([['second', 1800, 1.5, '']]);
    expect(wb.value(HISTORY, 'A5')).toBe('');
    expect(wb.ui.toasts).toHaveLength(2);
  });

  it('No keeps both, the new one marked as a second review of the period', () => {
    const { wb, review } = coffee();
    review('first');
    review('second', 'NO');
    expect(wb.values(HISTORY, 'D4:G5')).toEqual([
      ['first', 2000, 1.5, ''],
      ['second', 2000, 1.5, 'second review of this period'],
    ]);
  });

  it('Cancel records nothing and says nothing more', () => {
    const { wb, review } = coffee();
    review('first');
    setToday(wb, '2026-12-20');
    review('second', 'CANCEL');
    expect(wb.value(HISTORY, 'D4')).toBe('first');
    expect(wb.value(HISTORY, 'A5')).toBe('');
    expect(iso(wb.value('Coffee', 'B7'))).toBe('2026-12-06');
    expect(wb.ui.toasts).toHaveLength(1);
  });

  it('is not asked about a period of another month', () => {
    const { wb, review, prompts } = coffee();
    review('November');
    setToday(wb, '2027-01-06');
    review('December');
    expect(prompts()).toHaveLength(2);
    expect(iso(wb.value(HISTORY, 'A5'))).toBe('2026-12-01');
    expect(wb.value(HISTORY, 'D5')).toBe('December');
    expect(wb.value(HISTORY, 'G5')).toBe('');
  });
});

describe('what the review shows at once', () => {
  it('the revenue’s fall since the last review, progress to the goal, and the stages below their targets twice', () => {
    const { wb, review, toasts } = coffee();
    wb.setCell('Coffee', 'D26', '50%'); // Active evaluation: 400/1000 = 40 % under 50 % both months
    review();
    setToday(wb, '2027-01-06');
    wb.setCell('Coffee', 'B56', 400000);
    wb.setCell('Coffee', 'B27', 1800); // 100 × 1 800 × 1.5 = 270 000: 30 000 less
    review();
    // 270 000 of 400 000 = 67.5 %; Purchase 100/400 = 25 % under its 30 % both months
    expect(toasts()[1]).toBe(
      'Review recorded for 2026-12-01 – 2026-12-31 in “Coffee · history”. Next review: 2027-02-06.' +
        ' Revenue since the last review: −30,000.' +
        ' Progress to the revenue goal: 67.5%.' +
        ' ⚠ Below target two periods running: Active evaluation, Purchase.',
    );
  });

  it('a rise is signed +, and no goal and no stage below target say nothing', () => {
    const { wb, review, toasts } = coffee();
    wb.setCell('Coffee', 'E26', '');
    review();
    setToday(wb, '2027-01-06');
    wb.setCell('Coffee', 'B27', 2100); // 100 × 2 100 × 1.5 = 315 000: 15 000 more
    review();
    expect(toasts()[1]).toBe(
      'Review recorded for 2026-12-01 – 2026-12-31 in “Coffee · history”. Next review: 2027-02-06.' +
        ' Revenue since the last review: +15,000.',
    );
  });

  it('an unchanged revenue is +0, and a goal of 0 shows no progress', () => {
    const { wb, review, toasts } = coffee();
    wb.setCell('Coffee', 'E26', '');
    review();
    setToday(wb, '2027-01-06');
    wb.setCell('Coffee', 'B56', 0);
    review();
    expect(toasts()[1]).toBe(
      'Review recorded for 2026-12-01 – 2026-12-31 in “Coffee · history”. Next review: 2027-02-06.' +
        ' Revenue since the last review: +0.',
    );
  });

  it('progress shows from the first review, the revenue of this one against the goal', () => {
    const { wb, review, toasts } = coffee();
    wb.setCell('Coffee', 'E26', '');
    review();
    wb.setCell('Coffee', 'B56', 600000);
    review('', 'YES');
    expect(toasts()[1]).toBe(
      'Review recorded for 2026-11-01 – 2026-11-30 in “Coffee · history”. Next review: 2027-01-06.' +
        ' Progress to the revenue goal: 50.0%.',
    );
  });

  it('a replaced period counts once: the change is against the month before, not the row replaced', () => {
    const { wb, review, toasts } = coffee();
    wb.setCell('Coffee', 'E26', '');
    review();
    setToday(wb, '2027-01-06');
    wb.setCell('Coffee', 'B27', 2200); // 330 000
    review();
    wb.setCell('Coffee', 'B27', 2400); // 360 000, replacing December: +60 000 on November
    review('', 'YES');
    expect(toasts()[2]).toBe(
      'Review recorded for 2026-12-01 – 2026-12-31 in “Coffee · history”. Next review: 2027-02-06.' +
        ' Revenue since the last review: +60,000.',
    );
  });

  it('names the history’s unreadable cells, which count as blank', () => {
    const { wb, review, toasts } = coffee();
    wb.setCell('Coffee', 'E26', '');
    review();
    wb.setCell(HISTORY, 'T4', "'n/a");
    review('', 'YES');
    expect(toasts()[1]).toBe(
      'Review recorded for 2026-11-01 – 2026-11-30 in “Coffee · history”. Next review: 2027-01-06.' +
        ' The history has cells the add-on cannot read, so they count as blank: T4: “n/a” is not a score from 1 to 5. Fix them in the sheet “Coffee · history”.',
    );
  });

  it('speaks the map’s language: Russian dates, sheet and numbers', () => {
    const { wb, review, toasts } = coffee('ru');
    review();
    setToday(wb, '2027-01-06');
    wb.setCell('Coffee', 'B27', 1800);
    review();
    expect(toasts()[1]).toBe(
      'Обзор за 01.12.2026 – 31.12.2026 записан на лист «Coffee · история». Следующий обзор: 06.02.2027.' +
        ' Выручка с прошлого обзора: −30\u00a0000.' +
        ' ⚠ Ниже цели два периода подряд: Сделка.',
    );
    expect(wb.ui.toasts[1]?.title).toBe('Провести обзор…');
  });
});

describe('a review that cannot be recorded', () => {
  it('a cadence that is none: names the cell, records nothing', () => {
    const { wb, review, prompts } = coffee();
    review();
    wb.setCell('Coffee', 'B58', 'yearly');
    recordReviewFromMenu();
    expect(prompts()[1]).toBe(
      'The review cadence “yearly” (cell B58) is not weekly, monthly or quarterly. Pick one from its dropdown and record the review again. Nothing was recorded.',
    );
    expect(wb.value(HISTORY, 'A5')).toBe('');
    expect(wb.ui.toasts).toHaveLength(1);
  });

  it('a goal that is no amount: names the cell, records nothing', () => {
    const { wb, review, prompts } = coffee();
    review();
    wb.setCell('Coffee', 'B56', 'a lot');
    recordReviewFromMenu();
    expect(prompts()[1]).toBe(
      'The revenue goal “a lot” (cell B56) is not an amount of money. Type a number (or clear the cell) and record the review again. Nothing was recorded.',
    );
    expect(wb.ui.toasts).toHaveLength(1);
  });

  it('a quarterly cadence typed in capitals is taken, and so is a goal of 250 000', () => {
    const { wb, review, prompts } = coffee();
    review();
    wb.setCell('Coffee', 'B58', 'QUARTERLY');
    wb.setCell('Coffee', 'B56', 250000);
    setToday(wb, '2027-01-06');
    review();
    expect(prompts()).toHaveLength(2);
    // the last whole quarter before 6 January: October to December
    expect(iso(wb.value(HISTORY, 'A5'))).toBe('2026-10-01');
    expect(iso(wb.value(HISTORY, 'B5'))).toBe('2026-12-31');
    expect(iso(wb.value('Coffee', 'B8'))).toBe('2027-04-06');
  });

  it('a block moved down by an inserted row: asks to move it back, records nothing', () => {
    const { wb, review, prompts } = coffee();
    review();
    wb.insertRows('Coffee', 54);
    recordReviewFromMenu();
    expect(prompts()).toHaveLength(2);
    expect(prompts()[1]).toBe(
      'The map’s review rows (its goal, cadence and trends) are no longer where the add-on wrote them, from row 55: rows were inserted or deleted between the map and them, or among them (see row 56). Put them back (Edit → Undo, or delete the rows added), then try again. Nothing was saved.',
    );
    expect(wb.value(HISTORY, 'A5')).toBe('');
  });

  it('a history that lost its markers row: refused, nothing written anywhere', () => {
    const { wb, review, prompts } = coffee();
    review('first');
    setToday(wb, '2027-01-06');
    wb.deleteRows(HISTORY, 3);
    review('second');
    expect(prompts()[2]).toBe(
      'The history sheet “Coffee · history” has lost its row 3 (the markers that tell its columns apart), so a review cannot be added to it safely. Bring row 3 back (Edit → Undo, or File → Version history) and record the review again. Nothing was recorded.',
    );
    expect(iso(wb.value('Coffee', 'B7'))).toBe('2026-12-06');
    expect(wb.ui.toasts).toHaveLength(1);
  });

  it('a history sheet emptied of everything, markers and all, is written into again', () => {
    const { wb, review } = coffee();
    review('first');
    wb.spreadsheet.getSheetByName(HISTORY)?.getDataRange().clearContent();
    setToday(wb, '2027-01-06');
    review('again');
    expect(wb.ui.toasts).toHaveLength(2);
    expect(iso(wb.value('Coffee', 'B7'))).toBe('2027-01-06');
  });

  it('a colleague’s change still running: told to wait, nothing written', () => {
    const { wb, review, prompts } = coffee();
    wb.lock.holdByOther();
    review('first');
    expect(prompts()[1]).toBe(
      'Another change to this spreadsheet is still running. Wait a few seconds and try again.',
    );
    expect(wb.sheetNames()).toEqual(['Sheet1', 'Coffee']);
    expect(wb.ui.toasts).toEqual([]);
  });

  it('a sheet that is no map: said so, nothing asked', () => {
    const { wb, prompts } = coffee();
    wb.range('Sheet1', 'A1').activate();
    recordReviewFromMenu();
    expect(prompts()).toEqual([
      'This sheet is not a CJM map. Select a cell in a map sheet, or create one with Extensions → CJM → New map.',
    ]);
  });
});

describe('the user’s cells where the block goes', () => {
  it('notes under the footer move down whole, and the notice says so', () => {
    const { wb, review, toasts } = coffee();
    wb.setCell('Coffee', 'B56', "'my note");
    wb.setCell('Coffee', 'D58', 'keep me');
    review();
    expect(wb.value('Coffee', 'B66')).toBe('my note');
    expect(wb.value('Coffee', 'D68')).toBe('keep me');
    expect(wb.values('Coffee', 'A56:B58')).toEqual([
      ['Revenue goal', ''],
      ['Goal date', ''],
      ['Review cadence', 'monthly'],
    ]);
    expect(toasts()[0]).toBe(
      'Review recorded for 2026-11-01 – 2026-11-30 in “Coffee · history”. Next review: 2027-01-06.' +
        ' The map took its review rows under the footer; your cells that were there moved down 10 rows, nothing was lost.',
    );
  });

  it('a later review keeps the goal, the cadence and notes beside the block as the user left them', () => {
    const { wb, review } = coffee();
    review();
    wb.setCell('Coffee', 'B56', '=300000*2');
    wb.setCell('Coffee', 'B58', 'Monthly');
    wb.setCell('Coffee', 'D56', 'agree with sales');
    review('', 'YES');
    expect(wb.formula('Coffee', 'B56')).toBe('=300000*2');
    expect(wb.value('Coffee', 'B58')).toBe('Monthly');
    expect(wb.value('Coffee', 'D56')).toBe('agree with sales');
    expect(wb.value('Coffee', 'A56')).toBe('Revenue goal');
  });

  it('a later review draws the block’s own cells again', () => {
    const { wb, review } = coffee();
    review();
    wb.setCell('Coffee', 'B61', 'x');
    wb.setCell('Coffee', 'B63', 'y');
    review('', 'YES');
    expect(wb.value('Coffee', 'B61')).toBe(
      'Record two reviews to see trends: Extensions → CJM → Record a review.',
    );
    expect(wb.value('Coffee', 'B63')).toBe('⚠ marks a stage below its target two periods running');
  });
});
