/**
 * The add-on's menu, through the built add-on: built in AuthMode.NONE (before the add-on may read
 * the document), in the user's language, and its Formula help.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorkbook, loadAddon } from '../../emulator/index';
import { openSpreadsheet } from '../support/addon';

describe('the add-on menu', () => {
  it("builds in AuthMode.NONE without touching the document, in the user's language from the first open", () => {
    const s = openSpreadsheet('ru_RU');
    s.addon.runOnOpen('NONE');
    const items = s.wb.ui.menus[0]?.items.flatMap((i) => ('caption' in i ? [i.caption] : []));
    expect(items).toContain('Новая карта…');
    expect(items).toContain('Портфель карт');
  });

  it("speaks the user's language, not the spreadsheet's, in every mode", () => {
    for (const mode of ['NONE', 'LIMITED', 'FULL'] as const) {
      const wb = createWorkbook({ locale: 'ru_RU', userLocale: 'en' });
      const addon = loadAddon(wb, readFileSync('dist/Code.js', 'utf8'));
      addon.runOnOpen(mode);
      const items = wb.ui.menus[0]?.items.flatMap((i) => ('caption' in i ? [i.caption] : []));
      expect(items).toContain('New map…');
    }
  });

  it('opens the formula help with every formula and its Russian examples', () => {
    const s = openSpreadsheet('ru_RU');
    s.run('showFormulaHelp');
    const page = s.wb.ui.surfaces.at(-1);
    expect(page?.kind).toBe('sidebar');
    expect(page?.title).toBe('Формулы CJM');
    for (const name of [
      'CJM_REVENUE',
      'CJM_CONVERSION',
      'CJM_FUNNEL',
      'CJM_BOTTLENECK',
      'CJM_REQUIRED',
    ])
      expect(page?.html).toContain(name);
    expect(page?.html).toContain('=CJM_REVENUE(1000; 5%; 2000; 1,5)');
  });
});
