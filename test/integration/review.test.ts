/**
 * Record a review, through the built add-on: the map's figures kept as a dated period in its
 * history sheet, the review dates moved on, and the review block under the map computing the
 * trend, the change since the last review, the ⚠ of a stage below target twice, and progress to
 * the goal. Expected figures are worked out by hand in each test.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { workbookToXlsx } from '../../xlsx-export/xlsx';
import { parseStageMarker, ROW } from '../../src/core/map/layout';
import { BLOCK_ROW } from '../../src/core/review/block';
import { createWorkbook } from '../../emulator/index';
import { openSpreadsheet, sessionOn } from '../support/addon';

const STAGE_COLS = ['C', 'D', 'E', 'F', 'G', 'H'];
const today = new Date();

/** A Russian map "Кофе" with a funnel 1000 → 400 → 100 → 60 → 30 → 20, P 2000, Q 1,5. */
function coffee() {
  const s = openSpreadsheet('ru_RU');
  const sheet = s.newMap({ name: 'Кофе' });
  for (const [i, n] of [1000, 400, 100, 60, 30, 20].entries())
    s.wb.setCell(sheet, `${STAGE_COLS[i]}${ROW.customers}`, n);
  s.wb.setCell(sheet, `E${ROW.target}`, '30%');
  s.wb.setCell(sheet, `B${ROW.avgCheck}`, 2000);
  s.wb.setCell(sheet, `B${ROW.purchases}`, '1,5');
  s.select(sheet, 'C10');
  return { s, sheet, history: `${sheet} · история` };
}

const iso = (v: unknown) =>
  v instanceof Date ? v.toISOString().slice(0, 10) : `not a date: ${String(v)}`;

