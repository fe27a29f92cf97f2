/** The funnel chart and the experience curve of a map, placed below it. */
import { t, type Lang } from '../core/words/i18n';
import { a1Range, FIRST_STAGE_COL, ROW } from '../core/map/layout';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Inserts both charts, replacing the ones an earlier call inserted (they are the charts over the
 * stage header row).
 */
export function insertCharts(sheet: Sheet, lang: Lang, stages: number): void {
  for (const chart of sheet.getCharts()) {
    if (chart.getRanges()[0]?.getRow() === ROW.header) sheet.removeChart(chart);
  }
  const [names, counts, scores] = sheet
    .getRangeList(
      [ROW.header, ROW.customers, ROW.score].map((row) => a1Range(row, FIRST_STAGE_COL, 1, stages)),
    )
    .getRanges() as GoogleAppsScript.Spreadsheet.Range[];
  const below = ROW.footer + 2;
  const chart = (
    type: GoogleAppsScript.Charts.ChartType,
    data: GoogleAppsScript.Spreadsheet.Range | undefined,
    title: string,
    col: number,
  ) =>
    sheet
      .newChart()
      .setChartType(type)
      .addRange(names as GoogleAppsScript.Spreadsheet.Range)
      .addRange(data as GoogleAppsScript.Spreadsheet.Range)
      .setTransposeRowsAndColumns(true)
      .setOption('title', title)
      .setOption('legend', { position: 'none' })
      .setPosition(below, col, 0, 0)
      .build();
  sheet.insertChart(chart(Charts.ChartType.BAR, counts, t(lang, 'chart.funnel'), 1));
  sheet.insertChart(
    chart(Charts.ChartType.LINE, scores, t(lang, 'chart.curve'), FIRST_STAGE_COL + 1),
  );
}
