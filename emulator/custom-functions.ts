// HyperFormula plugins for what Sheets evaluates and HyperFormula does not:
//  - the add-on's custom functions (global functions with @customfunction in the bundle),
//    called with Apps Script argument semantics (a cell's value, a range as a 2-D array, ""
//    for blanks, a Date for a date cell, in the spreadsheet's time zone) and spilling their
//    array results;
//  - display-only Sheets functions (IMAGE, GOOGLEFINANCE) as placeholders (SPARKLINE computes
//    what it draws: sparkline.ts).
//
// Spilling: HyperFormula sizes array results when a formula is parsed, before any value
// is known, which cannot express "the output shape depends on the data". So a custom
// function cell stays a scalar cell in HyperFormula holding the top-left value, and the
// formula engine writes the rest of the array into the neighbouring cells as plain values
// it owns (see formula-engine.ts). The plugin decides collisions at evaluation time,
// so dependents of the anchor see the #REF! like in Sheets.
//
// When the function actually runs is the formula engine's decision (CustomFunctionHost.resolve):
// each custom-function cell is its own execution, run after the script execution that changed
// its inputs; until then it shows its old result, or "Loading..." if it had none.
import {
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type FunctionPluginDefinition,
  type ImplementedFunctions,
} from 'hyperformula';
import { cellA1 } from './a1';
import { dateToSerial, serialToDate } from './cell-input';
import { errorMessage, isDate } from './errors';
import { PARSE_ERROR_MESSAGE, UNPARSED_FUNCTION } from './formula-syntax';

/** HyperFormula's internal scalar as seen by a plugin (numbers may be boxed with a subtype). */
type InternalScalar =
  | number
  | string
  | boolean
  | CellError
  | typeof EmptyValue
  | { val: number; getDetailedType?: () => string };
type HfCell = number | string | boolean | CellError | typeof EmptyValue;

interface Address {
  sheet: number;
  row: number;
  col: number;
}
interface ProcedureAstLike {
  args: unknown[];
}
interface ArgAstLike {
  type?: string;
  reference?: { toSimpleCellAddress(base: Address): Address };
}
interface StateLike {
  formulaAddress: Address;
  formulaVertex?: { formula?: unknown };
}
interface VertexLike {
  formula?: unknown;
  getCellValue?: () => unknown;
}
interface PluginInternals {
  evaluateAst(ast: unknown, state: StateLike): unknown;
  dependencyGraph: { getCell(addr: Address): VertexLike | undefined };
}

export type SpillRecord =
  | { kind: 'single'; at: Address }
  | { kind: 'array'; at: Address; grid: HfCell[][] }
  | { kind: 'blocked'; at: Address; rows: number; cols: number };

/** What a custom-function call resolves to: its result (computed now or kept), or "not yet". */
export type Resolution = { out: unknown } | { loading: true };

export interface CustomFunctionHost {
  /**
   * Runs the bundle's function now, reuses its kept result, or defers it (the script's
   * execution is still running): see FormulaEngine. Throws what the function throws.
   */
  resolve(at: Address, name: string, args: unknown[], topLevel: boolean): Resolution;
  /** Which spill anchor (key) owns this cell, if any. */
  ownerOf(sheet: number, row: number, col: number): string | undefined;
  anchorKey(at: Address): string;
  sheetSize(sheet: number): { rows: number; cols: number };
  /**
   * Whether a cell's number format shows a date or a time (its number reaches scripts as a Date).
   */
  isDateCell(at: Address): boolean;
  /** The spreadsheet's time zone, in which date serials are wall-clock times. */
  timeZone(): string;
  record(rec: SpillRecord): void;
}

/** What a script reads while a custom function has not computed yet. */
export const LOADING = 'Loading...';
/**
 * Message of the error a nested, not yet computed custom call gives its formula (read as LOADING).
 */
export const LOADING_ERROR = 'emulator: custom function still loading';

const ERROR_TEXT: Record<string, string> = {
  DIV_BY_ZERO: '#DIV/0!',
  NA: '#N/A',
  NAME: '#NAME?',
  NUM: '#NUM!',
  REF: '#REF!',
  VALUE: '#VALUE!',
  CYCLE: '#REF!',
  SPILL: '#REF!',
  ERROR: '#ERROR!',
  LIC: '#LIC!',
};

export function errorText(type: string): string {
  return ERROR_TEXT[type] ?? `#${type}!`;
}

