/**
 * What a formula refers to, read from its text, and what a sheet operation does to it: removing or
 * moving a stage's column, or moving a row (the portfolio's rows follow their maps). Deleting a
 * column makes Sheets turn every reference lying wholly inside it into #REF! (a range over more
 * columns only shrinks). Pure: references are read from formula text (English or locale syntax:
 * separators do not matter here). What a formula reaches only at run time — INDIRECT, OFFSET, a
 * named range — cannot be read from its text: it is said, not guessed.
 */
import { a1, colNumber } from './layout';

/**
 * A cell or range a formula refers to; `sheet` null for its own sheet. Columns are 1-based; whole
 * rows (4:6) cover every column.
 */
export interface FormulaRef {
  sheet: string | null;
  firstCol: number;
  lastCol: number;
}

/**
 * A reference: "Sheet!" or "'My sheet'!" (optional), then a cell or range (C25, $C$25, C25:C30,
 * C:C, C25:C) or whole rows (4:6, $4:$4); not part of a name or a function.
 */
const REF =
  /(?<![A-Za-z0-9_.:$!'\u00C0-\uFFFF])(?:'((?:[^']|'')+)'!|([A-Za-z0-9_.\u00C0-\uFFFF]+)!)?(?:\$?([A-Z]{1,3})\$?(\d+)?(?::\$?([A-Z]{1,3})\$?(\d+)?)?|\$?\d+:\$?\d+)(?![A-Za-z0-9_.(!$])/gi;
/** What the formula text cannot say it reaches: references computed when it runs. */
const COMPUTED = /(?<![A-Za-z0-9_.])(?:INDIRECT|OFFSET)\s*\(/i;
/** A word that is neither a function (followed by "(") nor TRUE/FALSE: a named range. */
const NAME =
  /(?<![A-Za-z0-9_.$'])([A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*)(?![A-Za-z0-9_.(!$'])/g;
/** The map's own named cells lie in column B, which no stage edit removes. */
const OWN_NAME = /^CJM_[A-Z0-9]+_[A-Z_]+$/;

/** The end of a quoted run opened at `i` (`q` doubled inside stands for itself). */
function closing(text: string, i: number, q: string): number {
  let j = i + 1;
  while (j < text.length && !(text[j] === q && text[j + 1] !== q)) j += text[j] === q ? 2 : 1;
  return j;
}

/**
 * A formula with `code` applied to each run of it outside "strings" (text in double quotes is
 * neither a reference nor a name) and `string` to each string. A quoted sheet name
 * ('My "best" map') is code, kept whole: its double quotes open no string.
 */
function outsideStrings(
  formula: string,
  code: (text: string) => string,
  string: (text: string) => string,
): string {
  let out = '';
  let run = '';
  for (let i = 0; i < formula.length; ) {
    const ch = formula[i] ?? '';
    if (ch !== "'" && ch !== '"') {
      run += ch;
      i++;
      continue;
    }
    const end = closing(formula, i, ch);
    if (ch === "'") run += formula.slice(i, end + 1);
    else {
      out += code(run) + string(formula.slice(i, end + 1));
      run = '';
    }
    i = end + 1;
  }
  return out + code(run);
}

const withoutStrings = (formula: string) =>
  outsideStrings(
    formula,
    (c) => c,
    () => '""',
  );

/** A bare word (TRUE, a named range) is no reference: a cell has a row, a column range a colon. */
function isBareWord(first?: string, row?: string, last?: string): boolean {
  return first !== undefined && row === undefined && last === undefined;
}

/** The sheet a reference names ('It''s' is "It's"), or null for the formula's own sheet. */
function sheetOf(quoted?: string, plain?: string): string | null {
  return quoted !== undefined ? quoted.replace(/''/g, "'") : (plain ?? null);
}

/**
 * The references of a formula, and whether it also reaches cells its text does not name
 * (`computed`).
 */
export function formulaRefs(formula: string): { refs: FormulaRef[]; computed: boolean } {
  const bare = withoutStrings(formula);
  const refs: FormulaRef[] = [];
  for (const m of bare.matchAll(REF)) {
    const [, quoted, plain, first, row, last] = m;
    if (isBareWord(first, row, last)) continue;
    const sheet = sheetOf(quoted, plain);
    // (whole rows: no column letters)
    const [from, to] = first === undefined ? [1, Infinity] : [first, last ?? first].map(colNumber);
    refs.push({ sheet, firstCol: from ?? 1, lastCol: to ?? Infinity });
  }
  const rest = bare.replace(REF, (m, _q, _p, first, row, last) =>
    isBareWord(first, row, last) ? m : ' ',
  );
  const names = [...rest.replace(/'(?:[^']|'')*'/g, ' ').matchAll(NAME)]
    .map((m) => m[1] ?? '')
    .filter((n) => !/^(TRUE|FALSE)$/i.test(n) && !OWN_NAME.test(n) && !/^\d/.test(n));
  return { refs, computed: COMPUTED.test(bare) || names.length > 0 };
}

/**
 * What deleting column `col` of the sheet `target` does to a formula on the sheet `on`: breaks it
 * (a reference wholly inside the column), may break it (it reaches cells its text does not name),
 * or nothing.
 */
export function removalEffect(
  formula: string,
  on: string,
  target: string,
  col: number,
): 'breaks' | 'unchecked' | null {
  const { refs, computed } = formulaRefs(formula);
  const same = (sheet: string | null) => (sheet ?? on).toLowerCase() === target.toLowerCase();
  if (refs.some((r) => same(r.sheet) && r.firstCol === col && r.lastCol === col)) return 'breaks';
  return computed ? 'unchecked' : null;
}

/**
 * Whether moving column `col` of the sheet `target` by `by` (Sheets swaps it with its neighbour)
 * may change which columns a formula on the sheet `on` covers: each edge of a range follows the
 * cell at it, so a range that starts or ends at the moved column or its neighbour may drop a
 * stage or take in another (Google does not say how an edge that crosses the other is read: any
 * such range counts). References to single cells and whole columns follow their cells.
 */
export function narrowedByMove(
  formula: string,
  on: string,
  target: string,
  col: number,
  by: -1 | 1,
): boolean {
  const same = (sheet: string | null) => (sheet ?? on).toLowerCase() === target.toLowerCase();
  const moved = [col, col + by];
  return formulaRefs(formula).refs.some(
    (r) =>
      same(r.sheet) &&
      r.firstCol !== r.lastCol &&
      (moved.includes(r.firstCol) || moved.includes(r.lastCol)),
  );
}

/**
 * The cells right of `lastCol` (the map's last stage column) whose formula deleting column `col`
 * would break, in A1. A reference that names the map's own sheet breaks as a bare one does; the
 * sheet's name is asked for only when a formula there names a sheet.
 */
export function brokenByRemoval(
  formulas: readonly (readonly string[])[],
  col: number,
  lastCol: number,
  sheetName: () => string,
): string[] {
  let own: string | undefined;
  const found: string[] = [];
  formulas.forEach((line, r) => {
    line.forEach((f, c) => {
      if (c + 1 <= lastCol || !f.startsWith('=')) return;
      if (own === undefined && f.includes('!')) own = sheetName();
      // with no sheet named anywhere yet, '' stands for this sheet: only a bare reference is on it
      if (removalEffect(f, own ?? '', own ?? '', col) === 'breaks') found.push(a1(r + 1, c + 1));
    });
  });
  return found;
}

/**
 * A formula on the sheet `on` moved `by` rows with the row it sits in, rewritten as Sheets rewrites
 * one it sorts or moves with its row: the relative rows of its references to its own sheet move by
 * as much, so it keeps referring to the same cells of its row; absolute rows ($4) and other sheets'
 * cells stay. Null when that cannot be done safely: it reaches cells its text does not name
 * (INDIRECT, OFFSET, a named range), or a row would leave the sheet's top.
 */
export function shiftRows(formula: string, on: string, by: number): string | null {
  if (by === 0) return formula;
  if (formulaRefs(formula).computed) return null;
  let off = false;
  const shift = (ref: string) =>
    // after the sheet's name, a reference holds only letters, "$", ":" and its rows' digits
    ref.replace(/(\$?)(\d+)/g, (row, dollar: string, n: string) => {
      if (dollar) return row;
      const moved = Number(n) + by;
      off ||= moved < 1;
      return String(moved);
    });
  const own = (sheet: string | null) => (sheet ?? on).toLowerCase() === on.toLowerCase();
  const shifted = outsideStrings(
    formula,
    (code) =>
      code.replace(REF, (ref: string, quoted?: string, plain?: string) => {
        if (!own(sheetOf(quoted, plain))) return ref;
        const cut = ref.lastIndexOf('!') + 1;
        return ref.slice(0, cut) + shift(ref.slice(cut));
      }),
    (string) => string,
  );
  return off ? null : shifted;
}
