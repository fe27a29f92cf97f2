/**
 * The words a user reads in #ERROR! (the full message) and in a "⚠" cell of a spilled range (the
 * brief one), in English and Russian: the argument named, the value as its cell shows it, and the
 * place of a bad value in a range. Expected texts are the catalogue's sentences filled in by hand.
 */
import { describe, expect, it } from 'vitest';
import { CJM_BOTTLENECK } from '../../../src/formulas/bottleneck';
import { CJM_CONVERSION } from '../../../src/formulas/conversion';
import { readCounts } from '../../../src/formulas/counts';
import { describePosition, type Position } from '../../../src/formulas/errors';
import { CJM_FUNNEL } from '../../../src/formulas/funnel';
import type { Argument, CellValue } from '../../../src/formulas/grid';
import { CJM_IMPACT } from '../../../src/formulas/impact';
import { toNumber } from '../../../src/formulas/kinds';
import { describe as describeValue, describeDate, type Lang } from '../../../src/formulas/messages';
import { CJM_REQUIRED } from '../../../src/formulas/required';
import { CJM_REVENUE } from '../../../src/formulas/revenue';
import type { FormulaSpec } from '../../../src/formulas/spec';
import { thrown } from './thrown';

const col = (...v: CellValue[]) => v.map((x) => [x]);
const row = (...v: CellValue[]) => [v];

/** The full message of one bad call, in each language. */
const full = (f: FormulaSpec, ...args: Argument[]) => ({
  en: thrown(() => f.evaluate('en', args)).message,
  ru: thrown(() => f.evaluate('ru', args)).message,
});
/** What a call returns (a spilled range), in each language. */
const spill = (f: FormulaSpec, ...args: Argument[]) => ({
  en: f.evaluate('en', args),
  ru: f.evaluate('ru', args),
});
const both = <T>(show: (lang: Lang) => T) => ({ en: show('en'), ru: show('ru') });

