/**
 * The wizard's side of reviews: the review step's page (the last few periods of the history, never
 * the whole of it), the review block's inputs saved from a step on a map that has no block yet,
 * and Record the review from the sidebar, which saves the step's fields and records in one
 * execution.
 */
import type { Conflict, ReviewRecordRequest } from '../contract';
import { formatDate, parseDate } from '../core/map/dates';
import { currencyOf, moneyFormat } from '../core/map/formats';
import type { Journey } from '../core/map/journey';
import { CELL_LIMIT } from '../core/map/names';
import { blockRowsFree, planBlock, type ReviewFields } from '../core/review/block';
import { readCadence } from '../core/review/cadence';
import { countedPeriods } from '../core/review/history';
import { reviewView, VIEW_PERIODS, type ReviewView } from '../core/review/step-view';
import { stepValues, withReviewValues } from '../core/wizard/fields';
import { checkStepValues, stepChanges } from '../core/wizard/step-values';
import { t, type Lang } from '../core/words/i18n';
import { findHistorySheet, readHistoryTail } from '../sheets/history-sheet';
import { sheetName } from '../sheets/map-sheet';
import { refuseProtected } from '../sheets/protections';
import { blockChanges, makeBlockRoom, writeReviewBlock } from '../sheets/review-block';
import { knownDialect, rememberDialect } from './formula-dialect';
import { checkFields, record, recordedNotice, today } from './review';
import type { OpenedMap } from './open-map';

/**
 * The review step's page: the history's header rows, date columns and last few periods only (its
 * size is metadata), so it costs the same at 120 periods as at 3.
 */
export function reviewPage(map: OpenedMap): ReviewView {
  const found = findHistorySheet(map.ss, map.journey.id);
  const history = found ? readHistoryTail(found, map.journey.lang, map.zone, VIEW_PERIODS) : null;
  return reviewView({
    map: map.journey,
    fields: map.review.fields,
    periods: history ? countedPeriods(history.periods) : [],
    today: today(map.zone),
    currency: currencyOf(map.locale),
  });
}

/**
 * A step saved the review block's inputs on a map made before reviews: the whole block is written
 * (under the footer, into free rows, or rows inserted for it so a user's cells there move down
 * whole), as a first review would write it. Returns what the user should be told.
 */
export function writeNewBlock(map: OpenedMap, fields: ReviewFields): string {
  const { sheet, journey: j } = map;
  const free = blockRowsFree(map.snapshot.values);
  refuseProtected(j.lang, [blockChanges(sheet, map.snapshot.values[0]?.length ?? 1, free)]);
  const moved = free ? 0 : makeBlockRoom(sheet);
  const known = knownDialect(map.locale);
  const cells = planBlock(j, fields, null, moneyFormat(map.locale));
  const dialect = writeReviewBlock(sheet, cells, () => true, known, true, j.lang);
  if (dialect) rememberDialect(map.locale, dialect, known);
  return moved ? t(j.lang, 'review.blockInserted', { n: moved }) : '';
}

export type RecordOutcome =
  | { ok: true; journey: Journey; fields: ReviewFields; notice: string }
  | { ok: false; fieldErrors: Record<string, string> }
  | { ok: false; conflicts: Conflict[] }
  | { ok: false; ask: { question: string } };

/** The period the request names, or the message that says what is wrong with it. */
function spanOf(req: ReviewRecordRequest, lang: Lang): { from: string; to: string } | string {
  const from = parseDate(req.from);
  const to = parseDate(req.to);
  return from && to && from <= to ? { from, to } : t(lang, 'review.badSpan');
}

/**
 * Record the review from the sidebar, under the caller's lock: the step's fields checked (and
 * compared with the sheet, as a save is), then the review recorded with them. A period that has a
 * review already is asked about (replace it, keep both) unless the request answers it.
 */
export function recordInWizard(
  map: OpenedMap,
  req: ReviewRecordRequest,
  labels: Record<string, string>,
): RecordOutcome {
  const j = map.journey;
  const lang = j.lang;
  const changedShown = Object.fromEntries(
    Object.entries(req.values).filter(([id, v]) => String(v) !== String(req.base[id] ?? '')),
  );
  const checked = checkStepValues('review', j, changedShown, lang);
  const fieldErrors: Record<string, string> = checked.ok ? {} : { ...checked.fieldErrors };
  const span = spanOf(req, lang);
  if (typeof span === 'string') fieldErrors['review.to'] = span;
  if (req.note.length > CELL_LIMIT)
    fieldErrors['review.note'] = t(lang, 'field.tooLong', { n: CELL_LIMIT });
  if (!checked.ok || typeof span === 'string' || Object.keys(fieldErrors).length)
    return { ok: false, fieldErrors };
  // Compared with what the sheet holds now: a goal a colleague typed meanwhile is asked about.
  const now = stepValues('review', j, map.review.fields);
  const { writes, conflicts } = stepChanges(checked.values, req.base, now);
  if (conflicts.length)
    return {
      ok: false,
      conflicts: conflicts.map((c) => ({ ...c, label: labels[c.id] ?? c.id })),
    };
  const fields = withReviewValues(map.review.fields, writes);
  const cadence = readCadence(fields.cadence);
  const bad = fieldProblem(fields, lang);
  if (bad || !cadence) return { ok: false, fieldErrors: bad ?? {} };
  const day = today(map.zone);
  let asked: { row: number; sheet: string } | null = null;
  const done = record(
    map,
    { span, note: req.note.replace(/[\r\n\t]+/g, ' ').trim(), cadence, day, fields },
    (row, h) => {
      if (req.sameSpan) return req.sameSpan;
      asked = { row, sheet: sheetName(h.sheet) };
      return null;
    },
  );
  if (!done) {
    const at = asked as { row: number; sheet: string } | null;
    return {
      ok: false,
      ask: {
        question: t(lang, 'review.sameSpanAsk', {
          from: formatDate(span.from, lang),
          to: formatDate(span.to, lang),
          row: at?.row ?? '',
          sheet: at?.sheet ?? '',
        }),
      },
    };
  }
  return {
    ok: true,
    journey: { ...j, title: { ...j.title, reviewed: day, nextReview: done.next } },
    fields,
    notice: recordedNotice(lang, done),
  };
}

/** A goal or cadence the sheet holds that a review cannot be recorded with, named on its field. */
function fieldProblem(fields: ReviewFields, lang: Lang): Record<string, string> | null {
  const checked = checkFields(fields, lang);
  return 'message' in checked ? { [`side.${checked.field}`]: checked.message } : null;
}
