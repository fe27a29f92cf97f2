/**
 * How a formula's parameters and their kinds are declared, as the generated Apps Script stub
 * shows them: the JSDoc type Sheets' autocomplete and the editor read for each argument.
 */
import { describe, expect, it } from 'vitest';
import { entryDoc } from '../../../src/server/entry-docs';
import { paramType } from '../../../src/formulas/spec';

const typesOf = (name: string) =>
  Object.fromEntries(entryDoc({ name, kind: 'formula' }).params.map((p) => [p.name, p.type]));

describe("the stub declares each argument's type from its kind and shape", () => {
  it('every numeric kind is a number, a cell or a range of them', () => {
    for (const kind of ['count', 'share', 'money', 'factor'] as const)
      expect(paramType({ kind, shape: 'each' })).toBe('number|Array<Array<number>>');
  });

  it('CJM_REVENUE takes a number or a range for each of L, C, P and Q', () => {
    expect(typesOf('CJM_REVENUE')).toEqual({
      leads: 'number|Array<Array<number>>',
      conversion: 'number|Array<Array<number>>',
      avg_check: 'number|Array<Array<number>>',
      purchases: 'number|Array<Array<number>>',
    });
  });

  it('a lever is text, a cell or a range of them', () => {
    expect(typesOf('CJM_REQUIRED').solve_for).toBe('string|Array<Array<string>>');
  });

  it('a row read whole is a range only; a single cell is its one value', () => {
    expect(typesOf('CJM_FUNNEL')).toEqual({
      counts: 'Array<Array<number>>',
      labels: 'Array<Array<string>>',
      language: 'string',
    });
  });

  it('a flag is a boolean', () => {
    expect(typesOf('CJM_IMPACT').together).toBe('boolean');
    expect(paramType({ kind: 'flag', shape: 'each' })).toBe('boolean|Array<Array<boolean>>');
  });

  it('a numeric single cell is a number', () => {
    expect(paramType({ kind: 'share', shape: 'cell' })).toBe('number');
  });
});
