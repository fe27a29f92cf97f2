/**
 * Record a review: the map's figures as they are now are kept as a dated period in its history
 * sheet, its review dates move on by its cadence, and its review block (goal, cadence, trend rows)
 * is written, under the footer of a map made before reviews existed too. Reads: the map, the
 * history; one flush of writes: three round trips when the formula syntax is known.
 */
import { dateToIso, formatDate } from '../core/map/dates';
import { moneyFormat } from '../core/map/formats';
import { a1, SIDE_COL, stageCol } from '../core/map/layout';
import type { PlanCell } from '../core/map/plan';
import type { FormulaDialect } from '../core/map/formula-syntax';
import {
  BLOCK_KEYS,
  BLOCK_ROW,
  blockCadence,
  blockRowsFree,
  movedBlockRow,
  planBlock,
  redrawsCell,
  REVIEW_FIELDS,
  BLOCK_FIRST_ROW,
  type ReviewFields,
  type TrendSource,
} from '../core/review/block';
import { coveredSpan, nextReview, type Cadence, type Span } from '../core/review/cadence';
import { countedPeriods, describeProblems, periodDay, type Period } from '../core/review/history';
import { inputsOfMap } from '../core/review/period';
import { trends } from '../core/review/trend';
import { reviewSummary, type ReviewSummary } from '../core/review/summary';
import type { CellData, Journey } from '../core/map/journey';
import { formatCount, formatShare } from '../core/funnel/numbers';
import { t, type Lang } from '../core/words/i18n';
import {
  findHistorySheet,
  readHistorySheet,
  readHistoryValues,
  startHistorySheet,
  writePeriod,
  type HistorySheet,
} from '../sheets/history-sheet';
import { refuseProtected } from '../sheets/protections';
import { ui } from '../sheets/workbook';
import { here, openMap, type OpenedMap } from './open-map';
import { UserError } from './errors';
import { knownDialect, rememberDialect } from './formula-dialect';
import { withDocumentLock } from './lock';
import { runCommand } from './report';
import { markMapsChanged } from './stamp';
import {
  blockChanges,
  makeBlockRoom,
  writeReviewBlock,
  writeReviewDates,
} from '../sheets/review-block';
import { sheetName } from '../sheets/map-sheet';
import { computeMetrics, numberOf } from '../core/map/metrics';

const NOTICE_SECONDS = 15;

export interface Recorded {
  span: Span;
  next: string;
  sheetName: string;
  /** words about the history the user should know (unreadable cells, rows moved down) */
  notices: string[];
}

/**
 * The block's inputs as a review takes them: its cadence, or what it cannot be recorded with (a
 * cadence that is none, a goal that is no amount), the field it is on and the words that name
 * its cell.
 */
export function checkFields(
  fields: ReviewFields,
  lang: Lang,
): { cadence: Cadence } | { field: 'cadence' | 'revenueGoal'; message: string } {
  const problem = (
    field: 'cadence' | 'revenueGoal',
    key: 'review.badCadence' | 'review.badGoal',
  ) => ({
    field,
    message: t(lang, key, { value: String(fields[field]), cell: a1(BLOCK_ROW[field], SIDE_COL) }),
  });
  const cadence = blockCadence(fields);
  if (!cadence) return problem('cadence', 'review.badCadence');
  if (fields.revenueGoal !== '' && numberOf(fields.revenueGoal) === null)
    return problem('revenueGoal', 'review.badGoal');
  return { cadence };
}

/** The cadence and goal the map's block holds, or a refusal naming the cell to fix. */
export function reviewSettings(map: OpenedMap): { cadence: Cadence; fields: ReviewFields } {
  const { fields } = map.review;
  const checked = checkFields(fields, map.journey.lang);
  if ('message' in checked) throw new UserError(checked.message);
  return { cadence: checked.cadence, fields };
}

