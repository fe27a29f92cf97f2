/**
 * Sheets formulas (the English syntax Apps Script writes and reads) as a syntax tree, and
 * back to text for Excel and LibreOffice. The export translates what a sheet actually
 * holds, formula by formula: references are parsed (so sheets renamed for Excel's 31
 * characters are followed, and a custom function's arguments can be resolved to the cells
 * they read), and every call is a node the translation can replace.
 */
import { colName, colNumber } from '../src/core/map/layout';
import { formulaText, quoteSheet } from '../src/core/map/links';

export interface CellAddress {
  row: number;
  col: number;
  absRow?: boolean;
  absCol?: boolean;
}

/**
 * A reference as written: a cell or a rectangle, whole columns or rows, on a named sheet or on the
 * formula's own.
 */
export type RefNode = {
  t: 'ref';
  sheet: string | null;
  kind: 'cell' | 'range' | 'cols' | 'rows';
  a: CellAddress;
  b?: CellAddress;
};

export type Node =
  | { t: 'num'; text: string }
  | { t: 'str'; value: string }
  | { t: 'bool'; value: boolean }
  | { t: 'err'; code: string }
  | RefNode
  | { t: 'name'; name: string }
  | { t: 'call'; name: string; args: Node[] }
  | { t: 'unary'; op: '-' | '+'; e: Node }
  | { t: 'percent'; e: Node }
  | { t: 'binary'; op: string; l: Node; r: Node }
  | { t: 'paren'; e: Node }
  | { t: 'array'; rows: Node[][] }
  | { t: 'empty' }
  /** formula text produced by a translation, rendered as is */
  | { t: 'raw'; text: string };

export class FormulaSyntaxError extends Error {}

const ERRORS = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#ERROR!',
  '#SPILL!',
  '#CALC!',
];

type Token =
  | { k: 'num'; text: string }
  | { k: 'str'; value: string }
  | { k: 'err'; code: string }
  | { k: 'ref'; node: RefNode }
  | { k: 'fn'; name: string }
  | { k: 'name'; name: string }
  | { k: 'op'; op: string }
  | { k: 'punct'; ch: string };

function address(text: string): CellAddress {
  const m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/.exec(text);
  if (!m) throw new FormulaSyntaxError(`not a cell: ${text}`);
  return {
    col: colNumber(m[2] as string),
    row: Number(m[4]),
    absCol: m[1] === '$',
    absRow: m[3] === '$',
  };
}

const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const REF_BODY = new RegExp(
  String.raw`^(?:(${CELL})(?::(${CELL}))?|(\$?[A-Za-z]{1,3}):(\$?[A-Za-z]{1,3})|(\$?\d+):(\$?\d+))(?![A-Za-z0-9_.(!])`,
);

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let pos = 0;
  const fail = (why: string): never => {
    throw new FormulaSyntaxError(`${why} at character ${pos + 1} of ${src}`);
  };
  const refAt = (sheet: string | null, from: number): RefNode | null => {
    const m = REF_BODY.exec(src.slice(from));
    if (!m) return null;
    pos = from + m[0].length;
    if (m[1])
      return m[2]
        ? { t: 'ref', sheet, kind: 'range', a: address(m[1]), b: address(m[2]) }
        : { t: 'ref', sheet, kind: 'cell', a: address(m[1]) };
    if (m[3] && m[4]) {
      const c = (s: string): CellAddress => ({
        row: 0,
        col: colNumber(s.replace('$', '')),
        absCol: s.startsWith('$'),
      });
      return { t: 'ref', sheet, kind: 'cols', a: c(m[3]), b: c(m[4]) };
    }
    const r = (s: string): CellAddress => ({
      row: Number(s.replace('$', '')),
      col: 0,
      absRow: s.startsWith('$'),
    });
    return { t: 'ref', sheet, kind: 'rows', a: r(m[5] as string), b: r(m[6] as string) };
  };
  /** The text between `quote` at pos and its closing one, a doubled quote standing for one. */
  const quoted = (quote: string, what: string): string => {
    let text = '';
    pos++;
    for (;;) {
      if (pos >= src.length) fail(`unterminated ${what}`);
      if (src[pos] === quote) {
        if (src[pos + 1] === quote) {
          text += quote;
          pos += 2;
          continue;
        }
        pos++;
        return text;
      }
      text += src[pos++];
    }
  };
  while (pos < src.length) {
    const ch = src[pos] as string;
    const rest = src.slice(pos);
    if (/\s/.test(ch)) {
      pos++;
      continue;
    }
    if (ch === '"') {
      out.push({ k: 'str', value: quoted('"', 'string') });
      continue;
    }
    if (ch === "'") {
      // A quoted sheet name: 'It''s here'!A1
      const name = quoted("'", 'sheet name');
      if (src[pos] !== '!') fail(`a quoted sheet name must be followed by "!"`);
      const ref = refAt(name, pos + 1);
      if (!ref) fail(`a reference must follow '${name}'!`);
      out.push({ k: 'ref', node: ref as RefNode });
      continue;
    }
    if (ch === '#') {
      const code = ERRORS.find((e) => rest.toUpperCase().startsWith(e));
      if (!code) fail('unknown error literal');
      out.push({ k: 'err', code: code as string });
      pos += (code as string).length;
      continue;
    }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(rest);
    if (num && !/^\d+:\$?\d/.test(rest)) {
      out.push({ k: 'num', text: num[0] });
      pos += num[0].length;
      continue;
    }
    // An unquoted sheet name: Sheet1!A1
    const sheet = /^([A-Za-z_\u00c0-\uffff][\w.\u00c0-\uffff]*)!/.exec(rest);
    if (sheet) {
      const ref = refAt(sheet[1] as string, pos + sheet[0].length);
      if (!ref) fail(`a reference must follow ${sheet[0]}`);
      out.push({ k: 'ref', node: ref as RefNode });
      continue;
    }
    const ref = refAt(null, pos);
    if (ref) {
      out.push({ k: 'ref', node: ref });
      continue;
    }
    const ident = /^[A-Za-z_\u00c0-\uffff][\w.\u00c0-\uffff]*/.exec(rest);
    if (ident) {
      pos += ident[0].length;
      const call = /^\s*\(/.exec(src.slice(pos));
      out.push(call ? { k: 'fn', name: ident[0] } : { k: 'name', name: ident[0] });
      continue;
    }
    const op = /^(<>|<=|>=|[-+*/^&=<>%])/.exec(rest);
    if (op) {
      out.push({ k: 'op', op: op[0] });
      pos += op[0].length;
      continue;
    }
    if ('(),;{}'.includes(ch)) {
      out.push({ k: 'punct', ch });
      pos++;
      continue;
    }
    fail(`unexpected "${ch}"`);
  }
  return out;
}

