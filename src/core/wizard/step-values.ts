/**
 * Checking what a wizard step sends before anything is written: every value against its
 * field's kind, in the user's language, and every cell against what the sheet holds now,
 * so that a cell someone typed into after the step was loaded is never overwritten silently.
 */
import { choices } from '../map/template';
import { cadenceChoices } from '../review/block';
import { t, type Lang, type MessageKey } from '../words/i18n';
import type { CellData, Journey } from '../map/journey';
import { parseNumber } from '../funnel/numbers';
import { dateFormatHint, parseDate } from '../map/dates';
import { ROLES } from '../map/stages';
import { CELL_LIMIT, nameProblem } from '../map/names';
import { fieldKind, parseFieldId, stageId, stepFieldIds, type StepId } from './steps';

export function fieldOptions(j: Pick<Journey, 'lang'>, row: string): string[] {
  if (row === 'role') return [...ROLES];
  if (row === 'barrierType' || row === 'driverType' || row === 'evidence') return choices(j, row);
  if (row === 'cadence') return cadenceChoices(j.lang);
  return [];
}

function checkValue(
  j: Journey,
  id: string,
  value: unknown,
): { value: CellData } | { error: MessageKey; vars?: Record<string, string | number> } {
  const field = parseFieldId(id);
  const kind = field ? fieldKind(field.row) : 'text';
  if (value === '' || value === null || value === undefined) return { value: '' };
  if (kind === 'text' || kind === 'longtext' || kind === 'select' || kind === 'date') {
    if (typeof value !== 'string') return { error: 'field.invalid' };
    if (value.length > CELL_LIMIT) return { error: 'field.tooLong', vars: { n: CELL_LIMIT } };
    const name = field?.row === 'header' ? 'stage' : field?.row === 'name' ? 'map' : null;
    const named = name && nameProblem(name, value);
    if (named) return { error: named.key, vars: named.vars };
    if (kind === 'select' && !fieldOptions(j, field?.row ?? '').includes(value))
      return { error: 'field.choose' };
    if (kind === 'date') {
      // A real date, kept as ISO text on its way ("15.05.2026" typed in Russian is 2026-05-15).
      const iso = parseDate(value);
      return iso ? { value: iso } : { error: 'field.date', vars: dateFormatHint(j.lang) };
    }
    return { value };
  }
  // Read as the sidebar and the map's language read it: "1,500" is 1.5 in Russian, 1500 in English.
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string'
        ? parseNumber(value, j.lang)
        : null;
  if (kind === 'share')
    return n !== null && n >= 0 && n <= 1 ? { value: n } : { error: 'field.share' };
  if (kind === 'score')
    return n !== null && Number.isInteger(n) && n >= 1 && n <= 5
      ? { value: n }
      : { error: 'field.score' };
  return n !== null && n >= 0 && Number.isFinite(n) ? { value: n } : { error: 'field.number' };
}

export type CheckedStep =
  | { ok: true; values: Record<string, CellData> }
  | { ok: false; fieldErrors: Record<string, string> };

/** Validates a step's values: only the step's own fields, each of the right kind. */
export function checkStepValues(
  step: StepId,
  j: Journey,
  values: Record<string, unknown>,
  lang: Lang,
): CheckedStep {
  const allowed = new Set(stepFieldIds(step, j.stages.length));
  const fieldErrors: Record<string, string> = {};
  const out: Record<string, CellData> = {};
  for (const [id, raw] of Object.entries(values)) {
    if (!allowed.has(id)) {
      fieldErrors._form = t(lang, 'err.unknownField', { field: id });
      continue;
    }
    const checked = checkValue(j, id, raw);
    if ('error' in checked) fieldErrors[id] = t(lang, checked.error, checked.vars);
    else out[id] = checked.value;
  }
  return Object.keys(fieldErrors).length ? { ok: false, fieldErrors } : { ok: true, values: out };
}

const same = (a: CellData | undefined, b: CellData | undefined) =>
  String(a ?? '') === String(b ?? '');

export interface StepChanges {
  /** cells to write: the user changed them and the sheet still holds what the step loaded */
  writes: Record<string, CellData>;
  /** cells both the user and someone in the sheet changed, differently */
  conflicts: { id: string; sheet: CellData; yours: CellData }[];
}

export function stepChanges(
  values: Record<string, CellData>,
  base: Record<string, CellData>,
  current: Record<string, CellData>,
): StepChanges {
  const writes: Record<string, CellData> = {};
  const conflicts: StepChanges['conflicts'] = [];
  for (const [id, yours] of Object.entries(values)) {
    if (same(yours, base[id]) || same(yours, current[id])) continue;
    if (!same(current[id], base[id])) conflicts.push({ id, sheet: current[id] ?? '', yours });
    else writes[id] = yours;
  }
  return { writes, conflicts };
}

/**
 * A step's field ids renumbered from the stages as the user's form had them (`shown`, stage
 * ids in order) to the stages as the sheet has them now: a colleague may have moved, added or
 * removed stages since the step was loaded, and a value belongs to its stage, not its column.
 * Values of stages that are gone are set apart, with the stage's position in the form.
 */
export function renumberStages<T>(
  values: Record<string, T>,
  shown: readonly string[],
  now: readonly string[],
): {
  values: Record<string, T>;
  gone: { stage: number; id: string; value: T }[];
  toShown: (id: string) => string;
} {
  const where = new Map(now.map((id, i) => [id, i]));
  const back = new Map<number, number>();
  const out: Record<string, T> = {};
  const gone: { stage: number; id: string; value: T }[] = [];
  for (const [id, value] of Object.entries(values)) {
    const f = parseFieldId(id);
    if (!f || f.stage === null || f.stage >= shown.length) {
      out[id] = value; // not a stage field of the form: checkStepValues judges it
      continue;
    }
    const target = where.get(shown[f.stage] ?? '');
    if (target === undefined) gone.push({ stage: f.stage, id, value });
    else {
      back.set(target, f.stage);
      out[stageId(target, f.row)] = value;
    }
  }
  const toShown = (id: string) => {
    const f = parseFieldId(id);
    return f && f.stage !== null ? stageId(back.get(f.stage) ?? f.stage, f.row) : id;
  };
  return { values: out, gone, toShown };
}
