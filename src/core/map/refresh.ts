/**
 * What a stage edit may write on a map whose cells Sheets has just moved: only the template's
 * cells whose content changes, and never a cell that holds something a user put there. A user
 * may type into any blank cell the template owns (a note beside the KPIs, under a card) or
 * paste a value over a formula; such a cell is theirs from then on. Pure: `sheets` reads the
 * grid and writes the cells this returns.
 */
import type { PlanCell, SheetPlan } from './plan';
import { isSideMarker, parseFooter, parseStageMarker } from './layout';

/** A sheet's cells as read: values and formulas, 0-based. */
export interface Grid {
  values: readonly (readonly unknown[])[];
  formulas: readonly (readonly string[])[];
}

export interface PlannedWrite {
  row: number;
  col: number;
  cell: PlanCell;
}

/** Where a formula's shape had a reference that Sheets broke (#REF!). */
const BROKEN = '\u0001';

/**
 * A formula with its references blanked out: Sheets rewrites references when columns move, the
 * shape stays. A reference whose cells were deleted (#REF!) is BROKEN: it stood for a cell or a
 * range.
 */
export function formulaShape(formula: string): string {
  return formula
    .replace(/#REF!/g, BROKEN)
    .replace(/\$?[A-Z]{1,3}\$?\d+/g, '#')
    .replace(/\s+/g, '')
    .toUpperCase();
}

/**
 * Whether a formula's shape is one of `shapes`, a BROKEN reference in it (Sheets' #REF! for
 * deleted cells) standing for a cell or a range.
 */
function hasShape(shapes: ReadonlySet<string>, shape: string): boolean {
  if (!shape.includes(BROKEN)) return shapes.has(shape);
  const broken = new RegExp(
    `^${shape
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .split(BROKEN)
      .join('#(?::#)?')}$`,
  );
  return [...shapes].some((s) => broken.test(s));
}

const isMarker = (text: string) =>
  isSideMarker(text) || parseStageMarker(text) !== null || parseFooter(text) !== null;

/**
 * For each row, what the template writes in its own cells of that row, in any of the given plans.
 */
function templateContent(
  plans: readonly SheetPlan[],
): (row: number) => { texts: Set<string>; shapes: Set<string> } {
  const rows = new Map<number, { texts: Set<string>; shapes: Set<string> }>();
  for (const plan of plans) {
    plan.cells.forEach((line, r) => {
      const entry = rows.get(r) ?? { texts: new Set(), shapes: new Set() };
      rows.set(r, entry);
      for (const cell of line) {
        if (cell.owner !== 'template') continue;
        if (cell.formula) entry.shapes.add(formulaShape(cell.formula));
        else entry.texts.add(String(cell.value));
      }
    });
    for (const { row, formula } of plan.formerFormulas ?? []) {
      const entry = rows.get(row - 1) ?? { texts: new Set(), shapes: new Set() };
      rows.set(row - 1, entry);
      entry.shapes.add(formulaShape(formula));
    }
  }
  const none = { texts: new Set<string>(), shapes: new Set<string>() };
  return (row) => rows.get(row) ?? none;
}

function cellAt(grid: Grid, r: number, c: number): { value: unknown; formula: string } {
  return { value: grid.values[r]?.[c] ?? '', formula: grid.formulas[r]?.[c] ?? '' };
}

const isBlank = (cur: { value: unknown; formula: string }) =>
  cur.formula === '' && (cur.value === '' || cur.value === null || cur.value === undefined);

/**
 * Whether a template cell holds what the template put there (blank, a hint, a marker, one of
 * its formulas wherever Sheets moved it) rather than something a user typed or pasted.
 */
export function holdsTemplateContent(
  content: ReturnType<typeof templateContent>,
  r: number,
  cur: { value: unknown; formula: string },
): boolean {
  if (isBlank(cur)) return true;
  const mine = content(r);
  if (cur.formula) return hasShape(mine.shapes, formulaShape(cur.formula));
  return typeof cur.value === 'string' && (mine.texts.has(cur.value) || isMarker(cur.value));
}

/**
 * What of the template a sort or a paste moved out of its rows: a formula (by its shape) or a text
 * the plan draws in other cells, one of which no longer holds it. It is still the template's
 * wherever it went: left there, it would be drawn twice (and each custom-function cell is an
 * execution of its own; a hint left in a KPI row reads as a number typed wrong). A copy a user
 * made while ours stays in its place is theirs. `fresh` is a column the edit inserted, blank for
 * now.
 */
function movedContent(
  next: SheetPlan,
  current: Grid,
  fresh: number | null,
): (cur: { value: unknown; formula: string }) => boolean {
  const shapesLeft = new Set<string>();
  const textsLeft = new Set<string>();
  next.cells.forEach((line, r) => {
    line.forEach((cell, c) => {
      if (cell.owner !== 'template' || c + 1 === fresh) return;
      const cur = cellAt(current, r, c);
      // Most cells hold exactly what the plan draws there: no shape to work out.
      if (cell.formula) {
        if (cur.formula === cell.formula) return;
        const shape = formulaShape(cell.formula);
        if (!hasShape(new Set([shape]), formulaShape(cur.formula))) shapesLeft.add(shape);
      } else if (typeof cell.value === 'string' && cell.value !== '') {
        if (cur.formula !== '' || cur.value !== cell.value) textsLeft.add(cell.value);
      }
    });
  });
  if (shapesLeft.size === 0 && textsLeft.size === 0) return () => false;
  return (cur) =>
    cur.formula
      ? hasShape(shapesLeft, formulaShape(cur.formula))
      : typeof cur.value === 'string' && textsLeft.has(cur.value);
}

function samePlanned(cell: PlanCell, cur: { value: unknown; formula: string }): boolean {
  if (cell.formula) return cur.formula === cell.formula;
  return cur.formula === '' && String(cur.value ?? '') === String(cell.value);
}

/**
 * The cells to write after a stage edit: template cells whose content changes and that hold
 * template content now, and a new stage's name and role (user cells that are still blank).
 * `previous` is the plan of the map before the edit, so its hints and formulas count as ours;
 * `fresh` is the column the edit inserted, if any.
 */
export function refreshWrites(
  next: SheetPlan,
  current: Grid,
  previous: SheetPlan,
  fresh: number | null = null,
): PlannedWrite[] {
  const content = templateContent([next, previous]);
  const moved = movedContent(next, current, fresh);
  const writes: PlannedWrite[] = [];
  next.cells.forEach((line, r) => {
    line.forEach((cell, c) => {
      const cur = cellAt(current, r, c);
      // A column Sheets just inserted is blank: it is written whole, in one piece.
      if (c + 1 === fresh) {
        writes.push({ row: r + 1, col: c + 1, cell });
        return;
      }
      if (samePlanned(cell, cur)) return;
      // A spilled cell shows its formula's value: it is written only to clear a stale formula of
      // ours.
      const write =
        moved(cur) ||
        (cell.spill
          ? cur.formula !== '' && holdsTemplateContent(content, r, cur)
          : cell.owner === 'template'
            ? holdsTemplateContent(content, r, cur)
            : isBlank(cur) && cell.value !== '');
      if (write) writes.push({ row: r + 1, col: c + 1, cell });
    });
  });
  return writes;
}

/**
 * Whether a value in a spill cell was typed there rather than spilled: the nearest formula to
 * its left in the sheet as it is now (columns may have been dragged) shows an error, as a
 * blocked spill does, or there is no formula to spill into it at all.
 */
function typedInSpill(current: Grid, r: number, c: number): boolean {
  let anchor = c - 1;
  while (anchor >= 0 && !cellAt(current, r, anchor).formula) anchor--;
  if (anchor < 0) return true;
  const value = cellAt(current, r, anchor).value;
  return typeof value === 'string' && value.startsWith('#');
}

/**
 * The values of a grid with what the plan's spilling formulas showed taken out (a value someone
 * typed into a spill area stays): a stage edit moves those cells away from their formula, and
 * their old values must not pass for a user's content in the cells the edit brings there.
 */
export function withoutSpilled(plan: SheetPlan, current: Grid): unknown[][] {
  return current.values.map((line, r) =>
    line.map((v, c) =>
      plan.cells[r]?.[c]?.spill &&
      cellAt(current, r, c).formula === '' &&
      !typedInSpill(current, r, c)
        ? ''
        : v,
    ),
  );
}

/**
 * The cells of a column that hold something a user put there ("row:value"): what removing that
 * stage would take away. A formula or hint of ours a sort moved into other rows is not theirs.
 */
export function userCells(
  plan: SheetPlan,
  current: Grid,
  col: number,
  skipRows: readonly number[] = [],
): string[] {
  const content = templateContent([plan]);
  const moved = movedContent(plan, current, null);
  const found: string[] = [];
  plan.cells.forEach((line, r) => {
    const cell = line[col - 1];
    if (!cell || skipRows.includes(r + 1)) return;
    const cur = cellAt(current, r, col - 1);
    if (moved(cur)) return;
    if (cell.spill && cur.formula === '') {
      // A value in a spill area is the formula's, unless someone typed it there: then the formula
      // shows an error.
      if (!isBlank(cur) && typedInSpill(current, r, col - 1))
        found.push(`${r + 1}:${String(cur.value)}`);
    } else if (cell.owner === 'user' ? !isBlank(cur) : !holdsTemplateContent(content, r, cur))
      found.push(`${r + 1}:${cur.formula || String(cur.value)}`);
  });
  return found;
}
