import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { FORMULAS_DOC, withFormulaTable } from '../../scripts/docs';

it('the formula reference in docs/formulas.md matches the registry (run npm run docs after changing a formula)', () => {
  const page = readFileSync(FORMULAS_DOC, 'utf8');
  expect(withFormulaTable(page)).toBe(page);
});
