import { skipNotice, unmovedNotice } from '../core/portfolio/portfolio';
import { dueNotice } from '../core/portfolio/survey';
import { once } from '../core/once';
import { t } from '../core/words/i18n';
import { writePortfolio } from '../sheets/portfolio-sheet';
import { knownDialect, rememberDialect } from './formula-dialect';
import { activeSpreadsheet, spreadsheetLang } from '../sheets/workbook';
import { withDocumentLock } from './lock';
import { runCommand } from './report';
import { today } from './review';

const NOTICE_SECONDS = 15;

/**
 * Menu: rebuilds the Portfolio sheet from the maps of this spreadsheet, keeping the user's own
 * columns. A toast says which maps were left out and why (sheet deleted, or no longer holding
 * the map), which of the user's formulas that moved with their map could not be moved safely,
 * and which maps are due for a review: the reminder a marketer gets without triggers.
 */
export function showPortfolio(): void {
  runCommand(() => {
    const lang = spreadsheetLang();
    const ss = activeSpreadsheet();
    const locale = ss.getSpreadsheetLocale();
    const known = knownDialect(locale);
    const timeZone = once(() => ss.getSpreadsheetTimeZone());
    const { maps, skipped, dialect, unmoved } = withDocumentLock(lang, () =>
      writePortfolio(ss, { lang, locale, timeZone }, known),
    );
    if (dialect) rememberDialect(locale, dialect, known);
    const notice = [
      skipNotice(lang, skipped),
      unmovedNotice(lang, unmoved),
      dueNotice(lang, maps, today(timeZone)),
    ]
      .filter(Boolean)
      .join(' ');
    if (notice) ss.toast(notice, t(lang, 'portfolio.sheet'), NOTICE_SECONDS);
  });
}