const BINARY: Record<string, number> = {
  '=': 1,
  '<>': 1,
  '<': 1,
  '>': 1,
  '<=': 1,
  '>=': 1,
  '&': 2,
  '+': 3,
  '-': 3,
  '*': 4,
  '/': 4,
  '^': 5,
};

/**
 * Parses a formula, with or without its leading "=". Throws FormulaSyntaxError on anything it does
 * not understand.
 */
export function parseFormula(formula: string): Node {
  const src = formula.startsWith('=') ? formula.slice(1) : formula;
  const tokens = tokenize(src);
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const fail = (why: string): never => {
    throw new FormulaSyntaxError(`${why} in ${formula}`);
  };
  const isPunct = (t: Token | undefined, ch: string) => t?.k === 'punct' && t.ch === ch;

  const expr = (minPrec = 1): Node => {
    let left = unary();
    for (;;) {
      const t = peek();
      if (t?.k !== 'op' || t.op === '%') break;
      const prec = BINARY[t.op];
      if (prec === undefined || prec < minPrec) break;
      i++;
      // "^" is left-associative in Sheets and Excel, like the others.
      const right = expr(prec + 1);
      left = { t: 'binary', op: t.op, l: left, r: right };
    }
    return left;
  };
  const unary = (): Node => {
    const t = peek();
    if (t?.k === 'op' && (t.op === '-' || t.op === '+')) {
      i++;
      return { t: 'unary', op: t.op, e: unary() };
    }
    let e = primary();
    while (peek()?.k === 'op' && (peek() as { op: string }).op === '%') {
      i++;
      e = { t: 'percent', e };
    }
    return e;
  };
  const primary = (): Node => {
    const t = tokens[i++];
    if (!t) return fail('unexpected end');
    switch (t.k) {
      case 'num':
        return { t: 'num', text: t.text };
      case 'str':
        return { t: 'str', value: t.value };
      case 'err':
        return { t: 'err', code: t.code };
      case 'ref':
        return t.node;
      case 'name': {
        const upper = t.name.toUpperCase();
        if (upper === 'TRUE' || upper === 'FALSE') return { t: 'bool', value: upper === 'TRUE' };
        return { t: 'name', name: t.name };
      }
      case 'fn': {
        if (!isPunct(tokens[i++], '(')) fail(`"(" expected after ${t.name}`);
        const args: Node[] = [];
        if (isPunct(peek(), ')')) {
          i++;
          return { t: 'call', name: t.name, args };
        }
        for (;;) {
          args.push(isPunct(peek(), ',') || isPunct(peek(), ')') ? { t: 'empty' } : expr());
          const sep = tokens[i++];
          if (isPunct(sep, ')')) break;
          if (!isPunct(sep, ',')) fail(`"," or ")" expected in ${t.name}(`);
        }
        return { t: 'call', name: t.name, args };
      }
      case 'punct': {
        if (t.ch === '(') {
          const e = expr();
          if (!isPunct(tokens[i++], ')')) fail('missing ")"');
          return { t: 'paren', e };
        }
        if (t.ch === '{') {
          const rows: Node[][] = [[]];
          for (;;) {
            (rows[rows.length - 1] as Node[]).push(expr());
            const sep = tokens[i++];
            if (isPunct(sep, '}')) break;
            if (isPunct(sep, ';')) rows.push([]);
            else if (!isPunct(sep, ',')) fail('"," ";" or "}" expected in an array');
          }
          return { t: 'array', rows };
        }
        return fail(`unexpected "${t.ch}"`);
      }
      case 'op':
        return fail(`unexpected "${t.op}"`);
    }
  };

  const root = expr();
  if (i < tokens.length) fail('unexpected text after the formula');
  return root;
}

