/**
 * Numbers as marketers type them and as the map's cells show them: the one parser and the one
 * formatter, shared by the server and the sidebar.
 */
import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatFactor,
  formatMoney,
  formatNumber,
  formatShare,
  parseNumber,
} from '../../../../src/core/funnel/numbers';
import {
  formatCell,
  formatCount as sidebarCount,
  formatFactor as sidebarFactor,
  formatMoney as sidebarMoney,
  formatNumber as sidebarNumber,
  formatShare as sidebarShare,
} from '../../../../sidebar/wizard/format';
import { fromInput, parseNumber as sidebarParse } from '../../../../sidebar/wizard/values';

const NBSP = '\u00a0';

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
    ['100 руб', 100],
    ['-1,500', -1500],
    ['+1,500', 1500],
    ['1,234,567', 1234567],
    ['-1,234,567', -1234567],
    ['1.234.567', 1234567],
    ['-1.234.567', -1234567],
    ['.5', 0.5],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text)).toBeCloseTo(value, 10);
  });

  it.each([
    ...['', 'abc', '1,2,3', '12a', '1.2.3,4,5', '%', '--1', 'NaN', 'Infinity'],
    // groups of three digits after the first group, or not a grouped number
    ...['12,34,567', '1234,567,890', '1.2.3', '1234.567.890', '1.23.456', '+-1.234.567'],
  ])('rejects %j', (text) => {
    expect(parseNumber(text)).toBeNull();
  });
});

