/**
 * What the emulator shows of a workbook: a sheet's snapshot, its charts, the menus and the host's
 * questions. Plain data that the workbench sends to its page, so this file imports no runtime
 * code: the page (a browser) type-checks it without Node or Apps Script types. Code outside the
 * emulator reaches it through index.ts, except a browser page, which imports its types from here
 * (index.ts brings in Node).
 */
import type { CellAttrs, ChartSpec, ConditionalRuleSpec, ProtectionSpec } from './sheet-model';

export type ButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
export type ButtonSetName = 'OK' | 'OK_CANCEL' | 'YES_NO' | 'YES_NO_CANCEL';

export type MenuEntry =
  | { caption: string; functionName: string }
  | { separator: true }
  | { submenu: MenuSpec };
export interface MenuSpec {
  kind: 'addon' | 'custom';
  title: string;
  items: MenuEntry[];
}

/**
 * What Google draws for Ui.alert / Ui.prompt besides the add-on's text. Google's Ui reference
 * (https://developers.google.com/apps-script/reference/base/ui) says nothing of the language
 * of these buttons nor of which one is the default, and the add-on can set neither. So the
 * emulator takes the reading least convenient for the add-on: the buttons are drawn in the
 * user's account language (Session.getActiveUserLocale(), the workbook's `userLocale`), never
 * the spreadsheet's or the map's, and the first button of the set (Yes, OK) is the focused
 * default that Enter presses — so a destructive question asked this way opens on "Yes".
 */
export interface HostButtons {
  /** the user's account locale the buttons are drawn in */
  userLocale: string;
  /** the buttons' captions, in the set's order, in the user's language */
  labels: string[];
  /** the focused (default) button: the set's first */
  focused: ButtonName;
}

export type UiRequest =
  | ({ kind: 'alert'; title: string | null; prompt: string; buttons: ButtonSetName } & HostButtons)
  | ({
      kind: 'prompt';
      title: string | null;
      prompt: string;
      buttons: ButtonSetName;
    } & HostButtons);
export type UiResponse = ButtonName | { button: ButtonName; text: string };

export type SparklineChart = 'line' | 'bar' | 'column' | 'winloss';

/** What a SPARKLINE formula draws (sparkline.ts). */
export interface SparklineSeries {
  charttype: SparklineChart;
  /**
   * The data's points in order: a number, or null where nothing is drawn (a blank or a text the
   * "empty" or "nan" option ignores: a line joins its neighbours, a column is left out).
   */
  values: (number | null)[];
  /** The options as written, by name (charttype included when given). */
  options: Record<string, string | number | boolean>;
}

export interface CellSnapshot {
  a1: string;
  row: number;
  col: number;
  value: unknown;
  display: string;
  /** the formula as the formula bar shows it to a user: in the locale's syntax (";" in ru_RU) */
  formula: string;
  spilled: boolean;
  error?: { code: string; message: string };
  attrs?: CellAttrs;
  /** What the cell's SPARKLINE draws, when it draws one. */
  sparkline?: SparklineSeries;
}

export interface SheetSnapshot {
  name: string;
  sheetId: number;
  index: number;
  active: boolean;
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  frozenCols: number;
  /** Hidden rows and columns, 1-based. */
  hiddenRows: number[];
  hiddenCols: number[];
  colWidths: Record<number, number>;
  rowHeights: Record<number, number>;
  merges: string[];
  /** Cells with content or attributes only, row by row. */
  cells: CellSnapshot[];
  conditionalRules: ConditionalRuleSpec[];
  protections: ProtectionSpec[];
  charts: ChartSpec[];
}

export interface ChartBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface ChartLabel {
  /** the category as its cell holds it */
  text: string;
  /** what is drawn: the text, or its start and "…"; null when thinned out */
  shown: string | null;
  whole: boolean;
}

export interface ChartLayout {
  width: number;
  height: number;
  /** the plot (chart area), in pixels from the chart's top-left corner */
  area: ChartBox;
  /** where the categories are written */
  categoryAxis: 'vertical' | 'horizontal';
  /** the categories' font size, px */
  fontSize: number;
  /** degrees from horizontal (horizontal axis only; 0: level) */
  slant: number;
  /** px between the plot and its category labels (the page draws with it, so both agree) */
  labelGap: number;
  labels: ChartLabel[];
  title: { text: string; shown: string; fontSize: number };
}

/** An embedded chart as a reader sees it (chart-view.ts reads it, chart-layout.ts lays it out; the workbench draws it). */
export interface ChartView {
  chartId: number;
  /** Charts.ChartType name: COLUMN, BAR, LINE, AREA, PIE… */
  type: string;
  title: string;
  legend: boolean;
  /** The anchor cell (1-based) and the offset in pixels from its top-left corner. */
  anchor: { row: number; col: number; offsetX: number; offsetY: number };
  width: number;
  height: number;
  /** The domain: one label per point. */
  categories: string[];
  series: Array<{ name: string; color: string; values: Array<number | null> }>;
  /** Where the plot, the title and the labels go, and how much of each label is drawn. */
  layout: ChartLayout;
}