describe('where a bad value sits in a range', () => {
  it('a column names the row, a row the column, a grid both, 1-based; a single cell nothing', () => {
    const place = (p: Position | undefined) => both((lang) => describePosition(p, lang));
    expect(place(undefined)).toEqual({ en: '', ru: '' });
    expect(place({ row: 0, col: 0, rows: 1, cols: 1 })).toEqual({ en: '', ru: '' });
    expect(place({ row: 2, col: 0, rows: 5, cols: 1 })).toEqual({
      en: ' in row 3',
      ru: ' в строке 3',
    });
    expect(place({ row: 0, col: 3, rows: 1, cols: 6 })).toEqual({
      en: ' in column 4',
      ru: ' в столбце 4',
    });
    expect(place({ row: 1, col: 2, rows: 3, cols: 4 })).toEqual({
      en: ' in row 2, column 3',
      ru: ' в строке 2, столбце 3',
    });
  });

  it('a negative leads cell in a grid argument is named by its row and column', () => {
    const at = { row: 1, col: 2, rows: 3, cols: 4 };
    const said = (lang: Lang) =>
      thrown(() => toNumber({ fn: 'CJM_REVENUE', lang }, 'leads', 'count', -3, at)).message;
    expect(both(said)).toEqual({
      en: 'CJM_REVENUE: leads must be a number of customers, 0 or more (e.g. 1000); got -3 in row 2, column 3',
      ru: 'CJM_REVENUE: аргумент leads должен быть числом клиентов, 0 или больше (например, 1000); получено: -3 в строке 2, столбце 3',
    });
  });

  it('a funnel that grows: a row of counts names the column, a column of counts the row', () => {
    const counts = { name: 'counts', kind: 'count' } as const;
    const issue = (lang: Lang, arg: Argument, i: number) =>
      readCounts({ fn: 'CJM_FUNNEL', lang }, counts, arg).issues[i]?.error;
    expect(both((lang) => issue(lang, row(100, 50, 70), 2)?.message)).toEqual({
      en: 'CJM_FUNNEL: counts must not increase along the funnel: stage 3 has 70, more than stage 2 (50) in column 3; list the customers who reached each stage, first stage first',
      ru: 'CJM_FUNNEL: числа в counts не должны расти по воронке: на этапе 3 70 — больше, чем на этапе 2 (50) в столбце 3; укажите, сколько клиентов дошло до каждого этапа, начиная с первого',
    });
    // a blank stage between: the stage it exceeds is named, and 70.5 is written as the language does
    const gap = both((lang) => issue(lang, col(100, 50, '', 70.5), 3));
    expect(gap.en?.message).toBe(
      'CJM_FUNNEL: counts must not increase along the funnel: stage 4 has 70.5, more than stage 2 (50) in row 4; list the customers who reached each stage, first stage first',
    );
    expect(gap.ru?.message).toBe(
      'CJM_FUNNEL: числа в counts не должны расти по воронке: на этапе 4 70,5 — больше, чем на этапе 2 (50) в строке 4; укажите, сколько клиентов дошло до каждого этапа, начиная с первого',
    );
    expect({ en: gap.en?.brief, ru: gap.ru?.brief }).toEqual({
      en: '⚠ more than stage 2',
      ru: '⚠ больше, чем на этапе 2',
    });
  });

  it("CJM_FUNNEL's table marks the stage that exceeds an earlier one across a blank", () => {
    const out = spill(CJM_FUNNEL, col(100, 50, '', 70));
    expect((out.en as unknown[][])[4]).toEqual(['Stage 4', 70, '⚠ more than stage 2', '', '']);
  });

  it("a step's bad count is named by its column in the map's counts row, the edge column counted", () => {
    // the range starts at the edge column: -5 (the count of Lead) is its third cell
    const counts = [['(hint)', 1000, -5, 110, 30, 20, '']];
    const names = [['(hint)', 'Visit', 'Lead', 'Trial', 'Paid', 'Retention', '']];
    const roles = [['(hint)', '', 'L', 'L', 'C', 'Q', '']];
    expect(
      full(CJM_IMPACT, 400, 0.075, 1100, 1, 'step', '+3 pp', false, 'Trial', names, roles, counts),
    ).toEqual({
      en: 'CJM_IMPACT: counts must be a number of customers, 0 or more (e.g. 1000); got -5 in column 3',
      ru: 'CJM_IMPACT: аргумент counts должен быть числом клиентов, 0 или больше (например, 1000); получено: -5 в столбце 3',
    });
    // in a plan the row says it briefly, naming the argument as the customers
    const plan = CJM_IMPACT.evaluate('ru', [
      400,
      0.075,
      1100,
      1,
      col('step'),
      col('+3 pp'),
      true,
      col('Trial'),
      names,
      roles,
      counts,
    ]) as unknown[][];
    expect(plan[0]).toEqual(['⚠ клиенты: меньше 0']);
  });
});

