/**
 * The maintainers' self-check must tell the readings apart: run against the emulator set to
 * each reading it switches between, its report names that reading, and it leaves no scratch behind.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorkbook, loadAddon, type Workbook } from '../../emulator/index';

function run(opts: Parameters<typeof createWorkbook>[0]) {
  const wb = createWorkbook(opts);
  const addon = loadAddon(wb, readFileSync('dist/Code.js', 'utf8'));
  const sheets = wb.sheetNames();
  const report = addon.run('cjmSelfCheck') as string;
  const answers = (wb: Workbook) =>
    Object.fromEntries(
      wb.values(report, 'A2:B7').map(([q, a]) => [String(q).slice(0, 40), String(a)]),
    );
  return { wb, addon, report, sheets, answers: answers(wb) };
}

const find = (answers: Record<string, string>, start: string) =>
  Object.entries(answers).find(([q]) => q.startsWith(start))?.[1];

describe("the maintainers' self-check", () => {
  it('reports the plain-text reading the spreadsheet has, either way', () => {
    expect(find(run({ plainTextProtects: false }).answers, 'A script writes "=1+1"')).toBe(
      'no, a formula',
    );
    expect(find(run({ plainTextProtects: true }).answers, 'A script writes "=1+1"')).toBe(
      'yes, text',
    );
  });

  it('reports the apostrophe, "+1" and named ranges as the emulator models them', () => {
    const { answers } = run({});
    expect(find(answers, `A script writes "'abc"`)).toBe('abc (the apostrophe is hidden)');
    expect(find(answers, `A script writes "'=1+1"`)).toBe('yes');
    expect(find(answers, 'A script writes "+1"')).toBe('yes, the number 1');
    expect(find(answers, 'A named range whose sheet')).toBe('not listed; getRangeByName → null');
  });

  it('removes its scratch sheets and probe name, and is not on the menu', () => {
    const { wb, addon, report, sheets } = run({ locale: 'ru_RU' });
    expect(wb.sheetNames()).toEqual([...sheets, report]);
    expect(wb.spreadsheet.getNamedRanges()).toEqual([]);
    addon.runOnOpen('FULL');
    expect(JSON.stringify(wb.ui.menus)).not.toContain('cjmSelfCheck');
  });
});
