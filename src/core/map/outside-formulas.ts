/**
 * Formulas right of a map that removing a stage would break. Deleting a column makes Sheets
 * turn every reference lying wholly inside it into #REF! (a range over more columns only
 * shrinks). Right of the map is the user's area (their notes and formulas, and the formulas
 * of a stage whose marker was typed over), so such a removal is refused, not done. Pure: the
 * references are read from formula text in English syntax.
 */
import { a1 } from './layout';

/**
 * A reference to this sheet: a cell or range (C25, $C$25, C25:C30, C:C, C25:C); not one after
 * "Sheet!" nor part of a name or a function.
 */
const REF =
  /(?<![A-Za-z0-9_.!:$])\$?([A-Z]{1,3})\$?(\d+)?(?::\$?([A-Z]{1,3})\$?(\d+)?)?(?![A-Za-z0-9_.(!$])/gi;

const colNumber = (letters: string): number =>
  [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** Whether a formula holds a reference that lies wholly in column `col` of its own sheet. */
export function refersToColumnAlone(formula: string, col: number): boolean {
  // Text in quotes is neither a reference nor a sheet name to read one after.
  const bare = formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'/g, "''");
  for (const m of bare.matchAll(REF)) {
    const [, first = '', row, last] = m;
    // A bare word (TRUE, a named range) is no reference: a cell has a row, a column range a colon.
    if (row === undefined && last === undefined) continue;
    if (colNumber(first) === col && colNumber(last ?? first) === col) return true;
  }
  return false;
}

/**
 * The cells right of `lastCol` (the map's last stage column) whose formula deleting column `col`
 * would break, in A1.
 */
export function brokenByRemoval(
  formulas: readonly (readonly string[])[],
  col: number,
  lastCol: number,
): string[] {
  const found: string[] = [];
  formulas.forEach((line, r) => {
    line.forEach((f, c) => {
      if (c + 1 > lastCol && f.startsWith('=') && refersToColumnAlone(f, col))
        found.push(a1(r + 1, c + 1));
    });
  });
  return found;
}
