import { describe, expect, it } from 'vitest';
import { currencyOf, moneyFormat } from '../../../../src/core/map/formats';
import { FIRST_STAGE_COL, LABEL_COL, ROW, SIDE_COL } from '../../../../src/core/map/layout';
import type { CellStyle, StyleKey } from '../../../../src/core/map/plan';
import { planMap } from '../../../../src/core/map/template';
import { presetJourney } from '../../../support/journeys';

describe('the money format of a spreadsheet locale', () => {
  it('shows rubles for a Russian locale, whatever the region or its spelling', () => {
    expect(moneyFormat('ru_RU')).toBe('#,##0 [$₽-419]');
    // the language alone, and a Russian speaker elsewhere: the language decides
    expect(moneyFormat('ru')).toBe('#,##0 [$₽-419]');
    expect(moneyFormat('ru-KZ')).toBe('#,##0 [$₽-419]');
    // another language of Russia: the region decides
    expect(moneyFormat('tt_RU')).toBe('#,##0 [$₽-419]');
  });

  it("shows each region's own currency symbol, before or after the amount", () => {
    expect(moneyFormat('en_US')).toBe('[$$]#,##0');
    expect(moneyFormat('en_GB')).toBe('[$£]#,##0');
    expect(moneyFormat('de_DE')).toBe('#,##0 [$€]');
    expect(moneyFormat('kk_KZ')).toBe('#,##0 [$₸]');
  });

  it('shows plain money with cents for a locale it has no currency for', () => {
    expect(moneyFormat('ja_JP')).toBe('#,##0.00');
    expect(moneyFormat('en')).toBe('#,##0.00');
  });

  it("names the currency a locale's money cells show, and where its symbol goes", () => {
    expect(currencyOf('ru_RU')).toStrictEqual({ symbol: '₽', before: false });
    expect(currencyOf('en_US')).toStrictEqual({ symbol: '$', before: true });
    expect(currencyOf('ja_JP')).toBeNull();
  });
});

describe('how the cells of a new map look', () => {
  const plan = planMap(presetJourney('en'), { sheetName: 'Map', locale: 'en_US' });
  const styleAt = (row: number, col: number): CellStyle => {
    const cell = plan.cells[row - 1]?.[col - 1];
    if (!cell) throw new Error(`no cell at ${row},${col}`);
    return plan.styles[cell.style];
  };
  const stage = FIRST_STAGE_COL;
  /** one cell of each kind a reader meets */
  const look = {
    title: styleAt(ROW.name, LABEL_COL),
    titleValue: styleAt(ROW.name, SIDE_COL),
    label: styleAt(ROW.barriers, LABEL_COL),
    sectionLabel: styleAt(ROW.kpiSection, LABEL_COL),
    section: styleAt(ROW.kpiSection, SIDE_COL),
    header: styleAt(ROW.header, stage),
    hint: styleAt(ROW.customers, SIDE_COL),
    text: styleAt(ROW.barriers, stage),
    input: styleAt(ROW.customers, stage),
    avgCheck: styleAt(ROW.avgCheck, SIDE_COL),
    formula: styleAt(ROW.leads, SIDE_COL),
    computed: styleAt(ROW.step, stage),
    result: styleAt(ROW.revenue, SIDE_COL),
    footer: styleAt(ROW.footer, LABEL_COL),
    plain: styleAt(ROW.reviewed, SIDE_COL),
  };
  const hex = /^#[0-9a-f]{6}$/;

  it('gives every style all that Sheets applies: real colours, flags and a size', () => {
    // an empty colour would clear the cell's colour in Sheets; a missing field would leave it unset
    for (const [key, s] of Object.entries(plan.styles) as [StyleKey, CellStyle][]) {
      if (s.background !== null) expect(s.background, key).toMatch(hex);
      expect(s.color, key).toMatch(hex);
      expect(typeof s.bold, key).toBe('boolean');
      expect(typeof s.italic, key).toBe('boolean');
      expect(typeof s.wrap, key).toBe('boolean');
      expect(s.size, key).toBeGreaterThan(0);
    }
  });

  it('tints the cells a user types in, apart from the ones the template computes', () => {
    expect(look.input.background).toMatch(hex);
    expect(look.avgCheck).toStrictEqual(look.input);
    for (const s of [look.formula, look.computed, look.result]) {
      expect(s.background).toMatch(hex);
      expect(s.background).not.toBe(look.input.background);
    }
    // column A labels are shaded too, so the grid reads as rows
    expect(look.label.background).toMatch(hex);
    expect(look.text.background).toBeNull();
  });

  it('writes the title and the section bands in white on a coloured band', () => {
    for (const s of [look.title, look.section, look.sectionLabel]) {
      expect(s.color).toBe('#ffffff');
      expect(s.background).toMatch(hex);
      expect(s.background).not.toBe('#ffffff');
    }
  });

  it('sets headings and the revenue in bold, and the contents, inputs and hints in regular type', () => {
    const bold = ['title', 'titleValue', 'label', 'sectionLabel', 'section', 'header', 'result'];
    const regular = ['hint', 'text', 'input', 'formula', 'computed', 'footer', 'plain'];
    for (const k of bold) expect(look[k as keyof typeof look].bold, k).toBe(true);
    for (const k of regular) expect(look[k as keyof typeof look].bold, k).toBe(false);
  });

  it('sets only the hints in italics, in a lighter grey than the contents', () => {
    for (const [k, s] of Object.entries(look)) expect(s.italic, k).toBe(k === 'hint');
    expect(look.hint.color).not.toBe(look.text.color);
    expect(look.text.color).not.toBe('#ffffff');
  });

  it('wraps cells that hold sentences, and keeps single values and bands on one line', () => {
    const wraps = ['title', 'label', 'sectionLabel', 'header', 'hint', 'text', 'computed'];
    const oneLine = ['titleValue', 'section', 'input', 'formula', 'result', 'footer', 'plain'];
    for (const k of wraps) expect(look[k as keyof typeof look].wrap, k).toBe(true);
    for (const k of oneLine) expect(look[k as keyof typeof look].wrap, k).toBe(false);
  });

  it('hides the footer markers: white on the white sheet, on one line', () => {
    expect(look.footer.color).toBe('#ffffff');
    expect(look.footer.background).toBeNull();
    expect(look.footer.wrap).toBe(false);
  });
});
