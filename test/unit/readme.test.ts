import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { withFormulaTable } from '../../scripts/docs';

it('the README formula reference matches the registry (run npm run docs after changing a formula)', () => {
  const readme = readFileSync('README.md', 'utf8');
  expect(withFormulaTable(readme)).toBe(readme);
});
