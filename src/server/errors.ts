import type { Lang } from '../core/words/i18n';
import type { Journey } from '../core/map/journey';
import type { ReadResult } from '../core/map/read-map';
import { UserError } from '../core/words/user-error';

export { UserError };

/** A sheet's read result as a journey, or the sentence that says why it is not a usable map. */
export function journeyOrThrow(result: ReadResult, lang: Lang): Journey {
  if (result.ok) return result.journey;
  if (result.problem === 'notMap') throw UserError.of(lang, 'err.notMap');
  // A damaged map is spoken about in its own language, whatever the spreadsheet's.
  const own = result.lang ?? lang;
  throw UserError.of(own, 'err.damaged', { reason: result.reason(own) });
}