/** What the user is told once the review is recorded: where, the next date, what it showed. */
export function recordedNotice(lang: Lang, done: Recorded): string {
  const shown = (d: string) => formatDate(d, lang);
  return [
    t(lang, 'review.recorded', {
      from: shown(done.span.from),
      to: shown(done.span.to),
      sheet: done.sheetName,
      next: shown(done.next),
    }),
    ...done.notices,
  ].join(' ');
}

/** A review block that moved is not read nor written anew: the user is asked to move it back. */
export function refuseMovedBlock(values: readonly (readonly unknown[])[], lang: Lang): void {
  const row = movedBlockRow(values);
  if (row !== null)
    throw UserError.of(lang, 'review.blockMoved', { row, home: BLOCK_ROW.reviewSection });
}

/**
 * The block's own cells drawn again for the stages of `j` (the goal, its date, the cadence and
 * whatever the user typed beside them stay as they are): `trend`, the history they read, or null
 * for a block that reads none yet.
 */
function redrawBlock(
  map: OpenedMap,
  j: Journey,
  trend: TrendSource | null,
  known: FormulaDialect | null,
  write: (cell: PlanCell, r: number, c: number) => boolean = (cell) => cell.owner === 'template',
): void {
  const cells = planBlock(j, map.review.fields, trend, moneyFormat(map.locale));
  const dialect = writeReviewBlock(map.sheet, cells, write, known, false, j.lang);
  if (dialect) rememberDialect(map.locale, dialect, known);
}

/** Whether the map has a review block where the add-on reads and writes it. */
export function blockAtHome(map: OpenedMap): boolean {
  return map.review.present && movedBlockRow(map.snapshot.values) === null;
}

/**
 * A copy made a map of its own (`own`) has no history yet, but the review block it was copied with
 * reads the original's: the block's formulas are drawn again as for a map with no reviews.
 */
export function forgetCopiedTrend(map: OpenedMap, own: Journey): void {
  if (blockAtHome(map)) redrawBlock(map, own, null, knownDialect(map.locale));
}

/**
 * A stage edit's part in the review block, read before the edit: the block's formulas name the
 * stages' range and each stage's neighbour and history columns, which a stage added, removed or
 * moved leaves reading the old order, so the edit draws them again (`redraw`, with the map as it
 * is after the edit and the formula syntax the edit wrote in). Null when the map has no block at
 * home.
 */
export function blockAfterEdit(
  map: OpenedMap,
): { redraw: (edited: Journey, dialect: FormulaDialect) => void } | null {
  if (!blockAtHome(map)) return null;
  const found = findHistorySheet(map.ss, map.journey.id);
  const history = found ? readHistoryValues(found, map.journey.lang, map.zone) : null;
  const trend: TrendSource | null = found &&
    history && {
      sheetName: sheetName(found),
      history,
      rows: countedPeriods(history.periods).map((p) => p.row),
    };
  const { stages } = map.journey;
  const { values, formulas } = map.snapshot;
  const before = (edited: Journey) => (i: number, r: number) => {
    const index = stages.findIndex((s) => s.id === edited.stages[i]?.id);
    if (index < 0) return { index: null, blank: true };
    const [row, col] = [BLOCK_FIRST_ROW + r - 1, stageCol(index) - 1];
    return { index, blank: values[row]?.[col] === '' && !formulas[row]?.[col] };
  };
  return {
    redraw: (edited, dialect) =>
      redrawBlock(map, edited, trend, dialect, (cell, r, c) =>
        redrawsCell(cell, r, c, before(edited)),
      ),
  };
}

/** Today in the spreadsheet's time zone, as an ISO day. */
export function today(timeZone: () => string): string {
  return dateToIso(new Date(), timeZone()) ?? new Date().toISOString().slice(0, 10);
}

/**
 * The map's reviews for an export (poster, mind map): its history read (one read; none for a map
 * never reviewed) and summed up as of today.
 */
export function reviewForExport(map: OpenedMap): ReviewSummary | null {
  const j = map.journey;
  const sheet = findHistorySheet(map.ss, j.id);
  if (!sheet) return null;
  const periods = countedPeriods(readHistoryValues(sheet, j.lang, map.zone).periods);
  return reviewSummary(j, map.review.fields, periods, today(map.zone), computeMetrics(j).revenue);
}

