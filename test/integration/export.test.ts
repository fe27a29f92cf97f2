/**
 * npm run export: the .xlsx it writes carries the add-on's results as cached values,
 * its native formulas compute the same figures (checked in HyperFormula and, with the
 * cached results stripped, in LibreOffice), and bad flags fail with a message that
 * names the flag.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExportArgs } from '../../dev/export/cli';
import { evaluateGrid } from '../../dev/export/evaluate';
import { translateFormula, type TranslateContext } from '../../dev/export/formula';
import { exportModel } from '../../dev/export/xlsx';
import { FIRST_STAGE_COL, ROW, SIDE_COL, stageCol } from '../../src/core/map/layout';
import { journeyFromRequest } from '../../src/core/map/new-map';
import type { SheetPlan } from '../../src/core/map/plan';
import type { NewMapRequest } from '../../src/core/map/requests';
import { planMap } from '../../src/core/map/template';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const SOFFICE = '/usr/bin/soffice';

// The worked example, computed by hand (src/core/example.ts).
const STEP = [0.4, 0.15, 110 / 120, 70 / 110, 45 / 70];
const EXPECTED = {
  ru: { revenue: 4_680_000, weakest: 'Активная оценка → Сделка', choices: ['Неудобство', 'Неясность', 'Недостаточность'] },
  en: { revenue: 70_200, weakest: 'Active evaluation → Purchase', choices: ['Inconvenience', 'Unclarity', 'Insufficiency'] },
} as const;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/export.ts', ...args], { cwd: REPO }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      done({ code, stdout, stderr });
    });
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

function examplePlan(lang: 'ru' | 'en'): SheetPlan {
  const req: NewMapRequest = { name: '', segment: '', product: '', preset: 'checklist6', stages: [], lang, locale: lang === 'ru' ? 'ru_RU' : 'en_US', example: true };
  const j = journeyFromRequest(req, 'TEST42');
  return planMap(j, { sheetName: String(j.title.name), locale: req.locale });
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
    STEP.forEach((s, i) => expect(shown(ws, ROW.step, stageCol(i + 1))).toBeCloseTo(s, 12));
    expect(shown(ws, ROW.overall, stageCol(5))).toBeCloseTo(0.0225, 12);
    // Formulas are native: nothing left for Excel to report as #NAME?.
    const formulas: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => c.formula && formulas.push(c.formula)));
    expect(formulas.length).toBeGreaterThan(20);
    expect(formulas.filter((f) => /CJM_|SPARKLINE/i.test(f))).toEqual([]);
  });

  it('keeps validations, frozen panes, names, formats and the sparkline note', async () => {
    const { wb, ws } = await readSheet(files[lang]);
    for (let i = 0; i < 6; i++) {
      const v = ws.getCell(ROW.barrierType, stageCol(i)).dataValidation;
      expect(v.type).toBe('list');
      expect(v.formulae).toEqual([`"${EXPECTED[lang].choices.join(',')}"`]);
      expect(v.showErrorMessage).toBe(true);
      expect(v.prompt).toBeTruthy();
    }
    expect(ws.getCell(ROW.score, FIRST_STAGE_COL).dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [1, 5] });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: SIDE_COL, ySplit: ROW.header });
    // The CLI gives each map a fresh id, so names are checked by suffix and target cell.
    const names = Object.fromEntries(wb.definedNames.model.map((n) => [n.name.replace(/^CJM_[A-Z0-9]{6}_/, ''), n.ranges]));
    expect(Object.keys(names).sort()).toEqual(['C', 'L', 'P', 'Q', 'REVENUE']);
    expect(names.REVENUE).toEqual([`'${ws.name}'!$B$${ROW.revenue}`]);
    expect(ws.getCell(ROW.revenue, SIDE_COL).numFmt).toBe(lang === 'ru' ? '#,##0 [$₽-419]' : '[$$-409]#,##0');
    expect(ws.getCell(ROW.step, stageCol(1)).numFmt).toBe('0.0%');
    const curve = ws.getCell(ROW.curve, SIDE_COL);
    expect(curve.value).toBeNull();
    expect(String(curve.note)).toMatch(/Google/);
  });
});

describe('the native formulas', () => {
  /** Each exported formula, evaluated natively, against the add-on's own result cached next to it. */
  function nativeMatchesCached(plan: SheetPlan): void {
    const model = exportModel(plan);
    const native = evaluateGrid(model.cells.map((row) => row.map((c) => (c.formula ? `=${c.formula}` : c.value))));
    let checked = 0;
    model.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell.formula || r >= plan.rows) return;
        const got = native[r]?.[c];
        const where = `${plan.cells[r]?.[c]?.formula} at row ${r + 1}, col ${c + 1}`;
        if (typeof cell.result === 'number') expect(got, where).toBeCloseTo(cell.result, 12);
        else expect(got, where).toEqual(cell.result);
        checked++;
      }),
    );
    expect(checked).toBeGreaterThan(15);
  }

  it('compute what the add-on computes, for the examples and for partial funnels', () => {
    nativeMatchesCached(examplePlan('ru'));
    nativeMatchesCached(examplePlan('en'));

    // No targets: the weakest transition is the lowest step conversion.
    const noTargets = examplePlan('en');
    noTargets.cells[ROW.target - 1]?.forEach((c, i) => i >= FIRST_STAGE_COL - 1 && (c.value = ''));
    nativeMatchesCached(noTargets);
    expect(exportModel(noTargets).cells[ROW.weakest - 1]?.[SIDE_COL - 1]?.result).toBe('Active evaluation → Purchase');

    // A stage without a count or a name: its transitions are skipped, the label falls back to "Stage N".
    const gaps = examplePlan('en');
    const blankOut = (row: number, col: number) => {
      const cell = gaps.cells[row - 1]?.[col - 1];
      if (cell) cell.value = '';
    };
    blankOut(ROW.customers, stageCol(3));
    blankOut(ROW.header, stageCol(2));
    nativeMatchesCached(gaps);
    expect(exportModel(gaps).cells[ROW.weakest - 1]?.[SIDE_COL - 1]?.result).toBe('Active evaluation → Stage 3');

    // A blank custom map: everything computed is blank.
    const req: NewMapRequest = { name: 'Blank', segment: '', product: '', preset: 'custom', stages: ['A', 'B', 'C'], lang: 'en', locale: 'en_US', example: false };
    const blank = planMap(journeyFromRequest(req, 'BLANK1'), { sheetName: 'Blank', locale: 'en_US' });
    const model = exportModel(blank);
    expect(model.cells[ROW.revenue - 1]?.[SIDE_COL - 1]?.result).toBe('');
    expect(model.cells[ROW.weakest - 1]?.[SIDE_COL - 1]?.result).toBe('');
  });

  it('are translated by parsing calls, not by text search', () => {
    const ctx: TranslateContext = { helperRow: () => 99, helpers: [], words: { sparkline: 'no sparkline', helperLabel: 'h' } };
    expect(translateFormula('=IF(A1="CJM_REVENUE(1,2)",CJM_CONVERSION(B1,MAX(C1,D1)),"a,b")', ctx).formula).toBe(
      '=IF(A1="CJM_REVENUE(1,2)",IF(OR(B1="",(MAX(C1,D1))=""),"",(MAX(C1,D1))/B1),"a,b")',
    );
    expect(translateFormula('=CJM_REVENUE(A1, (B1+1)*2, C1)', ctx).formula).toBe('=IF(OR(A1="",((B1+1)*2)="",C1=""),"",A1*((B1+1)*2)*C1)');
    expect(translateFormula('=SPARKLINE(C18:H18)', ctx)).toEqual({ formula: null, note: 'no sparkline' });
    expect(() => translateFormula('=CJM_FUNNEL(A1:A3)', ctx)).toThrow(/CJM_FUNNEL has no native equivalent/);
    expect(() => translateFormula('=IF(A1,"x"', ctx)).toThrow(/missing "\)"/);
  });
});

