/**
 * Figures in the sidebar, in the map's language: the core's one formatter (the same the
 * server, the poster and the mind map use), in the argument order the sidebar's views call it.
 */
import type { CellData, Lang } from '../../src/contract';
import {
  formatCount as count,
  formatFactor as factor,
  formatMoney as money,
  formatNumber as number,
  formatShare as share,
} from '../../src/core/funnel/numbers';
import { formatDate } from '../../src/core/map/dates';
import { currencyOf } from '../../src/core/map/formats';
import type { Kind } from './values';

export const formatNumber = (lang: Lang, n: number): string => number(n, lang);
/** A count as the map's "#,##0" cells show it (leads, customers). */
export const formatCount = (lang: Lang, n: number): string => count(n, lang);
/** A factor as the map's "0.0#" cells show it (purchases per customer, Q): "3,0", "1,25". */
export const formatFactor = (lang: Lang, n: number): string => factor(n, lang);
/** A share as the map's "0.0%" cells show it: "6,0%", "12,5%". */
export const formatShare = (lang: Lang, n: number): string => share(n, lang);
/**
 * Money as the map's money cells show it: whole units, grouped, in the spreadsheet locale's
 * currency.
 */
export const formatMoney = (lang: Lang, n: number, locale = ''): string =>
  money(n, lang, currencyOf(locale));

/**
 * A cell value for reading (summary, conflict panel): numbers and dates formatted by the field's
 * kind, text as is.
 */
export function formatCell(value: CellData, kind: Kind, lang: Lang, locale = ''): string {
  if (typeof value !== 'number') return kind === 'date' ? formatDate(value, lang) : value;
  return kind === 'share'
    ? formatShare(lang, value)
    : kind === 'money'
      ? formatMoney(lang, value, locale)
      : formatNumber(lang, value);
}
