/**
 * Validation of what the sidebar sends (zod/mini keeps the bundle small). Schemas are
 * built per language so each field error reads in the user's language, and errors come
 * back per field, for the form to show next to the field.
 */
import * as z from 'zod/mini';
import { LANGS, t, type Lang } from '../words/i18n';
import { MAX_STAGES, MIN_STAGES } from './layout';
import { hasControl, NAME_MAX, type NameKind } from './names';
import { PRESET_IDS } from './stages';

const TEXT_MAX = 300;

/** Free text, trimmed, within `max` characters; whether it may be blank is the form's check. */
function text(lang: Lang, max: number) {
  return z.string().check(z.trim(), z.maxLength(max, t(lang, 'field.tooLong', { n: max })));
}

/** A name of its kind: on one line, within its limit. */
function name(lang: Lang, kind: NameKind) {
  return text(lang, NAME_MAX[kind]).check(z.refine((s) => !hasControl(s), t(lang, 'name.control')));
}

export function newMapSchema(lang: Lang) {
  return z
    .object({
      name: name(lang, 'map'),
      segment: text(lang, TEXT_MAX),
      product: text(lang, TEXT_MAX),
      preset: z.enum(PRESET_IDS, t(lang, 'field.choose')),
      stages: z.array(name(lang, 'stage')),
      lang: z.enum(LANGS, t(lang, 'field.choose')),
      locale: z.string().check(z.maxLength(20), z.regex(/^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*$/)),
      example: z.boolean(),
      /** the custom stage that is the deal (C), by its place among the named stages */
      deal: z.optional(z.nullable(z.number().check(z.int(), z.minimum(0)))),
    })
    .check(
      z.refine((r) => r.example || r.name !== '' || (r.segment !== '' && r.product !== ''), {
        error: t(lang, 'field.required'),
        path: ['segment'],
      }),
      z.refine((r) => r.preset !== 'custom' || stageCountOk(r.stages), {
        error: t(lang, 'field.stages', { min: MIN_STAGES, max: MAX_STAGES }),
        path: ['stages'],
      }),
      z.refine(
        (r) =>
          r.preset !== 'custom' ||
          r.deal == null ||
          r.deal < r.stages.filter((s) => s.trim() !== '').length,
        { error: t(lang, 'field.choose'), path: ['deal'] },
      ),
    );
}

function stageCountOk(stages: readonly string[]): boolean {
  const named = stages.filter((s) => s.trim() !== '');
  return named.length >= MIN_STAGES && named.length <= MAX_STAGES;
}

export type NewMapRequest = z.infer<ReturnType<typeof newMapSchema>>;

export type Validated<T> =
  | { ok: true; value: T }
  | { ok: false; fieldErrors: Record<string, string> };

/** Parses `payload`; on failure, one message per field (the first problem of each). */
export function validate<T>(schema: z.ZodMiniType<T>, payload: unknown, lang: Lang): Validated<T> {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    // An error in one of a list's items (stages.3) belongs to the list's field.
    const field = issue.path.length ? String(issue.path[0]) : '_form';
    fieldErrors[field] ??=
      issue.message && !/^Invalid/.test(issue.message) ? issue.message : t(lang, 'field.invalid');
  }
  return { ok: false, fieldErrors };
}
