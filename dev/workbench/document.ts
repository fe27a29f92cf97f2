/**
 * The workbench's spreadsheet on disk: one JSON file (Workbook.toJSON), rewritten after
 * every change and read back on start. A file that cannot be read is moved aside, not
 * deleted, so a bad save never costs the user their maps.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Workbook, createWorkbook, type WorkbookJson } from '../emulator/index';

export const ADDON_NAME = 'CJM';
const DOCUMENT_NAME = 'CJM workbench';

export interface LoadedDocument {
  workbook: Workbook;
  /** Said once on start: where the document came from. */
  note: string;
  /** True when the add-on has been used here before (onOpen then runs in LIMITED mode, as in Sheets). */
  used: boolean;
}

export function freshWorkbook(locale: string): Workbook {
  return createWorkbook({ name: DOCUMENT_NAME, locale, addonName: ADDON_NAME });
}

export function loadDocument(file: string, locale: string): LoadedDocument {
  if (!existsSync(file)) return { workbook: freshWorkbook(locale), note: `new workbook (${locale}), saved to ${file}`, used: false };
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as WorkbookJson;
    if (json?.version !== 1 || !Array.isArray(json.sheets) || json.sheets.length === 0) throw new Error('not a workbench workbook');
    const workbook = Workbook.fromJSON(json);
    const used = Object.keys(json.properties?.document ?? {}).length > 0;
    return { workbook, note: `opened ${file} (${json.locale})`, used };
  } catch (e) {
    const aside = `${file}.unreadable-${Date.now()}`;
    renameSync(file, aside);
    const why = e instanceof Error ? e.message : String(e);
    return { workbook: freshWorkbook(locale), note: `could not read ${file} (${why}); moved it to ${aside} and started a new workbook`, used: false };
  }
}

/** Writes to a temporary file and renames it, so a crash mid-write leaves the old file intact. */
export function saveDocument(file: string, workbook: Workbook): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(workbook.toJSON()));
  renameSync(tmp, file);
}
