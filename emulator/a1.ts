// A1 notation helpers. Internal coordinates are 0-based {row, col, rows, cols};
// Apps Script's public API is 1-based, conversions happen at the service boundary.
//
// The emulator's own copy of A1 notation, apart from the add-on's (src/core/map/layout: colName,
// a1), which the workbench uses: the emulator stands in for Google's side and checks the
// add-on from outside, loading only the built bundle. Were it to read "AA1" with the add-on's
// code, a wrong column name in the add-on would be read back the same wrong way and no test would
// see it.

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function columnToLetters(col0: number): string {
  let n = col0 + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellA1(row0: number, col0: number): string {
  return `${columnToLetters(col0)}${row0 + 1}`;
}

export function rectA1(r: Rect): string {
  const start = cellA1(r.row, r.col);
  if (r.rows === 1 && r.cols === 1) return start;
  return `${start}:${cellA1(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}

/** Quote a sheet name for use in a formula / A1 reference when needed. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export interface ParsedA1 {
  sheet?: string;
  rect: Rect;
}

const PART = /^\$?([A-Za-z]*)\$?(\d*)$/;

/**
 * Parses "A1", "A1:B3", "A:B", "2:5", "A2:B" (open end), optionally prefixed by
 * "Sheet!" or "'My sheet'!". Open ends are resolved against the sheet size.
 * Returns undefined when the text is not a reference.
 */
export function parseA1(text: string, maxRows: number, maxCols: number): ParsedA1 | undefined {
  let rest = text.trim();
  let sheet: string | undefined;
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    let s = rest.slice(0, bang);
    if (s.startsWith("'") && s.endsWith("'")) s = s.slice(1, -1).replace(/''/g, "'");
    sheet = s;
    rest = rest.slice(bang + 1);
  }
  const [a, b, extra] = rest.split(':');
  if (a === undefined || a === '' || extra !== undefined) return undefined;
  const pa = PART.exec(a);
  const pb = b === undefined ? pa : PART.exec(b);
  if (!pa || !pb) return undefined;
  const [, ca = '', ra = ''] = pa;
  const [, cb = '', rb = ''] = pb;
  if (ca === '' && ra === '') return undefined;
  if (b === undefined && (ca === '' || ra === '')) return undefined; // single "A" or "3" is not a cell
  const c1 = ca === '' ? 0 : lettersToColumn(ca);
  const c2 = cb === '' ? maxCols - 1 : lettersToColumn(cb);
  const r1 = ra === '' ? 0 : Number(ra) - 1;
  const r2 = rb === '' ? maxRows - 1 : Number(rb) - 1;
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  const rect = { row, col, rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
  return sheet === undefined ? { rect } : { sheet, rect };
}

export function cellKey(row0: number, col0: number): string {
  return `${row0},${col0}`;
}

export function parseCellKey(key: string): [number, number] {
  const i = key.indexOf(',');
  return [Number(key.slice(0, i)), Number(key.slice(i + 1))];
}

export function intersects(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.col < b.col + b.cols &&
    b.col < a.col + a.cols
  );
}

export function contains(r: Rect, row0: number, col0: number): boolean {
  return row0 >= r.row && row0 < r.row + r.rows && col0 >= r.col && col0 < r.col + r.cols;
}

/**
 * Shifts the relative A1 references of a formula by (dRows, dCols), as Sheets does when
 * one formula is set on a multi-cell range (or filled). "$" parts stay; references that
 * would leave the sheet become #REF!. Text in "..." and sheet names in '...' are skipped.
 */
export function shiftFormula(formula: string, dRows: number, dCols: number): string {
  if (dRows === 0 && dCols === 0) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula.charAt(i);
    if (ch === '"' || ch === "'") {
      const end = formula.indexOf(ch, i + 1);
      const stop = end < 0 ? formula.length : end + 1;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    const prev = i > 0 ? formula.charAt(i - 1) : '';
    const m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)/.exec(formula.slice(i));
    const next = m ? formula.charAt(i + m[0].length) : '';
    if (m && !/[A-Za-z0-9_.]/.test(prev) && !/[A-Za-z0-9_.(]/.test(next)) {
      const [whole, colAbs = '', letters = '', rowAbs = '', digits = ''] = m;
      const col = colAbs ? lettersToColumn(letters) : lettersToColumn(letters) + dCols;
      const row = rowAbs ? Number(digits) - 1 : Number(digits) - 1 + dRows;
      out += col < 0 || row < 0 ? '#REF!' : `${colAbs}${columnToLetters(col)}${rowAbs}${row + 1}`;
      i += whole.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
