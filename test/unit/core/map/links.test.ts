/**
 * Formula pieces built from text a user wrote (a map's name as a sheet name, a catalogue's words
 * as a formula string): evaluated, they give back that text, whatever quotes it holds.
 */
import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { formulaText, quoteSheet, sheetLink } from '../../../../src/core/map/links';

/** What the formulas compute, one per row, on a sheet named "Data" with 42 in A1. */
function evaluate(...formulas: string[]): unknown[] {
  const hf = HyperFormula.buildFromSheets(
    { Data: [[42]], "Bob's map": [[7]], Out: formulas.map((f) => [f]) },
    { licenseKey: 'gpl-v3' },
  );
  const out = hf.getSheetId('Out') ?? -1;
  return formulas.map((_, row) => hf.getCellValue({ sheet: out, row, col: 0 }));
}

describe('a text as a formula string', () => {
  // Sheets reads "" inside a string as one quote; HyperFormula has no such escape, so the text
  // itself is the check here
  it('is in double quotes, its own double quotes doubled', () => {
    expect(formulaText('say "hi"')).toBe('"say ""hi"""');
    expect(formulaText('')).toBe('""');
    expect(evaluate(`=${formulaText('plain words')}`)).toEqual(['plain words']);
  });
});

describe('a sheet name in a reference', () => {
  it('is quoted, its own apostrophes doubled', () => {
    expect(quoteSheet("Bob's map")).toBe("'Bob''s map'");
    expect(evaluate(`=${quoteSheet("Bob's map")}!A1`, `=${quoteSheet('Data')}!A1*2`)).toEqual([
      7, 84,
    ]);
  });
});

describe('a link to another sheet', () => {
  it('opens "#gid=<id>" in the same tab, a whole id, with the label as given', () => {
    expect(sheetLink(123456789, formulaText('Open the map'))).toBe(
      'HYPERLINK("#gid=123456789","Open the map")',
    );
    expect(sheetLink(12.7, 'A1')).toBe('HYPERLINK("#gid=12",A1)');
  });
});
