// A tiny hand-written stand-in for dist/Code.js: global functions, JSDoc with
// @customfunction for formulas, an onOpen that builds a menu.
export const BUNDLE = `
var MENU_TITLE = 'CJM';

function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu()
    .addItem('New map', 'newMap')
    .addSeparator()
    .addItem('Help', 'showHelp')
    .addToUi();
}

function onInstall(e) { onOpen(e); }

function onOpenGreedy(e) {
  onOpen(e);
  return SpreadsheetApp.getActiveSpreadsheet().getName();
}

function newMap() {
  var lock = LockService.getDocumentLock();
  if (!lock.tryLock(1000)) return 'busy';
  var sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Map');
  sheet.getRange(1, 1, 2, 3).setValues([['Stage', 'Leads', 'Conv'], ['Visit', 1000, 0.1]]);
  PropertiesService.getDocumentProperties().setProperty('maps', JSON.stringify(['Map']));
  return sheet.getName();
}

function waitThenWrite() {
  LockService.getDocumentLock().waitLock(5000);
  return 'wrote';
}

function showHelp() {
  var html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Help');
  SpreadsheetApp.getUi().showSidebar(html);
}

function ask() {
  var ui = SpreadsheetApp.getUi();
  var r = ui.prompt('Name?', 'Map name', ui.ButtonSet.OK_CANCEL);
  if (r.getSelectedButton() !== ui.Button.OK) return null;
  var ok = ui.alert('Create ' + r.getResponseText() + '?', ui.ButtonSet.YES_NO);
  return ok === ui.Button.YES ? r.getResponseText() : 'no';
}

function kinds() {
  var v = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1:B1').getValues();
  return [v instanceof Array, v[0] instanceof Array, typeof v[0][0]];
}

function catchIt() {
  try { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(0, 1); }
  catch (e) { return [e instanceof Error, e.message]; }
}

function echo(x) { return x; }
function withDate() { return { when: new Date(0), n: 1 }; }

/**
 * Doubles a number or every cell of a range.
 * @param {number|Array<Array<number>>} x
 * @return {number|Array<Array<number>>}
 * @customfunction
 */
function DOUBLE(x) {
  if (Array.isArray(x)) return x.map(function (row) { return row.map(function (v) { return v === '' ? '' : v * 2; }); });
  return x * 2;
}

/**
 * (n+1) x 5 table for an n-cell input: a header row, then one row per cell.
 * @customfunction
 */
function TABLE(range) {
  var cells = Array.isArray(range) ? [].concat.apply([], range) : [range];
  var out = [['#', 'value', 'double', 'type', 'blank']];
  cells.forEach(function (v, i) { out.push([i + 1, v, v === '' ? '' : v * 2, typeof v, v === '']); });
  return out;
}

/**
 * Describes its arguments: how Apps Script passes cells and ranges.
 * @customfunction
 */
function ARGTYPES(a, b) {
  function d(v) { return Array.isArray(v) ? 'array ' + v.length + 'x' + v[0].length + ' [' + v.map(function (r) { return r.map(function (c) { return typeof c + ':' + JSON.stringify(c); }).join(','); }).join(';') + ']' : typeof v + ':' + JSON.stringify(v); }
  return d(a) + ' | ' + d(b);
}

/**
 * Always fails, with a helpful message.
 * @customfunction
 */
function FAIL(x) {
  throw new Error('FAIL: argument x (' + x + ') is not accepted; pass a positive number.');
}

/**
 * Returns a 1-D array: a column.
 * @customfunction
 */
function COLUMN3() { return [1, 2, 3]; }

/**
 * Tries to use a service from a formula.
 * @customfunction
 */
function SNEAKY() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }

/** Not a custom function: no tag. */
function helper_() { return 1; }
`;

export const SIDEBAR_HTML = '<!doctype html><html><body>Sidebar</body></html>';