/** The block's cells (row and column within it) a wizard's save of the review fields writes. */
const FIELD_CELLS = REVIEW_FIELDS.map((k) => `${BLOCK_KEYS.indexOf(k)}:${SIDE_COL - 1}`);

/** The recorded period of the same span, if any: the one a second review would replace. */
export function sameSpanRow(h: HistorySheet | null, span: Span): number | null {
  const same = (h?.history.periods ?? []).filter(
    (p) => periodDay(p) === span.to && (p.from ?? span.from) === span.from,
  );
  return same[same.length - 1]?.row ?? null;
}

/** What a review is recorded with; `fields`: the block's inputs as the wizard just saved them. */
export interface ReviewChoice {
  span: Span;
  note: string;
  cadence: Cadence;
  day: string;
  fields?: ReviewFields;
}

/**
 * Records the review, under the caller's document lock (the history is read under it, so a
 * colleague's review recorded a moment before is never written over). `sameSpan` is asked only
 * when the period already has a review: replace it, keep both, or null to stop.
 */
export function record(
  map: OpenedMap,
  choice: ReviewChoice,
  sameSpan: (row: number, h: HistorySheet) => 'keep' | 'replace' | null,
): Recorded | null {
  const { journey: j, ss, sheet } = map;
  const lang = j.lang;
  refuseMovedBlock(map.snapshot.values, lang);
  const fields = choice.fields ?? reviewSettings(map).fields;
  const found = findHistorySheet(ss, j.id);
  const read = found ? readHistorySheet(found, lang, map.zone) : null;
  // a history whose markers row is gone cannot be added to without losing its columns' meaning
  if (
    read &&
    read.history.columns.size === 0 &&
    read.values.some((line) => line.some((v) => v !== ''))
  )
    throw UserError.of(lang, 'review.historyDamaged', { sheet: sheetName(read.sheet) });
  const again = sameSpanRow(read, choice.span);
  const sameDay = again === null || !read ? 'keep' : sameSpan(again, read);
  if (!sameDay) return null;
  const present = map.review.present;
  const free = present || blockRowsFree(map.snapshot.values);
  refuseProtected(lang, [blockChanges(sheet, map.snapshot.values[0]?.length ?? 1, free)]);
  const mapName = sheetName(sheet);
  const h = read ?? startHistorySheet(ss, sheet, mapName, j);
  const historyName = sheetName(h.sheet);
  const row = writePeriod(h, j, mapName, {
    from: choice.span.from,
    to: choice.span.to,
    recorded: choice.day,
    note: choice.note,
    status: again !== null && sameDay === 'keep' ? t(lang, 'history.again') : '',
    inputs: inputsOfMap(j),
    row: again !== null && sameDay === 'replace' ? again : null,
  });
  const notices: string[] = [];
  if (h.history.problems.length)
    notices.push(
      t(lang, 'review.historyProblems', {
        list: describeProblems(h.history.problems, lang),
        sheet: historyName,
      }),
    );
  if (!free) notices.push(t(lang, 'review.blockInserted', { n: makeBlockRoom(sheet) }));
  const counted = countedPeriods([
    ...h.history.periods.filter((p) => p.row !== row),
    periodOfMap(j, row, choice.span),
  ]);
  const rows = counted.map((p) => p.row);
  notices.push(...trendNotice(j, counted, fields.revenueGoal));
  const next = nextReview(choice.day, choice.cadence);
  const known = knownDialect(map.locale);
  const cells = planBlock(
    j,
    fields,
    { sheetName: historyName, rows, history: h.history },
    moneyFormat(map.locale),
  );
  // Only our cells are written: the user's (the goal, its date, the cadence, and whatever they
  // typed beside them) stay as they are, formulas included; a new block's inputs, or fields the
  // wizard just saved, are written as planned.
  const first = !present || !free;
  const saved = new Set(choice.fields ? FIELD_CELLS : []);
  const dialect = writeReviewBlock(
    sheet,
    cells,
    (cell, r, c) => cell.owner === 'template' || first || saved.has(`${r}:${c}`),
    known,
    first,
    lang,
  );
  if (dialect) rememberDialect(map.locale, dialect, known);
  writeReviewDates(sheet, choice.day, next);
  markMapsChanged();
  return { span: choice.span, next, sheetName: historyName, notices };
}

