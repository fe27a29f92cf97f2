import { describe, expect, it } from 'vitest';
import { type Journey, newStage, type Stage } from '../../../../src/core/map/journey';
import type { PlanCell } from '../../../../src/core/map/plan';
import {
  BLOCK_FIRST_ROW,
  BLOCK_KEYS,
  BLOCK_LAST_ROW,
  BLOCK_ROW,
  type BlockKey,
  blockCadence,
  blockMarker,
  blockRowsFree,
  cadenceChoices,
  isBlockCell,
  isBlockMarker,
  movedBlockRow,
  planBlock,
  POINTS_FORMAT,
  type ReviewFields,
  readBlock,
  redrawsCell,
  type TrendSource,
} from '../../../../src/core/review/block';
import { t, type Lang } from '../../../../src/core/words/i18n';
import { presetJourney } from '../../../support/journeys';

const ours: PlanCell = { value: '', owner: 'template', style: 'plain', numberFormat: '@' };
const users: PlanCell = { ...ours, owner: 'user' };
const row = (key: (typeof BLOCK_KEYS)[number]) => BLOCK_KEYS.indexOf(key);
// within the block: column A is 0, B is 1, the first stage (C) is 2
const stage = (i: number) => 2 + i;

describe('the review block after a stage edit', () => {
  it('draws its labels and column B again, never the goal, its date or the cadence', () => {
    const never = () => {
      throw new Error('a cell outside the stages asks where no stage was');
    };
    expect(redrawsCell(ours, row('goalNeeds'), 1, never)).toBe(true);
    expect(redrawsCell(ours, row('trend'), 0, never)).toBe(true);
    expect(redrawsCell(users, row('revenueGoal'), 1, never)).toBe(false);
  });

  it('draws a stage’s trend for the new order where it was ours, and clears it where the stage is now the first', () => {
    const was =
      (index: number | null, blank = false) =>
      () => ({ index, blank });
    // the stage at index 1 now was at 2: ours before and now
    expect(redrawsCell(ours, row('trendChange'), stage(1), was(2))).toBe(true);
    // now the first (the plan leaves the cell blank, the user's): our formula there is cleared
    expect(redrawsCell(users, row('trend'), stage(0), was(1))).toBe(true);
    // the first before, second now: a note the user typed stays; a blank cell gets the trend
    expect(redrawsCell(ours, row('trendAlert'), stage(1), was(0))).toBe(false);
    expect(redrawsCell(ours, row('trendAlert'), stage(1), was(0, true))).toBe(true);
    // first before and now (another stage moved): the user's
    expect(redrawsCell(users, row('trend'), stage(0), was(0, true))).toBe(false);
    // a stage just added: its column is new
    expect(redrawsCell(ours, row('trend'), stage(3), was(null, true))).toBe(true);
    expect(redrawsCell(users, row('trend'), stage(0), was(null, true))).toBe(false);
    // the goal rows beside the stages are the user's whatever moved
    expect(redrawsCell(users, row('goalDate'), stage(2), was(3))).toBe(false);
  });

  it('counts as its own, under the footer, what it draws: not the inputs, the first stage’s trend, nor right of the stages', () => {
    const first = 55; // the block's first row: the footer (53), one blank row
    expect(isBlockCell(first + row('goalNeeds'), 2, 3)).toBe(true);
    expect(isBlockCell(first + row('goalNeeds'), 1, 3)).toBe(true);
    // stages in C, D, E
    expect(isBlockCell(first + row('trend'), 5, 3)).toBe(true);
    expect(isBlockCell(first + row('trend'), 3, 3)).toBe(false);
    expect(isBlockCell(first + row('trend'), 6, 3)).toBe(false);
    expect(isBlockCell(first + row('revenueGoal'), 2, 3)).toBe(false);
    expect(isBlockCell(first + row('cadence'), 4, 3)).toBe(false);
    expect(isBlockCell(first - 1, 2, 3)).toBe(false);
    expect(isBlockCell(first + BLOCK_KEYS.length, 2, 3)).toBe(false);
  });
});

/** A map's values down to the block: each key's label in A and, for the section, the marker in B. */
function sheetValues(lang: Lang, over: (values: unknown[][]) => void = () => {}): unknown[][] {
  const values: unknown[][] = Array.from({ length: BLOCK_LAST_ROW }, () => ['', '', '']);
  BLOCK_KEYS.forEach((key, i) => {
    const row = values[BLOCK_FIRST_ROW - 1 + i] as unknown[];
    row[0] = key === 'reviewSection' ? t(lang, 'review.section') : t(lang, `review.row.${key}`);
  });
  (values[BLOCK_ROW.reviewSection - 1] as unknown[])[1] = blockMarker(lang);
  over(values);
  return values;
}
const put = (values: unknown[][], row: number, col: number, v: unknown) => {
  (values[row - 1] as unknown[])[col - 1] = v;
};

