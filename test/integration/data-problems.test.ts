/**
 * A user's data problem never shows as a raw error on the map: the cell says what is wrong in
 * words (a brief "⚠ …" note in the map's language), the map's conditional format highlights it,
 * the weakest transition is still found among the steps the step row shows, the portfolio's
 * total keeps computing, and the wizard's sidebar and the poster show what the sheet shows.
 * Through the built bundle in the emulator.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WizardState } from '../../src/contract';
import { a1, ROW, SIDE_COL, stageCol } from '../../src/core/map/layout';
import { conditionalEffects } from '../../dev/workbench/sheet-view';
import { openSpreadsheet, warnHighlighted, type Session } from '../support/addon';

const KPI_ROWS = ['step', 'overall', 'dropOff'] as const;
const SIDE_ROWS = ['leads', 'conversion', 'revenue', 'weakest'] as const;

function mapIdOf(s: Session, sheet: string): string {
  return String(s.wb.value(sheet, `A${ROW.footer}`)).split(' ')[2] ?? '';
}

const call = <T>(s: Session, name: string, req: unknown): T =>
  s.addon.callFromClient(name, req) as T;

/** A Russian map with the counts, check and purchases typed through the wizard's KPI step. */
function ruMap(
  counts: readonly (number | string)[],
  targets: Record<number, number> = {},
): { s: Session; sheet: string; mapId: string } {
  const s = openSpreadsheet('ru_RU');
  const sheet = s.newMap({ segment: 'Родители', product: 'Курс' });
  const mapId = mapIdOf(s, sheet);
  const kpis = call<WizardState>(s, 'loadStep', { mapId, step: 'kpis' }).view!;
  const values: Record<string, unknown> = {
    ...kpis.values,
    'side.avgCheck': 9000,
    'side.purchases': 2.5,
  };
  counts.forEach((c, i) => {
    values[`stage.${i}.customers`] = c;
  });
  for (const [i, v] of Object.entries(targets)) values[`stage.${i}.target`] = v;
  const saved = call<{ ok: boolean }>(s, 'saveStep', {
    mapId,
    step: 'kpis',
    base: kpis.values,
    values,
    stages: kpis.stages,
  });
  expect(saved.ok).toBe(true);
  return { s, sheet, mapId };
}

/** Every cell of the sheet that shows an error, with its message. */
function errorCells(s: Session, sheet: string): string[] {
  return s.wb
    .snapshot(sheet)
    .cells.filter((c) => c.error)
    .map((c) => `${c.a1}: ${c.error?.message ?? ''}`);
}

/** Whether a "text contains ⚠" conditional format of the sheet covers the cell. */

const side = (s: Session, sheet: string, key: (typeof SIDE_ROWS)[number]) =>
  s.wb.value(sheet, a1(ROW[key], SIDE_COL));
const row = (s: Session, sheet: string, key: (typeof KPI_ROWS)[number] | 'customers', n = 6) =>
  Array.from({ length: n }, (_, i) => s.wb.value(sheet, a1(ROW[key], stageCol(i))));

function moveLeft(s: Session, sheet: string, stage: number): void {
  s.select(sheet, a1(ROW.header, stageCol(stage)));
  s.run('moveStageLeft');
}

/**
 * The weakest transition the step row shows: the lowest number in it ("A → B"), or "" when it shows
 * none.
 */
function lowestStep(s: Session, sheet: string, n = 6): string {
  const steps = row(s, sheet, 'step', n);
  const names = Array.from({ length: n }, (_, i) =>
    String(s.wb.value(sheet, a1(ROW.header, stageCol(i)))),
  );
  let best = -1;
  for (let i = 1; i < n; i++)
    if (
      typeof steps[i] === 'number' &&
      (best < 0 || (steps[i] as number) < (steps[best] as number))
    )
      best = i;
  return best < 0 ? '' : `${names[best - 1]} → ${names[best]}`;
}

