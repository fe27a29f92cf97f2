import { t, type Lang, type MessageKey } from './i18n';

/**
 * A known failure the marketer can act on (not a map, lock busy, damaged map, a protected
 * range). Handlers show its message; anything else is a bug and propagates with its stack.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }

  static of(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): UserError {
    return new UserError(t(lang, key, vars));
  }
}
