/** Formula pieces that point at other sheets of the spreadsheet. */

/** A sheet name as a formula reference takes it: in single quotes, its own quotes doubled. */
export const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** A text as a formula string literal: in double quotes, its own quotes doubled. */
export const formulaText = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/**
 * A link to a sheet of this spreadsheet: HYPERLINK to "#gid=<sheetId>", which Sheets opens in the
 * same tab. `label` is a formula expression (a quoted text or a cell reference). A built-in
 * function, so it costs no server execution.
 */
export const sheetLink = (sheetId: number, label: string): string =>
  `HYPERLINK("#gid=${Math.trunc(sheetId)}",${label})`;
