/**
 * "Download .xlsx": the whole workbook (every map, its action plan, the portfolio, the charts,
 * the user's own sheets) written by xlsx-export/, the same pipeline as `npm run export`, named
 * after the active sheet.
 */
import { safeFileName } from '../../src/core/words/file-name';
import type { Workbook } from '../../emulator/index';

export interface DownloadFile {
  name: string;
  bytes: Uint8Array;
}

export async function exportActiveMap(workbook: Workbook): Promise<DownloadFile> {
  const sheet = workbook.spreadsheet.getActiveSheet();
  // Loaded on first use: exceljs is large and most sessions never download.
  const { workbookToXlsx } = await import('../../xlsx-export/xlsx');
  const bytes = await workbookToXlsx(workbook);
  return { name: `${safeFileName(sheet.getName(), 'map')}.xlsx`, bytes: new Uint8Array(bytes) };
}