/** The period just recorded, as the history will read it. */
function periodOfMap(j: Journey, row: number, span: Span): Period {
  const inputs = inputsOfMap(j);
  const num = (v: unknown) => numberOf(v as CellData);
  const block = (b: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(b).map(([id, v]) => [id, num(v)]));
  return {
    row,
    from: span.from,
    to: span.to,
    recorded: null,
    note: '',
    status: '',
    avgCheck: num(inputs.avgCheck),
    purchases: num(inputs.purchases),
    customers: block(inputs.customers),
    target: block(inputs.target),
    score: block(inputs.score),
  };
}

/** What the review shows at once: the revenue's change, progress to the goal, stages under target. */
function trendNotice(j: Journey, periods: readonly Period[], goal: CellData): string[] {
  const tr = trends(j, periods);
  const lang = j.lang;
  const out: string[] = [];
  const revenue = tr.revenue[tr.revenue.length - 1] ?? null;
  if (tr.revenueChange !== null)
    out.push(
      t(lang, 'review.revenueChange', {
        change: `${tr.revenueChange >= 0 ? '+' : '−'}${formatCount(Math.abs(tr.revenueChange), lang)}`,
      }),
    );
  const target = numberOf(goal);
  if (target !== null && target > 0 && revenue !== null)
    out.push(t(lang, 'review.progress', { share: formatShare(revenue / target, lang) }));
  const below = tr.stages
    .filter((s) => s.belowTwice)
    .map((s) => j.stages.find((x) => x.id === s.stageId)?.name ?? '');
  if (below.length) out.push(t(lang, 'review.belowStages', { stages: below.join(', ') }));
  return out;
}

/** Menu: Record a review… — asks for a one-line note, and about a period already reviewed. */
export function recordReviewFromMenu(): void {
  runCommand(() => {
    // (with its formulas: a user's formula in the block's goal, date or cadence is written back)
    const map = openMap(here(), 'active');
    const lang = map.journey.lang;
    refuseMovedBlock(map.snapshot.values, lang);
    const { cadence } = reviewSettings(map);
    const day = today(map.zone);
    const span = coveredSpan(day, cadence);
    const note = askNote(map, span);
    if (note === null) return;
    const done = withDocumentLock(lang, () =>
      record(map, { span, note, cadence, day }, (row, h) => askSameSpan(lang, span, row, h)),
    );
    if (!done) return;
    map.ss.toast(recordedNotice(lang, done), t(lang, 'menu.review'), NOTICE_SECONDS);
  });
}

/** The note of the review, one line; null when the user cancels. */
function askNote(map: OpenedMap, span: Span): string | null {
  const lang = map.journey.lang;
  const u = ui();
  const answer = u.prompt(
    t(lang, 'review.notePrompt', {
      map: String(map.journey.title.name || sheetName(map.sheet)),
      from: formatDate(span.from, lang),
      to: formatDate(span.to, lang),
    }),
    u.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== u.Button.OK) return null;
  return answer
    .getResponseText()
    .replace(/[\r\n\t]+/g, ' ')
    .trim();
}

/** A period that has a review already: replace it (Yes), keep both (No), or stop. */
function askSameSpan(
  lang: Lang,
  span: Span,
  row: number,
  h: HistorySheet,
): 'keep' | 'replace' | null {
  const u = ui();
  const answer = u.alert(
    t(lang, 'review.sameDate', {
      from: formatDate(span.from, lang),
      to: formatDate(span.to, lang),
      row,
      sheet: sheetName(h.sheet),
    }),
    u.ButtonSet.YES_NO_CANCEL,
  );
  if (answer === u.Button.YES) return 'replace';
  return answer === u.Button.NO ? 'keep' : null;
}