describe('a value as a message shows it', () => {
  it('TRUE and FALSE are written in the language of the sheet', () => {
    expect(full(CJM_REVENUE, 10, 0.1, 5, false)).toEqual({
      en: 'CJM_REVENUE: purchases must be a number of purchases per customer, 0 or more (e.g. 1.5); got FALSE',
      ru: 'CJM_REVENUE: аргумент purchases должен быть числом покупок на клиента, 0 или больше (например, 1,5); получено: ЛОЖЬ',
    });
    expect(full(CJM_REVENUE, 10, 0.1, 5, true)).toEqual({
      en: 'CJM_REVENUE: purchases must be a number of purchases per customer, 0 or more (e.g. 1.5); got TRUE',
      ru: 'CJM_REVENUE: аргумент purchases должен быть числом покупок на клиента, 0 или больше (например, 1,5); получено: ИСТИНА',
    });
  });

  it('a fraction has a decimal comma in Russian, and a percentage typed as a number gets its hint', () => {
    expect(full(CJM_REVENUE, 1000, 1.5, 10)).toEqual({
      en: 'CJM_REVENUE: conversion must be a share from 0 to 1 (5% or 0.05) (for 1.5 percent type 1.5% or 0.015); got 1.5',
      ru: 'CJM_REVENUE: аргумент conversion должен быть долей от 0 до 1 (5% или 0,05) (для 1,5 процентов введите 1,5% или 0,015); получено: 1,5',
    });
    expect(full(CJM_REVENUE, 10, 0.1, -2.5)).toEqual({
      en: 'CJM_REVENUE: avg_check must be an amount of money, 0 or more (e.g. 2000); got -2.5',
      ru: 'CJM_REVENUE: аргумент avg_check должен быть суммой денег, 0 или больше (например, 2000); получено: -2,5',
    });
  });

  it('a date is written as the language writes dates, its day and month with two digits', () => {
    expect(full(CJM_REVENUE, new Date(2026, 0, 5), 0.1, 10)).toEqual({
      en: "CJM_REVENUE: leads is a date, not a number; got a date (2026-01-05). leads must be a number of customers, 0 or more (e.g. 1000): type the number, or set the cell's format to Number (Format → Number → Number)",
      ru: 'CJM_REVENUE: аргумент leads — дата, а не число; получено: дата (05.01.2026). Аргумент leads должен быть числом клиентов, 0 или больше (например, 1000): введите число или задайте ячейке числовой формат (Формат → Числа → Число)',
    });
    // a year before 1000 keeps its four digits
    expect(both((lang) => describeDate(new Date(999, 6, 9), lang))).toEqual({
      en: '0999-07-09',
      ru: '09.07.0999',
    });
  });

  it('an invalid date is called one, as a value and as a stage label', () => {
    const bad = new Date(Number.NaN);
    const e = full(CJM_REVENUE, bad, 0.1, 10);
    expect(e.en).toMatch(/^CJM_REVENUE: leads is a date, not a number; got an invalid date\. /);
    expect(e.ru).toMatch(
      /^CJM_REVENUE: аргумент leads — дата, а не число; получено: неверная дата\. /,
    );
    const table = spill(CJM_FUNNEL, row(10, 5), row(bad, 'Cart'));
    expect((table.en as unknown[][])[1]?.[0]).toBe('an invalid date');
    expect((table.ru as unknown[][])[1]?.[0]).toBe('неверная дата');
    expect(both((lang) => describeDate(bad, lang))).toEqual({
      en: 'an invalid date',
      ru: 'неверная дата',
    });
  });

  it('an empty value (null or undefined from a script) is a blank cell', () => {
    for (const blank of [null, undefined])
      expect(both((lang) => describeValue(blank, lang))).toEqual({
        en: 'a blank cell',
        ru: 'пустая ячейка',
      });
  });

  it('text is quoted whole up to 40 characters, and longer text is cut to 37 and "..."', () => {
    const forty = 'about one thousand leads, give or take!!';
    expect(forty).toHaveLength(40);
    expect(thrown(() => CJM_REVENUE.evaluate('en', [forty, 0.1, 10])).message).toMatch(
      /^CJM_REVENUE: leads is the text "about one thousand leads, give or take!!", not a number/,
    );
    const longer = `${forty}?`;
    expect(thrown(() => CJM_REVENUE.evaluate('en', [longer, 0.1, 10])).message).toMatch(
      /^CJM_REVENUE: leads is the text "about one thousand leads, give or tak\.\.\.", not a number/,
    );
  });
});

describe('a value that is the error of another cell', () => {
  it('names the error, whatever its case, and says to fix that cell first', () => {
    expect(full(CJM_REVENUE, '#ref!', 0.1, 10)).toEqual({
      en: 'CJM_REVENUE: leads is the error #REF! of another cell; fix that cell first',
      ru: 'CJM_REVENUE: в аргументе leads ошибка #REF! другой ячейки; сначала исправьте ту ячейку',
    });
  });
});

