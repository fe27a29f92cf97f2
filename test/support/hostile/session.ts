/**
 * Spreadsheets for hostile sequences. Building one (a formula engine, the bundle loaded into
 * a fresh context) costs more than most sequences' steps, so a finished one is emptied back
 * to what openSpreadsheet gives (one blank "Sheet1", no names, no properties, nothing shown)
 * and handed to the next sequence of the same locale. If emptying fails or leaves anything
 * behind, the spreadsheet is dropped and the next sequence gets a new one.
 */
import { defaultFormulaSeparators, type Workbook } from '../../../emulator/index';
import { openSpreadsheet, type Session } from '../addon';

const pool = new Map<string, Session[]>();

export function takeSession(locale: string): Session {
  return pool.get(locale)?.pop() ?? openSpreadsheet(locale);
}

export function returnSession(locale: string, session: Session): void {
  try {
    if (!empty(session.wb, locale)) return;
  } catch {
    return;
  }
  const list = pool.get(locale) ?? [];
  if (list.length < 4) list.push(session);
  pool.set(locale, list);
}

/** Empties a spreadsheet; true when it is as new. */
function empty(wb: Workbook, locale: string): boolean {
  const m = wb.model;
  // a sequence may have changed the locale and the formula syntax (structure.ts, World)
  m.locale = locale;
  m.formulaSeparators = defaultFormulaSeparators();
  if (wb.ui.pendingAnswers > 0) return false;
  const keep = m.addSheet(undefined);
  for (const s of [...m.sheets]) if (s !== keep) m.removeSheet(s);
  m.renameSheet(keep, 'Sheet1');
  for (const n of m.engine.namedRangeNames()) m.engine.removeNamedRange(n);
  m.active = keep;
  m.activeRange = null;
  for (const store of [m.documentProperties, m.userProperties]) store.data.clear();
  const ui = m.ui;
  ui.menus = [];
  ui.surfaces = [];
  ui.requests = [];
  ui.toasts = [];
  ui.responder = () => 'OK';
  m.logs.length = 0;
  m.documentLock.holder = 'none';
  m.documentLock.contentions = 0;
  m.counter.reset();
  const extent = m.engine.extent('Sheet1');
  return (
    m.sheets.length === 1 &&
    m.engine.namedRangeNames().length === 0 &&
    extent.lastRow < 0 &&
    extent.lastCol < 0 &&
    keep.attrs.size === 0
  );
}
