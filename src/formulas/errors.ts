import { messages, WARNING, type Lang } from './messages';

/**
 * Where in a range argument a bad value sits, for messages: "row 3", "column 2", "row 3, column 2".
 */
export interface Position {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * What one formula call knows besides its arguments: its name, and the language its
 * messages (and words such as CJM_FUNNEL's headers) are in. The server's entry point reads
 * the user's locale and passes it in; the formulas themselves call no service.
 */
export interface Call {
  fn: string;
  lang: Lang;
  /**
   * brief messages name the argument ("⚠ conversion: not a number"): for functions whose arguments
   * differ in kind
   */
  nameInBrief?: boolean;
}

export function describePosition(p: Position | undefined, lang: Lang): string {
  if (!p || (p.rows === 1 && p.cols === 1)) return '';
  const t = messages(lang);
  if (p.cols === 1) return t.inRow(p.row + 1);
  if (p.rows === 1) return t.inColumn(p.col + 1);
  return t.inCell(p.row + 1, p.col + 1);
}

/**
 * The one error a CJM formula throws. Sheets shows the message in the #ERROR! tooltip,
 * so it names the function, the argument, the value and its place, and how to fix it.
 * `brief` is what an element of a spilled range shows instead ("⚠ not a number"), when
 * the other elements of the range can still be computed.
 */
export class FormulaError extends Error {
  readonly brief: string;
  constructor(fn: string, full: string, brief: string) {
    super(`${fn}: ${full}`);
    this.name = 'FormulaError';
    this.brief = brief;
  }
}

/**
 * A FormulaError of this call. `brief` is the short text without the warning mark;
 * `arg` names the argument in the brief text where the call asks for it.
 */
export function problem(call: Call, full: string, brief: string, arg?: string): FormulaError {
  return new FormulaError(call.fn, full, warning(call, brief, arg));
}

/** The text an element shows for a problem: "⚠ not a number", or "⚠ conversion: not a number". */
export function warning(call: Call, brief: string, arg?: string): string {
  const label =
    arg !== undefined && call.nameInBrief ? (messages(call.lang).label[arg] ?? arg) : undefined;
  return `${WARNING} ${label ? `${label}: ` : ''}${brief}`;
}

/** A problem with the whole call (shapes, languages): it has no element to show a brief text in. */
export function callProblem(call: Call, full: string): FormulaError {
  return new FormulaError(call.fn, full, `${WARNING} ${full}`);
}
