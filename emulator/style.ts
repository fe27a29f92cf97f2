// Normalising style values the way Sheets reports them back (colours as lower-case #rrggbb).

const NAMED: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  gray: '#808080',
  grey: '#808080',
  purple: '#800080',
  lightgray: '#d3d3d3',
  lightgrey: '#d3d3d3',
};

export function normalizeColor(color: string | null | undefined): string | undefined {
  if (color === null || color === undefined || color === '') return undefined;
  const c = String(color).trim().toLowerCase();
  if (NAMED[c]) return NAMED[c];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return c;
}

export const DEFAULTS = {
  background: '#ffffff',
  fontColor: '#000000',
  fontWeight: 'normal',
  fontStyle: 'normal',
  fontSize: 10,
  columnWidth: 100,
  rowHeight: 21,
};
