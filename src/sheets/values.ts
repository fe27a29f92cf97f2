/**
 * What a cell's content becomes when written with setValues. User text always stays
 * text: in a plain-text ("@") cell Sheets stores whatever is written as text; anywhere
 * else a leading apostrophe tells Sheets not to read "=IMPORTXML(…)", "+1", "-x", "@a",
 * "5%" or "2026-01-01" as a formula, a number or a date. (In a plain-text cell the
 * apostrophe would be kept as a character, so it is not added there.)
 */
import { parseNumber } from '../core/funnel/numbers';
import type { PlanCell, WriteCell } from '../core/map/plan';

const WOULD_BE_PARSED = /^[=+\-@']|^(true|false|истина|ложь)$|^\d{1,4}[./-]\d{1,2}([./-]\d{1,4})?$/i;

export const PLAIN_TEXT = '@';

export function asText(text: string, numberFormat = ''): string {
  if (numberFormat === PLAIN_TEXT || text === '') return text;
  return WOULD_BE_PARSED.test(text.trim()) || parseNumber(text) !== null ? `'${text}` : text;
}

export type SheetValue = string | number | boolean | Date;

/** A planned cell as setValues takes it. */
export function planValue(cell: PlanCell): SheetValue {
  if (cell.formula) return cell.formula;
  return typeof cell.value === 'string' ? asText(cell.value, cell.numberFormat) : cell.value;
}

/** A cell read back from the sheet, to be written again unchanged (formula, number, date or text). */
export function keptValue(value: unknown, formula: string, numberFormat = ''): SheetValue {
  if (formula) return formula;
  if (typeof value === 'string') return asText(value, numberFormat);
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  return '';
}

export function writeValue(c: WriteCell, numberFormat = ''): SheetValue {
  if ('kept' in c) return keptValue(c.kept, c.formula ?? '', numberFormat);
  if ('formula' in c) return c.formula;
  return 'number' in c ? c.number : asText(c.text, numberFormat);
}
