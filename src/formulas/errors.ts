import { describeValue } from '../core/funnel/numbers';

/** Where in a range argument a bad value sits, for messages: "row 3", "column 2", "row 3, column 2". */
export interface Position {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function describePosition(p: Position | undefined): string {
  if (!p || (p.rows === 1 && p.cols === 1)) return '';
  if (p.cols === 1) return ` in row ${p.row + 1}`;
  if (p.rows === 1) return ` in column ${p.col + 1}`;
  return ` in row ${p.row + 1}, column ${p.col + 1}`;
}

/**
 * The one error a CJM formula throws. Sheets shows the message in the #ERROR! tooltip,
 * so it names the function, the argument, the value and its place, and how to fix it.
 */
export class FormulaError extends Error {
  constructor(fn: string, message: string) {
    super(`${fn}: ${message}`);
    this.name = 'FormulaError';
  }
}

export function badArgument(fn: string, arg: string, rule: string, value: unknown, at?: Position): FormulaError {
  return new FormulaError(fn, `${arg} ${rule}; got ${describeValue(value)}${describePosition(at)}`);
}
