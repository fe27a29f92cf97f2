/**
 * What a cell's content becomes when written with setValue(s). Google's Range reference says
 * only that a value starting with "=" is a formula; strings are otherwise parsed as if typed
 * ("+1" is a number, "2026-01-01" a date, "TRUE" a boolean), and whether a plain-text ("@")
 * format stops that is not documented. A leading apostrophe is the form Sheets reads as
 * literal text: the cell holds the text and getValue returns it without the apostrophe. So
 * every string that came from a user is written with one, whatever the cell's format is now
 * (a user may have cleared it, or pasted another over it).
 */
import { inDialect, type FormulaDialect } from '../core/map/formula-syntax';
import type { PlanCell, WriteCell } from '../core/map/plan';

export function asText(text: string): string {
  return text === '' ? '' : `'${text}`;
}

export type SheetValue = string | number | boolean | Date;

/** A planned cell as setValues takes it; formulas in the spreadsheet's syntax. */
export function planValue(cell: PlanCell, dialect: FormulaDialect = 'comma'): SheetValue {
  if (cell.formula) return inDialect(cell.formula, dialect);
  return typeof cell.value === 'string' ? asText(cell.value) : cell.value;
}

/**
 * A cell read back from the sheet, to be written again unchanged (formula, number, date or text).
 */
export function keptValue(value: unknown, formula: string): SheetValue {
  if (formula) return formula;
  if (typeof value === 'string') return asText(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)
    return value;
  return '';
}

export function writeValue(c: WriteCell, dialect: FormulaDialect = 'comma'): SheetValue {
  if ('kept' in c) return keptValue(c.kept, c.formula ?? '');
  if ('formula' in c) return inDialect(c.formula, dialect);
  return 'number' in c ? c.number : asText(c.text);
}