describe("the review block's inputs read from the map", () => {
  it('the goal, its date and the cadence, where the marker says the block is', () => {
    let asked = 0;
    const zone = () => {
      asked++;
      return 'UTC';
    };
    const values = sheetValues('en', (v) => {
      put(v, BLOCK_ROW.revenueGoal, 2, 500000);
      put(v, BLOCK_ROW.goalDate, 2, '2026-12-31');
      put(v, BLOCK_ROW.cadence, 2, 'quarter');
    });
    expect(readBlock(values, zone)).toEqual({
      present: true,
      fields: { revenueGoal: 500000, goalDate: '2026-12-31', cadence: 'quarter' },
    });
    // the time zone is asked for a date only
    expect(asked).toBe(0);
    put(values, BLOCK_ROW.goalDate, 2, new Date(Date.UTC(2026, 11, 31, 12)));
    expect(readBlock(values, zone).fields.goalDate).toBe('2026-12-31');
    expect(asked).toBe(1);
  });

  it('no block without its marker (either language, spaces aside) in its place', () => {
    expect(
      readBlock(sheetValues('ru', (v) => put(v, BLOCK_ROW.reviewSection, 2, ' CJM обзоры '))),
    ).toMatchObject({ present: true });
    expect(
      readBlock(sheetValues('en', (v) => put(v, BLOCK_ROW.reviewSection, 2, 'CJM review'))),
    ).toEqual({
      present: false,
      fields: { revenueGoal: '', goalDate: '', cadence: '' },
    });
    expect(readBlock([])).toMatchObject({ present: false });
    expect([isBlockMarker('CJM reviews'), isBlockMarker(null)]).toEqual([true, false]);
  });
});

describe('a block that is no longer where the add-on wrote it', () => {
  it('none while the marker and every input label are in their rows, in either language', () => {
    expect(movedBlockRow(sheetValues('en'))).toBeNull();
    expect(movedBlockRow(sheetValues('ru'))).toBeNull();
    expect(movedBlockRow([])).toBeNull();
  });

  it('the row its marker moved to, when rows were inserted above it', () => {
    const values = sheetValues('en');
    values.splice(BLOCK_FIRST_ROW - 1, 0, ['', '', ''], ['', '', '']);
    expect(movedBlockRow(values)).toBe(BLOCK_ROW.reviewSection + 2);
  });

  it('the row of an input whose label is not beside it', () => {
    const values = sheetValues('en', (v) => put(v, BLOCK_ROW.cadence, 1, 'My note'));
    expect(movedBlockRow(values)).toBe(BLOCK_ROW.cadence);
  });

  it("the goal's row, when the marker's row was deleted", () => {
    const values = sheetValues('ru');
    values.splice(BLOCK_ROW.reviewSection - 1, 1);
    expect(movedBlockRow(values)).toBe(BLOCK_ROW.revenueGoal - 1);
  });

  it('the rows a new block would take are free until something is typed there', () => {
    const empty: unknown[][] = Array.from({ length: BLOCK_LAST_ROW + 3 }, () => ['', '']);
    expect(blockRowsFree(empty)).toBe(true);
    empty[BLOCK_LAST_ROW] = ['below the block'];
    expect(blockRowsFree(empty)).toBe(true);
    empty[BLOCK_LAST_ROW - 1] = ['', 'typed'];
    expect(blockRowsFree(empty)).toBe(false);
  });
});

describe('which cells under the footer the block owns', () => {
  it('owns every label in A, column B but the three inputs, and the trend rows of every stage but the first', () => {
    // two stages, in C and D; columns 0 (before A) to E (right of the stages)
    const owned = (r: number) => [0, 1, 2, 3, 4, 5].map((col) => isBlockCell(r, col, 2));
    expect([55, 56, 57, 58, 59, 60, 61, 62, 63].map(owned)).toEqual([
      [false, true, true, false, false, false], // the section row
      [false, true, false, false, false, false], // the revenue goal
      [false, true, false, false, false, false], // its date
      [false, true, false, false, false, false], // the cadence
      [false, true, true, false, false, false], // progress to the goal
      [false, true, true, false, false, false], // what the weakest step needs
      [false, true, true, false, true, false], // trend
      [false, true, true, false, true, false], // change since the last review
      [false, true, true, false, true, false], // below target twice
    ]);
  });

  it('owns the trend of the second stage (D) and the last one, not the first (C) nor past the last', () => {
    expect(isBlockCell(61, 3, 4)).toBe(false);
    expect(isBlockCell(61, 4, 4)).toBe(true);
    expect(isBlockCell(62, 6, 4)).toBe(true);
    expect(isBlockCell(62, 7, 4)).toBe(false);
    expect(isBlockCell(63, 6, 4)).toBe(true);
  });

  it('owns nothing in the blank row under the footer nor in the row under the block', () => {
    expect(isBlockCell(54, 1, 3)).toBe(false);
    expect(isBlockCell(54, 4, 3)).toBe(false);
    expect(isBlockCell(64, 1, 3)).toBe(false);
    expect(isBlockCell(64, 4, 3)).toBe(false);
  });
});

describe('the review block after a stage edit, cell by cell', () => {
  it('asks where the stage now in the column was, for the row drawn', () => {
    const asked: [number, number][] = [];
    const before = (i: number, r: number) => {
      asked.push([i, r]);
      return { index: 2, blank: false };
    };
    redrawsCell(ours, row('trendChange'), stage(3), before);
    expect(asked).toEqual([[3, 7]]);
  });

  it('below the block’s last row, or in its non-trend rows, draws only what is the add-on’s', () => {
    const never = () => {
      throw new Error('only the trend rows ask where a stage was');
    };
    expect(redrawsCell(ours, BLOCK_KEYS.length, stage(1), never)).toBe(true);
    expect(redrawsCell(users, BLOCK_KEYS.length, stage(1), never)).toBe(false);
    expect(redrawsCell(ours, row('goalProgress'), stage(1), never)).toBe(true);
    expect(redrawsCell(users, row('reviewSection'), stage(1), never)).toBe(false);
    expect(redrawsCell(ours, row('trend'), 1, never)).toBe(true);
  });

  it('draws again (or clears) a trend cell that was the add-on’s, whoever holds it now', () => {
    const was = (index: number) => () => ({ index, blank: false });
    expect(redrawsCell(users, row('trend'), stage(2), was(1))).toBe(true);
    expect(redrawsCell(users, row('trendAlert'), stage(0), was(3))).toBe(true);
  });
});