const DATE_TYPES = new Set(['NUMBER_DATE', 'NUMBER_DATETIME', 'NUMBER_TIME']);

/**
 * One HyperFormula value -> what an Apps Script custom function receives: "" for a blank, the
 * error's text, and for a number that is a date or a time (a date-formatted cell, or a DATE()
 * result) a Date: the instant its wall-clock time names in the spreadsheet's time zone.
 */
function toScriptScalar(
  v: InternalScalar,
  host: CustomFunctionHost,
  at: Address | undefined,
): unknown {
  if (v === EmptyValue) return '';
  if (v instanceof CellError) return errorText(v.type);
  let n: number | undefined;
  let dated = false;
  if (typeof v === 'object') {
    n = v.val;
    dated = DATE_TYPES.has(v.getDetailedType?.() ?? '');
  } else if (typeof v === 'number') n = v;
  if (n === undefined) return v;
  return dated || (at !== undefined && host.isDateCell(at)) ? serialToDate(n, host.timeZone()) : n;
}

/** The cell a scalar argument came from, when it is a plain cell reference. */
function referencedCell(ast: unknown, state: StateLike): Address | undefined {
  const a = ast as ArgAstLike;
  if (a.type !== 'CELL_REFERENCE' || !a.reference) return undefined;
  try {
    return a.reference.toSimpleCellAddress(state.formulaAddress);
  } catch {
    return undefined;
  }
}

function toHfScalar(v: unknown, timeZone: string): HfCell {
  if (v === null || v === undefined || v === '') return EmptyValue;
  if (typeof v === 'number')
    return Number.isFinite(v) ? v : new CellError(ErrorType.NUM, 'Result was not a finite number.');
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (isDate(v)) return dateToSerial(v, timeZone);
  return String(v);
}

/** A custom function's return value -> a rectangular grid (1-D arrays are one column). */
function toGrid(out: unknown, timeZone: string): HfCell[][] | CellError {
  if (!Array.isArray(out)) return [[toHfScalar(out, timeZone)]];
  if (out.length === 0) return new CellError(ErrorType.ERROR, 'Result was an empty array.');
  const rows: unknown[][] = out.map((r: unknown) => (Array.isArray(r) ? (r as unknown[]) : [r]));
  const width = Math.max(...rows.map((r) => r.length));
  if (width === 0) return new CellError(ErrorType.ERROR, 'Result was an empty array.');
  return rows.map((r) => Array.from({ length: width }, (_, i) => toHfScalar(r[i], timeZone)));
}

function isOccupied(
  plugin: PluginInternals,
  host: CustomFunctionHost,
  addr: Address,
  anchor: string,
): boolean {
  const owner = host.ownerOf(addr.sheet, addr.row, addr.col);
  if (owner !== undefined) return owner !== anchor;
  const vertex = plugin.dependencyGraph.getCell(addr);
  if (!vertex) return false;
  if (vertex.formula !== undefined) return true;
  return vertex.getCellValue?.() !== EmptyValue;
}

