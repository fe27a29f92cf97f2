/**
 * A workbook as the export reads it: every sheet's cells (what was typed or written, and what
 * the add-on computed), formats, notes, validations, merges, sizes, rules, protections and
 * charts, the named ranges, the locale. Read from the emulator's Workbook (the workbench's
 * document, the CLI's and the tests' workbooks) without service calls.
 */
import {
  type Rect,
  type CellAttrs,
  type ChartSpec,
  type ConditionalRuleSpec,
  type ProtectionSpec,
  type Workbook,
  type SparklineSeries,
  type CellContent,
  rawToContent,
} from '../emulator/index';
import type { RawCellContent } from 'hyperformula';

export type { CellAttrs, ChartSpec, ConditionalRuleSpec, ProtectionSpec, Rect };

/** What a cell holds: nothing, a formula ("=…"), or a value (text is text, never parsed again). */
export type Content = CellContent;

export interface SourceCell {
  content: Content;
  /** what the cell shows: a number (dates as serial numbers), text, a boolean, "" for blank */
  value: number | string | boolean;
  /** the error the cell shows (#ERROR!, #REF!, …), with the add-on's message */
  error?: { code: string; message: string };
  /** filled by a neighbouring formula's array result */
  spilled: boolean;
  /** what the cell's SPARKLINE draws, when it draws one */
  sparkline?: SparklineSeries;
}

export interface SourceSheet {
  name: string;
  /**
   * the user language its custom functions spoke, when it differs from the workbook's (sheets
   * merged from several workbooks)
   */
  userLocale?: string;
  rows: number;
  cols: number;
  /** 1-based [row][col]; absent cells are empty */
  cell(row: number, col: number): SourceCell | undefined;
  /** every cell with content, a value or attributes, 1-based */
  cells(): Iterable<{
    row: number;
    col: number;
    cell: SourceCell | undefined;
    attrs: CellAttrs | undefined;
  }>;
  attrs(row: number, col: number): CellAttrs | undefined;
  frozenRows: number;
  frozenCols: number;
  /** 1-based column → pixels, row → pixels */
  colWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  /** 0-based rectangles, as the emulator keeps them */
  merges: Rect[];
  conditionalRules: ConditionalRuleSpec[];
  protections: ProtectionSpec[];
  charts: ChartSpec[];
}

export interface SourceWorkbook {
  name: string;
  locale: string;
  /** the user's language (what Session.getActiveUserLocale gives): custom functions speak it */
  userLocale: string;
  sheets: SourceSheet[];
  activeSheet: string;
  /** 0-based rectangles */
  namedRanges: { name: string; sheet: string; rect: Rect }[];
}

const key = (row: number, col: number) => `${row},${col}`;

/** Reads an emulator workbook (not counted as service calls, no AuthMode). */
export function readWorkbook(wb: Workbook): SourceWorkbook {
  const json = wb.toJSON();
  const engine = wb.model.engine;
  const sheets = json.sheets.map((s): SourceSheet => {
    const cells = new Map<string, SourceCell>();
    const { lastRow, lastCol } = engine.extent(s.name);
    for (let r = 0; r <= lastRow; r++) {
      for (let c = 0; c <= lastCol; c++) {
        const content = rawToContent(s.cells[r]?.[c] as RawCellContent);
        const read = engine.read(s.name, r, c);
        if (content.kind === 'empty' && read.value === '' && !read.spilled && !read.error) continue;
        const sparkline = content.kind === 'formula' ? engine.sparkline(s.name, r, c) : undefined;
        cells.set(key(r + 1, c + 1), {
          content,
          value: read.value,
          ...(read.error ? { error: read.error } : {}),
          spilled: read.spilled,
          ...(sparkline ? { sparkline } : {}),
        });
      }
    }
    const attrs = new Map(
      s.attrs.map(([k, v]) => {
        const [r, c] = k.split(',').map(Number) as [number, number];
        return [key(r + 1, c + 1), v] as const;
      }),
    );
    return {
      name: s.name,
      rows: s.maxRows,
      cols: s.maxCols,
      cell: (row, col) => cells.get(key(row, col)),
      *cells() {
        const keys = new Set([...cells.keys(), ...attrs.keys()]);
        const sorted = [...keys]
          .map((k) => k.split(',').map(Number) as [number, number])
          .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        for (const [row, col] of sorted)
          yield { row, col, cell: cells.get(key(row, col)), attrs: attrs.get(key(row, col)) };
      },
      attrs: (row, col) => attrs.get(key(row, col)),
      frozenRows: s.frozenRows,
      frozenCols: s.frozenCols,
      colWidths: new Map(s.colWidths.map(([i, w]) => [i + 1, w])),
      rowHeights: new Map(s.rowHeights.map(([i, h]) => [i + 1, h])),
      merges: s.merges,
      conditionalRules: s.conditionalRules,
      protections: s.protections,
      charts: s.charts,
    };
  });
  return {
    name: json.name,
    locale: json.locale,
    userLocale: json.userLocale,
    sheets,
    activeSheet: json.activeSheet,
    namedRanges: json.namedRanges,
  };
}
