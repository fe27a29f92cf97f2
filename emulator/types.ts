// Short names for the @types/google-apps-script types the emulated classes implement,
// and a cast helper: emulated objects implement only a Pick of the real interfaces, so a
// method whose real signature returns e.g. a Range returns our object cast to that type.
export type GSpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
export type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
export type GRange = GoogleAppsScript.Spreadsheet.Range;
export type GRangeList = GoogleAppsScript.Spreadsheet.RangeList;
export type GNamedRange = GoogleAppsScript.Spreadsheet.NamedRange;
export type GProtection = GoogleAppsScript.Spreadsheet.Protection;
export type GDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
export type GDataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
export type GConditionalFormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
export type GConditionalFormatRuleBuilder =
  GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
export type GBooleanCondition = GoogleAppsScript.Spreadsheet.BooleanCondition;
export type GEmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
export type GEmbeddedChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
export type GUi = GoogleAppsScript.Base.Ui;
export type GMenu = GoogleAppsScript.Base.Menu;
export type GPromptResponse = GoogleAppsScript.Base.PromptResponse;
export type GHtmlService = GoogleAppsScript.HTML.HtmlService;
export type GHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
export type GProperties = GoogleAppsScript.Properties.Properties;
export type GPropertiesService = GoogleAppsScript.Properties.PropertiesService;
export type GLock = GoogleAppsScript.Lock.Lock;
export type GLockService = GoogleAppsScript.Lock.LockService;

export function as<T>(value: object): T {
  return value as unknown as T;
}

/** Enum values are strings at runtime; the typings declare numeric TS enums. */
export function enumOf<T>(values: Record<string, string>): T {
  return Object.freeze({ ...values }) as unknown as T;
}

export function keysEnum(...names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, n]));
}
