/** Number formats and colours of a map, in the spreadsheet's locale. */
import type { Currency } from '../funnel/numbers';
import type { CellStyle, StyleKey } from './plan';

export const FORMAT = {
  text: '@',
  count: '#,##0',
  share: '0.0%',
  factor: '0.0#',
  score: '0',
} as const;

/** Currency format for a spreadsheet locale ("ru_RU" → rubles); unknown locales get plain money. */
export function moneyFormat(locale: string): string {
  const country = locale.split(/[_-]/)[1]?.toUpperCase() ?? '';
  const lang = locale.split(/[_-]/)[0]?.toLowerCase() ?? '';
  if (lang === 'ru' || country === 'RU') return '#,##0 [$₽-419]';
  if (country === 'US') return '[$$]#,##0';
  if (country === 'GB') return '[$£]#,##0';
  if (['DE', 'FR', 'IT', 'ES', 'NL', 'AT', 'FI', 'IE', 'PT', 'BE'].includes(country))
    return '#,##0 [$€]';
  if (country === 'KZ') return '#,##0 [$₸]';
  return '#,##0.00';
}

/** The currency of a locale's money format, or null for plain money. */
export function currencyOf(locale: string): Currency | null {
  const format = moneyFormat(locale);
  const symbol = /\[\$([^\]-]+)/.exec(format)?.[1];
  return symbol ? { symbol, before: format.startsWith('[') } : null;
}

const base: CellStyle = {
  background: null,
  color: '#202124',
  bold: false,
  italic: false,
  size: 10,
  wrap: true,
};

export const STYLES: Record<StyleKey, CellStyle> = {
  // A1 and the section labels wrap in column A: a label is never cut by the cell beside it.
  title: { ...base, background: '#1a73e8', color: '#ffffff', bold: true, size: 12 },
  titleValue: { ...base, bold: true, size: 12, wrap: false },
  label: { ...base, background: '#f1f3f4', bold: true },
  section: { ...base, background: '#1a73e8', color: '#ffffff', bold: true, size: 11, wrap: false },
  sectionLabel: { ...base, background: '#1a73e8', color: '#ffffff', bold: true, size: 11 },
  header: { ...base, bold: true, size: 11 },
  hint: { ...base, color: '#5f6368', italic: true, size: 9 },
  text: base,
  input: { ...base, background: '#fff8e1', wrap: false },
  formula: { ...base, background: '#eceff1', wrap: false },
  /** a computed KPI cell that may hold a brief ⚠ note: wraps, so the note is never cut */
  computed: { ...base, background: '#eceff1' },
  result: { ...base, background: '#e6f4ea', bold: true, size: 12, wrap: false },
  /**
   * the markers row: for the add-on, not for readers. White on the cells' white at Sheets' smallest
   * size, so it neither catches the eye nor prints (a printed page of markers alone shows nothing)
   */
  footer: { ...base, color: '#ffffff', size: 6, wrap: false },
  plain: { ...base, wrap: false },
};

/** Stage tints, cycling: each stage column gets its own soft colour. */
export const STAGE_TINTS = [
  '#e8f0fe',
  '#e6f4ea',
  '#fef7e0',
  '#fce8e6',
  '#f3e8fd',
  '#e4f7fb',
] as const;

export const ALERT = { background: '#f4c7c3', color: '#a50e0e' } as const;
export const GOOD = { background: '#ceead6', color: '#0d652d' } as const;
