import { writePortfolio } from '../sheets/portfolio-sheet';
import { activeSpreadsheet, spreadsheetLang } from '../sheets/workbook';
import { withDocumentLock } from './lock';
import { runCommand } from './report';

/** Menu: rebuilds the Portfolio sheet from the maps of this spreadsheet, keeping the user's own columns. */
export function showPortfolio(): void {
  runCommand(() => {
    const lang = spreadsheetLang();
    const ss = activeSpreadsheet();
    withDocumentLock(lang, () => writePortfolio(ss, lang, ss.getSpreadsheetLocale()));
  });
}
