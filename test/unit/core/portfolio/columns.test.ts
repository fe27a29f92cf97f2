import { describe, expect, it } from 'vitest';
import { isLegacyPortfolio, ourColumns } from '../../../../src/core/portfolio/columns';

const FIRST = [
  'Rank',
  'Map',
  'Segment',
  'Product',
  'L — leads',
  'C — conversion into the deal',
  'P — average check',
  'Q — purchases per customer',
  'Revenue',
];
const SECOND = [...FIRST, 'Revenue after the plan'];
const TODAY = [
  ...SECOND,
  'Revenue change since the last review',
  'Progress to the revenue goal',
  'Last reviewed',
  'Next review',
  'Review due',
];

describe("the portfolio's layouts", () => {
  it.each([
    ['first', [...FIRST, 'Map id'], 10],
    ['second', [...SECOND, 'Map id'], 11],
    ["today's", [...TODAY, 'Map id'], 16],
  ])('tells the %s layout by where its map id stands, user columns after it', (_, header, ours) => {
    expect(ourColumns([...header, 'Priority', 'Owner'])).toBe(ours);
    expect(isLegacyPortfolio(header)).toBe(true);
  });

  it('finds the map id wherever columns inserted or deleted before it moved it', () => {
    const today = [...TODAY, 'Map id'];
    expect(ourColumns(['', '', ...today, 'Priority'])).toBe(18);
    expect(ourColumns([...today.slice(1), 'Priority'])).toBe(15);
    expect(ourColumns(['Место', 'Код карты', 'Map id'])).toBe(2);
    // no map id header at all (a portfolio whose header row was cleared): today's width
    expect(ourColumns(['Priority', 'Owner'])).toBe(16);
    expect(ourColumns([])).toBe(16);
  });

  it('takes a header row that differs in one cell for a user sheet, and a Russian one for ours', () => {
    expect(isLegacyPortfolio([...SECOND.slice(0, 9), 'Ticker', 'Map id'])).toBe(false);
    expect(
      isLegacyPortfolio([
        'Место',
        'Карта',
        'Сегмент',
        'Продукт',
        'L — лиды',
        'C — конверсия в сделку',
        'P — средний чек',
        'Q — покупок на клиента',
        'Выручка',
        'Выручка после плана',
        'Код карты',
      ]),
    ).toBe(true);
  });
});