export function cellRef(row: number, col: number, absolute = false): string {
  const d = absolute ? '$' : '';
  return `${d}${colName(col)}${d}${row}`;
}

const addressText = (a: CellAddress): string =>
  `${a.absCol ? '$' : ''}${colName(a.col)}${a.absRow ? '$' : ''}${a.row}`;

/**
 * How rendering places a formula: the sheet it is written on, the sheet its unqualified references
 * mean, and sheet renames.
 */
export interface RenderContext {
  /** the (original) name of the sheet the rendered formula is written on */
  host: string;
  /** the (original) name of the sheet the formula's unqualified references belong to */
  source: string;
  /** original sheet name → its name in the file */
  sheetName(original: string): string;
  /** a call's replacement, or undefined to render it as written */
  call?(node: Extract<Node, { t: 'call' }>, render: (n: Node) => string): string | undefined;
  /** a name's replacement (named ranges are kept as names by default) */
  name?(name: string): string | undefined;
}

export function renderRef(
  ref: RefNode,
  ctx: Pick<RenderContext, 'host' | 'source' | 'sheetName'>,
): string {
  const sheet = ref.sheet ?? ctx.source;
  const prefix =
    ref.sheet !== null || sheet.toLowerCase() !== ctx.host.toLowerCase()
      ? `${quoteSheet(ctx.sheetName(sheet))}!`
      : '';
  if (ref.kind === 'cell') return prefix + addressText(ref.a);
  if (ref.kind === 'range')
    return `${prefix}${addressText(ref.a)}:${addressText(ref.b as CellAddress)}`;
  if (ref.kind === 'cols') {
    const c = (a: CellAddress) => `${a.absCol ? '$' : ''}${colName(a.col)}`;
    return `${prefix}${c(ref.a)}:${c(ref.b as CellAddress)}`;
  }
  const r = (a: CellAddress) => `${a.absRow ? '$' : ''}${a.row}`;
  return `${prefix}${r(ref.a)}:${r(ref.b as CellAddress)}`;
}

/** Formula text (without "=") for Excel's file format: English names, "," between arguments. */
export function render(node: Node, ctx: RenderContext): string {
  const r = (n: Node): string => render(n, ctx);
  switch (node.t) {
    case 'num':
      return node.text;
    case 'str':
      return formulaText(node.value);
    case 'bool':
      return node.value ? 'TRUE' : 'FALSE';
    case 'err':
      // Excel has no #ERROR!: Sheets' "error in a formula" reads closest as #VALUE!.
      return node.code === '#ERROR!' ? '#VALUE!' : node.code;
    case 'ref':
      return renderRef(node, ctx);
    case 'name':
      return ctx.name?.(node.name) ?? node.name;
    case 'call':
      return ctx.call?.(node, r) ?? `${node.name}(${node.args.map(r).join(',')})`;
    case 'unary':
      return `${node.op}${r(node.e)}`;
    case 'percent':
      return `${r(node.e)}%`;
    case 'binary':
      return `${r(node.l)}${node.op}${r(node.r)}`;
    case 'paren':
      return `(${r(node.e)})`;
    case 'array':
      return `{${node.rows.map((row) => row.map(r).join(',')).join(';')}}`;
    case 'empty':
      return '';
    case 'raw':
      return node.text;
  }
}

/** Every node of a tree, depth first (a call before its arguments). */
export function* walk(node: Node): Generator<Node> {
  yield node;
  switch (node.t) {
    case 'call':
      for (const a of node.args) yield* walk(a);
      break;
    case 'unary':
    case 'percent':
    case 'paren':
      yield* walk(node.e);
      break;
    case 'binary':
      yield* walk(node.l);
      yield* walk(node.r);
      break;
    case 'array':
      for (const row of node.rows) for (const n of row) yield* walk(n);
      break;
    default:
  }
}

/** The names of the functions a formula calls, upper-case. */
export function calledFunctions(node: Node): Set<string> {
  const names = new Set<string>();
  for (const n of walk(node)) if (n.t === 'call') names.add(n.name.toUpperCase());
  return names;
}

/** Excel's limits on one formula: 8,192 characters, 64 levels of nested functions. */
export const EXCEL_LIMITS = { length: 8192, nesting: 64 } as const;

/**
 * A formula's length and the deepest nesting of its function calls (parentheses outside strings).
 */
export function formulaSize(formula: string): { length: number; nesting: number } {
  let depth = 0;
  let deepest = 0;
  let quoted: string | null = null;
  for (const ch of formula) {
    if (quoted) {
      if (ch === quoted) quoted = null;
      continue;
    }
    if (ch === '"' || ch === "'") quoted = ch;
    else if (ch === '(') deepest = Math.max(deepest, ++depth);
    else if (ch === ')') depth--;
  }
  return { length: formula.length, nesting: deepest };
}
