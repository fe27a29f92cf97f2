/**
 * The pure logic of a wizard step's form: what the inputs show for a cell value, what a
 * typed text sends back, and how a save request is built, retried after a conflict and
 * carried over a stage edit. No DOM here, so it is unit-tested directly.
 */
import type {
  CellData,
  Conflict,
  FieldView,
  Lang,
  SaveStepRequest,
  StageEdit,
  StepView,
} from '../../src/contract';
import { parseNumber as parseCore } from '../../src/core/funnel/numbers';

/** What the user sees (and types) in each field of the step, by field id. */
export type Draft = Record<string, string>;
export type Kind = FieldView['kind'];
export type Choice = 'sheet' | 'mine';

const NUMERIC: readonly Kind[] = ['number', 'money', 'score', 'share'];

/**
 * 12 significant digits hide binary noise (0.07 × 100 = 7.000000000000001) without losing input.
 */
function tidy(n: number): number {
  return Number(n.toPrecision(12));
}

/** A number as the user would type it: no grouping, comma decimals in Russian. */
export function plainNumber(n: number, lang: Lang): string {
  const s = String(tidy(n));
  return lang === 'ru' ? s.replace('.', ',') : s;
}

/**
 * A typed number, tolerant of how people write them: "1 000", "1,5" (ru), "1,000.5" (en),
 * read by the core's parser, the one the server checks the value with: "1,500" is 1.5 in
 * Russian and 1500 in English, as the sheet reads it. null when it is not a number, so the
 * caller can send the text for the server to explain.
 */
export function parseNumber(text: string, lang: Lang): number | null {
  return parseCore(text, lang);
}

/** "12", "12%" or "12,5 %" → 0.12 / 0.125: a share is always typed in percent. */
export function parseShare(text: string, lang: Lang): number | null {
  const n = parseNumber(text.trim().replace(/%$/, ''), lang);
  // Dividing (not multiplying by 0.01) gives the double nearest to the typed percent.
  return n === null ? null : n / 100;
}

export function shareText(fraction: number, lang: Lang): string {
  return `${plainNumber(fraction * 100, lang)}%`;
}