describe('problems with the whole call', () => {
  it('a first stage of 0 customers: the message, and the same text behind ⚠ as its brief', () => {
    const e = thrown(() => CJM_FUNNEL.evaluate('en', [0]));
    const text =
      'the first stage has 0 customers, so no conversion can be computed; enter how many reached the first stage';
    expect(e.message).toBe(`CJM_FUNNEL: ${text}`);
    expect(e.brief).toBe(`⚠ ${text}`);
  });

  it('a language other than en or ru is named, a range called a range', () => {
    expect(thrown(() => CJM_FUNNEL.evaluate('en', [row(10, 5), '', 'de'])).message).toBe(
      'CJM_FUNNEL: language must be "en" or "ru"; got "de"',
    );
    expect(thrown(() => CJM_FUNNEL.evaluate('en', [row(10, 5), '', row('en')])).message).toBe(
      'CJM_FUNNEL: language must be "en" or "ru"; got "a range"',
    );
  });

  it('labels or targets of another shape name both shapes and how to pick the range', () => {
    expect(thrown(() => CJM_FUNNEL.evaluate('en', [row(100, 50), 'Visit'])).message).toBe(
      'CJM_FUNNEL: labels and counts must be ranges of the same shape, one label per stage; labels is a single cell and counts is 1×2 (for counts in B2:D2 give B1:D1, not one cell more or less)',
    );
    expect(full(CJM_BOTTLENECK, row(1000, 400, 100), row('A', 'B', 'C'), row(0.5, 0.3))).toEqual({
      en: 'CJM_BOTTLENECK: targets and counts must be ranges of the same shape, one target per stage; targets is 1×2 and counts is 1×3 (for counts in B2:D2 give B1:D1, not one cell more or less)',
      ru: 'CJM_BOTTLENECK: targets и counts должны быть диапазонами одной формы, по одной цели на этап; targets — 1×2, counts — 1×3 (для чисел в B2:D2 укажите B1:D1, ни ячейкой больше или меньше)',
    });
  });

  it('together that is neither TRUE nor FALSE says what it is for', () => {
    expect(full(CJM_IMPACT, 1000, 0.05, 2000, 1.5, 'C', '+2 pp', 'yes')).toEqual({
      en: 'CJM_IMPACT: together must be TRUE (one more row under the actions: their impact all together) or FALSE; got "yes"',
      ru: 'CJM_IMPACT: аргумент together должен быть TRUE (ещё одна строка под действиями: их влияние всех вместе) или FALSE; получено: "yes"',
    });
  });
});

describe('CJM_CONVERSION from a first stage of 0 customers', () => {
  it('says so in each cell of the range', () => {
    expect(CJM_CONVERSION.evaluate('en', [0, row(0, 0)])).toEqual([
      ['⚠ 0 customers at the first stage', '⚠ 0 customers at the first stage'],
    ]);
  });
});

