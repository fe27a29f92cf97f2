/**
 * npm run export and the whole-workbook export: the .xlsx carries the add-on's results as
 * cached values, keeps validations, names, formats and notes, takes every sheet (maps, plans,
 * the portfolio, the user's own) with the charts, and its native formulas compute the same
 * figures in LibreOffice with the cached results stripped; bad flags fail naming the flag.
 * export-differential.test.ts compares the formulas with the add-on on 220 random maps.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExportArgs } from '../../xlsx-export/cli';
import { EXCEL_LIMITS, parseFormula, render } from '../../xlsx-export/formula';
import { recalculate } from '../../xlsx-export/libreoffice';
import { readWorkbook } from '../../xlsx-export/source';
import { buildWorkbook, toXlsx } from '../../xlsx-export/xlsx';
import { isoToSerial } from '../../src/core/map/dates';
import { a1, FIRST_STAGE_COL, ROW, SIDE_COL, stageCol } from '../../src/core/map/layout';
import { planAction } from '../support/journeys';
import { openSpreadsheet, type Session } from '../support/addon';
import { exampleWithPlan } from '../support/example-map';
import { reviewedTwice } from '../support/review';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

// The worked example, computed by hand (src/core/example.ts).
const STEP = [0.4, 0.15, 110 / 120, 70 / 110, 45 / 70];
const EXPECTED = {
  ru: {
    revenue: 4_680_000,
    weakest: 'Активная оценка → Сделка',
    choices: ['Неудобство', 'Неясность', 'Недостаточность'],
  },
  en: {
    revenue: 70_200,
    weakest: 'Active evaluation → Purchase',
    choices: ['Inconvenience', 'Unclarity', 'Insufficiency'],
  },
} as const;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/export.ts', ...args],
      { cwd: REPO },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

async function readSheet(file: string): Promise<{ wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error(`${file} has no worksheet`);
  return { wb, ws };
}

/** What a cell shows: a formula's (cached) result, or its value. */
function shown(ws: ExcelJS.Worksheet, row: number, col: number): unknown {
  const v = ws.getCell(row, col).value;
  if (v && typeof v === 'object' && 'formula' in v) return v.result;
  return v;
}

let dir = '';
const files = { ru: '', en: '' };
let cliRuns: Record<'ru' | 'en', Run>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cjm-export-'));
  files.ru = join(dir, 'example-ru.xlsx');
  files.en = join(dir, 'example-en.xlsx');
  const [ru, en] = await Promise.all([
    runCli(['--out', files.ru, '--example', '--lang', 'ru']),
    runCli(['--out', files.en, '--example', '--lang', 'en']),
  ]);
  cliRuns = { ru, en };
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.each(['ru', 'en'] as const)('npm run export -- --example --lang %s', (lang) => {
  it('exits 0 and prints the path it wrote', () => {
    expect(cliRuns[lang].stderr).toBe('');
    expect(cliRuns[lang].code).toBe(0);
    expect(cliRuns[lang].stdout.trim()).toBe(files[lang]);
  });

  it('carries the add-on results as cached values', async () => {
    const { ws } = await readSheet(files[lang]);
    expect(shown(ws, ROW.leads, SIDE_COL)).toBe(2000);
    expect(shown(ws, ROW.conversion, SIDE_COL)).toBeCloseTo(0.06, 12);
    expect(shown(ws, ROW.revenue, SIDE_COL)).toBeCloseTo(EXPECTED[lang].revenue, 6);
    expect(shown(ws, ROW.weakest, SIDE_COL)).toBe(EXPECTED[lang].weakest);
    STEP.forEach((s, i) => {
      expect(shown(ws, ROW.step, stageCol(i + 1))).toBeCloseTo(s, 12);
    });
    expect(shown(ws, ROW.overall, stageCol(5))).toBeCloseTo(0.0225, 12);
    // Formulas are native: nothing left for Excel to report as #NAME?.
    const formulas: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => c.formula && formulas.push(c.formula)));
    expect(formulas.length).toBeGreaterThan(20);
    expect(formulas.filter((f) => /CJM_|SPARKLINE/i.test(f))).toEqual([]);
  });

  it('keeps validations, frozen panes, names, formats and the sparkline, as text with a note', async () => {
    const { wb, ws } = await readSheet(files[lang]);
    for (let i = 0; i < 6; i++) {
      const v = ws.getCell(ROW.barrierType, stageCol(i)).dataValidation;
      expect(v.type).toBe('list');
      expect(v.formulae).toEqual([`"${EXPECTED[lang].choices.join(',')}"`]);
      expect(v.showErrorMessage).toBe(true);
      expect(v.prompt).toBeTruthy();
    }
    expect(ws.getCell(ROW.score, FIRST_STAGE_COL).dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'between',
      formulae: [1, 5],
    });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: SIDE_COL, ySplit: ROW.header });
    // The CLI gives each map a fresh id, so names are checked by suffix and target cell.
    const names = Object.fromEntries(
      wb.definedNames.model.map((n) => [n.name.replace(/^CJM_[A-Z0-9]{6}_/, ''), n.ranges]),
    );
    expect(Object.keys(names).sort()).toEqual(['C', 'L', 'P', 'Q', 'REVENUE']);
    expect(names.REVENUE).toEqual([`'${ws.name}'!$B$${ROW.revenue}`]);
    expect(ws.getCell(ROW.revenue, SIDE_COL).numFmt).toBe(
      lang === 'ru' ? '#,##0 [$₽-419]' : '[$$-409]#,##0',
    );
    expect(ws.getCell(ROW.step, stageCol(1)).numFmt).toBe('0.0%');
    // The emotion curve as text, a block per score: 3, 3, 2, 4, 3, 4 between 2 and 4.
    const curve = ws.getCell(ROW.curve, SIDE_COL);
    expect(curve.value).toBe('▅▅▁█▅█');
    expect(String(curve.note)).toMatch(/Google/);
  });
});

