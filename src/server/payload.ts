/**
 * What the add-on's pages send (the wizard, the menu's dialogs), checked whole before anything
 * is read or written: a malformed call is refused in words, naming its fields, in its map's
 * language when it names a map that exists.
 */
import type * as z from 'zod/mini';
import { CELL_LIMIT } from '../core/map/names';
import { CATALOGUE, LANGS, t, type Lang } from '../core/words/i18n';
import { findMapSheet } from '../sheets/map-lookup';
import { nameLabel } from '../sheets/map-sheet';
import { activeSpreadsheet, languageOfSpreadsheet } from '../sheets/workbook';
import { UserError } from './errors';
import { mapIdSchema } from '../requests';

/** The language to refuse a malformed call in: its map's, when the call names a map that exists. */
function refusalLang(payload: unknown): Lang {
  const ss = activeSpreadsheet();
  const mapId =
    payload !== null && typeof payload === 'object'
      ? (payload as { mapId?: unknown }).mapId
      : undefined;
  const sheet =
    typeof mapId === 'string' && mapIdSchema().safeParse(mapId).success
      ? findMapSheet(ss, mapId)
      : null;
  const label = sheet ? nameLabel(sheet) : undefined;
  return LANGS.find((l) => CATALOGUE[l]['row.name'] === label) ?? languageOfSpreadsheet(ss);
}

/**
 * The whole payload, checked before anything is read or written; a refusal names the fields, in
 * words.
 */
export function parse<T>(schema: z.ZodMiniType<T>, payload: unknown): T {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const lang = refusalLang(payload);
  const fields = [
    ...new Set(parsed.error.issues.map((i) => i.path.map(String).join('.') || '—')),
  ].join(', ');
  // A text pasted into the form past what a cell holds: the user can shorten it, a retry cannot.
  if (
    parsed.error.issues.every(
      (i) => i.code === 'too_big' && i.origin === 'string' && i.maximum === CELL_LIMIT,
    )
  )
    throw UserError.of(lang, 'err.textTooLong', { n: CELL_LIMIT, fields });
  throw UserError.of(lang, 'err.badRequest', { reason: t(lang, 'err.badFields', { fields }) });
}