describe('a change and its lever (CJM_IMPACT)', () => {
  const E = [1000, 0.05, 2000, 1.5] as const;

  it('a bare number as the change names the number, the forms and why a "10%" became 0.1', () => {
    expect(full(CJM_IMPACT, ...E, 'C', 0.1)).toEqual({
      en: 'CJM_IMPACT: change is the number 0.1, which does not state its unit; write it as text with its unit: +10% or +2 pp (a "10%" typed into a cell becomes the number 0.1 unless the cell is plain text: Format → Number → Plain text)',
      ru: 'CJM_IMPACT: аргумент change — число 0,1, по нему не видно единицы; запишите изменение текстом с единицей: +10% или +2 п.п. (введённое в ячейку "10%" становится числом 0,1, если у ячейки не текстовый формат: Формат → Числа → Обычный текст)',
    });
  });

  it("an amount in another lever's unit names that unit, the lever and its forms", () => {
    expect(full(CJM_IMPACT, ...E, 'L', '+0.5 purchases')).toEqual({
      en: 'CJM_IMPACT: the change is counted in purchases, which is not the unit of leads; write +10% or +300 leads',
      ru: 'CJM_IMPACT: изменение указано в покупках, а это не единица рычага «лиды»; напишите +10% или +300 лидов',
    });
    expect(full(CJM_IMPACT, ...E, 'Q', '+300 leads')).toEqual({
      en: 'CJM_IMPACT: the change is counted in leads, which is not the unit of purchases; write +10% or +0.5 purchases',
      ru: 'CJM_IMPACT: изменение указано в лидах, а это не единица рычага «покупки»; напишите +10% или +0,5 покупки',
    });
    expect(full(CJM_IMPACT, ...E, 'C', '+1000 ₽')).toEqual({
      en: 'CJM_IMPACT: the change is counted in money, which is not the unit of conversion; write +10% or +2 pp',
      ru: 'CJM_IMPACT: изменение указано в деньгах, а это не единица рычага «конверсия»; напишите +10% или +2 п.п.',
    });
    expect(full(CJM_IMPACT, ...E, 'P', '+300 leads').ru).toMatch(
      /^CJM_IMPACT: изменение указано в лидах, а это не единица рычага «чек»; напишите /,
    );
  });

  it('an unknown lever lists the names it takes, and "step"', () => {
    expect(full(CJM_IMPACT, ...E, 'X', '+10%')).toEqual({
      en: 'CJM_IMPACT: lever must name a factor: "leads", "conversion", "avg_check" or "purchases" (or L, C, P, Q; лиды, конверсия, чек, покупки); got "X"; or "step" (шаг): the step conversion into the action\'s stage',
      ru: 'CJM_IMPACT: аргумент lever должен называть множитель: "лиды", "конверсия", "чек" или "покупки" (или L, C, P, Q; leads, conversion, avg_check, purchases); получено: "X"; или "шаг" (step): конверсия шага в этап действия',
    });
  });

  it('a decrease past zero says to use a smaller one', () => {
    expect(full(CJM_IMPACT, ...E, 'L', '-300%')).toEqual({
      en: 'CJM_IMPACT: the change would make the factor negative; use a smaller decrease (above -100%, or less than the factor now)',
      ru: 'CJM_IMPACT: изменение сделало бы множитель отрицательным; возьмите уменьшение поменьше (больше -100% или меньше самого множителя)',
    });
  });

  it('in a column of actions each bad one says why briefly, naming change or lever, and the good one computes', () => {
    const out = spill(
      CJM_IMPACT,
      ...E,
      col('P', 'L', 'C', 'L', 'X', 'C'),
      col('+2 pp', '+0.5 purchases', '+96 pp', '-300%', '+10%', '+2 pp'),
    );
    // the last action: conversion 5% → 7%, 150 000 → 210 000
    expect(out).toEqual({
      en: [
        ['⚠ change: pp only for conversion'],
        ["⚠ change: another lever's unit"],
        ['⚠ change: conversion above 100%'],
        ['⚠ change: below 0 after the change'],
        ['⚠ lever: not L, C, P, Q or step'],
        [expect.closeTo(60_000, 6)],
      ],
      ru: [
        ['⚠ изменение: п.п. — только для конверсии'],
        ['⚠ изменение: единица другого рычага'],
        ['⚠ изменение: конверсия выше 100%'],
        ['⚠ изменение: меньше 0 после изменения'],
        ['⚠ рычаг: не L, C, P, Q или шаг'],
        [expect.closeTo(60_000, 6)],
      ],
    });
  });
});

