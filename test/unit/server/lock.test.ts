/**
 * A write under the document lock: it runs when the lock is free, and is refused in words (and not
 * run) while another change holds it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../../src/server/errors';
import { withDocumentLock } from '../../../src/server/lock';
import { emulated } from '../emulated';

afterEach(() => {
  vi.unstubAllGlobals();
});

const BUSY_EN =
  'Another change to this spreadsheet is still running. Wait a few seconds and try again.';
const BUSY_RU =
  'Другое изменение этой таблицы ещё выполняется. Подождите несколько секунд и повторите.';

describe('a write under the document lock', () => {
  it('runs the write and answers what it returned when the lock is free', () => {
    emulated();
    const write = vi.fn(() => 'written');
    expect(withDocumentLock('en', write)).toBe('written');
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('refuses in the language given, without writing, while another change holds the lock', () => {
    const { wb } = emulated();
    wb.lock.holdByOther();
    const write = vi.fn(() => 'written');
    expect(() => withDocumentLock('en', write)).toThrow(new UserError(BUSY_EN));
    expect(() => withDocumentLock('ru', write)).toThrow(new UserError(BUSY_RU));
    expect(write).not.toHaveBeenCalled();
  });

  it('asks for the language only when the lock is busy, and speaks it', () => {
    const { wb } = emulated();
    const lang = vi.fn((): 'ru' => 'ru');
    withDocumentLock(lang, () => 1);
    expect(lang).not.toHaveBeenCalled();
    wb.lock.holdByOther();
    let message = '';
    try {
      withDocumentLock(lang, () => 1);
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      message = (e as Error).message;
    }
    expect(message).toBe(BUSY_RU);
  });

  it('waits up to ten seconds for the lock', () => {
    emulated();
    const tryLock = vi.fn(() => true);
    vi.stubGlobal('LockService', { getDocumentLock: () => ({ tryLock }) });
    withDocumentLock('en', () => 1);
    expect(tryLock).toHaveBeenCalledWith(10000);
  });
});
