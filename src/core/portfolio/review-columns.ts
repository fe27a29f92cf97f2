/**
 * A map's review columns on the portfolio: the revenue's change since its last review, progress to
 * its revenue goal, its last and next review, and a ⚠ when the next review is due or past. Built-in
 * formulas over the map's fixed cells, so they stay live and cost no server execution; TODAY()
 * keeps the ⚠ current from one day to the next.
 */
import { a1, absA1, ROW, SIDE_COL } from '../map/layout';
import { formulaText, quoteSheet } from '../map/links';
import type { WriteCell } from '../map/plan';
import { BLOCK_ROW, blockMarker } from '../review/block';
import { LANGS, t, type Lang } from '../words/i18n';
import { COL } from './columns';

/**
 * The cells of columns COL.change..COL.due for the map on sheet `sheetName`, on portfolio row
 * `row`. A figure of the review block shows only where the block's marker is: under a map made
 * before reviews, those rows may hold the user's own notes, which are not a figure.
 */
export function reviewCells(lang: Lang, sheetName: string, row: number): WriteCell[] {
  const at = (r: number) => `${quoteSheet(sheetName)}!${absA1(r, SIDE_COL)}`;
  const marker = `TRIM(${at(BLOCK_ROW.reviewSection)})`;
  const hasBlock = `OR(${LANGS.map((l) => `${marker}=${formulaText(blockMarker(l))}`).join(',')})`;
  const fromBlock = (r: number): WriteCell => ({
    formula: `=IFERROR(IF(AND(${hasBlock},ISNUMBER(${at(r)})),${at(r)},""),"")`,
  });
  const date = (r: number): WriteCell => ({ formula: `=IF(${at(r)}="","",${at(r)})` });
  const next = a1(row, COL.nextReview);
  const word = (key: 'portfolio.overdue' | 'portfolio.dueToday') => formulaText(t(lang, key));
  return [
    fromBlock(BLOCK_ROW.trendChange),
    fromBlock(BLOCK_ROW.goalProgress),
    date(ROW.reviewed),
    date(ROW.nextReview),
    {
      formula: `=IF(ISNUMBER(${next}),IF(${next}<TODAY(),${word('portfolio.overdue')},IF(${next}<TODAY()+1,${word('portfolio.dueToday')},"")),"")`,
    },
  ];
}
