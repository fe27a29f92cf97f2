// The cost model: how many server round trips a run of the add-on would make in Apps Script,
// and how many cells it reads.
//
// Google's best-practices page
// (https://developers.google.com/apps-script/guides/support/best-practices,
// "Use batch operations") says Apps Script keeps a write cache for spreadsheet changes and
// that "every time you do a read, we must first empty the write cache" — alternating reads and
// writes is what makes a script slow; SpreadsheetApp.flush() empties the cache on demand, and
// the pending writes are applied when the execution ends. Structural changes (inserting,
// deleting or moving rows and columns, inserting or deleting sheets) cannot be cached either.
//
// So, in the Spreadsheet service (SpreadsheetApp, Spreadsheet, Sheet, Range, RangeList,
// NamedRange, Protection, EmbeddedChart, TextFinder), every counted call is one of:
//   write       goes into the write cache: no round trip by itself (selection changes too:
//               SELECTION below);
//   read        reads cell contents or cell attributes of the document (values, formulas,
//               display values, notes, formats, validations, merges, the content's extent,
//               conditional rules, protections, charts, a TextFinder's search): ONE round
//               trip, after flushing;
//   structural  inserts/deletes/moves rows or columns, inserts/deletes/copies a sheet: ONE
//               round trip, after flushing;
//   flush       SpreadsheetApp.flush(): flushes;
//   local       answered by the script's own objects: handles (getActiveSpreadsheet,
//               getRange, getSheet, getCell…), a range's geometry (getRow, getA1Notation…),
//               builders, and the spreadsheet's metadata (its sheets, their names, ids, order
//               and sizes, named ranges, locale, time zone), which the script gets with the
//               spreadsheet and keeps up to date with its own changes.
// and a FLUSH is one more round trip when the write cache is not empty (before a read, before
// a structural call, on SpreadsheetApp.flush(), at the end of the execution).
//
//   roundTrips = flushes of a non-empty write cache + read calls + structural calls
//
// Other services (Properties, Lock, Ui, Html, Session…) are counted in `total` but are not part
// of the spreadsheet's write cache and are not round trips here. Calls made inside custom
// functions are separate executions and are not counted as round trips either.
// cellsRead adds the cells a read covers (getValues on A1:C10 = 30; getValue = 1; extent and
// rule reads = 0), so a command that reads a whole 50,000-row data range shows it.

export type CostKind = 'read' | 'write' | 'structural' | 'flush' | 'local';

/** Types of the Spreadsheet service: only their calls take part in the write cache. */
export const DOCUMENT_TYPES = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'RangeList',
  'NamedRange',
  'Protection',
  'EmbeddedChart',
  'TextFinder',
]);

/** Reads of a range's cells: the cells they cover count in cellsRead. */
const RANGE_READS = new Set([
  'getValues',
  'getDisplayValues',
  'getFormulas',
  'getNotes',
  'getNumberFormats',
  'getBackgrounds',
  'getFontWeights',
  'getRichTextValues',
  'getMergedRanges',
  'isBlank',
]);
/** The same reads of the top-left cell only: one cell. */
const RANGE_SINGLE_READS = new Set([
  'getValue',
  'getDisplayValue',
  'getFormula',
  'getNote',
  'getNumberFormat',
  'getBackground',
  'getFontColor',
  'getFontWeight',
  'getDataValidation',
  'getRichTextValue',
]);

const READS: Record<string, ReadonlySet<string>> = {
  // canEdit asks Google whether the user may edit every cell: the sheet's protections are read.
  Range: new Set([...RANGE_READS, ...RANGE_SINGLE_READS, 'canEdit']),
  Sheet: new Set([
    'getLastRow',
    'getLastColumn',
    'getDataRange',
    'getConditionalFormatRules',
    'getProtections',
    'getCharts',
  ]),
  EmbeddedChart: new Set(['getRanges']),
  // The search runs on Google's side over the cells: a read, whatever it finds.
  TextFinder: new Set(['findAll']),
};

const STRUCTURAL: Record<string, ReadonlySet<string>> = {
  Sheet: new Set([
    'insertColumnsAfter',
    'insertColumnsBefore',
    'insertColumnAfter',
    'insertColumnBefore',
    'deleteColumns',
    'deleteColumn',
    'moveColumns',
    'insertRowsAfter',
    'insertRowsBefore',
    'insertRowBefore',
    'deleteRows',
    'deleteRow',
    'copyTo',
  ]),
  Spreadsheet: new Set(['insertSheet', 'deleteSheet', 'duplicateActiveSheet']),
};

