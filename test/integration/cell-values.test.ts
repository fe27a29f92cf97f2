/**
 * What a cell holds after the add-on writes it, through the built add-on: what a user typed is
 * written as the text typed, however it starts; and the user's own cells that a rebuild writes
 * again (the portfolio's extra columns, the history's) come back as they were: a formula a
 * formula, a number, a date and a checkbox's TRUE as themselves, text as text, empty as empty; a
 * formula moved with its map's row keeps referring to that map's cells.
 */
import { describe, expect, it } from 'vitest';
import { createWorkbook, type FormulaSeparators } from '../../emulator/index';
import { ROW } from '../../src/core/map/layout';
import { openSpreadsheet, sessionOn, type Session } from '../support/addon';

/** What a user's cell holds: its formula, else its value (a date as its ISO day). */
const held = (s: Session, sheet: string, a1: string): unknown => {
  const formula = s.wb.formula(sheet, a1);
  if (formula) return `formula ${formula}`;
  const v = s.wb.value(sheet, a1);
  return v instanceof Date ? `date ${v.toISOString().slice(0, 10)}` : v;
};

describe('what a user typed into New map is written as that text', () => {
  it('a quote, a boolean word, a date, a decimal and a percentage stay the text typed', () => {
    const s = openSpreadsheet('ru_RU');
    const sheet = s.newMap({
      name: 'Safe',
      segment: "'quoted'",
      product: 'TRUE',
      preset: 'custom',
      stages: ['2026-01-01', '1,5', '100%'],
    });
    expect(['B2', 'B3'].map((a1) => s.wb.value(sheet, a1))).toEqual(["'quoted'", 'TRUE']);
    expect(['C', 'D', 'E'].map((c) => s.wb.value(sheet, `${c}${ROW.header}`))).toEqual([
      '2026-01-01',
      '1,5',
      '100%',
    ]);
  });
});

describe("the portfolio's rebuild writes the user's own columns back as they were", () => {
  /** Two maps in the portfolio, map B ranked first (row 4), A second (row 5). */
  function portfolio(s = openSpreadsheet('en_US'), sheet = 'Portfolio') {
    const a = s.newMap({ segment: 'A', product: 'a' });
    const b = s.newMap({ segment: 'B', product: 'b' });
    s.wb.setCell(a, `B${ROW.avgCheck}`, 10);
    s.wb.setCell(b, `B${ROW.avgCheck}`, 20);
    for (const sheet of [a, b]) {
      for (const c of 'CDEFGH') s.wb.setCell(sheet, `${c}${ROW.customers}`, 100);
      s.wb.setCell(sheet, `B${ROW.purchases}`, 1);
    }
    s.run('showPortfolio');
    expect(s.wb.value(sheet, 'B4')).toBe('B — b');
    return { s, a };
  }

  // what a user keeps beside a map's row: a formula, a number, a date, a checkbox, a text that
  // looks like a formula (typed with an apostrophe), a text with a quote of its own, an empty cell
  const typed = ['=2*21', 42, '2026-11-15', true, "'=not a formula", "''quote", '', 'end'];
  const heldAs = [
    'formula =2*21',
    42,
    'date 2026-11-15',
    true,
    '=not a formula',
    "'quote",
    '',
    'end',
  ];
  const cols = ['Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X'];

  it('each kind of cell, rebuilt in place', () => {
    const { s } = portfolio();
    for (const [i, c] of cols.entries()) s.wb.setCell('Portfolio', `${c}4`, typed[i]);
    s.wb.setCell('Portfolio', 'Q3', 'My columns');
    s.run('showPortfolio');
    expect(cols.map((c) => held(s, 'Portfolio', `${c}4`))).toEqual(heldAs);
    // and the formula still computes
    expect(s.wb.value('Portfolio', 'Q4')).toBe(42);
    expect(held(s, 'Portfolio', 'Q3')).toBe('My columns');
  });

  it('each kind of value, moved with its map when the ranking changes', () => {
    const { s, a } = portfolio();
    for (const [i, c] of cols.entries()) s.wb.setCell('Portfolio', `${c}4`, typed[i]);
    s.wb.setCell(a, `B${ROW.avgCheck}`, 1000);
    s.run('showPortfolio');
    expect(s.wb.value('Portfolio', 'B5')).toBe('B — b');
    expect(cols.map((c) => held(s, 'Portfolio', `${c}5`))).toEqual(heldAs);
    expect(cols.map((c) => held(s, 'Portfolio', `${c}4`))).toEqual(Array(cols.length).fill(''));
    expect(s.wb.ui.toasts).toEqual([]);
  });

  // The user's formulas beside map B (row 4), as typed in each syntax, and as read back after a
  // re-rank moved B to row 5: a same-row reference and a range follow B; an absolute reference and
  // another sheet's cell stay; INDIRECT's text is not a reference it can read, so it stays as typed
  // and the notice names it. Beside A (row 5, moving up to 4), a same-row reference follows A.
  const english = {
    typed: [
      '=IF(B4="","",B4&" checked")',
      '=ROUND(SUM(G4:I4)*1.5,1)',
      '=$B$4',
      '=Notes!A4',
      '=INDIRECT("C4")',
    ],
    moved: [
      '=IF(B5="","",B5&" checked")',
      '=ROUND(SUM(G5:I5)*1.5,1)',
      '=$B$4',
      '=Notes!A4',
      '=INDIRECT("C4")',
    ],
    besideA: ['=C5', '=C4'],
  };
  const decimalComma = {
    typed: [
      '=IF(B4="";"";B4&" checked")',
      '=ROUND(SUM(G4:I4)*1,5;1)',
      '=$B$4',
      '=Notes!A4',
      '=INDIRECT("C4")',
    ],
    moved: [
      '=IF(B5="";"";B5&" checked")',
      '=ROUND(SUM(G5:I5)*1,5;1)',
      '=$B$4',
      '=Notes!A4',
      '=INDIRECT("C4")',
    ],
    besideA: ['=C5', '=C4'],
  };
  const cases: {
    locale: string;
    separators: FormulaSeparators;
    sheet: string;
    typed: string[];
    moved: string[];
    besideA: string[];
    notice: string;
  }[] = [
    {
      locale: 'en_US',
      separators: 'comma',
      sheet: 'Portfolio',
      ...english,
      notice: 'Your formula in U5 moved with its map and was written as you typed it',
    },
    // a user types in the locale's syntax; a script reads back English syntax under one reading
    // of Sheets, the locale's under the other
    ...(['comma', 'locale'] as const).map((separators) => ({
      locale: 'ru_RU',
      separators,
      sheet: 'Портфель',
      typed: decimalComma.typed,
      moved: separators === 'locale' ? decimalComma.moved : english.moved,
      besideA: decimalComma.besideA,
      notice: 'Ваша формула в U5 переместилась вместе с картой и записана так, как вы её ввели',
    })),
  ];

  it.each(cases)(
    "a formula moved with its map keeps referring to that map's row ($locale, $separators)",
    ({ locale, separators, sheet, typed, moved, besideA, notice }) => {
      const session = sessionOn(createWorkbook({ locale, formulaSeparators: separators }));
      const { s, a } = portfolio(session, sheet);
      s.wb.spreadsheet.insertSheet('Notes');
      s.wb.setCell('Notes', 'A4', 'note four');
      const userCols = ['Q', 'R', 'S', 'T', 'U'];
      for (const [i, c] of userCols.entries()) s.wb.setCell(sheet, `${c}4`, typed[i]);
      s.wb.setCell(sheet, 'Q5', besideA[0]);
      s.wb.setCell(a, `B${ROW.avgCheck}`, 1000);
      s.run('showPortfolio');
      expect(s.wb.value(sheet, 'B5')).toBe('B — b');
      expect(userCols.map((c) => s.wb.formula(sheet, `${c}5`))).toEqual(moved);
      // B's name; B's P 20 + Q 1 + revenue 100 × 100 % × 20 × 1, by 1.5; what is in B4 now (A);
      // the other sheet's cell (the formula engine has no INDIRECT: its formula is what counts)
      expect(userCols.slice(0, 4).map((c) => s.wb.value(sheet, `${c}5`))).toEqual([
        'B — b checked',
        3031.5,
        'A — a',
        'note four',
      ]);
      expect(s.wb.formula(sheet, 'Q4')).toBe(besideA[1]);
      expect(s.wb.value(sheet, 'Q4')).toBe('A');
      expect(s.wb.ui.toasts.at(-1)?.message).toContain(notice);
    },
  );
});

