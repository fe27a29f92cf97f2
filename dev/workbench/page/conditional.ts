/**
 * Conditional formats the add-on set, applied to what the grid draws. Number and text
 * criteria only; a custom formula would need the formula engine, so it is not drawn.
 */
import type { SheetSnapshot } from '../protocol';
import type { Cell } from './cell-format';

type Rule = SheetSnapshot['conditionalRules'][number];

function matches(rule: Rule, value: unknown): boolean {
  const [a, b] = rule.values.map(Number);
  if (rule.criteria.startsWith('NUMBER_')) {
    if (typeof value !== 'number' || a === undefined) return false;
    switch (rule.criteria) {
      case 'NUMBER_LESS_THAN': return value < a;
      case 'NUMBER_LESS_THAN_OR_EQUAL_TO': return value <= a;
      case 'NUMBER_GREATER_THAN': return value > a;
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO': return value >= a;
      case 'NUMBER_EQUAL_TO': return value === a;
      case 'NUMBER_NOT_EQUAL_TO': return value !== a;
      case 'NUMBER_BETWEEN': return b !== undefined && value >= Math.min(a, b) && value <= Math.max(a, b);
      case 'NUMBER_NOT_BETWEEN': return b !== undefined && (value < Math.min(a, b) || value > Math.max(a, b));
      default: return false;
    }
  }
  const text = String(value ?? '');
  const arg = String(rule.values[0] ?? '');
  switch (rule.criteria) {
    case 'TEXT_CONTAINS': return text.includes(arg);
    case 'TEXT_EQUAL_TO': return text === arg;
    case 'CELL_EMPTY': return text === '';
    case 'CELL_NOT_EMPTY': return text !== '';
    default: return false;
  }
}

/** The first matching rule's colours for (row, col), 1-based, as Sheets applies the first match. */
export function conditionalStyle(rules: readonly Rule[], row: number, col: number, cell: Cell | undefined): Partial<CSSStyleDeclaration> {
  for (const rule of rules) {
    const inside = rule.ranges.some((r) => row - 1 >= r.row && row - 1 < r.row + r.rows && col - 1 >= r.col && col - 1 < r.col + r.cols);
    if (!inside || !matches(rule, cell?.value)) continue;
    const style: Partial<CSSStyleDeclaration> = {};
    if (rule.background) style.background = rule.background;
    if (rule.fontColor) style.color = rule.fontColor;
    if (rule.bold) style.fontWeight = '700';
    if (rule.italic) style.fontStyle = 'italic';
    return style;
  }
  return {};
}
