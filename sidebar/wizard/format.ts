/** Figures as the map's language writes them: ru groups thousands with spaces and uses comma decimals. */
import type { CellData, Lang } from '../../src/contract';
import type { Kind } from './values';

const cache = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, style: 'decimal' | 'percent', digits: number): Intl.NumberFormat {
  const key = `${lang}|${style}|${digits}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-US', { style, maximumFractionDigits: digits });
    cache.set(key, f);
  }
  return f;
}

export const formatNumber = (lang: Lang, n: number): string => formatter(lang, 'decimal', 2).format(n);
export const formatShare = (lang: Lang, n: number): string => formatter(lang, 'percent', 1).format(n);

/** A cell value for reading (summary, conflict panel): numbers formatted by the field's kind, text as is. */
export function formatCell(value: CellData, kind: Kind, lang: Lang): string {
  if (typeof value !== 'number') return value;
  return kind === 'share' ? formatShare(lang, value) : formatNumber(lang, value);
}
