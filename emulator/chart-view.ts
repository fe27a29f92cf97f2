// An embedded chart as a reader sees it: its data read from its ranges' computed values (columns
// are series, rows when transposed; the first text column the categories), its anchor and size,
// its layout (chart-layout.ts: plot, labels whole or cut) and where it lands on the grid. Shared
// by the tests (Workbook.charts) and the workbench, which draws exactly this.
import { chartLayout } from './chart-layout';
import type { ChartView } from './views';
import { EmuRange } from './range';
import type { ChartSpec, SheetModel } from './sheet-model';
import { DEFAULTS } from './style';
import type { WorkbookModel } from './workbook-model';

/** Sheets' default series colours, in order. */
const PALETTE = [
  '#4285f4',
  '#ea4335',
  '#fbbc04',
  '#34a853',
  '#ff6d01',
  '#46bdc6',
  '#7baaf7',
  '#f07b72',
];

interface Cell {
  value: unknown;
  display: string;
}

export function chartView(m: WorkbookModel, sheet: SheetModel, spec: ChartSpec): ChartView {
  const o = spec.options;
  const transpose = o.transposeRowsAndColumns === true;
  // Each range as columns of cells; ranges placed side by side.
  const columns: Cell[][] = [];
  for (const rect of spec.ranges) {
    const range = new EmuRange(m, sheet, rect);
    const values = range.getValues();
    const displays = range.getDisplayValues();
    const grid = values.map((line, r) =>
      line.map(
        (v, c): Cell => ({
          value: v instanceof Date ? v.getTime() : v,
          display: displays[r]?.[c] ?? '',
        }),
      ),
    );
    const cols = transpose ? grid : transposeGrid(grid);
    columns.push(...cols);
  }
  const length = Math.max(0, ...columns.map((c) => c.length));
  const isText = (c: Cell): boolean => typeof c.value === 'string' && c.value !== '';
  const isNumber = (c: Cell): boolean => typeof c.value === 'number';
  const first = columns[0] ?? [];
  const hasDomain = columns.length > 1 && first.some(isText);
  const seriesCols = hasDomain ? columns.slice(1) : columns;
  // A first row of labels over numbers is a header row: the series' names.
  const header =
    length > 1 &&
    seriesCols.length > 0 &&
    seriesCols.every((c) => c[0] !== undefined && isText(c[0]) && c.slice(1).some(isNumber));
  const start = header ? 1 : 0;
  const categories = Array.from({ length: length - start }, (_, i) =>
    hasDomain ? (first[i + start]?.display ?? '') : String(i + 1),
  );
  const colors = Array.isArray(o.colors) ? (o.colors as unknown[]).map(String) : [];
  const seriesOptions = (o.series ?? {}) as Record<string, { color?: unknown } | undefined>;
  const series = seriesCols.map((col, i) => ({
    name: header ? (col[0]?.display ?? '') : '',
    color: String(seriesOptions[i]?.color ?? colors[i] ?? PALETTE[i % PALETTE.length]),
    values: Array.from({ length: length - start }, (_, j) => {
      const v = col[j + start]?.value;
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    }),
  }));
  const legend = (o.legend as { position?: unknown } | undefined)?.position ?? o.legend;
  const layout = chartLayout(spec.chartType, o, categories);
  return {
    chartId: spec.chartId,
    type: spec.chartType,
    title: typeof o.title === 'string' ? o.title : '',
    legend: legend !== 'none' && series.some((s) => s.name !== ''),
    anchor: {
      row: spec.position.row + 1,
      col: spec.position.col + 1,
      offsetX: spec.position.offsetX,
      offsetY: spec.position.offsetY,
    },
    width: layout.width,
    height: layout.height,
    categories,
    series,
    layout,
  };
}

/**
 * Where a chart lands on its sheet, in pixels from the grid's top-left corner (row and column
 * headers not counted), and how much of it is on the grid: Sheets draws nothing past the sheet's
 * last column or row, so a chart that runs past them is cut there (the emulator's reading: the
 * reference does not say).
 */
export function chartOnGrid(
  sheet: SheetModel,
  view: Pick<ChartView, 'anchor' | 'width' | 'height'>,
): { left: number; top: number; visibleWidth: number; visibleHeight: number } {
  const colWidth = (c: number) => sheet.colWidths.get(c) ?? DEFAULTS.columnWidth;
  const rowHeight = (r: number) => sheet.rowHeights.get(r) ?? DEFAULTS.rowHeight;
  let left = view.anchor.offsetX;
  for (let c = 0; c < view.anchor.col - 1; c++) left += colWidth(c);
  let top = view.anchor.offsetY;
  for (let r = 0; r < view.anchor.row - 1; r++) top += rowHeight(r);
  let gridWidth = 0;
  for (let c = 0; c < sheet.maxCols; c++) gridWidth += colWidth(c);
  let gridHeight = 0;
  for (let r = 0; r < sheet.maxRows; r++) gridHeight += rowHeight(r);
  return {
    left,
    top,
    visibleWidth: Math.max(0, Math.min(view.width, gridWidth - left)),
    visibleHeight: Math.max(0, Math.min(view.height, gridHeight - top)),
  };
}

function transposeGrid<T>(grid: T[][]): T[][] {
  const cols = Math.max(0, ...grid.map((r) => r.length));
  return Array.from({ length: cols }, (_, c) =>
    grid.map((r) => r[c]).filter((x): x is T => x !== undefined),
  );
}
