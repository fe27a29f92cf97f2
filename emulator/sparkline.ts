// SPARKLINE as a function of the formula engine: it evaluates its data (a range, or an array
// expression under ARRAYFORMULA such as IFERROR(H4:H15/G4:G15,"")), checks its options and
// gives the cell "[SPARKLINE]" (the emulator draws no images); the series it would draw is
// reported to the engine (FormulaEngine.sparkline, Workbook.sparkline, the workbench).
//
// Google's page (https://support.google.com/docs/answer/3093289) says: data is "the range or
// array containing the data to plot"; options is "a range or array of optional settings and
// associated values", a range being "two cells wide where the first cell is the option and the
// second cell is the value"; it lists each chart type's options and the values of charttype
// (line, bar, column, winloss), empty (zero, ignore) and nan (convert, ignore). Where it is silent
// the emulator is strict, and the cell shows #VALUE! with what is wrong:
//  - options that are not two columns wide (one column, a single value) are refused;
//  - an option name it does not list for the chart type, a name written otherwise than the page
//    writes it ("ChartType"), an option given twice, or a value of the wrong kind is refused;
//  - data of several rows and several columns is refused (one row or one column is a series);
//  - it gives no defaults for empty and nan: a blank plots as zero and a text or a boolean (""
//    from IFERROR included: that is text, not a blank) plots as zero, the readings that draw a dip
//    the add-on did not mean, unless the options say "ignore";
//  - an error in the data is the cell's error.
import {
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type SimpleRangeValue,
  type FunctionPluginDefinition,
  type ImplementedFunctions,
} from 'hyperformula';
import type { SparklineChart, SparklineSeries } from './views';

export const SPARKLINE_PLACEHOLDER = '[SPARKLINE]';

type OptionKind = 'number' | 'boolean' | 'color' | readonly string[];

const CHART_TYPES: readonly SparklineChart[] = ['line', 'bar', 'column', 'winloss'];
const EMPTY = ['zero', 'ignore'] as const;
const NAN = ['convert', 'ignore'] as const;

/** Each chart type's options, as the page lists them. */
const LINE: Record<string, OptionKind> = {
  charttype: CHART_TYPES,
  xmin: 'number',
  xmax: 'number',
  ymin: 'number',
  ymax: 'number',
  color: 'color',
  empty: EMPTY,
  nan: NAN,
  rtl: 'boolean',
  linewidth: 'number',
};
const COLUMN: Record<string, OptionKind> = {
  charttype: CHART_TYPES,
  color: 'color',
  lowcolor: 'color',
  highcolor: 'color',
  firstcolor: 'color',
  lastcolor: 'color',
  negcolor: 'color',
  empty: EMPTY,
  nan: NAN,
  axis: 'boolean',
  axiscolor: 'color',
  ymin: 'number',
  ymax: 'number',
  rtl: 'boolean',
};
const OPTIONS: Record<SparklineChart, Record<string, OptionKind>> = {
  line: LINE,
  column: COLUMN,
  winloss: COLUMN,
  bar: {
    charttype: CHART_TYPES,
    max: 'number',
    color1: 'color',
    color2: 'color',
    empty: EMPTY,
    nan: NAN,
    rtl: 'boolean',
  },
};

type Scalar = number | string | boolean;
type Options = Record<string, Scalar>;

class SparklineError extends Error {}

function plain(v: unknown): Scalar | typeof EmptyValue | CellError {
  if (v === EmptyValue || v instanceof CellError) return v;
  if (typeof v === 'object' && v !== null && 'val' in v) return (v as { val: number }).val;
  return v as Scalar;
}

function describe(v: Scalar): string {
  return typeof v === 'string' ? `"${v}"` : String(v);
}

function checkValue(name: string, kind: OptionKind, v: Scalar): void {
  const ok =
    kind === 'number'
      ? typeof v === 'number'
      : kind === 'boolean'
        ? typeof v === 'boolean'
        : kind === 'color'
          ? typeof v === 'string' && v.trim() !== ''
          : typeof v === 'string' && kind.includes(v);
  if (ok) return;
  const wanted =
    typeof kind === 'string'
      ? kind === 'color'
        ? 'a colour'
        : `a ${kind}`
      : kind.map((k) => `"${k}"`).join(', ');
  throw new SparklineError(`SPARKLINE option "${name}" takes ${wanted}, not ${describe(v)}.`);
}