/** The text an input shows for a cell value of a field of this kind. */
export function toInput(value: CellData | undefined, kind: Kind, lang: Lang): string {
  if (value === undefined || value === '') return '';
  if (typeof value === 'number') {
    if (kind === 'share') return shareText(value, lang);
    if (NUMERIC.includes(kind)) return plainNumber(value, lang);
    return String(value);
  }
  // An ISO timestamp shows as its date; anything else stays the text the sheet holds.
  if (kind === 'date' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return value.slice(0, 10);
  return value;
}

/**
 * The cell value to send for what the user typed; unparseable numbers go as text for the server to
 * report.
 */
export function fromInput(text: string, kind: Kind, lang: Lang): CellData {
  const trimmed = text.trim();
  if (!NUMERIC.includes(kind)) return kind === 'date' || kind === 'select' ? trimmed : text;
  if (trimmed === '') return '';
  const n = kind === 'share' ? parseShare(trimmed, lang) : parseNumber(trimmed, lang);
  return n === null ? trimmed : n;
}

/** Stage-field rows in order, whether the server lists them for stage 0 only or for every stage. */
function stageRows(view: StepView): FieldView[] {
  const seen = new Map<string, FieldView>();
  for (const f of view.stageFields) {
    const row = f.id.slice(f.id.lastIndexOf('.') + 1);
    if (!seen.has(row)) seen.set(row, f);
  }
  return [...seen.values()];
}

/** The fields of stage `index`, with their ids "stage.<index>.<row>". */
export function stageFieldsFor(view: StepView, index: number): FieldView[] {
  return stageRows(view).map((f) => ({
    ...f,
    id: `stage.${index}.${f.id.slice(f.id.lastIndexOf('.') + 1)}`,
  }));
}

/** Every field of the step: the side fields, then each stage's. */
export function stepFields(view: StepView): FieldView[] {
  return [...view.sideFields, ...view.stages.flatMap((_, i) => stageFieldsFor(view, i))];
}

export function draftFrom(
  fields: readonly FieldView[],
  values: Record<string, CellData>,
  lang: Lang,
): Draft {
  return Object.fromEntries(fields.map((f) => [f.id, toInput(values[f.id], f.kind, lang)]));
}

export function isDirty(
  field: FieldView,
  draft: Draft,
  base: Record<string, CellData>,
  lang: Lang,
): boolean {
  return (draft[field.id] ?? '') !== toInput(base[field.id], field.kind, lang);
}

export function anyDirty(
  fields: readonly FieldView[],
  draft: Draft,
  base: Record<string, CellData>,
  lang: Lang,
): boolean {
  return fields.some((f) => isDirty(f, draft, base, lang));
}

/**
 * saveStep's request: every field of the step and nothing else. A field the user did not
 * touch sends the loaded value itself, so formatting round trips never change a cell.
 */
export function buildSaveRequest(
  view: StepView,
  draft: Draft,
  base: Record<string, CellData>,
): SaveStepRequest {
  const values: Record<string, CellData> = {};
  const sentBase: Record<string, CellData> = {};
  for (const f of stepFields(view)) {
    const loaded = base[f.id] ?? '';
    sentBase[f.id] = loaded;
    values[f.id] = isDirty(f, draft, base, view.lang)
      ? fromInput(draft[f.id] ?? '', f.kind, view.lang)
      : loaded;
  }
  return {
    mapId: view.mapId,
    step: view.step,
    values,
    base: sentBase,
    stages: view.stages.map(({ id, name }) => ({ id, name })),
  };
}

/**
 * The retry after a conflict: for each cell the sheet's value becomes the base (the user
 * has now seen it) and the value sent is the one they chose.
 */
export function applyConflictChoices(
  req: SaveStepRequest,
  conflicts: readonly Conflict[],
  choices: Record<string, Choice>,
): SaveStepRequest {
  const values = { ...req.values };
  const base = { ...req.base };
  for (const c of conflicts) {
    base[c.id] = c.sheet;
    values[c.id] = choices[c.id] === 'sheet' ? c.sheet : c.yours;
  }
  return { ...req, values, base };
}

/** Where a field id lands after a stage edit; null when its stage was removed. */
export function remapFieldId(id: string, edit: StageEdit): string | null {
  const m = /^stage\.(\d+)\.(.+)$/.exec(id);
  if (!m) return id;
  const i = Number(m[1]);
  let to = i;
  if (edit.kind === 'add') to = i > edit.after ? i + 1 : i;
  else if (edit.kind === 'remove') {
    if (i === edit.index) return null;
    to = i > edit.index ? i - 1 : i;
  } else if (i === edit.index) to = i + edit.by;
  else if (i === edit.index + edit.by) to = edit.index;
  return `stage.${to}.${m[2]}`;
}

/**
 * The draft for a fresh view of the same step (after a stage edit, charts, a reload): the
 * sheet's new values, with whatever the user had typed and not saved kept on top, in the field
 * its stage moved to (by the edit, or by a function from the old field id to the new one).
 */
export function carryDraft(
  old: { fields: readonly FieldView[]; draft: Draft; base: Record<string, CellData> },
  view: StepView,
  moved: StageEdit | ((id: string) => string | null) | null,
): Draft {
  const fields = stepFields(view);
  const next = draftFrom(fields, view.values, view.lang);
  const to =
    moved === null
      ? (id: string) => id
      : typeof moved === 'function'
        ? moved
        : (id: string) => remapFieldId(id, moved);
  for (const f of old.fields) {
    if (!isDirty(f, old.draft, old.base, view.lang)) continue;
    const id = to(f.id);
    if (id !== null && id in next) next[id] = old.draft[f.id] ?? '';
  }
  return next;
}

/**
 * The draft after a save came back: the sheet's values, except fields the user kept typing
 * in while the call was in flight (their text differs from what was sent).
 */
export function keepTypedSince(next: Draft, sent: Draft, now: Draft): Draft {
  const out = { ...next };
  for (const id of Object.keys(now)) if (id in out && now[id] !== sent[id]) out[id] = now[id] ?? '';
  return out;
}
