import { t, type Lang, type MessageKey } from '../core/words/i18n';
import type { Journey } from '../core/map/journey';
import type { ReadResult } from '../core/map/read-map';

/**
 * A known failure the marketer can act on (not a map, lock busy, damaged map). Handlers
 * show its message; anything else is a bug and propagates with its stack.
 */
/** A sheet's read result as a journey, or the sentence that says why it is not a usable map. */
export function journeyOrThrow(result: ReadResult, lang: Lang): Journey {
  if (result.ok) return result.journey;
  if (result.problem === 'notMap') throw UserError.of(lang, 'err.notMap');
  // A damaged map is spoken about in its own language, whatever the spreadsheet's.
  const own = result.lang ?? lang;
  throw UserError.of(own, 'err.damaged', { reason: result.reason(own) });
}

export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }

  static of(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): UserError {
    return new UserError(t(lang, key, vars));
  }
}
