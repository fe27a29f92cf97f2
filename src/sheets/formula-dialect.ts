/**
 * Writing formulas when the spreadsheet's syntax is not known yet. In a decimal-comma locale a
 * script may have to write "=IF(A1;1;0)" or "=IF(A1,1,0)"; Google does not say which, and
 * reports differ. So the locale's syntax is tried first, one cell that cannot fail otherwise is
 * read back, and on a parse error the formulas are written again in English syntax.
 */
import type { FormulaDialect } from '../core/map/formula-syntax';

/** What getValue gives for a formula Sheets could not parse. */
export const PARSE_ERROR = '#ERROR!';

/**
 * `probe` reads one formula cell back; null when the write holds no formula to judge by (nothing is
 * learnt).
 */
export function writeInDialect<D extends FormulaDialect | null>(
  known: D,
  write: (dialect: FormulaDialect) => void,
  probe: (() => unknown) | null,
): FormulaDialect | D {
  if (known) {
    write(known);
    return known;
  }
  if (!probe) {
    write('comma');
    return known;
  }
  write('locale');
  if (probe() !== PARSE_ERROR) return 'locale';
  write('comma');
  return 'comma';
}
