/**
 * Small hand-made sheet plans for the unit tests of src/sheets/apply: a grid of plain blank cells
 * with the cells a test names (by A1) filled in, and the styles of a map (a few of them telling),
 * so what lands on the sheet can be worked out by hand.
 */
import type { CellStyle, PlanCell, SheetPlan, StyleKey } from '../../../src/core/map/plan';
import { colNumber } from '../../../src/core/map/layout';
import type { Workbook } from '../../../emulator/index';

const PLAIN: CellStyle = {
  background: null,
  color: '#000000',
  bold: false,
  italic: false,
  size: 10,
  wrap: false,
};

/** Every style plain, except the header (bold, white on dark), hints, inputs and formulas. */
export const STYLES: Record<StyleKey, CellStyle> = {
  title: PLAIN,
  titleValue: PLAIN,
  label: PLAIN,
  section: PLAIN,
  sectionLabel: PLAIN,
  header: { ...PLAIN, background: '#434343', color: '#ffffff', bold: true, size: 12 },
  hint: { ...PLAIN, color: '#999999', italic: true, size: 9, wrap: true },
  text: PLAIN,
  input: { ...PLAIN, background: '#fff2cc', color: '#1155cc' },
  formula: { ...PLAIN, background: '#f3f3f3' },
  computed: PLAIN,
  result: PLAIN,
  footer: PLAIN,
  plain: PLAIN,
};

/** A blank cell of the template, plain, in the General format. */
export const blankCell = (over: Partial<PlanCell> = {}): PlanCell => ({
  value: '',
  owner: 'template',
  style: 'plain',
  numberFormat: 'General',
  ...over,
});

/** 1-based row and column of an A1 cell ("C31" → [31, 3]). */
export function cellOf(a1: string): [row: number, col: number] {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`not a cell: ${a1}`);
  return [Number(m[2]), colNumber(m[1] ?? '')];
}

/**
 * A plan of `rows` × `cols` blank cells, with `cells` (by A1) filled in; no validations, rules or
 * names, B2:B3 protected, nothing frozen, columns 120 px wide, unless `over` says otherwise.
 */
export function sheetPlan(
  rows: number,
  cols: number,
  cells: Record<string, Partial<PlanCell>> = {},
  over: Partial<SheetPlan> = {},
): SheetPlan {
  const grid = Array.from({ length: rows }, () => Array.from({ length: cols }, () => blankCell()));
  for (const [a1, cell] of Object.entries(cells)) {
    const [row, col] = cellOf(a1);
    const line = grid[row - 1];
    if (!line || col > cols) throw new Error(`${a1} is outside the plan`);
    line[col - 1] = blankCell(cell);
  }
  return {
    sheetName: 'Map',
    rows,
    cols,
    cells: grid,
    styles: STYLES,
    validations: {},
    conditionalRules: [],
    namedRanges: [],
    protectedRange: 'B2:B3',
    frozen: { rows: 0, cols: 0 },
    columnWidth: 120,
    ...over,
  };
}

/** What a user sees of a cell's format on Sheet1, as the emulator holds it. */
export const attrs = (wb: Workbook, a1: string) =>
  wb.snapshot('Sheet1').cells.find((c) => c.a1 === a1)?.attrs ?? {};
