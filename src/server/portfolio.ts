import { skipNotice } from '../core/map/portfolio';
import { t } from '../core/words/i18n';
import { writePortfolio } from '../sheets/portfolio-sheet';
import { knownDialect, rememberDialect } from './formula-dialect';
import { activeSpreadsheet, spreadsheetLang } from '../sheets/workbook';
import { withDocumentLock } from './lock';
import { runCommand } from './report';

const NOTICE_SECONDS = 15;

/**
 * Menu: rebuilds the Portfolio sheet from the maps of this spreadsheet, keeping the user's own
 * columns. Maps that could not be listed (sheet deleted, or no longer holding the map) are
 * left out, and a toast says how many and why.
 */
export function showPortfolio(): void {
  runCommand(() => {
    const lang = spreadsheetLang();
    const ss = activeSpreadsheet();
    const locale = ss.getSpreadsheetLocale();
    const known = knownDialect(locale);
    const { skipped, dialect } = withDocumentLock(lang, () =>
      writePortfolio(ss, lang, locale, known),
    );
    if (dialect) rememberDialect(locale, dialect, known);
    if (skipped.length > 0)
      ss.toast(skipNotice(lang, skipped), t(lang, 'portfolio.sheet'), NOTICE_SECONDS);
  });
}
