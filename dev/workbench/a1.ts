/** A cell's name as the page's name box and selection give it, read back into a row and column. */
import { colNumber } from '../../src/core/map/layout';

/** "C23" -> { row: 23, col: 3 }; null for anything else (ranges included). */
export function parseCellName(a1: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,3})([1-9]\d{0,6})$/.exec(a1.trim().toUpperCase());
  return m ? { row: Number(m[2]), col: colNumber(m[1] ?? '') } : null;
}
