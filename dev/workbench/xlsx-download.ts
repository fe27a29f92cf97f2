/**
 * "Download .xlsx": the whole workbook (every map, its action plan, the portfolio, the charts,
 * the user's own sheets) written by dev/export, the same pipeline as `npm run export`, named
 * after the active sheet.
 */
import type { Workbook } from '../emulator/index';

export interface DownloadFile {
  name: string;
  bytes: Uint8Array;
}

export async function exportActiveMap(workbook: Workbook): Promise<DownloadFile> {
  const sheet = workbook.spreadsheet.getActiveSheet();
  // Loaded on first use: exceljs is large and most sessions never download.
  const { workbookToXlsx } = await import('../export/xlsx');
  const bytes = await workbookToXlsx(workbook);
  return { name: `${fileSafe(sheet.getName())}.xlsx`, bytes: new Uint8Array(bytes) };
}

function fileSafe(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are not allowed in file names
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim() || 'map';
}
