import { selfCheck } from '../sheets/self-check';
import { activeSpreadsheet } from '../sheets/workbook';

/**
 * Maintainers: run from the Apps Script editor of a project bound to a test spreadsheet
 * (docs/deploy.md, "Settle the platform's open questions"). Not on the add-on's menu.
 */
export function cjmSelfCheck(): string {
  const ss = activeSpreadsheet();
  if (!ss)
    throw new Error(
      'cjmSelfCheck needs a spreadsheet: run it from the Apps Script editor of a project bound to one (docs/deploy.md).',
    );
  return selfCheck(ss);
}
