import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../../src/core/funnel/numbers';

describe('numbers typed the way marketers type them', () => {
  it.each([
    ['1 200,50', 1200.5],
    ['1,200.50', 1200.5],
    ['1.200,50', 1200.5],
    ['1200', 1200],
    ['1,5', 1.5],
    ['1,200', 1200],
    ['5%', 0.05],
    ['12,5%', 0.125],
    ['₽ 2 000', 2000],
    ['2 000 руб.', 2000],
    ['$1,999.99', 1999.99],
    ['\u00a01\u00a0000\u00a0', 1000],
    ['-3', -3],
    ['1e3', 1000],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text)).toBeCloseTo(value, 10);
  });

  it.each(['', 'abc', '1,2,3', '12a', '1.2.3,4,5', '%', '--1', 'NaN', 'Infinity'])(
    'rejects %j',
    (text) => {
      expect(parseNumber(text)).toBeNull();
    },
  );
});
