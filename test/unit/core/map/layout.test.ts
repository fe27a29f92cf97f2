import { describe, expect, it } from 'vitest';
import {
  isSideMarker,
  parseFooter,
  parseStageMarker,
  sideMarker,
  stageHeaders,
  stageMarker,
} from '../../../../src/core/map/layout';

describe("a map's stage headers as the wizard compares them", () => {
  it('reads empty cells as empty text and drops the empty tail', () => {
    expect(stageHeaders(['Visit', null, 'Buy', '', undefined, null])).toStrictEqual([
      'Visit',
      '',
      'Buy',
    ]);
  });

  it('keeps an empty header between stages, and reads a number as its text', () => {
    expect(stageHeaders([undefined, 2024, ''])).toStrictEqual(['', '2024']);
  });

  it('reads a row with no headers, or only empty ones, as no stages', () => {
    expect(stageHeaders([])).toStrictEqual([]);
    expect(stageHeaders(['', null, undefined])).toStrictEqual([]);
  });
});

describe('the footer markers of columns B and the stages', () => {
  it('writes the English markers when no language is given', () => {
    expect(sideMarker()).toBe('CJM side');
    expect(stageMarker('abcd1234')).toBe('CJM stage abcd1234');
  });

  it('recognises the side marker in either language, with spaces around it', () => {
    expect(isSideMarker('CJM side')).toBe(true);
    expect(isSideMarker(sideMarker('ru'))).toBe(true);
    expect(isSideMarker('CJM сводка')).toBe(true);
    expect(isSideMarker('  CJM side ')).toBe(true);
  });

  it('does not take an empty or other cell for the side marker', () => {
    expect(isSideMarker('')).toBe(false);
    expect(isSideMarker(null)).toBe(false);
    expect(isSideMarker('CJM stage abcd1234')).toBe(false);
  });

  it('reads the stage id of a marker with spaces around it', () => {
    expect(parseStageMarker('  CJM stage abcd1234 ')).toBe('abcd1234');
    expect(parseStageMarker('CJM этап k7p2qx')).toBe('k7p2qx');
  });

  it('does not read a stage id from a marker inside other text', () => {
    expect(parseStageMarker('CJM stage abcd1234 (moved)')).toBeNull();
    expect(parseStageMarker('see CJM stage abcd1234')).toBeNull();
  });

  it('reads the map marker with spaces around it', () => {
    expect(parseFooter(' CJM map K7P2QX · template v2  ')).toStrictEqual({
      id: 'K7P2QX',
      version: 2,
    });
  });
});
