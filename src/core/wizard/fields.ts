/** Wizard field ids ↔ the journey's data and the map's cells. */
import { t, isMessageKey, type Lang } from '../words/i18n';
import { DATE_FORMAT, isoToSerial } from '../map/dates';
import {
  CARD_KEYS,
  CONTENT_KEYS,
  TITLE_KEYS,
  type CardKey,
  type CellData,
  type ContentKey,
  type Journey,
  type TitleKey,
} from '../map/journey';
import { a1, FIRST_STAGE_COL, ROW, SIDE_COL } from '../map/layout';
import { BLOCK_ROW, type ReviewFields } from '../review/block';
import { fieldOptions } from './step-values';
import {
  fieldKind,
  isReviewField,
  parseFieldId,
  sideId,
  stageId,
  STEPS,
  stepFieldIds,
  type FieldKind,
  type FieldRow,
  type StepId,
} from './steps';

const has = <K extends string>(keys: readonly K[], k: string): k is K =>
  (keys as readonly string[]).includes(k);

/** `review`: the map's review block inputs (the journey does not hold them), as read. */
export function fieldValue(j: Journey, id: string, review?: ReviewFields): CellData {
  const f = parseFieldId(id);
  if (!f) return '';
  if (f.stage === null) {
    if (isReviewField(f.row)) return review?.[f.row] ?? '';
    if (has<TitleKey>(TITLE_KEYS, f.row)) return j.title[f.row];
    if (has<CardKey>(CARD_KEYS, f.row)) return j.card[f.row];
    return f.row === 'avgCheck' ? j.avgCheck : f.row === 'purchases' ? j.purchases : '';
  }
  const s = j.stages[f.stage];
  if (!s) return '';
  if (f.row === 'header') return s.name;
  if (f.row === 'role') return s.roleText ?? s.role;
  if (f.row === 'customers' || f.row === 'target') return s[f.row];
  return has<ContentKey>(CONTENT_KEYS, f.row) ? s.content[f.row] : '';
}

/**
 * The journey with these field values written in: what the map holds after a save, without reading
 * it again.
 */
export function withFieldValues(j: Journey, values: Record<string, CellData>): Journey {
  const next: Journey = {
    ...j,
    title: { ...j.title },
    card: { ...j.card },
    stages: j.stages.map((s) => ({ ...s, content: { ...s.content } })),
  };
  for (const [id, value] of Object.entries(values)) {
    const f = parseFieldId(id);
    if (!f) continue;
    if (f.stage === null) {
      if (has<TitleKey>(TITLE_KEYS, f.row)) next.title[f.row] = value;
      else if (has<CardKey>(CARD_KEYS, f.row)) next.card[f.row] = value;
      else if (f.row === 'avgCheck' || f.row === 'purchases') next[f.row] = value;
      continue;
    }
    const s = next.stages[f.stage];
    if (!s) continue;
    if (f.row === 'header') s.name = String(value);
    else if (f.row === 'role') {
      s.role = value === 'L' || value === 'C' || value === 'Q' ? value : '';
      delete s.roleText;
    } else if (f.row === 'customers' || f.row === 'target') s[f.row] = value;
    else if (has<ContentKey>(CONTENT_KEYS, f.row)) s.content[f.row] = value;
  }
  return next;
}

/** The review block's inputs with these field values written in. */
export function withReviewValues(
  review: ReviewFields,
  values: Record<string, CellData>,
): ReviewFields {
  const next = { ...review };
  for (const [id, value] of Object.entries(values)) {
    const f = parseFieldId(id);
    if (f && f.stage === null && isReviewField(f.row)) next[f.row] = value;
  }
  return next;
}

/** 1-based sheet cell of a field. */
export function fieldCell(id: string): { row: number; col: number } | null {
  const f = parseFieldId(id);
  if (f?.stage === null && isReviewField(f.row)) return { row: BLOCK_ROW[f.row], col: SIDE_COL };
  if (!f || !(f.row in ROW) || isReviewField(f.row)) return null;
  return { row: ROW[f.row], col: f.stage === null ? SIDE_COL : FIRST_STAGE_COL + f.stage };
}

/** Whether a field is an input of the review block (under the map's footer). */
export function isReviewFieldId(id: string): boolean {
  const f = parseFieldId(id);
  return f?.stage === null && isReviewField(f.row);
}

/**
 * What a field's cell is written with: a date field's ISO date as its serial number (a real
 * date in the sheet; the cell carries the date format, see datedCells), anything else as is.
 */
export function fieldSheetValue(id: string, value: CellData): CellData {
  const f = parseFieldId(id);
  if (!f || fieldKind(f.row) !== 'date' || typeof value !== 'string') return value;
  return isoToSerial(value) ?? value;
}

/**
 * The cells of written date fields and the date format they need (a map made before dates
 * were real has "@" there, which would show the serial number), or null when none is written.
 */
export function datedCells(
  writes: Record<string, CellData>,
  lang: Lang,
): { a1s: string[]; format: string } | null {
  const a1s = Object.entries(writes).flatMap(([id, value]) => {
    const cell = fieldCell(id);
    const f = parseFieldId(id);
    return cell &&
      f &&
      fieldKind(f.row) === 'date' &&
      typeof fieldSheetValue(id, value) === 'number'
      ? [a1(cell.row, cell.col)]
      : [];
  });
  return a1s.length ? { a1s, format: DATE_FORMAT[lang] } : null;
}

export function stepValues(
  step: StepId,
  j: Journey,
  review?: ReviewFields,
): Record<string, CellData> {
  return Object.fromEntries(
    stepFieldIds(step, j.stages.length).map((id) => [id, fieldValue(j, id, review)]),
  );
}

export interface FieldDescription {
  id: string;
  label: string;
  hint: string;
  kind: FieldKind;
  options: string[];
}

function describe(j: Journey, row: FieldRow, id: string): FieldDescription {
  const hint = `hint.${row}`;
  return {
    id,
    // Row 1's label is the sheet's title; as a form field it is the map's name; the review
    // block's inputs are labelled as the block labels them.
    label: t(
      j.lang,
      row === 'name'
        ? 'field.mapName'
        : isReviewField(row)
          ? `review.row.${row}`
          : (`row.${row}` as Parameters<typeof t>[1]),
    ),
    hint: isMessageKey(hint) ? t(j.lang, hint) : '',
    kind: fieldKind(row),
    options: fieldOptions(j, row),
  };
}

/**
 * The fields a step shows: side fields once, stage fields as templates (id with stage 0 → the
 * client repeats them).
 */
export function stepFields(
  step: StepId,
  j: Journey,
): { side: FieldDescription[]; stage: FieldDescription[] } {
  const def = STEPS[step];
  return {
    side: def.side.map((row) => describe(j, row, sideId(row))),
    stage: def.stage.map((row) => ({ ...describe(j, row, stageId(0, row)), id: row })),
  };
}