describe('arguments named in brief notes', () => {
  it('CJM_REVENUE names conversion, check and purchases in each language', () => {
    expect(
      spill(CJM_REVENUE, 1000, col(0.1, 2, 0.1, 0.1), col(10, 10, -1, 10), col(1, 1, 1, -1)),
    ).toEqual({
      en: [
        [expect.closeTo(1000, 9)],
        ['⚠ conversion: more than 100%'],
        ['⚠ check: less than 0'],
        ['⚠ purchases: less than 0'],
      ],
      ru: [
        [expect.closeTo(1000, 9)],
        ['⚠ конверсия: больше 100%'],
        ['⚠ чек: меньше 0'],
        ['⚠ покупки: меньше 0'],
      ],
    });
  });

  it('CJM_REQUIRED names the goal and the lever, and a factor of 0 by its label', () => {
    // the last row: 1000 / (1000 × 10% × 10) = 1 purchase per customer
    expect(
      spill(
        CJM_REQUIRED,
        col(-1, 1000, 1000, 1000),
        col(1000, 1000, 0, 1000),
        0.1,
        10,
        1,
        col('L', 'X', 'Q', 'Q'),
      ),
    ).toEqual({
      en: [
        ['⚠ goal: less than 0'],
        ['⚠ lever: not L, C, P or Q'],
        ['⚠ leads is 0'],
        [expect.closeTo(1, 9)],
      ],
      ru: [
        ['⚠ цель: меньше 0'],
        ['⚠ рычаг: не L, C, P или Q'],
        ['⚠ лиды: 0'],
        [expect.closeTo(1, 9)],
      ],
    });
  });

  it('a goal out of reach by conversion names the conversion it needs, the best and the leads to get', () => {
    // 10 000 000 / (1000 × 2000 × 1.5) = 333.33%; 100% gives 3 000 000; 10 000 000 / 3000 = 3333.33 leads
    expect(full(CJM_REQUIRED, 10_000_000, 1000, 0.05, 2000, 1.5, 'C')).toEqual({
      en: 'CJM_REQUIRED: the goal 10000000 is unreachable by conversion alone: it would take 333.33% conversion, and even 100% gives 3000000; raise leads to at least 3333.33, or the check or purchases',
      ru: 'CJM_REQUIRED: цель 10000000 недостижима одной конверсией: понадобилась бы конверсия 333,33%, а даже 100% дают 3000000; поднимите лиды хотя бы до 3333,33 или увеличьте чек или покупки',
    });
  });
});