describe("the block's marker", () => {
  it('reads “CJM reviews” in English and “CJM обзоры” in Russian', () => {
    expect(blockMarker('en')).toBe('CJM reviews');
    expect(blockMarker('ru')).toBe('CJM обзоры');
  });

  it('is not found in a blank cell, nor in other text', () => {
    expect(isBlockMarker('')).toBe(false);
    expect(isBlockMarker(undefined)).toBe(false);
    expect(isBlockMarker('  ')).toBe(false);
    expect(isBlockMarker('CJM side')).toBe(false);
    expect(isBlockMarker('CJM обзоры')).toBe(true);
  });
});

describe("the review block's inputs read from the map, edge cases", () => {
  it("a goal date read as a date takes its day in the spreadsheet's time zone", () => {
    // 22:00 UTC on 31 December is 17:00 that day in New York
    const values = sheetValues('en', (v) =>
      put(v, BLOCK_ROW.goalDate, 2, new Date(Date.UTC(2026, 11, 31, 22))),
    );
    expect(readBlock(values, () => 'America/New_York').fields.goalDate).toBe('2026-12-31');
  });

  it('a goal date read as a date without a time zone to ask for still reads as its day', () => {
    const values = sheetValues('en', (v) =>
      put(v, BLOCK_ROW.goalDate, 2, new Date(Date.UTC(2026, 11, 31))),
    );
    expect(readBlock(values).fields.goalDate).toBe('2026-12-31');
  });

  it('an empty goal date cell reads blank without asking for the time zone', () => {
    let asked = 0;
    const values = sheetValues('en', (v) => put(v, BLOCK_ROW.goalDate, 2, null));
    const read = readBlock(values, () => {
      asked++;
      return 'UTC';
    });
    expect(read.fields.goalDate).toBe('');
    expect(asked).toBe(0);
  });

  it('a sheet that ends at the marker’s row has the block with blank inputs', () => {
    const values = sheetValues('en').slice(0, BLOCK_ROW.reviewSection);
    expect(readBlock(values)).toEqual({
      present: true,
      fields: { revenueGoal: '', goalDate: '', cadence: '' },
    });
  });

  it('reads the inputs from column B only, as text or numbers', () => {
    const values = sheetValues('ru', (v) => {
      put(v, BLOCK_ROW.revenueGoal, 3, 999);
      put(v, BLOCK_ROW.revenueGoal, 2, '1 000 000');
      put(v, BLOCK_ROW.cadence, 2, 'ежеквартально');
    });
    expect(readBlock(values).fields).toEqual({
      revenueGoal: '1 000 000',
      goalDate: '',
      cadence: 'ежеквартально',
    });
  });
});

describe('a moved or damaged block, edge cases', () => {
  it("the goal's row, when the marker was cleared but its row kept", () => {
    const values = sheetValues('en', (v) => put(v, BLOCK_ROW.reviewSection, 2, ''));
    expect(movedBlockRow(values)).toBe(56);
  });

  it("the goal's row in English too, when the marker's row was deleted", () => {
    const values = sheetValues('en');
    values.splice(BLOCK_ROW.reviewSection - 1, 1);
    expect(movedBlockRow(values)).toBe(55);
  });

  it('row 54, right under the footer, when the blank row and the marker’s row were both deleted', () => {
    const values = sheetValues('en');
    values.splice(53, 2);
    expect(movedBlockRow(values)).toBe(54);
  });

  it('not a card row above the footer that happens to read “Revenue goal”', () => {
    const values = sheetValues('en', (v) => {
      put(v, 52, 1, 'Revenue goal');
      put(v, 53, 1, 'Revenue goal');
      put(v, 53, 2, 'CJM reviews');
    });
    expect(movedBlockRow(values)).toBeNull();
  });

  it('the last row of the block’s place, when eight rows pushed the marker there; nothing lower down', () => {
    const eight = sheetValues('en');
    eight.splice(53, 0, ...Array.from({ length: 8 }, () => ['', '', '']));
    expect(movedBlockRow(eight)).toBe(63);
    const nine = sheetValues('en');
    nine.splice(53, 0, ...Array.from({ length: 9 }, () => ['', '', '']));
    expect(movedBlockRow(nine)).toBeNull();
  });

  it('the row of the goal or of its date when that label is not beside it, the higher one first', () => {
    expect(movedBlockRow(sheetValues('en', (v) => put(v, BLOCK_ROW.revenueGoal, 1, 'Goal')))).toBe(
      56,
    );
    expect(movedBlockRow(sheetValues('ru', (v) => put(v, BLOCK_ROW.goalDate, 1, '')))).toBe(57);
    const both = sheetValues('en', (v) => {
      put(v, BLOCK_ROW.goalDate, 1, 'x');
      put(v, BLOCK_ROW.cadence, 1, 'y');
    });
    expect(movedBlockRow(both)).toBe(57);
  });

  it('labels with spaces around them, or in the other language, are still in place', () => {
    const values = sheetValues('en', (v) => {
      put(v, BLOCK_ROW.goalDate, 1, '  Goal date ');
      put(v, BLOCK_ROW.cadence, 1, 'Частота обзоров');
    });
    expect(movedBlockRow(values)).toBeNull();
  });

  it('the label rows past the end of a sheet cut after the marker are not beside it', () => {
    const values = sheetValues('en').slice(0, BLOCK_ROW.reviewSection);
    expect(movedBlockRow(values)).toBe(56);
  });

  it('the labels of the output rows may be typed over: only the inputs’ labels count', () => {
    const values = sheetValues('en', (v) => {
      put(v, BLOCK_ROW.goalProgress, 1, 'mine');
      put(v, BLOCK_ROW.trendAlert, 1, '');
    });
    expect(movedBlockRow(values)).toBeNull();
  });
});

