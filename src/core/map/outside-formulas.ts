/**
 * Formulas that removing a stage would break. Deleting a column makes Sheets turn every reference
 * lying wholly inside it into #REF! (a range over more columns only shrinks). Pure: references are
 * read from formula text (English or locale syntax: separators do not matter here). What a formula
 * reaches only at run time — INDIRECT, OFFSET, a named range — cannot be read from its text: it is
 * said, not guessed.
 */
import { a1, colNumber } from './layout';

/** A cell or range a formula refers to; `sheet` null for its own sheet. Columns are 1-based. */
export interface FormulaRef {
  sheet: string | null;
  firstCol: number;
  lastCol: number;
}

/**
 * A reference: "Sheet!" or "'My sheet'!" (optional), then a cell or range (C25, $C$25, C25:C30,
 * C:C, C25:C); not part of a name or a function.
 */
const REF =
  /(?<![A-Za-z0-9_.:$!'\u00C0-\uFFFF])(?:'((?:[^']|'')+)'!|([A-Za-z0-9_.\u00C0-\uFFFF]+)!)?\$?([A-Z]{1,3})\$?(\d+)?(?::\$?([A-Z]{1,3})\$?(\d+)?)?(?![A-Za-z0-9_.(!$])/gi;
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
 * Text in double quotes is neither a reference nor a name. A quoted sheet name ('My "best" map')
 * is kept whole: its double quotes open no string.
 */
function withoutStrings(formula: string): string {
  let out = '';
  for (let i = 0; i < formula.length; ) {
    const ch = formula[i] ?? '';
    if (ch !== "'" && ch !== '"') {
      out += ch;
      i++;
      continue;
    }
    const end = closing(formula, i, ch);
    out += ch === "'" ? formula.slice(i, end + 1) : '""';
    i = end + 1;
  }
  return out;
}

/**
 * The references of a formula, and whether it also reaches cells its text does not name
 * (`computed`).
 */
export function formulaRefs(formula: string): { refs: FormulaRef[]; computed: boolean } {
  const bare = withoutStrings(formula);
  const refs: FormulaRef[] = [];
  for (const m of bare.matchAll(REF)) {
    const [, quoted, plain, first = '', row, last] = m;
    // A bare word (TRUE, a named range) is no reference: a cell has a row, a column range a colon.
    if (row === undefined && last === undefined) continue;
    const sheet = quoted !== undefined ? quoted.replace(/''/g, "'") : (plain ?? null);
    refs.push({ sheet, firstCol: colNumber(first), lastCol: colNumber(last ?? first) });
  }
  const rest = bare.replace(REF, (m, _q, _p, _f, row, last) =>
    row === undefined && last === undefined ? m : ' ',
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

/** Whether a formula holds a reference that lies wholly in column `col` of its own sheet. */
export function refersToColumnAlone(formula: string, col: number): boolean {
  return formulaRefs(formula).refs.some(
    (r) => r.sheet === null && r.firstCol === col && r.lastCol === col,
  );
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