describe("a review writes the user's cells of the history back as they were", () => {
  it('in a period pasted with dates and numbers as text, rewritten for what they read as', () => {
    const s = openSpreadsheet('en_US');
    const sheet = s.newMap({ name: 'Coffee' });
    for (const [i, n] of [1000, 400, 100, 60, 30, 20].entries())
      s.wb.setCell(sheet, `${'CDEFGH'[i]}${ROW.customers}`, n);
    s.wb.setCell(sheet, `B${ROW.avgCheck}`, 2000);
    s.wb.setCell(sheet, `B${ROW.purchases}`, 1.5);
    s.select(sheet, 'C10');
    s.wb.ui.answer({ button: 'OK', text: '' });
    s.run('recordReview');
    const history = 'Coffee · history';
    // a new history's first row: its marker, its title over the period columns, then each block's
    // name over its first column, and nothing else
    expect(s.wb.values(history, 'C1:G1')).toEqual([['', '', '', '', '']]);
    expect(s.wb.values(history, 'H1:M1')).toEqual([
      ['Customers who reached the stage', '', '', '', '', ''],
    ]);
    // 7 period columns and 3 × 6 stage columns: A to Y; Z is the user's own ("checked")
    expect(s.wb.value(history, 'Y3')).toMatch(/^score /);
    s.wb.setCell(history, 'Z3', 'checked');
    // October pasted from a CRM: its end date and a count as text, its start a real date, P a
    // number, Q the user's formula, a note that looks like a formula (the note column is plain
    // text: what is typed there stays text, verbatim), and the user's checkbox
    const pasted: [string, unknown][] = [
      ['A5', '2026-10-01'],
      ['B5', "'2026-10-31"],
      ['D5', '=from the CRM'],
      ['E5', 1800],
      ['F5', '=3/2'],
      ['H5', "'1 200"],
      ['Z5', true],
    ];
    for (const [a1, typed] of pasted) s.wb.setCell(history, a1, typed);
    s.select(sheet, 'C10');
    s.wb.ui.answer({ button: 'OK', text: '' }, 'NO');
    s.run('recordReview');
    const cells = ['A5', 'B5', 'C5', 'D5', 'E5', 'F5', 'H5', 'Z5', 'Z3'];
    expect(cells.map((a1) => held(s, history, a1))).toEqual([
      'date 2026-10-01',
      // the end date and the count typed as text are now the date and the number they read as
      'date 2026-10-31',
      '',
      '=from the CRM',
      1800,
      'formula =3/2',
      1200,
      true,
      'checked',
    ]);
  });
});
