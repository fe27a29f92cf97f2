/**
 * The funnel chart and the experience curve of a map, beside its KPI block (core/map/chart-plan:
 * where and how big), brought into view.
 */
import { plainLines } from './cells';
import type { Lang } from '../core/words/i18n';
import { a1Range, FIRST_STAGE_COL, ROW } from '../core/map/layout';
import { planCharts } from '../core/map/chart-plan';
import { refuseProtected } from './protections';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** Sheets' width of a column nobody resized. */
const DEFAULT_COLUMN_WIDTH = 100;

/**
 * Inserts both charts, replacing the ones an earlier call inserted (they are the charts over the
 * stage header row), and selects the cell they are anchored at: Sheets scrolls it into view.
 * `names`: the stages' names, which size the charts so each is drawn whole.
 */
export function insertCharts(sheet: Sheet, lang: Lang, names: readonly string[]): void {
  refuseProtected(lang, [{ sheet, sheetItself: true }]);
  for (const chart of sheet.getCharts()) {
    if (chart.getRanges()[0]?.getRow() === ROW.header) sheet.removeChart(chart);
  }
  const plan = planCharts(lang, names);
  const stages = names.length;
  const [header, ...data] = sheet
    .getRangeList([
      a1Range(ROW.header, FIRST_STAGE_COL, 1, stages),
      ...plan.charts.map((c) => a1Range(c.dataRow, FIRST_STAGE_COL, 1, stages)),
    ])
    .getRanges() as Range[];
  roomFor(sheet, plan.col, plan.width);
  plan.charts.forEach((c, i) => {
    let builder = sheet
      .newChart()
      .setChartType(Charts.ChartType[c.type])
      .addRange(header as Range)
      .addRange(data[i] as Range)
      .setTransposeRowsAndColumns(true)
      .setPosition(c.row, plan.col, c.offsetX, 0);
    for (const [key, value] of Object.entries(c.options)) builder = builder.setOption(key, value);
    sheet.insertChart(builder.build());
  });
  sheet.getRange(ROW.kpiSection, plan.col).activate();
}

/**
 * A chart past the sheet's last column is cut there: columns are added after it when the ones
 * from `col` on are narrower than `width` together (widths are the script's metadata: no read).
 */
function roomFor(sheet: Sheet, col: number, width: number): void {
  const last = sheet.getMaxColumns();
  let have = 0;
  for (let c = col; c <= last && have < width; c++) have += sheet.getColumnWidth(c);
  if (have >= width) return;
  const added = Math.ceil((width - have) / DEFAULT_COLUMN_WIDTH);
  sheet.insertColumnsAfter(last, added);
  // (they would take the last column's look and width, which may be narrower than the default)
  plainLines(sheet, 'columns', last + 1, added);
  sheet.setColumnWidths(last + 1, added, DEFAULT_COLUMN_WIDTH);
}