describe('a data problem on the map is said in words, never a raw error', () => {
  it.each([0, 100])(
    'a first stage of %i customers (below the deal stage): C and revenue say why, highlighted; the weakest transition is still found',
    (first) => {
      const { s, sheet, mapId } = ruMap([first, 1200, 330, 300, 150, 90]);
      expect(errorCells(s, sheet)).toEqual([]);
      for (const key of ['conversion', 'revenue'] as const) {
        expect(String(side(s, sheet, key))).toMatch(/^⚠ \S/);
        expect(String(side(s, sheet, key))).toMatch(/[а-я]/);
        expect(warnHighlighted(s, sheet, a1(ROW[key], SIDE_COL))).toBe(true);
      }
      expect(side(s, sheet, 'weakest')).toBe('Активная оценка → Сделка');
      expect(side(s, sheet, 'weakest')).toBe(lowestStep(s, sheet));
      // the sidebar agrees: no conversion, no revenue, the same weakest transition
      const m = call<WizardState>(s, 'loadStep', { mapId, step: 'kpis' }).view!.metrics;
      expect([m.conversion, m.revenue, m.weakest]).toEqual([
        null,
        null,
        'Активная оценка → Сделка',
      ]);
    },
  );

  it("one map's problem does not break the portfolio: its cells say why and the total still adds up the others", () => {
    const s = openSpreadsheet('ru_RU');
    const broken = s.newMap({ example: true });
    const good = s.newMap({ segment: 'B', product: 'C', example: true });
    s.wb.setCell(broken, a1(ROW.customers, stageCol(0)), '0');
    s.run('showPortfolio');
    const portfolio = s.wb.sheetNames().find((n) => n === 'Портфель') ?? '';
    expect(portfolio).not.toBe('');
    expect(errorCells(s, portfolio)).toEqual([]);
    const values = s.wb.snapshot(portfolio).cells;
    const revenueOfGood = side(s, good, 'revenue') as number;
    expect(revenueOfGood).toBeGreaterThan(0);
    expect(values.some((c: { value: unknown }) => c.value === revenueOfGood)).toBe(true);
    // the total row: the good map's revenue alone
    const sums = values.filter((c: { formula?: string }) => /^=SUM\(/.test(c.formula ?? ''));
    expect(
      sums.some(
        (c: { value: unknown }) =>
          typeof c.value === 'number' && Math.abs((c.value as number) - revenueOfGood) < 1e-6,
      ),
    ).toBe(true);
    expect(
      values.some(
        (c: { value: unknown }) => typeof c.value === 'string' && c.value.startsWith('⚠'),
      ),
    ).toBe(true);
  });

  it("the drop-off row says a stage typed out of order or a count that is not a number, in the map's language, and wraps", () => {
    const { s, sheet } = ruMap([5000, 1200, 330, 300, 150, 90]);
    moveLeft(s, sheet, 4); // Триггер (150) before Пользовательский опыт (300)
    expect(row(s, sheet, 'customers')).toEqual([5000, 1200, 330, 150, 300, 90]);
    const drop = row(s, sheet, 'dropOff');
    expect(drop[4]).toBe('⚠ больше, чем на предыдущем этапе');
    expect(drop.filter((v) => typeof v === 'number' && v < 0)).toEqual([]);
    expect(drop[5]).toBe(210);
    expect(warnHighlighted(s, sheet, a1(ROW.dropOff, stageCol(4)))).toBe(true);
    // text in a count: the note names it, in every cell that reads it (the step row too)
    s.wb.setCell(sheet, a1(ROW.customers, stageCol(2)), 'много');
    const note = '⚠ «много» — текст, а не число: введите число без апострофа и пробелов';
    expect(row(s, sheet, 'dropOff').slice(2, 4)).toEqual([note, note]);
    expect(row(s, sheet, 'step').slice(2, 4)).toEqual([note, note]);
    expect(row(s, sheet, 'overall')[2]).toBe(note);
    // TRUE is not a number either, and is not text
    s.wb.setCell(sheet, a1(ROW.customers, stageCol(2)), 'TRUE');
    expect(row(s, sheet, 'dropOff').slice(2, 4)).toEqual(['⚠ не число', '⚠ не число']);
    expect(errorCells(s, sheet)).toEqual([]);
    // a count that is itself an error (a lookup that found nothing) is not a number either, never a
    // raw error
    s.wb.setCell(sheet, a1(ROW.customers, stageCol(2)), '=1/0');
    expect(row(s, sheet, 'dropOff').slice(2, 4)).toEqual(['⚠ не число', '⚠ не число']);
    expect(
      errorCells(s, sheet).filter((c) => !c.startsWith(a1(ROW.customers, stageCol(2)))),
    ).toEqual([]);
    // the computed stage rows wrap, so a note is never cut by the next column
    const cells = s.wb.snapshot(sheet).cells as {
      row: number;
      col: number;
      attrs: { wrap: boolean };
    }[];
    for (const key of KPI_ROWS) {
      for (let i = 0; i < 6; i++)
        expect(
          cells.find((c) => c.row === ROW[key] && c.col === stageCol(i))?.attrs.wrap,
          `${key} ${i}`,
        ).toBe(true);
    }
  });

  it("the deal stage moved first: the weakest transition is one the step row shows, and the sidebar and the poster show the sheet's revenue", () => {
    const { s, sheet, mapId } = ruMap([5000, 1200, 330, 300, 150, 90], { 1: 0.3, 2: 0.35 });
    moveLeft(s, sheet, 2);
    moveLeft(s, sheet, 1);
    expect(row(s, sheet, 'customers')).toEqual([330, 5000, 1200, 300, 150, 90]);
    expect(errorCells(s, sheet)).toEqual([]);
    const weakest = side(s, sheet, 'weakest');
    expect(weakest).not.toBe('');
    expect(typeof row(s, sheet, 'step')[2]).toBe('number');
    expect(weakest).toBe('Первичное осмысление → Активная оценка');
    expect(side(s, sheet, 'revenue')).toBeCloseTo(7_425_000, 4);
    const m = call<WizardState>(s, 'loadStep', { mapId, step: 'kpis' }).view!.metrics;
    expect(m.revenue).toBeCloseTo(7_425_000, 4);
    expect(m.conversion).toBeCloseTo(side(s, sheet, 'conversion') as number, 12);
    expect(m.weakest).toBe(weakest);
    const poster = call<{ svg: string }>(s, 'exportPoster', { mapId });
    expect(poster.svg).toMatch(/7\s425\s000/);
    expect(poster.svg).toContain('Первичное осмысление → Активная оценка');
  });

  it("a target above 100 % shows a ⚠ naming the value read in the stage's own cell, and the wizard names it too", () => {
    const { s, sheet, mapId } = ruMap([5000, 1200, 330, 300, 150, 90], { 1: 0.3 });
    const target = a1(ROW.target, stageCol(2));
    // 30 typed into the percent cell, as Sheets stores it: the number 30, that is 3 000 %
    s.wb.setCell(sheet, target, 30);
    expect(s.wb.value(sheet, target)).toBe(30);
    expect(s.wb.display(sheet, target)).toBe(
      '⚠ 3 000% — больше 100 %: введите цель в процентах, например 30 %',
    );
    // a target in range shows as a share, as before
    expect(s.wb.display(sheet, a1(ROW.target, stageCol(1)))).toBe('30,0%');
    // and the step is not judged against a target that is none: 330 / 1200 is not "under 3 000 %"
    const model = s.wb.model;
    const effects = conditionalEffects(model, model.sheetOrThrow(sheet), ROW.footer, 8);
    expect(effects[a1(ROW.step, stageCol(1))]).toBeDefined(); // 24 % under its 30 % target
    expect(effects[a1(ROW.step, stageCol(2))]).toBeUndefined();
    const m = call<WizardState>(s, 'loadStep', { mapId, step: 'kpis' }).view!.metrics;
    expect(m.errors).toContain(
      'Сделка: цель прочитана как 3\u00a0000,0%; цель — доля от 0 до 100 % (введите 30 %, а не 30)',
    );
  });

  it('a map of two stages: its one step and overall cell say a problem in words too', () => {
    const s = openSpreadsheet('en_US');
    const sheet = s.newMap({ name: 'Two', preset: 'custom', stages: ['Visit', 'Order'] });
    s.wb.setCell(sheet, a1(ROW.customers, stageCol(0)), 100);
    s.wb.setCell(sheet, a1(ROW.customers, stageCol(1)), 300);
    expect(errorCells(s, sheet)).toEqual([]);
    // the one formula of each row (over the row of counts) says it of the second stage
    const said = { step: '⚠ more than the previous stage', overall: '⚠ more than the first stage' };
    for (const key of ['step', 'overall'] as const) {
      expect(s.wb.value(sheet, a1(ROW[key], stageCol(1)))).toBe(said[key]);
      expect(warnHighlighted(s, sheet, a1(ROW[key], stageCol(1)))).toBe(true);
    }
    expect(s.wb.value(sheet, a1(ROW.dropOff, stageCol(1)))).toBe('⚠ more than the previous stage');
    s.wb.setCell(sheet, a1(ROW.customers, stageCol(1)), 30);
    expect(s.wb.value(sheet, a1(ROW.step, stageCol(1)))).toBeCloseTo(0.3, 12);
    expect(s.wb.value(sheet, a1(ROW.weakest, SIDE_COL))).toBe('Visit → Order');
  });

  it('the weakest transition says why none can be judged, in words, highlighted and wrapped; blank only while counts are missing', () => {
    const s = openSpreadsheet('en_US');
    const sheet = s.newMap({ name: 'Two', preset: 'custom', stages: ['Visit', 'Order'] });
    const weakest = () => s.wb.value(sheet, a1(ROW.weakest, SIDE_COL));
    const count = (i: number, v: unknown) => s.wb.setCell(sheet, a1(ROW.customers, stageCol(i)), v);
    expect(weakest()).toBe('');
    count(0, 1000);
    expect(weakest()).toBe('');
    count(1, -5);
    expect(weakest()).toBe('⚠ the count of "Order" is below 0; enter its customers, 0 or more');
    expect(warnHighlighted(s, sheet, a1(ROW.weakest, SIDE_COL))).toBe(true);
    const cell = (
      s.wb.snapshot(sheet).cells as { row: number; col: number; attrs: { wrap: boolean } }[]
    ).find((c) => c.row === ROW.weakest && c.col === SIDE_COL);
    expect(cell?.attrs.wrap).toBe(true);
    count(1, 'soon');
    expect(weakest()).toBe(
      '⚠ the count of "Order" is not a number; enter its customers, 0 or more',
    );
    count(1, 1500);
    expect(weakest()).toBe(
      '⚠ "Order" has more customers than "Visit" before it; check both counts',
    );
    count(0, 0);
    count(1, 0);
    expect(weakest()).toBe(
      '⚠ 0 customers at "Visit", so no step from it; enter how many reached it',
    );
    count(0, 1000);
    count(1, 50);
    // 40 typed into the target row (formatted as %) means 4000%
    s.wb.setCell(sheet, a1(ROW.target, stageCol(1)), 40);
    expect(weakest()).toBe('⚠ the target of "Order" is above 100%; enter a share, e.g. 30%');
    s.wb.setCell(sheet, a1(ROW.target, stageCol(1)), '30%');
    expect(weakest()).toBe('Visit → Order');
    expect(errorCells(s, sheet)).toEqual([]);
  });

  it("a Russian map's weakest transition names the stage to fix in Russian; a cell of the user's own says it too", () => {
    const ru = openSpreadsheet('ru_RU');
    const sheet = ru.newMap({ segment: 'Родители', product: 'Курс' });
    ru.wb.setCell(sheet, a1(ROW.customers, stageCol(0)), 5000);
    ru.wb.setCell(sheet, a1(ROW.customers, stageCol(1)), 'много');
    expect(ru.wb.value(sheet, a1(ROW.weakest, SIDE_COL))).toBe(
      '⚠ у этапа «Активная оценка» клиенты указаны не числом; введите число, 0 или больше',
    );
    expect(errorCells(ru, sheet)).toEqual([]);
    // one good transition further on is enough for an answer
    ru.wb.setCell(sheet, a1(ROW.customers, stageCol(2)), 330);
    ru.wb.setCell(sheet, a1(ROW.customers, stageCol(3)), 300);
    expect(ru.wb.value(sheet, a1(ROW.weakest, SIDE_COL))).toBe('Сделка → Пользовательский опыт');

    const en = openSpreadsheet('en_US');
    en.wb.setCell('Sheet1', 'A1', 'Visit');
    en.wb.setCell('Sheet1', 'B1', 'Cart');
    en.wb.setCell('Sheet1', 'A2', 100);
    en.wb.setCell('Sheet1', 'B2', -5);
    en.wb.setCell('Sheet1', 'C3', '=CJM_BOTTLENECK(A2:B2, A1:B1)');
    expect(en.wb.value('Sheet1', 'C3')).toBe(
      '⚠ the count of "Cart" is below 0; enter its customers, 0 or more',
    );
    en.wb.setCell('Sheet1', 'B2', '');
    expect(en.wb.value('Sheet1', 'C3')).toBe('');
  });

  it('for random counts, the sidebar computes what the sheet computes and no KPI cell shows an error', () => {
    const s = openSpreadsheet('en_US');
    const sheet = s.newMap();
    const mapId = mapIdOf(s, sheet);
    s.wb.setCell(sheet, a1(ROW.avgCheck, SIDE_COL), 2000);
    s.wb.setCell(sheet, a1(ROW.purchases, SIDE_COL), 1.5);
    const count = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 0, max: 5000 }) },
      { weight: 1, arbitrary: fc.constantFrom<number | string>('', 'lots', -3) },
    );
    const target = fc.oneof(
      { weight: 3, arbitrary: fc.constant<number | string>('') },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 100 }).map((p) => p / 100) },
    );
    fc.assert(
      fc.property(
        fc.array(count, { minLength: 6, maxLength: 6 }),
        fc.array(target, { minLength: 6, maxLength: 6 }),
        (counts, targets) => {
          s.wb
            .range(sheet, `${a1(ROW.customers, stageCol(0))}:${a1(ROW.customers, stageCol(5))}`)
            .setValues([counts]);
          s.wb
            .range(sheet, `${a1(ROW.target, stageCol(0))}:${a1(ROW.target, stageCol(5))}`)
            .setValues([targets]);
          const kpi = [
            ...KPI_ROWS.flatMap((k) => row(s, sheet, k)),
            ...SIDE_ROWS.map((k) => side(s, sheet, k)),
          ];
          expect(kpi.filter((v) => typeof v === 'string' && v.startsWith('#'))).toEqual([]);
          expect(errorCells(s, sheet)).toEqual([]);
          const m = call<WizardState>(s, 'loadStep', { mapId, step: 'kpis' }).view!.metrics;
          const num = (v: unknown) => (typeof v === 'number' ? v : null);
          const conv = num(side(s, sheet, 'conversion'));
          const rev = num(side(s, sheet, 'revenue'));
          if (conv === null) expect(m.conversion).toBeNull();
          else expect(m.conversion).toBeCloseTo(conv, 12);
          if (rev === null) expect(m.revenue).toBeNull();
          else expect(m.revenue).toBeCloseTo(rev, 6);
          // the sheet's note on why no transition can be judged is the sidebar's blank
          const w = String(side(s, sheet, 'weakest'));
          expect(m.weakest).toBe(w.startsWith('⚠') ? '' : w);
          // the weakest transition is one the step row shows as a number
          if (w !== '' && !w.startsWith('⚠')) {
            const names = Array.from({ length: 6 }, (_, i) =>
              String(s.wb.value(sheet, a1(ROW.header, stageCol(i)))),
            );
            const at = names.findIndex((_, i) => i > 0 && `${names[i - 1]} → ${names[i]}` === w);
            expect(typeof row(s, sheet, 'step')[at]).toBe('number');
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
