import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { a1, FIRST_STAGE_COL, ROW } from '../../../src/core/map/layout';
import { openSpreadsheet, type Session } from '../../support/addon';

const col = (i: number) => a1(1, FIRST_STAGE_COL + i).replace(/\d+$/, '');
const names = (s: Session, sheet: string, n: number) =>
  Array.from({ length: n }, (_, i) => s.wb.value(sheet, `${col(i)}${ROW.header}`));

function filledMap() {
  const s = openSpreadsheet('en_US');
  const sheet = s.newMap({ name: 'Edits' });
  [1000, 400, 100, 90, 60, 40].forEach((n, i) => {
    s.wb.setCell(sheet, `${col(i)}${ROW.customers}`, n);
  });
  s.wb.setCell(sheet, `B${ROW.avgCheck}`, 2000);
  s.wb.setCell(sheet, `B${ROW.purchases}`, 1.5);
  s.wb.setCell(sheet, `E${ROW.barriers}`, 'No instalments');
  s.wb.setCell(sheet, `E${ROW.barrierType}`, 'Insufficiency');
  return { s, sheet };
}

describe('structural edits keep every filled cell', () => {
  it('adds a stage after the selected one; content and revenue stay', () => {
    const { s, sheet } = filledMap();
    s.select(sheet, `D${ROW.actions}`);
    s.run('addStage');
    expect(names(s, sheet, 7)).toEqual([
      'Initial consideration',
      'Active evaluation',
      'New stage',
      'Purchase',
      'Experience',
      'Trigger',
      'Loyalty',
    ]);
    expect(s.wb.value(sheet, `F${ROW.barriers}`)).toBe('No instalments');
    expect(s.wb.value(sheet, `F${ROW.customers}`)).toBe(100);
    expect(s.wb.value(sheet, `B${ROW.revenue}`)).toBeCloseTo(300_000, 6);
    // the new stage's step conversion is blank until counted, then computes, and so does the next
    // one's
    expect(s.wb.value(sheet, `E${ROW.step}`)).toBe('');
    s.wb.setCell(sheet, `E${ROW.customers}`, 200);
    expect(s.wb.value(sheet, `E${ROW.step}`)).toBeCloseTo(0.5, 12);
    expect(s.wb.value(sheet, `F${ROW.step}`)).toBeCloseTo(0.5, 12);
  });

  it('asks before removing a stage that holds content, and does nothing on No', () => {
    const { s, sheet } = filledMap();
    s.select(sheet, `E${ROW.header}`);
    s.run('removeStage');
    expect(s.dialog()?.frameTitle).toBe('Remove the stage "Purchase"?');
    s.answerDialog('NO');
    expect(s.wb.value(sheet, `E${ROW.header}`)).toBe('Purchase');
    s.run('removeStage');
    expect(s.answerDialog('YES')).toEqual({ ok: true });
    expect(names(s, sheet, 5)).toEqual([
      'Initial consideration',
      'Active evaluation',
      'Experience',
      'Trigger',
      'Loyalty',
    ]);
    expect(s.wb.value(sheet, `E${ROW.customers}`)).toBe(90);
    expect(s.wb.value(sheet, `H${ROW.header}`)).toBe('');
  });

  it('moves a stage right and left; a user formula pointing at it follows', () => {
    const { s, sheet } = filledMap();
    s.wb.setCell(sheet, `H${ROW.target}`, `=E${ROW.customers}/1000`);
    s.select(sheet, `E${ROW.header}`);
    s.run('moveStageRight');
    expect(names(s, sheet, 6)).toEqual([
      'Initial consideration',
      'Active evaluation',
      'Experience',
      'Purchase',
      'Trigger',
      'Loyalty',
    ]);
    expect(s.wb.value(sheet, `F${ROW.barriers}`)).toBe('No instalments');
    expect(s.wb.formula(sheet, `H${ROW.target}`)).toBe(`=F${ROW.customers}/1000`);
    expect(s.wb.value(sheet, `H${ROW.target}`)).toBeCloseTo(0.1, 12);
    s.select(sheet, `F${ROW.header}`);
    s.run('moveStageLeft');
    expect(names(s, sheet, 6)[2]).toBe('Purchase');
    expect(s.wb.value(sheet, `H${ROW.target}`)).toBeCloseTo(0.1, 12);
    expect(s.wb.value(sheet, `B${ROW.revenue}`)).toBeCloseTo(300_000, 6);
  });

  it('says so when the command runs outside a map, or outside a stage column', () => {
    const { s, sheet } = filledMap();
    s.select('Sheet1', 'A1');
    s.run('addStage');
    expect(s.wb.ui.requests.at(-1)?.request.prompt).toMatch(/^This sheet is not a CJM map\./);
    s.select(sheet, `A${ROW.actions}`);
    s.run('removeStage');
    expect(s.wb.ui.requests.at(-1)?.request.prompt).toBe(
      'Select a cell in a stage column (from column C on) first.',
    );
    s.select(sheet, `C${ROW.header}`);
    s.run('moveStageLeft');
    expect(s.wb.ui.requests.at(-1)?.request.prompt).toBe(
      'This stage is already at the edge of the map.',
    );
  });

  it('reports a hand-damaged map instead of writing over it', () => {
    const { s, sheet } = filledMap();
    s.wb.setCell(sheet, `A${ROW.barriers}`, 'Problems');
    s.select(sheet, `D${ROW.header}`);
    s.wb.calls.reset();
    s.run('addStage');
    expect(s.wb.ui.requests.at(-1)?.request.prompt).toBe(
      `This sheet is not a CJM map or damaged: row ${ROW.barriers} should be "Barriers" but is "Problems". Undo the last changes (Ctrl+Z) or repair it as said, then try again; nothing was changed.`,
    );
    expect(Object.keys(s.wb.calls.byName).filter((n) => /set|insert|delete|move/i.test(n))).toEqual(
      [],
    );
  });

  it('gives a clear message when another edit holds the lock', () => {
    const { s, sheet } = filledMap();
    s.select(sheet, `D${ROW.header}`);
    s.wb.lock.holdByOther();
    s.run('addStage');
    expect(s.wb.ui.requests.at(-1)?.request.prompt).toBe(
      'Another change to this spreadsheet is still running. Wait a few seconds and try again.',
    );
    expect(names(s, sheet, 7)[6]).toBe('');
  });

  it('renames the map and its sheet, never onto another sheet', () => {
    const { s, sheet } = filledMap();
    s.select(sheet, 'A1');
    s.run('renameMap');
    expect(s.answerDialog({ name: 'Sheet1' })).toEqual({ ok: true });
    expect(s.wb.sheetNames()).toContain('Sheet1 (2)');
    expect(s.wb.value('Sheet1 (2)', 'B1')).toBe('Sheet1');
    expect(s.wb.value('Sheet1 (2)', `B${ROW.revenue}`)).toBeCloseTo(300_000, 6);
  });

  it('costs a number of calls that does not grow with the map', () => {
    const count = (stages: number) => {
      const s = openSpreadsheet('en_US');
      const sheet = s.newMap({
        name: 'N',
        preset: 'custom',
        stages: Array.from({ length: stages }, (_, i) => `S${i}`),
      });
      s.select(sheet, `D${ROW.header}`);
      s.wb.calls.reset();
      s.run('addStage');
      return s.wb.calls.total;
    };
    expect(count(20)).toBe(count(4));
  });

  it('keeps all user content through any random sequence of edits (property)', () => {
    const action = fc.record({
      kind: fc.constantFrom('addStage', 'removeStage', 'moveStageLeft', 'moveStageRight'),
      at: fc.nat(9),
    });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            stage: fc.nat(3),
            row: fc.constantFrom(ROW.actions, ROW.questions, ROW.barriers, ROW.weakSpots),
            text: fc.string({ minLength: 1, maxLength: 12 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.array(action, { minLength: 1, maxLength: 5 }),
        (cells, actions) => {
          const s = openSpreadsheet('en_US');
          const sheet = s.newMap({ name: 'P', preset: 'custom', stages: ['A', 'B', 'C', 'D'] });
          const typed = new Map<string, string>();
          for (const c of cells) {
            const value = `${c.text}#${c.stage}:${c.row}`;
            s.wb.setCell(sheet, `${col(c.stage)}${c.row}`, value);
            typed.set(`${c.stage}:${c.row}`, value);
          }
          for (const a of actions) {
            s.select(sheet, `${col(a.at)}${ROW.header}`);
            s.run(a.kind);
            // the removal dialog is answered No
            if (s.dialog()) s.answerDialog('NO');
          }
          const everything = s.wb.values(sheet, `A1:Z${ROW.footer}`).flat();
          for (const value of typed.values()) expect(everything).toContain(value);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('what else the user put on a map survives stage edits', () => {
  it('keeps their notes and their own conditional formatting', () => {
    const s = openSpreadsheet('en_US');
    const sheet = s.newMap({ name: 'Notes' });
    s.wb.range(sheet, `E${ROW.barriers}`).setNote('Checked with sales on Monday');
    // the user's own rule, made the way a script of theirs would make it
    const app = (s.addon.context as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp })
      .SpreadsheetApp;
    const sh = app.getActiveSpreadsheet().getSheetByName(sheet)!;
    const mine = app
      .newConditionalFormatRule()
      .whenNumberGreaterThan(1000)
      .setBackground('#ffff00')
      .setRanges([sh.getRange(`C${ROW.customers}:H${ROW.customers}`)])
      .build();
    sh.setConditionalFormatRules([...sh.getConditionalFormatRules(), mine]);
    s.select(sheet, `D${ROW.header}`);
    s.run('addStage');
    expect(s.wb.range(sheet, `F${ROW.barriers}`).getNote()).toBe('Checked with sales on Monday');
    expect(s.wb.range(sheet, `A${ROW.barriers}`).getNote()).toMatch(/What stops the customer/);
    const rows = sh.getConditionalFormatRules().map((r) => r.getRanges()[0]?.getRow());
    expect(rows).toContain(ROW.customers);
    expect(rows.filter((r) => r === ROW.score)).toHaveLength(2);
  });
});

describe('a sort across the KPI rows, then a stage edit', () => {
  it("puts the map's formulas and hint back in their rows, once each, and keeps the user's numbers", () => {
    const { s, sheet } = filledMap();
    s.wb.setCell(sheet, `C${ROW.avgCheck}`, 1800);
    const customFunctions = () =>
      s.wb
        .range(sheet, `A1:Z${ROW.footer}`)
        .getFormulas()
        .flat()
        .filter((f) => /\bCJM_/.test(f)).length;
    const before = customFunctions();
    // the first stage's column, from the average check down to the leads, sorted A→Z
    s.wb.sortRange(sheet, `C${ROW.avgCheck}:C${ROW.leads}`, 3, true);
    const column = () =>
      Array.from({ length: ROW.leads - ROW.avgCheck + 1 }, (_, i) =>
        s.wb.value(sheet, `C${ROW.avgCheck + i}`),
      );
    const mine = ROW.avgCheck + column().indexOf(1800);
    // the sort put the user's 1800 in the overall conversion's row
    expect(mine).toBe(ROW.overall);
    s.select(sheet, `H${ROW.header}`);
    s.run('addStage');
    // the 1800 stays where the user's sort put it, so the overall conversion is not drawn over it;
    // the other custom function (the step conversion) is back in its row, once
    expect(s.wb.value(sheet, `C${mine}`)).toBe(1800);
    expect(customFunctions()).toBe(before - 1);
    expect(s.wb.formula(sheet, `C${ROW.step}`)).toBe(
      `=CJM_CONVERSION(C${ROW.customers}:I${ROW.customers})`,
    );
    expect(s.wb.value(sheet, `D${ROW.step}`)).toBe(0.4);
    expect(s.wb.value(sheet, `D${ROW.dropOff}`)).toBe(600);
    expect(column().filter((v) => v === 'customers at the first L stage')).toEqual([
      'customers at the first L stage',
    ]);
    expect(s.wb.value(sheet, `C${ROW.leads}`)).toBe('customers at the first L stage');
  });
});
