/**
 * The map's language, through the built add-on in the emulator: count messages that agree with
 * their number, the footer's markers in the map's language (the old English ones still read), and
 * the formulas' notes in the spreadsheet's language whoever opens it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorkbook, htmlFilesIn, loadAddon } from '../../emulator/index';
import type { CreateMapResult } from '../../src/contract';
import { a1, FIRST_STAGE_COL, ROW } from '../../src/core/map/layout';
import { t } from '../../src/core/words/i18n';
import { openSpreadsheet } from '../support/addon';

const col = (i: number) => a1(1, FIRST_STAGE_COL + i).replace(/\d+$/, '');

describe('count messages agree with their number', () => {
  it.each([
    [1, 'В нём 1 заполненная ячейка. Она будет удалена вместе с этапом.'],
    [2, 'В нём 2 заполненных ячейки. Они будут удалены вместе с этапом.'],
    [5, 'В нём 5 заполненных ячеек. Они будут удалены вместе с этапом.'],
  ])('the removal question counts %i filled cells in Russian forms', (n, prompt) => {
    const s = openSpreadsheet('ru_RU');
    const sheet = s.newMap({ segment: 'Родители', product: 'Курс' });
    const rows = [ROW.actions, ROW.barriers, ROW.drivers, ROW.questions, ROW.touchpoints].slice(
      0,
      n,
    );
    for (const row of rows) s.wb.setCell(sheet, `${col(1)}${row}`, 'заметка');
    s.select(sheet, `${col(1)}${ROW.header}`);
    s.run('removeStage');
    const asked = s.dialog();
    expect(asked?.view).toBe('removeStage');
    expect(asked?.view === 'removeStage' ? asked.body : '').toBe(prompt);
    s.answerDialog('NO');
    expect(s.wb.value(sheet, `${col(1)}${ROW.actions}`)).toBe('заметка');
  });
});

describe('the footer is in the map language', () => {
  const footer = (s: ReturnType<typeof openSpreadsheet>, sheet: string, cols: number) =>
    Array.from({ length: cols }, (_, i) => String(s.wb.value(sheet, a1(ROW.footer, i + 1))));

  it('a Russian map says "Карта CJM …", "CJM сводка" and "CJM этап …"; a map with the old English markers is still read, and gets Russian ones with its next stage edit', () => {
    const s = openSpreadsheet('ru_RU');
    const sheet = s.newMap({ segment: 'Родители', product: 'Курс' });
    const before = footer(s, sheet, 8);
    expect(before[0]).toMatch(/^Карта CJM [A-Z0-9]+ · шаблон v2$/);
    expect(before[1]).toBe('CJM сводка');
    expect(before.slice(2).every((m) => /^CJM этап [a-z0-9]+$/.test(m))).toBe(true);
    expect(before.join(' ')).not.toMatch(/\b(map|template|side|stage)\b/);
    // the markers as every map had them before they were translated
    const id = (before[0] ?? '').split(' ')[2];
    const ids = before.slice(2).map((m) => m.split(' ')[2]);
    s.wb.range(sheet, a1(ROW.footer, 1)).setValue(`'CJM map ${id} · template v2`);
    s.wb.range(sheet, a1(ROW.footer, 2)).setValue(`'CJM side`);
    ids.forEach((stage, i) => {
      s.wb.range(sheet, a1(ROW.footer, FIRST_STAGE_COL + i)).setValue(`'CJM stage ${stage}`);
    });
    s.select(sheet, `${col(0)}${ROW.header}`);
    s.run('addStage');
    expect(s.wb.ui.requests).toEqual([]);
    expect(s.wb.value(sheet, `${col(1)}${ROW.header}`)).toBe(t('ru', 'stage.new'));
    const after = footer(s, sheet, 9);
    expect(after.slice(0, 3)).toEqual(before.slice(0, 3));
    // each stage keeps its id, in Russian now, and the new one has its own
    expect(after.slice(4)).toEqual(before.slice(3));
    expect(after[3]).toMatch(/^CJM этап [a-z0-9]+$/);
    expect(ids).not.toContain(after[3]?.split(' ')[2]);
  });

  it('an English map keeps its English footer', () => {
    const s = openSpreadsheet('en_US');
    const sheet = s.newMap();
    const line = footer(s, sheet, 4);
    expect(line[0]).toMatch(/^CJM map [A-Z0-9]+ · template v2$/);
    expect(line[1]).toBe('CJM side');
    expect(line.slice(2).every((m) => /^CJM stage [a-z0-9]+$/.test(m))).toBe(true);
  });
});

describe("the formulas' notes are in the spreadsheet's language, whoever opens it", () => {
  const outOfOrder = (locale: string, userLocale: string, lang: 'en' | 'ru') => {
    const wb = createWorkbook({ locale, userLocale });
    const addon = loadAddon(wb, readFileSync('dist/Code.js', 'utf8'), htmlFilesIn('dist'));
    const created = addon.callFromClient('createMap', {
      name: '',
      segment: 'Родители',
      product: 'Курс',
      preset: 'checklist6',
      stages: [],
      lang,
      locale,
      example: false,
    }) as CreateMapResult;
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    // the third stage has more customers than the second
    [1000, 400, 500].forEach((n, i) => {
      wb.setCell(created.sheetName, `${col(i)}${ROW.customers}`, n);
    });
    return String(wb.value(created.sheetName, `${col(2)}${ROW.step}`));
  };

  it('a Russian map in a Russian spreadsheet, opened by a colleague whose account is in English', () => {
    expect(outOfOrder('ru_RU', 'en', 'ru')).toBe('⚠ больше, чем на предыдущем этапе');
  });

  it('an English map in an English spreadsheet, opened by a colleague whose account is in Russian', () => {
    expect(outOfOrder('en_US', 'ru_RU', 'en')).toBe('⚠ more than the previous stage');
  });
});
