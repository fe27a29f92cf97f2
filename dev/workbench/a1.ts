/** A1 names for the page and the server alike (1-based rows and columns). */

export function columnName(col: number): string {
  let name = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26))
    name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}

export function cellName(row: number, col: number): string {
  return `${columnName(col)}${row}`;
}

/** "C23" -> { row: 23, col: 3 }; null for anything else (ranges included). */
export function parseCellName(a1: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,3})([1-9]\d{0,6})$/.exec(a1.trim().toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1] ?? '') col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}
