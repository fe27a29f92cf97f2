/**
 * Computes a plan's cells with HyperFormula so the exported file carries correct cached
 * results for readers that do not recalculate (previews, viewers, some importers). The
 * CJM_ functions run the add-on's own implementations from src/formulas, through a small
 * plugin that hands them arguments the way Apps Script does: ranges as 2-D arrays, blank
 * cells as "". Deliberately local to the export: the Apps Script emulator has its own.
 */
import { CellError, DetailedCellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from 'hyperformula';
import type { ImplementedFunctions, RawCellContent } from 'hyperformula';
import type { Argument, CellValue } from '../../src/formulas/grid';
import { FORMULAS } from '../../src/formulas/registry';
import type { FormulaSpec } from '../../src/formulas/spec';

const SPECS = new Map<string, FormulaSpec>(FORMULAS.map((f) => [f.name, f]));

type RunArgs = Parameters<FunctionPlugin['runFunction']>;

/** One HyperFormula value (scalar or range) → what a custom function receives. */
function toAppsScript(v: unknown): Argument {
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map(toScalar));
  return toScalar(v);
}

function toScalar(v: unknown): CellValue {
  if (v instanceof CellError) throw v;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  // RichNumber (a percent, currency or date number) keeps its raw value in `val`.
  if (typeof v === 'object' && v !== null && 'val' in v && typeof v.val === 'number') return v.val;
  return '';
}

/** A custom function's result → a HyperFormula scalar; 1×1 arrays unwrap, larger ones are not supported here. */
function fromAppsScript(name: string, r: unknown): number | string | boolean | CellError {
  if (Array.isArray(r)) {
    const rows = r as unknown[][];
    if (rows.length === 1 && Array.isArray(rows[0]) && rows[0].length === 1) return fromAppsScript(name, rows[0][0]);
    return new CellError(ErrorType.VALUE, `${name}: array results are not evaluated by the export`);
  }
  if (typeof r === 'number' || typeof r === 'string' || typeof r === 'boolean') return r;
  return '';
}

class CjmExportPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
    FORMULAS.map((spec) => [
      spec.name,
      {
        method: 'cjm',
        parameters: spec.params.map((p) => ({ argumentType: FunctionArgumentType.ANY, ...(p.optional ? { optionalArg: true } : {}) })),
        vectorizationForbidden: true,
      },
    ]),
  );

  /** Every CJM_ function lands here; the AST says which one was called. */
  cjm(ast: { procedureName: string; args: RunArgs[0] }, state: RunArgs[1]) {
    const name = ast.procedureName;
    const spec = SPECS.get(name);
    return this.runFunction(ast.args, state, this.metadata(name), (...raw: unknown[]) => {
      try {
        if (!spec) return new CellError(ErrorType.NAME, `${name} is not a CJM function`);
        const args = raw.map((a) => (a === undefined ? undefined : toAppsScript(a)));
        while (args.length && args[args.length - 1] === undefined) args.pop();
        return fromAppsScript(name, spec.run(...(args as Argument[])));
      } catch (e) {
        return e instanceof CellError ? e : new CellError(ErrorType.VALUE, e instanceof Error ? e.message : String(e));
      }
    });
  }
}

let translated = false;

/** A computed cell: a value, "" for an empty-text result, null for an empty cell, or an error code such as "#VALUE!". */
export type Computed = number | string | boolean | null | { error: string; message?: string };

/**
 * Evaluates a grid of cell contents (formulas start with "=", text is taken as text) and
 * returns every cell's value. Uses an engine-local plugin list, so nothing registered
 * globally by other code is changed or relied on.
 */
export function evaluateGrid(grid: (string | number | null)[][]): Computed[][] {
  if (!translated) {
    // Function names must exist in the engine's language to be callable.
    HyperFormula.getLanguage('enGB').extendFunctions(Object.fromEntries(FORMULAS.map((f) => [f.name, f.name])));
    translated = true;
  }
  // A leading apostrophe makes HyperFormula keep text as text ("2026-11-01", "5%", "=x").
  const data: RawCellContent[][] = grid.map((row) =>
    row.map((v) => (typeof v === 'string' && v !== '' && !v.startsWith('=') ? `'${v}` : v === '' ? null : v)),
  );
  const hf = HyperFormula.buildFromArray(data, {
    licenseKey: 'gpl-v3',
    // Cached results should be the exact doubles Excel would compute, not display-rounded ones.
    smartRounding: false,
    functionPlugins: [...HyperFormula.getAllFunctionPlugins(), CjmExportPlugin],
  });
  try {
    const values = hf.getSheetValues(0);
    // getSheetValues trims trailing empty cells; give back the grid's own shape.
    return grid.map((row, r) =>
      row.map((_, c): Computed => {
        const v = values[r]?.[c] ?? null;
        return v instanceof DetailedCellError ? { error: v.value, message: v.message } : v;
      }),
    );
  } finally {
    hf.destroy();
  }
}
