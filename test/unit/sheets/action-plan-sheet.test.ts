/**
 * The map's action plan sheet: written beside the map (title, link back, note, header, one row per
 * action, the totals), read back from wherever its named header cell is now, refused in words when
 * its shape no longer tells which cells are actions, laid out again without writing over what a
 * user typed around it, and renamed with its map.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActionInput } from '../../../src/core/wizard/action-plan';
import {
  planDamageMessage,
  planSheetName,
  readPlan,
  retitleChanges,
  retitlePlan,
  writePlan,
} from '../../../src/sheets/action-plan-sheet';
import { cost, emulated } from '../emulated';
import { day } from './map-on-sheet';

afterEach(() => {
  vi.unstubAllGlobals();
});

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Emulated = ReturnType<typeof emulated>;

const ID = 'K7P2QX';
const PLAN = 'Map · plan';
const PLAN_RU = 'Map · план';
const HEADER_EN = [
  'Rank',
  'Action',
  'Stage',
  'Lever',
  'Expected change',
  'Owner',
  'Deadline',
  'Status',
  'Start',
  'Revenue impact',
];
const HEADER_RU = [
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
];
const NOTE_EN =
  'Ranked by each action’s own revenue impact, computed live from the map’s L, C, P and Q; equal impacts keep their order in the list.';
const TOTAL_EN = 'Impact of the plan, all actions together';
const NOW_EN = 'Revenue now';
const AFTER_EN = 'Revenue after the plan, all actions together';
const LABEL_BG = '#f1f3f4';

const act = (action: string, over: Partial<ActionInput> = {}): ActionInput => ({
  action,
  stage: '',
  lever: 'C',
  change: '+2 pp',
  owner: 'Anna',
  deadline: '',
  status: '',
  start: '',
  ...over,
});
const CALL = act('Call back every lead', {
  deadline: '2026-06-15',
  status: 'Planned',
  start: '15.06.2026',
});
const PROMO = act('Promo on the checkout', { lever: 'step', stage: 'Purchase', owner: 'Oleg' });
const THIRD = act('Loyalty card', { lever: 'Q', change: '+0.5 purchases', owner: 'Ivan' });

/** A spreadsheet with a map sheet "Map" (second); the user stays on Sheet1. */
function withMap(opts: Parameters<typeof emulated>[0] = {}) {
  const e = emulated(opts);
  const map = e.ss.insertSheet('Map');
  e.ss.setActiveSheet(e.sheet('Sheet1'));
  return { ...e, map };
}

/** Saves `actions` as the wizard does: the plan read where it is now, written there. */
function save(
  e: Emulated & { map: Sheet },
  actions: readonly ActionInput[],
  opts: {
    lang?: 'en' | 'ru';
    locale?: string;
    dialect?: 'comma' | 'locale' | null;
    columnsRead?: number;
    stages?: number;
  } = {},
) {
  const lang = opts.lang ?? 'en';
  const read = readPlan(e.ss, ID, lang === 'en' ? PLAN : PLAN_RU);
  if (read.kind === 'damaged') throw new Error(JSON.stringify(read.damage));
  return writePlan(
    e.ss,
    lang,
    opts.locale ?? 'en_US',
    {
      id: ID,
      sheetName: 'Map',
      stages: opts.stages ?? 2,
      sheet: e.map,
      columnsRead: opts.columnsRead ?? 26,
    },
    actions,
    opts.dialect ?? null,
    read.kind === 'found' ? read.place : null,
  );
}

const row = (e: Emulated, sheet: string, a1: string) => e.wb.values(sheet, a1)[0];
const column = (e: Emulated, sheet: string, a1: string) => e.wb.values(sheet, a1).map((r) => r[0]);
const attrs = (e: Emulated, sheet: string, a1: string) =>
  e.wb.snapshot(sheet).cells.find((c) => c.a1 === a1)?.attrs ?? {};
const named = (e: Emulated, name: string) => {
  const r = e.ss.getRangeByName(name);
  return r ? `${r.getSheet().getName()}!${r.getA1Notation()}` : null;
};
const namesLike = (e: Emulated, name: string) =>
  e.ss.getNamedRanges().filter((n) => n.getName() === name).length;
const listOf = (e: Emulated, sheet: string, a1: string) =>
  e.sheet(sheet).getRange(a1).getDataValidation()?.getCriteriaValues()[0] ?? null;
const RANK4 =
  '=IF(ISNUMBER(J4),COUNTIF($J$4:$J$5,">"&(J4+ABS(J4)/1000000000))+COUNTIF($J$4:J4,">="&(J4-ABS(J4)/1000000000))-COUNTIF($J$4:J4,">"&(J4+ABS(J4)/1000000000)),"")';
