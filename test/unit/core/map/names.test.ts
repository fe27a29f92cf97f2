import { describe, expect, it } from 'vitest';
import { NAME_MAX, nameProblem, SHEET_NAME_MAX } from '../../../../src/core/map/names';
import { LANGS, t } from '../../../../src/core/words/i18n';

describe('the limits of names', () => {
  it("a map's longest name, taken twice, names a plan sheet (taken twice too) within Sheets' 100 characters", () => {
    for (const lang of LANGS) {
      const sheet = `${'ж'.repeat(NAME_MAX.map)} (99)`;
      const plan = `${t(lang, 'plan.sheet', { name: sheet })} (99)`;
      expect(plan.length).toBeLessThanOrEqual(SHEET_NAME_MAX);
    }
  });

  it('a stage name of 60 characters is taken, 61 is refused with its length', () => {
    expect(nameProblem('stage', 'a'.repeat(60))).toBeNull();
    expect(nameProblem('stage', 'a'.repeat(61))).toEqual({
      key: 'name.stageTooLong',
      vars: { n: 60, length: 61 },
    });
  });
});
