// Charts are stored as specs (type, ranges, position, options) for tests and the
// workbench to look at; nothing is drawn.
import type { Rect } from './a1';
import type { ChartSpec, SheetModel } from './sheet-model';
import type { GEmbeddedChart, GEmbeddedChartBuilder, GRange } from './types';
import { as, enumOf, keysEnum } from './types';
import type { EmuRange } from './range';
import { EmuRange as RangeClass } from './range';
import type { WorkbookModel } from './workbook-model';

export const ChartType = enumOf<typeof GoogleAppsScript.Charts.ChartType>(
  keysEnum(
    'AREA',
    'BAR',
    'BUBBLE',
    'CANDLESTICK',
    'COLUMN',
    'COMBO',
    'GAUGE',
    'GEO',
    'HISTOGRAM',
    'LINE',
    'ORG',
    'PIE',
    'SCATTER',
    'SPARKLINE',
    'STEPPED_AREA',
    'TABLE',
    'TIMELINE',
    'TREEMAP',
    'WATERFALL',
    'RADAR',
  ),
);

export class EmuEmbeddedChart implements Pick<GEmbeddedChart, 'getRanges'> {
  static readonly typeName = 'EmbeddedChart';
  constructor(
    private readonly _wb: WorkbookModel,
    private readonly _sheet: SheetModel,
    readonly _spec: ChartSpec,
  ) {}
  getRanges(): GRange[] {
    return this._spec.ranges.map((r) =>
      as<GRange>(new RangeClass(this._wb, this._sheet, { ...r })),
    );
  }
}

export class EmuEmbeddedChartBuilder
  implements
    Pick<
      GEmbeddedChartBuilder,
      | 'setChartType'
      | 'addRange'
      | 'setPosition'
      | 'setOption'
      | 'setTransposeRowsAndColumns'
      | 'build'
    >
{
  static readonly typeName = 'EmbeddedChartBuilder';
  static readonly isBuilder = true;
  private readonly _spec: ChartSpec;
  constructor(
    private readonly _wb: WorkbookModel,
    private readonly _sheet: SheetModel,
  ) {
    this._spec = {
      chartId: 0,
      chartType: 'COLUMN',
      ranges: [],
      position: { row: 0, col: 0, offsetX: 0, offsetY: 0 },
      options: {},
    };
  }
  setChartType(type: GoogleAppsScript.Charts.ChartType): GEmbeddedChartBuilder {
    this._spec.chartType = String(type);
    return as(this);
  }
  addRange(range: GRange): GEmbeddedChartBuilder {
    this._spec.ranges.push({ ...(range as unknown as EmuRange)._rect } as Rect);
    return as(this);
  }
  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): GEmbeddedChartBuilder {
    this._spec.position = { row: anchorRowPos - 1, col: anchorColPos - 1, offsetX, offsetY };
    return as(this);
  }
  setTransposeRowsAndColumns(transpose: boolean): GEmbeddedChartBuilder {
    this._spec.options.transposeRowsAndColumns = transpose;
    return as(this);
  }
  setOption(option: string, value: unknown): GEmbeddedChartBuilder {
    this._spec.options[String(option)] = structuredClone(value);
    return as(this);
  }
  build(): GEmbeddedChart {
    return as(new EmuEmbeddedChart(this._wb, this._sheet, structuredClone(this._spec)));
  }
}