describe('LibreOffice', () => {
  // LibreOffice is a test dependency like Chromium (.ci/run installs it): missing, the test fails and says so.
  it(
    'recomputes the RU example from the formulas alone and gets the hand-computed figures',
    async () => {
      // Strip every cached result, so whatever LibreOffice shows it has computed itself.
      const { wb, ws } = await readSheet(files.ru);
      let stripped = 0;
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (c.formula) {
            c.value = { formula: c.formula };
            stripped++;
          }
        }),
      );
      expect(stripped).toBeGreaterThan(20);
      const input = join(dir, 'lo-input.xlsx');
      await wb.xlsx.writeFile(input);

      // A private profile (parallel runs do not clash) that also tells Calc to recalculate xlsx files on load.
      const profile = join(dir, 'lo-profile');
      await mkdir(join(profile, 'user'), { recursive: true });
      await writeFile(
        join(profile, 'user', 'registrymodifications.xcu'),
        '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
          '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n</oor:items>\n',
      );
      const outDir = join(dir, 'lo-out');
      await new Promise<void>((done, fail) =>
        execFile(
          SOFFICE,
          [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', outDir, input],
          { timeout: 55_000 },
          (err, _stdout, stderr) => (err ? fail(new Error(`soffice failed: ${err.message}\n${stderr}`)) : done()),
        ),
      );

      const lo = (await readSheet(join(outDir, basename(input)))).ws;
      expect(shown(lo, ROW.leads, SIDE_COL)).toBe(2000);
      expect(shown(lo, ROW.conversion, SIDE_COL)).toBeCloseTo(0.06, 12);
      expect(shown(lo, ROW.revenue, SIDE_COL)).toBeCloseTo(4_680_000, 4);
      STEP.forEach((s, i) => expect(shown(lo, ROW.step, stageCol(i + 1)), `step ${i + 1}`).toBeCloseTo(s, 12));
      expect(shown(lo, ROW.overall, stageCol(5))).toBeCloseTo(0.0225, 12);
      expect(shown(lo, ROW.dropOff, stageCol(1))).toBe(1200);
      expect(shown(lo, ROW.weakest, SIDE_COL)).toBe(EXPECTED.ru.weakest);
    },
    60_000,
  );
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
    [['--out', 'm.xlsx', '--preset', 'big'], /--preset must be one of checklist6, purchase5, funnel5, custom/],
    [['--out', 'm.xlsx', '--preset', 'custom'], /--preset custom needs --stages/],
    [['--out', 'm.xlsx', '--stages', 'A'], /--stages is not valid/],
    [['--out', 'm.xlsx', '--preset', 'funnel5', '--stages', 'A,B'], /--stages only applies to --preset custom/],
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
    expect(en.ok === true && en.request).toMatchObject({ preset: 'checklist6', lang: 'en', locale: 'en_US', example: false, name: 'Customer journey map' });
    const custom = parseExportArgs(['--out', 'm.xlsx', '--stages', 'Visit, Trial ,Buy', '--lang', 'ru', '--title', 'Клуб']);
    expect(custom.ok === true && custom.request).toMatchObject({ preset: 'custom', stages: ['Visit', 'Trial', 'Buy'], lang: 'ru', locale: 'ru_RU', name: 'Клуб' });
  });
});
