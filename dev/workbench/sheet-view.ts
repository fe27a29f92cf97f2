/**
 * What the page draws beyond the cells, computed on the server where the formula engine
 * lives: each cell's effective conditional format (every rule kind the emulator stores,
 * custom formulas evaluated by the engine relative to each cell, first matching rule wins
 * as in Sheets) and each embedded chart as the emulator reads it (emulator/chart-view.ts: its
 * data from its ranges' computed values, and its layout: plot, labels whole or cut), so the page
 * never re-implements formulas nor the label rule.
 */
import { DetailedCellError } from 'hyperformula';
import {
  cellA1,
  shiftFormula,
  type Rect,
  EmuRange,
  type Workbook,
  chartView,
  type ConditionalRuleSpec,
  type SheetModel,
  type WorkbookModel,
} from '../../emulator/index';
import { drawnSize } from './extent';
import type { ConditionalEffect, SheetDrawing, SheetSnapshot } from './protocol';

export function sheetDrawing(workbook: Workbook, snap: SheetSnapshot): SheetDrawing {
  const m = workbook.model;
  const sheet = m.sheetOrThrow(snap.name);
  const charts = sheet.charts.map((spec) => chartView(m, sheet, spec));
  const { rows, cols } = drawnSize(snap, charts);
  return { conditional: conditionalEffects(m, sheet, rows, cols), charts };
}

// ---- conditional formats -------------------------------------------------------------

interface Reading {
  value: unknown;
  /** What the cell shows (text conditions on a number read this). */
  display(): string;
  error: boolean;
}

/** Effective conditional formats of the cells within rows × cols (1-based extent), keyed by A1. */
export function conditionalEffects(
  m: WorkbookModel,
  sheet: SheetModel,
  rows: number,
  cols: number,
): Record<string, ConditionalEffect> {
  const out: Record<string, ConditionalEffect> = {};
  const rules = sheet.conditionalRules;
  if (rules.length === 0) return out;
  const sheetId = m.engine.sheetId(sheet.name);
  rules.forEach((rule, index) => {
    const effect = styleOf(rule, index);
    if (!effect) return;
    const origin = rule.ranges[0];
    // A custom formula is written for the top-left cell of the rule's (first) range.
    const formula =
      rule.criteria === 'CUSTOM_FORMULA' ? m.formulaIn(String(rule.values[0] ?? '')) : '';
    for (const r of rule.ranges) {
      forEachCell(clip(r, rows, cols), (row, col) => {
        const a1 = cellA1(row, col);
        if (out[a1]) return; // an earlier rule already formats this cell: Sheets applies the first that matches
        const hit =
          rule.criteria === 'CUSTOM_FORMULA'
            ? origin !== undefined &&
              formulaHolds(m, sheetId, shiftFormula(formula, row - origin.row, col - origin.col))
            : criterionHolds(rule, reading(m, sheet, row, col));
        if (hit) out[a1] = effect;
      });
    }
  });
  return out;
}

function styleOf(rule: ConditionalRuleSpec, index: number): ConditionalEffect | null {
  const e: ConditionalEffect = { rule: index };
  if (rule.background) e.background = rule.background;
  if (rule.fontColor) e.color = rule.fontColor;
  if (rule.bold !== null) e.bold = rule.bold;
  if (rule.italic !== null) e.italic = rule.italic;
  return e;
}

function reading(m: WorkbookModel, sheet: SheetModel, row: number, col: number): Reading {
  const cell = m.engine.read(sheet.name, row, col);
  const display = (): string =>
    new EmuRange(m, sheet, { row, col, rows: 1, cols: 1 }).getDisplayValue();
  return { value: cell.value, display, error: cell.error !== undefined };
}

/**
 * Sheets' conditions on a cell's own value: number conditions need a number; text ones compare
 * case-insensitively.
 */
export function criterionHolds(
  rule: Pick<ConditionalRuleSpec, 'criteria' | 'values'>,
  cell: Reading,
): boolean {
  const { value } = cell;
  const [a, b] = rule.values.map((v) => (typeof v === 'number' ? v : Number(v)));
  if (rule.criteria.startsWith('NUMBER_')) {
    if (typeof value !== 'number' || cell.error || a === undefined || Number.isNaN(a)) return false;
    const lo = b === undefined ? a : Math.min(a, b);
    const hi = b === undefined ? a : Math.max(a, b);
    switch (rule.criteria) {
      case 'NUMBER_LESS_THAN':
        return value < a;
      case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
        return value <= a;
      case 'NUMBER_GREATER_THAN':
        return value > a;
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
        return value >= a;
      case 'NUMBER_EQUAL_TO':
        return value === a;
      case 'NUMBER_NOT_EQUAL_TO':
        return value !== a;
      case 'NUMBER_BETWEEN':
        return b !== undefined && value >= lo && value <= hi;
      case 'NUMBER_NOT_BETWEEN':
        return b !== undefined && (value < lo || value > hi);
      default:
        return false;
    }
  }
  const empty = value === '' || value === null || value === undefined;
  const text = (
    typeof value === 'string' ? value : empty ? '' : cell.display()
  ).toLocaleLowerCase();
  const arg = String(rule.values[0] ?? '').toLocaleLowerCase();
  switch (rule.criteria) {
    case 'CELL_EMPTY':
      return empty;
    case 'CELL_NOT_EMPTY':
      return !empty;
    case 'TEXT_CONTAINS':
      return !empty && text.includes(arg);
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.includes(arg);
    case 'TEXT_STARTS_WITH':
      return !empty && text.startsWith(arg);
    case 'TEXT_ENDS_WITH':
      return !empty && text.endsWith(arg);
    case 'TEXT_EQUAL_TO':
      return text === arg;
    case 'TEXT_NOT_EQUAL_TO':
      return text !== arg;
    default:
      return false;
  }
}

/**
 * A custom formula holds when the engine computes TRUE or a non-zero number; errors and text do
 * not.
 */
function formulaHolds(m: WorkbookModel, sheetId: number, formula: string): boolean {
  if (!formula.startsWith('=')) return false;
  try {
    let v: unknown = m.engine.hf.calculateFormula(formula, sheetId);
    if (Array.isArray(v)) v = (v[0] as unknown[] | undefined)?.[0];
    if (v instanceof DetailedCellError) return false;
    return v === true || (typeof v === 'number' && v !== 0);
  } catch {
    return false; // a formula the engine cannot read formats nothing, as in Sheets
  }
}

function clip(r: Rect, rows: number, cols: number): Rect {
  return {
    row: r.row,
    col: r.col,
    rows: Math.max(0, Math.min(r.rows, rows - r.row)),
    cols: Math.max(0, Math.min(r.cols, cols - r.col)),
  };
}

function forEachCell(r: Rect, fn: (row: number, col: number) => void): void {
  for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) fn(r.row + i, r.col + j);
}
