/**
 * What the differential tests of the export compare: a cell as the add-on computed it in the
 * emulator, and as LibreOffice recalculated it from the exported .xlsx.
 */
import type { Workbook } from '../../emulator/index';
import type { LoValue } from '../../xlsx-export/libreoffice';

/** A cell's value as the add-on computed it (an error by its code). */
export type Seen = number | string | boolean | { error: string };

/** What the emulator's formula engine holds in a cell (1-based row and column). */
export function emulated(wb: Workbook, sheet: string, row: number, col: number): Seen {
  const read = wb.model.engine.read(wb.model.sheetOrThrow(sheet).name, row - 1, col - 1);
  return read.error ? { error: read.error.code } : read.value;
}

/**
 * Whether two computed values agree: an error with an error, numbers to 1e-9 relative (LibreOffice
 * writes 15 significant digits), a blank with a blank, texts exactly.
 */
export function agree(a: Seen | LoValue | undefined, b: Seen | LoValue | undefined): boolean {
  const norm = (v: typeof a) => (v === undefined || v === null ? '' : v);
  const x = norm(a);
  const y = norm(b);
  if (typeof x === 'object' || typeof y === 'object')
    return typeof x === 'object' && typeof y === 'object';
  if (typeof x === 'number' && typeof y === 'number')
    return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  // LibreOffice has no boolean type: TRUE is 1 with a boolean format, and a formula cell formatted
  // as a number shows 1.
  if (typeof x === 'boolean' && typeof y === 'number') return Number(x) === y;
  return x === y;
}

/** A value for a message: "(blank)", the error code, or the value as JSON. */
export const show = (v: Seen | LoValue | undefined): string =>
  v === undefined || v === '' ? '(blank)' : typeof v === 'object' ? v.error : JSON.stringify(v);