describe('the rows a new block would take, edge cases', () => {
  const sheet = (rows: number): unknown[][] => Array.from({ length: rows }, () => ['', '', '']);

  it('are taken by anything in the blank row under the footer, but not by the footer', () => {
    const footer = sheet(BLOCK_LAST_ROW);
    footer[52] = ['CJM map TEST42 · template v2', 'CJM side', 'CJM stage abcd1234'];
    expect(blockRowsFree(footer)).toBe(true);
    const under = sheet(BLOCK_LAST_ROW);
    under[53] = ['', '', 'note'];
    expect(blockRowsFree(under)).toBe(false);
  });

  it('are taken by a zero or FALSE, not by empty cells read as null', () => {
    const zero = sheet(BLOCK_LAST_ROW);
    (zero[58] as unknown[])[1] = 0;
    expect(blockRowsFree(zero)).toBe(false);
    const no = sheet(BLOCK_LAST_ROW);
    (no[60] as unknown[])[4] = false;
    expect(blockRowsFree(no)).toBe(false);
    const nulls = sheet(BLOCK_LAST_ROW);
    nulls[56] = [null, undefined, ''];
    expect(blockRowsFree(nulls)).toBe(true);
  });

  it('are free on a sheet that ends above them', () => {
    expect(blockRowsFree(sheet(53))).toBe(true);
    expect(blockRowsFree(sheet(56))).toBe(true);
  });
});

describe("the block's cadence", () => {
  it('reads the cadence word in either language, monthly when blank, null for anything else', () => {
    const cadence = (c: string | number) =>
      blockCadence({ revenueGoal: '', goalDate: '', cadence: c });
    expect(cadence('quarterly')).toBe('quarter');
    expect(cadence(' Weekly ')).toBe('week');
    expect(cadence('ежемесячно')).toBe('month');
    expect(cadence('')).toBe('month');
    expect(cadence('daily')).toBeNull();
    expect(cadence(3)).toBeNull();
  });

  it('offers weekly, monthly and quarterly in the dropdown, in the map’s language', () => {
    expect(cadenceChoices('en')).toEqual(['weekly', 'monthly', 'quarterly']);
    expect(cadenceChoices('ru')).toEqual(['еженедельно', 'ежемесячно', 'ежеквартально']);
  });

  it('shows a change in signed percentage points, “pp” in English and “п.п.” in Russian', () => {
    expect(POINTS_FORMAT).toEqual({
      en: '+0.0" pp";-0.0" pp";0.0" pp"',
      ru: '+0.0" п.п.";-0.0" п.п.";0.0" п.п."',
    });
  });
});

/** A map of four stages with fixed ids: Visit (L), Trial, Buy (C: the deal), Repeat (Q). */
function fourStages(lang: Lang = 'en', roles: Stage['role'][] = ['L', '', 'C', 'Q']): Journey {
  const ids = ['visit111', 'trial222', 'buy33333', 'rept4444'];
  const names = ['Visit', 'Trial', 'Buy', 'Repeat'];
  return {
    ...presetJourney(lang),
    stages: ids.map((id, i) => newStage(names[i] ?? '', roles[i] ?? '', id)),
  };
}
function twoStages(lang: Lang = 'en'): Journey {
  return { ...fourStages(lang), stages: fourStages(lang).stages.slice(0, 2) };
}
/** A history with P in E, Q in F, the customers of the stages in H–K and their targets in L–O. */
const HISTORY_COLUMNS: [string, number][] = [
  ['from', 1],
  ['to', 2],
  ['P', 5],
  ['Q', 6],
  ['customers visit111', 8],
  ['customers trial222', 9],
  ['customers buy33333', 10],
  ['customers rept4444', 11],
  ['target visit111', 12],
  ['target trial222', 13],
  ['target buy33333', 14],
  ['target rept4444', 15],
];
const history = (rows: number[], without: string[] = [], sheetName = 'Hist'): TrendSource => ({
  sheetName,
  history: { columns: new Map(HISTORY_COLUMNS.filter(([m]) => !without.includes(m))) },
  rows,
});
const noFields: ReviewFields = { revenueGoal: '', goalDate: '', cadence: '' };
const RUB = '#,##0 [$₽-419]';
const cellAt = (plan: PlanCell[][], key: BlockKey, c: number) => plan[row(key)]?.[c];
const blankCell = (owner: PlanCell['owner']): PlanCell => ({
  value: '',
  owner,
  style: 'plain',
  numberFormat: '@',
});
const label = (value: string): PlanCell => ({
  value,
  owner: 'template',
  style: 'label',
  numberFormat: '@',
});
const drawn = (formula: string, style: PlanCell['style'], numberFormat: string): PlanCell => ({
  value: '',
  owner: 'template',
  style,
  numberFormat,
  formula,
});
const COLUMN_SPARK = '{"charttype","column";"empty","ignore";"nan","ignore";"color","#188038"}';
const LINE_SPARK = '{"charttype","line";"empty","ignore";"nan","ignore";"color","#1a73e8"}';
const TREND_ROWS = ['trend', 'trendChange', 'trendAlert'] as const;

