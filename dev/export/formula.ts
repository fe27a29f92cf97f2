/**
 * Sheets formulas → formulas Excel and LibreOffice compute natively. A formula is parsed
 * into function calls (strings, quoted sheet names, nested parentheses and array literals
 * respected), and each call to a function in NATIVE is rewritten from its already
 * rewritten arguments. Everything else passes through unchanged: the plans only use
 * functions both spreadsheet programs have (IF, OR, INDEX, MATCH, IFERROR, ISNUMBER, AND).
 */

export type Expr = Node[];
export type Node =
  | { kind: 'text'; text: string }
  | { kind: 'call'; name: string; args: Expr[] }
  | { kind: 'group'; open: '(' | '{'; body: Expr };

const CLOSE = { '(': ')', '{': '}' } as const;

/** Parses a formula (with or without its leading "="). Throws on unbalanced brackets or an open string. */
export function parseFormula(formula: string): Expr {
  const src = formula.startsWith('=') ? formula.slice(1) : formula;
  let pos = 0;

  const fail = (why: string): never => {
    throw new Error(`cannot parse formula ${formula}: ${why} at character ${pos + 1}`);
  };

  // Reads "…" or '…' (the quote doubled inside), returned with its quotes.
  const quoted = (q: string): string => {
    const start = pos++;
    for (;;) {
      if (pos >= src.length) fail(`unterminated ${q === '"' ? 'string' : 'sheet name'}`);
      if (src[pos] === q) {
        if (src[pos + 1] === q) pos += 2;
        else return src.slice(start, ++pos);
      } else pos++;
    }
  };

  // `stop` is the closing bracket that ends this expression; inside a call a top-level comma ends it too.
  const expr = (stop: string | null, commaEnds: boolean): Expr => {
    const out: Expr = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ kind: 'text', text });
      text = '';
    };
    while (pos < src.length) {
      const ch = src[pos] as string;
      if (ch === stop || (commaEnds && ch === ',')) break;
      if (ch === ')' || ch === '}') fail(`unexpected "${ch}"`);
      if (ch === '"' || ch === "'") {
        text += quoted(ch);
        continue;
      }
      const fn = /^[A-Za-z_][A-Za-z0-9_.]*(?=\s*\()/.exec(src.slice(pos));
      // A name right after a letter, digit or "$" is part of something else (a sheet-qualified name, say).
      if (fn && !/[A-Za-z0-9_.$]$/.test(text)) {
        flush();
        pos += fn[0].length;
        while (src[pos] !== '(') pos++;
        pos++;
        const args: Expr[] = [];
        if (/^\s*\)/.test(src.slice(pos))) pos = src.indexOf(')', pos);
        else {
          for (;;) {
            args.push(expr(')', true));
            if (src[pos] === ',') pos++;
            else break;
          }
        }
        if (src[pos] !== ')') fail(`missing ")" for ${fn[0]}(`);
        pos++;
        out.push({ kind: 'call', name: fn[0], args });
        continue;
      }
      if (ch === '(' || ch === '{') {
        flush();
        pos++;
        const body = expr(CLOSE[ch], false);
        if (src[pos] !== CLOSE[ch]) fail(`missing "${CLOSE[ch]}"`);
        pos++;
        out.push({ kind: 'group', open: ch, body });
        continue;
      }
      text += ch;
      pos++;
    }
    flush();
    return out;
  };

  const result = expr(null, false);
  if (pos < src.length) fail(`unexpected "${src[pos]}"`);
  return result;
}

/** The formula text of an expression, without "=". */
export function render(e: Expr): string {
  return e
    .map((n) => {
      if (n.kind === 'text') return n.text;
      if (n.kind === 'group') return n.open + render(n.body) + CLOSE[n.open];
      return `${n.name}(${n.args.map(render).join(',')})`;
    })
    .join('');
}

/** A cell range on the map's own sheet, 1-based. */
export interface Area {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function colName(col: number): string {
  let name = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}

export function cellRef(row: number, col: number, absolute = false): string {
  const d = absolute ? '$' : '';
  return `${d}${colName(col)}${d}${row}`;
}

export function areaRef(a: Area, absolute = true): string {
  const start = cellRef(a.row, a.col, absolute);
  return a.rows === 1 && a.cols === 1 ? start : `${start}:${cellRef(a.row + a.rows - 1, a.col + a.cols - 1, absolute)}`;
}

/** "$C$23:$H$23" or "B30" → an Area; null for anything else (an expression, another sheet). */
export function parseArea(text: string): Area | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(text.trim());
  if (!m) return null;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [r1, c1] = [Number(m[2]), col(m[1] as string)];
  const [r2, c2] = m[3] ? [Number(m[4]), col(m[3])] : [r1, c1];
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

/** A cell the export adds below the map so a translated formula can refer to it. */
export interface HelperCell {
  row: number;
  col: number;
  formula?: string;
  value?: string;
}

/** What a translation may ask of the workbook it goes into. */
export interface TranslateContext {
  /** reserves a fresh hidden row below the map and returns its number */
  helperRow(): number;
  helpers: HelperCell[];
  /** words for helper labels and notes, in the map's language */
  words: ExportWords;
}

export interface ExportWords {
  sparkline: string;
  helperLabel: string;
}

/** CJM_BOTTLENECK names an unlabelled stage "Stage N" in every language; the export does the same. */
const STAGE_WORD = 'Stage';

type NativeRule =
  | { args: [min: number, max: number]; native: (args: string[], ctx: TranslateContext) => string }
  /** no equivalent: the whole cell is left blank, with this note */
  | { drop: (words: ExportWords) => string };

/** Wraps an argument that is more than a single token, so substituting it keeps its precedence. */
function operand(arg: string): string {
  return /^[$A-Za-z0-9_.:]+$|^"(?:[^"]|"")*"$/.test(arg) ? arg : `(${arg})`;
}