describe('Record a review', () => {
  it('keeps the map’s figures as a period of the month before, and moves the review dates on', () => {
    const { s, sheet, history } = coffee();
    s.wb.ui.answer({ button: 'OK', text: 'первый обзор' });
    s.run('recordReview');
    expect(s.wb.sheetNames()).toContain(history);
    expect(s.wb.model.active.name).toBe(sheet);
    // row 2 names today's stages, row 4 is the period
    expect(s.wb.value(history, 'H2')).toBe('Первичное осмысление');
    expect(s.wb.value(history, 'D4')).toBe('первый обзор');
    expect(s.wb.value(history, 'E4')).toBe(2000);
    expect(s.wb.value(history, 'F4')).toBe(1.5);
    expect(['H4', 'I4', 'J4', 'K4', 'L4', 'M4'].map((c) => s.wb.value(history, c))).toEqual([
      1000, 400, 100, 60, 30, 20,
    ]);
    // the month before today, whatever today is
    const y = today.getUTCFullYear();
    const m = today.getUTCMonth();
    // the first and the last day of the month before this one
    const first = new Date(Date.UTC(y, m - 1, 1)).toISOString().slice(0, 10);
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    expect(iso(s.wb.value(history, 'A4'))).toBe(first);
    expect(iso(s.wb.value(history, 'B4'))).toBe(last);
    expect(iso(s.wb.value(sheet, `B${ROW.reviewed}`))).toBe(today.toISOString().slice(0, 10));
    expect(s.wb.ui.toasts.at(-1)?.message).toMatch(
      /^Обзор за .* записан на лист «Кофе · история»\. Следующий обзор: /,
    );
    // one period: the trend rows say what they will show
    expect(s.wb.value(sheet, `B${BLOCK_ROW.trend}`)).toBe(
      'Проведите два обзора, чтобы увидеть тренды: Расширения → CJM → Провести обзор.',
    );
  });

  it('reads a period pasted from a CRM (numbers as text) like a recorded one, and shows the trend against it', () => {
    const { s, sheet, history } = coffee();
    s.wb.ui.answer({ button: 'OK', text: '' });
    s.run('recordReview');
    s.wb.setCell(sheet, `B${BLOCK_ROW.revenueGoal}`, 400000);
    // October, pasted under November: P 1800, the deal step 100/500 = 20 %, a score that is no score
    const october = ['01.10.2026', '31.10.2026', '', 'из CRM', '1 800', '1,5', ''];
    for (const [i, v] of october.entries())
      s.wb.setCell(history, `${'ABCDEFG'[i]}5`, v === '' ? '' : `'${v}`);
    for (const [i, v] of ['1 000', '500', '100', '60', '30', '20'].entries())
      s.wb.setCell(history, `${'HIJKLM'[i]}5`, `'${v}`);
    s.wb.setCell(history, 'P5', "'30 %"); // the deal stage's target (target block: N..S)
    s.wb.setCell(history, 'T5', "'н/д"); // a score
    // the same month again: replace the November review
    s.wb.ui.answer({ button: 'OK', text: 'повтор' }, 'YES');
    s.run('recordReview');
    expect(s.wb.value(history, 'D4')).toBe('повтор');
    expect(s.wb.value(history, 'D6')).toBe('');
    // deal step: 100/400 = 25 % in November, 100/500 = 20 % in October: +5,0 п.п.
    expect(s.wb.value(sheet, `E${BLOCK_ROW.trendChange}`)).toBeCloseTo(5, 9);
    // revenue: 100 × 2000 × 1,5 = 300 000 against 100 × 1800 × 1,5 = 270 000
    expect(s.wb.value(sheet, `B${BLOCK_ROW.trendChange}`)).toBeCloseTo(30000, 6);
    // below its 30 % target in both months
    expect(s.wb.value(sheet, `E${BLOCK_ROW.trendAlert}`)).toBe('⚠ ниже цели два периода подряд');
    expect(s.wb.value(sheet, `D${BLOCK_ROW.trendAlert}`)).toBe('');
    // 300 000 of 400 000; the weakest step (400 → 100, 25 %) would need 25 % ÷ 0,75 = 33,3 %
    expect(s.wb.value(sheet, `B${BLOCK_ROW.goalProgress}`)).toBeCloseTo(0.75, 9);
    expect(s.wb.value(sheet, `B${BLOCK_ROW.goalNeeds}`)).toBeCloseTo(1 / 3, 9);
    // the bad score is named, never dropped; the notice sums the review up
    const notice = s.wb.ui.toasts.at(-1)?.message;
    expect(notice).toContain('T5: «н/д» — не оценка от 1 до 5');
    expect(notice).toContain('Выручка с прошлого обзора: +30\u00a0000.');
    expect(notice).toContain('Выполнение цели по выручке: 75,0%.');
    expect(notice).toContain('⚠ Ниже цели два периода подряд: Сделка.');
    // Rename the map: its history follows, and the trend rows still read it
    s.run('renameMap');
    expect(s.answerDialog({ name: 'Чай' })).toEqual({ ok: true });
    expect(s.wb.sheetNames()).toEqual(expect.arrayContaining(['Чай', 'Чай · история']));
    expect(s.wb.value('Чай', `E${BLOCK_ROW.trendChange}`)).toBeCloseTo(5, 9);
  });

  it('three reviews a month apart: the trend draws three points, the change is since the last one, the next review moves on', () => {
    const wb = createWorkbook({ locale: 'ru_RU', now: '2026-12-06T09:00:00Z' });
    const s = sessionOn(wb);
    const sheet = s.newMap({ name: 'Кофе' });
    const setCounts = (counts: number[]) => {
      for (const [i, n] of counts.entries())
        s.wb.setCell(sheet, `${STAGE_COLS[i]}${ROW.customers}`, n);
    };
    s.wb.setCell(sheet, `B${ROW.avgCheck}`, 2000);
    s.wb.setCell(sheet, `B${ROW.purchases}`, 1);
    s.select(sheet, 'C10');
    const review = () => {
      s.wb.ui.answer({ button: 'OK', text: '' });
      s.run('recordReview');
    };
    setCounts([1000, 400, 100, 50, 20, 10]); // November: into the deal 100/400 = 25 %
    review();
    wb.clock.advance({ days: 31 });
    setCounts([1000, 400, 110, 50, 20, 10]); // December: 110/400 = 27,5 %
    review();
    wb.clock.advance({ days: 31 });
    setCounts([1000, 500, 150, 50, 20, 10]); // January: 150/500 = 30 %
    review();
    const history = `${sheet} · история`;
    expect(['A4', 'A5', 'A6'].map((c) => iso(s.wb.value(history, c)))).toEqual([
      '2026-11-01',
      '2026-12-01',
      '2027-01-01',
    ]);
    expect(s.wb.sparkline(sheet, `E${BLOCK_ROW.trend}`)?.values).toEqual([0.25, 0.275, 0.3]);
    // revenue: 100, 110, 150 deals × 2000 × 1
    expect(s.wb.sparkline(sheet, `B${BLOCK_ROW.trend}`)?.values).toEqual([200000, 220000, 300000]);
    expect(s.wb.value(sheet, `E${BLOCK_ROW.trendChange}`)).toBeCloseTo(2.5, 9);
    expect(s.wb.value(sheet, `B${BLOCK_ROW.trendChange}`)).toBe(80000);
    expect(iso(s.wb.value(sheet, `B${ROW.reviewed}`))).toBe('2027-02-06');
    expect(iso(s.wb.value(sheet, `B${ROW.nextReview}`))).toBe('2027-03-06');
    // the exports carry it: the poster "as of" today with the revenue's change, the mind map
    // every period, newest first
    s.wb.setCell(sheet, `B${BLOCK_ROW.revenueGoal}`, 400000);
    const mapId = String(s.wb.value(sheet, `A${ROW.footer}`)).split(' ')[2];
    const poster = s.addon.callFromClient('exportPoster', { mapId }) as { svg: string };
    expect(poster.svg).toContain('>КАРТА ПУТИ КЛИЕНТА · НА 06.02.2027<');
    expect(poster.svg).toContain('>+80\u00a0000\u00a0₽ с прошлого обзора<');
    expect(poster.svg).toContain('>цель 400\u00a0000\u00a0₽: 75,0% · Постер карты «Кофе»');
    const mind = s.addon.callFromClient('exportMindMap', { mapId }) as { markdown: string };
    expect(mind.markdown).toContain('Обзоры');
    // the weakest step each month: 25 %, 27,5 %, 30 % into the deal (the others are 40 % or more)
    const lines = mind.markdown.split('\n').filter((l) => / – \d/.test(l));
    expect(lines.map((l) => l.replace(/^[\s*-]+/, ''))).toEqual([
      '01.01.2027 – 31.01.2027 — выручка 300\u00a0000\u00a0₽ — самый слабый переход: Активная оценка → Сделка',
      '01.12.2026 – 31.12.2026 — выручка 220\u00a0000\u00a0₽ — самый слабый переход: Активная оценка → Сделка',
      '01.11.2026 – 30.11.2026 — выручка 200\u00a0000\u00a0₽ — самый слабый переход: Активная оценка → Сделка',
    ]);
    return exported(s.wb, sheet, history);
  });
});

