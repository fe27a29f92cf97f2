/** Writes a map's review block (core/review/block) and its review dates. */
import { isoToSerial } from '../core/map/dates';
import { STYLES } from '../core/map/formats';
import type { FormulaDialect } from '../core/map/formula-syntax';
import { a1, a1Range, LABEL_COL, ROW, ROW_COUNT, SIDE_COL } from '../core/map/layout';
import type { PlanCell } from '../core/map/plan';
import {
  BLOCK_FIRST_ROW,
  BLOCK_KEYS,
  BLOCK_LAST_ROW,
  BLOCK_ROW,
  cadenceChoices,
} from '../core/review/block';
import { t, type Lang } from '../core/words/i18n';
import { writeInDialect } from './formula-dialect';
import type { Changes } from './protections';
import { planValue } from './values';
import { fillRanges, plainLines, rectangles } from './cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Rows under the footer of a map made before reviews, where a user's cells stand in the way:
 * Sheets' own insert moves them down whole (and every reference to them). Returns how many.
 */
export function makeBlockRoom(sheet: Sheet): number {
  const rows = BLOCK_LAST_ROW - ROW_COUNT;
  sheet.insertRowsAfter(ROW.footer, rows);
  // (they would look like the footer: white, at Sheets' smallest size)
  plainLines(sheet, 'rows', ROW.footer + 1, rows);
  return rows;
}

/**
 * What recording a review changes on the map: its review dates and the block's rows (with a row
 * insert when the block must make room), for the protections check before the first write.
 */
export function blockChanges(sheet: Sheet, cols: number, free: boolean): Changes {
  return {
    sheet,
    cells: [
      { row: ROW.reviewed, col: SIDE_COL, rows: 2, cols: 1 },
      { row: ROW_COUNT + 1, col: 1, rows: BLOCK_LAST_ROW - ROW_COUNT, cols },
    ],
    ...(free ? {} : { rowsAfter: ROW.footer }),
  };
}

/**
 * The block's cells that `write` chooses (row and column within the block): ours every time, the
 * user's only when the block is new or the wizard saved them; nothing else is written, not even
 * with what it held (a user's formula there stays theirs). Formats of the cells written; the
 * styles and the cadence's dropdown the `first` time. Returns the formula syntax that held.
 */
export function writeReviewBlock(
  sheet: Sheet,
  cells: readonly PlanCell[][],
  write: (cell: PlanCell, r: number, c: number) => boolean,
  known: FormulaDialect | null,
  first: boolean,
  lang: Lang,
): FormulaDialect | null {
  const cols = cells[0]?.length ?? 2;
  const chosen = cells.flatMap((line, r) =>
    line.flatMap((cell, c) =>
      write(cell, r, c) ? [{ row: BLOCK_FIRST_ROW + r, col: LABEL_COL + c, cell }] : [],
    ),
  );
  // Formats first: rows inserted for the block may carry the footer's text format, where a formula
  // written before it is changed would stay text.
  const byFormat = new Map<string, string[]>();
  for (const { row, col, cell } of chosen)
    byFormat.set(cell.numberFormat, [...(byFormat.get(cell.numberFormat) ?? []), a1(row, col)]);
  for (const [format, list] of byFormat) sheet.getRangeList(list).setNumberFormat(format);
  const dialect = writeInDialect(
    known,
    (d) => {
      const rects = rectangles(chosen.map((w) => ({ ...w, value: planValue(w.cell, d) })));
      fillRanges(sheet.getRangeList(rects.map((r) => r.a1)).getRanges(), rects);
    },
    () => sheet.getRange(BLOCK_ROW.goalProgress, SIDE_COL).getValue(),
  );
  if (!first) return dialect;
  const section = STYLES.sectionLabel;
  sheet
    .getRange(a1Range(BLOCK_ROW.reviewSection, LABEL_COL, 1, cols))
    .setBackground(section.background)
    .setFontColor(section.color)
    .setFontWeight('bold');
  sheet
    .getRange(a1Range(BLOCK_ROW.revenueGoal, LABEL_COL, BLOCK_KEYS.length - 1, 1))
    .setBackground(STYLES.label.background)
    .setFontWeight('bold')
    .setWrap(true);
  sheet
    .getRange(BLOCK_ROW.cadence, SIDE_COL)
    .setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireValueInList(cadenceChoices(lang), true)
        .setAllowInvalid(false)
        .setHelpText(t(lang, 'valid.cadence'))
        .build(),
    );
  return dialect;
}

/** "Last reviewed" becomes `day`, "next review" `next` (ISO days, written as dates). */
export function writeReviewDates(sheet: Sheet, day: string, next: string): void {
  sheet
    .getRange(ROW.reviewed, SIDE_COL, 2, 1)
    .setValues([[isoToSerial(day) ?? day], [isoToSerial(next) ?? next]]);
}
