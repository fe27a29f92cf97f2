/**
 * Sheets' Duplicate of a map sheet, through the built add-on: the copy carries the map's cells and
 * markers row (its id) but not its named cells, which stay with the original. Commands on the copy
 * refuse with the offer to make it a map of its own, and write nothing anywhere; Rename the map on
 * the copy makes it one (a new id and stage ids, no plan) and never touches the original's sheets.
 */
import { describe, expect, it } from 'vitest';
import type { SaveResult } from '../../../src/contract';
import { ROW } from '../../../src/core/map/layout';
import { openSpreadsheet } from '../../support/addon';
import { planAction } from '../../support/journeys';
import { reviewedTwice } from '../../support/review';
import { BLOCK_ROW } from '../../../src/core/review/block';
import { historySheetName } from '../../../src/core/review/history';

const footer = `A${ROW.footer}`;
const idOf = (marker: unknown) => String(marker).split(' ')[2]!;

function duplicated() {
  const s = openSpreadsheet('en_US');
  const sheet = s.newMap({ name: 'Coffee' });
  const mapId = idOf(s.wb.value(sheet, footer));
  const saved = s.addon.callFromClient('savePlan', {
    mapId,
    actions: [planAction('Loyalty card', 'Q', '+10%')],
    base: [],
  }) as SaveResult;
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  const copy = s.wb.copySheet(sheet);
  return { s, sheet, mapId, copy };
}

/** Every cell of every sheet but `except`, to show nothing changed there. */
const others = (s: ReturnType<typeof duplicated>['s'], except: string) =>
  s.wb
    .sheetNames()
    .filter((n) => n !== except)
    .map((n) => [n, s.wb.snapshot(n)]);

describe('a duplicated map sheet', () => {
  it('Add stage on the copy refuses with the offer, naming the original, and changes nothing anywhere', () => {
    const { s, copy } = duplicated();
    expect(copy).toBe('Copy of Coffee');
    const before = s.wb.sheetNames().map((n) => [n, s.wb.snapshot(n)]);
    for (const command of ['addStage', 'moveStageRight', 'removeStage']) {
      s.select(copy, `D${ROW.header}`);
      s.run(command);
      expect(s.wb.ui.requests.at(-1)?.request.prompt).toBe(
        'This sheet is a copy of the map on sheet "Coffee" and carries its id, so the add-on does not work on it: a change here could reach that map. To make this sheet a map of its own (a new id and stage ids, no plan yet; nothing of the original changes), choose Extensions → CJM → Rename the map… here and give it a name. To work on the map itself, go to sheet "Coffee". Nothing was changed.',
      );
    }
    expect(s.wb.sheetNames().map((n) => [n, s.wb.snapshot(n)])).toEqual(before);
  });

  it("Rename the map on the copy offers to make it a map of its own, and doing so never touches the original's sheets", () => {
    const { s, sheet, mapId, copy } = duplicated();
    s.select(copy, 'A1');
    s.run('renameMap');
    expect(s.dialog()?.view === 'renameMap' && s.dialog()).toMatchObject({
      label:
        'This sheet is a copy of the map on sheet "Coffee". Give it a name to make it a map of its own: it gets a new id and stage ids and no plan yet; the original is not touched. New name:',
    });
    const original = others(s, copy);
    expect(s.answerDialog({ name: 'Tea' })).toEqual({ ok: true });
    expect(others(s, 'Tea')).toEqual(original);
    expect(s.wb.sheetNames()).toEqual(['Sheet1', 'Coffee', 'Tea', 'Coffee · plan']);
    expect(s.wb.value('Tea', `B${ROW.name}`)).toBe('Tea');

    // its own id and stage ids, and named cells that lead to it
    const own = idOf(s.wb.value('Tea', footer));
    expect(own).toMatch(/^[A-Z0-9]{6}$/);
    expect(own).not.toBe(mapId);
    const stageIds = (name: string) =>
      s.wb.values(name, `C${ROW.footer}:H${ROW.footer}`)[0]!.map(String);
    const copied = stageIds('Tea');
    expect(copied.every((m, i) => m.startsWith('CJM stage ') && m !== stageIds(sheet)[i])).toBe(
      true,
    );
    expect(s.wb.spreadsheet.getRangeByName(`CJM_${own}_REVENUE`)?.getSheet().getName()).toBe('Tea');
    expect(s.wb.spreadsheet.getRangeByName(`CJM_${mapId}_REVENUE`)?.getSheet().getName()).toBe(
      'Coffee',
    );

    // now a map like any other: a stage edit works on it, and the portfolio lists both
    s.select('Tea', `D${ROW.header}`);
    s.run('addStage');
    expect(s.wb.value('Tea', `E${ROW.header}`)).toBe('New stage');
    expect(s.wb.value(sheet, `E${ROW.header}`)).toBe('Purchase');
    s.run('showPortfolio');
    expect(s.wb.values('Portfolio', 'B4:B5').flat().sort()).toEqual(['Coffee', 'Tea']);
  });

  it("a reviewed map's copy, made a map of its own, shows no trend of the original's reviews and keeps the goal typed in it", () => {
    const s = openSpreadsheet('en_US');
    const sheet = reviewedTwice(s, 'Coffee');
    const copy = s.wb.copySheet(sheet);
    const goal = `B${BLOCK_ROW.revenueGoal}`;
    const change = `B${BLOCK_ROW.trendChange}`;
    // Sheets copies the block's formulas: the copy shows the original's +30,000 since last review
    expect(s.wb.value(copy, change)).toBeCloseTo(30_000, 6);
    s.select(copy, 'A1');
    s.run('renameMap');
    expect(s.answerDialog({ name: 'Tea' })).toEqual({ ok: true });
    // a map with no review yet: the trend rows say what they will show, as on a new map's first
    // review, and nothing on the sheet reads the original's history
    expect(s.wb.value('Tea', `B${BLOCK_ROW.trend}`)).toBe(
      'Record two reviews to see trends: Extensions → CJM → Record a review.',
    );
    expect(s.wb.value('Tea', change)).toBe('');
    const history = historySheetName(sheet, 'en');
    const readsHistory = s.wb
      .snapshot('Tea')
      .cells.filter((c) => c.formula?.includes(history))
      .map((c) => `${c.row},${c.col}`);
    expect(readsHistory).toEqual([]);
    expect(s.wb.value('Tea', goal)).toBe(400_000);
    // the original's block is as it was
    expect(s.wb.value(sheet, change)).toBeCloseTo(30_000, 6);
  });
});
