/**
 * In-memory Apps Script emulator for Google Sheets add-ons (tests and the offline workbench).
 *
 *   const wb = createWorkbook({ name: 'Map', locale: 'ru_RU' });   // one sheet "Sheet1", 1000×26
 *   const addon = loadAddon(wb, readFileSync('dist/Code.js', 'utf8'), { Sidebar: html });
 *   addon.runOnOpen();                     // onOpen(e) in AuthMode.NONE: menu only
 *   addon.run('showSidebar');              // any global function, AuthMode.FULL
 *   wb.ui.menus; wb.ui.surfaces;           // what the add-on showed
 *   wb.value('Sheet1', 'B2'); wb.error('Sheet1', 'C3'); wb.calls.total;
 *
 * createWorkbook(opts?) -> Workbook   opts: name, locale, timeZone, userLocale (default: locale),
 * userEmail (who runs the add-on), ownerEmail (the spreadsheet's owner; default not the user),
 * addonName,
 *                                  plainTextProtects (default false: "@" does not keep a script's
 * text),
 *                                  formulaSeparators ('comma' | 'locale'; default
 * $CJM_FORMULA_SEPARATORS, else 'comma'), now (the clock's instant; default real time)
 *   .spreadsheet / .app          guarded Spreadsheet / SpreadsheetApp (calls are counted)
 *   .services(files?)            every service by its global name, for host-side code
 *   .calls                       { total, builder, byName, builderByName, roundTrips,
 * roundTripsByName,
 *                                  cellsRead, cellsReadBySheet, customFunctionExecutions,
 *                                  reset(), snapshot() }
 * (cost.ts)
 *   .ui                          { menus, surfaces, sidebar, requests, toasts, answer(...),
 * responder }
 *   .lock                        document lock: holdByOther(), releaseByOther(), holder,
 * contentions
 *   .properties                  { document, user } stores (.data is a Map)
 *   .logs                        Logger.log / console lines
 *   .clock                       "now": set(instant) · advance({ days, hours… }) · useRealTime()
 *                                (the bundle's Date, TODAY(), NOW(): clock.ts)
 *   value/values/formula/display/error(cellError)   test helpers, not counted
 *   sparkline(sheet, a1)         what a SPARKLINE cell draws: { charttype, values, options }
 *   reopen()                     the user opens the spreadsheet again (TODAY() catches up)
 *   user actions, as in the Sheets UI (not counted, no AuthMode):
 *     setCell(sheet, a1, input)           the user types: "@" cells keep text, else parsed as typed
 *     clearFormat(sheet, a1)              Format → Clear formatting
 *     paste(sheet, source, target)        Ctrl+C / Ctrl+V (brings the source's formats)
 *     pasteValues(sheet, target, source?) Paste special → Values only
 *     sortRange(sheet, a1, column, ascending?)
 *     insertRows/deleteRows(sheet, row, n?) · insertColumns/deleteColumns(sheet, column, n?)
 *     renameSheet(sheet, name) · deleteSheet(sheet) · copySheet(sheet) -> "Copy of X"
 *     protectAsOther(sheet, a1 | null, { by, description?, warningOnly?, unprotected? })
 *     merge(sheet, a1) · hideColumns(sheet, column, n?) · hideRows(sheet, row, n?)
 *     group(sheet, a1, 'columns' | 'rows')
 *   snapshot(sheet)              plain renderable view of a sheet (cells with
 * value/display/formula/attrs)
 *   toJSON() / Workbook.fromJSON(json)
 * loadAddon(workbook, code, files?) -> Addon
 *   run(name, ...args) · runAs(mode, name, ...args) · runOnOpen(mode = 'NONE') · runOnInstall()
 *   callFromClient(name, ...args)   google.script.run semantics (toClientJson both ways)
 *   functions() · customFunctions() · context
 * toClientJson(value, direction?)   what crosses google.script.run
 * AuthMode                          { NONE, CUSTOM_FUNCTION, LIMITED, FULL } (same strings as
 * ScriptApp.AuthMode here)
 *
 * Script writes (Range.setValue(s), setRichTextValue(s)) parse strings as if typed, whatever the
 * cell's format: see cell-input.ts for the readings and why.
 *
 * The platform rules of README.md in this folder: the cost model (cost.ts: writes cached, reads
 * and structural changes flush; wb.calls.roundTrips, cellsRead), custom functions that compute
 * after the execution that changed their inputs ("Loading..." / old value meanwhile;
 * wb.calls.customFunctionExecutions), Dates for custom functions in the spreadsheet's time zone,
 * AuthMode per Google's authorization table (auth.ts), formula syntax per locale
 * (formula-syntax.ts).
 *
 * Anything not emulated throws `not emulated: Type.member`.
 */
export { AuthMode, type AuthModeName } from './auth';
export { toClientJson, type ClientJsonDirection } from './client-json';
export { CELL_PADDING, DROPDOWN_WIDTH, type UnreadableCell } from './cell-fit';
export { ChartType } from './chart';
export { Clock, type ClockStep, type Instant } from './clock';
export { CallCounter, type CallCounts } from './counter';
export { costKind, type CostKind } from './cost';
export { LOADING } from './custom-functions';
export { MERGE_MESSAGE, PROTECTED_MESSAGE } from './edit-rights';
export {
  FORMULA_SEPARATORS_ENV,
  PARSE_ERROR_MESSAGE,
  defaultFormulaSeparators,
  usesLocaleSyntax,
  type FormulaSeparators,
} from './formula-syntax';
export { separatorsFor, type Separators } from './locale';
export { loadAddon, findCustomFunctions, type Addon, type LoadOptions } from './loader';
export { htmlFilesIn } from './pages';
export { LockState } from './lock';
export { PropertyStore, VALUE_LIMIT_BYTES, STORE_LIMIT_BYTES } from './properties';
export type { Services } from './services';
export { fitText, ptToPx, textWidth } from './text-metrics';
export { SPARKLINE_PLACEHOLDER } from './sparkline';
export type {
  ChartBox,
  ChartLabel,
  ChartLayout,
  ChartView,
  SparklineChart,
  SparklineSeries,
} from './views';
export type {
  MenuSpec,
  MenuEntry,
  UiRequest,
  UiResponse,
  Responder,
  ShownSurface,
  Toast,
  UiState,
} from './ui';
export {
  Workbook,
  createWorkbook,
  type WorkbookJson,
  type SheetSnapshot,
  type CellSnapshot,
} from './workbook';
export type { WorkbookOptions } from './workbook-model';
// The model under a workbook, for the workbench's view of a sheet and the .xlsx export, which
// read cells, formats and charts as the emulator holds them.
export { cellA1, shiftFormula, type Rect } from './a1';
export { chartView } from './chart-view';
export type { CellContent } from './cell-input';
export { rawToContent } from './formula-engine';
export { isDateFormat } from './number-format';
export { EmuRange } from './range';
export type {
  CellAttrs,
  ChartSpec,
  ConditionalRuleSpec,
  ProtectionSpec,
  SheetModel,
} from './sheet-model';
export type { WorkbookModel } from './workbook-model';
