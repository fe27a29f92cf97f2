/**
 * The add-on's custom-function calls as native Excel formulas: each argument seen as Apps Script
 * hands it over (a range as rows of values, a cell as its value), the call handed to its native
 * translation (native.ts), and a call nested in another formula replaced by its one value.
 */
import { isDateFormat } from '../emulator/index';
import { render, type Node, type RefNode, type RenderContext } from './formula';
import {
  NATIVE,
  Untranslatable,
  type ArgView,
  type CallContext,
  type Helpers,
  type Translation,
} from './native';
import { spec, type Words } from './probe';
import type { SourceSheet, SourceWorkbook } from './source';

/** What the translation of calls reads of the workbook, and where it puts helper cells. */
export interface CallScope {
  /** the workbook's sheets by lower-case name */
  sheets: ReadonlyMap<string, SourceSheet>;
  /** the workbook's named ranges by upper-case name */
  named: ReadonlyMap<string, SourceWorkbook['namedRanges'][number]>;
  /** original sheet name → name in the file */
  sheetName(original: string): string;
  helpers: Helpers;
  /** the custom functions' words on a sheet (they speak its user's language) */
  fnWords(sheet: string): Words;
  /** why a call with no native equivalent is exported as its value */
  noNative(fn: string): string;
}

export interface CallTranslator {
  /** a custom function's call written on `host` ("where" is the cell, for helper labels) */
  translateCall(
    node: Extract<Node, { t: 'call' }>,
    source: string,
    host: string,
    where: string,
  ): Translation;
  /** how a formula of `source` renders on `host`, its nested custom-function calls translated */
  renderContext(source: string, host: string, where: string): RenderContext;
}

type Rectangle = { sheet: string; row: number; col: number; rows: number; cols: number };

export function callTranslator(scope: CallScope): CallTranslator {
  const { sheets, named, sheetName, helpers } = scope;

  /** A reference or a named range as a rectangle (1-based), or null. */
  const rectOf = (node: Node, source: string): Rectangle | null => {
    if (node.t === 'ref') {
      if (node.kind === 'cols' || node.kind === 'rows') return null;
      const b = node.b ?? node.a;
      const sheet = sheets.get((node.sheet ?? source).toLowerCase())?.name ?? node.sheet ?? source;
      return {
        sheet,
        row: Math.min(node.a.row, b.row),
        col: Math.min(node.a.col, b.col),
        rows: Math.abs(b.row - node.a.row) + 1,
        cols: Math.abs(b.col - node.a.col) + 1,
      };
    }
    if (node.t === 'name') {
      const n = named.get(node.name.toUpperCase());
      if (!n) return null;
      return {
        sheet: n.sheet,
        row: n.rect.row + 1,
        col: n.rect.col + 1,
        rows: n.rect.rows,
        cols: n.rect.cols,
      };
    }
    return null;
  };

  const argView = (node: Node, source: string): ArgView => {
    if (node.t === 'ref' && (node.kind === 'cols' || node.kind === 'rows'))
      throw new Untranslatable('whole columns or rows');
    const r = rectOf(node, source);
    // A range (even of one cell) arrives as rows of values; a cell or a named cell as its value.
    const isRange =
      r !== null && ((node.t === 'ref' && node.kind === 'range') || r.rows * r.cols > 1);
    return { node, range: isRange ? r : null };
  };

  const contextFor = (source: string, host: string, where: string): CallContext => {
    const ctx: CallContext = {
      words: scope.fnWords(source),
      host,
      where,
      helpers,
      element: (arg, i, j): Node => {
        if (!arg.range) return arg.node;
        // a one-cell range is the same value for every element (elementwise.ts broadcasts 1×1)
        const one = arg.range.rows * arg.range.cols === 1;
        const ref: RefNode = {
          t: 'ref',
          sheet: arg.range.sheet,
          kind: 'cell',
          a: { row: arg.range.row + (one ? 0 : i), col: arg.range.col + (one ? 0 : j) },
        };
        return ref;
      },
      text: (node, h) => render(node, renderContext(source, h, where)),
      dated: (arg, i, j) => {
        const cell = ctx.element(arg, i, j);
        const r = rectOf(cell, source);
        if (!r || r.rows * r.cols !== 1) return false;
        return isDateFormat(sheets.get(r.sheet.toLowerCase())?.attrs(r.row, r.col)?.numberFormat);
      },
    };
    return ctx;
  };

  const translateCall: CallTranslator['translateCall'] = (node, source, host, where) => {
    const fn = NATIVE[node.name.toUpperCase()];
    if (!fn) throw new Untranslatable(scope.noNative(node.name.toUpperCase()));
    const args = node.args
      .filter((a, i) => !(a.t === 'empty' && i === node.args.length - 1))
      .map((a) => argView(a, source));
    return fn(contextFor(source, host, where), args);
  };

  const renderContext = (source: string, host: string, where: string): RenderContext => ({
    host,
    source,
    sheetName,
    call: (node) => {
      if (!spec(node.name)) return undefined;
      const t = translateCall(node, source, host, where);
      // A nested call must give one value; a range result inside another formula is not translated.
      if (t.rows * t.cols !== 1) throw new Untranslatable('an array result inside another formula');
      return t.element(0, 0);
    },
  });

  return { translateCall, renderContext };
}
