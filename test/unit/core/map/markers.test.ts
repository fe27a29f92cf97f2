import { describe, expect, it } from 'vitest';
import {
  blankRecord,
  CARD_KEYS,
  newStage,
  TITLE_KEYS,
  type Journey,
} from '../../../../src/core/map/journey';
import { ROW, ROW_COUNT } from '../../../../src/core/map/layout';
import { missingMarkers } from '../../../../src/core/map/markers';
import type { Lang } from '../../../../src/core/words/i18n';

/** A stage as the reader finds it: marked (its own id) or not yet (an id from its name, "~…"). */
interface Col {
  name: string;
  id: string;
  /** what its footer cell holds */
  footer?: unknown;
}

function journey(cols: readonly Col[], lang: Lang = 'en'): Journey {
  return {
    id: 'TEST42',
    lang,
    title: blankRecord(TITLE_KEYS),
    card: blankRecord(CARD_KEYS),
    stages: cols.map((c) => newStage(c.name, 'L', c.id)),
    avgCheck: '',
    purchases: '',
  };
}

/** A map's values: the stage names in the header row, the markers and notes in the footer row. */
function sheet(cols: readonly Col[], rows = ROW_COUNT): unknown[][] {
  const values: unknown[][] = Array.from({ length: rows }, () => ['', '', ...cols.map(() => '')]);
  values[ROW.header - 1] = ['Stage', '', ...cols.map((c) => c.name)];
  if (rows >= ROW.footer)
    values[ROW.footer - 1] = [
      'CJM map TEST42 · template v2',
      'CJM side',
      ...cols.map((c) => c.footer ?? ''),
    ];
  return values;
}

/** Ids handed out in order, as the server's newStageId would. */
function ids(): () => string {
  let n = 0;
  return () => `new${String(++n).padStart(5, '0')}`;
}

const marker = (col: number, id: string, word = 'CJM stage') => ({
  row: ROW.footer,
  col,
  marker: `${word} ${id}`,
});

describe('the stage markers a write adds', () => {
  it('marks every stage of a map from before markers, columns C on, in its language', () => {
    const cols = [
      { name: 'Visit', id: '~v1' },
      { name: 'Buy', id: '~b1' },
    ];
    expect(missingMarkers(journey(cols), sheet(cols), ids())).toStrictEqual([
      marker(3, 'new00001'),
      marker(4, 'new00002'),
    ]);
    expect(missingMarkers(journey(cols, 'ru'), sheet(cols), ids())).toStrictEqual([
      marker(3, 'new00001', 'CJM этап'),
      marker(4, 'new00002', 'CJM этап'),
    ]);
  });

  it('adds nothing, and draws no id, when every stage carries its marker', () => {
    const cols = [
      { name: 'Visit', id: 'aaaa1111', footer: 'CJM stage aaaa1111' },
      { name: 'Buy', id: 'bbbb2222', footer: 'CJM stage bbbb2222' },
    ];
    let drawn = 0;
    expect(missingMarkers(journey(cols), sheet(cols), () => `new${++drawn}`)).toStrictEqual([]);
    expect(drawn).toBe(0);
  });

  it('marks a column a user inserted after a marked stage', () => {
    const cols = [
      { name: 'Visit', id: 'aaaa1111', footer: 'CJM stage aaaa1111' },
      { name: 'Buy', id: '~b1' },
    ];
    expect(missingMarkers(journey(cols), sheet(cols), ids())).toStrictEqual([
      marker(4, 'new00001'),
    ]);
  });

  it('marks a column a user inserted before a marked stage', () => {
    const cols = [
      { name: 'Visit', id: '~v1' },
      { name: 'Buy', id: 'bbbb2222', footer: 'CJM stage bbbb2222' },
    ];
    expect(missingMarkers(journey(cols), sheet(cols), ids())).toStrictEqual([
      marker(3, 'new00001'),
    ]);
  });

  it('does not re-mark a marked stage whose marker a sort moved out of the footer row', () => {
    const cols = [
      { name: 'Visit', id: 'aaaa1111' },
      { name: 'Buy', id: '~b1' },
    ];
    expect(missingMarkers(journey(cols), sheet(cols), ids())).toStrictEqual([
      marker(4, 'new00001'),
    ]);
  });

  it("keeps a user's text in a footer cell, and still marks a later stage", () => {
    const cols = [
      { name: 'Visit', id: '~v1', footer: 'see notes' },
      { name: 'Buy', id: '~b1' },
    ];
    expect(missingMarkers(journey(cols), sheet(cols), ids())).toStrictEqual([
      marker(4, 'new00001'),
    ]);
  });

  it("marks nothing when a user's text holds the last stage's footer cell (that stage would fall off the map)", () => {
    const cols = [
      { name: 'Visit', id: '~v1' },
      { name: 'Buy', id: '~b1', footer: 'see notes' },
    ];
    expect(missingMarkers(journey(cols), sheet(cols), ids())).toStrictEqual([]);
  });

  it('marks nothing when a column among the stages holds no stage (the stages cannot be told)', () => {
    const cols = [
      { name: 'Visit', id: '~v1' },
      { name: '', id: '~e1', footer: 'note' },
      { name: 'Buy', id: '~b1' },
    ];
    expect(missingMarkers(journey(cols), sheet(cols), ids())).toStrictEqual([]);
  });

  it('marks the stages of values that stop before the footer row', () => {
    const cols = [
      { name: 'Visit', id: '~v1' },
      { name: 'Buy', id: '~b1' },
    ];
    expect(missingMarkers(journey(cols), sheet(cols, ROW.header), ids())).toStrictEqual([
      marker(3, 'new00001'),
      marker(4, 'new00002'),
    ]);
  });
});
