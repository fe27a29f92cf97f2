/**
 * The spreadsheet's formula syntax, once found (sheets/formula-dialect), kept in the document's
 * properties with the locale it was found for, so later writes need no second try.
 */
import type { FormulaDialect } from '../core/map/formula-syntax';
import { decimalComma } from '../core/map/sheets-locales';

const KEY = 'cjm.formulaDialect';

/** The syntax to write formulas in, or null while a decimal-comma spreadsheet's is unknown. */
export function knownDialect(locale: string): FormulaDialect | null {
  if (!decimalComma(locale)) return 'comma';
  const [forLocale, dialect] = (
    PropertiesService.getDocumentProperties().getProperty(KEY) ?? ''
  ).split(':');
  return forLocale === locale && (dialect === 'comma' || dialect === 'locale') ? dialect : null;
}

export function rememberDialect(
  locale: string,
  dialect: FormulaDialect,
  known: FormulaDialect | null,
): void {
  if (known !== dialect && decimalComma(locale))
    PropertiesService.getDocumentProperties().setProperty(KEY, `${locale}:${dialect}`);
}