describe('an action on a step (CJM_IMPACT lever "step"), in one cell', () => {
  // the funnel 1000 → 400 → 110 → 30 → 20; leads at Lead, the deal at Paid
  const mapRow = (...v: CellValue[]): Argument => [['(hint)', ...v, '']];
  const NAMES = mapRow('Visit', 'Lead', 'Trial', 'Paid', 'Retention');
  const ROLES = mapRow('', 'L', 'L', 'C', 'Q');
  const counts = (...v: number[]) => [NAMES, ROLES, mapRow(...v)];
  const MAP = counts(1000, 400, 110, 30, 20);
  const say = (stage: string, change: string, map: Argument[] = MAP) =>
    full(CJM_IMPACT, 400, 0.075, 1100, 1, 'step', change, false, stage, ...map);

  it.each([
    [
      'a blank stage',
      say('', '+3 pp'),
      "the lever is the step conversion into a stage, but stage is blank; name the stage the action acts on, one of the map's stages",
      'рычаг — конверсия шага в этап, но этап не указан; укажите этап, на который действует действие, один из этапов карты',
    ],
    [
      'a stage not on the map',
      say('Demo', '+3 pp'),
      'the map has no stage "Demo" (renamed or removed?); choose one of its stages: "Visit", "Lead", "Trial", "Paid", "Retention"',
      'на карте нет этапа "Demo" (переименован или удалён?); выберите один из её этапов: "Visit", "Lead", "Trial", "Paid", "Retention"',
    ],
    [
      'two stages of the name',
      say('Trial', '+3 pp', [mapRow('Visit', 'Trial', 'trial', 'Paid', 'R'), ROLES, MAP[2]]),
      'two of the map\'s stages are named "Trial", so it is not clear which transition is meant; rename one of them on the map',
      'на карте два этапа с названием "Trial", и непонятно, о каком переходе речь; переименуйте один из них на карте',
    ],
    [
      'the first stage',
      say('Visit', '+3 pp'),
      '"Visit" is the map\'s first stage: no step leads into it; choose a later stage, or act on L (leads)',
      '"Visit" — первый этап карты: в него не ведёт ни один шаг; выберите этап дальше или действуйте на L (лиды)',
    ],
    [
      'no map rows of one width',
      say('Trial', '+3 pp', [mapRow('A', 'B'), mapRow('L', 'C', 'Q'), 5]),
      "an action on a step needs the map's stages: give stages, roles and counts, the map's rows of stage names, funnel roles and customers, one row each of the same width, from the column before the first stage to the one after the last; got stages 1×4, roles 1×5, counts 5",
      'действию на шаг нужны этапы карты: укажите stages, roles и counts — строки карты с названиями этапов, ролями в воронке и числом клиентов, по одной строке одной ширины, от столбца перед первым этапом до столбца после последнего; получено: stages 1×4, roles 1×5, counts 5',
    ],
    [
      'an amount',
      say('Trial', '+300 leads'),
      'a step conversion changes by points or by a percentage; write +10% or +2 pp',
      'конверсия шага меняется в пунктах или в процентах; напишите +10% или +2 п.п.',
    ],
    [
      '0 customers at the stage',
      say('Trial', '+3 pp', counts(1000, 400, 0, 0, 0)),
      '0 customers reached "Trial": a step of 0% has no ratio to grow by; type how many reached it',
      'до этапа "Trial" дошло 0 клиентов: у шага 0% нет отношения, на которое он вырос бы; введите, сколько клиентов дошло',
    ],
    [
      'a step above 100%',
      say('Trial', '+80 pp'),
      'the change would take the step into "Trial" above 100%; use a smaller change',
      'изменение подняло бы шаг в этап "Trial" выше 100%; возьмите изменение поменьше',
    ],
    [
      'a step below 0',
      say('Trial', '-30 pp'),
      'the change would take the step into "Trial" below 0; use a smaller decrease',
      'изменение опустило бы шаг в этап "Trial" ниже 0; возьмите уменьшение поменьше',
    ],
    [
      '0 customers at the stage before',
      say('Trial', '+3 pp', counts(1000, 0, 0, 0, 0)),
      '0 customers at the stage before "Trial", so there is no step to change; enter its customers',
      'на этапе перед "Trial" 0 клиентов, и менять нечего; введите число клиентов',
    ],
    [
      'more customers than the stage before',
      say('Trial', '+3 pp', counts(1000, 400, 500, 30, 20)),
      '"Trial" has more customers than the stage before it; check both counts on the map',
      'на этапе "Trial" больше клиентов, чем на этапе перед ним; проверьте оба числа на карте',
    ],
  ])('%s: names the stage and the fix in both languages', (_, said, en, ru) => {
    expect(said).toEqual({ en: `CJM_IMPACT: ${en}`, ru: `CJM_IMPACT: ${ru}` });
  });

  it('in a column of actions a step below 0 says so briefly, the next action computes', () => {
    const out = CJM_IMPACT.evaluate('en', [
      400,
      0.075,
      1100,
      1,
      col('step', 'step'),
      col('-30 pp', '+3 pp'),
      false,
      'Trial',
      ...MAP,
    ]);
    // +3 pp: C × 30.5 / 27.5, so 33 000 → 36 600
    expect(out).toEqual([['⚠ stage: step below 0'], [expect.closeTo(3_600, 6)]]);
  });
});