describe('the review block as drawn under a map', () => {
  it('is nine rows of column A, column B and one column per stage', () => {
    const four = planBlock(fourStages(), noFields, null, RUB);
    expect(four.map((r) => r.length)).toEqual([6, 6, 6, 6, 6, 6, 6, 6, 6]);
    const two = planBlock(twoStages(), noFields, history([4, 5]), RUB);
    expect(two.map((r) => r.length)).toEqual([4, 4, 4, 4, 4, 4, 4, 4, 4]);
  });

  it('labels its rows in column A in English, the section title first', () => {
    const plan = planBlock(fourStages('en'), noFields, null, RUB);
    expect(plan.map((r) => r[0])).toEqual([
      { value: 'Reviews and goal', owner: 'template', style: 'sectionLabel', numberFormat: '@' },
      label('Revenue goal'),
      label('Goal date'),
      label('Review cadence'),
      label('Progress to the goal'),
      label('Step the weakest transition needs for the goal'),
      label('Trend: step conversion (B: revenue)'),
      label('Change since the last review'),
      label('Below target twice'),
    ]);
  });

  it('labels its rows in column A in Russian on a Russian map', () => {
    const plan = planBlock(fourStages('ru'), noFields, null, RUB);
    expect(plan.map((r) => r[0]?.value)).toEqual([
      'Обзоры и цель',
      'Цель по выручке',
      'Срок цели',
      'Частота обзоров',
      'Выполнение цели',
      'Какая конверсия нужна слабому шагу для цели',
      'Тренд: конверсия шага (B — выручка)',
      'Изменение с прошлого обзора',
      'Ниже цели дважды',
    ]);
  });

  it('carries its marker in B of the first row, with a section band over the stages left to the user', () => {
    const en = planBlock(fourStages('en'), noFields, null, RUB)[0];
    const band: PlanCell = { value: '', owner: 'user', style: 'section', numberFormat: '@' };
    expect(en).toEqual([
      { value: 'Reviews and goal', owner: 'template', style: 'sectionLabel', numberFormat: '@' },
      { value: 'CJM reviews', owner: 'template', style: 'footer', numberFormat: '@' },
      band,
      band,
      band,
      band,
    ]);
    expect(planBlock(fourStages('ru'), noFields, null, RUB)[0]?.[1]?.value).toBe('CJM обзоры');
  });

  it('keeps the revenue goal as typed, in the money format with the money check, the user’s to edit', () => {
    const goal = (revenueGoal: string | number) =>
      cellAt(planBlock(fourStages(), { ...noFields, revenueGoal }, null, RUB), 'revenueGoal', 1);
    expect(goal(500000)).toEqual({
      value: 500000,
      owner: 'user',
      style: 'input',
      numberFormat: '#,##0 [$₽-419]',
      validation: 'money',
    });
    expect(goal('about a million')?.value).toBe('about a million');
    expect(goal('')?.value).toBe('');
  });

  it('writes an ISO goal date as a date in the map’s date format, and anything else as it was typed', () => {
    const date = (lang: Lang, goalDate: string | number) =>
      cellAt(planBlock(fourStages(lang), { ...noFields, goalDate }, null, RUB), 'goalDate', 1);
    expect(date('en', '2026-12-31')).toEqual({
      value: 46387,
      owner: 'user',
      style: 'plain',
      numberFormat: 'yyyy-mm-dd',
    });
    expect(date('ru', '2027-03-01')).toEqual({
      value: 46447,
      owner: 'user',
      style: 'plain',
      numberFormat: 'dd.mm.yyyy',
    });
    expect(date('en', 'end of year')?.value).toBe('end of year');
    expect(date('en', '2026-02-30')?.value).toBe('2026-02-30');
    expect(date('en', 46387)?.value).toBe(46387);
    expect(date('ru', '')?.value).toBe('');
  });

  it('fills a blank cadence with “monthly” in the map’s language and keeps a typed one, with the cadence dropdown', () => {
    const cadence = (lang: Lang, c: string) =>
      cellAt(planBlock(fourStages(lang), { ...noFields, cadence: c }, null, RUB), 'cadence', 1);
    expect(cadence('en', '')).toEqual({
      value: 'monthly',
      owner: 'user',
      style: 'input',
      numberFormat: '@',
      validation: 'cadence',
    });
    expect(cadence('ru', '')?.value).toBe('ежемесячно');
    expect(cadence('en', 'quarterly')?.value).toBe('quarterly');
    expect(cadence('ru', 'каждый день')?.value).toBe('каждый день');
  });

  it('computes the progress to the goal as the revenue in B34 over the goal in B56, as a percentage', () => {
    const plan = planBlock(fourStages(), { ...noFields, revenueGoal: 1000 }, null, RUB);
    expect(cellAt(plan, 'goalProgress', 1)).toEqual(
      drawn('=IF(AND(ISNUMBER(B34),ISNUMBER(B56)),IF(B56>0,B34/B56,""),"")', 'computed', '0.0%'),
    );
  });

  it('computes the step the weakest transition (B35) needs, from the stage names, roles and steps of the map', () => {
    const k = 'MATCH(TRIM(MID(B35,FIND("→",B35)+1,1000)),$C$9:$F$9,0)';
    const plan = planBlock(fourStages(), noFields, null, RUB);
    expect(cellAt(plan, 'goalNeeds', 1)).toEqual(
      drawn(
        `=IFERROR(IF(AND(ISNUMBER(B59),B59>0,B59<1,AND(${k}>IFERROR(MATCH("L",$C$24:$F$24,0),1),${k}<=IFERROR(MATCH("C",$C$24:$F$24,0),COLUMNS($C$24:$F$24)))),INDEX($C$29:$F$29,1,${k})/B59,""),"")`,
        'computed',
        '0.0%',
      ),
    );
    // on a map of two stages, the ranges end at D
    const two = cellAt(planBlock(twoStages(), noFields, null, RUB), 'goalNeeds', 1)?.formula;
    expect(two).toContain('$C$9:$D$9,0)');
    expect(two).toContain('MATCH("C",$C$24:$D$24,0),COLUMNS($C$24:$D$24)');
    expect(two).toContain('INDEX($C$29:$D$29,1,');
    expect(two).not.toContain('$F$');
  });

  it('leaves the stage columns of the goal, date, cadence, progress and needs rows blank for the user', () => {
    const plan = planBlock(fourStages(), noFields, history([4, 5]), RUB);
    for (const key of ['revenueGoal', 'goalDate', 'cadence', 'goalProgress', 'goalNeeds'] as const)
      expect(plan[row(key)]?.slice(2)).toEqual([
        blankCell('user'),
        blankCell('user'),
        blankCell('user'),
        blankCell('user'),
      ]);
  });

  it('gives the add-on the labels, B but the inputs, and the trend rows of every stage but the first', () => {
    const plan = planBlock(fourStages(), noFields, history([4, 5]), RUB);
    const [o, u] = ['template', 'user'];
    expect(plan.map((r) => r.map((c) => c.owner))).toEqual([
      [o, o, u, u, u, u],
      [o, u, u, u, u, u],
      [o, u, u, u, u, u],
      [o, u, u, u, u, u],
      [o, o, u, u, u, u],
      [o, o, u, u, u, u],
      [o, o, u, o, o, o],
      [o, o, u, o, o, o],
      [o, o, u, o, o, o],
    ]);
  });

  it('before two reviews are recorded, says in B how to get trends and what ⚠ means, the stages’ trend cells blank', () => {
    for (const source of [null, history([]), history([4])]) {
      const plan = planBlock(fourStages('en'), noFields, source, RUB);
      expect(plan[row('trend')]?.[1]).toEqual({
        value: 'Record two reviews to see trends: Extensions → CJM → Record a review.',
        owner: 'template',
        style: 'hint',
        numberFormat: '@',
      });
      expect(plan[row('trendChange')]?.[1]).toEqual(blankCell('template'));
      expect(plan[row('trendAlert')]?.[1]).toEqual({
        value: '⚠ marks a stage below its target two periods running',
        owner: 'template',
        style: 'hint',
        numberFormat: '@',
      });
      for (const key of TREND_ROWS)
        expect(plan[row(key)]?.slice(2)).toEqual([
          blankCell('user'),
          blankCell('template'),
          blankCell('template'),
          blankCell('template'),
        ]);
    }
  });

  it('before two reviews are recorded, gives its hints in Russian on a Russian map', () => {
    const plan = planBlock(fourStages('ru'), noFields, history([4]), RUB);
    expect(cellAt(plan, 'trend', 1)?.value).toBe(
      'Проведите два обзора, чтобы увидеть тренды: Расширения → CJM → Провести обзор.',
    );
    expect(cellAt(plan, 'trendAlert', 1)?.value).toBe('⚠ — этап ниже цели два периода подряд');
  });

  it('once two reviews are recorded, draws in B the revenue as green columns and its change in money', () => {
    const plan = planBlock(fourStages(), noFields, history([4, 5]), RUB);
    expect(cellAt(plan, 'trend', 1)).toEqual(
      drawn(
        `=ARRAYFORMULA(SPARKLINE(IFERROR('Hist'!$J$4:$J$5*'Hist'!$E$4:$E$5*'Hist'!$F$4:$F$5,""),${COLUMN_SPARK}))`,
        'formula',
        '@',
      ),
    );
    expect(cellAt(plan, 'trendChange', 1)).toEqual(
      drawn(
        `=IFERROR('Hist'!$J$5*'Hist'!$E$5*'Hist'!$F$5-('Hist'!$J$4*'Hist'!$E$4*'Hist'!$F$4),"")`,
        'computed',
        '#,##0 [$₽-419]',
      ),
    );
    expect(cellAt(plan, 'trendAlert', 1)?.value).toBe(
      '⚠ marks a stage below its target two periods running',
    );
  });

  it('once two reviews are recorded, draws each stage’s step as a blue line, its change in points and a ⚠ below target twice', () => {
    const plan = planBlock(fourStages('en'), noFields, history([4, 5]), RUB);
    // the second stage, Trial (I) after Visit (H), its target in M
    expect(cellAt(plan, 'trend', 3)).toEqual(
      drawn(
        `=ARRAYFORMULA(SPARKLINE(IFERROR('Hist'!$I$4:$I$5/'Hist'!$H$4:$H$5,""),${LINE_SPARK}))`,
        'formula',
        '@',
      ),
    );
    expect(cellAt(plan, 'trendChange', 3)).toEqual(
      drawn(
        `=IFERROR(('Hist'!$I$5/'Hist'!$H$5-'Hist'!$I$4/'Hist'!$H$4)*100,"")`,
        'computed',
        '+0.0" pp";-0.0" pp";0.0" pp"',
      ),
    );
    expect(cellAt(plan, 'trendAlert', 3)).toEqual(
      drawn(
        `=IFERROR(IF(AND(ISNUMBER('Hist'!$M$5),ISNUMBER('Hist'!$M$4),'Hist'!$I$5/'Hist'!$H$5<'Hist'!$M$5,'Hist'!$I$4/'Hist'!$H$4<'Hist'!$M$4),"⚠ below target two periods running",""),"")`,
        'computed',
        '@',
      ),
    );
    // the last stage, Repeat (K) after Buy (J), its target in O
    expect(cellAt(plan, 'trend', 5)?.formula).toBe(
      `=ARRAYFORMULA(SPARKLINE(IFERROR('Hist'!$K$4:$K$5/'Hist'!$J$4:$J$5,""),${LINE_SPARK}))`,
    );
    expect(cellAt(plan, 'trendAlert', 5)?.formula).toBe(
      `=IFERROR(IF(AND(ISNUMBER('Hist'!$O$5),ISNUMBER('Hist'!$O$4),'Hist'!$K$5/'Hist'!$J$5<'Hist'!$O$5,'Hist'!$K$4/'Hist'!$J$4<'Hist'!$O$4),"⚠ below target two periods running",""),"")`,
    );
    // the first stage has no step before it: the user's to write in
    for (const key of TREND_ROWS) expect(cellAt(plan, key, 2)).toEqual(blankCell('user'));
  });

  it('on a Russian map, shows the stages’ change in “п.п.” and the ⚠ in Russian', () => {
    const plan = planBlock(fourStages('ru'), noFields, history([4, 5]), RUB);
    expect(cellAt(plan, 'trendChange', 4)?.numberFormat).toBe('+0.0" п.п.";-0.0" п.п.";0.0" п.п."');
    expect(cellAt(plan, 'trendAlert', 4)?.formula).toBe(
      `=IFERROR(IF(AND(ISNUMBER('Hist'!$N$5),ISNUMBER('Hist'!$N$4),'Hist'!$J$5/'Hist'!$I$5<'Hist'!$N$5,'Hist'!$J$4/'Hist'!$I$4<'Hist'!$N$4),"⚠ ниже цели два периода подряд",""),"")`,
    );
  });

  it('draws the trends from the first to the last counted period, and the change from the last two', () => {
    const plan = planBlock(fourStages(), noFields, history([4, 6, 9]), RUB);
    expect(cellAt(plan, 'trend', 1)?.formula).toBe(
      `=ARRAYFORMULA(SPARKLINE(IFERROR('Hist'!$J$4:$J$9*'Hist'!$E$4:$E$9*'Hist'!$F$4:$F$9,""),${COLUMN_SPARK}))`,
    );
    expect(cellAt(plan, 'trendChange', 1)?.formula).toBe(
      `=IFERROR('Hist'!$J$9*'Hist'!$E$9*'Hist'!$F$9-('Hist'!$J$6*'Hist'!$E$6*'Hist'!$F$6),"")`,
    );
    expect(cellAt(plan, 'trendChange', 3)?.formula).toBe(
      `=IFERROR(('Hist'!$I$9/'Hist'!$H$9-'Hist'!$I$6/'Hist'!$H$6)*100,"")`,
    );
  });

  it('draws no more than the last twelve periods', () => {
    // thirteen periods in rows 4 to 16: the first is left out
    const rows = [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
    const plan = planBlock(fourStages(), noFields, history(rows), RUB);
    expect(cellAt(plan, 'trend', 1)?.formula).toBe(
      `=ARRAYFORMULA(SPARKLINE(IFERROR('Hist'!$J$5:$J$16*'Hist'!$E$5:$E$16*'Hist'!$F$5:$F$16,""),${COLUMN_SPARK}))`,
    );
    expect(cellAt(plan, 'trend', 3)?.formula).toBe(
      `=ARRAYFORMULA(SPARKLINE(IFERROR('Hist'!$I$5:$I$16/'Hist'!$H$5:$H$16,""),${LINE_SPARK}))`,
    );
    expect(cellAt(plan, 'trendChange', 1)?.formula).toBe(
      `=IFERROR('Hist'!$J$16*'Hist'!$E$16*'Hist'!$F$16-('Hist'!$J$15*'Hist'!$E$15*'Hist'!$F$15),"")`,
    );
    // twelve periods are all drawn
    const twelve = planBlock(fourStages(), noFields, history(rows.slice(1)), RUB);
    expect(cellAt(twelve, 'trend', 3)?.formula).toContain("'Hist'!$I$5:$I$16/");
  });

  it('counts the revenue at the deal stage (role C), else at the last stage', () => {
    const change = (roles: Stage['role'][]) =>
      cellAt(planBlock(fourStages('en', roles), noFields, history([4, 5]), RUB), 'trendChange', 1)
        ?.formula;
    expect(change(['L', '', 'C', 'Q'])).toBe(
      `=IFERROR('Hist'!$J$5*'Hist'!$E$5*'Hist'!$F$5-('Hist'!$J$4*'Hist'!$E$4*'Hist'!$F$4),"")`,
    );
    expect(change(['L', '', '', 'Q'])).toBe(
      `=IFERROR('Hist'!$K$5*'Hist'!$E$5*'Hist'!$F$5-('Hist'!$K$4*'Hist'!$E$4*'Hist'!$F$4),"")`,
    );
    expect(change(['C', 'L', 'C', 'Q'])).toBe(
      `=IFERROR('Hist'!$H$5*'Hist'!$E$5*'Hist'!$F$5-('Hist'!$H$4*'Hist'!$E$4*'Hist'!$F$4),"")`,
    );
    const trend = cellAt(
      planBlock(fourStages('en', ['', '', '', '']), noFields, history([4, 5]), RUB),
      'trend',
      1,
    );
    expect(trend?.formula).toContain("IFERROR('Hist'!$K$4:$K$5*'Hist'!$E$4:$E$5*");
  });

  it('without the average check, the purchases or the deal stage’s customers in the history, keeps the hint in B and no revenue change', () => {
    for (const missing of ['P', 'Q', 'customers buy33333']) {
      const plan = planBlock(fourStages(), noFields, history([4, 5], [missing]), RUB);
      expect(cellAt(plan, 'trend', 1)?.style).toBe('hint');
      expect(cellAt(plan, 'trend', 1)?.value).toBe(
        'Record two reviews to see trends: Extensions → CJM → Record a review.',
      );
      expect(cellAt(plan, 'trendChange', 1)).toEqual(blankCell('template'));
      // the second stage's step is still drawn
      expect(cellAt(plan, 'trend', 3)?.formula).toBe(
        `=ARRAYFORMULA(SPARKLINE(IFERROR('Hist'!$I$4:$I$5/'Hist'!$H$4:$H$5,""),${LINE_SPARK}))`,
      );
    }
  });

  it('leaves blank the trend cells of a stage whose customers, or the previous stage’s, the history lacks', () => {
    const plan = planBlock(fourStages(), noFields, history([4, 5], ['customers trial222']), RUB);
    // Trial (D) and Buy after it (E): blank, still the add-on's
    for (const key of TREND_ROWS) {
      expect(cellAt(plan, key, 3)).toEqual(blankCell('template'));
      expect(cellAt(plan, key, 4)).toEqual(blankCell('template'));
    }
    // Repeat after Buy (F) and the revenue in B are drawn
    expect(cellAt(plan, 'trendChange', 5)?.formula).toBe(
      `=IFERROR(('Hist'!$K$5/'Hist'!$J$5-'Hist'!$K$4/'Hist'!$J$4)*100,"")`,
    );
    expect(cellAt(plan, 'trend', 1)?.style).toBe('formula');
  });

  it('leaves the ⚠ blank for a stage whose target the history lacks, its trend and change still drawn', () => {
    const plan = planBlock(fourStages(), noFields, history([4, 5], ['target buy33333']), RUB);
    expect(cellAt(plan, 'trendAlert', 4)).toEqual(blankCell('template'));
    expect(cellAt(plan, 'trend', 4)?.formula).toBe(
      `=ARRAYFORMULA(SPARKLINE(IFERROR('Hist'!$J$4:$J$5/'Hist'!$I$4:$I$5,""),${LINE_SPARK}))`,
    );
    expect(cellAt(plan, 'trendChange', 4)?.style).toBe('computed');
    expect(cellAt(plan, 'trendAlert', 5)?.style).toBe('computed');
    // the ⚠ of Trial (D) needs its own target only
    const noTrialTarget = planBlock(
      fourStages(),
      noFields,
      history([4, 5], ['target trial222']),
      RUB,
    );
    expect(cellAt(noTrialTarget, 'trendAlert', 3)).toEqual(blankCell('template'));
    expect(cellAt(noTrialTarget, 'trendAlert', 4)?.style).toBe('computed');
  });

  it('names the history sheet quoted, its apostrophes doubled, whatever else its name holds', () => {
    const plan = planBlock(fourStages(), noFields, history([4, 5], [], "Bob's! history"), RUB);
    expect(cellAt(plan, 'trend', 1)?.formula).toBe(
      `=ARRAYFORMULA(SPARKLINE(IFERROR('Bob''s! history'!$J$4:$J$5*'Bob''s! history'!$E$4:$E$5*'Bob''s! history'!$F$4:$F$5,""),${COLUMN_SPARK}))`,
    );
    expect(cellAt(plan, 'trend', 3)?.formula).toBe(
      `=ARRAYFORMULA(SPARKLINE(IFERROR('Bob''s! history'!$I$4:$I$5/'Bob''s! history'!$H$4:$H$5,""),${LINE_SPARK}))`,
    );
  });
});
