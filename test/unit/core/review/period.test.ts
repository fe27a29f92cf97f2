import { describe, expect, it } from 'vitest';
import type { Period } from '../../../../src/core/review/history';
import { inputsOfMap, journeyOfPeriod, periodFigures } from '../../../../src/core/review/period';
import { presetJourney } from '../../../support/journeys';

const map = presetJourney('en');
const ids = map.stages.map((s) => s.id);
/** A period with counts for the first three stages, a target on the second and a score on the first. */
const period: Period = {
  row: 4,
  from: '2026-11-01',
  to: '2026-11-30',
  recorded: '2026-12-06',
  note: '',
  status: '',
  avgCheck: 2000,
  purchases: null,
  customers: { [ids[0]!]: 1000, [ids[1]!]: 400, [ids[2]!]: 100 },
  target: { [ids[1]!]: 0.5 },
  score: { [ids[0]!]: 4 },
};

describe('a period read as the map would be with its inputs', () => {
  it('puts its inputs under today’s stages, blank where it has none', () => {
    const j = journeyOfPeriod(map, period);
    expect(j.stages.map((s) => s.customers)).toEqual([1000, 400, 100, '', '', '']);
    expect(j.stages.map((s) => s.target)).toEqual(['', 0.5, '', '', '', '']);
    expect(j.stages.map((s) => s.content.score)).toEqual([4, '', '', '', '', '']);
    expect(j.stages[0]!.content.actions).toBe('');
    expect([j.avgCheck, j.purchases]).toEqual([2000, '']);
  });

  it('gives each stage’s step from the one before (none into the first) and the targets it has', () => {
    const f = periodFigures(map, period);
    expect(f.step.slice(0, 3)).toEqual([null, 0.4, 0.25]);
    expect(f.target.slice(0, 3)).toEqual([null, 0.5, null]);
  });

  it('records the map’s inputs as its cells hold them, by stage id', () => {
    const back = inputsOfMap(journeyOfPeriod(map, period));
    expect(back.customers[ids[1]!]).toBe(400);
    expect(back.target[ids[1]!]).toBe(0.5);
    expect(back.score[ids[0]!]).toBe(4);
    expect(back.avgCheck).toBe(2000);
  });
});