const LOCAL: Record<string, ReadonlySet<string>> = {
  SpreadsheetApp: new Set(['getActiveSpreadsheet', 'getActiveSheet', 'getActiveRange', 'getUi']),
  Spreadsheet: new Set([
    'getName',
    'getSpreadsheetLocale',
    'getSpreadsheetTimeZone',
    'getSheets',
    'getSheetByName',
    'getActiveSheet',
    'getActiveRange',
    'getActiveCell',
    'getRange',
    'getRangeByName',
    'getNamedRanges',
    'createTextFinder',
    'toast',
  ]),
  Sheet: new Set([
    'getName',
    'getSheetId',
    'getIndex',
    'getParent',
    'getRange',
    'getRangeList',
    'getMaxRows',
    'getMaxColumns',
    'getFrozenRows',
    'getColumnWidth',
    // Whether a line is hidden, and its group depth, are row and column metadata like its size.
    'isRowHiddenByUser',
    'isColumnHiddenByUser',
    'getRowGroupDepth',
    'getColumnGroupDepth',
    'getNamedRanges',
    'createTextFinder',
    'newChart',
  ]),
  Range: new Set([
    'getRow',
    'getColumn',
    'getNumRows',
    'getNumColumns',
    'getLastRow',
    'getLastColumn',
    'getA1Notation',
    'getSheet',
    'getCell',
  ]),
  RangeList: new Set(['getRanges']),
  NamedRange: new Set(['getName', 'getRange']),
  Protection: new Set([
    'isWarningOnly',
    'getDescription',
    'getRange',
    'getProtectionType',
    'getUnprotectedRanges',
    'canEdit',
  ]),
  // Setting up a search sends nothing: only findAll goes to Google.
  TextFinder: new Set(['matchCase', 'matchEntireCell', 'matchFormulaText', 'useRegularExpression']),
};

/**
 * Selection changes. Google's pages say what they select
 * (https://developers.google.com/apps-script/reference/spreadsheet/range#activate(),
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#setActiveSelection(String),
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setActiveSheet(Sheet))
 * and nothing of what they cost. They read nothing back and change what the user sees, not the
 * cells: the emulator takes them as writes, cached with the others, so a selection set after a
 * command's writes adds no round trip, while a selection alone still costs the flush at the end of
 * the execution (never free, as a handle or a range's geometry is). Listed here so the
 * classification is a decision, not a default.
 */
const SELECTION: Record<string, ReadonlySet<string>> = {
  SpreadsheetApp: new Set(['setActiveSheet', 'setActiveRange', 'setCurrentCell']),
  Spreadsheet: new Set([
    'setActiveSheet',
    'setActiveRange',
    'setActiveSelection',
    'setCurrentCell',
  ]),
  Sheet: new Set(['activate', 'setActiveSelection', 'setActiveRange', 'setCurrentCell']),
  Range: new Set(['activate', 'activateAsCurrentCell']),
};

/** Whether the call only moves the user's selection (it edits nothing). */
export function isSelectionChange(typeName: string, method: string): boolean {
  return SELECTION[typeName]?.has(method) ?? false;
}

/**
 * How a call of the Spreadsheet service costs; anything not listed as read/structural/flush/local
 * is a write.
 */
export function costKind(typeName: string, method: string): CostKind {
  if (!DOCUMENT_TYPES.has(typeName)) return 'local';
  if (typeName === 'SpreadsheetApp' && method === 'flush') return 'flush';
  if (typeName === 'SpreadsheetApp' && method.startsWith('new')) return 'local';
  if (isSelectionChange(typeName, method)) return 'write';
  if (READS[typeName]?.has(method)) return 'read';
  if (STRUCTURAL[typeName]?.has(method)) return 'structural';
  if (LOCAL[typeName]?.has(method)) return 'local';
  return 'write';
}

/** Cells a read call covers (0 for reads that are not of a range's cells). */
export function cellsOf(typeName: string, method: string, target: unknown): number {
  if (typeName !== 'Range') return 0;
  if (RANGE_SINGLE_READS.has(method)) return 1;
  if (!RANGE_READS.has(method)) return 0;
  const rect = (target as { _rect?: { rows: number; cols: number } })._rect;
  return rect ? rect.rows * rect.cols : 0;
}
