import type { Lang } from '../core/words/i18n';
import { UserError } from './errors';

const WAIT_MS = 10_000;

/**
 * Runs a write under the document lock, so two people editing the same map cannot
 * interleave. Apps Script releases the lock when the execution ends, which is right
 * after every handler's write; releasing earlier would first need a flush (an extra call).
 */
export function withDocumentLock<T>(lang: Lang | (() => Lang), write: () => T): T {
  const lock = LockService.getDocumentLock();
  // The language is looked up only when the lock is busy: the message is the only thing that needs
  // it.
  if (!lock?.tryLock(WAIT_MS))
    throw UserError.of(typeof lang === 'function' ? lang() : lang, 'err.lock');
  return write();
}