describe('stage edits on a reviewed map', () => {
  /** "Кофе" reviewed in November (1000 → 400 → 100 → 50 → 20 → 10) and December (500 into stage 2). */
  function reviewedTwice() {
    const wb = createWorkbook({ locale: 'ru_RU', now: '2026-12-06T09:00:00Z' });
    const s = sessionOn(wb);
    const sheet = s.newMap({ name: 'Кофе' });
    const review = (counts: number[]) => {
      for (const [i, n] of counts.entries())
        s.wb.setCell(sheet, `${STAGE_COLS[i]}${ROW.customers}`, n);
      s.wb.ui.answer({ button: 'OK', text: '' });
      s.run('recordReview');
    };
    review([1000, 400, 100, 50, 20, 10]);
    wb.clock.advance({ days: 31 });
    review([1000, 500, 100, 50, 20, 10]);
    const change = (col: string) => s.wb.value(sheet, `${col}${BLOCK_ROW.trendChange}`);
    return { s, sheet, change };
  }

  it('moves the first stage (the block’s own formulas are no user’s), and the trend follows the new order', () => {
    const { s, sheet, change } = reviewedTwice();
    // stage 3's step, 100/400 = 25 % then 100/500 = 20 %: −5 p.p.
    expect(change('E')).toBeCloseTo(-5, 9);
    // the first stage's trend cell is the user's to write in
    s.wb.setCell(sheet, `C${BLOCK_ROW.trend}`, 'заметка');
    s.select(sheet, `C${ROW.header}`);
    s.run('moveStageRight');
    expect(s.wb.ui.requests.filter((r) => r.request.kind === 'alert')).toEqual([]);
    expect(s.wb.value(sheet, `D${ROW.header}`)).toBe('Первичное осмысление');
    // now stage 1 follows stage 2: 1000/400 = 250 %, then 1000/500 = 200 %: −50 p.p.
    expect(change('D')).toBeCloseTo(-50, 9);
    // and stage 3 follows stage 1: 100/1000 both months, no change
    expect(change('E')).toBeCloseTo(0, 9);
    // the first stage has no step before it; the note moved with its stage and is kept
    expect(change('C')).toBe('');
    expect(s.wb.value(sheet, `D${BLOCK_ROW.trend}`)).toBe('заметка');
  });

  it('removes a stage in the middle: the next one’s trend reads the stage now before it', () => {
    const { s, sheet, change } = reviewedTwice();
    s.select(sheet, `E${ROW.header}`);
    s.run('removeStage');
    const dialog = s.dialog();
    // the block's own formulas are not named as the user's
    expect(dialog?.view === 'removeStage' && dialog.body).not.toMatch(/#REF|B6\d/);
    expect(s.answerDialog('YES')).toEqual({ ok: true });
    // stage 4 follows stage 2: 50/400 = 12,5 %, then 50/500 = 10 %: −2,5 p.p.
    expect(change('E')).toBeCloseTo(-2.5, 9);
    // stage 2 unchanged: 400/1000 = 40 %, then 500/1000 = 50 %: +10 p.p.
    expect(change('D')).toBeCloseTo(10, 9);
  });
});

describe('a history sheet deleted or damaged', () => {
  it('deleted: the next review starts a new one, and the trend rows say no raw error meanwhile', () => {
    const { s, sheet, history } = coffee();
    s.wb.ui.answer({ button: 'OK', text: '' });
    s.run('recordReview');
    s.wb.spreadsheet.deleteSheet(s.wb.spreadsheet.getSheetByName(history)!);
    for (const key of ['trend', 'trendChange', 'trendAlert'] as const)
      expect(String(s.wb.value(sheet, `E${BLOCK_ROW[key]}`))).not.toMatch(/^#/);
    s.wb.ui.answer({ button: 'OK', text: 'again' });
    s.run('recordReview');
    expect(s.wb.sheetNames()).toContain(history);
    expect(s.wb.value(history, 'D4')).toBe('again');
  });

  it('its markers row cleared: refused in the map’s language, nothing written anywhere', () => {
    const { s, sheet, history } = coffee();
    s.wb.ui.answer({ button: 'OK', text: '' });
    s.run('recordReview');
    const width = s.wb.spreadsheet.getSheetByName(history)!.getMaxColumns();
    s.wb.spreadsheet.getSheetByName(history)!.getRange(3, 1, 1, width).clearContent();
    const before = [s.wb.snapshot(sheet), s.wb.snapshot(history)];
    s.wb.ui.answer({ button: 'OK', text: '' });
    s.run('recordReview');
    expect(s.wb.ui.requests.at(-1)?.request.prompt).toBe(
      'Лист истории «Кофе · история» потерял строку 3 (метки, по которым различаются столбцы), и добавить в него обзор безопасно нельзя. Верните строку 3 (Правка → Отменить или Файл → История версий) и проведите обзор снова. Ничего не записано.',
    );
    expect([s.wb.snapshot(sheet), s.wb.snapshot(history)]).toEqual(before);
  });
});

/** The .xlsx carries the history sheet, and the trend rows as text Excel and LibreOffice draw. */
async function exported(wb: Parameters<typeof workbookToXlsx>[0], sheet: string, history: string) {
  const file = new ExcelJS.Workbook();
  await file.xlsx.load((await workbookToXlsx(wb)) as unknown as ExcelJS.Buffer);
  expect(file.getWorksheet(history)?.getCell('A3').value).toBe('from');
  const trend = file.getWorksheet(sheet)?.getCell(`E${BLOCK_ROW.trend}`).value;
  // three points, rising: 25 %, 27,5 %, 30 %
  expect(String(trend)).toMatch(/^▁[▃▄▅]█$/);
}
describe('Record a review after the map changed', () => {
  it('gives a stage added since the last review its columns at the history’s right end, past the sheet’s last column', () => {
    const { s, sheet, history } = coffee();
    s.wb.ui.answer({ button: 'OK', text: 'до' });
    s.run('recordReview');
    // 7 period columns and 3 × 6 stage columns: the sheet has no column to spare for a 7th stage
    expect(s.wb.model.sheetOrThrow(history).maxCols).toBeLessThan(7 + 3 * 7);
    s.select(sheet, `H${ROW.customers}`);
    s.run('addStage');
    const added = parseStageMarker(s.wb.value(sheet, `I${ROW.footer}`));
    s.wb.setCell(sheet, `I${ROW.customers}`, 10);
    s.select(sheet, 'C10');
    s.wb.ui.answer({ button: 'OK', text: 'после' }, 'NO');
    s.run('recordReview');
    expect(s.wb.ui.toasts.at(-1)?.message).toMatch(/^Обзор за .* записан/);
    // the new stage's customers, target and score after the 25 columns there were
    expect(['Z3', 'AA3', 'AB3'].map((c) => s.wb.value(history, c))).toEqual([
      `customers ${added}`,
      `target ${added}`,
      `score ${added}`,
    ]);
    expect(s.wb.value(history, 'Z5')).toBe(10);
    expect(s.wb.value(history, 'Z4')).toBe('');
    expect(['D4', 'D5', 'H4', 'H5'].map((c) => s.wb.value(history, c))).toEqual([
      'до',
      'после',
      1000,
      1000,
    ]);
  });
});

describe('Record a review keeps what a user pasted into the history', () => {
  it('rewrites a pasted period’s numeric text as numbers, and leaves the user’s formulas in that row formulas', () => {
    const { s, sheet, history } = coffee();
    s.wb.ui.answer({ button: 'OK', text: '' });
    s.run('recordReview');
    // October, from a CRM: counts as text, the first stage's count a formula of the user's own
    s.wb.setCell(history, 'A5', "'01.10.2026");
    s.wb.setCell(history, 'B5', "'31.10.2026");
    s.wb.setCell(history, 'H5', '=2*600');
    s.wb.setCell(history, 'I5', "'1 200");
    s.select(sheet, 'C10');
    s.wb.ui.answer({ button: 'OK', text: '' }, 'NO');
    s.run('recordReview');
    expect(s.wb.formula(history, 'H5')).toBe('=2*600');
    expect(s.wb.value(history, 'H5')).toBe(1200);
    expect(s.wb.value(history, 'I5')).toBe(1200);
    expect(iso(s.wb.value(history, 'B5'))).toBe('2026-10-31');
  });
});

describe('Record a review keeps the user’s cells under the map', () => {
  it('moves notes standing where the block goes down whole, and starts the block with its own goal and cadence', () => {
    const { s, sheet } = coffee();
    s.wb.setCell(sheet, `B${BLOCK_ROW.revenueGoal}`, "'моя заметка");
    s.wb.setCell(sheet, `B${BLOCK_ROW.cadence}`, "'раз в сезон");
    s.wb.ui.answer({ button: 'OK', text: '' });
    s.run('recordReview');
    // the block's ten rows came in above the notes
    expect(s.wb.value(sheet, `B${BLOCK_ROW.revenueGoal + 10}`)).toBe('моя заметка');
    expect(s.wb.value(sheet, `B${BLOCK_ROW.cadence + 10}`)).toBe('раз в сезон');
    expect(s.wb.value(sheet, `B${BLOCK_ROW.revenueGoal}`)).toBe('');
    expect(s.wb.value(sheet, `B${BLOCK_ROW.cadence}`)).toBe('ежемесячно');
    // so the next review is recorded, not refused for a cadence the user never typed there
    s.wb.ui.answer({ button: 'OK', text: '' }, 'NO');
    s.run('recordReview');
    expect(s.wb.ui.toasts.at(-1)?.message).toMatch(/^Обзор за .* записан/);
  });

  it('keeps what the user wrote beside the goal rows, where no review writes', () => {
    const { s, sheet } = coffee();
    s.wb.ui.answer({ button: 'OK', text: '' });
    s.run('recordReview');
    s.wb.setCell(sheet, `D${BLOCK_ROW.revenueGoal}`, 'цель согласовать с отделом продаж');
    s.wb.setCell(sheet, `E${BLOCK_ROW.goalProgress}`, 9);
    s.wb.ui.answer({ button: 'OK', text: '' }, 'YES');
    s.run('recordReview');
    expect(s.wb.value(sheet, `D${BLOCK_ROW.revenueGoal}`)).toBe(
      'цель согласовать с отделом продаж',
    );
    expect(s.wb.value(sheet, `E${BLOCK_ROW.goalProgress}`)).toBe(9);
  });

  it('leaves the user’s formula in the revenue goal a formula', () => {
    const { s, sheet } = coffee();
    s.wb.ui.answer({ button: 'OK', text: '' });
    s.run('recordReview');
    s.wb.setCell(sheet, `B${BLOCK_ROW.revenueGoal}`, '=300000*2');
    s.wb.ui.answer({ button: 'OK', text: '' }, 'YES');
    s.run('recordReview');
    expect(s.wb.formula(sheet, `B${BLOCK_ROW.revenueGoal}`)).toBe('=300000*2');
    // revenue 100 × 2000 × 1,5 = 300 000 of 600 000
    expect(s.wb.value(sheet, `B${BLOCK_ROW.goalProgress}`)).toBeCloseTo(0.5, 9);
  });
});
