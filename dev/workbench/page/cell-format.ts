/**
 * How one snapshot cell looks (Sheets' defaults where the add-on set nothing) and what editing it
 * starts with.
 */
import type { SheetSnapshot } from '../protocol';

export type Cell = SheetSnapshot['cells'][number];

const ALIGN: Record<string, string> = {
  left: 'left',
  center: 'center',
  right: 'right',
  'general-left': 'left',
  'general-right': 'right',
  normal: '',
};
const VALIGN: Record<string, string> = { top: 'top', middle: 'middle', bottom: 'bottom' };

export function cellStyle(cell: Cell | undefined): Partial<CSSStyleDeclaration> {
  const a = cell?.attrs ?? {};
  const style: Partial<CSSStyleDeclaration> = {};
  if (a.background && a.background !== '#ffffff') style.background = a.background;
  if (a.fontColor) style.color = a.fontColor;
  if (a.fontWeight === 'bold') style.fontWeight = '700';
  if (a.fontStyle === 'italic') style.fontStyle = 'italic';
  if (a.fontSize) style.fontSize = `${a.fontSize}pt`;
  // Sheets aligns numbers right and booleans centred unless told otherwise.
  const v = cell?.value;
  const dflt = typeof v === 'number' ? 'right' : typeof v === 'boolean' ? 'center' : 'left';
  style.textAlign = ALIGN[(a.horizontalAlignment ?? '').toLowerCase()] || dflt;
  style.verticalAlign = VALIGN[(a.verticalAlignment ?? '').toLowerCase()] ?? 'bottom';
  return style;
}

export function wraps(cell: Cell | undefined): boolean {
  const a = cell?.attrs;
  return (
    a?.wrapStrategy === 'WRAP' ||
    (a?.wrap === true && a.wrapStrategy !== 'OVERFLOW' && a.wrapStrategy !== 'CLIP')
  );
}

/** What the formula bar shows: the formula, or the value as a user would type it in this locale. */
export function editText(cell: Cell | undefined, locale: string): string {
  if (!cell) return '';
  if (cell.formula) return cell.formula;
  const v = cell.value;
  if (typeof v === 'number') {
    const percent = /%/.test(cell.attrs?.numberFormat ?? '');
    const n = percent ? Number((v * 100).toPrecision(15)) : v;
    const text = String(n);
    const decimal = (1.5).toLocaleString(locale.replace('_', '-')).charAt(1) || '.';
    return (decimal === '.' ? text : text.replace('.', decimal)) + (percent ? '%' : '');
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v === null || v === undefined ? '' : String(v);
}