const IMPACT2 =
  '=CJM_IMPACT(CJM_K7P2QX_L,CJM_K7P2QX_C,CJM_K7P2QX_P,CJM_K7P2QX_Q,D4:D5,E4:E5,TRUE(),C4:C5,Map!$B$9:$E$9,Map!$B$24:$E$24,Map!$B$25:$E$25)';

describe('a new plan', () => {
  it('is a sheet "<map> · plan" with its title, a link back to the map, the note and the header; the user stays on their sheet', () => {
    const e = withMap();
    const held = save(e, [CALL, PROMO]);
    expect(e.ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Map', PLAN]);
    expect(e.ss.getActiveSheet().getName()).toBe('Sheet1');
    expect(e.wb.value(PLAN, 'A1')).toBe('Action plan: Map');
    expect(e.wb.formula(PLAN, 'J1')).toBe(
      `=HYPERLINK("#gid=${e.map.getSheetId()}","Open the map")`,
    );
    expect(e.wb.value(PLAN, 'J1')).toBe('Open the map');
    expect(e.wb.value(PLAN, 'A2')).toBe(NOTE_EN);
    expect(row(e, PLAN, 'A3:J3')).toEqual(HEADER_EN);
    expect(named(e, 'CJM_K7P2QX_PLAN')).toBe(`${PLAN}!A3`);
    expect(e.sheet(PLAN).getFrozenRows()).toBe(3);
    // nothing known of the syntax: the English one held (the emulator reads commas)
    expect(held).toBe('comma');
  });

  it('holds one action a row, ranked by a formula; a step lever reads "Step", dates are real dates', () => {
    const e = withMap();
    save(e, [CALL, PROMO]);
    expect(e.wb.values(PLAN, 'B4:I5')).toEqual([
      [
        'Call back every lead',
        '',
        'C',
        '+2 pp',
        'Anna',
        day('2026-06-15'),
        'Planned',
        day('2026-06-15'),
      ],
      ['Promo on the checkout', 'Purchase', 'Step', '+2 pp', 'Oleg', '', '', ''],
    ]);
    expect(e.wb.display(PLAN, 'G4')).toBe('2026-06-15');
    expect(e.wb.display(PLAN, 'I4')).toBe('2026-06-15');
    expect(e.wb.formula(PLAN, 'A4')).toBe(RANK4);
    expect(e.wb.formula(PLAN, 'J4')).toBe(IMPACT2);
    expect(e.wb.formula(PLAN, 'J5')).toBe('');
  });

  it('ends with the totals: the plan together (named), revenue now, revenue after the plan', () => {
    const e = withMap();
    save(e, [CALL, PROMO]);
    expect(column(e, PLAN, 'A6:A8')).toEqual([TOTAL_EN, NOW_EN, AFTER_EN]);
    expect(e.wb.formula(PLAN, 'J6')).toBe('');
    expect(e.wb.formula(PLAN, 'J7')).toBe('=CJM_K7P2QX_REVENUE');
    expect(e.wb.formula(PLAN, 'J8')).toBe('=IF(AND(ISNUMBER(J6),ISNUMBER(J7)),J7+J6,"")');
    expect(named(e, 'CJM_K7P2QX_PLAN_TOTAL')).toBe(`${PLAN}!J6`);
    expect(namesLike(e, 'CJM_K7P2QX_PLAN_TOTAL')).toBe(1);
  });

  it('without actions has one empty row and a plan total of 0', () => {
    const e = withMap();
    save(e, []);
    expect(row(e, PLAN, 'A4:J4')).toEqual(Array(10).fill(''));
    expect(column(e, PLAN, 'A5:A7')).toEqual([TOTAL_EN, NOW_EN, AFTER_EN]);
    expect(e.wb.value(PLAN, 'J5')).toBe(0);
    expect(named(e, 'CJM_K7P2QX_PLAN_TOTAL')).toBe(`${PLAN}!J5`);
    expect(listOf(e, PLAN, 'D4')).toEqual(['L', 'C', 'P', 'Q', 'Step']);
    expect(listOf(e, PLAN, 'D5')).toBeNull();
  });

  it('keeps typed text as text, shows dates in the map’s format and the impact as money', () => {
    const e = withMap();
    save(e, [CALL, PROMO]);
    const plan = e.sheet(PLAN);
    for (const a1 of ['B4', 'C5', 'D4', 'E5', 'F4', 'H5', 'B8', 'I8'])
      expect(plan.getRange(a1).getNumberFormat(), a1).toBe('@');
    expect(attrs(e, PLAN, 'E4').wrap).toBe(true);
    for (const a1 of ['G4', 'G5', 'I4', 'I5'])
      expect(plan.getRange(a1).getNumberFormat(), a1).toBe('yyyy-mm-dd');
    for (const a1 of ['J4', 'J5', 'J6', 'J8'])
      expect(plan.getRange(a1).getNumberFormat(), a1).toBe('[$$]#,##0');
    // the rank column is no text column
    expect(plan.getRange('A4').getNumberFormat()).not.toBe('@');
  });

  it('in Russian: labels, "Шаг", statuses, dd.mm.yyyy dates and roubles', () => {
    const e = withMap({ locale: 'ru_RU' });
    save(e, [CALL, PROMO], { lang: 'ru', locale: 'ru_RU' });
    expect(e.ss.getSheetByName(PLAN_RU)).not.toBeNull();
    expect(e.wb.value(PLAN_RU, 'A1')).toBe('План действий: Map');
    expect(row(e, PLAN_RU, 'A3:J3')).toEqual(HEADER_RU);
    expect(e.wb.value(PLAN_RU, 'D5')).toBe('Шаг');
    expect(e.wb.display(PLAN_RU, 'G4')).toBe('15.06.2026');
    expect(e.sheet(PLAN_RU).getRange('I4').getNumberFormat()).toBe('dd.mm.yyyy');
    expect(e.sheet(PLAN_RU).getRange('J4').getNumberFormat()).toBe('#,##0 [$₽-419]');
    expect(listOf(e, PLAN_RU, 'D4')).toEqual(['L', 'C', 'P', 'Q', 'Шаг']);
    expect(listOf(e, PLAN_RU, 'H5')).toEqual(['Запланировано', 'В работе', 'Готово']);
  });

  it('offers dropdowns of levers and statuses on the action rows only, typing anything else allowed', () => {
    const e = withMap();
    save(e, [CALL, PROMO]);
    for (const a1 of ['D4', 'D5'])
      expect(listOf(e, PLAN, a1), a1).toEqual(['L', 'C', 'P', 'Q', 'Step']);
    for (const a1 of ['H4', 'H5'])
      expect(listOf(e, PLAN, a1), a1).toEqual(['Planned', 'In progress', 'Done']);
    const rule = e.sheet(PLAN).getRange('D4').getDataValidation();
    expect(rule?.getAllowInvalid()).toBe(true);
    // shown as a dropdown
    expect(rule?.getCriteriaValues()[1]).toBe(true);
    expect(e.sheet(PLAN).getRange('H5').getDataValidation()?.getAllowInvalid()).toBe(true);
    for (const a1 of ['C4', 'E4', 'G4', 'D6', 'H6', 'E6', 'D8'])
      expect(listOf(e, PLAN, a1), a1).toBeNull();
  });

  it('shows the header and the totals bold on grey, the actions plain, top-aligned', () => {
    const e = withMap();
    save(e, [CALL, PROMO]);
    const plan = e.sheet(PLAN);
    for (const a1 of ['A3', 'J3', 'A6', 'J8']) {
      expect(plan.getRange(a1).getFontWeight(), a1).toBe('bold');
      expect(plan.getRange(a1).getBackground(), a1).toBe(LABEL_BG);
    }
    expect(attrs(e, PLAN, 'C3')).toMatchObject({ wrap: true, verticalAlignment: 'top' });
    for (const a1 of ['A1', 'A2', 'A4', 'J5']) {
      expect(plan.getRange(a1).getFontWeight(), a1).toBe('normal');
      expect(plan.getRange(a1).getBackground(), a1).not.toBe(LABEL_BG);
    }
    expect(attrs(e, PLAN, 'A5').verticalAlignment).toBe('top');
    expect(attrs(e, PLAN, 'F8').verticalAlignment).toBe('top');
  });

  it('sizes its columns to what they hold', () => {
    const e = withMap();
    save(e, [CALL, PROMO]);
    const plan = e.sheet(PLAN);
    expect(Array.from({ length: 10 }, (_, i) => plan.getColumnWidth(i + 1))).toEqual([
      60, 260, 140, 70, 110, 110, 110, 159, 110, 140,
    ]);
  });

  it('writes formulas in the syntax it is told, and returns it', () => {
    const e = withMap({ locale: 'ru_RU', formulaSeparators: 'locale' });
    const held = save(e, [CALL, PROMO], { lang: 'ru', locale: 'ru_RU', dialect: 'locale' });
    expect(held).toBe('locale');
    expect(e.wb.formula(PLAN_RU, 'J8')).toBe('=IF(AND(ISNUMBER(J6);ISNUMBER(J7));J7+J6;"")');
  });

  it('with the syntax not known, tries the locale’s and keeps it where it parses', () => {
    const e = withMap({ locale: 'ru_RU', formulaSeparators: 'locale' });
    const held = save(e, [CALL], { lang: 'ru', locale: 'ru_RU' });
    expect(held).toBe('locale');
    expect(e.wb.error(PLAN_RU, 'J7')).not.toBe('#ERROR!');
  });

  it('with the syntax not known, falls back to commas where the locale’s does not parse', () => {
    const e = withMap({ locale: 'ru_RU', formulaSeparators: 'comma' });
    const held = save(e, [CALL], { lang: 'ru', locale: 'ru_RU' });
    expect(held).toBe('comma');
    expect(e.wb.formula(PLAN_RU, 'J7')).toBe('=IF(AND(ISNUMBER(J5),ISNUMBER(J6)),J6+J5,"")');
    expect(e.wb.value(PLAN_RU, 'J7')).toBe('');
  });

  it('takes the next free name when a sheet of the user already has the plan’s', () => {
    const e = withMap();
    e.ss.insertSheet(PLAN);
    e.ss.setActiveSheet(e.sheet('Sheet1'));
    e.wb.setCell(PLAN, 'A1', 'mine');
    save(e, [CALL]);
    expect(named(e, 'CJM_K7P2QX_PLAN')).toBe(`${PLAN} (2)!A3`);
    expect(e.wb.value(PLAN, 'A1')).toBe('mine');
  });
});

describe('the map sheet the plan reads', () => {
  /** A map sheet of 4 columns: B, and its two stages in C and D. */
  function narrowMap() {
    const e = withMap();
    e.map.deleteColumns(5, 22);
    return e;
  }

  it('gets one more column when its last stage is its last column, plain: not a copy of the stage', () => {
    const e = narrowMap();
    const list = e.wb.app.newDataValidation().requireValueInList(['a', 'b']).build();
    e.map.getRange('D1:D60').setBackground('#e8f0fe').setDataValidation(list);
    save(e, [CALL], { columnsRead: 4 });
    expect(e.map.getMaxColumns()).toBe(5);
    expect(e.map.getRange('E5').getBackground()).toBe('#ffffff');
    expect(e.map.getRange('E5').getDataValidation()).toBeNull();
  });

  it('is not asked its size when the caller read past the last stage', () => {
    const e = narrowMap();
    e.wb.calls.reset();
    save(e, [CALL], { columnsRead: 5 });
    expect(cost(e.wb).byName.getMaxColumns ?? 0).toBe(0);
    expect(e.map.getMaxColumns()).toBe(4);
  });

  it('with just the one column after its last stage, is left alone even when protected', () => {
    const e = withMap();
    e.map.deleteColumns(6, 21);
    e.wb.protectAsOther('Map', null, { by: 'boss@example.com' });
    save(e, [CALL], { columnsRead: 4 });
    expect(e.map.getMaxColumns()).toBe(5);
    expect(e.wb.value(PLAN, 'B4')).toBe('Call back every lead');
  });

  it('protected and short of a column: refused in words, nothing written', () => {
    const e = narrowMap();
    e.wb.protectAsOther('Map', null, { by: 'boss@example.com' });
    expect(() => save(e, [CALL], { columnsRead: 4 })).toThrow(
      'This cannot be done: the sheet "Map" is protected, and only its owner and the editors they chose may change it. Ask them for access or to remove the protection (Data → Protect sheets and ranges), then try again. Nothing was changed.',
    );
    expect(e.map.getMaxColumns()).toBe(4);
    expect(e.ss.getSheetByName(PLAN)).toBeNull();
  });
});

describe('a plan written again', () => {
  it('shorter: the rows of the longer plan are blanked, its dropdowns and bold totals gone', () => {
    const e = withMap();
    save(e, [CALL, PROMO, THIRD]);
    save(e, [PROMO]);
    expect(e.wb.value(PLAN, 'B4')).toBe('Promo on the checkout');
    expect(column(e, PLAN, 'A5:A7')).toEqual([TOTAL_EN, NOW_EN, AFTER_EN]);
    expect(e.wb.values(PLAN, 'A8:J9')).toEqual([Array(10).fill(''), Array(10).fill('')]);
    expect(e.sheet(PLAN).getDataRange().getA1Notation()).toBe('A1:J7');
    for (const a1 of ['D5', 'D6', 'H5', 'H6']) expect(listOf(e, PLAN, a1), a1).toBeNull();
    expect(e.sheet(PLAN).getRange('A8').getFontWeight()).toBe('normal');
    expect(e.sheet(PLAN).getRange('A9').getBackground()).not.toBe(LABEL_BG);
    expect(named(e, 'CJM_K7P2QX_PLAN_TOTAL')).toBe(`${PLAN}!J5`);
  });

  it('longer: the former totals become plain action rows, the named total moves down', () => {
    const e = withMap();
    save(e, [PROMO]);
    save(e, [CALL, PROMO, THIRD]);
    expect(column(e, PLAN, 'B4:B6')).toEqual([
      'Call back every lead',
      'Promo on the checkout',
      'Loyalty card',
    ]);
    for (const a1 of ['A5', 'A6'])
      expect(e.sheet(PLAN).getRange(a1).getFontWeight(), a1).toBe('normal');
    expect(e.sheet(PLAN).getRange('B6').getBackground()).not.toBe(LABEL_BG);
    expect(listOf(e, PLAN, 'D6')).toEqual(['L', 'C', 'P', 'Q', 'Step']);
    expect(named(e, 'CJM_K7P2QX_PLAN_TOTAL')).toBe(`${PLAN}!J7`);
    expect(namesLike(e, 'CJM_K7P2QX_PLAN_TOTAL')).toBe(1);
    expect(named(e, 'CJM_K7P2QX_PLAN')).toBe(`${PLAN}!A3`);
  });

  it('moves the named total, so a formula reading it keeps reading it', () => {
    const e = withMap();
    save(e, []);
    e.wb.setCell('Sheet1', 'A1', '=CJM_K7P2QX_PLAN_TOTAL');
    expect(e.wb.value('Sheet1', 'A1')).toBe(0);
    save(e, [CALL]);
    save(e, []);
    expect(e.wb.formula('Sheet1', 'A1')).toBe('=CJM_K7P2QX_PLAN_TOTAL');
    expect(e.wb.value('Sheet1', 'A1')).toBe(0);
  });

  it('a total name left elsewhere is moved to the new plan, not added twice', () => {
    const e = withMap();
    e.ss.setNamedRange('CJM_K7P2QX_PLAN_TOTAL', e.sheet('Sheet1').getRange('C3'));
    save(e, [CALL]);
    expect(named(e, 'CJM_K7P2QX_PLAN_TOTAL')).toBe(`${PLAN}!J5`);
    expect(namesLike(e, 'CJM_K7P2QX_PLAN_TOTAL')).toBe(1);
  });

  it('after the user deleted the plan’s sheet, is a new sheet with its own named cells', () => {
    const e = withMap();
    save(e, [CALL, PROMO]);
    e.wb.deleteSheet(PLAN);
    expect(readPlan(e.ss, ID, PLAN)).toEqual({ kind: 'none' });
    save(e, [THIRD]);
    expect(named(e, 'CJM_K7P2QX_PLAN')).toBe(`${PLAN}!A3`);
    expect(named(e, 'CJM_K7P2QX_PLAN_TOTAL')).toBe(`${PLAN}!J5`);
    expect(e.wb.value(PLAN, 'B4')).toBe('Loyalty card');
  });

  it('under a header the user moved down, starts at the header and keeps their rows above; frozen rows stay theirs', () => {
    const e = withMap();
    save(e, [CALL]);
    e.wb.insertRows(PLAN, 1, 2);
    e.wb.setCell(PLAN, 'A1', 'my notes');
    e.sheet(PLAN).setFrozenRows(1);
    save(e, [CALL, PROMO]);
    expect(e.wb.value(PLAN, 'A1')).toBe('my notes');
    expect(e.wb.value(PLAN, 'A3')).toBe('Action plan: Map');
    expect(row(e, PLAN, 'A5:J5')).toEqual(HEADER_EN);
    expect(column(e, PLAN, 'B6:B7')).toEqual(['Call back every lead', 'Promo on the checkout']);
    expect(column(e, PLAN, 'A8:A10')).toEqual([TOTAL_EN, NOW_EN, AFTER_EN]);
    expect(e.wb.formula(PLAN, 'J10')).toBe('=IF(AND(ISNUMBER(J8),ISNUMBER(J9)),J9+J8,"")');
    expect(named(e, 'CJM_K7P2QX_PLAN_TOTAL')).toBe(`${PLAN}!J8`);
    expect(e.sheet(PLAN).getRange('A5').getFontWeight()).toBe('bold');
    expect(e.sheet(PLAN).getFrozenRows()).toBe(1);
  });

  it('under a header the user moved up, inserts plain rows at the top for the title and the note', () => {
    const e = withMap();
    save(e, [CALL, PROMO]);
    e.wb.deleteRows(PLAN, 1, 2);
    save(e, [CALL]);
    expect(e.wb.value(PLAN, 'A1')).toBe('Action plan: Map');
    expect(e.wb.value(PLAN, 'A2')).toBe(NOTE_EN);
    expect(row(e, PLAN, 'A3:J3')).toEqual(HEADER_EN);
    expect(named(e, 'CJM_K7P2QX_PLAN')).toBe(`${PLAN}!A3`);
    expect(column(e, PLAN, 'A5:A7')).toEqual([TOTAL_EN, NOW_EN, AFTER_EN]);
    // the former plan's last rows (its totals, rows 7 and 8 again) are blanked
    expect(e.wb.values(PLAN, 'A8:J8')).toEqual([Array(10).fill('')]);
    expect(e.sheet(PLAN).getDataRange().getA1Notation()).toBe('A1:J7');
    for (const a1 of ['A1', 'B1', 'I1', 'J1', 'A2', 'J2']) {
      expect(e.sheet(PLAN).getRange(a1).getFontWeight(), a1).toBe('normal');
      expect(e.sheet(PLAN).getRange(a1).getBackground(), a1).not.toBe(LABEL_BG);
      // (not wrapped in column A as the header's cells are: the title runs across the row)
      const look = e.wb.snapshot(PLAN).cells.find((c) => c.a1 === a1)?.attrs;
      expect([look?.wrap, look?.verticalAlignment], a1).toEqual([undefined, undefined]);
    }
    expect(e.sheet(PLAN).getFrozenRows()).toBe(3);
  });

  it('on a protected plan sheet: refused in words, nothing written', () => {
    const e = withMap();
    save(e, [CALL]);
    e.wb.protectAsOther(PLAN, null, { by: 'boss@example.com' });
    expect(() => save(e, [PROMO])).toThrow(`the sheet "${PLAN}" is protected`);
    expect(e.wb.value(PLAN, 'B4')).toBe('Call back every lead');
  });
});

describe('a plan laid out before actions had a start date', () => {
  const FORMER = HEADER_EN.filter((l) => l !== 'Start');
  /** The former layout's plan: nine columns, its impact in I, one action. */
  function former(notes: Record<string, string>) {
    const e = withMap();
    const plan = e.ss.insertSheet(PLAN);
    e.ss.setActiveSheet(e.sheet('Sheet1'));
    plan.getRange('A1').setValue('Action plan: Map');
    plan.getRange('A3:I3').setValues([FORMER]);
    plan
      .getRange('A4:I4')
      .setValues([['', 'Old action', 'Purchase', 'C', '+2 pp', 'Anna', '', 'Done', 1200]]);
    e.ss.setNamedRange('CJM_K7P2QX_PLAN', plan.getRange('A3'));
    for (const [a1, text] of Object.entries(notes)) e.wb.setCell(PLAN, a1, text);
    return e;
  }

  it('is read by its own columns, its impact from I', () => {
    const e = former({});
    const read = readPlan(e.ss, ID, PLAN);
    expect(read.kind === 'found' && read.actions).toEqual([
      { ...act('Old action', { stage: 'Purchase', status: 'Done' }), impact: 1200 },
    ]);
    expect(read.kind === 'found' && read.place.grow).toBe(0);
  });

  it("grows a start column: the user's notes right of the plan move right with their column", () => {
    const e = former({ J3: 'Budget', J4: 'ask Oleg' });
    const read = readPlan(e.ss, ID, PLAN);
    expect(read.kind === 'found' && read.place.grow).toBe(1);
    save(e, [act('Old action', { stage: 'Purchase', status: 'Done' })]);
    expect(row(e, PLAN, 'A3:K3')).toEqual([...HEADER_EN, 'Budget']);
    expect(e.wb.value(PLAN, 'K4')).toBe('ask Oleg');
  });

  it('with nothing of the user in the column it grows into, moves nothing', () => {
    const e = former({ K9: 'aside' });
    save(e, [act('Old action')]);
    expect(e.wb.value(PLAN, 'K9')).toBe('aside');
    expect(row(e, PLAN, 'A3:J3')).toEqual(HEADER_EN);
    expect(e.sheet(PLAN).getMaxColumns()).toBe(26);
  });
});

describe('reading a plan', () => {
  it('is none before the first save', () => {
    const e = withMap();
    expect(readPlan(e.ss, ID, PLAN)).toEqual({ kind: 'none' });
  });

  it('is none for a sheet of the user that only bears the plan’s name', () => {
    const e = withMap();
    e.ss.setNamedRange('CJM_K7P2QX_REVENUE', e.map.getRange('B20'));
    e.ss.insertSheet(PLAN);
    expect(readPlan(e.ss, ID, PLAN)).toEqual({ kind: 'none' });
  });

  it('finds the actions as the user edited them, the dates as ISO days, where the plan is', () => {
    const e = withMap();
    save(e, [CALL, PROMO]);
    e.wb.setCell(PLAN, 'F5', 'Maria');
    e.wb.setCell(PLAN, 'H5', 'Done');
    const read = readPlan(e.ss, ID, PLAN);
    if (read.kind !== 'found') throw new Error(read.kind);
    expect(read.place.sheet.getName()).toBe(PLAN);
    expect(read.place.header).toBe(3);
    expect(read.place.lastRow).toBe(8);
    expect(read.place.grow).toBe(0);
    expect(read.actions).toEqual([
      { ...CALL, start: '2026-06-15', impact: null },
      { ...PROMO, lever: 'Step', owner: 'Maria', status: 'Done', impact: null },
    ]);
  });

  it('reads a date in the spreadsheet’s time zone (midnight at UTC+14 is 10:00 UTC the day before)', () => {
    const e = withMap({ timeZone: 'Pacific/Kiritimati' });
    save(e, [CALL]);
    const read = readPlan(e.ss, ID, PLAN);
    expect(read.kind === 'found' && read.actions[0]?.deadline).toBe('2026-06-15');
  });

  it('after the header row was deleted: damaged, the header gone', () => {
    const e = withMap();
    save(e, [CALL]);
    e.wb.deleteRows(PLAN, 3);
    expect(readPlan(e.ss, ID, PLAN)).toEqual({
      kind: 'damaged',
      damage: { kind: 'headerGone', sheet: PLAN },
    });
  });

  it('after its tab was renamed and its header row deleted: a new plan sheet, the dangling name pointed at it', () => {
    const e = withMap();
    save(e, [CALL]);
    e.wb.renameSheet(PLAN, 'Old plan');
    e.wb.deleteRows('Old plan', 3);
    expect(readPlan(e.ss, ID, PLAN)).toEqual({ kind: 'none' });
    save(e, [CALL, PROMO]);
    expect(named(e, 'CJM_K7P2QX_PLAN')).toBe(`${PLAN}!A3`);
    expect(column(e, PLAN, 'B4:B5')).toEqual([CALL.action, PROMO.action]);
    expect(e.wb.sheetNames()).toContain('Old plan');
  });

  it('after a column was inserted left of the plan: damaged columns, at its header row', () => {
    const e = withMap();
    save(e, [CALL]);
    e.wb.insertColumns(PLAN, 'A');
    expect(readPlan(e.ss, ID, PLAN)).toEqual({
      kind: 'damaged',
      damage: { kind: 'columns', sheet: PLAN, row: 3 },
    });
  });

  it('with its named header cell off column A: damaged, even where column A reads as a header', () => {
    const e = withMap();
    save(e, [CALL]);
    e.wb.insertColumns(PLAN, 'A');
    e.sheet(PLAN).getRange('A3:J3').setValues([HEADER_EN]);
    expect(readPlan(e.ss, ID, PLAN)).toEqual({
      kind: 'damaged',
      damage: { kind: 'columns', sheet: PLAN, row: 3 },
    });
  });

  it('after a column was inserted inside the plan: damaged columns', () => {
    const e = withMap();
    save(e, [CALL]);
    e.wb.insertRows(PLAN, 1);
    e.wb.insertColumns(PLAN, 'D');
    expect(readPlan(e.ss, ID, PLAN)).toEqual({
      kind: 'damaged',
      damage: { kind: 'columns', sheet: PLAN, row: 4 },
    });
  });
});

describe('the damage in words', () => {
  it('says the header row was deleted, in English and in Russian', () => {
    expect(planDamageMessage('en', { kind: 'headerGone', sheet: PLAN })).toBe(
      'The header row of the action plan (sheet "Map · plan") was deleted, so the add-on cannot tell which rows hold your actions and writes nothing there. Undo the deletion (Ctrl+Z) and try again; to start the plan afresh instead, delete that sheet.',
    );
    expect(planDamageMessage('ru', { kind: 'headerGone', sheet: PLAN_RU })).toBe(
      'Строку заголовков плана действий (лист «Map · план») удалили, поэтому дополнение не может понять, в каких строках ваши действия, и ничего туда не пишет. Отмените удаление (Ctrl+Z) и повторите; чтобы начать план заново, удалите этот лист.',
    );
  });

  it('says the columns changed, naming the row and the columns it should read', () => {
    expect(planDamageMessage('en', { kind: 'columns', sheet: PLAN, row: 5 })).toBe(
      'The columns of the action plan (sheet "Map · plan") were changed: a column was inserted, deleted or moved, or a cell of its header row 5 was cleared. The add-on cannot tell which cells hold your actions and writes nothing there. Undo that change (Ctrl+Z), so that row 5 reads from column A: Rank · Action · Stage · Lever · Expected change · Owner · Deadline · Status · Start · Revenue impact; then try again.',
    );
    expect(planDamageMessage('ru', { kind: 'columns', sheet: PLAN_RU, row: 3 })).toBe(
      'Столбцы плана действий (лист «Map · план») изменили: столбец вставили, удалили или передвинули либо очистили ячейку строки заголовков 3. Дополнение не может понять, в каких ячейках ваши действия, и ничего туда не пишет. Отмените это изменение (Ctrl+Z), чтобы строка 3 со столбца A шла так: Место · Действие · Этап · Рычаг · Ожидаемое изменение · Ответственный · Срок · Статус · Начало · Влияние на выручку, и повторите.',
    );
  });
});

describe('the plan sheet’s name', () => {
  it('is the map’s name and " · plan" (" · план" in Russian)', () => {
    expect(planSheetName('en', 'Coffee')).toBe('Coffee · plan');
    expect(planSheetName('ru', 'Кофе')).toBe('Кофе · план');
  });

  it('has control characters as spaces', () => {
    expect(planSheetName('en', 'Cof\nfee\t2\u2028x\u2029y')).toBe('Cof fee 2 x y · plan');
  });

  it('keeps 88 characters of a long name, room left for " (99)" within 100', () => {
    const long = `${'a'.repeat(80)}bcdefghijklmnop`;
    const name = planSheetName('en', long);
    expect(name).toBe(`${'a'.repeat(80)}bcdefghi · plan`);
    expect(name.length).toBe(95);
  });
});

describe('a renamed map’s plan', () => {
  it('without a plan: nothing to change, nothing renamed', () => {
    const e = withMap();
    expect(retitleChanges(e.ss, ID)).toEqual([]);
    retitlePlan(e.ss, ID, 'en', 'Tea');
    expect(e.ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Map']);
  });

  it('changes the plan sheet laid out whole: its 10 columns, every row, the sheet itself', () => {
    const e = withMap();
    save(e, [CALL]);
    const [changes, ...more] = retitleChanges(e.ss, ID);
    expect(more).toEqual([]);
    expect(changes?.sheet.getName()).toBe(PLAN);
    expect(changes?.sheetItself).toBe(true);
    expect(changes?.cells).toEqual([{ row: 1, col: 1, rows: 1000, cols: 10 }]);
  });

  it('follows the map: its sheet’s name and its title', () => {
    const e = withMap();
    save(e, [CALL]);
    retitlePlan(e.ss, ID, 'en', 'Tea');
    expect(e.ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Map', 'Tea · plan']);
    expect(e.wb.value('Tea · plan', 'A1')).toBe('Action plan: Tea');
    expect(e.sheet('Tea · plan').getColumnWidth(2)).toBe(260);
  });

  it('a long name widens the action column the user narrowed, so the title runs on whole', () => {
    const e = withMap();
    save(e, [CALL]);
    e.sheet(PLAN).setColumnWidths(1, 10, 50);
    const name = 'Customer journey of the premium coffee subscription for offices';
    retitlePlan(e.ss, ID, 'en', name);
    const plan = e.sheet('Customer journey of the premium coffee subscription for offices · plan');
    expect(e.wb.value(plan.getName(), 'A1')).toBe(`Action plan: ${name}`);
    expect(plan.getColumnWidth(2)).toBeGreaterThan(50);
    expect([1, 3, 9, 10].map((c) => plan.getColumnWidth(c))).toEqual([50, 50, 50, 50]);
  });

  it('a short name leaves narrowed columns as they are', () => {
    const e = withMap();
    save(e, [CALL]);
    e.sheet(PLAN).setColumnWidths(1, 10, 50);
    retitlePlan(e.ss, ID, 'en', 'Tea');
    expect(e.sheet('Tea · plan').getColumnWidth(2)).toBe(50);
  });

  it('leaves a user’s text two rows above the header as it is', () => {
    const e = withMap();
    save(e, [CALL]);
    e.wb.insertRows(PLAN, 3, 2);
    e.wb.setCell(PLAN, 'A3', 'my notes');
    retitlePlan(e.ss, ID, 'en', 'Tea');
    expect(e.wb.value('Tea · plan', 'A3')).toBe('my notes');
    expect(e.wb.value('Tea · plan', 'A1')).toBe('Action plan: Map');
  });

  it('finds its title two rows above a header moved down', () => {
    const e = withMap();
    save(e, [CALL]);
    e.wb.insertRows(PLAN, 1, 2);
    retitlePlan(e.ss, ID, 'ru', 'Чай');
    expect(e.wb.value('Чай · план', 'A3')).toBe('План действий: Чай');
  });

  it('with the header moved up to row 2 (no title row left), only the sheet is renamed', () => {
    const e = withMap();
    save(e, [CALL]);
    e.wb.deleteRows(PLAN, 1);
    retitlePlan(e.ss, ID, 'en', 'Tea');
    expect(e.wb.value('Tea · plan', 'A1')).toBe(NOTE_EN);
    expect(e.wb.value('Tea · plan', 'A2')).toBe('Rank');
  });
});