/** The options argument -> option values by name (charttype first decides which are allowed). */
function readOptions(arg: SimpleRangeValue | undefined): Options {
  if (arg === undefined) return {};
  const rows = arg.data.map((r) => r.map(plain));
  if (rows[0]?.length !== 2)
    throw new SparklineError(
      'SPARKLINE options must be two columns: option names, then their values.',
    );
  const given: Options = {};
  rows.forEach(([name, value], i) => {
    if (name instanceof CellError) throw name;
    if (value instanceof CellError) throw value;
    if (typeof name !== 'string' || name === '')
      throw new SparklineError(`SPARKLINE options row ${i + 1} has no option name.`);
    if (value === EmptyValue || value === undefined)
      throw new SparklineError(`SPARKLINE option "${name}" has no value.`);
    if (Object.hasOwn(given, name))
      throw new SparklineError(`SPARKLINE option "${name}" is given twice.`);
    given[name] = value;
  });
  const chart = given.charttype ?? 'line';
  checkValue('charttype', CHART_TYPES, chart);
  const allowed = OPTIONS[chart as SparklineChart];
  for (const [name, value] of Object.entries(given)) {
    const kind = Object.hasOwn(allowed, name) ? allowed[name] : undefined;
    if (kind === undefined)
      throw new SparklineError(
        `SPARKLINE has no option "${name}" for a ${String(chart)} chart; it takes ${Object.keys(allowed).join(', ')}.`,
      );
    checkValue(name, kind, value);
  }
  return given;
}

/** The data argument -> the points drawn, per the empty and nan options. */
function readPoints(arg: SimpleRangeValue, options: Options): (number | null)[] {
  const rows = arg.data;
  if (rows.length > 1 && (rows[0]?.length ?? 0) > 1)
    throw new SparklineError(
      `SPARKLINE data must be one row or one column, not ${rows.length} rows by ${rows[0]?.length} columns.`,
    );
  return rows.flat().map((cell) => {
    const v = plain(cell);
    if (v instanceof CellError) throw v;
    if (typeof v === 'number') return v;
    if (v === EmptyValue) return options.empty === 'ignore' ? null : 0;
    return options.nan === 'ignore' ? null : 0;
  });
}

/** The series SPARKLINE(data, options) draws, or the error its cell shows. */
function sparklineSeries(
  data: SimpleRangeValue,
  options: SimpleRangeValue | undefined,
): SparklineSeries | CellError {
  try {
    const given = readOptions(options);
    return {
      charttype: (given.charttype ?? 'line') as SparklineChart,
      values: readPoints(data, given),
      options: given,
    };
  } catch (e) {
    if (e instanceof CellError) return e;
    if (e instanceof SparklineError) return new CellError(ErrorType.VALUE, e.message);
    throw e;
  }
}

/** SPARKLINE for the engine; each series it computes goes to `drawn`. */
export function sparklinePlugin(
  drawn: (series: SparklineSeries) => void,
): FunctionPluginDefinition {
  const implemented: ImplementedFunctions = {
    SPARKLINE: {
      method: 'sparkline',
      parameters: [
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.RANGE, optionalArg: true },
      ],
    },
  };
  class Sparkline extends FunctionPlugin {
    static override implementedFunctions = implemented;
    sparkline(ast: { args: never[] }, state: never): unknown {
      return this.runFunction(
        ast.args,
        state,
        this.metadata('SPARKLINE'),
        (data: SimpleRangeValue, options?: SimpleRangeValue) => {
          const series = sparklineSeries(data, options);
          if (series instanceof CellError) return series;
          drawn(series);
          return SPARKLINE_PLACEHOLDER;
        },
      );
    }
  }
  HyperFormula.getLanguage('enGB').extendFunctions({ SPARKLINE: 'SPARKLINE' });
  return Sparkline as unknown as FunctionPluginDefinition;
}
