/**
 * A stage whose column a user hid, and rows they hid or grouped, are still the map: every command
 * reads, moves and counts them, and after a stage edit a note says which stages are hidden.
 */
import { describe, expect, it } from 'vitest';
import type { WizardState } from '../../../src/contract';
import { ROW } from '../../../src/core/map/layout';
import { openSpreadsheet, type Session } from '../../support/addon';

const header = (s: Session, sheet: string, cols: string) =>
  [...cols].map((c) => s.wb.value(sheet, `${c}${ROW.header}`));
const lastToast = (s: Session) => s.wb.ui.toasts.at(-1);

function hiddenStage(locale = 'en_US') {
  const s = openSpreadsheet(locale);
  const sheet = s.newMap({ name: 'Coffee' });
  [1000, 400, 100, 90].forEach((n, i) => {
    s.wb.setCell(sheet, `${'CDEF'[i]}${ROW.customers}`, n);
  });
  s.wb.hideColumns(sheet, 'F'); // the fourth stage, "Experience"
  s.wb.hideRows(sheet, ROW.barriers, 2);
  s.wb.group(sheet, `A${ROW.customers}:A${ROW.customers + 1}`, 'rows');
  return { s, sheet };
}

describe('a hidden stage', () => {
  it('is moved with the others by Add stage beside it, stays hidden, and the note names it and its new column', () => {
    const { s, sheet } = hiddenStage();
    s.select(sheet, `E${ROW.header}`);
    s.run('addStage');
    expect(header(s, sheet, 'CDEFG')).toEqual([
      'Initial consideration',
      'Active evaluation',
      'Purchase',
      'New stage',
      'Experience',
    ]);
    expect(s.wb.snapshot(sheet).hiddenCols).toEqual([7]);
    expect(s.wb.value(sheet, `G${ROW.customers}`)).toBe(90);
    expect(lastToast(s)).toMatchObject({
      title: 'Hidden stages',
      message:
        'The stage "Experience" is hidden (column G): it stays on the map and in its funnel, and moves with every stage edit. To see it, select the columns around it and choose Unhide columns from the right-click menu.',
    });
  });

  it('is counted in the funnel: the step conversion after it reads its count', () => {
    const { s, sheet } = hiddenStage();
    s.wb.setCell(sheet, `G${ROW.customers}`, 45);
    // 45 of the hidden stage's 90
    expect(s.wb.value(sheet, `G${ROW.step}`)).toBeCloseTo(0.5, 12);
  });

  it('a stage moved right past it swaps with it; a removal next to it keeps it; hidden rows stay hidden', () => {
    const { s, sheet } = hiddenStage('ru_RU');
    s.select(sheet, `E${ROW.header}`);
    s.run('moveStageRight');
    expect(s.wb.value(sheet, `F${ROW.header}`)).toBe('Сделка');
    expect(s.wb.snapshot(sheet).hiddenCols).toEqual([5]);
    expect(lastToast(s)?.message).toMatch(/^Этап «Пользовательский опыт» скрыт \(столбец E\)/);
    s.select(sheet, `D${ROW.header}`);
    s.run('removeStage');
    expect(s.answerDialog('YES')).toEqual({ ok: true });
    expect(s.wb.value(sheet, `D${ROW.header}`)).toBe('Пользовательский опыт');
    expect(s.wb.snapshot(sheet)).toMatchObject({
      hiddenCols: [4],
      hiddenRows: [ROW.barriers, ROW.barriers + 1],
    });
  });

  it('the wizard lists it among the stages, and its count is saved into it', () => {
    const { s, sheet } = hiddenStage();
    const mapId = String(s.wb.value(sheet, `A${ROW.footer}`)).split(' ')[2];
    const view = (s.addon.callFromClient('loadStep', { mapId, step: 'kpis' }) as WizardState).view!;
    expect(view.stages.map((st) => st.name)).toContain('Experience');
    s.addon.callFromClient('saveStep', {
      mapId,
      step: 'kpis',
      values: { ...view.values, 'stage.3.customers': 80 },
      base: view.values,
      stages: view.stages,
    });
    expect(s.wb.value(sheet, `F${ROW.customers}`)).toBe(80);
  });

  it('says nothing when no stage beside the edit is hidden', () => {
    const s = openSpreadsheet('en_US');
    const sheet = s.newMap({ name: 'Tea' });
    s.wb.hideColumns(sheet, 'H');
    s.select(sheet, `C${ROW.header}`);
    s.run('addStage');
    expect(s.wb.ui.toasts).toEqual([]);
  });
});