/** The custom functions' "blank while any input is blank" rule, natively. */
function blankIfAnyBlank(args: string[], result: string): string {
  return `IF(OR(${args.map((a) => `${operand(a)}=""`).join(',')}),"",${result})`;
}

/**
 * CJM_BOTTLENECK needs the minimum over per-transition scores, which no single non-array
 * formula gives in both Excel and LibreOffice; so the scores go into a hidden helper row
 * below the map, one per stage, and the cell picks the first minimum with MATCH(MIN()).
 * Scores follow core/funnel weakestTransition: step conversion ÷ target where any target
 * is given (transitions without a target skipped), plain step conversion otherwise.
 */
function bottleneck(args: string[], ctx: TranslateContext): string {
  const [counts, labels, targets] = args.map((a) => parseArea(a));
  const bad = args.findIndex((_, i) => {
    const area = [counts, labels, targets][i];
    return !area || area.rows !== 1;
  });
  if (bad >= 0 || !counts || !labels) {
    throw new Error(`CJM_BOTTLENECK: argument ${bad + 1} (${args[bad] ?? ''}) must be a one-row range for the export`);
  }
  if (labels.cols !== counts.cols || (targets && targets.cols !== counts.cols)) {
    throw new Error('CJM_BOTTLENECK: counts, labels and targets must be ranges of the same width for the export');
  }
  const row = ctx.helperRow();
  const n = counts.cols;
  ctx.helpers.push({ row, col: 1, value: ctx.words.helperLabel });
  const laterTargets = targets && n > 1 ? areaRef({ ...targets, col: targets.col + 1, cols: n - 1 }) : null;
  for (let k = 1; k < n; k++) {
    const prev = cellRef(counts.row, counts.col + k - 1);
    const cur = cellRef(counts.row, counts.col + k);
    const step = `${cur}/${prev}`;
    let score = step;
    if (targets && laterTargets) {
      const t = cellRef(targets.row, targets.col + k);
      score = `IF(COUNT(${laterTargets})>0,IF(ISNUMBER(${t}),${step}/${t},""),${step})`;
    }
    ctx.helpers.push({ row, col: counts.col + k, formula: `IF(OR(${prev}="",${cur}="",${prev}=0),"",${score})` });
  }
  const scores = areaRef({ row, col: counts.col, rows: 1, cols: n });
  const at = `MATCH(MIN(${scores}),${scores},0)`;
  const label = (k: string) => {
    const cell = `INDEX(${areaRef(labels)},1,${k})`;
    return `IF(${cell}="","${STAGE_WORD} "&(${k}),${cell})`;
  };
  return `IF(COUNT(${scores})=0,"",${label(`${at}-1`)}&" → "&${label(at)})`;
}

/** One entry per function that has to change on the way to Excel. */
const NATIVE: Record<string, NativeRule> = {
  CJM_CONVERSION: { args: [2, 2], native: ([from = '', to = '']) => blankIfAnyBlank([from, to], `${operand(to)}/${operand(from)}`) },
  CJM_REVENUE: { args: [3, 4], native: (a) => blankIfAnyBlank(a, a.map(operand).join('*')) },
  CJM_BOTTLENECK: { args: [2, 3], native: bottleneck },
  SPARKLINE: { drop: (w) => w.sparkline },
};

export type Translation = { formula: string; note?: undefined } | { formula: null; note: string };

/**
 * The native form of a Sheets formula (with "="), or null plus a note when the cell has no
 * equivalent. Throws for a CJM_ function without an entry in NATIVE, so a new custom
 * function cannot slip into an export as a #NAME? error.
 */
export function translateFormula(formula: string, ctx: TranslateContext): Translation {
  let dropped: string | null = null;
  const rewrite = (e: Expr): string =>
    e
      .map((n) => {
        if (n.kind === 'text') return n.text;
        if (n.kind === 'group') return n.open + rewrite(n.body) + CLOSE[n.open];
        const name = n.name.toUpperCase();
        const rule = NATIVE[name];
        const args = n.args.map((a) => rewrite(a).trim());
        if (!rule) {
          if (name.startsWith('CJM_')) throw new Error(`${name} has no native equivalent for the export yet; add an entry to NATIVE in dev/export/formula.ts`);
          return `${n.name}(${args.join(',')})`;
        }
        if ('drop' in rule) {
          dropped ??= rule.drop(ctx.words);
          return '""';
        }
        const [min, max] = rule.args;
        if (args.length < min || args.length > max) {
          throw new Error(`${name} takes ${min === max ? min : `${min} to ${max}`} arguments, got ${args.length} in ${formula}`);
        }
        return rule.native(args, ctx);
      })
      .join('');
  const native = `=${rewrite(parseFormula(formula))}`;
  return dropped === null ? { formula: native } : { formula: null, note: dropped };
}
