/**
 * "Download .xlsx": the active map sheet read back into a Journey with the add-on's own
 * reader, planned again and written by dev/export (the same pipeline as `npm run export`),
 * so the file is what the export produces for this map, content included.
 */
import { languageOf } from '../../src/core/words/i18n-all';
import { planMap } from '../../src/core/map/template';
import { readMap } from '../../src/sheets/read';
import type { Workbook } from '../emulator/index';

export interface DownloadFile {
  name: string;
  bytes: Uint8Array;
}

export async function exportActiveMap(workbook: Workbook): Promise<DownloadFile> {
  const ss = workbook.spreadsheet;
  const sheet = ss.getActiveSheet();
  const { result } = readMap(sheet);
  if (!result.ok) {
    throw new Error(result.problem === 'notMap'
      ? `"${sheet.getName()}" is not a CJM map: open a map's tab, then download.`
      : `"${sheet.getName()}" is a damaged map: ${result.reason(languageOf(ss.getSpreadsheetLocale()))}`);
  }
  // Loaded on first use: exceljs is large and most sessions never download.
  const { planToXlsx } = await import('../export/xlsx');
  const plan = planMap(result.journey, { sheetName: sheet.getName(), locale: ss.getSpreadsheetLocale() });
  const bytes = await planToXlsx(plan, { lang: result.journey.lang });
  return { name: `${fileSafe(sheet.getName())}.xlsx`, bytes: new Uint8Array(bytes) };
}

function fileSafe(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim() || 'map';
}
