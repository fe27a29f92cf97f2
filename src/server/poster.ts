/**
 * Step "present": the one-page journey poster, made on the server from the map as the sheet
 * holds it and handed to the sidebar as text, which saves it as a file. No new scope: nothing
 * is written to Drive, and the sidebar's sandbox allows downloads (allow-downloads).
 */
import type { Poster } from '../contract';
import { posterFileName, renderPoster } from '../core/poster/poster';
import { mapForExport } from './wizard';

export function exportPoster(payload: unknown): Poster {
  const { journey, locale, sheetName, actions, review } = mapForExport(payload);
  return {
    svg: renderPoster({ journey, locale, actions, review }),
    fileName: posterFileName(journey, sheetName),
  };
}