describe('one number parser and formatter for the server and the sidebar', () => {
  it('reads "1,500" as the sheet of the language does: 1.5 in Russian, 1500 in English', () => {
    expect(parseNumber('1,500', 'ru')).toBe(1.5);
    expect(parseNumber('1,500', 'en')).toBe(1500);
    expect(parseNumber('1,500')).toBe(1500); // without a language: a thousands group
    expect(sidebarParse('1,500', 'ru')).toBe(1.5);
    expect(sidebarParse('1,500', 'en')).toBe(1500);
    expect(fromInput('1,500', 'number', 'ru')).toBe(1.5);
  });

  // Each text worked out by hand from the reading rules: spaces, no-break spaces and a currency
  // are dropped; with both separators the last one is the decimal; a lone comma is a decimal in
  // Russian, and in English a thousands group when three digits follow it ("1,200"), else a
  // decimal ("1,5").
  it.each([
    ['1 200,50', 1200.5, 1200.5],
    ['1,200.50', 1200.5, 1200.5],
    ['1.200,50', 1200.5, 1200.5],
    ['1200', 1200, 1200],
    ['1,5', 1.5, 1.5],
    ['1,200', 1.2, 1200],
    ['12,5', 12.5, 12.5],
    ['₽ 2 000', 2000, 2000],
    ['2 000 руб.', 2000, 2000],
    ['$1,999.99', 1999.99, 1999.99],
    ['-3', -3, -3],
    ['1e3', 1000, 1000],
    ['abc', null, null],
    ['1,2,3', null, null],
    ['', null, null],
    ['1\u00a0000,5', 1000.5, 1000.5],
  ])(
    'reads %j as %s in Russian and %s in English, in the sidebar as on the server',
    (text, ru, en) => {
      expect(parseNumber(text, 'ru')).toBe(ru);
      expect(sidebarParse(text, 'ru')).toBe(ru);
      expect(parseNumber(text, 'en')).toBe(en);
      expect(sidebarParse(text, 'en')).toBe(en);
    },
  );

  it('shows figures as the map cells do: grouped with no-break spaces, percent without a space', () => {
    expect(formatNumber(1500, 'ru')).toBe('1\u00a0500');
    expect(formatNumber(4680000.5, 'ru')).toBe('4\u00a0680\u00a0000,5');
    expect(formatNumber(4680000.5, 'en')).toBe('4,680,000.5');
    expect(formatNumber(100, 'en', 0)).toBe('100');
    expect(formatNumber(-0.001, 'en')).toBe('0');
    expect(formatShare(0.125, 'ru')).toBe('12,5%');
    // "0.0%" keeps its one decimal: 6,0% as the sheet shows it, not 6%
    expect(formatShare(0.06, 'ru')).toBe('6,0%');
    expect(formatShare(0.06, 'en')).toBe('6.0%');
    expect(formatShare(0.2417, 'ru')).toBe('24,2%');
    expect(formatShare(1, 'en')).toBe('100.0%');
    // "0.0#": one decimal at least, two at most
    expect(formatFactor(3, 'ru')).toBe('3,0');
    expect(formatFactor(2.5, 'ru')).toBe('2,5');
    expect(formatFactor(1.25, 'en')).toBe('1.25');
    expect(formatFactor(1.256, 'en')).toBe('1.26');
    expect(formatFactor(1234, 'en')).toBe('1,234.0');
    // "#,##0": whole and grouped
    expect(formatCount(1200, 'ru')).toBe('1\u00a0200');
    expect(formatCount(1199.6, 'en')).toBe('1,200');
    expect(formatMoney(4680000.4, 'ru', { symbol: '₽', before: false })).toBe(
      '4\u00a0680\u00a0000\u00a0₽',
    );
    expect(formatMoney(300000, 'en', { symbol: '$', before: true })).toBe('$300,000');
    expect(formatMoney(-5, 'en', { symbol: '$', before: true })).toBe('-$5');
  });

  // The sidebar shows the figures the cells show. By hand from the formats: "#,##0" rounds half up
  // to whole units (1 234,5 → 1 235); "0.0#" keeps one or two decimals; "0.0%" one decimal of the
  // share × 100 (0.46800005 × 100 = 46.800005 → 46,8); money without a currency "#,##0.00" two.
  it.each<[number, ...string[]]>([
    // n, number (ru, en), count (ru, en), factor (ru, en), money (ru, en)
    [0, '0', '0', '0', '0', '0,0', '0.0', '0,00', '0.00'],
    [1500, '1 500', '1,500', '1 500', '1,500', '1 500,0', '1,500.0', '1 500,00', '1,500.00'],
    [1234.5, '1 234,5', '1,234.5', '1 235', '1,235', '1 234,5', '1,234.5', '1 234,50', '1,234.50'],
    [-12.25, '-12,25', '-12.25', '-12', '-12', '-12,25', '-12.25', '-12,25', '-12.25'],
    [
      4680000.5,
      '4 680 000,5',
      '4,680,000.5',
      '4 680 001',
      '4,680,001',
      '4 680 000,5',
      '4,680,000.5',
      '4 680 000,50',
      '4,680,000.50',
    ],
  ])('the sidebar shows %d as the cells do', (n, ...shown) => {
    const [numRu, numEn, countRu, countEn, factorRu, factorEn, moneyRu, moneyEn] = shown.map((s) =>
      s.replace(/ /g, NBSP),
    );
    expect([sidebarNumber('ru', n), sidebarNumber('en', n)]).toEqual([numRu, numEn]);
    expect([sidebarCount('ru', n), sidebarCount('en', n)]).toEqual([countRu, countEn]);
    expect([sidebarFactor('ru', n), sidebarFactor('en', n)]).toEqual([factorRu, factorEn]);
    expect([sidebarMoney('ru', n), sidebarMoney('en', n)]).toEqual([moneyRu, moneyEn]);
  });

  it.each([
    [0, '0,0%', '0.0%'],
    [0.06, '6,0%', '6.0%'],
    [0.125, '12,5%', '12.5%'],
    [0.46800005, '46,8%', '46.8%'],
  ])('the sidebar shows the share %d as the cells do', (share, ru, en) => {
    expect([sidebarShare('ru', share), sidebarShare('en', share)]).toEqual([ru, en]);
  });

  it('shows a cell by its field kind: a number grouped, a date as the language writes it', () => {
    expect(formatCell(1500, 'number', 'ru')).toBe(`1${NBSP}500`);
    expect(formatCell('2026-05-15', 'date', 'ru')).toBe('15.05.2026');
    expect(formatCell('2026-05-15', 'date', 'en')).toBe('2026-05-15');
  });
});