function evaluateCustom(
  plugin: PluginInternals,
  host: CustomFunctionHost,
  name: string,
  ast: ProcedureAstLike,
  state: StateLike,
): unknown {
  const args: unknown[] = [];
  for (const a of ast.args) {
    const v = plugin.evaluateAst(a, state);
    if (v instanceof CellError) return v;
    if (v instanceof SimpleRangeValue) {
      const start = (v as unknown as { range?: { start: Address } }).range?.start;
      args.push(
        v.data.map((row, i) =>
          row.map((c, j) =>
            toScriptScalar(
              c as InternalScalar,
              host,
              start && { sheet: start.sheet, row: start.row + i, col: start.col + j },
            ),
          ),
        ),
      );
    } else args.push(toScriptScalar(v as InternalScalar, host, referencedCell(a, state)));
  }
  const topLevel = state.formulaVertex !== undefined && state.formulaVertex.formula === ast;
  let out: unknown;
  try {
    const r = host.resolve(state.formulaAddress, name, args, topLevel);
    if ('loading' in r) return topLevel ? LOADING : new CellError(ErrorType.ERROR, LOADING_ERROR);
    out = r.out;
  } catch (e) {
    return new CellError(ErrorType.ERROR, errorMessage(e));
  }
  const grid = toGrid(out, host.timeZone());
  const at = state.formulaAddress;
  if (grid instanceof CellError) {
    if (topLevel) host.record({ kind: 'single', at });
    return grid;
  }
  const first = grid[0]?.[0] ?? EmptyValue;
  if (!topLevel)
    return grid.length === 1 && grid[0]?.length === 1
      ? first
      : SimpleRangeValue.onlyValues(grid as never);
  const rows = grid.length;
  const cols = grid[0]?.length ?? 1;
  if (rows === 1 && cols === 1) {
    host.record({ kind: 'single', at });
    return first;
  }
  const size = host.sheetSize(at.sheet);
  if (at.row + rows > size.rows || at.col + cols > size.cols) {
    host.record({ kind: 'blocked', at, rows, cols });
    const more =
      at.row + rows > size.rows
        ? `${at.row + rows - size.rows} rows`
        : `${at.col + cols - size.cols} columns`;
    return new CellError(
      ErrorType.REF,
      `Result was not automatically expanded, please insert more ${more}.`,
    );
  }
  const anchor = host.anchorKey(at);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (r === 0 && c === 0) continue;
      const cell = { sheet: at.sheet, row: at.row + r, col: at.col + c };
      if (isOccupied(plugin, host, cell, anchor)) {
        host.record({ kind: 'blocked', at, rows, cols });
        return new CellError(
          ErrorType.REF,
          `Array result was not expanded because it would overwrite data in ${cellA1(cell.row, cell.col)}.`,
        );
      }
    }
  }
  host.record({ kind: 'array', at, grid });
  return first;
}

const ANY_ARGS = {
  parameters: [{ argumentType: FunctionArgumentType.ANY, optionalArg: true }],
  repeatLastArgs: 1,
};

function registerNames(names: string[]): void {
  // Function names must be translated in the engine's language to be parsed.
  const tr: Record<string, string> = {};
  for (const n of names) tr[n] = n;
  HyperFormula.getLanguage('enGB').extendFunctions(tr);
}

/** Builds a plugin class whose functions call into the loaded bundle through `host`. */
export function customFunctionPlugin(
  names: string[],
  host: CustomFunctionHost,
): FunctionPluginDefinition {
  const implemented: ImplementedFunctions = {};
  class CustomFunctions extends FunctionPlugin {
    static override implementedFunctions = implemented;
  }
  for (const name of names) {
    const method = `custom_${name}`;
    implemented[name] = { method, ...ANY_ARGS };
    Object.defineProperty(CustomFunctions.prototype, method, {
      value(this: PluginInternals, ast: ProcedureAstLike, state: StateLike) {
        return evaluateCustom(this, host, name, ast, state);
      },
    });
  }
  registerNames(names);
  return CustomFunctions as unknown as FunctionPluginDefinition;
}

export const PLACEHOLDER_FUNCTIONS = ['IMAGE', 'GOOGLEFINANCE'];

/** Sheets functions that only draw something: they evaluate to "[NAME]" instead of #NAME?. */
export function placeholderPlugin(): FunctionPluginDefinition {
  const implemented: ImplementedFunctions = {};
  class Placeholders extends FunctionPlugin {
    static override implementedFunctions = implemented;
  }
  for (const name of PLACEHOLDER_FUNCTIONS) {
    const method = `placeholder_${name}`;
    implemented[name] = { method, ...ANY_ARGS, doesNotNeedArgumentsToBeComputed: true };
    Object.defineProperty(Placeholders.prototype, method, { value: () => `[${name}]` });
  }
  registerNames(PLACEHOLDER_FUNCTIONS);
  return Placeholders as unknown as FunctionPluginDefinition;
}

/**
 * The function a formula that did not parse is stored in (formula-syntax.ts keeps its text):
 * it shows #ERROR! with Sheets' message.
 */
export function unparsedPlugin(): FunctionPluginDefinition {
  const implemented: ImplementedFunctions = {};
  class Unparsed extends FunctionPlugin {
    static override implementedFunctions = implemented;
  }
  implemented[UNPARSED_FUNCTION] = {
    method: 'unparsed',
    ...ANY_ARGS,
    doesNotNeedArgumentsToBeComputed: true,
  };
  Object.defineProperty(Unparsed.prototype, 'unparsed', {
    value: () => new CellError(ErrorType.ERROR, PARSE_ERROR_MESSAGE),
  });
  registerNames([UNPARSED_FUNCTION]);
  return Unparsed as unknown as FunctionPluginDefinition;
}