describe('the whole workbook', () => {
  /**
   * A spreadsheet the add-on made: the worked example with its charts and action plan, a second
   * map, the portfolio, a sheet of the user's.
   */
  async function workbook(): Promise<{
    session: Session;
    map: string;
    plan: string;
    other: string;
  }> {
    const session = openSpreadsheet('en_US');
    const { map, plan } = exampleWithPlan(
      session,
      'A map whose name is far too long for Excel to keep',
    );
    const other = session.newMap({ preset: 'custom', stages: ['Visit', 'Buy'], name: 'Second' });
    session.wb.setCell(other, a1(ROW.customers, stageCol(0)), "'1,200");
    session.wb.setCell(other, a1(ROW.customers, stageCol(1)), 300);
    session.run('showPortfolio');
    session.wb.setCell('Sheet1', 'A1', 'Notes of my own');
    session.wb.setCell('Sheet1', 'A2', '=SPLIT("a,b", ",")');
    return { session, map, plan, other };
  }

  it("takes every sheet: maps, action plan, portfolio, the user's own, and a hidden helper sheet; charts; names follow renamed sheets", async () => {
    const { session, map, plan, other } = await workbook();
    const built = buildWorkbook(readWorkbook(session.wb));
    const t9 = built.report.translated;
    const names = built.excel.worksheets.map((w) => w.name);
    expect(names).toEqual(
      expect.arrayContaining([
        t9.sheetName(map),
        t9.sheetName(plan),
        t9.sheetName(other),
        'Portfolio',
        'Sheet1',
        'CJM export',
      ]),
    );
    expect(names.every((n) => [...n].length <= 31)).toBe(true);
    // A long name is shortened keeping its start and end; formulas and names on other sheets follow
    // it.
    expect(t9.sheetName(map)).toMatch(/^A map whose name.*…/);
    expect(t9.sheetName(plan)).not.toBe(t9.sheetName(map));
    const portfolio = built.excel.getWorksheet('Portfolio');
    const formulas: string[] = [];
    portfolio?.eachRow((row) => row.eachCell((c) => c.formula && formulas.push(c.formula)));
    expect(formulas.some((f) => f.includes(`'${t9.sheetName(map)}'!$B$1`))).toBe(true);
    expect(built.excel.getWorksheet('CJM export')?.state).toBe('hidden');
    expect(built.charts.map((c) => c.type).sort()).toEqual(['bar', 'line']);
    expect(built.charts[0]?.categories.ref).toContain(t9.sheetName(map));
    // A Google Sheets function Excel lacks is its value, with a note saying so; nothing calls CJM_
    // or SPARKLINE.
    const sheet1 = built.excel.getWorksheet('Sheet1');
    expect(String(sheet1?.getCell('A2').note)).toMatch(/SPLIT is a Google Sheets function/);
    expect(t9.stats.staticValues).toBe(1);
    const all: string[] = [];
    built.excel.eachSheet((ws) =>
      ws.eachRow((row) => row.eachCell((c) => c.formula && all.push(c.formula))),
    );
    expect(all.filter((f) => /CJM_[A-Z]+\(|SPARKLINE/i.test(f))).toEqual([]);
    // the numeric text "1,200" is text, in the add-on and in the file: the map's cells that read
    // it say so, with the same note
    const second = built.excel.getWorksheet(t9.sheetName(other));
    expect(second?.getCell(a1(ROW.customers, stageCol(0))).value).toBe('1,200');
    const note = '⚠ “1,200” is text, not a number: type a number, without an apostrophe or spaces';
    expect(session.wb.value(other, a1(ROW.leads, SIDE_COL))).toBe(note);
    expect(second?.getCell(a1(ROW.leads, SIDE_COL)).value).toMatchObject({ result: note });
    expect(String(second?.getCell(a1(ROW.leads, SIDE_COL)).formula)).toContain('ISTEXT(');
  });

  it("stay within Excel's limits on a formula (8,192 characters, 64 nested functions) for 40 stages and 60 actions", () => {
    const session = openSpreadsheet('ru_RU');
    const map = session.newMap({
      preset: 'custom',
      stages: Array.from({ length: 40 }, (_, k) => `Этап ${k + 1}`),
      name: 'Сорок',
    });
    const mapId = session.mapIdOf(map);
    const actions = Array.from({ length: 60 }, (_, k) => ({
      action: `A${k}`,
      stage: '',
      lever: 'LCPQ'[k % 4] ?? 'L',
      change: '+10%',
      owner: '',
      deadline: '',
      status: '',
    }));
    expect(
      (session.addon.callFromClient('savePlan', { mapId, base: [], actions }) as { ok: boolean })
        .ok,
    ).toBe(true);
    const { stats } = buildWorkbook(readWorkbook(session.wb)).report.translated;
    expect(stats.staticValues).toBe(0);
    expect(stats.longest).toBeLessThanOrEqual(EXCEL_LIMITS.length);
    expect(stats.deepest).toBeLessThanOrEqual(EXCEL_LIMITS.nesting);
  });

  it('are translated by parsing: strings, quoted sheet names, nested calls and arrays are kept, references renamed', () => {
    const node = parseFormula(`=IF(A1="CJM_REVENUE(1,2)",'It''s'!B2:C3&"x",SUM({1,2;3,4}))-2^2%`);
    const text = render(node, {
      host: 'Map',
      source: 'Map',
      sheetName: (n) => (n === "It's" ? 'Renamed' : n),
    });
    expect(text).toBe(`IF(A1="CJM_REVENUE(1,2)",'Renamed'!B2:C3&"x",SUM({1,2;3,4}))-2^2%`);
    expect(
      render(parseFormula('=CJM_KX7TQR_L+LOG10(A1)'), {
        host: 'M',
        source: 'M',
        sheetName: (n) => n,
      }),
    ).toBe('CJM_KX7TQR_L+LOG10(A1)');
    expect(() => parseFormula('=IF(A1,"x"')).toThrow(/expected/);
  });
});

describe('LibreOffice', () => {
  // LibreOffice is a test dependency like Chromium (.ci/run installs it): missing, the test fails
  // and says so.
  it('recomputes the RU example from the formulas alone, gets the hand-computed figures and reads the charts', async () => {
    const lo = await recalculate(await readFile(files.ru));
    const sheet = lo.sheets.find((s) => s.state === 'visible');
    expect(sheet).toBeDefined();
    const shown = (row: number, col: number) => sheet?.values.get(`${row},${col}`);
    expect(shown(ROW.leads, SIDE_COL)).toBe(2000);
    expect(shown(ROW.conversion, SIDE_COL)).toBeCloseTo(0.06, 12);
    expect(shown(ROW.revenue, SIDE_COL)).toBeCloseTo(4_680_000, 4);
    STEP.forEach((s, i) => {
      expect(shown(ROW.step, stageCol(i + 1)), `step ${i + 1}`).toBeCloseTo(s, 12);
    });
    expect(shown(ROW.overall, stageCol(5))).toBeCloseTo(0.0225, 12);
    expect(shown(ROW.dropOff, stageCol(1))).toBe(1200);
    expect(shown(ROW.weakest, SIDE_COL)).toBe(EXPECTED.ru.weakest);
    // LibreOffice read the two charts and wrote them back
    expect(lo.parts.filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(2);
  }, 60_000);
});

describe('the plan all together, in LibreOffice', () => {
  /** A Russian map with L 5000, C 150 / 5000 = 3%, P 9000, Q 2,5 (revenue 3 375 000) and a plan. */
  function planned(s: Session, name: string, actions: [string, string, string?][]): string {
    const map = s.newMap({ preset: 'custom', stages: ['Лиды', 'Интерес', 'Сделка'], name });
    const set = (row: number, col: number, v: number) => s.wb.setCell(map, a1(row, col), v);
    set(ROW.customers, stageCol(0), 5000);
    // (150 at both later stages: C is 3% whichever is the deal)
    set(ROW.customers, stageCol(1), 150);
    set(ROW.customers, stageCol(2), 150);
    set(ROW.avgCheck, SIDE_COL, 9000);
    set(ROW.purchases, SIDE_COL, 2.5);
    const mapId = s.mapIdOf(map);
    const saved = s.addon.callFromClient('savePlan', {
      mapId,
      base: [],
      actions: actions.map(([lever, change, stage = ''], k) => ({
        ...planAction(`Действие ${k + 1}`, lever, change),
        stage,
      })),
    }) as { ok: boolean };
    expect(saved.ok).toBe(true);
    return s.wb.sheetNames().find((n) => n !== map && n.startsWith(name)) ?? '';
  }

  it('computes a plan of every lever together from the formulas alone: 5 700 000 more, 9 075 000 after, and says when the levers together are impossible', async () => {
    const s = openSpreadsheet('ru_RU');
    const issue = planned(s, 'Пример', [
      ['L', '+10%'],
      ['C', '+2 п.п.'],
      ['C', '+10%'],
      ['P', '+1000 ₽'],
      ['Q', '+0,5 покупки'],
    ]);
    // 3% + 60 п.п. = 63% fits alone; twice, 123% does not
    const wide = planned(
      s,
      'Слишком',
      Array.from({ length: 2 }, (): [string, string] => ['C', '+60 п.п.']),
    );
    const built = buildWorkbook(readWorkbook(s.wb));
    const t9 = built.report.translated;
    expect(t9.stats.staticValues).toBe(0);
    const lo = await recalculate(await toXlsx(built));
    const at = (sheet: string, ref: string) =>
      lo.sheets.find((x) => x.name === t9.sheetName(sheet))?.values.get(ref);
    // rows 4–8 the actions, 9 together, 10 now, 11 after
    expect(at(issue, '9,10')).toBeCloseTo(5_700_000, 4);
    expect(at(issue, '10,10')).toBeCloseTo(3_375_000, 4);
    expect(at(issue, '11,10')).toBeCloseTo(5500 * 0.055 * 10_000 * 3, 4);
    expect(at(issue, '11,10')).toBeCloseTo(9_075_000, 4);
    // and as the add-on shows them
    expect(s.wb.value(issue, 'J9')).toBeCloseTo(5_700_000, 4);
    expect([at(wide, '4,10'), at(wide, '5,10')]).toEqual([
      s.wb.value(wide, 'J4'),
      s.wb.value(wide, 'J5'),
    ]);
    expect(at(wide, '6,10')).toBe('⚠ все вместе: конверсия выше 100%');
    expect(s.wb.value(wide, 'J6')).toBe('⚠ все вместе: конверсия выше 100%');
  }, 60_000);

  it("computes an action on a step from the map's rows alone: +1 п.п. into «Интерес» (3% → 4%) is C × 4/3, +1 125 000; after the deal, a note", async () => {
    const s = openSpreadsheet('ru_RU');
    // roles L, C (guessed: the middle stage), Q: the step into «Интерес» is the deal's
    const plan = planned(s, 'Шаги', [
      ['step', '+1 п.п.', 'Интерес'],
      ['C', '+10%'],
      ['step', '+1 п.п.', 'Сделка'],
    ]);
    const built = buildWorkbook(readWorkbook(s.wb));
    const t9 = built.report.translated;
    expect(t9.stats.staticValues).toBe(0);
    const lo = await recalculate(await toXlsx(built));
    const at = (ref: string) =>
      lo.sheets.find((x) => x.name === t9.sheetName(plan))?.values.get(ref);
    const rows = [4, 5, 6, 7].map((r) => s.wb.value(plan, `J${r}`));
    // by hand: 5 000 × 4% × 9 000 × 2,5 = 4 500 000; C + 10%: 3 375 000 × 0,1; together
    // 5 000 × 3% × 4/3 × 1,1 × 9 000 × 2,5 = 4 950 000
    const step = rows.findIndex((v) => typeof v === 'number' && Math.abs(v - 1_125_000) < 1e-4);
    expect(step).toBeGreaterThanOrEqual(0);
    expect(rows).toContain('⚠ этап: после сделки: повторные покупки, меняйте Q');
    expect(s.wb.value(plan, 'J7')).toBeCloseTo(4_950_000 - 3_375_000, 4);
    for (const r of [4, 5, 6, 7])
      expect(at(`${r},10`)).toEqual(
        typeof rows[r - 4] === 'number' ? expect.closeTo(rows[r - 4] as number, 4) : rows[r - 4],
      );
  }, 60_000);
});

describe("the portfolio's review columns, in LibreOffice", () => {
  it('computes the change since the last review, progress to the goal, the dates and the ⚠ from the formulas alone', async () => {
    const s = openSpreadsheet('ru_RU');
    // +30 000 since the last review, 75 % of the goal (test/support/review.ts)
    const reviewed = reviewedTwice(s, 'Кофе');
    const late = s.newMap({ name: 'Чай' });
    s.wb.setCell(late, `B${ROW.nextReview}`, '2026-01-15');
    s.run('showPortfolio');
    const built = buildWorkbook(readWorkbook(s.wb));
    const t9 = built.report.translated;
    expect(t9.stats.staticValues).toBe(0);
    const lo = await recalculate(await toXlsx(built));
    const portfolio = lo.sheets.find((x) => x.name === t9.sheetName('Портфель'));
    // columns K..O (11..15): change, progress, last review, next review, ⚠
    const row = (r: number) =>
      [11, 12, 13, 14, 15].map((c) => portfolio?.values.get(`${r},${c}`) ?? '');
    const day = (v: unknown) => isoToSerial(v instanceof Date ? v.toISOString().slice(0, 10) : '');
    // row 4 the reviewed map: reviewed today, the next review a month on
    const [change, progress, last, next, due] = row(4);
    expect(change).toBeCloseTo(30_000, 6);
    expect(progress).toBeCloseTo(0.75, 9);
    expect([last, next, due]).toEqual([
      day(s.wb.value(reviewed, `B${ROW.reviewed}`)),
      day(s.wb.value(reviewed, `B${ROW.nextReview}`)),
      '',
    ]);
    // row 5 the map made without a review, its next review long past
    expect(row(5)).toEqual(['', '', '', isoToSerial('2026-01-15'), '⚠ просрочен']);
  }, 60_000);
});

describe('flags', () => {
  it('a wrong --lang exits 1 with a message naming the flag', async () => {
    const run = await runCli(['--out', join(dir, 'x.xlsx'), '--lang', 'de']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--lang must be "en" or "ru", got "de"/);
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });

  it.each([
    [['--lang', 'ru'], /--out is required/],
    [['--out', 'map.csv'], /--out must name an \.xlsx file/],
    [
      ['--out', 'm.xlsx', '--preset', 'big'],
      /--preset must be one of checklist6, purchase5, funnel5, custom/,
    ],
    [['--out', 'm.xlsx', '--preset', 'custom'], /--preset custom needs --stages/],
    [['--out', 'm.xlsx', '--stages', 'A'], /--stages is not valid/],
    [
      ['--out', 'm.xlsx', '--preset', 'funnel5', '--stages', 'A,B'],
      /--stages only applies to --preset custom/,
    ],
    [['--out', 'm.xlsx', '--example', '--preset', 'funnel5'], /--example has its own six stages/],
    [['--out', 'm.xlsx', '--locale', 'not a locale'], /--locale is not valid/],
    [['--out', 'm.xlsx', '--colour', 'red'], /Unknown option '--colour'.*--help/],
  ])('%j is refused: %s', (argv, message) => {
    const parsed = parseExportArgs(argv);
    expect(parsed.ok).toBe(false);
    if (parsed.ok === false) expect(parsed.message).toMatch(message);
  });

  it('defaults: checklist6, en, en_US; --stages implies custom; ru gets ru_RU', () => {
    const en = parseExportArgs(['--out', 'm.xlsx']);
    expect(en.ok === true && en.request).toMatchObject({
      preset: 'checklist6',
      lang: 'en',
      locale: 'en_US',
      example: false,
      name: 'Customer journey map',
    });
    const custom = parseExportArgs([
      '--out',
      'm.xlsx',
      '--stages',
      'Visit, Trial ,Buy',
      '--lang',
      'ru',
      '--title',
      'Клуб',
    ]);
    expect(custom.ok === true && custom.request).toMatchObject({
      preset: 'custom',
      stages: ['Visit', 'Trial', 'Buy'],
      lang: 'ru',
      locale: 'ru_RU',
      name: 'Клуб',
    });
  });
});
